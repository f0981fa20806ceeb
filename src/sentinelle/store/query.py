"""Search filters, independent of any database: what the user asked, parsed and made safe.

`Query` holds the filters of `sentinelle search`. The helpers here turn user input into values
that a store binds as parameters: `fts_terms()` splits free text into quoted tokens (so SQL
metacharacters and full-text syntax typed by a user are only ever words), `fold()` gives the
accent- and case-insensitive key under which places and handles are compared, and
`time_bound()` turns `--since` / `--until` into UTC epoch seconds.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from ..errors import InputError

_WORD = re.compile(r"\w+", re.UNICODE)
# A user phrase in balanced double quotes, a word with a trailing star (prefix), or a chunk.
_PIECE = re.compile(r'"([^"]*)"|(\w+)\*|([^\s"]+)', re.UNICODE)
_NON_ALNUM = re.compile(r"[\W_]+", re.UNICODE)

ORDERS = ("relevance", "newest", "oldest", "recent")


@dataclass(frozen=True, slots=True)
class Query:
    """Filters of a search; every field is optional and they combine with AND.

    - `text`: words that must all occur in the post text, ignoring case and accents;
      `"two words"` in double quotes is a phrase, `word*` a prefix. Nothing else is syntax.
    - `category`: sale, recruitment or other (analysed posts only).
    - `product`, `place`, `department`: a value of that analysis field (places compare without
      case or accents: "saint etienne" finds "Saint-Étienne").
    - `platform`: the post's platform; `account`: the author's handle, or `platform:handle`.
    - `since`, `until`: ISO 8601 dates or datetimes (a bare date in `until` includes that day);
      a datetime without offset is read as UTC.
    - `case`: the case name given at ingest.
    - `order`: relevance (text queries; newest otherwise), newest or oldest by post date, or recent:
      most recently collected first, which stays fast whatever the number of matches.
    - `limit`, `offset`: paging; `limit=None` returns everything.
    """

    text: str | None = None
    category: str | None = None
    product: str | None = None
    place: str | None = None
    department: str | None = None
    platform: str | None = None
    account: str | None = None
    since: str | date | datetime | None = None
    until: str | date | datetime | None = None
    case: str | None = None
    order: str = "relevance"
    limit: int | None = 100
    offset: int = 0

    def __post_init__(self) -> None:
        if self.order not in ORDERS:
            raise InputError(f"unknown order {self.order!r}; expected one of {', '.join(ORDERS)}",
                             where="query")
        if self.limit is not None and self.limit < 0:
            raise InputError("limit must be >= 0", where="query")
        if self.offset < 0:
            raise InputError("offset must be >= 0", where="query")


def fold(value: str) -> str:
    """Case- and accent-insensitive key: "Saint-Étienne" and "saint etienne" both give "saint etienne"."""
    decomposed = unicodedata.normalize("NFKD", value)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_ALNUM.sub(" ", stripped.casefold()).strip()


def handle_key(handle: str) -> str:
    """An account handle as compared: without a leading @, lower case, surrounding spaces removed."""
    return handle.strip().lstrip("@").strip().casefold()


def _quote(words: list[str]) -> str:
    return '"' + " ".join(words) + '"'


def fts_terms(text: str) -> list[str]:
    """Free text as a list of full-text terms, each a double-quoted string (a word or a phrase),
    optionally followed by `*` for a prefix. Only `\\w` characters reach the quoted strings, so
    quotes, parentheses, NEAR, AND/OR/NOT, column filters and SQL are plain words or dropped.
    Returns [] when the text has no word at all."""
    terms: list[str] = []
    for m in _PIECE.finditer(text):
        phrase, prefix, chunk = m.groups()
        if prefix is not None:
            terms.append(_quote([prefix]) + "*")
            continue
        words = _WORD.findall(phrase if phrase is not None else chunk)
        # "_" is a word character for Python but a separator for the index tokenizer.
        words = [w for part in words for w in part.split("_") if w]
        if words:
            # a user phrase, or a chunk like "06.12.34" or "l'herbe": a phrase of its words,
            # exactly as the index tokenizer splits it
            terms.append(_quote(words))
    return terms


def fts_match(text: str) -> str | None:
    """The MATCH expression for `text` (all terms required), or None when there is no word."""
    terms = fts_terms(text)
    return " AND ".join(terms) if terms else None


def _parse(value: str | date | datetime, where: str) -> tuple[datetime, bool]:
    """A datetime (aware, UTC when no offset given) and whether the input was a bare date."""
    if isinstance(value, datetime):
        dt, bare = value, False
    elif isinstance(value, date):
        dt, bare = datetime(value.year, value.month, value.day), True
    else:
        s = value.strip()
        try:
            if len(s) == 10:
                d = date.fromisoformat(s)
                dt, bare = datetime(d.year, d.month, d.day), True
            else:
                dt, bare = datetime.fromisoformat(s), False
        except ValueError:
            raise InputError(f"{value!r} is not an ISO 8601 date or datetime", where=where) from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt, bare


def time_bound(value: str | date | datetime | None, *, upper: bool, where: str = "query") -> float | None:
    """`--since` (inclusive) or `--until` as epoch seconds. For `until`, a bare date covers the
    whole day, so the bound returned is exclusive (the next midnight) and callers compare with <;
    for a datetime the bound is that instant plus a microsecond, exclusive as well."""
    if value is None or value == "":
        return None
    dt, bare = _parse(value, where)
    if upper:
        dt = dt + (timedelta(days=1) if bare else timedelta(microseconds=1))
    return dt.timestamp()


def epoch_of(iso: str) -> float | None:
    """UTC epoch seconds of a post's ISO 8601 date (naive read as UTC), None when unparseable."""
    if not iso:
        return None
    try:
        dt = datetime.fromisoformat(iso)
    except ValueError:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    try:
        return dt.timestamp()
    except (OverflowError, OSError, ValueError):
        return None


def utc_iso(epoch: float | None) -> str | None:
    """The UTC ISO 8601 form of an epoch, with an explicit +00:00 offset."""
    if epoch is None:
        return None
    try:
        return datetime.fromtimestamp(epoch, tz=UTC).isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def utf8_safe(s: str) -> str:
    """The string with lone surrogates (which cannot be stored nor hashed as UTF-8) as U+FFFD."""
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
