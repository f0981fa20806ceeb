"""Generic JSONL (one JSON object per line) and CSV (a header row naming the columns).

Columns/keys, first match wins (case-insensitive for CSV): text = text, content, body, message,
full_text, caption; id = id, post_id, message_id, tweet_id, uuid (kept in meta `source_id`);
author = author, username, user, handle, screen_name, from, sender, author_name; date = date,
created_at, timestamp, time, datetime, published, created (ISO strings keep their offset; naive ones
go through `base.localise`; numbers are epoch seconds/ms/µs by magnitude); platform; lang; url.
CSV: dialect sniffed at detection (`,` `;` tab `|`), byte order mark dropped, quoted fields may span
lines. Locator: the line number (of the row's first line for CSV).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any

from ..core import Post
from .base import BAD_RECORD, LINE_TOO_LONG, Context, Rejected, Source, iso, iso_epoch, localise, parse_iso
from .streams import TextStream

TEXT = ("text", "content", "body", "message", "full_text", "caption")
ID = ("id", "post_id", "message_id", "tweet_id", "uuid")
AUTHOR = ("author", "username", "user", "handle", "screen_name", "from", "sender", "author_name")
DATE = ("date", "created_at", "timestamp", "time", "datetime", "published", "created")


def _first(rec: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for k in keys:
        if rec.get(k) not in (None, ""):
            return rec[k]
    return None


def _date(value: Any, ctx: Context, meta: list[tuple[str, str]]) -> str:
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, (int, float)):
        return iso_epoch(value)
    s = str(value).strip()
    if s.replace(".", "", 1).isdigit() and len(s) >= 9:
        return iso_epoch(float(s))
    parsed = parse_iso(s)
    if parsed is None:
        meta.append(("date_raw", s))
        return ""
    if parsed.tzinfo is not None:
        return iso(parsed)
    date, extra = localise(parsed, ctx)
    meta.extend(extra)
    return date


def record_post(src: Source, ctx: Context, rec: dict[str, Any], loc: str) -> Post:
    text = _first(rec, TEXT)
    if text is None:
        if any(k in rec for k in TEXT):
            text = ""
        else:
            raise ValueError(f"no text field (one of {', '.join(TEXT)})")
    if not isinstance(text, str):
        raise TypeError(f"the text field is a {type(text).__name__}, not a string")
    meta: list[tuple[str, str]] = []
    sid = _first(rec, ID)
    if sid is not None:
        meta.append(("source_id", str(sid)))
    author = _first(rec, AUTHOR)
    if isinstance(author, dict):
        author = _first(author, ("username", "screen_name", "handle", "name"))
    date = _date(_first(rec, DATE), ctx, meta)
    if rec.get("url"):
        meta.append(("url", str(rec["url"])))
    platform = rec.get("platform") or ctx.hints.get("platform", "")
    return src.post(loc, text, platform=str(platform), author="" if author is None else str(author),
                    date=date, lang=str(rec.get("lang") or ""), meta=meta)


def read_jsonl(src: Source, ctx: Context) -> Iterator[Post | Rejected]:
    lim = ctx.limits
    with src.open() as fh:
        ts = TextStream(fh, ctx.encoding, lim.chunk_chars)
        for n, line, too_long in ts.lines(lim.max_line_chars):
            loc = f"L{n}"
            if too_long:
                yield src.reject(loc, LINE_TOO_LONG, f"line is {too_long:,} characters, over the "
                                 f"{lim.max_line_chars:,} limit; skipped", line)
                continue
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except ValueError as exc:
                yield src.reject(loc, BAD_RECORD, f"not JSON: {exc}", line)
                continue
            try:
                if not isinstance(rec, dict):
                    raise TypeError(f"expected a JSON object, got {type(rec).__name__}")
                yield record_post(src, ctx, rec, loc)
            except (TypeError, ValueError) as exc:
                yield src.reject(loc, BAD_RECORD, str(exc), line)
        if ts.replaced > 0:
            ctx.warn(f"{ts.replaced} invalid byte sequence(s) replaced by U+FFFD")


def read_csv(src: Source, ctx: Context) -> Iterator[Post | Rejected]:
    lim = ctx.limits
    if csv.field_size_limit() < lim.max_line_chars:
        csv.field_size_limit(lim.max_line_chars)
    pending: list[Rejected] = []
    with src.open() as fh:
        ts = TextStream(fh, ctx.encoding, lim.chunk_chars)

        def lines() -> Iterator[str]:
            for n, line, too_long in ts.lines(lim.max_line_chars):
                if too_long:
                    pending.append(src.reject(f"L{n}", LINE_TOO_LONG, f"line is {too_long:,} characters, "
                                              f"over the {lim.max_line_chars:,} limit; skipped", line))
                    yield "\n"
                else:
                    yield line + "\n"

        reader = csv.reader(lines(), delimiter=ctx.hints.get("delimiter", ","),
                            quotechar=ctx.hints.get("quotechar", '"'))
        header: list[str] | None = None
        start = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                yield from pending
                pending.clear()
                yield src.reject(f"L{start}", BAD_RECORD, f"bad CSV row: {exc}")
                start = reader.line_num + 1
                continue
            yield from pending
            pending.clear()
            loc = f"L{start}"
            start = reader.line_num + 1
            if not any(c.strip() for c in row):
                continue
            if header is None:
                header = [c.strip().lstrip("\ufeff").lower() for c in row]
                continue
            rec = dict(zip(header, row, strict=False))
            if len(row) > len(header):
                ctx.warn(f"{loc}: more fields than columns; the extra fields are ignored")
            try:
                yield record_post(src, ctx, rec, loc)
            except (TypeError, ValueError) as exc:
                yield src.reject(loc, BAD_RECORD, str(exc), ",".join(row))
        yield from pending
