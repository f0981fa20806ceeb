"""`read_path`: files, folders (recursively) and zip archives in, `Item`s out; no file stops the run."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from datetime import tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from ..core import Post
from ..errors import SentinelleError
from . import generic, meta, snapchat, telegram, twitter, whatsapp
from .archive import read_zip
from .base import (
    EMPTY_FILE,
    INTERNAL,
    SYMLINK,
    UNKNOWN_FORMAT,
    UNREADABLE,
    UNSUPPORTED,
    Context,
    FileInfo,
    Item,
    Limits,
    Reader,
    Rejected,
    Source,
    hash_stream,
)
from .detect import IMAGE_EXT, detect

READERS: dict[str, Reader] = {
    "telegram": telegram.read,
    "snapchat_chat": snapchat.read,
    "snapchat_chat_legacy": snapchat.read,
    "snapchat_snaps": snapchat.read,
    "snapchat_snaps_legacy": snapchat.read,
    "snapchat_stories": snapchat.read,
    "snapchat_memories": snapchat.read,
    "meta": meta.read,
    "twitter": twitter.read,
    "twitter_note": twitter.read,
    "whatsapp": whatsapp.read,
    "jsonl": generic.read_jsonl,
    "csv": generic.read_csv,
}
# Recognised, but they hold no posts: no reject.
SILENT = ("image", "media", "twitter_other")
REJECT_CODES = {"empty": EMPTY_FILE, "unknown": UNKNOWN_FORMAT, "html": UNSUPPORTED,
                "compressed": UNSUPPORTED}
DEFAULT_LIMITS = Limits()

OcrHook = Callable[[Source], Iterable[Post]]


def read_path(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS,
              assume_tz: str | tzinfo | None = None, ocr_hook: OcrHook | None = None) -> Iterator[Item]:
    """Every post, reject and file summary found under `path` (a file, a folder or a zip archive).

    `assume_tz`: an IANA zone name (or tzinfo) given to wall-clock times that carry no offset
    (WhatsApp, old Telegram exports); without it they stay naive and meta `date_tz` says so.
    `ocr_hook(source)`: called for each image; the posts it returns are yielded (OCR lives elsewhere).
    """
    tz = ZoneInfo(assume_tz) if isinstance(assume_tz, str) else assume_tz
    opts = _Opts(limits, tz, ocr_hook)
    p = Path(path)
    name = str(path)
    if p.is_symlink():
        yield _reject(name, SYMLINK, "symbolic link; not followed")
    elif p.is_dir():
        for root, dirs, files in os.walk(p, followlinks=False):
            dirs.sort()
            for d in list(dirs):
                if os.path.islink(os.path.join(root, d)):
                    yield _reject(os.path.join(root, d), SYMLINK, "symbolic link to a folder; not followed")
                    dirs.remove(d)
            for f in sorted(files):
                full = os.path.join(root, f)
                if os.path.islink(full):
                    yield _reject(full, SYMLINK, "symbolic link; not followed")
                elif os.path.isfile(full):
                    yield from read_file(full, opts)
                else:
                    yield _reject(full, UNSUPPORTED, "not a regular file; not read")
    elif p.is_file():
        yield from read_file(name, opts)
    elif not p.exists():
        yield _reject(name, UNREADABLE, "no such file or folder")
    else:
        yield _reject(name, UNSUPPORTED, "not a regular file; not read")


class _Opts:
    def __init__(self, limits: Limits, tz: tzinfo | None, ocr_hook: OcrHook | None) -> None:
        self.limits, self.tz, self.ocr_hook = limits, tz, ocr_hook


def _reject(where: str, code: str, message: str) -> Item:
    return Item("reject", reject=Rejected(where, code, f"{where}: {message}"))


def read_file(path: str, opts: _Opts) -> Iterator[Item]:
    def opener() -> object:
        return open(path, "rb")  # noqa: SIM115 - the caller closes it

    try:
        with open(path, "rb") as fh:
            sha, size = hash_stream(fh)
        with open(path, "rb") as fh:
            head = fh.read(opts.limits.head_bytes)
    except OSError as exc:
        yield _reject(path, UNREADABLE, f"cannot read: {exc.strerror or exc}")
        return
    src = Source(path, "", opener, sha, size)  # type: ignore[arg-type]
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        yield from read_zip(src, opts.limits, lambda s, h: read_source(s, h, opts))
    else:
        yield from read_source(src, head, opts)


def read_source(src: Source, head: bytes, opts: _Opts) -> Iterator[Item]:
    """Detect the format of one file or member and read it; ends with its FileInfo."""
    det = detect(head, src.member or src.path, complete=len(head) < opts.limits.head_bytes)
    ctx = Context(opts.limits, det.encoding or "utf-8", opts.tz, list(det.warnings), dict(det.hints))
    ctx.hints["format"] = det.format
    posts = rejected = 0
    reader = READERS.get(det.format)
    if reader is not None:
        try:
            for out in reader(src, ctx):
                if isinstance(out, Post):
                    posts += 1
                    yield Item("post", post=out)
                else:
                    rejected += 1
                    yield Item("reject", reject=out)
        except OSError:
            raise  # archive limits and read errors: the archive reader reports them
        except Exception as exc:  # a bug must not stop the run: report it on this file
            rejected += 1
            yield Item("reject", reject=src.reject("", INTERNAL, f"importer {det.format} failed after "
                                                   f"{posts} post(s): {type(exc).__name__}: {exc}"))
    elif det.format == "image" and opts.ocr_hook is not None:
        try:
            for post in opts.ocr_hook(src):
                posts += 1
                yield Item("post", post=post)
        except SentinelleError as exc:  # a known OCR problem (not an image, too large...): its own code
            rejected += 1
            yield Item("reject", reject=src.reject("", exc.code, str(exc)))
        except Exception as exc:
            rejected += 1
            yield Item("reject", reject=src.reject("", INTERNAL, f"OCR failed: {type(exc).__name__}: {exc}"))
    elif det.format not in SILENT:
        reason = det.reason or "content matches no known export format"
        lower = (src.member or src.path).lower()
        if lower.endswith(IMAGE_EXT) and det.format in ("unknown", "empty"):
            reason = f"named like an image ({lower[lower.rfind('.'):]}) but is not one: {reason}"
        rejected += 1
        yield Item("reject", reject=src.reject("", REJECT_CODES.get(det.format, UNKNOWN_FORMAT), reason,
                                               head[:200].decode("utf-8", "replace")))
    yield Item("file", file=FileInfo(src.path, src.member, src.sha256, src.size, det.format, posts, rejected,
                                     src.container_sha256, tuple(ctx.warnings)))
