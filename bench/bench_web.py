"""Web app page latency on a large store (target: page p95 < 300 ms with a million posts).

    .venv/bin/python bench/bench_web.py -n 1000000 --db /tmp/web-bench.db      # build once, then reuse
    .venv/bin/python bench/bench_web.py --db /tmp/web-bench.db -r 30           # measure only

Builds (or reuses, with --db pointing to an existing file) a store of n generated posts saved with their
gold analysis records (the analysers are benchmarked elsewhere, see bench_observatory.py), links the
vendor networks, refreshes the observatory (statistics, events, alerts) and adds a few watchlist
entries. Then it logs in an analyst through the real login form and requests every page and API route
N times with varied queries (feed with and without full-text search and filters, random post,
account and network pages, prices with filters, alerts, overview...) through the ASGI app in
process (httpx over starlette's TestClient: no socket, so the figures are the app's and the store's).
Prints p50/p95 per route, the CPU time of the whole run, and the slowest route.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import islice
from typing import Any

from sentinelle.corpus.generator import generate
from sentinelle.observatory.gold import post_from_gold, record_from_gold
from sentinelle.store import Store, open_store

USER, PASSWORD = "bench-analyst", "bench-password-0123"
TARGET_MS = 300.0


def build(store: Store, n: int, seed: int) -> None:
    from sentinelle import observatory
    from sentinelle.collect import relink

    t0 = time.perf_counter()
    it = generate(n, seed=seed)
    run = store.start_run("bench", {"gold": True})
    done = 0
    while batch := list(islice(it, 50_000)):
        store.add_posts(post_from_gold(d) for d in batch)
        store.save_results(run, ((d["id"], record_from_gold(d)) for d in batch))
        done += len(batch)
        if done % 200_000 == 0:
            print(f"  stored {done:,} posts ({time.perf_counter() - t0:.0f} s)", flush=True)
    store.finish_run(run, {"posts": n})
    print(f"built {n:,} posts in {time.perf_counter() - t0:.1f} s", flush=True)
    t0 = time.perf_counter()
    out = relink(store)
    print(f"networks linked in {time.perf_counter() - t0:.1f} s: {out['networks']:,} networks", flush=True)
    for kind, value in (("product", "ketamine"), ("place", "Marseille"), ("term", "livraison")):
        store.obs_watch_add(kind, value, "bench")
    store.obs_rule_add("bench", ["flash_sale", "price_change", "new_vendor", "rebrand", "scam_wave"])
    t0 = time.perf_counter()
    res = observatory.refresh(store, force=True)
    print(f"observatory refreshed in {time.perf_counter() - t0:.1f} s: {res['new_events']:,} events, "
          f"{res['new_alerts']:,} alerts", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=1_000_000, help="posts to generate when building")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--db", default=None, help="store to build or reuse (default: a temporary file)")
    ap.add_argument("-r", "--requests", type=int, default=20, help="requests per route")
    ap.add_argument("--build-only", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the temporary store")
    a = ap.parse_args(argv)
    path = a.db or os.path.join(tempfile.mkdtemp(prefix="web-bench-"), "bench.db")
    try:
        if not os.path.exists(path):
            store = open_store(path)
            try:
                build(store, a.n, a.seed)
            finally:
                store.close()
        if a.build_only:
            return 0
        return measure(path, a.requests, a.seed)
    finally:
        if not a.keep and a.db is None:
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(path + suffix):
                    os.remove(path + suffix)


def _ensure_users(path: str) -> None:
    from sentinelle import accounts

    with open_store(path) as store:
        names = {u.name for u in accounts.list_users(store)}
        for name, role in ((USER, "admin"), (USER + "-r", "researcher")):
            if name not in names:
                accounts.add_user(store, name, role, PASSWORD)


def _client(app: Any, name: str) -> Any:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    c = TestClient(app)
    c.__enter__()
    page = c.get("/login").text
    m = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert m, "no CSRF token on /login"
    r = c.post("/login", data={"username": name, "password": PASSWORD, "csrf_token": m.group(1), "next": "/"},
               follow_redirects=False)
    if r.status_code != 303:
        raise SystemExit(f"login as {name} failed: HTTP {r.status_code}")
    return c


WORDS = ("livraison", "dispo", "beuh", "coke", "snap", "promo", "recrute", "menu", "weed", "frappe",
         '"livraison rapide"', "liv*", "cali", "kétamine", "zone", "ouvert")


def _samples(path: str, seed: int) -> dict[str, list[str]]:
    """What the varied requests draw from: post ids, account keys, phones, networks, facets (not timed)."""
    from urllib.parse import quote

    from sentinelle.core import PRODUCTS

    rng = random.Random(seed)
    with open_store(path) as store:
        n = store.stats()["posts"]
        width = max(4, len(str(n)))
        posts: list[str] = []
        accounts: list[str] = []
        phones: list[str] = []
        nets: set[str] = set()
        for i in rng.sample(range(1, n + 1), min(n, 400)):
            obj = store.get(f"gen-{i:0{width}d}")
            if obj is None:
                continue
            posts.append(str(obj["id"]))
            if obj.get("author"):
                accounts.append(quote(f"{obj['platform']}:{obj['author']}", safe=":@"))
            phones += [quote(f"phone:{p}", safe=":@+") for p in obj.get("phones") or ()]
            if obj.get("network"):
                nets.add(str(obj["network"]))
        nets.update(r["id"] for r in store.web_networks_page(limit=30))  # the largest too
        places = [k for k, _ in store.web_top("places", limit=40)]
        departments = [k for k, _ in store.web_top("departments", limit=40)]
    if not posts:
        raise SystemExit(f"{path}: no generated posts (ids gen-...) in this store")
    return {"posts": posts, "accounts": accounts or ["telegram:nobody"], "phones": phones or ["phone:+33600000000"],
            "networks": sorted(nets) or ["N-none"], "places": places or ["Lyon"],
            "departments": departments or ["69"], "products": list(PRODUCTS), "n": [str(n)]}


def _routes(s: dict[str, list[str]], rng: random.Random) -> list[tuple[str, str, Callable[[], str]]]:
    """(route, client, url maker): every page and API route, with varied arguments."""
    from urllib.parse import quote

    def pick(k: str) -> str:
        return rng.choice(s[k])

    def word() -> str:
        return quote(rng.choice(WORDS))

    n = int(s["n"][0])
    return [
        ("GET /", "a", lambda: "/"),
        ("GET /api/overview", "a", lambda: "/api/overview"),
        ("GET /feed", "a", lambda: "/feed"),
        ("GET /feed?q=", "a", lambda: f"/feed?q={word()}"),
        ("GET /feed?q=&filters", "a", lambda: f"/feed?q={word()}&category=sale&department={pick('departments')}"),
        ("GET /feed?category&product", "a", lambda: f"/feed?category=sale&product={pick('products')}"),
        ("GET /feed?place", "a", lambda: f"/feed?place={quote(pick('places'))}"),
        ("GET /feed?department&since&until", "a",
         lambda: f"/feed?department={pick('departments')}&since=2025-0{rng.randint(1, 5)}-01"
                 f"&until=2025-0{rng.randint(6, 9)}-28"),
        ("GET /feed?platform&product&place", "a",
         lambda: f"/feed?platform={rng.choice(['telegram', 'snapchat', 'instagram', 'twitter', 'whatsapp'])}"
                 f"&product={pick('products')}&place={quote(pick('places'))}"),
        ("GET /feed?...&before= (page N)", "a", lambda: f"/feed?category=sale&before={rng.randint(1, n)}"),
        ("GET /feed?q= (researcher)", "r", lambda: f"/feed?q={word()}"),
        ("GET /posts/{id}", "a", lambda: f"/posts/{pick('posts')}"),
        ("GET /posts/{id} (researcher)", "r", lambda: f"/posts/{pick('posts')}"),
        ("GET /accounts/{platform:handle}", "a", lambda: f"/accounts/{pick('accounts')}"),
        ("GET /accounts/{phone}", "a", lambda: f"/accounts/{pick('phones')}"),
        ("GET /networks", "a", lambda: f"/networks?page={rng.randint(0, 3)}"),
        ("GET /networks/{id}", "a", lambda: f"/networks/{pick('networks')}"),
        ("GET /networks/{id} (researcher)", "r", lambda: f"/networks/{pick('networks')}"),
        ("GET /api/networks/{id}/graph", "a", lambda: f"/api/networks/{pick('networks')}/graph"),
        ("GET /prices", "a", lambda: "/prices"),
        ("GET /prices?product&department", "a",
         lambda: f"/prices?product={pick('products')}&department={pick('departments')}&by=week"),
        ("GET /prices?place&by=week", "a", lambda: f"/prices?place={quote(pick('places'))}&by=week"),
        ("GET /api/prices", "a", lambda: rng.choice(["/api/prices", f"/api/prices?product={pick('products')}&by=week",
                                                      f"/api/prices?department={pick('departments')}"])),
        ("GET /alerts", "a", lambda: rng.choice(["/alerts", "/alerts?status=new", "/alerts?status=seen"])),
        ("GET /watchlists", "a", lambda: "/watchlists"),
        ("GET /import", "a", lambda: "/import"),
        ("GET /audit", "a", lambda: "/audit"),
        ("GET /users", "a", lambda: "/users"),
    ]


def _pct(values: list[float], p: float) -> float:
    xs = sorted(values)
    return xs[min(len(xs) - 1, max(0, round(p / 100 * len(xs) + 0.5) - 1))]


def measure(path: str, n: int, seed: int) -> int:
    from sentinelle.web.app import create_app

    _ensure_users(path)
    rng = random.Random(seed)
    t0 = time.perf_counter()
    samples = _samples(path, seed)
    print(f"store: {samples['n'][0]} posts; sampled {len(samples['posts'])} posts, {len(samples['accounts'])} "
          f"accounts, {len(samples['networks'])} networks ({time.perf_counter() - t0:.1f} s, not timed)")
    app = create_app(path)
    clients = {"a": _client(app, USER), "r": _client(app, USER + "-r")}
    print(f"{'route':<38} {'first':>8} {'p50':>8} {'p95':>8} {'cpu p95':>8}  (ms; {n} requests each after the first)")
    worst: tuple[float, str] = (0.0, "")
    cpu_start = time.process_time()
    failures = []
    try:
        for name, who, url in _routes(samples, rng):
            client = clients[who]
            walls: list[float] = []
            cpus: list[float] = []
            first = 0.0
            for i in range(n + 1):
                u = url()
                c0, w0 = time.process_time(), time.perf_counter()
                r = client.get(u)
                w, c = 1000 * (time.perf_counter() - w0), 1000 * (time.process_time() - c0)
                if r.status_code not in (200, 404) or (r.status_code == 404 and "/posts/" in u):
                    failures.append(f"{u}: HTTP {r.status_code}")
                if i == 0:
                    first = w  # cold: caches (overview counts, pseudonyms) filled here
                    continue
                walls.append(w)
                cpus.append(c)
            p50, p95, c95 = statistics.median(walls), _pct(walls, 95), _pct(cpus, 95)
            worst = max(worst, (p95, name))
            flag = "" if p95 < TARGET_MS else "  SLOW"
            print(f"{name:<38} {first:8.1f} {p50:8.1f} {p95:8.1f} {c95:8.1f}{flag}", flush=True)
    finally:
        for c in clients.values():
            c.__exit__(None, None, None)
    print(f"CPU time of all requests: {time.process_time() - cpu_start:.1f} s")
    for f in failures[:10]:
        print(f"unexpected answer: {f}")
    print(f"slowest route: {worst[1]}, p95 {worst[0]:.1f} ms (target < {TARGET_MS:.0f} ms) "
          f"{'OK' if worst[0] < TARGET_MS else 'SLOW'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
