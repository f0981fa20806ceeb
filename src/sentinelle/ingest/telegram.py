"""Telegram Desktop JSON export (`result.json`): one chat, or a whole account (`chats.list`, `left_chats`).

Streamed one message at a time. Text: `text` when it is a string, else its parts joined (plain
strings and entity objects' `text`), else `text_entities` joined; hidden link targets go to meta
`link`. Date: `date_unixtime` (UTC) when present, the local `date` kept in meta `date_local`;
without it, `date` is the exporting PC's wall clock (see `base.localise`). Author: `from` (display
name; the export has no usernames), `actor` for service messages, the `from_id` when the name is
null (deleted accounts). Service messages become posts with meta `service` = their action;
`unsupported` ones too (they have only an id). Media go to meta `media` (kind) and `media_file`
(the relative path, or the exporter's "File not included..." placeholder); the caption is the text.
Locator: the message id (`<chat id>/<message id>` in an account export; `[n]` when ids are missing).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..core import Post
from .base import BAD_JSON, BAD_RECORD, Context, Rejected, Source, iso_epoch, localise, parse_iso
from .streams import JsonReader, JsonStreamError, TextStream

_CHAT_KEYS = ("name", "type", "id")
_MEDIA_KEYS = ("photo", "file")


def read(src: Source, ctx: Context) -> Iterator[Post | Rejected]:
    state: dict[str, Any] = {"count": 0, "last": ""}
    with src.open() as fh:
        ts = TextStream(fh, ctx.encoding, ctx.limits.chunk_chars)
        r = JsonReader(ts.chunks(), ctx.limits.max_record_chars)
        try:
            chat: dict[str, Any] = {}
            for key in r.members():
                if key == "messages" and r.peek() == "[":
                    yield from _messages(r, src, ctx, chat, state, account=False)
                elif key in ("chats", "left_chats") and r.peek() == "{":
                    for k2 in r.members():
                        if k2 != "list" or r.peek() != "[":
                            r.skip()
                            continue
                        for i in r.items():
                            if r.peek() != "{":
                                r.skip()
                                continue
                            sub: dict[str, Any] = {"index": f"{key}[{i}]"}
                            for k3 in r.members():
                                if k3 == "messages" and r.peek() == "[":
                                    yield from _messages(r, src, ctx, sub, state, account=True)
                                elif k3 in _CHAT_KEYS:
                                    sub[k3] = r.value()
                                else:
                                    r.skip()
                elif key in _CHAT_KEYS:
                    chat[key] = r.value()
                else:
                    r.skip()
            if r.peek():
                ctx.warn(f"data after the end of the JSON document ignored (character {r.offset})")
        except JsonStreamError as exc:
            yield bad_json(src, r, exc, state, "message")
        if ts.replaced > 0:
            ctx.warn(f"{ts.replaced} invalid byte sequence(s) replaced by U+FFFD")


def bad_json(src: Source, r: JsonReader, exc: JsonStreamError, state: dict[str, Any], what: str) -> Rejected:
    kind = "truncated" if "end of file" in str(exc) else "corrupt"
    last = f", the last one {state['last']}" if state.get("last") else ""
    around = r.buf[max(0, r.pos - 80):r.pos + 120]
    return src.reject(f"L{exc.line}", BAD_JSON,
                      f"{kind} JSON: {exc}; {state['count']} {what}(s) read before it{last}; "
                      "the rest of the file is not read", around)


def _messages(r: JsonReader, src: Source, ctx: Context, chat: dict[str, Any], state: dict[str, Any],
              account: bool) -> Iterator[Post | Rejected]:
    chat_part = ""
    if account:
        chat_part = str(chat["id"]) if isinstance(chat.get("id"), (int, str)) else chat.get("index", "")
    for i in r.items():
        msg = r.value()
        mid = msg.get("id") if isinstance(msg, dict) else None
        msg_part = str(mid) if isinstance(mid, (int, str)) and not isinstance(mid, bool) else f"[{i}]"
        loc = f"{chat_part}/{msg_part}" if chat_part else msg_part
        state["count"] += 1
        state["last"] = f"#{loc}"
        try:
            yield message_post(src, ctx, chat, msg, loc)
        except (TypeError, ValueError, AttributeError, KeyError) as exc:
            yield src.reject(loc, BAD_RECORD, f"message cannot be read: {exc}", msg)


def flatten(text: Any, entities: Any = None) -> tuple[str, list[tuple[str, str]]]:
    """The visible text of a message, and (key, value) pairs for hidden link targets."""
    links: list[tuple[str, str]] = []
    parts = text if isinstance(text, list) else None
    if isinstance(text, str) and (text or not isinstance(entities, list)):
        out = text
        parts = entities if isinstance(entities, list) else None
        for p in parts or ():
            _entity_meta(p, links)
        return out, links
    if parts is None and text not in (None, "", []):
        raise TypeError(f"field 'text' is a {type(text).__name__}, not a string or a list")
    if not parts and isinstance(entities, list):
        parts = entities
    buf: list[str] = []
    for p in parts or ():
        if isinstance(p, str):
            buf.append(p)
        elif isinstance(p, dict):
            t = p.get("text", "")
            buf.append(t if isinstance(t, str) else "")
            _entity_meta(p, links)
    return "".join(buf), links


def _entity_meta(p: Any, links: list[tuple[str, str]]) -> None:
    if not isinstance(p, dict):
        return
    if p.get("type") == "text_link" and isinstance(p.get("href"), str):
        links.append(("link", p["href"]))
    elif p.get("type") == "mention_name" and p.get("user_id") is not None:
        links.append(("mention_user_id", str(p["user_id"])))


def _s(v: Any) -> str:
    return "" if v is None else str(v)


def message_post(src: Source, ctx: Context, chat: dict[str, Any], msg: Any, loc: str) -> Post:
    if not isinstance(msg, dict):
        raise TypeError(f"a message must be a JSON object, not {type(msg).__name__}")
    mtype = msg.get("type") or "message"
    text, meta = flatten(msg.get("text"), msg.get("text_entities"))
    meta = list(meta)
    date = ""
    unix, local = msg.get("date_unixtime"), msg.get("date")
    if unix not in (None, ""):
        date = iso_epoch(int(str(unix)))
        if isinstance(local, str):
            meta.append(("date_local", local))
    elif isinstance(local, str) and local:
        naive = parse_iso(local)
        if naive is None:
            raise ValueError(f"field 'date' is not a date: {local!r:.40}")
        if naive.tzinfo is not None:
            date = naive.isoformat()
        else:
            date, extra = localise(naive, ctx)
            meta.extend(extra)
    if mtype == "service":
        author = _s(msg.get("actor")) or _s(msg.get("actor_id"))
        meta.append(("service", _s(msg.get("action")) or "custom"))
        if msg.get("information_text"):
            meta.append(("information_text", _s(msg["information_text"])))
        for key in ("title", "members", "duration_seconds", "discard_reason", "message_id", "inviter"):
            if msg.get(key) not in (None, "", []):
                v = msg[key]
                joined = ", ".join(_s(x) or "(unknown)" for x in v) if isinstance(v, list) else _s(v)
                meta.append((key, joined))
    else:
        author = _s(msg.get("from")) or _s(msg.get("from_id"))
        if mtype != "message":
            meta.append(("service", mtype))
    for key, name in (("from_id", "from_id"), ("actor_id", "from_id"), ("author", "signature"),
                      ("forwarded_from_id", "forwarded_from_id"), ("saved_from", "saved_from"),
                      ("reply_to_peer_id", "reply_to_peer"), ("via_bot", "via_bot")):
        if msg.get(key):
            meta.append((name, _s(msg[key])))
    if "forwarded_from" in msg:
        meta.append(("forwarded_from", _s(msg["forwarded_from"]) or "(unknown)"))
    if msg.get("reply_to_message_id") is not None:
        meta.append(("reply_to", _s(msg["reply_to_message_id"])))
    if msg.get("edited_unixtime"):
        meta.append(("edited", iso_epoch(int(str(msg["edited_unixtime"])))))
    elif msg.get("edited"):
        meta.append(("edited", _s(msg["edited"])))
    _media_meta(msg, meta)
    for key in ("name", "type", "id"):
        if chat.get(key) not in (None, ""):
            meta.append((f"chat_{key}" if key != "name" else "chat", _s(chat[key])))
    return src.post(loc, text, platform="telegram", author=author, date=date, meta=meta)


def _media_meta(msg: dict[str, Any], meta: list[tuple[str, str]]) -> None:
    for key in _MEDIA_KEYS:
        if msg.get(key):
            kind = "photo" if key == "photo" else _s(msg.get("media_type")) or "file"
            meta.append(("media", kind))
            meta.append(("media_file", _s(msg[key])))
    if msg.get("file_name"):
        meta.append(("file_name", _s(msg["file_name"])))
    if msg.get("sticker_emoji"):
        meta.append(("sticker_emoji", _s(msg["sticker_emoji"])))
    ci = msg.get("contact_information")
    if isinstance(ci, dict):
        meta.append(("media", "contact"))
        meta.append(("contact", " ".join(_s(ci.get(k)) for k in ("first_name", "last_name", "phone_number")
                                         if ci.get(k))))
    li = msg.get("location_information")
    if isinstance(li, dict):
        meta.append(("media", "location"))
        meta.append(("location", f"{li.get('latitude')},{li.get('longitude')}"))
    for key in ("place_name", "address"):
        if msg.get(key):
            meta.append((key, _s(msg[key])))
    poll = msg.get("poll")
    if isinstance(poll, dict):
        meta.append(("media", "poll"))
        meta.append(("poll", _s(poll.get("question"))))
        for a in poll.get("answers") or ():
            if isinstance(a, dict):
                meta.append(("poll_answer", _s(a.get("text"))))
    for row in msg.get("inline_bot_buttons") or ():
        for b in row if isinstance(row, list) else ():
            if isinstance(b, dict) and b.get("text"):
                meta.append(("button", _s(b["text"]) + (f" -> {b['data']}" if b.get("data") else "")))
