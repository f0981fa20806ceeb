"""Importers: analysts' exports (files, folders, zip archives) in, `Post`s out, nothing lost silently.

    from sentinelle.ingest import read_path, Limits
    for item in read_path("export.zip", limits=Limits(), assume_tz="Europe/Paris", ocr_hook=None):
        item.kind == "post"    -> item.post: Post (frozen, with Provenance)
        item.kind == "reject"  -> item.reject: Rejected(where, code, message, raw)
        item.kind == "file"    -> item.file: FileInfo(path, member, sha256, size, format, posts, rejected,
                                                      container_sha256, warnings), after that file's posts

Formats are detected by content, never by name (`detect.py`): Telegram Desktop JSON (`telegram`),
Snapchat My Data (`snapchat_chat`, `snapchat_chat_legacy`, `snapchat_snaps`, `snapchat_snaps_legacy`,
`snapchat_stories`, `snapchat_memories`), WhatsApp .txt (`whatsapp`), Instagram/Messenger JSON
(`meta`), X archive (`twitter`, `twitter_note`), generic `jsonl` and `csv`. Images give a FileInfo
with format "image" (and posts only through `ocr_hook`); audio/video/PDF give "media"; other X
archive files "twitter_other"; zips "zip" (after their members). Anything else is rejected.

Every post:
- `id` = "<sha256[:12] of the bytes it was read from>:<locator>" (member bytes for archive members),
  so the same file ingested twice, alone or inside another zip, gives the same ids;
- `text` = the text the export holds for that message: Telegram entity arrays flattened to the
  visible string; direction marks removed; HTML entities decoded (X, Snapchat); mojibake repaired
  (Meta). A media PLACEHOLDER (`<Media omitted>`, "File not included...", a Snapchat MEDIA entry) is
  never put in the text: it goes to meta `media` (kind) and `media_file` (path or placeholder);
  a caption is always the text. Media-only messages are posts with an empty text;
- `author` = the username when the export has one (Snapchat, X), else the display name (Telegram
  `from`, WhatsApp, Meta `sender_name`); "" when unknown;
- `date` = ISO 8601 with its offset when the source gives the instant (Telegram `date_unixtime`,
  Snapchat, Meta, X: UTC or the stated offset). Wall-clock sources without a zone (WhatsApp, Telegram
  exports without `date_unixtime`) get `assume_tz` if given, else stay naive with meta `date_tz`;
- `provenance` = Provenance(sha256 of the file as collected -- the outer archive for members --,
  path as given, member path inside the archive, locator: message id / "L<line>" / tweet id);
- `meta` = (key, value) pairs: forwarded_from, reply_to, service (system/service messages, with
  their action), media, media_file, link, edited, chat, ... (see each module's docstring).

Reject codes (`base.py`): SEN110 bad record, SEN111 corrupt/truncated JSON (the posts before the damage
are kept), SEN112 line too long, SEN120 unknown format, SEN121 empty, SEN122 unsupported (HTML,
encrypted, gzip...), SEN130 zip-slip path, SEN131 symbolic link, SEN133 size limit, SEN134 compression
ratio, SEN135 corrupt archive, SEN136 too many members / nested too deep, SEN140 unreadable, SEN199
importer bug. Memory is bounded: JSON is streamed one message at a time, text line by line.
"""

from __future__ import annotations

from .base import ByteStream, Context, FileInfo, Item, Limits, Rejected, Source
from .detect import Detection, detect
from .read import READERS, OcrHook, read_path

__all__ = ["ByteStream", "Context", "Detection", "FileInfo", "Item", "Limits", "OcrHook", "READERS",
           "Rejected", "Source", "detect", "read_path"]
