"""Zip archives, read in place (nothing is extracted to disk), with limits against hostile archives.

Each member is checked before it is read: unsafe paths (absolute, drive letters, "..": zip-slip),
symbolic links, encrypted members, the declared size against `max_member_bytes` and the running
total against `max_total_bytes`, the compression ratio against `max_ratio`. While reading, a
`Bounded` reader enforces the same sizes on the actual bytes, since headers can lie. Archives
inside archives are read up to `max_depth`, through a temporary file. Member paths of nested
archives are written `inner.zip!path/in/inner`.
"""

from __future__ import annotations

import io
import shutil
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, cast

from .base import (
    BAD_ARCHIVE,
    RATIO,
    SYMLINK,
    TOO_BIG,
    TOO_MANY,
    UNSAFE_PATH,
    UNSUPPORTED,
    ByteStream,
    FileInfo,
    Item,
    Limits,
    Rejected,
    Source,
    hash_stream,
)


class LimitExceeded(OSError):
    pass


class Bounded(io.RawIOBase):
    """A read-only stream that fails once more than `limit` bytes have been read from it."""

    def __init__(self, raw: Any, limit: int, what: str) -> None:
        self.raw = raw
        self.limit = limit
        self.what = what
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        data = self.raw.read(min(len(b), self.limit - self.count + 1))
        self.count += len(data)
        if self.count > self.limit:
            raise LimitExceeded(f"{self.what}: more than {self.limit:,} bytes once uncompressed")
        b[:len(data)] = data
        return len(data)

    def close(self) -> None:
        try:
            self.raw.close()
        finally:
            super().close()


class _Reopen:
    """Opens a seekable temporary file again and again without closing it."""

    def __init__(self, fh: Any) -> None:
        self.fh = fh

    def __call__(self) -> ByteStream:
        self.fh.seek(0)
        return _NoClose(self.fh)


class _NoClose(io.RawIOBase):
    def __init__(self, fh: Any) -> None:
        self.fh = fh

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        data = self.fh.read(len(b))
        b[:len(data)] = data
        return len(data)

    def seekable(self) -> bool:
        return True

    def seek(self, pos: int, whence: int = 0) -> int:
        return int(self.fh.seek(pos, whence))

    def tell(self) -> int:
        return int(self.fh.tell())


@dataclass
class Budget:
    total: int = 0


Process = Callable[[Source, bytes], Iterator[Item]]
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError)


def unsafe(name: str) -> str:
    """Why a member path is unsafe to use as a path, or ""."""
    n = name.replace("\\", "/")
    if n.startswith("/") or (len(n) > 1 and n[1] == ":"):
        return "absolute path"
    if any(part == ".." for part in n.split("/")):
        return "'..' in the path (zip-slip)"
    return ""


def is_symlink(info: zipfile.ZipInfo) -> bool:
    return info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16)


