"""The hash-chained audit log (sentinelle.audit): record, entries, verify, tampering, concurrency, CLI."""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sentinelle import audit
from sentinelle.audit import GENESIS, AuditError, entry_hash
from sentinelle.cli import main
from sentinelle.store import open_store


def fill(db: Path, n: int = 6) -> None:
    with open_store(db) as s:
        for i in range(1, n + 1):
            audit.record(s, user=f"u{i % 2}", action="view_post" if i % 3 else "export", target=f"post{i}",
                         detail={"i": i, "q": "cocaïne \"lyon\""}, justification="case 42" if i % 3 == 0 else "")


def sql(db: Path, *statements: str) -> None:
    """Tamper with the database behind Sentinelle's back, as an attacker with file access would."""
    conn = sqlite3.connect(db)
    with conn:
        for st in statements:
            conn.execute(st)
    conn.close()


def verify(db: Path) -> audit.AuditReport:
    with open_store(db) as s:
        return audit.verify(s)


def test_clean_log_verifies(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    assert verify(db).ok and verify(db).entries == 0  # an empty log is fine
    fill(db)
    r = verify(db)
    assert r.ok and r.entries == 6 and r.problems == []
    assert r.head is not None and r.head["last_id"] == 6 and r.head["count"] == 6


def test_entries_are_chained(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    fill(db, 3)
    with open_store(db) as s:
        es = audit.entries(s)
    assert [e["id"] for e in es] == [3, 2, 1]  # newest first
    assert es[-1]["prev_hash"] == GENESIS
    for newer, older in zip(es, es[1:], strict=False):
        assert newer["prev_hash"] == older["hash"]
    for e in es:
        assert e["hash"] == entry_hash(e) and len(e["hash"]) == 64
        assert datetime.fromisoformat(e["ts"]).utcoffset() == UTC.utcoffset(None)
    assert es[0]["detail"] == {"i": 3, "q": "cocaïne \"lyon\""} and es[0]["justification"] == "case 42"


@pytest.mark.parametrize(("user", "action", "limit", "ids"), [
    (None, None, 200, [6, 5, 4, 3, 2, 1]),
    ("u0", None, 200, [6, 4, 2]),
    (None, "export", 200, [6, 3]),
    ("u1", "export", 200, [3]),
    (None, None, 2, [6, 5]),
    ("nobody", None, 200, []),
    (None, None, 0, []),
])
def test_entries_filters(tmp_path: Path, user: str | None, action: str | None, limit: int, ids: list[int]) -> None:
    db = tmp_path / "a.db"
    fill(db)
    with open_store(db) as s:
        assert [e["id"] for e in audit.entries(s, user=user, action=action, limit=limit)] == ids


# name: (tampering statements, substrings one problem must contain)
TAMPER: dict[str, tuple[list[str], list[str]]] = {
    "edited target": (["UPDATE audit SET target = 'post999' WHERE id = 3"], ["entry 3", "edited"]),
    "edited user": (["UPDATE audit SET user = 'someone_else' WHERE id = 1"], ["entry 1", "edited"]),
    "edited detail": (["""UPDATE audit SET detail = '{"i":4,"q":"nothing"}' WHERE id = 4"""], ["entry 4", "edited"]),
    "detail no longer JSON": (["UPDATE audit SET detail = 'oops' WHERE id = 2"], ["entry 2", "edited"]),
    "edited justification": (["UPDATE audit SET justification = '' WHERE id = 6"], ["entry 6", "edited"]),
    "edited timestamp": (["UPDATE audit SET ts = '2020-01-01T00:00:00+00:00' WHERE id = 5"], ["entry 5", "edited"]),
    "edited and re-hashed alone": (["UPDATE audit SET target = 'x', hash = 'f' || substr(hash, 2) WHERE id = 2"],
                                   ["entry 2"]),
    "deleted middle entry": (["DELETE FROM audit WHERE id = 3"], ["entry 3 missing", "before entry 4"]),
    "deleted two middle entries": (["DELETE FROM audit WHERE id IN (2, 3)"], ["entries 2 to 3 missing"]),
    "deleted first entry": (["DELETE FROM audit WHERE id = 1"], ["entry 1 missing"]),
    "deleted tail": (["DELETE FROM audit WHERE id >= 5"], ["entries 5 to 6 missing at the end", "tail"]),
    "deleted last entry": (["DELETE FROM audit WHERE id = 6"], ["entry 6 missing at the end"]),
    "deleted everything": (["DELETE FROM audit"], ["entries 1 to 6 missing"]),
    "deleted head record": (["DELETE FROM audit_head"], ["head record missing"]),
    "deleted entry and renumbered": (["DELETE FROM audit WHERE id = 3",
                                      "UPDATE audit SET id = id - 1 WHERE id > 3"], ["entry 3"]),
    "forged entry appended": (["INSERT INTO audit SELECT 7, ts, user, action, 'x', detail, justification, hash, "
                               "hash FROM audit WHERE id = 6"], ["entry 7", "after the head"]),
}


@pytest.mark.parametrize(("statements", "expect"), list(TAMPER.values()), ids=list(TAMPER))
def test_verify_detects_tampering(tmp_path: Path, statements: list[str], expect: list[str]) -> None:
    db = tmp_path / "a.db"
    fill(db)
    sql(db, *statements)
    r = verify(db)
    assert not r.ok
    assert any(all(x in p for x in expect) for p in r.problems), r.problems


def test_appending_after_a_deleted_tail_keeps_the_gap_visible(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    fill(db)
    sql(db, "DELETE FROM audit WHERE id >= 5")
    with open_store(db) as s:
        assert audit.record(s, user="u", action="login") == 7  # continues from the head, not from the rows
    r = verify(db)
    assert not r.ok and any("entries 5 to 6 missing (deleted) before entry 7" in p for p in r.problems)


def test_what_verify_cannot_detect_a_rewritten_chain_and_head(tmp_path: Path) -> None:
    """Documented limit: an attacker who recomputes every hash from the edit on and the head wins."""
    db = tmp_path / "a.db"
    fill(db)
    sql(db, "UPDATE audit SET target = 'rewritten' WHERE id = 3")
    conn = sqlite3.connect(db)
    prev = conn.execute("SELECT hash FROM audit WHERE id = 2").fetchone()[0]
    for row in conn.execute("SELECT id, ts, user, action, target, detail, justification FROM audit "
                            "WHERE id >= 3 ORDER BY id").fetchall():
        e = dict(zip(("id", "ts", "user", "action", "target", "detail", "justification"), row, strict=True))
        e["detail"], e["prev_hash"] = json.loads(e["detail"]), prev
        prev = entry_hash(e)
        conn.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?", (e["prev_hash"], prev, e["id"]))
    conn.execute("UPDATE audit_head SET last_hash = ?", (prev,))
    conn.commit()
    conn.close()
    r = verify(db)
    assert r.ok  # hence: keep a copy of the head elsewhere
    assert r.head is not None and r.head["last_hash"] == prev


@pytest.mark.parametrize(("kwargs", "where"), [
    ({"user": "u", "action": ""}, "action"),
    ({"user": "u", "action": "x", "detail": ["not", "a", "mapping"]}, "detail"),
    ({"user": "u", "action": "x", "detail": {"nan": float("nan")}}, "detail"),
    ({"user": "u", "action": "x", "target": "t" * 5000}, "target"),
    ({"user": "u", "action": "x", "detail": {"big": "b" * 20000}}, "detail"),
])
def test_record_rejects_bad_entries(tmp_path: Path, kwargs: dict, where: str) -> None:
    with open_store(tmp_path / "a.db") as s:
        with pytest.raises(AuditError) as ei:
            audit.record(s, **kwargs)
        assert ei.value.where == where and ei.value.code == "SEN610"
        assert audit.entries(s) == []


def test_record_odd_values_still_verify(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.db") as s:
        audit.record(s, user="u\ud800", action="search", target="<script>alert(1)</script>",
                     detail={"when": datetime(2024, 1, 1, tzinfo=UTC), "n": 1.5, "s": "x\udfff",
                             "nested": {"b": [1, None]}},
                     justification="‮evil")
        r = audit.verify(s)
        assert r.ok, r.problems
        e = audit.entries(s)[0]
        assert e["detail"]["when"] == "2024-01-01 00:00:00+00:00" and e["user"] == "u\ufffd"
        assert e["detail"]["s"] == "x\ufffd" and e["detail"]["nested"] == {"b": [1, None]}


_WRITER = """
import sys
from sentinelle import audit
from sentinelle.store import open_store
with open_store(sys.argv[1]) as s:
    for i in range(int(sys.argv[3])):
        audit.record(s, user=sys.argv[2], action="view_post", target=str(i))
"""


def test_concurrent_writers_do_not_fork_the_chain(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    open_store(db).close()  # migrate once
    n = 40
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, str(db), f"w{k}", str(n)]) for k in range(2)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    r = verify(db)
    assert r.ok, r.problems
    assert r.entries == 2 * n
    with open_store(db) as s:
        assert {e["user"] for e in audit.entries(s, limit=1000)} == {"w0", "w1"}


# -- CLI ---------------------------------------------------------------------------------------

def _cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_audit_verify_exit_codes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "a.db"
    fill(db)
    monkeypatch.setenv("SENTINELLE_DB", str(db))  # like every other command: --db or $SENTINELLE_DB
    code, out, _ = _cli(monkeypatch, capsys, "audit", "verify")
    assert code == 0 and "intact: 6 entries" in out
    code, out, _ = _cli(monkeypatch, capsys, "audit", "verify", "--json", "--db", str(db))
    assert code == 0 and json.loads(out)["ok"] is True
    sql(db, "UPDATE audit SET target = 'x' WHERE id = 2", "DELETE FROM audit WHERE id = 4")
    code, out, err = _cli(monkeypatch, capsys, "audit", "verify", "--db", str(db))
    assert code == 1
    assert "audit: entry 2: content does not match its hash (edited)" in out
    assert "audit: entry 4 missing (deleted) before entry 5" in out
    assert "BROKEN" in err
    code, out, _ = _cli(monkeypatch, capsys, "audit", "verify", "--json", "--db", str(db))
    assert code == 1 and len(json.loads(out)["problems"]) == 2


def test_cli_audit_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "a.db"
    fill(db)
    code, out, _ = _cli(monkeypatch, capsys, "audit", "list", "--action", "export", "--db", str(db))
    assert code == 0 and len(out.splitlines()) == 2 and "because: case 42" in out
    code, out, _ = _cli(monkeypatch, capsys, "audit", "list", "--user", "u1", "--limit", "2", "--json",
                        "--db", str(db))
    rows = [json.loads(x) for x in out.splitlines()]
    assert [r["id"] for r in rows] == [5, 3] and all(r["user"] == "u1" for r in rows)

