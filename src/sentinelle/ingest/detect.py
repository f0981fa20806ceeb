"""Format detection by content (never by file name): magic bytes, text encoding, JSON shape, lines.

`detect(head, name)` looks at the first bytes of a file (`Limits.head_bytes`) and returns a
`Detection`: the format name, the text encoding to read it with, and warnings (encoding guessed,
name that lies about the content). The JSON shape is read from the head with the streaming reader,
so a head cut in the middle of a 2 GB export still shows its first keys and items.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
from dataclasses import dataclass, field
from typing import Any

from .streams import JsonReader, JsonStreamError
from .whatsapp import HEADER

# Formats an importer reads. Others: "zip", "image", "media", "empty", "binary", "html",
# "compressed", "twitter_other", "unknown".
FORMATS = (
    "telegram", "snapchat_chat", "snapchat_chat_legacy", "snapchat_snaps", "snapchat_snaps_legacy",
    "snapchat_stories", "snapchat_memories", "meta", "twitter", "twitter_note", "whatsapp", "jsonl", "csv",
)

IMAGE_EXT = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".heic", ".tif", ".tiff", ".bmp")
TEXT_KEYS = ("text", "content", "body", "message", "full_text", "caption")

_TG_MSG_KEYS = {"date_unixtime", "from_id", "text_entities", "type", "date", "from", "actor", "action"}
_TG_ACCOUNT_KEYS = {"about", "personal_information", "profile_pictures", "stories", "contacts",
                    "frequent_contacts", "sessions", "web_sessions", "other_data", "chats", "left_chats"}
_TG_CHAT_TYPES = {"saved_messages", "replies", "personal_chat", "bot_chat", "private_group",
                  "private_supergroup", "public_supergroup", "private_channel", "public_channel"}
SNAP_LEGACY_CHAT = ("Received Saved Chat History", "Sent Saved Chat History",
                    "Received Unsaved Chat History", "Sent Unsaved Chat History")
SNAP_LEGACY_SNAPS = ("Received Snap History", "Sent Snap History")
SNAP_STORIES = ("Your Story Views", "Friend and Public Story Views")
_TWEET_FILES = {"tweet", "tweets", "deleted_tweets", "deleted_tweet", "community_tweet", "community_tweets"}
_YTD = re.compile(r"window\.YTD\.([A-Za-z_]+)\.part\d+\s*=")


@dataclass
class Detection:
    format: str
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)
    hints: dict[str, str] = field(default_factory=dict)
    reason: str = ""  # for formats nothing reads: why


def _magic(head: bytes) -> tuple[str, str] | None:
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip", ""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return ("image", "png") if head[12:16] == b"IHDR" or len(head) < 16 else ("unknown", "damaged PNG")
    if head.startswith(b"\xff\xd8\xff"):
        return "image", "jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image", "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image", "webp"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "image", "tiff"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        return ("image", "heic") if brand in (b"heic", b"heix", b"mif1", b"avif") else ("media", "mp4")
    for sig, kind in ((b"OggS", "ogg"), (b"ID3", "mp3"), (b"\x1aE\xdf\xa3", "webm"), (b"%PDF", "pdf"),
                      (b"fLaC", "flac")):
        if head.startswith(sig):
            return "media", kind
    if head[:4] == b"RIFF":
        return "media", "riff"
    if head.startswith((b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!", b"BZh", b"\xfd7zXZ")):
        return "compressed", "gzip/7z/rar/bzip2/xz archives are not read; unpack it or make a zip"
    return None


def sniff_encoding(head: bytes) -> tuple[str, str]:
    """(encoding, warning) for text; encoding "" when the bytes look binary."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", ""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", "decoded as UTF-16 (byte order mark)"
    sample = head[:4096]
    if len(sample) >= 4 and b"\x00" in sample:
        odd, even = sample[1::2], sample[0::2]
        if odd.count(0) > len(odd) * 0.4 and even.count(0) < len(even) * 0.1:
            return "utf-16-le", "decoded as UTF-16 LE guessed from its zero bytes (no byte order mark)"
        if even.count(0) > len(even) * 0.4 and odd.count(0) < len(odd) * 0.1:
            return "utf-16-be", "decoded as UTF-16 BE guessed from its zero bytes (no byte order mark)"
        return "", ""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8", ""
    except UnicodeDecodeError as exc:
        bad = head[exc.start:exc.start + 1]
        try:
            head.decode("cp1252")
            enc = "cp1252"
        except UnicodeDecodeError:
            enc = "latin-1"
        return enc, (f"not valid UTF-8 (byte {bad!r} at offset {exc.start}): decoded as "
                     f"{'Windows-1252' if enc == 'cp1252' else 'ISO-8859-1'}; check accented letters")


def json_shape(text: str, max_items: int = 3, max_depth: int = 6) -> tuple[set[str], dict[str, Any], str]:
    """Key paths ("chats.list[].messages[].type") and first scalar values seen in a JSON head.

    The third value is what follows the first document: "" (end or cut), or its next character.
    """
    r = JsonReader(iter(()), text=text)
    paths: set[str] = set()
    scalars: dict[str, Any] = {}

    def walk(prefix: str, depth: int) -> None:
        c = r.peek()
        if c == "{" and depth < max_depth:
            for k in r.members():
                p = f"{prefix}.{k}" if prefix else k
                paths.add(p)
                walk(p, depth + 1)
        elif c == "[" and depth < max_depth:
            paths.add(prefix + "[]")
            for i in r.items():
                if i < max_items:
                    walk(prefix + "[]", depth + 1)
                else:
                    r.skip()
        else:
            v = r.value()
            if not isinstance(v, (dict, list)) and len(scalars) < 500:
                scalars.setdefault(prefix, v)

    after = ""
    try:
        walk("", 0)
        after = r.peek()
    except JsonStreamError:
        pass
    return paths, scalars, after


