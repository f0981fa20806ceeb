"""Benchmark vendor-network linking: a million posts from ~100k accounts.

    .venv/bin/python bench/bench_networks.py                     # 1,000,000 synthetic posts, 100k accounts
    .venv/bin/python bench/bench_networks.py -n 100000           # a quick run
    .venv/bin/python bench/bench_networks.py --source generator  # texts from sentinelle.corpus.generator

Sources:
- synthetic (default): identifiers are synthesised directly (no texts): n // 10 accounts in planted
  networks of 1 to 4 accounts that share phones, advertise each other's handles, rebrand (v2,
  backup) and reuse menu fingerprints, plus decoys (a hub phone shared by hundreds of accounts, a
  legal business's number also given in illicit posts). The generator cannot make 100k accounts
  with a controlled structure quickly, hence this default; planted networks allow a purity check.
- generator: `generate(n, seed, vendors=n // 50)` posts, their gold labels standing for the analysis
  record; identifiers are extracted from the texts (timed separately: in production that happens
  once per post, at ingest).

Prints the time of each phase (feeding the linker, clustering, building the records), the total
against the target (< 60 s for a million posts), and the peak RSS (resource.getrusage).
"""

from __future__ import annotations

import argparse
import random
import resource
import string
import time
from collections import Counter, defaultdict
from collections.abc import Iterator

from sentinelle.core import Post
from sentinelle.networks import Linker, PostIds, extract, paused_gc

CITIES = ["lyon", "marseille", "lille", "rennes", "nantes", "toulouse", "bordeaux", "nice", "grenoble", "metz",
          "reims", "dijon", "brest", "tours", "amiens", "limoges", "nimes", "pau", "caen", "rouen"]
PRODUCTS = ["cannabis_herb", "cannabis_resin", "cocaine", "mdma", "ketamine", "heroin", "lsd", "3mmc"]
PLATFORMS = ["snapchat", "telegram", "instagram", "whatsapp", "signal"]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _name(rng: random.Random) -> str:
    """A letters-only handle (digits would read as version markers)."""
    return "".join(rng.choices(string.ascii_lowercase, k=rng.randint(8, 11)))


