"""Shared objects of the importers: limits, the items they yield, the source a reader works on.

An importer reads one `Source` (a plain file or a member of an archive, re-openable as bytes)
with a `Context` (limits, text encoding chosen by detection, warnings, assumed time zone) and
yields `Post`s and `Rejected`s. `read.read_path` wraps that in `Item`s and adds a `FileInfo` per
file once the file is done.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from types import TracebackType
from typing import Any, Literal, Protocol

from ..core import Post, Provenance

# Stable reject codes (the SEN1xx family of errors.py is "input").
BAD_RECORD = "SEN110"  # one record of a known format cannot be read (wrong type, missing field)
BAD_JSON = "SEN111"  # truncated or corrupt JSON: what came before is kept, the rest is rejected
LINE_TOO_LONG = "SEN112"  # a line over `Limits.max_line_chars`
UNKNOWN_FORMAT = "SEN120"  # content matches no importer
EMPTY_FILE = "SEN121"
UNSUPPORTED = "SEN122"  # recognised but not importable (HTML exports, encrypted members...)
UNSAFE_PATH = "SEN130"  # zip-slip: absolute or ".." member path
SYMLINK = "SEN131"  # symbolic link, on disk or in an archive: never followed
TOO_BIG = "SEN133"  # size limit of a member or of a whole archive
RATIO = "SEN134"  # compression ratio of a member over the limit (zip bomb)
BAD_ARCHIVE = "SEN135"  # corrupt archive, bad CRC
TOO_MANY = "SEN136"  # too many members, archives nested too deep
UNREADABLE = "SEN140"  # the operating system could not open or read the file
INTERNAL = "SEN199"  # an importer failed unexpectedly on this file (a bug): the run goes on

MAX_EXCERPT = 300  # characters of raw input kept in a Rejected


@dataclass(frozen=True)
class Limits:
    """Guards against hostile or broken input. Sizes in bytes unless said otherwise."""

    max_member_bytes: int = 8 << 30  # one archive member, uncompressed
    max_total_bytes: int = 32 << 30  # all members of one archive (nested ones included)
    max_ratio: float = 200.0  # uncompressed / compressed, checked on members over ratio_min_bytes
    ratio_min_bytes: int = 1 << 20
    max_members: int = 200_000
    max_depth: int = 2  # archives inside archives
    max_line_chars: int = 1 << 20  # WhatsApp, JSONL and CSV lines
    max_record_chars: int = 32 << 20  # one JSON value decoded at once (a message, a tweet)
    head_bytes: int = 64 << 10  # what detection looks at
    chunk_chars: int = 1 << 16


@dataclass(frozen=True)
class Rejected:
    """Something that could not be imported. `where` names the file and the line or message."""

    where: str
    code: str
    message: str
    raw: str = ""  # an excerpt of the input, at most MAX_EXCERPT characters

    def to_record(self) -> dict[str, Any]:
        return {"where": self.where, "code": self.code, "message": self.message, "raw": self.raw}


@dataclass(frozen=True)
class FileInfo:
    """One file (or archive member) once read. Yielded after the posts it produced."""

    path: str  # as given to read_path (the archive's, for a member)
    member: str  # path inside the archive, "" for a plain file
    sha256: str  # of the bytes of this file or member
    size: int
    format: str  # detected format name, "zip", "image", "media", or "unknown"
    posts: int
    rejected: int
    container_sha256: str = ""  # the outermost archive's hash for a member, "" for a plain file
    warnings: tuple[str, ...] = ()

    def to_record(self) -> dict[str, Any]:
        return {"path": self.path, "member": self.member, "sha256": self.sha256, "size": self.size,
                "format": self.format, "posts": self.posts, "rejected": self.rejected,
                "container_sha256": self.container_sha256, "warnings": list(self.warnings)}


@dataclass(frozen=True)
class Item:
    """What read_path yields: exactly one of post, reject, file is set, as `kind` says."""

    kind: Literal["post", "reject", "file"]
    post: Post | None = None
    reject: Rejected | None = None
    file: FileInfo | None = None


class ByteStream(Protocol):
    """What an opener returns: a readable binary file (plain file, zip member, bounded reader)."""

    def read(self, n: int = -1, /) -> bytes: ...

    def close(self) -> None: ...

    def __enter__(self) -> Any: ...

    def __exit__(self, t: type[BaseException] | None, e: BaseException | None,
                 tb: TracebackType | None) -> Any: ...


Opener = Callable[[], ByteStream]


@dataclass
class Source:
    """The bytes one importer reads: a plain file or an archive member."""

    path: str  # as given by the user (the outer archive's path for members)
    member: str  # "" for a plain file; "a.zip/inner.zip/chat.txt" style for nested members
    open: Opener
    sha256: str = ""
    size: int = 0
    container_sha256: str = ""  # outer archive's hash; "" for a plain file

    @property
    def name(self) -> str:
        return f"{self.path}!{self.member}" if self.member else self.path

    @property
    def evidence_sha256(self) -> str:
        """The hash of the file as collected: the outer archive's for members."""
        return self.container_sha256 or self.sha256

    def where(self, locator: str = "") -> str:
        if not locator:
            return self.name
        if locator[:1] == "L" and locator[1:].isdigit():  # a line number
            return f"{self.name}:{locator[1:]}"
        return f"{self.name}#{locator}"

    def post(self, locator: str, text: str, *, platform: str, author: str = "", date: str = "",
             lang: str = "", meta: list[tuple[str, str]] | None = None) -> Post:
        return Post(
            id=f"{self.sha256[:12]}:{locator}", text=text, platform=platform, author=author, date=date,
            lang=lang, source=self.where(locator),
            provenance=Provenance(self.evidence_sha256, self.path, self.member, locator),
            meta=tuple(meta or ()),
        )

    def reject(self, locator: str, code: str, message: str, raw: str = "") -> Rejected:
        where = self.where(locator)
        return Rejected(where, code, f"{where}: {message}", excerpt(raw))


