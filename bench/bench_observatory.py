"""Observatory query times on a large store (target: < 200 ms per query).

    .venv/bin/python bench/bench_observatory.py -n 1000000 [--db /tmp/obs-bench.db] [--keep]

Builds (or reuses, with --db pointing to an existing file: build it once into /tmp, it takes about
20 minutes for a million posts) a store of n generated posts saved with their gold analysis
records (the analysers are benchmarked elsewhere), then times: the one-off refreshes (price
statistics, event detection) and the queries the CLI and the report run, in wall and CPU time
(median of 5 runs; wall time is noisy on a shared machine).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from itertools import islice
from typing import Any

from sentinelle.corpus.generator import generate
from sentinelle.observatory import price_table, refresh_events, refresh_stats
from sentinelle.observatory.gold import post_from_gold, record_from_gold
from sentinelle.observatory.report import trends_html
from sentinelle.store import Store, open_store


def build(store: Store, n: int, seed: int) -> float:
    t0 = time.perf_counter()
    it = generate(n, seed=seed)
    run = store.start_run("bench", {"gold": True})
    while batch := list(islice(it, 50_000)):
        store.add_posts(post_from_gold(d) for d in batch)
        store.save_results(run, ((d["id"], record_from_gold(d)) for d in batch))
    store.finish_run(run, {"posts": n})
    return time.perf_counter() - t0


def timed(fn: Callable[[], Any], repeat: int = 5) -> tuple[float, float, Any]:
    """Median wall and CPU milliseconds of `repeat` runs after a warm one; and the last output."""
    out = fn()  # warm
    wall, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        out = fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000, out


def _ts(day: str) -> float:
    return datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--db", default=None)
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args(argv)
    path = a.db or os.path.join(tempfile.mkdtemp(prefix="obs-bench-"), "bench.db")
    fresh = not os.path.exists(path)
    store = open_store(path)
    try:
        if fresh:
            dt = build(store, a.n, a.seed)
            print(f"built {a.n:,} posts in {dt:.1f}s ({a.n / dt:,.0f} posts/s, price points normalised by triggers)")
        stats = store.stats()
        n_prices = sum(1 for _ in store.obs_price_rows()) if stats["posts"] <= 300_000 else None
        print(f"store: {stats['posts']:,} posts, {stats['analysed']:,} analysed"
              + (f", {n_prices:,} price points" if n_prices is not None else ""))
        t0, c0 = time.perf_counter(), time.process_time()
        refresh_stats(store, force=True)
        print(f"refresh: price statistics        {1000 * (time.perf_counter() - t0):9.0f} ms wall "
              f"{1000 * (time.process_time() - c0):9.0f} ms CPU (once per data change)")
        t0, c0 = time.perf_counter(), time.process_time()
        new = refresh_events(store, force=True)
        print(f"refresh: event detection         {1000 * (time.perf_counter() - t0):9.0f} ms wall "
              f"{1000 * (time.process_time() - c0):9.0f} ms CPU ({len(new):,} new events; once per data change)")
        queries: list[tuple[str, Callable[[], Any]]] = [
            ("prices (all products, by month)", lambda: price_table(store, by="month")),
            ("prices --by week", lambda: price_table(store, by="week")),
            ("prices --product cocaine --by week", lambda: price_table(store, by="week", product="cocaine")),
            ("prices --department 69", lambda: price_table(store, by="month", department="69")),
            ("prices --place Marseille --by week", lambda: price_table(store, by="week", place="Marseille")),
            ("prices --network N0007", lambda: price_table(store, by="month", network="N0007")),
            ("events (latest 50)", lambda: store.obs_events(limit=50)),
            ("events --type flash_sale (CLI: 50)", lambda: store.obs_events(type="flash_sale", limit=50)),
            ("volume by week and category", lambda: store.obs_volume("week")),
            ("volume by month, department 13", lambda: store.obs_volume("month", department="13")),
            ("most active networks", lambda: store.obs_top("network", limit=12)),
            ("most active networks, Mar-Sep", lambda: store.obs_top("network", limit=12, since=_ts("2025-03-01"),
                                                                     until=_ts("2025-09-30"))),
            ("most active networks, department 13", lambda: store.obs_top("network", limit=12, department="13")),
            ("departments table", lambda: store.obs_top("department", limit=30)),
            ("alerts --status new", lambda: store.obs_alerts(status="new", limit=50)),
        ]
        worst = worst_cpu = 0.0
        for name, fn in queries:
            ms, cpu, out = timed(fn)
            worst, worst_cpu = max(worst, ms), max(worst_cpu, cpu)
            print(f"query: {name:<40} {ms:9.1f} ms wall {cpu:9.1f} ms CPU  ({len(out):,} rows)")
        ms, cpu, page = timed(lambda: trends_html(store, since="2025-03-01", until="2025-09-30"), repeat=2)
        print(f"report trends (whole HTML page)              {ms:9.1f} ms wall {cpu:9.1f} ms CPU  "
              f"({len(page) // 1024} KiB)")
        print(f"slowest query: {worst:.1f} ms wall, {worst_cpu:.1f} ms CPU (target < 200 ms)")
    finally:
        store.close()
        if not a.keep and a.db is None:
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(path + suffix):
                    os.remove(path + suffix)
    return 0


if __name__ == "__main__":
    sys.exit(main())
