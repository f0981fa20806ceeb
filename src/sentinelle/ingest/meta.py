"""Instagram and Facebook Messenger "Download your information" JSON (`message_N.json`).

Streamed message by message (they are newest first; the order is kept). Every string is repaired
from the Meta mojibake (UTF-8 bytes written as \\u00XX escapes): `s.encode("latin-1").decode("utf-8")`,
left unchanged when that fails (an already correct file). Text: `content` as written, system phrases
("Liked a message", "... sent an attachment.") included but flagged in meta `service`. Date:
`timestamp_ms` (UTC). Author: `sender_name` (a display name: the export has no usernames).
Media (`photos`, `videos`, `audio_files`, `gifs`, `files`, `sticker`) go to meta `media` and
`media_file` (uri relative to the export root); `share` to `share`, `share_text`.
Platform: "instagram" or "messenger", from the path (your_instagram_activity, facebook...) or the
message shape (`type` is Messenger's); "instagram" when nothing tells.
Locator: `messages[<index>]`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..core import Post
from .base import BAD_RECORD, Context, Rejected, Source, iso_epoch
from .streams import JsonReader, JsonStreamError, TextStream
from .telegram import bad_json

_MEDIA = (("photos", "photo"), ("videos", "video"), ("audio_files", "audio"), ("gifs", "gif"),
          ("files", "file"))
_SYSTEM = re.compile(
    r"^(?:Liked a message|.{1,80} sent an attachment\.|Reacted .{1,20} to your message|"
    r".{0,80}unsent a message|.{0,80}created a poll: .*|"
    r".{0,80}started (?:a video chat|an audio call|sharing video)|"
    r".{0,80}(?:missed|joined) (?:a|the) (?:video |audio )?call|.{0,80} a aimé un message|"
    r".{1,80} a envoyé une pièce jointe\.|A réagi .{1,20} à votre message)$", re.S)


def fix_mojibake(value: Any) -> Any:
    """Undo Meta's latin-1/UTF-8 mojibake in every string of a decoded JSON value."""
    if isinstance(value, str):
        if value.isascii():
            return value
        try:
            return value.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return value
    if isinstance(value, list):
        return [fix_mojibake(v) for v in value]
    if isinstance(value, dict):
        return {fix_mojibake(k): fix_mojibake(v) for k, v in value.items()}
    return value


def _platform(src: Source, msg: dict[str, Any]) -> str:
    low = src.name.lower()
    if "instagram" in low:
        return "instagram"
    if "facebook" in low or "messenger" in low:
        return "messenger"
    for key, _ in _MEDIA:
        for m in msg.get(key) or ():
            if isinstance(m, dict) and "instagram" in str(m.get("uri", "")).lower():
                return "instagram"
    if "type" in msg:
        return "messenger"
    return ""


def read(src: Source, ctx: Context) -> Iterator[Post | Rejected]:
    state: dict[str, Any] = {"count": 0, "last": ""}
    platform = ""
    with src.open() as fh:
        ts = TextStream(fh, ctx.encoding, ctx.limits.chunk_chars)
        r = JsonReader(ts.chunks(), ctx.limits.max_record_chars)
        try:
            for key in r.members():
                if key != "messages" or r.peek() != "[":
                    r.skip()
                    continue
                for i in r.items():
                    msg = fix_mojibake(r.value())
                    loc = f"messages[{i}]"
                    state["count"] += 1
                    state["last"] = loc
                    try:
                        if not isinstance(msg, dict):
                            raise TypeError(f"a message must be a JSON object, not {type(msg).__name__}")
                        if not platform:
                            platform = _platform(src, msg) or "instagram"
                        yield _post(src, msg, loc, platform)
                    except (TypeError, ValueError) as exc:
                        yield src.reject(loc, BAD_RECORD, f"message cannot be read: {exc}", msg)
        except JsonStreamError as exc:
            yield bad_json(src, r, exc, state, "message")


def _post(src: Source, msg: dict[str, Any], loc: str, platform: str) -> Post:
    content = msg.get("content")
    if content is not None and not isinstance(content, str):
        raise TypeError(f"field 'content' is a {type(content).__name__}, not a string")
    text = content or ""
    ts = msg.get("timestamp_ms")
    if isinstance(ts, bool) or (ts is not None and not isinstance(ts, (int, float, str))):
        raise TypeError("field 'timestamp_ms' is not a number")
    date = iso_epoch(float(ts)) if ts not in (None, "") else ""
    meta: list[tuple[str, str]] = []
    if text and _SYSTEM.match(text):
        meta.append(("service", "system"))
    if msg.get("type") and msg["type"] != "Generic":
        meta.append(("type", str(msg["type"])))
    if msg.get("is_unsent"):
        meta.append(("unsent", "true"))
    for key, kind in _MEDIA:
        for m in msg.get(key) or ():
            meta.append(("media", kind))
            if isinstance(m, dict) and m.get("uri"):
                meta.append(("media_file", str(m["uri"])))
    st = msg.get("sticker")
    if isinstance(st, dict):
        meta.append(("media", "sticker"))
        if st.get("uri"):
            meta.append(("media_file", str(st["uri"])))
    share = msg.get("share")
    if isinstance(share, dict):
        for k, name in (("link", "share"), ("share_text", "share_text"),
                        ("original_content_owner", "share_owner")):
            if share.get(k):
                meta.append((name, str(share[k])))
    for rc in msg.get("reactions") or ():
        if isinstance(rc, dict):
            meta.append(("reaction", f"{rc.get('actor', '')}: {rc.get('reaction', '')}"))
    if msg.get("call_duration"):
        meta.append(("call_duration", str(msg["call_duration"])))
    author = str(msg.get("sender_name") or "")
    return src.post(loc, text, platform=platform, author=author, date=date, meta=meta)