def _root_keys(paths: set[str]) -> set[str]:
    return {p for p in paths if "." not in p and not p.endswith("[]")}


def json_format(text: str) -> tuple[str, dict[str, str]]:
    paths, scalars, after = json_shape(text)
    if not paths:
        return "", {}
    root = _root_keys(paths)
    msg_keys = {p[len("messages[]."):] for p in paths if p.startswith("messages[].")}
    if "messages" in root:
        if msg_keys & {"timestamp_ms", "sender_name"}:
            return "meta", {}
        if msg_keys & _TG_MSG_KEYS or scalars.get("type") in _TG_CHAT_TYPES:
            return "telegram", {}
    if "chats.list" in paths or "left_chats.list" in paths:
        return "telegram", {}
    if len(root & _TG_ACCOUNT_KEYS) >= 2 and "personal_information" in root:
        return "telegram", {}
    if root & set(SNAP_LEGACY_CHAT):
        return "snapchat_chat_legacy", {}
    if root & set(SNAP_LEGACY_SNAPS):
        return "snapchat_snaps_legacy", {}
    if root & set(SNAP_STORIES):
        return "snapchat_stories", {}
    if "Saved Media" in root:
        return "snapchat_memories", {}
    conv = [k for k in root if f"{k}[].Created" in paths]
    if conv:
        if any(f"{k}[].{f}" in paths for k in conv for f in ("Content", "Media IDs", "IsSaved")):
            return "snapchat_chat", {}
        if any(f"{k}[].Media Type" in paths for k in conv):
            return "snapchat_snaps", {}
    if after == "{":
        return "jsonl?", {}
    return "", {}


def _is_jsonl(text: str, complete: bool) -> bool:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if not complete and len(lines) > 1:
        lines = lines[:-1]  # the head may cut the last line
    lines = lines[:20]
    if not lines:
        return False
    good = 0
    for ln in lines:
        try:
            obj = json.loads(ln)
        except ValueError:
            continue
        if isinstance(obj, dict) and any(k in obj for k in TEXT_KEYS):
            good += 1
    return good >= max(1, len(lines) * 0.5)


def _is_whatsapp(text: str) -> bool:
    lines = [ln.lstrip("\ufeff\u200e\u200f\u202a\u202c\xa0 ") for ln in text.splitlines()[:200]]
    lines = [ln for ln in lines if ln.strip()]
    if not lines or not HEADER.match(lines[0]):
        return False
    hits = sum(1 for ln in lines if HEADER.match(ln))
    return hits >= max(1, len(lines) * 0.3)


def _is_csv(text: str) -> dict[str, str] | None:
    sample = "\n".join(text.splitlines()[:50])
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return None
    first = next(csv.reader([sample.splitlines()[0]], dialect), [])
    cols = [c.strip().lower() for c in first]
    if len(cols) < 2 or not any(c in TEXT_KEYS for c in cols):
        return None
    return {"delimiter": dialect.delimiter, "quotechar": dialect.quotechar or '"'}


def detect(head: bytes, name: str = "", complete: bool = False) -> Detection:
    """Detect the format of a file from its first bytes. `complete`: the head is the whole file."""
    det = _detect(head, complete)
    lower = name.lower()
    if lower.endswith(IMAGE_EXT) and det.format != "image":
        ext = lower[lower.rfind("."):]
        det.warnings.append(f"named like an image ({ext}) but the content is {det.format}")
    return det


def _detect(head: bytes, complete: bool) -> Detection:
    if not head.strip(b" \t\r\n\x00") or head in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return Detection("empty", reason="the file is empty")
    magic = _magic(head)
    if magic:
        return Detection(magic[0], "", hints={"kind": magic[1]}, reason=magic[1])
    enc, warning = sniff_encoding(head)
    if not enc:
        return Detection("unknown", "", reason=f"binary content of no known type (starts with {head[:8]!r})")
    det = Detection("unknown", enc, [warning] if warning else [])
    text = codecs.getincrementaldecoder(enc)(errors="replace").decode(head, final=complete)
    text = text.lstrip("\ufeff \t\r\n")
    if text.startswith("window.YTD."):
        m = _YTD.match(text)
        kind = m.group(1) if m else ""
        if kind in _TWEET_FILES:
            det.format = "twitter"
        elif kind == "note_tweet":
            det.format = "twitter_note"
        else:
            det.format = "twitter_other"
            det.reason = f"X archive file '{kind or '?'}' holds no posts"
        return det
    if text[:1] == "<" and re.match(r"<(!doctype\s+html|html|\?xml)", text[:100], re.I):
        det.format = "html"
        det.reason = ("HTML export: not read; request the JSON export "
                      "(Telegram, Snapchat, Instagram all offer it)")
        return det
    if text[:1] in "{[":
        fmt, hints = json_format(text)
        if fmt and fmt != "jsonl?":
            det.format, det.hints = fmt, hints
            return det
    if _is_jsonl(text, complete):
        det.format = "jsonl"
        return det
    if _is_whatsapp(text):
        det.format = "whatsapp"
        return det
    csv_hints = _is_csv(text)
    if csv_hints:
        det.format, det.hints = "csv", csv_hints
        return det
    det.reason = f"content matches no known export format (starts with {text[:60]!r})"
    return det
