"""Snapchat "Download My Data" JSON: chat history (current and legacy), snap history, story history, memories.

Streamed item by item. Date: `Created(microseconds)` when present -- it holds MILLISECONDS despite
its name; scaled by magnitude (see `base.iso_epoch`) and checked against the `Created` string
(UTC), which wins when the two disagree by more than a day. Text: `Content` (current) or `Text`
(legacy), HTML-unescaped; null means "". Author: `From` (a username); legacy sent items have `To`
instead and the account owner as (unknown) author. `STATUS*` media types are service messages;
other non-text media types go to meta `media`, with the `Media IDs` (split on " | ").
Snap, story and memory entries become posts with an empty text and their details in meta.
Locator: `<conversation key or category>[<index>]`.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from ..core import Post
from .base import BAD_RECORD, Context, Rejected, Source, iso, iso_epoch, parse_iso
from .streams import JsonReader, JsonStreamError, TextStream
from .telegram import bad_json


def _created(item: dict[str, Any], ctx: Context, key: str = "Created") -> str:
    text = item.get(key)
    parsed = parse_iso(text) if isinstance(text, str) else None
    if parsed is not None and parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)  # Snapchat dates are UTC
    micro = item.get("Created(microseconds)")
    if isinstance(micro, (int, float)) and not isinstance(micro, bool) and micro > 0:
        precise = iso_epoch(micro)
        if parsed is None:
            return precise
        p = datetime.fromisoformat(precise)
        if abs((p - parsed).total_seconds()) <= 86400:
            return precise
        ctx.warn(f"'Created(microseconds)' {micro} disagrees with 'Created' {text!r}: 'Created' kept")
    if parsed is None:
        if text not in (None, ""):
            raise ValueError(f"field {key!r} is not a date: {text!r:.40}")
        return ""
    return iso(parsed)


def _text(v: Any) -> str:
    if v is None:
        return ""
    if not isinstance(v, str):
        raise TypeError(f"text is a {type(v).__name__}, not a string")
    return html.unescape(v)


def read(src: Source, ctx: Context) -> Iterator[Post | Rejected]:
    fmt = ctx.hints.get("format", "snapchat_chat")
    state: dict[str, Any] = {"count": 0, "last": ""}
    with src.open() as fh:
        ts = TextStream(fh, ctx.encoding, ctx.limits.chunk_chars)
        r = JsonReader(ts.chunks(), ctx.limits.max_record_chars)
        try:
            for key in r.members():
                if r.peek() != "[":
                    r.skip()
                    continue
                for i in r.items():
                    item = r.value()
                    loc = f"{key}[{i}]"
                    state["count"] += 1
                    state["last"] = loc
                    try:
                        if not isinstance(item, dict):
                            raise TypeError(f"an entry must be a JSON object, not {type(item).__name__}")
                        yield _post(src, ctx, fmt, key, item, loc)
                    except (TypeError, ValueError) as exc:
                        yield src.reject(loc, BAD_RECORD, f"entry cannot be read: {exc}", item)
        except JsonStreamError as exc:
            yield bad_json(src, r, exc, state, "entry")


def _post(src: Source, ctx: Context, fmt: str, key: str, item: dict[str, Any], loc: str) -> Post:
    meta: list[tuple[str, str]] = []
    mtype = str(item.get("Media Type") or "")
    if fmt == "snapchat_stories":
        date = _created(item, ctx, "Story Date") if "Story Date" in item else ""
        meta.append(("media", "story"))
        meta.append(("list", key))
        for k, v in item.items():
            if k != "Story Date" and v not in (None, ""):
                meta.append((k.lower().replace(" ", "_"), str(v)))
        return src.post(loc, "", platform="snapchat", date=date, meta=meta)
    if fmt == "snapchat_memories":
        date = _created(item, ctx, "Date")
        meta.append(("media", (mtype or "memory").lower()))
        if item.get("Location"):
            meta.append(("location", str(item["Location"]).replace("Latitude, Longitude: ", "")))
        return src.post(loc, "", platform="snapchat", date=date, meta=meta)
    date = _created(item, ctx)
    legacy = fmt.endswith("_legacy")
    author = str(item.get("From") or "")
    if legacy:
        meta.append(("list", key))
        if item.get("To"):
            meta.append(("to", str(item["To"])))
    else:
        meta.append(("conversation", key))
        if item.get("Conversation Title"):
            meta.append(("conversation_title", str(item["Conversation Title"])))
        if item.get("IsSender") is True:
            meta.append(("is_sender", "true"))
        if item.get("IsSaved") is True:
            meta.append(("saved", "true"))
    text = _text(item.get("Content", item.get("Text")))
    if fmt.startswith("snapchat_snaps"):
        meta.append(("media", f"snap {mtype.lower()}".strip()))
    elif mtype.upper().startswith("STATUS"):
        meta.append(("service", mtype))
    elif mtype and mtype.upper() != "TEXT":
        meta.append(("media", mtype.lower()))
    for mid in str(item.get("Media IDs") or "").split(" | "):
        if mid.strip():
            meta.append(("media_id", mid.strip()))
    return src.post(loc, text, platform="snapchat", author=author, date=date, meta=meta)
