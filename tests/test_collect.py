"""Ingest into the store, end to end: formats, originals kept, duplicates, search, export, verify."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sentinelle.cli import main
from sentinelle.collect import ingest, open_db, reanalyse, search, verify

EXPORTS = Path(__file__).parent / "fixtures" / "exports"


@pytest.fixture()
def exports(tmp_path: Path) -> Path:
    """A folder of exports as an analyst holds them (licence texts left out)."""
    dst = tmp_path / "collected"
    for sub in ("telegram", "whatsapp", "snapchat", "instagram", "twitter"):
        shutil.copytree(EXPORTS / sub, dst / sub, ignore=shutil.ignore_patterns("LICENSE*"))
    shutil.copy(EXPORTS / "own" / "posts.jsonl", dst / "posts.jsonl")
    (dst / "notes.png").write_text("not an image", encoding="utf-8")
    return dst


def test_ingest_keeps_originals_detects_formats_and_adds_nothing_twice(tmp_path: Path, exports: Path) -> None:
    db = tmp_path / "s.db"
    with open_db(db) as store:
        first = ingest([exports], store)
        formats = {f.format for f in first.files}
        assert {"telegram", "whatsapp", "meta", "twitter", "jsonl"} <= formats
        assert any(f.format.startswith("snapchat") for f in first.files)
        assert first.added > 50 and first.analysed == first.added
        # the file named .png that is not an image is rejected with a reason naming it
        bad = [r for f in first.files for r in f.rejected if "notes.png" in r["where"]]
        assert bad and "not one" in bad[0]["message"]
        second = ingest([exports], store)
        assert second.added == 0 and all(f.skipped for f in second.files if f.sha256)
        assert verify(store) == []
        # every original is kept byte for byte under its hash
        for f in first.files:
            if f.sha256 and not f.member:
                kept = store.original_path(f.sha256)
                assert kept and Path(kept).read_bytes() == Path(f.path).read_bytes()


def test_search_export_and_verify_from_the_command_line(tmp_path: Path, exports: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(exports), "--db", db, "--json", "--no-ocr"]) == 1  # notes.png was rejected
    report = json.loads(capsys.readouterr().out)
    assert report["posts_added"] > 50 and report["rejected"] >= 1
    assert all({"path", "format", "posts_added", "duplicates_skipped", "rejected"} <= set(f) for f in report["files"])

    out = tmp_path / "posts.jsonl"
    assert main(["export", "posts", "--db", db, "-o", str(out)]) == 0
    posts = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(posts) == report["posts_added"]
    for p in posts:
        assert {"id", "platform", "author", "date", "text", "provenance", "category", "products", "evidence"} <= set(p)
        assert p["provenance"]["sha256"]

    with open_db(db) as store:
        some = next(p for p in posts if len(p["text"].split()) > 3)
        word = max(some["text"].split(), key=len).strip(".,!?;:()\"'")
        hits = list(search(store, text=word.upper(), limit=None))
        assert some["id"] in {h["id"] for h in hits}
        assert reanalyse(store)["analysed"] == 0  # nothing changed since ingest

    # an edited original is caught by verify
    kept = next(Path(db + ".evidence").rglob("*"))
    while kept.is_dir():
        kept = next(kept.iterdir())
    os.chmod(kept, 0o644)
    kept.write_bytes(kept.read_bytes() + b"tampered")
    assert main(["verify", "--db", db, "--json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert [p["kind"] for p in problems] == ["modified"]


def test_sigkill_during_ingest_leaves_no_partial_file_and_no_duplicate(tmp_path: Path) -> None:
    src = tmp_path / "exports"
    src.mkdir()
    for k in range(4):
        with (src / f"part{k}.jsonl").open("w", encoding="utf-8") as fh:
            for i in range(6000):
                fh.write(json.dumps({"id": f"{k}-{i}", "text": f"post {k} {i} 🍁 10g 80€", "platform": "telegram",
                                     "author": f"a{i % 50}"}) + "\n")
    db = str(tmp_path / "k.db")
    cmd = [sys.executable, "-m", "sentinelle.cli", "ingest", str(src), "--db", db, "--no-ocr"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(2.5)  # somewhere inside the files or the analysis
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open_db(db) as store:
        ids = [p["id"] for p in store.export_posts()]
        assert len(ids) == len(set(ids)) == 24000
        assert all(p["category"] for p in store.export_posts())  # every post analysed in the end
