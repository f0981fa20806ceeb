"""Bad input: every problem is a clear reject naming the file (and line/message); what parsed is kept."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from sentinelle.core import Post
from sentinelle.ingest import Limits, Source

from .conftest import FIX, Result

WA_TEXT = "12/03/2025 08:59 - Vendeur: café à 10€\n13/03/2025 09:00 - Vendeur: dispo\n"


@pytest.mark.parametrize("name, data, code, needle", [
    ("empty.json", b"", "SEN121", "empty"),
    ("blank.txt", b"\n\n  \n", "SEN121", "empty"),
    ("notes.txt", b"Some prose that is no export.\n", "SEN120", "no known export format"),
    ("photo.png", b"this is not a picture\n", "SEN120", "named like an image (.png) but is not one"),
    ("fake.jpg", b"\x00\x01\x02garbage\x00\x00\x00", "SEN120", "named like an image (.jpg)"),
    ("messages.html", b"<!DOCTYPE html><html>", "SEN122", "request the JSON export"),
    ("chat.json.gz", b"\x1f\x8b\x08\x00\x00", "SEN122", "unpack it"),
])
def test_rejected_files(tmp_path: Path, name: str, data: bytes, code: str, needle: str) -> None:
    (tmp_path / name).write_bytes(data)
    r = Result(tmp_path / name)
    (rej,) = r.rejects
    assert rej.code == code and needle in rej.message and name in rej.message
    assert len(r.files) == 1 and r.files[0].rejected == 1 and not r.posts


@pytest.mark.parametrize("encoding, warning", [
    ("utf-16", "UTF-16"), ("utf-16-le", "UTF-16 LE"), ("utf-8-sig", None), ("cp1252", "Windows-1252"),
    ("latin-1", "not valid UTF-8"),
])
def test_encodings_read_right(tmp_path: Path, encoding: str, warning: str | None) -> None:
    text = WA_TEXT if encoding != "latin-1" else WA_TEXT.replace("€", "EUR")
    (tmp_path / "chat.txt").write_bytes(text.encode(encoding))
    r = Result(tmp_path / "chat.txt")
    assert [p.text for p in r.posts] == [text.splitlines()[0].split(": ", 1)[1], "dispo"]
    if warning:
        assert any(warning in w for w in r.files[0].warnings)
    else:
        assert not r.files[0].warnings


def test_invalid_utf8_deep_in_file_is_replaced_and_warned(tmp_path: Path) -> None:
    lines = [f'{{"id": {i}, "text": "ligne {i}"}}' for i in range(3000)]
    data = "\n".join(lines).encode() + b'\n{"id": "x", "text": "caf\xe9"}\n'
    (tmp_path / "p.jsonl").write_bytes(data)
    r = Result(tmp_path / "p.jsonl")
    assert len(r.posts) == 3001 and r.posts[-1].text == "caf\ufffd"
    assert any("replaced by U+FFFD" in w for w in r.files[0].warnings)


def test_long_lines_are_rejected_not_loaded(tmp_path: Path) -> None:
    big = "x" * 3_000_000  # stands for a 100 MB line: the limit is what matters
    wa = f"12/03/2025 08:59 - A: before\n13/03/2025 09:00 - A: {big}\n13/03/2025 09:01 - A: after\n"
    (tmp_path / "chat.txt").write_text(wa, encoding="utf-8")
    r = Result(tmp_path / "chat.txt", limits=Limits(max_line_chars=1_000_000))
    assert [p.text for p in r.posts] == ["before", "after"]
    (rej,) = r.rejects
    assert rej.code == "SEN112" and rej.where.endswith("chat.txt:2") and "3,000,022 characters" in rej.message
    assert len(rej.raw) < 400
    jl = f'{{"id": 1, "text": "a"}}\n{{"id": 2, "text": "{big}"}}\n{{"id": 3, "text": "b"}}\n'
    (tmp_path / "p.jsonl").write_text(jl)
    r2 = Result(tmp_path / "p.jsonl", limits=Limits(max_line_chars=1_000_000))
    assert [p.text for p in r2.posts] == ["a", "b"] and r2.rejects[0].where.endswith("p.jsonl:2")


def test_csv_long_line(tmp_path: Path) -> None:
    csv_text = "id,text\n1,a\n2," + "y" * 5000 + "\n3,b\n"
    (tmp_path / "p.csv").write_text(csv_text)
    r = Result(tmp_path / "p.csv", limits=Limits(max_line_chars=1000))
    assert [p.text for p in r.posts] == ["a", "b"] and r.rejects[0].code == "SEN112"


def test_huge_json_record_rejected(tmp_path: Path) -> None:
    msgs = [{"id": 1, "type": "message", "date_unixtime": "1", "text": "ok"},
            {"id": 2, "type": "message", "date_unixtime": "1", "text": "z" * 200_000}]
    doc = {"name": "c", "type": "personal_chat", "messages": msgs}
    (tmp_path / "result.json").write_text(json.dumps(doc))
    r = Result(tmp_path / "result.json", limits=Limits(max_record_chars=100_000, chunk_chars=4096))
    assert [p.text for p in r.posts] == ["ok"]
    assert r.rejects[0].code == "SEN111" and "larger than 100000 characters" in r.rejects[0].message


def test_truncated_everywhere_never_raises(tmp_path: Path) -> None:
    """Cut a Telegram export at every 97th byte: posts before the cut are kept, the cut is reported."""
    data = (FIX / "telegram/SYNTHETIC_single_chat_result.json").read_bytes()
    for cut in range(1, len(data) - 2, 97):
        (tmp_path / "r.json").write_bytes(data[:cut])
        r = Result(tmp_path / "r.json")
        assert len(r.files) == 1
        if r.files[0].format == "telegram":
            assert any(x.code == "SEN111" for x in r.rejects)
        assert len(r.posts) <= 8


def test_symlinks_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "real"
    target.mkdir()
    (target / "chat.txt").write_text(WA_TEXT)
    folder = tmp_path / "case"
    folder.mkdir()
    os.symlink(target / "chat.txt", folder / "link.txt")
    os.symlink(target, folder / "linkdir")
    (folder / "own.txt").write_text(WA_TEXT)
    r = Result(folder)
    assert len(r.posts) == 2 and {x.code for x in r.rejects} == {"SEN131"}
    assert sorted(Path(x.where).name for x in r.rejects) == ["link.txt", "linkdir"]
    assert Result(folder / "link.txt").rejects[0].code == "SEN131"


def test_missing_path() -> None:
    r = Result("/nonexistent/nowhere.json")
    assert r.rejects[0].code == "SEN140" and "nowhere.json" in r.rejects[0].message


def test_images_and_ocr_hook(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 30
    (tmp_path / "story.png").write_bytes(png)
    (tmp_path / "renamed.txt").write_bytes(png)
    r = Result(tmp_path)
    assert [f.format for f in r.files] == ["image", "image"] and not r.rejects and not r.posts

    def hook(src: Source) -> list[Post]:
        with src.open() as fh:
            assert fh.read(4) == b"\x89PNG"
        return [src.post("ocr", "menu 10€", platform="image")]

    r2 = Result(tmp_path / "story.png", ocr_hook=hook)
    assert [p.text for p in r2.posts] == ["menu 10€"] and r2.files[0].posts == 1
    assert r2.posts[0].provenance and r2.posts[0].provenance.locator == "ocr"


def test_a_failing_importer_does_not_stop_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sentinelle.ingest import read as read_mod

    def boom(src, ctx):  # type: ignore[no-untyped-def]
        yield from ()
        raise RuntimeError("bug")

    monkeypatch.setitem(read_mod.READERS, "whatsapp", boom)
    (tmp_path / "a.txt").write_text(WA_TEXT)
    (tmp_path / "b.jsonl").write_text('{"id": 1, "text": "still read"}\n')
    r = Result(tmp_path)
    assert [p.text for p in r.posts] == ["still read"]
    assert r.rejects[0].code == "SEN199" and "a.txt" in r.rejects[0].where


# -- zip archives ---------------------------------------------------------------------------------

def _zip(path: Path, members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_zip_members_and_provenance(tmp_path: Path) -> None:
    tg = (FIX / "telegram/SYNTHETIC_single_chat_result.json").read_bytes()
    z = _zip(tmp_path / "export.zip", {"ChatExport/result.json": tg, "_chat.txt": WA_TEXT.encode(),
                                       "ChatExport/photos/": b"", "notes.md": b"# notes\n"})
    r = Result(z)
    assert len(r.posts) == 10
    p = r.posts[0]
    import hashlib
    zsha = hashlib.sha256(z.read_bytes()).hexdigest()
    msha = hashlib.sha256(tg).hexdigest()
    assert p.provenance and p.provenance.sha256 == zsha and p.provenance.member == "ChatExport/result.json"
    assert p.id == f"{msha[:12]}:1"  # same id as the same file ingested alone
    assert p.source.endswith("export.zip!ChatExport/result.json#1")
    zinfo = r.files[-1]
    assert zinfo.format == "zip" and zinfo.member == "" and zinfo.posts == 10 and zinfo.rejected == 1
    member_infos = {f.member: f for f in r.files[:-1]}
    assert member_infos["ChatExport/result.json"].container_sha256 == zsha
    assert member_infos["ChatExport/result.json"].sha256 == msha
    assert r.rejects[0].where.endswith("export.zip!notes.md")


def test_zip_slip_and_symlink_members(tmp_path: Path) -> None:
    z = tmp_path / "evil.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("../../etc/cron.d/x.txt", WA_TEXT)
        zf.writestr("/abs/chat.txt", WA_TEXT)
        zf.writestr("C:\\win\\chat.txt", WA_TEXT)
        link = zipfile.ZipInfo("link.txt")
        link.create_system = 3
        link.external_attr = (0o120777 << 16)
        zf.writestr(link, "/etc/passwd")
        zf.writestr("ok/chat.txt", WA_TEXT)
    r = Result(z)
    assert len(r.posts) == 2
    assert sorted(x.code for x in r.rejects) == ["SEN130", "SEN130", "SEN130", "SEN131"]
    assert any("zip-slip" in x.message and "../../etc" in x.where for x in r.rejects)


def test_zip_bomb_limits(tmp_path: Path) -> None:
    zeros = b"0" * 5_000_000  # compresses ~1000:1
    z = _zip(tmp_path / "bomb.zip", {"bomb.txt": zeros, "chat.txt": WA_TEXT.encode()})
    r = Result(z, limits=Limits(ratio_min_bytes=1_000_000, max_ratio=100))
    assert [x.code for x in r.rejects] == ["SEN134"] and "ratio" in r.rejects[0].message
    assert len(r.posts) == 2  # the run goes on
    r2 = Result(z, limits=Limits(max_member_bytes=1_000_000))
    assert [x.code for x in r2.rejects] == ["SEN133"] and "per member" in r2.rejects[0].message
    r3 = Result(z, limits=Limits(max_total_bytes=1000, max_ratio=1e9))  # the small chat still fits
    assert [x.code for x in r3.rejects] == ["SEN133"] and "archive total" in r3.rejects[0].message
    assert len(r3.posts) == 2


def test_declared_size_refused_before_reading_and_actual_bytes_bounded(tmp_path: Path) -> None:
    from sentinelle.ingest.archive import Bounded, LimitExceeded

    z = _zip(tmp_path / "big.zip", {"big.jsonl": b'{"id":1,"text":"x"}\n' * 50_000}, zipfile.ZIP_STORED)
    r = Result(z, limits=Limits(max_member_bytes=100_000))
    assert r.rejects[0].code == "SEN133" and "big.jsonl" in r.rejects[0].where
    # headers can lie: the bytes actually read are bounded too
    b = Bounded(io.BytesIO(b"x" * 1000), 100, "m")
    with pytest.raises(LimitExceeded):
        b.read()


def test_nested_zip_and_depth(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("_chat.txt", WA_TEXT)
    outer = _zip(tmp_path / "outer.zip", {"inner.zip": inner.getvalue()})
    r = Result(outer)
    assert len(r.posts) == 2 and r.posts[0].provenance
    assert r.posts[0].provenance.member == "inner.zip!_chat.txt"
    assert r.files[-1].format == "zip" and r.files[-1].posts == 2
    deep = Result(outer, limits=Limits(max_depth=0))
    assert deep.rejects[0].code == "SEN136" and not deep.posts


def test_corrupt_and_too_many(tmp_path: Path) -> None:
    z = _zip(tmp_path / "a.zip", {f"m{i}.txt": WA_TEXT.encode() for i in range(5)})
    data = z.read_bytes()
    (tmp_path / "cut.zip").write_bytes(data[: len(data) // 2])
    r = Result(tmp_path / "cut.zip")
    assert r.rejects[0].code == "SEN135" and "cut.zip" in r.rejects[0].message
    r2 = Result(z, limits=Limits(max_members=2))
    assert r2.rejects[0].code == "SEN136" and len(r2.posts) == 4
    bad = bytearray(data)
    bad[60] ^= 0xFF  # damage the deflated bytes of the first member
    (tmp_path / "crc.zip").write_bytes(bytes(bad))
    r3 = Result(tmp_path / "crc.zip")
    assert any(x.code == "SEN135" for x in r3.rejects) and len(r3.posts) >= 8
