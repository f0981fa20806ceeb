"""The README's main job: ingest the bundled sample corpus into SQLite, show a newcomer what came out,
then serve the analyst web app over it with a demo admin login (`run_main_job`)."""

from __future__ import annotations

import json
import secrets
import socket
import textwrap
import time
from collections import Counter
from pathlib import Path
from typing import IO, Any

from .collect import ingest, networks, open_db
from .lexicon import data_dir
from .store.export import write_jsonl
from .store.query import Query

SAMPLE = "sample/sample.jsonl"
DEMO_ADMIN = "demo-admin"


def sample_path() -> Path:
    return data_dir() / SAMPLE


def run_demo(db: str, output: str | None = None, examples: int = 3, out: IO[str] | None = None) -> int:
    import sys

    out = out or sys.stdout
    path = sample_path()
    Path(db).parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    with open_db(db) as store:
        report = ingest([path], store)
        seconds = time.perf_counter() - t0
        posts = list(store.export_posts())
        nets = networks(store)
        prices = _prices(store)
        if output:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            with open(output, "w", encoding="utf-8") as fh:
                write_jsonl(posts, fh)
        sales = store.count(Query(category="sale"))
    gold = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            g = json.loads(line)
            gold[g["text"]] = g["category"]
    agree = sum(1 for p in posts if gold.get(p["text"]) == p["category"])
    cats = Counter(p["category"] for p in posts)
    products = Counter(x for p in posts for x in p["products"] or [])

    w = out.write
    if report.added:
        w(f"Sentinelle ingested the bundled sample corpus ({path.name}: {report.added} synthetic posts) into "
          f"{db} and analysed them in {seconds:.1f} s.\n")
    else:
        w(f"The bundled sample corpus is already in {db} ({len(posts)} posts); nothing was added.\n")
    w("\nVerdicts:\n")
    for cat in ("sale", "recruitment", "other"):
        w(f"  {cat:12} {cats.get(cat, 0):6}\n")
    w(f"  agreement with the generator's labels: {agree / max(len(posts), 1):.1%} "
      "(synthetic posts; the dev and held-out sets measure real quality)\n")
    w("\nMost advertised products:\n")
    for name, n in products.most_common(6):
        w(f"  {name:22} {n:6} posts\n")
    if prices:
        w("\nMedian unit prices, all areas, busiest month of each product (EUR, smallest quantity tier):\n")
        for r in prices[:5]:
            w(f"  {r['product']:22} {r['median']:8.2f} € per {r['unit']:<6} ({r['n']} price points)\n")
    w(f"\nVendor networks: {len(nets)} (accounts linked across platforms and rebrands), over {sales} sale posts.\n")
    if nets:
        big = max(nets, key=lambda n: n.get("n_posts", 0))
        accounts = ", ".join(a["account"] for a in big.get("accounts", [])[:4])
        w(f"  largest: {big['id']}, {big['n_posts']} posts, accounts {accounts}\n")
        for link in big.get("links", [])[:2]:
            w(f"    because {link['explanation']}\n")
    for cat in ("sale", "recruitment", "other"):
        shown = [p for p in posts if p["category"] == cat][:examples if cat == "sale" else 1]
        for p in shown:
            _show(p, w)
    if report.rejected:
        w(f"\n{report.rejected} items rejected (see {db}.quarantine.jsonl)\n")
    w(f"\nTry: sentinelle search livraison --db {db}   |   sentinelle networks --db {db}\n")
    if output:
        w(f"Every post with its verdict and evidence: {output}\n")
    return 0


def demo_admin(db: str, name: str = DEMO_ADMIN) -> tuple[str, str]:
    """Create the demo admin user, or reset it (admin, active, new password); (name, password).

    The password is random and new on every run: it is printed once and never stored in clear."""
    from . import accounts, audit

    password = secrets.token_urlsafe(12)
    with open_db(db) as store:
        user = accounts.get_user(store, name)
        if user is None:
            accounts.add_user(store, name, "admin", password)
            audit.record(store, user="demo", action="user_add", target=name, detail={"role": "admin"})
        else:
            accounts.set_role(store, name, "admin")
            if not user.active:
                accounts.enable_user(store, name)
            accounts.set_password(store, name, password)
            audit.record(store, user="demo", action="user_password", target=name)
    return name, password


def port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def run_main_job(db: str, output: str | None = None, *, serve: bool = True, host: str = "127.0.0.1",
                 port: int = 8000, out: IO[str] | None = None) -> int:
    """The summary of `run_demo`, then (unless `serve` is False) the web app on host:port until Ctrl-C."""
    import sys

    out = out or sys.stdout

    def busy() -> bool:
        if port_free(host, port):
            return False
        print(f"sentinelle: error: {host}:{port} is already in use; stop what is using it or choose another "
              f"port (--port {port + 1})", file=sys.stderr)
        return True

    if serve and busy():  # say so before the minute of analysis, not after
        return 1
    code = run_demo(db, output=output, out=out)
    if code or not serve:
        return code
    if busy():
        return 1
    import uvicorn

    from .web.app import create_app

    name, password = demo_admin(db)
    app = create_app(db)
    w = out.write
    w("\nThe analyst web app now serves this database:\n")
    w(f"  open   http://{host}:{port}/\n")
    w(f"  log in {name} / {password}   (a demo admin; a new password on every run)\n")
    w("  Ctrl-C stops it. Real users: sentinelle users add NAME --role analyst --password-stdin "
      f"--db {db}\n")
    out.flush()
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False, server_header=False)
    w("Web app stopped.\n")
    return 0


def _prices(store: Any) -> list[dict[str, Any]]:
    try:
        from .observatory import price_table, refresh_stats

        refresh_stats(store)
        rows = [r for r in price_table(store, by="month") if r.get("currency") == "EUR" and r.get("tier") == 1]
    except Exception:  # the summary must not fail on an observatory problem
        return []
    best: dict[str, dict[str, Any]] = {}
    for r in rows:
        if r["product"] not in best or r["n"] > best[r["product"]]["n"]:
            best[r["product"]] = r
    return sorted(best.values(), key=lambda r: -r["n"])


def _show(p: dict[str, Any], w: Any) -> None:
    w(f"\n── {p['id']}: {p['category'].upper()} (score {p['score']:.2f})\n")
    w(textwrap.indent(textwrap.shorten(p["text"].replace("\n", " ⏎ "), 220), "   ") + "\n")
    facts = []
    if p["products"]:
        facts.append("products " + ", ".join(p["products"]))
    if p["prices"]:
        q = p["prices"][0]
        facts.append(f"price {q['price']:g} {q['currency']} for {q['quantity']:g} {q['unit']} of {q['product']}")
    for key in ("phones", "places"):
        if p[key]:
            facts.append(f"{key} " + ", ".join(map(str, p[key][:3])))
    if facts:
        w("   facts: " + "; ".join(facts) + "\n")
    why = [e for e in p["evidence"] or [] if e["field"] == "category"][:4]
    if why:
        w("   why:   " + "; ".join(f"{e['text']!r} ({e['rule']})" for e in why) + "\n")
