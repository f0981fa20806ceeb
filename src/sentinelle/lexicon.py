"""Lexicons: data files per language, validated on load, matched on normalised tokens.

Lexicons live in `sentinelle/data/<lang>/*.toml` (and `data/common/` for what every language
shares, such as emoji). Analysts edit them without touching Python; a mistake is reported with
the file and the entry (`LexiconError`). A lexicon file is a list of groups:

    [[group]]
    value = "cocaine"            # what a match means (a product id, a cue name...)
    strength = "strong"          # strong: enough alone; weak: needs context (optional)
    terms = ["coke", "cc", "cécé"]
    source = "Dico d'ici (Paris 18e)"   # where the terms come from, when known (optional)

Terms are folded with the same normalisation as posts, so "Cécé", "cece" and "CÉCÉ" are one term.
A `TermMatcher` finds the longest term at each token, on whole tokens only.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import compress
from pathlib import Path
from typing import Any, NamedTuple

from .errors import LexiconError
from .normalize import Normalised, fold, tokenize

DATA_DIR = Path(__file__).parent / "data"
STRENGTHS = ("strong", "weak")


def data_dir() -> Path:
    """The data folder: `SENTINELLE_DATA` when set (an analyst's edited copy), else the bundled one."""
    return Path(os.environ.get("SENTINELLE_DATA") or DATA_DIR)


def rel(path: Path) -> str:
    try:
        return str(path.relative_to(data_dir()))
    except ValueError:
        return str(path)


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            raw = fh.read()
    except FileNotFoundError:
        raise LexiconError("file not found", where=str(path)) from None
    doc = _simple_toml(raw)
    if doc is not None:
        return doc
    try:
        return tomllib.loads(raw.decode())
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"not valid TOML: {exc}", where=rel(path)) from None


# The lexicon files are nearly all of one simple shape: `[[group]]` headers, and `key = "string"`
# or `key = ["string", ...]` on one line each, with comments. `tomllib` reads it character by
# character in Python (0.2 s for the gazetteer's 13,000 cities abroad, at every start); the
# reader below takes a line at a time with one regex. It reads that shape only, exactly as TOML
# does, and hands anything else (other values, escapes, multi-line arrays, a key given twice, a
# stray character) to `tomllib`, which then gives the same document or the same error (with its
# line and column) as it always did.
_TOML_STR = r'"[^"\\\x00-\x08\x0a-\x1f\x7f]*"'  # a basic string without escapes or control characters
_TOML_END = r"[ \t]*(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?"  # blanks, then maybe a comment
_TOML_LINE = re.compile(
    r"[ \t]*(?:"
    r"\[\[[ \t]*([A-Za-z0-9_-]+)[ \t]*\]\]"  # 1: an array-of-tables header
    r"|([A-Za-z0-9_-]+)[ \t]*=[ \t]*"  # 2: a bare key, then its value:
    rf"(?:({_TOML_STR})"  # 3: a string
    rf"|\[((?:[ \t]*{_TOML_STR}[ \t]*,)*[ \t]*(?:{_TOML_STR}[ \t]*)?)\])"  # 4: an array of strings
    rf")?{_TOML_END}")
_TOML_ITEM = re.compile(_TOML_STR)
_ASCII_ALNUM = re.compile("[A-Za-z0-9]")


def _simple_toml(raw: bytes) -> dict[str, Any] | None:
    """The document of a TOML file of the simple shape above; None for any other file."""
    try:
        text = raw.decode()
    except UnicodeDecodeError:
        return None
    if "\r" in text:
        return None  # (CRLF line ends: left to tomllib)
    doc: dict[str, Any] = {}
    table = doc
    arrays: set[str] = set()  # the names of the arrays of tables
    match = _TOML_LINE.fullmatch
    for line in text.split("\n"):
        m = match(line)
        if m is None:
            return None
        header, key, string, items = m.groups()
        if header is not None:
            if header not in arrays:
                if header in doc:
                    return None  # (already a key of the document)
                arrays.add(header)
                doc[header] = []
            table = {}
            doc[header].append(table)
        elif key is not None:
            if key in table or (string is None and items is None):
                return None  # a key given twice, or a value of another kind
            table[key] = string[1:-1] if string is not None else [s[1:-1] for s in _TOML_ITEM.findall(items)]
    return doc


