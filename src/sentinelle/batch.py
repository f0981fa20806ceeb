"""Batches of JSONL posts: streamed in input order, rejects reported, every core used.

`analyze_files()` fans large batches out over worker processes (each builds its own pipeline
once) and keeps the output in input order with bounded memory.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from typing import Any, TypeVar

from .core import Post, empty_record
from .jsonl import Reject, read_posts
from .pipeline import Pipeline

T = TypeVar("T")
# per post: its record, the analysers' errors, and (when asked) its network identifiers
Results = list[tuple[dict[str, Any], tuple[str, ...], Any]]

PARALLEL_THRESHOLD = 2000  # below this many posts, forking costs more than it saves
CHUNK = 256

_default: Pipeline | None = None


def _pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default

# -- batches ---------------------------------------------------------------------------------


@dataclass
class BatchSummary:
    read: int = 0
    analysed: int = 0
    rejected: int = 0
    failed: int = 0  # posts on which an analyser raised (still output, with what worked)
    categories: dict[str, int] = field(default_factory=dict)
    products: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def add(self, rec: dict[str, Any]) -> None:
        self.analysed += 1
        cat = rec["category"]
        self.categories[cat] = self.categories.get(cat, 0) + 1
        for p in rec["products"]:
            self.products[p] = self.products.get(p, 0) + 1

    @property
    def rate(self) -> float:
        return self.analysed / self.seconds if self.seconds > 0 else 0.0


@dataclass(frozen=True, slots=True)
class Item:
    """One input line's outcome: an output record, or a reject. `errors` are analyser failures."""

    record: dict[str, Any] | None
    reject: Reject | None = None
    errors: tuple[str, ...] = ()
    post: Post | None = None
    ids: Any = None  # the post's network identifiers, when the batch links networks


_worker_pipeline: Pipeline | None = None


def _worker_init() -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline()


def _analyse_chunk(posts: list[Post], with_ids: bool = False) -> Results:
    """Analyse posts (in a worker process for large batches). With `with_ids`, also extract each
    post's network identifiers here, so the parent only has to link them."""
    p = _worker_pipeline or _pipeline()
    from .networks import extract

    out: Results = []
    for post in posts:
        try:
            a = p.analyse(post)
            rec = a.to_record()
            out.append((rec, tuple(a.errors), extract(post, rec) if with_ids else None))
        except Exception as exc:  # never lose the post: output it empty, with the reason
            out.append((empty_record(post.id), (f"SEN500 post {post.id!r}: {type(exc).__name__}: {exc}",), None))
    return out


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        yield chunk


def _split(chunk: list[Post | Reject]) -> list[Post]:
    return [x for x in chunk if isinstance(x, Post)]


def analyze_files(paths: Sequence[str], *, workers: int | None = None, with_ids: bool = False) -> Iterator[Item]:
    """Analyse JSONL files in order. Yields one Item per input line (records and rejects).

    Uses `workers` processes (default: every core) once the batch is larger than a few thousand
    posts; output order is always input order.
    """
    lines: Iterator[Post | Reject] = (x for path in paths for x in read_posts(path))
    for chunk, results in map_chunks(chunks(lines, CHUNK), _split, workers, with_ids):
        yield from _merge(chunk, results)


def map_chunks(chunks: Iterator[T], split: Callable[[T], list[Post]],
               workers: int | None = None, with_ids: bool = False) -> Iterator[tuple[T, Results]]:
    """Analyse the posts of each chunk, in order, with `workers` processes for large batches.

    Chunks are read in the caller's thread (a store's connection stays in its thread) a window
    at a time, so memory stays flat whatever the size of the batch.
    """
    workers = workers if workers is not None else (os.cpu_count() or 1)
    first: list[T] = []
    buffered = 0
    if workers > 1:  # look ahead to decide whether the batch is worth forking for
        for chunk in chunks:
            first.append(chunk)
            buffered += len(split(chunk))
            if buffered >= PARALLEL_THRESHOLD:
                break
    every: Iterator[T] = _chain(first, chunks)
    if workers <= 1 or buffered < PARALLEL_THRESHOLD:
        for chunk in every:
            yield chunk, _analyse_chunk(split(chunk), with_ids)
        return
    work = partial(_analyse_chunk, with_ids=with_ids)
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(workers, initializer=_worker_init) as pool:
        window: list[T] = []
        for chunk in every:
            window.append(chunk)
            if len(window) >= workers * 4:
                yield from zip(window, pool.imap(work, [split(c) for c in window]), strict=True)
                window = []
        if window:
            yield from zip(window, pool.imap(work, [split(c) for c in window]), strict=True)


def _chain(first: list[T], rest: Iterator[T]) -> Iterator[T]:
    yield from first
    yield from rest


def _merge(chunk: list[Post | Reject], results: Results) -> Iterator[Item]:
    it = iter(results)
    for x in chunk:
        if isinstance(x, Reject):
            yield Item(None, x)
        else:
            rec, errors, ids = next(it)
            yield Item(rec, None, errors, x, ids)


def run_batch(paths: Sequence[str], write: Callable[[dict[str, Any]], None],
              reject: Callable[[Reject], None], *, workers: int | None = None,
              report_error: Callable[[str], None] | None = None,
              progress: Callable[[BatchSummary], None] | None = None, networks: bool = True,
              write_line: Callable[[str], object] | None = None) -> BatchSummary:
    """Analyse files, hand each record to `write` and each reject to `reject`; return counts.

    With `networks`, the `network` field is computed over the whole batch: records wait in a
    temporary file (the linker keeps each post's identifiers, not its text) until every post has
    been seen, then go to `write` in input order; `write_line`, when given, receives them as
    JSON lines instead (no second encoding).
    """
    if not networks:
        return _run(paths, write, reject, workers, report_error, progress, None)
    from .networks import Linker

    linker = Linker()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        def hold(rec: dict[str, Any]) -> None:
            spool.write(json.dumps(rec, ensure_ascii=False) + "\n")

        summary = _run(paths, hold, reject, workers, report_error, progress, linker)
        t0 = time.perf_counter()
        nets = linker.networks()
        spool.seek(0)
        decode = json.JSONDecoder().raw_decode
        for line in spool:
            if write_line is None:
                rec = json.loads(line)
                rec["network"] = nets.network_of(rec["id"])
                write(rec)
                continue
            # the line starts '{"id": "...", ' and holds '"network": null' once outside strings
            nid = nets.network_of(decode(line, 7)[0])
            write_line(line.replace('"network": null', f'"network": "{nid}"', 1) if nid else line)
        summary.seconds += time.perf_counter() - t0
    return summary


def _run(paths: Sequence[str], write: Callable[[dict[str, Any]], None], reject: Callable[[Reject], None],
         workers: int | None, report_error: Callable[[str], None] | None,
         progress: Callable[[BatchSummary], None] | None, linker: Any) -> BatchSummary:
    summary = BatchSummary()
    t0 = time.perf_counter()
    last = t0
    for item in analyze_files(paths, workers=workers, with_ids=linker is not None):
        summary.read += 1
        if item.reject is not None:
            summary.rejected += 1
            reject(item.reject)
            continue
        assert item.record is not None
        if item.errors:
            summary.failed += 1
            if report_error:
                for e in item.errors:
                    report_error(e)
        summary.add(item.record)
        if linker is not None and item.ids is not None:
            linker.add_ids(item.ids)
        write(item.record)
        if progress and summary.read % 512 == 0:
            now = time.perf_counter()
            if now - last > 0.5:
                summary.seconds = now - t0
                progress(summary)
                last = now
    summary.seconds = time.perf_counter() - t0
    return summary
