"""Batches of JSONL posts: streamed in input order, rejects reported, every core used.

`analyze_files()` fans large batches out over worker processes (each builds its own pipeline
once) and keeps the output in input order with bounded memory. `run_batch()`, the path of
`sentinelle analyze`, does the same with raw lines: workers parse, analyse and encode them, and
send back output lines, never pickled posts or records.
"""

from __future__ import annotations

import gc
import json
import multiprocessing as mp
import os
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from multiprocessing.pool import AsyncResult
from typing import Any, TypeVar

import orjson

from .core import Post, empty_record
from .jsonl import Reject, dumps, parse_line, read_lines, read_posts
from .pipeline import Pipeline, batch_gc, enter_batch_gc, load_config, triage_only_config_path

T = TypeVar("T")
# per post: its record, the analysers' errors, and (when asked) its network identifiers
Results = list[tuple[dict[str, Any], tuple[str, ...], Any]]
# the output line of a record, as UTF-8 bytes: lines stay bytes from the encoder to the output file
# (decoding each one to text, joining the texts and encoding them again cost several µs a post)
encode_record = orjson.dumps

PARALLEL_THRESHOLD = 2000  # below this many posts, forking costs more than it saves
CHUNK = 256

_pipelines: dict[bool, Pipeline] = {}  # this process's pipelines: full analysis (False), triage only (True)


def _pipeline(triage_only: bool = False) -> Pipeline:
    p = _pipelines.get(triage_only)
    if p is None:
        p = _pipelines[triage_only] = Pipeline(load_config(triage_only_config_path()) if triage_only else None)
    return p

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
        self.count(rec["category"], rec["products"])

    def count(self, category: str, products: Iterable[str]) -> None:
        self.analysed += 1
        self.categories[category] = self.categories.get(category, 0) + 1
        for p in products:
            self.products[p] = self.products.get(p, 0) + 1

    def merge(self, other: BatchSummary) -> None:
        """Add the counts of another summary (a chunk's, from a worker process)."""
        self.read += other.read
        self.analysed += other.analysed
        self.rejected += other.rejected
        self.failed += other.failed
        for mine, theirs in ((self.categories, other.categories), (self.products, other.products)):
            for k, n in theirs.items():
                mine[k] = mine.get(k, 0) + n

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


def _worker_init(triage_only: bool = False) -> None:
    _pipeline(triage_only)  # built once per worker process, before its first chunk
    # the worker runs batches only: its pipeline stays frozen, young collections rarer, for its
    # life (a forked worker's pipeline, frozen by the parent, then never leaves the permanent
    # generation: no collection writes to its pages, which stay shared with the parent)
    enter_batch_gc()


def _analyse_chunk(posts: list[Post], with_ids: bool = False, triage_only: bool = False) -> Results:
    """Analyse posts (in a worker process for large batches). With `with_ids`, also extract each
    post's network identifiers here, so the parent only has to link them."""
    p = _pipeline(triage_only)
    from .networks import extract

    out: Results = []
    for post, a in zip(posts, p.analyse_many(posts), strict=True):
        try:
            if isinstance(a, Exception):
                raise a
            rec = a.to_record()
            out.append((rec, tuple(a.errors), extract(post, rec) if with_ids else None))
        except Exception as exc:  # never lose the post: output it empty, with the reason
            out.append((empty_record(post.id), (f"SEN500 post {post.id!r}: {type(exc).__name__}: {exc}",), None))
    return out


@dataclass(slots=True)
class LinesDone:
    """What a worker sends back for a chunk of raw lines: the output lines joined into one string
    of UTF-8 bytes, the chunk's counts, and the rejects, analyser errors and network identifiers
    in input order. One string and a few lists per chunk cost far less to pass between processes
    than pickled posts and records, and the parent writes them in one call."""

    data: bytes = b""  # the output lines, each ending with a newline
    summary: BatchSummary = field(default_factory=BatchSummary)
    rejects: list[Reject] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    ids: list[Any] = field(default_factory=list)


def _analyse_lines(chunk: list[tuple[str, bytes | Reject]], with_ids: bool = False,
                   triage_only: bool = False) -> LinesDone:
    """Parse, analyse and encode raw JSONL lines ("file:line", bytes or an early Reject), in a worker
    process for large batches."""
    p = _pipeline(triage_only)
    from .networks import extract

    done = LinesDone()
    summary = done.summary
    lines: list[bytes] = []
    posts: list[Post] = []
    for where, raw in chunk:
        summary.read += 1
        post = raw if isinstance(raw, Reject) else parse_line(raw, where)
        if isinstance(post, Reject):
            summary.rejected += 1
            done.rejects.append(post)
            continue
        posts.append(post)
    # the whole chunk at once: each analyser over every post, then each post's output line
    for post, a in zip(posts, p.analyse_many(posts), strict=True):
        try:
            if isinstance(a, Exception):
                raise a
            errors = a.errors
            rec = a.to_record()
            ids = extract(post, rec) if with_ids else None
            line = encode_record(rec)
        except Exception as exc:  # never lose the post: output it empty, with the reason
            rec = empty_record(post.id)
            line = encode_record(rec)
            errors, ids = [f"SEN500 post {post.id!r}: {type(exc).__name__}: {exc}"], None
        lines.append(line)
        summary.count(rec["category"], rec["products"])
        if errors:
            summary.failed += 1
            done.errors.extend(errors)
        if ids is not None:
            done.ids.append(ids)
    if lines:
        lines.append(b"")
        done.data = b"\n".join(lines)
    return done


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