@dataclass(frozen=True, slots=True)
class Entry:
    """One term of a lexicon, with where it comes from."""

    term: str  # as written in the file
    value: str
    strength: str
    source: str
    rule: str  # "fr/products.toml:cocaine:coke"
    extra: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        for k, v in self.extra:
            if k == key:
                return v
        return default


def load_groups(path: Path, *, values: Sequence[str] | None = None,
                extra_keys: Iterable[str] | Mapping[str, Sequence[str]] = ()) -> list[Entry]:
    """Load and validate a lexicon file of `[[group]]` tables. `extra_keys` names the keys a group
    may add; as a mapping, it also says the values each may take."""
    choices = extra_keys if isinstance(extra_keys, Mapping) else {}
    doc = read_toml(path)
    name = rel(path)
    groups = doc.get("group")
    if not isinstance(groups, list) or not groups:
        raise LexiconError("expected one or more [[group]] tables", where=name)
    allowed = {"value", "strength", "terms", "source", *extra_keys}
    entries: list[Entry] = []
    sms = _sms_table(path.parent)
    for i, g in enumerate(groups, 1):
        where = f"{name}: group {i}"
        if not isinstance(g, dict):
            raise LexiconError("a group must be a table", where=where)
        unknown = set(g) - allowed
        if unknown:
            raise LexiconError(f"unknown key(s) {sorted(unknown)}; allowed: {sorted(allowed)}", where=where)
        value = g.get("value")
        if not isinstance(value, str) or not value:
            raise LexiconError("'value' must be a non-empty string", where=where)
        where = f"{name}: group {i} (value {value!r})"
        if values is not None and value not in values:
            raise LexiconError(f"unknown value {value!r}; expected one of {', '.join(values)}", where=where)
        strength = g.get("strength", "strong")
        if strength not in STRENGTHS:
            raise LexiconError(f"'strength' must be one of {STRENGTHS}, not {strength!r}", where=where)
        terms = g.get("terms")
        if not isinstance(terms, list) or not terms:
            raise LexiconError("'terms' must be a non-empty list of strings", where=where)
        source = g.get("source", "")
        if not isinstance(source, str):
            raise LexiconError("'source' must be a string", where=where)
        extra = tuple(sorted((k, v) for k, v in g.items() if k in extra_keys))
        for k, v in extra:
            if k in choices and v not in choices[k]:
                raise LexiconError(f"{k!r} must be one of {', '.join(choices[k])}, not {v!r}", where=where)
        for t in terms:
            if not isinstance(t, str) or not t.strip():
                raise LexiconError(f"term {t!r} is not a non-empty string", where=where)
            # (an ASCII letter or digit stays one once folded: only other terms are folded here,
            # which saves folding the 70,000 terms and names read at startup twice)
            if _ASCII_ALNUM.search(t) is None and not fold(t).strip():
                raise LexiconError(f"term {t!r} is empty once normalised", where=where)
            entries.append(Entry(t, value, strength, source, f"{name}:{value}:{t}", extra))
            spelled = _sms_spelling(t, sms) if sms else None
            if spelled is not None:
                entries.append(Entry(spelled, value, strength, source, f"{name}:{value}:{t}", extra))
    return entries


def _sms_spelling(term: str, sms: dict[str, str]) -> str | None:
    """A term as posts read once their SMS spellings are expanded ("c'est dispo ?" -> "c ' est
    disponible ?"), or None when it has none. Posts are matched after that expansion (see
    `normalize.normalise`), so a term written the way people type would otherwise never match."""
    words = tokenize(fold(term))
    if not any(w in sms for w in words):
        return None
    return " ".join(sms.get(w, w) for w in words)


def _sms_table(folder: Path) -> dict[str, str]:
    """The SMS spellings in force for the lexicons of one folder (`<lang>/sms.toml`), if any; read
    again when an analyst edits the file."""
    sms = folder / "sms.toml"
    return _sms_read(sms, sms.stat().st_mtime_ns) if sms.exists() else {}


@cache
def _sms_read(path: Path, mtime_ns: int) -> dict[str, str]:
    return _read_sms(path)


class Match(NamedTuple):
    """A term found in a post (a tuple: many are made per post)."""

    entry: Entry
    start: int  # normalised-text offsets
    end: int
    first_token: int  # index into norm.tokens
    n_tokens: int


# A trie over the tokens of the terms: word -> (the words that may follow, the entries of the term
# that ends here or None)
_Node = dict[str, tuple["_Node", "list[Entry] | None"]]