def read_zip(src: Source, limits: Limits, process: Process, depth: int = 0,
             budget: Budget | None = None) -> Iterator[Item]:
    budget = budget or Budget()
    posts = rejected = 0
    warnings: list[str] = []

    def rej(member: str, code: str, message: str) -> Item:
        nonlocal rejected
        rejected += 1
        where = f"{src.name}!{member}" if member else src.name
        return Item("reject", reject=Rejected(where, code, f"{where}: {message}"))

    try:
        fh = src.open()
    except OSError as exc:
        yield rej("", BAD_ARCHIVE, f"cannot open: {exc}")
        return
    with fh:
        try:
            zf = zipfile.ZipFile(cast(Any, fh))
        except (*_ZIP_ERRORS, OSError) as exc:
            yield rej("", BAD_ARCHIVE, f"not a readable zip archive: {exc}")
            yield Item("file", file=_info(src, "zip", posts, rejected, warnings))
            return
        with zf:
            infos = zf.infolist()
            if len(infos) > limits.max_members:
                yield rej("", TOO_MANY, f"{len(infos):,} members, over the {limits.max_members:,} limit: "
                          f"only the first {limits.max_members:,} are read")
                infos = infos[:limits.max_members]
            for info in infos:
                if info.is_dir():
                    continue
                name = info.filename
                problem = _check(info, limits, budget)
                if problem:
                    yield rej(name, *problem)
                    continue
                member = f"{src.member}!{name}" if src.member else name
                room = min(limits.max_member_bytes, limits.max_total_bytes - budget.total)

                def opener(info: zipfile.ZipInfo = info, room: int = room,
                           member: str = member) -> ByteStream:
                    return Bounded(zf.open(info), room, member)

                try:
                    with opener() as m:
                        sha, size = hash_stream(m)
                    with opener() as m:
                        head = m.read(limits.head_bytes)
                except LimitExceeded as exc:
                    yield rej(name, TOO_BIG, str(exc).split(": ", 1)[-1] + "; not read")
                    continue
                except (*_ZIP_ERRORS, OSError) as exc:
                    yield rej(name, BAD_ARCHIVE, f"member cannot be read: {exc}")
                    continue
                budget.total += size
                sub = Source(src.path, member, opener, sha, size, src.evidence_sha256)
                if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
                    if depth + 1 > limits.max_depth:
                        yield rej(name, TOO_MANY,
                                  f"archive nested more than {limits.max_depth} deep; not read")
                        continue
                    items = _nested(sub, limits, process, depth, budget)
                else:
                    items = process(sub, head)
                try:
                    for item in items:
                        if item.kind == "file" and item.file and item.file.member == member:
                            posts += item.file.posts
                            rejected += item.file.rejected
                        yield item
                except LimitExceeded as exc:
                    yield rej(name, TOO_BIG, str(exc).split(": ", 1)[-1] + "; reading stopped")
                except (*_ZIP_ERRORS, OSError) as exc:
                    yield rej(name, BAD_ARCHIVE, f"member cannot be read: {exc}")
    yield Item("file", file=_info(src, "zip", posts, rejected, warnings))


def _check(info: zipfile.ZipInfo, limits: Limits, budget: Budget) -> tuple[str, str] | None:
    why = unsafe(info.filename)
    if why:
        return UNSAFE_PATH, f"unsafe member path ({why}); not read"
    if is_symlink(info):
        return SYMLINK, "symbolic link in the archive; not followed"
    if info.flag_bits & 0x1:
        return UNSUPPORTED, "encrypted member; not read"
    if info.file_size > limits.max_member_bytes:
        return TOO_BIG, (f"{info.file_size:,} bytes once uncompressed, over the {limits.max_member_bytes:,} "
                         "limit per member; not read")
    if budget.total + info.file_size > limits.max_total_bytes:
        return TOO_BIG, (f"archive total would exceed {limits.max_total_bytes:,} bytes uncompressed; "
                         "member not read")
    if info.file_size > limits.ratio_min_bytes:
        ratio = info.file_size / max(1, info.compress_size)
        if ratio > limits.max_ratio:
            return RATIO, (f"compression ratio {ratio:,.0f}:1 over the {limits.max_ratio:,.0f}:1 limit "
                           "(zip bomb?); not read")
    return None


def _nested(sub: Source, limits: Limits, process: Process, depth: int, budget: Budget) -> Iterator[Item]:
    with tempfile.TemporaryFile() as tmp:
        with sub.open() as m:
            shutil.copyfileobj(m, tmp, 1 << 20)
        nested = Source(sub.path, sub.member, _Reopen(tmp), sub.sha256, sub.size, sub.container_sha256)
        yield from read_zip(nested, limits, process, depth + 1, budget)


def _info(src: Source, fmt: str, posts: int, rejected: int, warnings: list[str]) -> FileInfo:
    return FileInfo(src.path, src.member, src.sha256, src.size, fmt, posts, rejected, src.container_sha256,
                    tuple(warnings))
