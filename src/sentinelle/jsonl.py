"""Reading posts from JSONL, one line at a time, with a clear reason for every rejected line.

`read_posts(path)` yields `Post`s and `Reject`s in file order. A rejected line never stops the
file: the reason names the file and line, and the raw line is kept for the rejects file.
Lines longer than `max_line_bytes` are not loaded into memory whole.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import orjson

from .core import Post
from .errors import InputError

MAX_LINE_BYTES = 1 << 20  # a social-media post is never a megabyte
MAX_KEPT_BYTES = 4096  # how much of a rejected line the rejects file keeps


@dataclass(frozen=True, slots=True)
class Reject:
    source: str  # "file:line"
    code: str
    message: str
    raw: str  # the start of the line, as text (invalid bytes replaced)

    def to_record(self) -> dict[str, Any]:
        return {"source": self.source, "error": self.code, "message": self.message, "line": self.raw}


def _open(path: str) -> tuple[IO[bytes], str]:
    if path == "-":
        return sys.stdin.buffer, "<stdin>"
    return open(path, "rb"), path  # noqa: SIM115 - closed by read_posts


def _lines(fh: IO[bytes], limit: int) -> Iterator[tuple[bytes, bool]]:
    """Lines of at most `limit` bytes; a longer line is drained and flagged as too long."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            while True:  # drain the rest of the line without keeping it
                more = fh.readline(1 << 20)
                size += len(more)
                if not more or more.endswith(b"\n"):
                    break
            yield line[:MAX_KEPT_BYTES] + b"...", True
            _lines.last_size = size  # type: ignore[attr-defined]
            continue
        yield line, False


def post_from_record(obj: Any, where: str) -> Post:
    """Build a Post from a decoded JSON object, or raise InputError naming the field."""
    # The usual record first (the same Post as below, in fewer steps): a string id and text, and
    # the other fields strings or absent. Anything else takes the checks below, which name the field.
    if type(obj) is dict:
        pid, text = obj.get("id"), obj.get("text")
        if type(pid) is str and type(text) is str and pid.strip():
            platform, author, date, lang = obj.get("platform"), obj.get("author"), obj.get("date"), obj.get("lang")
            if ((platform is None or type(platform) is str) and (author is None or type(author) is str)
                    and (date is None or type(date) is str) and (lang is None or type(lang) is str)):
                # (id, text, platform, author, date, lang, source): positional, a little quicker
                return Post(pid, text, platform or "", author or "", date or "", lang or "", where)
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object, got {type(obj).__name__}", where=where)
    if "id" not in obj:
        raise InputError("missing field 'id'", where=where)
    pid = obj["id"]
    if isinstance(pid, bool) or not isinstance(pid, (str, int)) or (isinstance(pid, str) and not pid.strip()):
        raise InputError(f"field 'id' must be a non-empty string or an integer, got {pid!r:.60}", where=where)
    if "text" not in obj:
        raise InputError(f"post {pid!r}: missing field 'text'", where=where)
    text = obj["text"]
    if not isinstance(text, str):
        raise InputError(f"post {pid!r}: field 'text' must be a string, got {type(text).__name__}", where=where)
    fields: dict[str, str] = {}
    for key in ("platform", "author", "date", "lang"):
        value = obj.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(f"post {pid!r}: field {key!r} must be a string, got {type(value).__name__}",
                             where=where)
        fields[key] = value
    return Post(id=str(pid), text=text, source=where, platform=fields.get("platform", ""),
                author=fields.get("author", ""), date=fields.get("date", ""), lang=fields.get("lang", ""))


def read_posts(path: str, max_line_bytes: int = MAX_LINE_BYTES) -> Iterator[Post | Reject]:
    """Posts and rejects of a JSONL file (`-` for stdin), in order. Blank lines are skipped."""
    for where, raw in read_lines(path, max_line_bytes):
        yield raw if isinstance(raw, Reject) else parse_line(raw, where)


def read_lines(path: str, max_line_bytes: int = MAX_LINE_BYTES) -> Iterator[tuple[str, bytes | Reject]]:
    """("file:line", raw line) for each non-blank line of a JSONL file (`-` for stdin), in order;
    a Reject instead of the line when the file cannot be opened or the line is too long.
    `parse_line` turns a raw line into a Post (batches parse in their worker processes)."""
    try:
        fh, name = _open(path)
    except OSError as exc:
        yield f"{path}:0", Reject(f"{path}:0", InputError.code, f"cannot open: {exc.strerror or exc}", "")
        return
    try:
        for n, (raw, too_long) in enumerate(_lines(fh, max_line_bytes), 1):
            where = f"{name}:{n}"
            if too_long:
                size = getattr(_lines, "last_size", len(raw))
                message = f"{where}: line is {size / 1e6:.1f} MB, over the {max_line_bytes / 1e6:.1f} MB limit"
                yield where, Reject(where, InputError.code, message, raw[:MAX_KEPT_BYTES].decode("utf-8", "replace"))
                continue
            if not raw.strip():
                continue
            yield where, raw
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def parse_line(raw: bytes, where: str) -> Post | Reject:
    """The Post of one raw JSONL line, or a Reject naming the file, line and reason."""
    try:  # orjson reads UTF-8 bytes itself; a line it rejects is read again below for the reason
        return post_from_record(orjson.loads(raw), where)
    except (orjson.JSONDecodeError, InputError):
        pass
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Reject(where, InputError.code,
                      f"{where}: not valid UTF-8 (byte {exc.start}: {raw[exc.start:exc.start + 1]!r})",
                      raw[:MAX_KEPT_BYTES].decode("utf-8", "replace"))
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        return Reject(where, InputError.code, f"{where}: not JSON: {exc.msg} (column {exc.colno})",
                      raw[:MAX_KEPT_BYTES].decode("utf-8", "replace"))
    try:
        return post_from_record(obj, where)
    except InputError as exc:
        return Reject(where, exc.code, exc.message, raw[:MAX_KEPT_BYTES].decode("utf-8", "replace"))


def dumps(record: Any) -> str:
    """One JSON line (compact, UTF-8 text, no newline). orjson is several times faster than `json`
    here, and encoding is a large share of the cost of `sentinelle analyze`."""
    return orjson.dumps(record).decode("utf-8")


def write_jsonl(fh: IO[str], record: dict[str, Any]) -> None:
    fh.write(dumps(record))
    fh.write("\n")


def default_rejects_path(output: str | None) -> Path:
    if output and output != "-":
        out = Path(output)
        return out.with_name(out.name.removesuffix(".jsonl") + ".rejects.jsonl")
    return Path("sentinelle.rejects.jsonl")
