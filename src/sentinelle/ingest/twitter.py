"""X/Twitter archive: `tweets.js`, `tweet.js`, `tweets-partN.js`, `deleted-tweets.js` and `note-tweet.js`.

The `window.YTD.<name>.partN = ` prefix is skipped (whatever the part number; never evaluated),
then the array is streamed one tweet at a time, with or without the `"tweet"` wrapper of recent
archives. Text: `full_text` HTML-unescaped, t.co links kept as written (their targets go to meta
`url`). Date: `created_at` with its offset. Author: the archive owner's screen name when the tweet
shows it (its own media URLs), else "" (it is in account.js). Retweets and replies are flagged in
meta (`retweet_of`, `reply_to`, `reply_to_user`). Note tweets (long posts) become posts with the
full text and meta `note_for_tweet`. Locator: the tweet (or note) id.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from ..core import Post
from .base import BAD_JSON, BAD_RECORD, Context, Rejected, Source, iso, parse_iso
from .streams import JsonReader, JsonStreamError, TextStream
from .telegram import bad_json

_OWNER = re.compile(r"https?://(?:mobile\.)?(?:twitter|x)\.com/([A-Za-z0-9_]{1,15})/status/")
_RT = re.compile(r"^RT @([A-Za-z0-9_]{1,15}):")
_NO_LANG = {"und", "qme", "qht", "qam", "zxx", "qct", "qst"}


def _after_prefix(chunks: Iterator[str]) -> tuple[str, bool]:
    buf = ""
    for chunk in chunks:
        buf += chunk
        i = buf.find("=")
        if i >= 0:
            return buf[i + 1:], True
        if len(buf) > 4096:
            break
    return buf, False


def read(src: Source, ctx: Context) -> Iterator[Post | Rejected]:
    notes = ctx.hints.get("format") == "twitter_note"
    state: dict[str, Any] = {"count": 0, "last": ""}
    with src.open() as fh:
        ts = TextStream(fh, ctx.encoding, ctx.limits.chunk_chars)
        chunks = ts.chunks()
        rest, ok = _after_prefix(chunks)
        if not ok:
            yield src.reject("", BAD_JSON, "no 'window.YTD... =' assignment in the first 4 KB", rest)
            return
        r = JsonReader(chunks, ctx.limits.max_record_chars, text=rest)
        owner = ""
        try:
            for i in r.items():
                obj = r.value()
                loc = f"[{i}]"
                try:
                    if not isinstance(obj, dict):
                        raise TypeError(f"an entry must be a JSON object, not {type(obj).__name__}")
                    if notes:
                        post = _note(src, obj, i)
                    else:
                        tw = obj.get("tweet", obj)
                        if not isinstance(tw, dict):
                            raise TypeError("'tweet' is not a JSON object")
                        owner = owner or _owner(tw)
                        post = _tweet(src, tw, i, owner)
                    loc = post.provenance.locator if post.provenance else loc
                    state["count"] += 1
                    state["last"] = f"#{loc}"
                    yield post
                except (TypeError, ValueError) as exc:
                    yield src.reject(loc, BAD_RECORD, f"entry cannot be read: {exc}", obj)
            if r.peek() not in ("", ";"):
                ctx.warn(f"data after the end of the array ignored (character {r.offset})")
        except JsonStreamError as exc:
            yield bad_json(src, r, exc, state, "tweet")


def _owner(tw: dict[str, Any]) -> str:
    ents = [*((tw.get("entities") or {}).get("media") or ()),
            *((tw.get("extended_entities") or {}).get("media") or ())]
    for m in ents:
        if isinstance(m, dict):
            match = _OWNER.match(str(m.get("expanded_url", "")))
            if match:
                return match.group(1)
    return ""


def _tweet(src: Source, tw: dict[str, Any], i: int, owner: str) -> Post:
    tid = tw.get("id_str") or tw.get("id")
    loc = str(tid) if tid not in (None, "") else f"[{i}]"
    text = tw.get("full_text", tw.get("text", ""))
    if not isinstance(text, str):
        raise TypeError("field 'full_text' is not a string")
    text = html.unescape(text)
    date = ""
    if tw.get("created_at"):
        try:
            date = iso(datetime.strptime(str(tw["created_at"]), "%a %b %d %H:%M:%S %z %Y"))
        except ValueError:
            parsed = parse_iso(str(tw["created_at"]))
            if parsed is None:
                raise ValueError(f"field 'created_at' is not a date: {tw['created_at']!r:.40}") from None
            date = iso(parsed)
    meta: list[tuple[str, str]] = []
    rt = _RT.match(text)
    if rt:
        meta.append(("retweet_of", rt.group(1)))
    if tw.get("in_reply_to_status_id_str") or tw.get("in_reply_to_status_id"):
        meta.append(("reply_to", str(tw.get("in_reply_to_status_id_str") or tw.get("in_reply_to_status_id"))))
    if tw.get("in_reply_to_screen_name"):
        meta.append(("reply_to_user", str(tw["in_reply_to_screen_name"])))
    ents = tw.get("entities") or {}
    for u in ents.get("urls") or ():
        if isinstance(u, dict) and u.get("expanded_url"):
            meta.append(("url", str(u["expanded_url"])))
    for u in ents.get("user_mentions") or ():
        if isinstance(u, dict) and u.get("screen_name"):
            meta.append(("mention", str(u["screen_name"])))
    media = (tw.get("extended_entities") or {}).get("media") or ents.get("media") or ()
    for m in media:
        if isinstance(m, dict):
            meta.append(("media", str(m.get("type", "media"))))
            if m.get("media_url_https") or m.get("media_url"):
                meta.append(("media_file", str(m.get("media_url_https") or m.get("media_url"))))
    lang = str(tw.get("lang") or "")
    return src.post(loc, text, platform="twitter", author=owner, date=date,
                    lang="" if lang in _NO_LANG else lang, meta=meta)


def _note(src: Source, obj: dict[str, Any], i: int) -> Post:
    nt = obj.get("noteTweet", obj)
    if not isinstance(nt, dict):
        raise TypeError("'noteTweet' is not a JSON object")
    nid = nt.get("noteTweetId") or nt.get("id")
    loc = f"note-{nid}" if nid else f"[{i}]"
    res = nt.get("noteTweetResults") or nt.get("core") or {}
    if isinstance(res, dict) and isinstance(res.get("result"), dict):
        res = res["result"]
    text = res.get("text") if isinstance(res, dict) else None
    if not isinstance(text, str):
        raise TypeError("no note text (noteTweetResults.text)")
    meta: list[tuple[str, str]] = []
    if nt.get("tweetId"):
        meta.append(("note_for_tweet", str(nt["tweetId"])))
    date = ""
    for key in ("createdAt", "created_at"):
        if isinstance(nt.get(key), str):
            parsed = parse_iso(nt[key])
            date = iso(parsed) if parsed else ""
    return src.post(loc, html.unescape(text), platform="twitter", date=date, meta=meta)
