"""The pipeline: a validated configuration, the analysers it names, and the per-post run.

The configuration is a TOML file (`data/pipeline.toml` by default):

    languages = ["fr", "en"]
    analysers = ["products", "contacts", "places", "prices", "conditions", "triage"]
    [options.triage]
    model = "models/triage.json.gz"

It is checked before the first post runs: every analyser must exist (built-in or plugin), every
kind an analyser requires must be provided by one named before it, options must name analysers
of the list. One analyser failing on one post is recorded on that post; the batch goes on.
"""

from __future__ import annotations

import gc
import hashlib
import os
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .analysers.base import ANY_LANGUAGE, Analyser, available
from .core import Analysis, Post
from .errors import ConfigError
from .language import detect_language
from .lexicon import data_dir, load_sms, read_toml
from .normalize import apply_sms, needs_sms, normalise

CONFIG_KEYS = {"languages", "analysers", "options", "default_language"}
# objects allocated (less those freed) before a young collection of the cyclic garbage collector
# while a batch runs (Python's default is 700; see `batch_gc`)
GC_YOUNG = 100_000
_gc_lock = threading.Lock()
_gc_depth = 0  # batches running (threads of a server may run several at once)
_gc_saved: tuple[int, ...] = ()  # the thresholds before the first of them


def _new_gc_lock() -> None:
    """A forked process starts with this thread alone: the lock, maybe held by another thread of
    the parent at the fork, is free in the child."""
    global _gc_lock
    _gc_lock = threading.Lock()


if hasattr(os, "register_at_fork"):  # (POSIX)
    os.register_at_fork(after_in_child=_new_gc_lock)


def enter_batch_gc() -> None:
    """Start a batch (see `batch_gc`); a worker process that only runs batches never leaves it."""
    global _gc_depth, _gc_saved
    with _gc_lock:
        if _gc_depth == 0:
            _gc_saved = gc.get_threshold()
            gc.freeze()
            if 0 < _gc_saved[0] < GC_YOUNG:
                gc.set_threshold(GC_YOUNG, *_gc_saved[1:])
        _gc_depth += 1


def exit_batch_gc() -> None:
    global _gc_depth
    with _gc_lock:
        _gc_depth -= 1
        if _gc_depth == 0:
            gc.set_threshold(*_gc_saved)
            gc.unfreeze()


@contextmanager
def batch_gc() -> Iterator[None]:
    """The cyclic garbage collector kept off what a batch does not free. The pipeline's tables
    (a million objects that never become garbage) are frozen: left out of the collections. And
    a batch keeps every post's analysis (tokens, findings: some eighty objects a post) until it
    is done, which each collection walks again: young collections, one per 700 objects, are made
    rarer, and then so are the full ones, which walk everything each time the survivors grow by a
    quarter. Both cost a fifth of the CPU time of 8,000 posts. Cycles are few (a few hundred
    objects per 20,000 posts), and wait a little longer to be collected. Batches nest and may run
    in several threads: the last one done restores the thresholds (a collector turned off,
    threshold 0, stays off) and unfreezes. This changes when garbage is collected, never what a
    post's analysis is."""
    enter_batch_gc()
    try:
        yield
    finally:
        exit_batch_gc()


def default_config_path() -> Path:
    return data_dir() / "pipeline.toml"


def triage_only_config_path() -> Path:
    """The pipeline of `sentinelle analyze --triage-only` (the verdict alone, see model/quick.py)."""
    return data_dir() / "pipeline_triage_only.toml"


def load_config(path: Path | None = None) -> dict[str, Any]:
    path = path or default_config_path()
    try:
        cfg = read_toml(path)
    except Exception as exc:  # LexiconError from read_toml: re-raise as a config problem
        raise ConfigError(str(exc)) from None
    return validate_config(cfg, str(path))


def validate_config(cfg: Mapping[str, Any], where: str = "pipeline config") -> dict[str, Any]:
    unknown = set(cfg) - CONFIG_KEYS
    if unknown:
        raise ConfigError(f"unknown key(s) {sorted(unknown)}; allowed: {sorted(CONFIG_KEYS)}", where=where)
    langs = cfg.get("languages", ["fr", "en"])
    if not isinstance(langs, list) or not langs or not all(isinstance(x, str) and x for x in langs):
        raise ConfigError("'languages' must be a non-empty list of language codes", where=where)
    names = cfg.get("analysers")
    if not isinstance(names, list) or not names or not all(isinstance(x, str) for x in names):
        raise ConfigError("'analysers' must be a non-empty list of analyser names", where=where)
    if len(set(names)) != len(names):
        raise ConfigError("'analysers' names an analyser twice", where=where)
    options = cfg.get("options", {})
    if not isinstance(options, dict) or not all(isinstance(v, dict) for v in options.values()):
        raise ConfigError("'options' must be a table of tables, one per analyser", where=where)
    stray = set(options) - set(names)
    if stray:
        raise ConfigError(f"options given for analysers not in the list: {sorted(stray)}", where=where)
    default_lang = cfg.get("default_language", langs[0])
    if default_lang not in langs:
        raise ConfigError(f"'default_language' {default_lang!r} is not in 'languages'", where=where)
    return {"languages": list(langs), "analysers": list(names), "options": dict(options),
            "default_language": default_lang}


