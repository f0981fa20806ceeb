"""Rendering attacker-controlled text safely: escaping, evidence highlighting, pseudonyms.

Post text, author names, OCR text and link explanations are written by the people the analysts
watch. Everything here returns either plain strings (escaped later by Jinja's autoescape) or
`Markup` built from escaped pieces, where the only markup is our own `<mark>` and `<span>` tags:

- `esc(text)` escapes and makes bidirectional-override characters (U+202E...) visible instead of
  letting them reorder what the analyst reads;
- `highlight(text, spans)` wraps evidence spans in `<mark class="ev" data-kind="...">` and, for
  researchers, replaces masked spans (phones, handles, author, URLs) with their pseudonym;
- `Masker` computes pseudonyms (None for roles that see raw identifiers) and scrubs raw
  identifiers out of free text such as a link's explanation;
- `safe_href(url)` gives an http(s) URL back, never a `javascript:` or `data:` one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape

from ..accounts import pseudonym
from ..store.query import handle_key

# Characters that reorder or hide text: bidi embeddings, overrides and isolates, directional marks.
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_BIDI_RE = re.compile(f"[{BIDI}]")
_WORD_RE = re.compile(r"[^\s,;()\[\]{}<>\"'«»]+")  # a word of free text, as scrub() looks it up
_PART_RE = re.compile(r"[^/:=?&#@]+")  # a piece of a word between URL delimiters
_URL_RE = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"']+")
MIN_SCRUB = 3  # raw strings shorter than this are not scrubbed out of free text (too many false hits)


def visible_controls(text: str) -> str:
    """`text` with each bidi control character replaced by a visible `[U+202E]` (plain text)."""
    return _BIDI_RE.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def esc(text: str) -> Markup:
    """HTML-escaped text with bidi controls shown as `<span class="ctl">U+202E</span>`."""
    out = str(escape(text))
    if _BIDI_RE.search(out):
        out = _BIDI_RE.sub(lambda m: f'<span class="ctl">U+{ord(m.group()):04X}</span>', out)
    return Markup(out)


def finalize(value: Any) -> Any:
    """Jinja `finalize`: every plain string printed by a template gets visible bidi controls
    (Markup we built ourselves is already safe and passed through)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return visible_controls(value)
    return value


def safe_href(url: Any) -> str | None:
    """`url` if it is an absolute http(s) URL with a host, else None (never javascript:, data:...)."""
    if not isinstance(url, str):
        return None
    u = url.strip()
    if any(c in u for c in "\x00\r\n\t") or _BIDI_RE.search(u):
        return None
    try:
        parts = urlsplit(u)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return u


def path_part(value: str) -> str:
    """A value as one URL path segment: "/", "?", "#", "%", "&", spaces and non-ASCII are
    percent-encoded; ":" and "@" stay (a post id such as "2a6bc4bc72ad:L4" reads as itself)."""
    return quote(str(value), safe=":@-._~!$'()*+,;=")


@dataclass(frozen=True, slots=True)
class Span:
    """A span of the text: highlighted as `kind`, or (with `replace`) shown as that text instead."""

    start: int
    end: int
    kind: str
    replace: str | None = None


def _masks(spans: list[Span]) -> list[tuple[int, int, str, str]]:
    """Masked spans merged where they overlap: (start, end, kind, replacement)."""
    out: list[tuple[int, int, str, str]] = []
    for s in sorted((s for s in spans if s.replace is not None), key=lambda s: (s.start, -s.end)):
        assert s.replace is not None
        if out and s.start < out[-1][1]:
            a, b, kind, rep = out[-1]
            if s.replace not in rep.split(" / "):
                rep = f"{rep} / {s.replace}"
            out[-1] = (a, max(b, s.end), kind, rep)
        else:
            out.append((s.start, s.end, s.kind, s.replace))
    return out


def _rank(kind: str) -> int:
    return 1 if kind == "category" else 0  # a fact's own kind wins over "evidence for the verdict"


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """The text as HTML: escaped, evidence spans in `<mark class="ev" data-kind="...">`, masked
    spans replaced by their (escaped) replacement in `<mark class="ev masked" data-kind="...">`.
    Spans may overlap or run past the text; the text itself never becomes markup."""
    n = len(text)
    clean = [Span(max(0, s.start), min(n, s.end), s.kind, s.replace) for s in spans
             if isinstance(s.start, int) and isinstance(s.end, int) and min(n, s.end) > max(0, s.start)]
    masks = _masks(clean)
    marks = [s for s in clean if s.replace is None]
    cuts = {0, n}
    for s in marks:
        cuts.update((s.start, s.end))
    for a, b, _, _ in masks:
        cuts.update((a, b))
    bounds = sorted(cuts)
    pieces: list[str] = []
    open_kind: str | None = None
    mi = 0
    for a, b in zip(bounds, bounds[1:], strict=False):
        while mi < len(masks) and masks[mi][1] <= a:
            mi += 1
        if mi < len(masks) and masks[mi][0] <= a < masks[mi][1]:
            if open_kind is not None:
                pieces.append("</mark>")
                open_kind = None
            ma, _mb, mkind, rep = masks[mi]
            if a == ma:
                pieces.append(f'<mark class="ev masked" data-kind="{escape(mkind)}">{esc(rep)}</mark>')
            continue
        covering = [s for s in marks if s.start <= a and b <= s.end]
        kind = min(covering, key=lambda s: _rank(s.kind)).kind if covering else None
        if kind != open_kind:
            if open_kind is not None:
                pieces.append("</mark>")
            if kind is not None:
                pieces.append(f'<mark class="ev" data-kind="{escape(kind)}">')
            open_kind = kind
        pieces.append(str(esc(text[a:b])))
    if open_kind is not None:
        pieces.append("</mark>")
    return Markup("".join(pieces))


