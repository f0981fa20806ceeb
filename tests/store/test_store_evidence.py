"""The evidence store: originals kept byte for byte, idempotently, and verified."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from sentinelle.core import Post, Provenance
from sentinelle.store import Store, StoreError
from sentinelle.store.evidence import EvidenceStore


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_original_kept_byte_for_byte(store: Store, tmp_path: Path) -> None:
    data = bytes(range(256)) * 5000 + b"\r\n\xef\xbb\xbf"
    src = _write(tmp_path / "chat.json", data)
    sha = store.add_original(src)
    assert sha == hashlib.sha256(data).hexdigest()
    kept = store.original_path(sha)
    assert kept is not None
    assert Path(kept) == tmp_path / "case.db.evidence" / sha[:2] / sha
    assert Path(kept).read_bytes() == data
    assert not os.access(kept, os.W_OK) or os.geteuid() == 0  # read-only (root ignores modes)


def test_originals_are_idempotent(store: Store, tmp_path: Path) -> None:
    a = _write(tmp_path / "a.txt", b"same bytes")
    b = _write(tmp_path / "b.txt", b"same bytes")
    sha = store.add_original(a)
    assert store.add_original(a) == sha == store.add_original(b)
    assert store.add_original_bytes(b"same bytes", name="-") == sha
    files = [p for p in (tmp_path / "case.db.evidence").rglob("*") if p.is_file()]
    assert files == [tmp_path / "case.db.evidence" / sha[:2] / sha]
    assert store.stats()["originals"] == 1
    assert store.verify() == []


def test_empty_and_missing_files(store: Store, tmp_path: Path) -> None:
    sha = store.add_original(_write(tmp_path / "empty", b""))
    assert sha == hashlib.sha256(b"").hexdigest()
    with pytest.raises(StoreError, match="absent"):
        store.add_original(tmp_path / "absent")
    with pytest.raises(StoreError):
        store.add_original(tmp_path)  # a folder is not an original


def test_verify_detects_modified_and_deleted_originals(store: Store, tmp_path: Path) -> None:
    sha_a = store.add_original(_write(tmp_path / "a.json", b"first export"))
    sha_b = store.add_original(_write(tmp_path / "b.json", b"second export"))
    sha_c = store.add_original(_write(tmp_path / "c.json", b"third export"))
    assert store.verify() == []
    kept_a, kept_b = Path(store.original_path(sha_a) or ""), Path(store.original_path(sha_b) or "")
    os.chmod(kept_a, 0o644)
    kept_a.write_bytes(b"first exporT")  # tampered
    kept_b.unlink()  # lost
    problems = {p.kind: p for p in store.verify()}
    assert set(problems) == {"modified", "missing"}
    assert problems["modified"].sha256 == sha_a and "a.json" in problems["modified"].message
    assert problems["missing"].sha256 == sha_b and "b.json" in problems["missing"].message
    assert sha_c not in {p.sha256 for p in problems.values()}
    # adding the same bytes again repairs the lost copy
    store.add_original(tmp_path / "b.json")
    assert {p.kind for p in store.verify()} == {"modified"}


def test_verify_reports_unexpected_files_and_orphan_posts(store: Store, tmp_path: Path) -> None:
    store.add_original(_write(tmp_path / "a.json", b"x"))
    root = tmp_path / "case.db.evidence"
    stranger = hashlib.sha256(b"planted").hexdigest()
    (root / stranger[:2]).mkdir(exist_ok=True)
    (root / stranger[:2] / stranger).write_bytes(b"planted")
    (root / "notes.txt").write_text("?")
    store.add_posts([Post(id="p", text="t", provenance=Provenance("f" * 64, "gone.json", "", "1"))])
    problems = store.verify()
    assert sorted(p.kind for p in problems) == ["orphan", "unexpected", "unexpected"]
    orphan = next(p for p in problems if p.kind == "orphan")
    assert orphan.sha256 == "f" * 64 and orphan.path == "gone.json"
    assert orphan.to_record()["kind"] == "orphan"


def test_evidence_store_alone(tmp_path: Path) -> None:
    ev = EvidenceStore(tmp_path / "ev")
    sha, size = ev.add_bytes(b"hello")
    assert (sha, size) == (hashlib.sha256(b"hello").hexdigest(), 5)
    assert sha in ev and "0" * 64 not in ev and "not-a-hash" not in ev
    assert list(ev) == [sha] and ev.check(sha) is None and ev.check("0" * 64) == "missing"
    with ev.open(sha) as fh:
        assert fh.read() == b"hello"
    with pytest.raises(ValueError):
        ev.path_of("../../etc/passwd")
    leftovers = list((tmp_path / "ev" / "tmp").iterdir())
    assert leftovers == []  # nothing left behind
