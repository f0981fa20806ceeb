"""Killing an ingest with SIGKILL and running it again leaves no duplicate and no partial post."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sentinelle.store import open_store

FILES = 4
PER_FILE = 6000

WRITER = rf'''
import sys, time
from sentinelle.core import Post, Provenance
from sentinelle.store import FileInfo, open_store

db, folder, pause = sys.argv[1], sys.argv[2], sys.argv[3] == "pause"
with open_store(db) as store:
    for f in range({FILES}):
        src = f"{{folder}}/export{{f}}.txt"
        sha = store.add_original(src)
        if store.file_done(sha):
            continue
        lines = open(src, encoding="utf-8").read().splitlines()

        def posts():
            for n, line in enumerate(lines, 1):
                if n == len(lines) // 2:
                    print(f"MIDWAY {{f}}", flush=True)
                    if pause and f == 2:
                        time.sleep(60)  # killed here, inside the file's transaction
                yield Post(id=f"{{f}}-{{n}}", text=line, platform="telegram", author=f"user{{n % 50}}",
                           provenance=Provenance(sha, src, "", str(n)))

        store.add_posts(posts(), file=FileInfo(sha, src, format="text"))
        print(f"DONE {{f}}", flush=True)
print("FINISHED", flush=True)
'''


def _run(script: Path, db: Path, folder: Path, *, pause: bool = False, kill_after: float | None = None,
         kill_on: str | None = None) -> tuple[bool, str]:
    """Run the writer; kill it with SIGKILL on a line of output or after a delay. Returns (killed, output)."""
    proc = subprocess.Popen([sys.executable, str(script), str(db), str(folder), "pause" if pause else "go"],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    out = []
    start = time.monotonic()
    killed = False
    if kill_on is not None:
        for line in proc.stdout:
            out.append(line)
            if line.startswith(kill_on):
                proc.send_signal(signal.SIGKILL)
                killed = True
                break
    elif kill_after is not None:
        while proc.poll() is None and time.monotonic() - start < kill_after:
            time.sleep(0.01)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed = True
    proc.wait(timeout=120)
    out.extend(proc.stdout.readlines())
    return killed, "".join(out)


def _check_consistent(db: Path, folder: Path) -> int:
    """Every file is either wholly stored and marked done, or absent. Returns how many are done."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO posts_fts(posts_fts) VALUES ('integrity-check')")
        (dup,) = conn.execute(
            "SELECT count(*) - count(DISTINCT prov_sha || prov_locator) FROM posts").fetchone()
        assert dup == 0
        done = 0
        for sha, n in conn.execute("SELECT sha256, (SELECT count(*) FROM posts WHERE prov_sha = sha256) "
                                   "FROM originals").fetchall():
            is_done = conn.execute("SELECT count(*) FROM files WHERE sha256 = ?", (sha,)).fetchone()[0] == 1
            assert n == (PER_FILE if is_done else 0), f"partial file: {n} posts, done={is_done}"
            done += is_done
        return done
    finally:
        conn.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_midway_then_rerun(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    rnd = random.Random(4)
    words = ["cocaïne", "beuh", "livraison", "dispo", "lyon", "paris", "snap", "prix", "promo", "qualité",
             "bonjour", "merci"]
    for f in range(FILES):
        lines = (" ".join(rnd.choice(words) for _ in range(rnd.randint(5, 40))) + f" #{f}-{i}"
                 for i in range(PER_FILE))
        (folder / f"export{f}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    db = tmp_path / "case.db"

    # 1. killed while the third file's transaction is open (deterministic)
    killed, out = _run(script, db, folder, pause=True, kill_on="MIDWAY 2")
    assert killed and "DONE 1" in out and "DONE 2" not in out
    assert _check_consistent(db, folder) == 2

    # 2. killed at arbitrary moments, possibly mid-batch or mid-commit
    for delay in (0.3, 0.8):
        _run(script, db, folder, kill_after=delay)
        _check_consistent(db, folder)

    # 3. a clean run completes the ingest without duplicating anything
    killed, out = _run(script, db, folder)
    assert not killed and "FINISHED" in out
    assert _check_consistent(db, folder) == FILES
    with open_store(db) as store:
        assert store.count() == FILES * PER_FILE
        assert store.stats()["files"] == FILES
        assert store.verify() == []
    # 4. and running it again adds nothing
    _run(script, db, folder)
    with open_store(db) as store:
        assert store.count() == FILES * PER_FILE
    assert os.path.getsize(db) > 0