class Masker:
    """Pseudonyms for one request. `active` is False for roles that see raw identifiers: then
    every method gives its input back unchanged."""

    def __init__(self, secret: bytes | None) -> None:
        self.secret = secret
        self._known: dict[str, str] = {}  # one-word raw identifiers (folded) -> pseudonym
        self._phrases: dict[str, str] = {}  # raw strings with spaces ("06 12 34 56 78")
        self._re: re.Pattern[str] | None = None

    @property
    def active(self) -> bool:
        return self.secret is not None

    def _pseudo(self, kind: str, value: str, *raw: str) -> str:
        if self.secret is None:
            return value
        p = pseudonym(self.secret, kind, value)
        for r in (value, *raw):
            self.learn(r, p)
        return p

    def learn(self, raw: str, pseudo: str) -> None:
        """Remember that `raw` stands for `pseudo`, for `scrub`."""
        r = raw.strip()
        if self.secret is None or len(r) < MIN_SCRUB:
            return
        key = r.casefold()
        if any(c.isspace() for c in r):
            if key not in self._phrases:
                self._phrases[key] = pseudo
                self._re = None
        else:
            self._known.setdefault(key, pseudo)

    def account(self, platform: str, handle: str) -> str:
        """An account (author, or a handle given in a post) as shown: `platform:handle` or its pseudonym."""
        key = f"{(platform or '').strip().lower()}:{handle_key(handle or '')}"
        if self.secret is None:
            return key
        h = handle_key(handle or "")
        return self._pseudo("account", key, handle or "", h, "@" + h)

    def phone(self, value: str) -> str:
        return self._pseudo("phone", value)

    def url(self, value: str) -> str:
        return self._pseudo("url", value)

    def node(self, node: str) -> str:
        """A network node (`platform:handle`, `phone:+33...`, `crypto:...`) as shown."""
        if self.secret is None:
            return node
        kind, _, value = node.partition(":")
        if kind == "phone":
            return self.phone(value)
        if kind == "crypto":
            return self._pseudo(kind, value, value.partition(":")[2])
        if kind in ("link", "url", "image"):
            return self._pseudo(kind, value)
        return self.account(kind, value)

    def scrub(self, text: str) -> str:
        """Free text with every raw identifier learnt so far replaced by its pseudonym (and URLs
        by theirs). Words are looked up one by one (a dict lookup each, whatever the number of
        identifiers learnt); only raw strings with spaces go through a regular expression.
        Unchanged for roles that see raw identifiers."""
        if self.secret is None or not text:
            return text
        text = _URL_RE.sub(lambda m: self.url(m.group()), text)
        if self._phrases:
            if self._re is None:
                alts = sorted(self._phrases, key=len, reverse=True)
                self._re = re.compile("|".join(re.escape(a) for a in alts), re.IGNORECASE)
            text = self._re.sub(lambda m: self._phrases.get(m.group().casefold(), m.group()), text)
        if not self._known:
            return text
        known = self._known

        def part(m: re.Match[str]) -> str:
            tok = m.group()
            core = tok.rstrip(".:!?")
            p = known.get(core.casefold())
            return tok if p is None else p + tok[len(core):]

        def word(m: re.Match[str]) -> str:
            tok = m.group()
            out = part(m)
            # "t.me/plug", "snapchat:plug", "?u=plug": the identifier inside a longer word
            return _PART_RE.sub(part, tok) if out == tok else out

        return _WORD_RE.sub(word, text)

    def value(self, kind: str, value: Any) -> Any:
        """A finding's value as shown (handles and phones pseudonymised for researchers)."""
        if self.secret is None:
            return value
        if kind == "phones" and isinstance(value, str):
            return self.phone(value)
        if kind == "handles" and isinstance(value, Mapping):
            return self.account(str(value.get("platform") or "other"), str(value.get("handle") or ""))
        if isinstance(value, str):
            return self.scrub(value)
        return value


def author_spans(text: str, author: str) -> list[tuple[int, int]]:
    """Where the author's handle (with or without @) occurs in the text, ignoring case."""
    h = handle_key(author or "")
    if len(h) < MIN_SCRUB:
        return []
    return [(m.start(), m.end()) for m in re.finditer(r"@?" + re.escape(h), text, re.IGNORECASE)]


def url_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, url) of every URL written in the text."""
    return [(m.start(), m.end(), m.group()) for m in _URL_RE.finditer(text)]
