"""Benchmark `sentinelle analyze`: throughput per process and on every core, peak memory.

    .venv/bin/python bench/bench_analyze.py            # 200,000 generated posts
    .venv/bin/python bench/bench_analyze.py -n 50000   # quicker

Prints: time per analyser (µs/post, in-process), posts/s of the CLI with one process and with
every core, and the peak RSS of runs over a quarter and the whole of the input (memory must stay
flat: the batch is streamed); the same for `--triage-only` (the verdict alone). Targets (issues 2
and 3): >= 5,000 posts/s per core for triage, >= 3,000 posts/s per core for the full analysis,
memory flat in the input size.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sentinelle.batch import CHUNK
from sentinelle.core import Analysis, Post
from sentinelle.corpus.generator import generate
from sentinelle.normalize import normalise
from sentinelle.pipeline import Pipeline, batch_gc, load_config, triage_only_config_path

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "sentinelle.cli"]


def write_corpus(path: Path, n: int) -> float:
    t0 = time.perf_counter()
    with path.open("w", encoding="utf-8") as fh:
        for rec in generate(n, seed=99):
            fh.write(json.dumps({k: rec[k] for k in ("id", "platform", "author", "date", "text")},
                                ensure_ascii=False) + "\n")
    return time.perf_counter() - t0


def read_posts(path: Path, n: int) -> list[Post]:
    posts = []
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= n:
                break
            r = json.loads(line)
            posts.append(Post(id=r["id"], text=r["text"], platform=r["platform"], author=r["author"]))
    return posts


def triage_only_in_process(path: Path, n: int) -> None:
    pipeline = Pipeline(load_config(triage_only_config_path()))
    posts = read_posts(path, n)
    t0 = time.process_time()
    for post in posts:
        pipeline.analyse(post).to_record()
    total = time.process_time() - t0
    print(f"triage only, in-process CPU time (language, normalise, triage, record), {len(posts):,} posts: "
          f"{len(posts) / total:,.0f} posts/s ({1e6 * total / len(posts):.0f} µs/post)")


def per_analyser(path: Path, n: int) -> None:
    pipeline = Pipeline()
    posts = read_posts(path, n)
    timings = {a.name: 0.0 for a in pipeline.analysers}
    t_norm = 0.0
    t_all0 = time.process_time()
    for post in posts:
        t0 = time.process_time()
        lang = "fr"
        a = Analysis(post, normalise(post.text, pipeline._sms.get(lang)), lang)
        t_norm += time.process_time() - t0
        for an in pipeline.analysers:
            t0 = time.process_time()
            an.analyse(a)
            timings[an.name] += time.process_time() - t0
    total = time.process_time() - t_all0
    print(f"in-process CPU time, {len(posts):,} posts: {len(posts) / total:,.0f} posts/s "
          f"({1e6 * total / len(posts):.0f} µs/post)")
    print(f"  {'normalise':12} {1e6 * t_norm / len(posts):7.1f} µs/post")
    for name, t in timings.items():
        print(f"  {name:12} {1e6 * t / len(posts):7.1f} µs/post")


def per_analyser_batched(path: Path, n: int) -> None:
    """The same, run as `sentinelle analyze` runs them (`Pipeline.analyse_many`): each analyser over
    a chunk of posts before the next, the pipeline frozen out of the garbage collector."""
    pipeline = Pipeline()
    posts = read_posts(path, n)
    timings = {a.name: 0.0 for a in pipeline.analysers}
    t_prep = 0.0
    with batch_gc():
        t_all0 = time.process_time()
        for i in range(0, len(posts), CHUNK):
            t0 = time.process_time()
            chunk = [pipeline.prepare(post) for post in posts[i:i + CHUNK]]
            t_prep += time.process_time() - t0
            for an in pipeline.analysers:
                t0 = time.process_time()
                for a in chunk:
                    an.analyse(a)
                timings[an.name] += time.process_time() - t0
        total = time.process_time() - t_all0
    print(f"in-process CPU time as the CLI runs the analysers (chunks of {CHUNK}), {len(posts):,} posts: "
          f"{len(posts) / total:,.0f} posts/s ({1e6 * total / len(posts):.0f} µs/post)")
    print(f"  {'prepare':12} {1e6 * t_prep / len(posts):7.1f} µs/post (language and normalise)")
    for name, t in timings.items():
        print(f"  {name:12} {1e6 * t / len(posts):7.1f} µs/post")


def run_cli(path: Path, workers: int, *extra: str) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB, output lines) of one `sentinelle analyze` run; also prints the
    CPU time of the run and its workers (steadier than wall time on a shared machine)."""
    out = path.with_suffix(f".out{workers}.jsonl")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen([*CLI, "analyze", str(path), "-o", str(out), "-j", str(workers), "--quiet", *extra])
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if status != 0:
        raise SystemExit(f"sentinelle analyze exited with status {status}")
    lines = sum(1 for _ in out.open(encoding="utf-8"))
    out.unlink()
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f"    ({' '.join(extra) or 'full'}, -j {workers}: {lines:,} posts, {seconds:.1f} s wall, {cpu:.1f} s CPU "
          f"in all processes: {lines / cpu:,.0f} posts per CPU-second)")
    return seconds, usage.ru_maxrss / 1024, lines


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=200_000)
    args = ap.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "posts.jsonl"
        gen_s = write_corpus(big, args.n)
        print(f"generated {args.n:,} posts in {gen_s:.1f} s ({args.n / gen_s:,.0f} posts/s), "
              f"{big.stat().st_size / 1e6:.0f} MB")
        per_analyser(big, min(args.n, 20_000))
        per_analyser_batched(big, min(args.n, 20_000))
        quarter = Path(tmp) / "quarter.jsonl"
        with big.open(encoding="utf-8") as src, quarter.open("w", encoding="utf-8") as dst:
            for i, line in enumerate(src):
                if i >= args.n // 4:
                    break
                dst.write(line)
        s, rss_q, _ = run_cli(quarter, 1, "--no-networks")
        print(f"CLI --no-networks, 1 process, {args.n // 4:,} posts: {args.n // 4 / s:,.0f} posts/s, "
              f"peak RSS {rss_q:.0f} MB")
        s, rss, lines = run_cli(big, 1, "--no-networks")
        print(f"CLI --no-networks, 1 process, {args.n:,} posts: {lines / s:,.0f} posts/s per process, "
              f"peak RSS {rss:.0f} MB")
        print(f"memory without networks: {rss_q:.0f} MB for {args.n // 4:,} posts vs {rss:.0f} MB for {args.n:,} "
              f"({'flat' if rss < rss_q * 1.25 else 'GROWS'})")
        s, rss_q, _ = run_cli(quarter, 1)
        print(f"CLI with networks, 1 process, {args.n // 4:,} posts: peak RSS {rss_q:.0f} MB")
        s, rss, lines = run_cli(big, 1)
        print(f"CLI with networks, 1 process, {args.n:,} posts: {lines / s:,.0f} posts/s per process, "
              f"peak RSS {rss:.0f} MB (the linker keeps each post's identifiers until the batch ends)")
        s, rss_all, lines = run_cli(big, cores)
        print(f"CLI, {cores} processes, {args.n:,} posts: {lines / s:,.0f} posts/s "
              f"({lines / s / cores:,.0f} per core), peak RSS {rss_all:.0f} MB")
        triage_only_in_process(big, min(args.n, 20_000))
        s, rss_q, _ = run_cli(quarter, 1, "--triage-only")
        print(f"CLI --triage-only, 1 process, {args.n // 4:,} posts: {args.n // 4 / s:,.0f} posts/s, "
              f"peak RSS {rss_q:.0f} MB")
        s, rss, lines = run_cli(big, 1, "--triage-only")
        print(f"CLI --triage-only, 1 process, {args.n:,} posts: {lines / s:,.0f} posts/s per process, "
              f"peak RSS {rss:.0f} MB ({'flat' if rss < rss_q * 1.25 else 'GROWS'})")
        s, rss_all, lines = run_cli(big, cores, "--triage-only")
        print(f"CLI --triage-only, {cores} processes, {args.n:,} posts: {lines / s:,.0f} posts/s "
              f"({lines / s / cores:,.0f} per core), peak RSS {rss_all:.0f} MB")



if __name__ == "__main__":
    main()
