"""Benchmark ingest: storage alone, then analysis of the stored posts, then full-text queries.

    .venv/bin/python bench/bench_ingest.py              # 1,000,000 generated posts
    .venv/bin/python bench/bench_ingest.py -n 200000

Prints posts/s for storage alone (import + store, target >= 10,000/s), posts/s for the analysis
that follows (bounded by the analysers), peak RSS (target < 1 GB), database size, and the p50/p95
of a mix of full-text and filtered searches (target p95 < 50 ms at a million posts).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import tempfile
import time
from pathlib import Path

from sentinelle.collect import ingest, open_db, reanalyse
from sentinelle.corpus.generator import generate

QUERIES = [
    {"text": "livraison"}, {"text": "cocaine"}, {"text": "amnesia"}, {"text": "\"carte fidelite\""},
    {"text": "snap"}, {"text": "recrute guetteur"}, {"category": "sale"}, {"product": "cocaine"},
    {"place": "Lyon"}, {"department": "93"}, {"text": "livraison", "category": "sale"},
    {"text": "menu", "product": "cannabis_herb"}, {"platform": "telegram", "category": "recruitment"},
    {"text": "frappe*"},
]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=1_000_000)
    ap.add_argument("--files", type=int, default=10, help="split the corpus into this many export files")
    ap.add_argument("--no-analysis", action="store_true", help="measure storage and search only")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        src = root / "exports"
        src.mkdir()
        per = args.n // args.files
        handles = [(src / f"part{k:03}.jsonl").open("w", encoding="utf-8") for k in range(args.files)]
        for i, rec in enumerate(generate(args.n, seed=7)):
            keep = {k: rec[k] for k in ("id", "platform", "author", "date", "lang", "text")}
            handles[min(i // max(per, 1), args.files - 1)].write(json.dumps(keep, ensure_ascii=False) + "\n")
        for fh in handles:
            fh.close()
        size = sum(p.stat().st_size for p in src.iterdir())
        print(f"corpus: {args.n:,} posts in {args.files} files, {size / 1e6:.0f} MB")

        db = root / "bench.db"
        with open_db(db) as store:
            r0 = resource.getrusage(resource.RUSAGE_SELF)
            t_cpu0 = r0.ru_utime + r0.ru_stime
            t0 = time.perf_counter()
            report = ingest([src], store, analyse=False)
            t_store = time.perf_counter() - t0
            cpu = resource.getrusage(resource.RUSAGE_SELF)
            cpu_s = cpu.ru_utime + cpu.ru_stime - t_cpu0
            print(f"storage alone: {report.added:,} posts in {t_store:.1f} s = {report.added / t_store:,.0f} posts/s "
                  f"wall, {report.added / cpu_s:,.0f} posts/s CPU (target >= 10,000), peak RSS {rss_mb():.0f} MB")
            if not args.no_analysis:
                t0 = time.perf_counter()
                res = reanalyse(store)
                t_an = time.perf_counter() - t0
                print(f"analysis of the stored posts: {res['analysed']:,} in {t_an:.1f} s = "
                      f"{res['analysed'] / t_an:,.0f} posts/s, peak RSS {rss_mb():.0f} MB (target < 1,024)")
        db_size = sum(p.stat().st_size for p in root.glob("bench.db*") if p.is_file())
        print(f"database: {db_size / 1e6:.0f} MB ({db_size / max(args.n, 1):,.0f} bytes/post)")

        from sentinelle.store.query import Query

        with open_db(db) as store:
            for order in ("recent", "relevance"):
                fts: list[float] = []
                filters: list[float] = []
                slowest: dict[str, float] = {}
                for _ in range(5):
                    for q in QUERIES:
                        t0 = time.perf_counter()
                        list(store.search(Query(limit=50, order=order, **q)))
                        ms = (time.perf_counter() - t0) * 1000
                        (fts if "text" in q else filters).append(ms)
                        slowest[str(q)] = max(slowest.get(str(q), 0.0), ms)
                for name, times in (("full-text", fts), ("filters only", filters)):
                    times.sort()
                    p95 = times[max(int(len(times) * 0.95) - 1, 0)]
                    print(f"search {name}, order {order}{' (the default)' if order == 'recent' else ''}: "
                          f"{len(times)} queries, p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms "
                          f"(target < 50), max {times[-1]:.1f} ms")
                worst = sorted(slowest.items(), key=lambda kv: -kv[1])[:3]
                print("  slowest: " + "; ".join(f"{k} {v:.0f} ms" for k, v in worst))


if __name__ == "__main__":
    main()