def map_chunks(chunks: Iterator[T], split: Callable[[T], list[Any]], workers: int | None = None,
               with_ids: bool = False, work: Callable[..., Any] = _analyse_chunk,
               triage_only: bool = False) -> Iterator[tuple[T, Any]]:
    """Analyse the posts of each chunk, in order, with `workers` processes for large batches.
    `work` analyses what `split` takes from a chunk (default: `Post`s, giving `Results`);
    `triage_only` runs the triage-only pipeline (`pipeline.triage_only_config_path()`).

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
        # The pipeline's tables are a million objects that never become garbage, yet every full
        # collection of the cyclic garbage collector walks them all: some 20 times per 20,000
        # posts, more than a tenth of the CPU time. Frozen, they are left out of the collections
        # (as in the workers, below) until the batch is done. And the chunk in hand (tens of
        # thousands of objects, freed by reference counting when the chunk is done, not by the
        # collector) is walked by every young collection, one per 700 objects: they are made
        # rarer (cycles are few: a few hundred objects per 20,000 posts wait a little longer).
        # (see `pipeline.batch_gc`, which every `analyse_many` enters too)
        _pipeline(triage_only)
        with batch_gc():
            for chunk in every:
                yield chunk, work(split(chunk), with_ids, triage_only)
        return
    job = partial(work, with_ids=with_ids, triage_only=triage_only)
    fork = "fork" in mp.get_all_start_methods()
    if fork:  # built once here, before the fork, and shared by every worker instead of built by each
        _pipeline(triage_only)
        gc.freeze()  # the pipeline's objects stay out of the workers' collections (no copy-on-write)
    try:
        with (mp.get_context("fork") if fork else mp.get_context()).Pool(
                workers, initializer=_worker_init, initargs=(triage_only,)) as pool:
            # a sliding window of chunks in flight: workers never wait for the parent to empty a
            # whole window, and memory stays bounded
            pending: deque[tuple[T, AsyncResult[Any]]] = deque()
            for chunk in every:
                pending.append((chunk, pool.apply_async(job, (split(chunk),))))
                if len(pending) >= workers * 4:
                    done, result = pending.popleft()
                    yield done, result.get()
            while pending:
                done, result = pending.popleft()
                yield done, result.get()
    finally:
        if fork:
            gc.unfreeze()


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
              write_line: Callable[[str], object] | None = None, triage_only: bool = False,
              write_bytes: Callable[[bytes], object] | None = None) -> BatchSummary:
    """Analyse files, hand each record to `write` and each reject to `reject`; return counts.

    `triage_only` gives the verdict alone (category, score, evidence) from the triage-only
    pipeline, several times faster; the extraction fields stay empty and `network` null.

    `write_line`, when given, receives the records as JSON output lines instead, with no decoding,
    several at a time (each line ends with a newline); `write_bytes` the same lines as UTF-8
    bytes, with no encoding either: the fast path of `sentinelle analyze`.

    With `networks`, the `network` field is computed over the whole batch: output lines wait in a
    temporary file (the linker keeps each post's identifiers, not its text) until every post has
    been seen, then go out in input order.
    """
    def decoded(lines: bytes) -> None:
        for line in lines.split(b"\n")[:-1]:  # JSON lines hold no raw newline
            write(orjson.loads(line))

    def as_text(lines: bytes) -> None:
        if write_line is not None:
            write_line(lines.decode("utf-8"))

    out = write_bytes or (as_text if write_line is not None else decoded)
    if not networks or triage_only:
        return _run(paths, out, reject, workers, report_error, progress, None, triage_only)
    from .networks import Linker

    linker = Linker()
    with tempfile.TemporaryFile("w+b") as spool:
        summary = _run(paths, spool.write, reject, workers, report_error, progress, linker)
        t0 = time.perf_counter()
        nets = linker.networks()
        spool.seek(0)
        decode = json.JSONDecoder().raw_decode
        for raw in spool:
            # the line starts '{"id":"...",' and holds '"network":null' once outside strings (a
            # quote inside a string is escaped)
            line = raw.decode("utf-8")
            nid = nets.network_of(decode(line, 6)[0])
            out(line.replace('"network":null', f'"network":{dumps(nid)}', 1).encode("utf-8") if nid else raw)
        summary.seconds += time.perf_counter() - t0
    return summary


def _run(paths: Sequence[str], write_lines: Callable[[bytes], object], reject: Callable[[Reject], None],
         workers: int | None, report_error: Callable[[str], None] | None,
         progress: Callable[[BatchSummary], None] | None, linker: Any, triage_only: bool = False) -> BatchSummary:
    summary = BatchSummary()
    t0 = time.perf_counter()
    last = t0
    chunked = chunks((x for path in paths for x in read_lines(path)), CHUNK)
    for _chunk, done in map_chunks(chunked, list, workers, linker is not None, _analyse_lines, triage_only):
        summary.merge(done.summary)
        for r in done.rejects:
            reject(r)
        if report_error:
            for e in done.errors:
                report_error(e)
        for ids in done.ids:
            linker.add_ids(ids)
        if done.data:
            write_lines(done.data)
        if progress:
            now = time.perf_counter()
            if now - last > 0.5:
                summary.seconds = now - t0
                progress(summary)
                last = now
    summary.seconds = time.perf_counter() - t0
    return summary