def synthetic(n: int, seed: int) -> tuple[Iterator[PostIds], dict[str, int], int]:
    """(PostIds stream, planted network of each account, number of accounts)."""
    rng = random.Random(seed)
    n_accounts = max(10, n // 10)
    planted: dict[str, int] = {}
    groups: list[list[str]] = []
    phones: list[list[str]] = []
    menus: list[list[int]] = []
    while len(planted) < n_accounts:
        g = len(groups)
        size = rng.choice((1, 1, 2, 2, 3, 4))
        base = _name(rng)
        members = []
        for k in range(size):
            platform = rng.choice(PLATFORMS)
            if k == 1 and rng.random() < 0.3:
                handle = base + rng.choice((".v2", "_backup", "bis"))
            elif k == 0:
                handle = base
            else:
                handle = _name(rng)
            key = f"{platform}:{handle}"
            if key in planted:
                continue
            planted[key] = g
            members.append(key)
        groups.append(members)
        phones.append([f"+336{rng.randrange(10**8):08d}" for _ in range(rng.randint(1, 2))])
        menus.append([rng.getrandbits(63) for _ in range(6)])
    accounts = list(planted)
    hub = "+33700000000"  # shared by hundreds of unrelated accounts: must not link them
    legal = [f"+331{rng.randrange(10**8):08d}" for _ in range(50)]  # businesses also posting publicly
    per = max(1, n // len(accounts))

    def stream() -> Iterator[PostIds]:
        i = 0
        for k, phone in enumerate(legal):  # the businesses themselves, posting publicly
            for _ in range(3):
                i += 1
                yield PostIds(f"b{i}", f"instagram:business{k}", False, "2025-01-01T10:00:00Z", phones=[phone])
        i = 0
        for a in accounts:
            g = planted[a]
            mates = groups[g]
            for _ in range(per if a != accounts[-1] else max(per, n - i)):
                i += 1
                pid = f"p{i}"
                day = rng.randrange(365)
                date = f"2025-{1 + day // 31 % 12:02d}-{1 + day % 28:02d}T{rng.randrange(24):02d}:00:00Z"
                if rng.random() < 0.15:  # a non-illicit post
                    yield PostIds(pid, a, False, date)
                    continue
                ids = PostIds(pid, a, True, date)
                r = rng.random()
                if r < 0.5:
                    ids.phones.append(rng.choice(phones[g]))
                elif r < 0.52:
                    ids.phones.append(hub)
                elif r < 0.53:
                    ids.phones.append(rng.choice(legal))
                if len(mates) > 1 and rng.random() < 0.2:
                    ids.handles.append(rng.choice([m for m in mates if m != a]))
                if rng.random() < 0.25:
                    lines = menus[g][:]
                    if rng.random() < 0.3:
                        lines[rng.randrange(6)] = rng.getrandbits(63)
                    ids.menu = frozenset(lines)
                ids.places = [CITIES[g % len(CITIES)]] if rng.random() < 0.7 else []
                ids.products = rng.sample(PRODUCTS, rng.randint(1, 3))
                yield ids

    return stream(), planted, len(accounts)


def from_generator(n: int, seed: int, linker: Linker, vendors: int | None) -> tuple[float, float, int]:
    """Feed the linker from generated posts; returns (seconds extracting, seconds feeding, accounts)."""
    from sentinelle.corpus.generator import generate

    t_extract = 0.0
    t_add = 0.0
    accounts: set[str] = set()
    cues = linker.cues
    for d in generate(n, seed=seed, vendors=vendors if vendors is not None else max(6, n // 50)):
        post = Post(id=d["id"], text=d["text"], platform=d["platform"], author=d["author"], date=d["date"])
        t0 = time.perf_counter()
        ids = extract(post, d, cues)
        t1 = time.perf_counter()
        linker.add_ids(ids)
        t_add += time.perf_counter() - t1
        t_extract += t1 - t0
        accounts.add(ids.account)
    return t_extract, t_add, len(accounts)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--source", choices=["synthetic", "generator"], default="synthetic")
    ap.add_argument("--vendors", type=int, default=None, help="generator: vendor networks (default n // 50)")
    args = ap.parse_args()

    linker = Linker()
    linker.is_place("lyon")  # load the gazetteer before timing
    planted: dict[str, int] = {}
    t_extract = 0.0
    if args.source == "synthetic":
        stream, planted, n_accounts = synthetic(args.n, args.seed)
        t_gen = t_add = 0.0
        with paused_gc():  # as relink feeds the linker
            for ids in stream:  # generation time is not linking time: time add_ids alone
                t0 = time.perf_counter()
                linker.add_ids(ids)
                t_add += time.perf_counter() - t0
    else:
        t0 = time.perf_counter()
        t_extract, t_add, n_accounts = from_generator(args.n, args.seed, linker, args.vendors)
        t_gen = time.perf_counter() - t0 - t_extract - t_add
    t0 = time.perf_counter()
    nets = linker.networks()
    t_cluster = time.perf_counter() - t0
    t0 = time.perf_counter()
    records = nets.records()
    t_records = time.perf_counter() - t0
    total = t_add + t_cluster + t_records
    n_links = sum(len(r["links"]) for r in records)
    linked_posts = sum(r["n_posts"] for r in records)
    print(f"source {args.source}: {args.n:,} posts, {n_accounts:,} accounts"
          + (f" (generation {t_gen:.1f} s, not counted)" if args.source == "generator" else ""))
    if t_extract:
        print(f"extract identifiers from texts: {t_extract:6.1f} s  ({t_extract / args.n * 1e6:.1f} µs/post, "
              "done once per post at ingest)")
    print(f"feed the linker (add_ids):      {t_add:6.1f} s")
    print(f"cluster (networks()):           {t_cluster:6.1f} s")
    print(f"build records (to_record):      {t_records:6.1f} s")
    print(f"linking total:                  {total:6.1f} s  (target < 60 s)  "
          f"{'OK' if total < 60 * args.n / 1_000_000 else 'SLOW'}")
    print(f"{len(records):,} networks, {linked_posts:,} posts in networks, {n_links:,} links")
    print(f"peak RSS: {rss_mb():,.0f} MB")
    if planted:
        found: dict[str, str] = {}
        for r in records:
            for a in r["accounts"]:
                found[a["account"]] = r["id"]
        by_found: dict[str, set[int]] = defaultdict(set)
        by_planted: dict[int, set[str]] = defaultdict(set)
        for a, g in planted.items():
            if a in found:
                by_found[found[a]].add(g)
                by_planted[g].add(found[a])
        merged = sum(1 for gs in by_found.values() if len(gs) > 1)
        split = sum(1 for ns in by_planted.values() if len(ns) > 1)
        sizes = Counter(len(r["accounts"]) for r in records)
        print(f"check against planted networks: {merged} found networks merge planted ones, "
              f"{split} planted networks are split; accounts per network {dict(sorted(sizes.items()))}")


if __name__ == "__main__":
    main()
