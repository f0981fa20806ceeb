"""Collected material into the store and back out: ingest, reanalyse, search, export, verify.

`ingest(paths, store)` keeps every original byte for byte (content-addressed), reads it with
the importers (`sentinelle.ingest`), stores each file's posts in one transaction together with
the record that the file is done (a killed run leaves no partial file), quarantines what could
not be read with the reason, and analyses the new posts. Ingesting the same file again adds
nothing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .batch import CHUNK, chunks, map_chunks
from .core import Post
from .ingest import FileInfo as ReadInfo
from .ingest import Rejected, read_path
from .networks import Linker, extract, ids_from_dict, ids_to_dict, paused_gc
from .pipeline import Pipeline
from .store import FileInfo, Problem, Store, fingerprint_of, open_store
from .store.query import Query

OcrHook = Callable[[Any], Iterable[Post]]


def open_db(path: str | os.PathLike[str]) -> Store:
    return open_store(path)


@dataclass
class FileReport:
    path: str
    member: str = ""
    format: str = "unknown"
    sha256: str = ""
    added: int = 0
    duplicates: int = 0
    rejected: list[dict[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: bool = False  # the whole file was ingested before

    def to_record(self) -> dict[str, Any]:
        return {"path": self.path, "member": self.member, "format": self.format, "sha256": self.sha256,
                "posts_added": self.added, "duplicates_skipped": self.duplicates,
                "already_ingested": self.skipped, "rejected": self.rejected, "warnings": self.warnings}


@dataclass
class IngestReport:
    files: list[FileReport] = field(default_factory=list)
    analysed: int = 0

    @property
    def added(self) -> int:
        return sum(f.added for f in self.files)

    @property
    def duplicates(self) -> int:
        return sum(f.duplicates for f in self.files)

    @property
    def rejected(self) -> int:
        return sum(len(f.rejected) for f in self.files)

    def to_record(self) -> dict[str, Any]:
        return {"files": [f.to_record() for f in self.files], "posts_added": self.added,
                "duplicates_skipped": self.duplicates, "rejected": self.rejected, "analysed": self.analysed}


def _entries(path: Path) -> Iterator[Path]:
    """The files under `path` (itself if a file), symlinks included so the reader can refuse them."""
    if path.is_dir() and not path.is_symlink():
        for root, dirs, files in os.walk(path, followlinks=False):
            dirs.sort()
            for name in sorted(files) + sorted(d for d in dirs if os.path.islink(os.path.join(root, d))):
                yield Path(root) / name
    else:
        yield path


def _rejected(r: Rejected) -> dict[str, str]:
    return {"where": r.where, "code": r.code, "message": r.message}


def ingest(paths: Iterable[str | os.PathLike[str]], store: Store, *, case: str = "", assume_tz: str | None = None,
           ocr_hook: OcrHook | None = None, analyse: bool = True, quarantine: Path | None = None,
           on_file: Callable[[FileReport], None] | None = None) -> IngestReport:
    """Read exports (files, folders, zips) into the store; return what happened to each file."""
    report = IngestReport()
    q_fh = None
    try:
        for top in paths:
            for entry in _entries(Path(top)):
                sha = ""
                if entry.is_file() and not entry.is_symlink():
                    sha = store.add_original(entry)
                    if store.file_done(sha):
                        fr = FileReport(str(entry), sha256=sha, skipped=True, format="(already ingested)")
                        report.files.append(fr)
                        if on_file:
                            on_file(fr)
                        continue
                for fr in _ingest_file(entry, sha, store, case, assume_tz, ocr_hook):
                    if fr.rejected and quarantine is not None:
                        if q_fh is None:
                            quarantine.parent.mkdir(parents=True, exist_ok=True)
                            q_fh = quarantine.open("a", encoding="utf-8")
                        for r in fr.rejected:
                            q_fh.write(json.dumps({"file": fr.path, "member": fr.member, "sha256": fr.sha256, **r},
                                                  ensure_ascii=False) + "\n")
                    report.files.append(fr)
                    if on_file:
                        on_file(fr)
    finally:
        if q_fh is not None:
            q_fh.close()
    if analyse:  # also finishes the analysis of a run that was killed after storing its posts
        report.analysed = reanalyse(store)["analysed"]
    return report


def _ingest_file(entry: Path, sha: str, store: Store, case: str, assume_tz: str | None,
                 ocr_hook: OcrHook | None) -> Iterator[FileReport]:
    """One FileReport per unit read (the file, or each member of an archive, then the archive)."""
    items = iter(read_path(entry, assume_tz=assume_tz, ocr_hook=ocr_hook))
    pending: list[Rejected] = []
    for item in items:
        if item.kind == "reject" and item.reject is not None:
            pending.append(item.reject)
        elif item.kind == "post" and item.post is not None:
            holder: dict[str, ReadInfo] = {}
            first = item.post

            def unit(first: Post = first, holder: dict[str, ReadInfo] = holder,
                     pending: list[Rejected] = pending) -> Iterator[Post]:
                yield first
                for it in items:
                    if it.kind == "post" and it.post is not None:
                        yield it.post
                    elif it.kind == "reject" and it.reject is not None:
                        pending.append(it.reject)
                    elif it.file is not None:
                        holder["file"] = it.file
                        return

            def info(holder: dict[str, ReadInfo] = holder, first: Post = first,
                     pending: list[Rejected] = pending) -> FileInfo:
                f = holder.get("file")
                prov = first.provenance
                return FileInfo(sha256=prov.sha256 if prov else sha, path=str(entry),
                                member=prov.member if prov else "", format=f.format if f else "unknown",
                                case=case, rejected=len(pending))

            res = store.add_posts(unit(), file=info, case=case)
            f = holder.get("file")
            yield _report(entry, f, sha, pending, res.added, res.duplicates)
            pending.clear()
        elif item.file is not None:
            f = item.file
            if f.member == "" and sha:
                # the whole file (or archive) is read: mark it done so a re-run skips it
                store.add_posts([], file=FileInfo(sha, str(entry), "", f.format, case, len(pending)), case=case)
            yield _report(entry, f, sha, pending, 0, 0)
            pending.clear()
    if pending:
        yield _report(entry, None, sha, pending, 0, 0)


def _report(entry: Path, f: ReadInfo | None, sha: str, pending: list[Rejected], added: int, dups: int) -> FileReport:
    return FileReport(path=str(entry), member=f.member if f else "", format=f.format if f else "unknown",
                      sha256=sha, added=added, duplicates=dups, rejected=[_rejected(r) for r in pending],
                      warnings=list(f.warnings) if f else [])


def reanalyse(store: Store, pipeline: Pipeline | None = None, *, all_posts: bool = False,
              workers: int | None = None, link: bool = True) -> dict[str, Any]:
    """Analyse every post whose stored result is missing or was made by other lexicons or models
    (with every core for large batches); then, with `link`, bring the stored networks up to date."""
    p = pipeline or Pipeline()
    versions = p.versions()
    fp = fingerprint_of(versions)
    run = store.start_run("analyse", versions, fingerprint=fp)
    n = 0

    def records() -> Iterator[tuple[str, dict[str, Any]]]:
        nonlocal n
        # with all_posts, a fingerprint no result carries makes every post stale
        posts = store.posts_needing_analysis("(all)" if all_posts else fp)
        for chunk, results in map_chunks(chunks(posts, CHUNK), list, workers):
            for post, (rec, _errors, _ids) in zip(chunk, results, strict=True):
                n += 1
                yield post.id, rec

    saved, _unknown = store.save_results(run, records())
    store.finish_run(run, {"analysed": n, "saved": saved})
    out: dict[str, Any] = {"run": run, "analysed": n, "fingerprint": fp}
    if link and (n or all_posts or _stale_links(store)):
        out["networks"] = relink(store)
    return out


def _stale_links(store: Store) -> bool:
    """True when some analysed post's link identifiers are missing or older than its analysis."""
    return next(iter(store.posts_needing_network_ids()), None) is not None