@dataclass
class Context:
    """Per-file reading state: limits, the text encoding chosen by detection, warnings."""

    limits: Limits
    encoding: str = "utf-8"
    assume_tz: tzinfo | None = None
    warnings: list[str] = field(default_factory=list)
    hints: dict[str, str] = field(default_factory=dict)  # detection's findings, e.g. the platform

    def warn(self, message: str) -> None:
        if message not in self.warnings and len(self.warnings) < 50:
            self.warnings.append(message)


Reader = Callable[[Source, Context], Iterator[Post | Rejected]]


def excerpt(raw: Any, n: int = MAX_EXCERPT) -> str:
    s = raw if isinstance(raw, str) else repr(raw)
    return s if len(s) <= n else s[:n] + "..."


def hash_stream(fh: ByteStream, chunk: int = 1 << 20) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    while True:
        block = fh.read(chunk)
        if not block:
            return h.hexdigest(), size
        h.update(block)
        size += len(block)


# -- dates -------------------------------------------------------------------------------------

def iso(dt: datetime) -> str:
    """ISO 8601; milliseconds only when the source has them."""
    return dt.isoformat(timespec="milliseconds" if dt.microsecond else "seconds")


def iso_epoch(value: float) -> str:
    """Epoch seconds, milliseconds or microseconds (told apart by magnitude) to ISO 8601 UTC."""
    v = float(value)
    if abs(v) > 1e14:
        v /= 1e6
    elif abs(v) > 1e11:
        v /= 1e3
    dt = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=v)
    return iso(dt.replace(microsecond=dt.microsecond // 1000 * 1000))


def localise(naive: datetime, ctx: Context) -> tuple[str, list[tuple[str, str]]]:
    """A wall-clock time with no zone: with `assume_tz` give it that offset, else keep it naive and say so."""
    if ctx.assume_tz is not None:
        return iso(naive.replace(tzinfo=ctx.assume_tz)), [("date_tz", f"assumed {ctx.assume_tz}")]
    return iso(naive), [("date_tz", "unknown: local time of the exporting device")]


def parse_iso(value: str) -> datetime | None:
    s = value.strip()
    if s.endswith(("Z", "z")):
        s = s[:-1] + "+00:00"
    if s.endswith(" UTC"):
        s = s[:-4] + "+00:00"
    try:
        return datetime.fromisoformat(s)
    except ValueError:
        return None