class TermMatcher:
    """Longest-match lookup of multi-token terms over a post's normalised tokens."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._root: _Node = {}
        self._n = 0
        for e in entries:
            key = tokenize(fold(e.term))
            if not key:
                continue
            node = self._root
            for depth, w in enumerate(key):
                child = node.get(w)
                if child is None:
                    child = node[w] = ({}, None)
                if depth == len(key) - 1:  # the term ends here
                    ents = child[1]
                    if ents is None:
                        ents = []
                        node[w] = (child[0], ents)
                        self._n += 1
                    ents.append(e)
                node = child[0]

    def __len__(self) -> int:
        return self._n

    def runs(self, words: Sequence[str]) -> list[tuple[int, int, list[Entry]]]:
        """(first token, last token, entries) of the longest term at each token, left to right,
        over the texts of a post's tokens (`Normalised.words`). The entries of a term are one list
        kept by the matcher, the same object at every match."""
        root = self._root
        out: list[tuple[int, int, list[Entry]]] = []
        n = len(words)
        nxt = 0
        # the tokens that start a term, picked in C: most tokens start none
        for i in compress(range(n), map(root.__contains__, words)):
            if i < nxt:
                continue
            child, ents = root[words[i]]
            last, best = i, ents
            j = i + 1
            while child and j < n:
                step = child.get(words[j])
                if step is None:
                    break
                child, ents = step
                if ents:
                    last, best = j, ents
                j += 1
            if best:
                out.append((i, last, best))
                nxt = last + 1
        return out

    def find(self, norm: Normalised) -> list[Match]:
        toks = norm.tokens
        return [Match(e, toks[i].start, toks[last].end, i, last - i + 1)
                for i, last, ents in self.runs(norm.words) for e in ents]


@cache
def lexicon_file(lang: str, name: str) -> Path:
    """`data/<lang>/<name>.toml`; `lang` may be "common"."""
    return data_dir() / lang / f"{name}.toml"


def load_sms(langs: Iterable[str]) -> dict[str, str]:
    """SMS spellings of the given languages (`<lang>/sms.toml`, a flat table folded -> expansion)."""
    out: dict[str, str] = {}
    for lang in langs:
        path = lexicon_file(lang, "sms")
        if path.exists():
            out.update(_read_sms(path))
    return out


def _read_sms(path: Path) -> dict[str, str]:
    doc = read_toml(path)
    table = doc.get("sms", {})
    if not isinstance(table, dict):
        raise LexiconError("[sms] must be a table of spelling = expansion", where=rel(path))
    out: dict[str, str] = {}
    for k, v in table.items():
        if not isinstance(v, str) or not v.strip():
            raise LexiconError(f"expansion of {k!r} must be a non-empty string", where=rel(path))
        out[fold(k)] = fold(v)
    return out


def load_lexicon(name: str, langs: Iterable[str], *, values: Sequence[str] | None = None,
                 extra_keys: Iterable[str] | Mapping[str, Sequence[str]] = (),
                 common: bool = True) -> dict[str, TermMatcher]:
    """One `TermMatcher` per language for lexicon `name`: `<lang>/<name>.toml` plus, when it
    exists and `common` is set, `common/<name>.toml` (emoji and other language-free entries).
    A language without the file gets the common entries only."""
    if not isinstance(extra_keys, Mapping):
        extra_keys = tuple(extra_keys)
    shared: list[Entry] = []
    cpath = lexicon_file("common", name)
    if common and cpath.exists():
        shared = load_groups(cpath, values=values, extra_keys=extra_keys)
    out: dict[str, TermMatcher] = {}
    for lang in langs:
        path = lexicon_file(lang, name)
        own = load_groups(path, values=values, extra_keys=extra_keys) if path.exists() else []
        out[lang] = TermMatcher([*own, *shared])
    return out


def load_merged(name: str, langs: Iterable[str], *, values: Sequence[str] | None = None,
                extra_keys: Iterable[str] | Mapping[str, Sequence[str]] = ()) -> TermMatcher:
    """One `TermMatcher` over every language's `<name>.toml` and `common/<name>.toml`, for cues
    that should fire whatever the post's language (posts mix French and English)."""
    entries: list[Entry] = []
    for lang in ("common", *langs):
        path = lexicon_file(lang, name)
        if path.exists():
            entries.extend(load_groups(path, values=values, extra_keys=extra_keys))
    return TermMatcher(entries)
