"""The evidence store: every original file kept byte for byte, addressed by its SHA-256.

Layout: `<root>/ab/abcdef...` where `ab` are the first two hex digits of the hash. A file is
copied to `<root>/tmp/` while it is hashed, flushed to disk, made read-only, then renamed into
place: a reader never sees a partial original, and a crash leaves at most a stray temporary
file (removed by a later `add` once a day old, so that concurrent copies are never touched).
Adding the same bytes again writes nothing new.

The evidence store knows files only; which originals a database expects, under what names, is
the `Store`'s business (its `verify()` combines both).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

CHUNK = 1 << 20
_HEX = re.compile(r"[0-9a-f]{64}")
TMP_MAX_AGE = 24 * 3600  # temporary files older than this are leftovers of a crash


def sha256_file(path: str | os.PathLike[str]) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(CHUNK):
            h.update(block)
    return h.hexdigest()


class EvidenceStore:
    """A content-addressed folder of originals."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    def path_of(self, sha256: str) -> Path:
        if not _HEX.fullmatch(sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def __contains__(self, sha256: object) -> bool:
        return isinstance(sha256, str) and bool(_HEX.fullmatch(sha256)) and self.path_of(sha256).is_file()

    def add(self, path: str | os.PathLike[str]) -> tuple[str, int]:
        """Copy the file at `path` into the store; returns (sha256, size). Idempotent.
        Symlinks are followed (the collected bytes are what matters); `path` must be a regular file."""
        with open(path, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise IsADirectoryError(f"{path}: not a regular file")
            return self.add_stream(fh)

    def add_bytes(self, data: bytes) -> tuple[str, int]:
        sha = hashlib.sha256(data).hexdigest()
        if sha in self:
            return sha, len(data)
        return self.add_stream(io.BytesIO(data))

    def add_stream(self, fh: IO[bytes]) -> tuple[str, int]:
        """Copy a binary stream into the store, hashing the bytes as they are written."""
        tmpdir = self.root / "tmp"
        tmpdir.mkdir(parents=True, exist_ok=True)
        self._clean_tmp(tmpdir)
        h = hashlib.sha256()
        size = 0
        fd, tmp = tempfile.mkstemp(dir=tmpdir, prefix="in-")
        try:
            with os.fdopen(fd, "wb") as out:
                while block := fh.read(CHUNK):
                    h.update(block)
                    out.write(block)
                    size += len(block)
                out.flush()
                os.fsync(out.fileno())
            sha = h.hexdigest()
            final = self.path_of(sha)
            if final.is_file():
                os.unlink(tmp)
                return sha, size
            final.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(tmp, 0o444)
            os.replace(tmp, final)
            _fsync_dir(final.parent)
            return sha, size
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    def open(self, sha256: str) -> IO[bytes]:
        return open(self.path_of(sha256), "rb")

    def check(self, sha256: str) -> str | None:
        """None when the original is present and intact, else "missing" or "modified"."""
        p = self.path_of(sha256)
        if not p.is_file():
            return "missing"
        try:
            return None if sha256_file(p) == sha256 else "modified"
        except OSError:
            return "missing"

    def __iter__(self) -> Iterator[str]:
        """Every hash-named file in the store (not the temporary ones)."""
        if not self.root.is_dir():
            return
        for sub in sorted(self.root.iterdir()):
            if not sub.is_dir() or len(sub.name) != 2 or sub.name == "tmp":
                continue
            for f in sorted(sub.iterdir()):
                if _HEX.fullmatch(f.name) and f.name[:2] == sub.name:
                    yield f.name

    def strays(self) -> Iterator[Path]:
        """Files in the store that are not named by a hash in the right folder."""
        if not self.root.is_dir():
            return
        for sub in sorted(self.root.iterdir()):
            if sub.name == "tmp":
                continue
            if not sub.is_dir():
                yield sub
                continue
            for f in sorted(sub.iterdir()):
                if not (_HEX.fullmatch(f.name) and f.name[:2] == sub.name):
                    yield f

    @staticmethod
    def _clean_tmp(tmpdir: Path) -> None:
        now = time.time()
        for f in tmpdir.iterdir():
            with contextlib.suppress(OSError):
                if now - f.stat().st_mtime > TMP_MAX_AGE:
                    f.unlink()


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