def relink(store: Store, *, linker: Linker | None = None) -> dict[str, Any]:
    """Bring the stored vendor networks up to date with the stored analyses.

    Only posts analysed since the last relink are read (their identifiers, menu fingerprints
    included, are kept in the store); the clustering then runs over the stored identifiers of
    every post, without texts. Networks keep the ids the store gave them (see
    `Networks.keep_ids`); unchanged networks and memberships are not rewritten.
    """
    linker = linker or Linker()
    cues = linker.cues
    extracted = 0

    def fresh() -> Iterator[tuple[str, dict[str, Any] | None]]:
        nonlocal extracted
        for post, record in store.posts_needing_network_ids():
            extracted += 1
            yield post.id, ids_to_dict(extract(post, record, cues))

    store.save_network_ids(fresh())
    with paused_gc():
        for pid, d in store.network_ids():
            linker.add_ids(ids_from_dict(pid, d))
    nets = linker.networks()
    previous = dict(store.network_memberships())
    renamed = nets.keep_ids(previous)
    changes: list[tuple[str, str | None]] = []
    for pid, nid in nets.memberships():
        if previous.pop(pid, None) != nid:
            changes.append((pid, nid))
    changes.extend((pid, None) for pid in previous)  # posts no longer in any network
    counts = store.save_networks(nets.records(), changes)
    return {"extracted": extracted, "networks": len(nets), "kept_ids": len(renamed), **counts}


def networks(store: Store, *, relink_first: bool = False) -> list[dict[str, Any]]:
    """The persisted vendor networks of the store (records with their links, by id).

    They are recomputed first with `relink_first`, or when some analysed post was never linked
    (a database from before networks were stored, or an interrupted run)."""
    if relink_first or _stale_links(store):
        relink(store)
    return store.networks()


def search(store: Store, **filters: Any) -> Iterator[dict[str, Any]]:
    return store.search(Query(**filters))


def export_posts(store: Store) -> Iterator[dict[str, Any]]:
    return store.export_posts()


def verify(store: Store) -> list[Problem]:
    return store.verify()
