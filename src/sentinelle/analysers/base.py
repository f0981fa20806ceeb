"""The analyser contract and the registry.

An analyser is a small class with a declared `name`, the `languages` it handles, the kinds of
finding it `requires` (made by analysers that run before it) and the kinds it `provides`. It is
built once per pipeline and then called on each post's `Analysis`.

Built-in analysers register through the `sentinelle.analysers` entry-point group in
pyproject.toml, exactly as a plugin package would:

    [project.entry-points."sentinelle.analysers"]
    my_rule = "my_package.module:MyAnalyser"

`register()` does the same at run time (tests, notebooks).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from functools import partial
from importlib.metadata import entry_points
from typing import Any, ClassVar

from ..core import Analysis, Finding
from ..errors import ConfigError

ENTRY_POINT_GROUP = "sentinelle.analysers"
ANY_LANGUAGE = "*"

# `Finding(...)` (and `Analysis.add`) run Python-level calls; this builds the same tuple in C:
# `a.findings.append(new_finding((kind, value, start, end, analyser, rule, score, explanation)))`
new_finding = partial(tuple.__new__, Finding)


class Analyser:
    """Base class. Subclasses set the class attributes and implement `analyse`."""

    name: ClassVar[str] = ""
    languages: ClassVar[tuple[str, ...]] = (ANY_LANGUAGE,)
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()
    # False when the analyser never reads `Analysis.lang` (nor handles one language only): a
    # pipeline of such analysers detects a post's language only where SMS spellings depend on it
    reads_language: ClassVar[bool] = True
    version: str = "1"  # instances may refine it (e.g. with the model version they loaded)

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        self.options = dict(options or {})

    def handles(self, lang: str) -> bool:
        return ANY_LANGUAGE in self.languages or lang in self.languages

    def analyse(self, a: Analysis) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version, "languages": list(self.languages),
                "requires": list(self.requires), "provides": list(self.provides)}


_registry: dict[str, type[Analyser]] = {}
_loaded_entry_points = False
# Threads of a server may build pipelines at once: one of them loads the plugins, the others wait,
# so none sees a half-filled registry.
_entry_points_lock = threading.Lock()


def register(cls: type[Analyser]) -> type[Analyser]:
    """Register an analyser class under its `name` (usable as a decorator)."""
    if not isinstance(cls, type) or not issubclass(cls, Analyser):
        raise ConfigError(f"{cls!r} is not an Analyser subclass")
    if not cls.name:
        raise ConfigError(f"{cls.__qualname__} has no name")
    other = _registry.get(cls.name)
    if other is not None and other is not cls:
        raise ConfigError(f"two analysers named {cls.name!r}: {other.__module__} and {cls.__module__}")
    _registry[cls.name] = cls
    return cls


def _load_entry_points() -> None:
    global _loaded_entry_points
    if _loaded_entry_points:
        return
    with _entry_points_lock:
        if _loaded_entry_points:
            return
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            try:
                cls = ep.load()
            except Exception as exc:  # a broken plugin must say which one it is
                raise ConfigError(f"cannot load analyser {ep.name!r} ({ep.value}): {exc}") from exc
            if getattr(cls, "name", None) != ep.name:
                raise ConfigError(f"entry point {ep.name!r} loads {ep.value} whose name is {cls.name!r}")
            register(cls)
        _loaded_entry_points = True


def available() -> dict[str, type[Analyser]]:
    """Every registered analyser, built-ins and plugins, by name."""
    _load_entry_points()
    return dict(_registry)