class Pipeline:
    """Analysers in a checked order, run on each post."""

    def __init__(self, config: Mapping[str, Any] | None = None) -> None:
        cfg = validate_config(config) if config is not None else load_config()
        self.config = cfg
        self.languages: list[str] = cfg["languages"]
        self.default_language: str = cfg["default_language"]
        registry = available()
        provided: set[str] = set()
        self.analysers: list[Analyser] = []
        for name in cfg["analysers"]:
            cls = registry.get(name)
            if cls is None:
                raise ConfigError(f"unknown analyser {name!r}; available: {', '.join(sorted(registry))}")
            missing = [k for k in cls.requires if k not in provided]
            if missing:
                raise ConfigError(
                    f"analyser {name!r} requires {missing}, which no analyser before it provides "
                    f"(provided so far: {sorted(provided) or 'nothing'})")
            self.analysers.append(cls(cfg["options"].get(name, {})))
            provided.update(cls.provides)
        self.provides = provided
        self._sms = {lang: load_sms([lang]) for lang in self.languages}
        # When no analyser reads the language (the triage-only pipeline), the language only
        # chooses the SMS spellings: it is detected only for the posts that hold one of them.
        self._language_free = all(not a.reads_language and ANY_LANGUAGE in a.languages for a in self.analysers)

    def prepare(self, post: Post) -> Analysis:
        """A post's Analysis before any analyser: its language and its normalised text."""
        lang = post.lang.lower()[:2] if post.lang else ""
        if lang not in self.languages:
            if self._language_free:
                norm = normalise(post.text)
                if not any(needs_sms(norm, sms) for sms in self._sms.values()):
                    return Analysis(post, norm, self.default_language)  # no language would change it
                lang = detect_language(post.text, self.languages, self.default_language)
                return Analysis(post, apply_sms(norm, self._sms.get(lang) or {}), lang)
            lang = detect_language(post.text, self.languages, self.default_language)
        return Analysis(post, normalise(post.text, self._sms.get(lang)), lang)

    def analyse(self, post: Post) -> Analysis:
        a = self.prepare(post)
        lang = a.lang
        for analyser in self.analysers:
            if not analyser.handles(lang):
                continue
            try:
                analyser.analyse(a)
            except Exception as exc:  # one analyser failing on one post never stops the batch
                a.errors.append(f"SEN500 analyser {analyser.name!r} failed on post {post.id!r}: "
                                f"{type(exc).__name__}: {exc}")
        return a

    def analyse_many(self, posts: Sequence[Post]) -> list[Analysis | Exception]:
        """`analyse` on each post, in order, with the same results; a post whose preparation
        failed gets the exception instead (an analyser failing is recorded on the post, as in
        `analyse`).

        Each analyser runs over all the posts before the next one starts. One post at a time,
        every analyser pushes the tables of the others out of the CPU caches, and each analyser
        then pays for fetching its own again post after post; run over a batch, an analyser finds
        them still there from the post before. Every analyser still sees the posts in their order
        and each post's analysers in theirs, so nothing it keeps between posts changes."""
        with batch_gc():  # (the batch's objects live until it is done)
            analyses: list[Analysis | Exception] = []
            for post in posts:
                try:
                    analyses.append(self.prepare(post))
                except Exception as exc:  # reported by the caller, as when `analyse` raises
                    analyses.append(exc)
            ready = [a for a in analyses if isinstance(a, Analysis)]
            for analyser in self.analysers:
                run = analyser.analyse  # (bound once per batch, not per post)
                # a post's language is always one of the pipeline's (see `prepare`): an analyser that
                # handles them all runs on every post without a test per post
                handles = analyser.handles
                mine = ready if all(map(handles, self.languages)) else [a for a in ready if handles(a.lang)]
                for a in mine:
                    try:
                        run(a)
                    except Exception as exc:  # one analyser failing on one post never stops the batch
                        a.errors.append(f"SEN500 analyser {analyser.name!r} failed on post {a.post.id!r}: "
                                        f"{type(exc).__name__}: {exc}")
        return analyses

    def versions(self) -> dict[str, Any]:
        """What produced a result: analyser versions and a hash of the data files."""
        return {"analysers": {a.name: a.version for a in self.analysers}, "data": data_fingerprint()}


def data_fingerprint() -> str:
    """SHA-256 (first 16 hex digits) over every lexicon, gazetteer and model file."""
    h = hashlib.sha256()
    root = data_dir()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]
