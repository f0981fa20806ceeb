"""Store methods of users, sessions, login failures, secrets, the audit log and reviews (migration 6)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from sentinelle.store import Store, open_store
from sentinelle.store.migrations import LATEST, MIGRATIONS

from .conftest import make_posts

TABLES = {"users", "sessions", "login_failures", "app_secrets", "audit", "audit_head", "reviews"}


def test_migration_6_creates_the_tables(store: Store, tmp_path: Path) -> None:
    assert any(m.version == 6 for m in MIGRATIONS) and LATEST >= 6
    conn = sqlite3.connect(tmp_path / "case.db")
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert names >= TABLES
    assert conn.execute("SELECT 1 FROM schema_version WHERE version = 6").fetchone() == (1,)


def test_users_crud(store: Store) -> None:
    u = store.acct_add_user("Alice", "analyst", "$argon2id$x")
    assert u is not None and u["name"] == "Alice" and u["active"] == 1
    assert store.acct_add_user("alice", "admin", "$argon2id$y") is None  # unique without case
    assert store.acct_user("ALICE") == u
    assert store.acct_user("bob") is None
    changed = store.acct_update_user("alice", role="reviewer", active=False)
    assert changed is not None and (changed["role"], changed["active"], changed["pw_hash"]) == ("reviewer", 0,
                                                                                                 "$argon2id$x")
    assert store.acct_update_user("ghost", role="admin") is None
    assert [r["name"] for r in store.acct_users()] == ["Alice"]
    assert "pw_hash" not in store.acct_users()[0]


@pytest.mark.parametrize(("end_sessions", "active", "left"), [
    (False, None, 2), (True, None, 1), (False, False, 1), (False, True, 2)])
def test_update_user_ends_sessions(store: Store, end_sessions: bool, active: bool | None, left: int) -> None:
    a = store.acct_add_user("a", "analyst", "h")
    b = store.acct_add_user("b", "analyst", "h")
    assert a and b
    store.acct_session_add("ta", a["id"], created=0, expires=100)
    store.acct_session_add("tb", b["id"], created=0, expires=100)
    store.acct_update_user("a", end_sessions=end_sessions, active=active)
    assert sum(store.acct_session(t) is not None for t in ("ta", "tb")) == left


def test_failures_window_and_prune(store: Store) -> None:
    for ts, name, client in [(10, "a", "c1"), (20, "a", "c2"), (30, "b", "c1"), (40, "a", "c1")]:
        store.acct_add_failure(name, client, ts, prune_before=0)
    assert store.acct_failures("a", "c1", since=0, limit=5) == ([40, 20, 10], [40, 30, 10])
    assert store.acct_failures("a", "c1", since=15, limit=2) == ([40, 20], [40, 30])
    assert store.acct_failures("a", "", since=0, limit=5)[1] == []  # no client: no per-client count
    store.acct_clear_failures("a", "c1")
    assert store.acct_failures("a", "c1", since=0, limit=5) == ([20], [30])
    store.acct_add_failure("z", "c9", 50, prune_before=25)  # older rows go
    assert store.acct_failures("a", "c2", since=0, limit=5) == ([], [])
    assert store.acct_failures("b", "c1", since=0, limit=5) == ([30], [30])


def test_sessions_touch_and_purge(store: Store) -> None:
    u = store.acct_add_user("a", "analyst", "h")
    assert u
    store.acct_session_add("t1", u["id"], created=100, expires=1000)
    store.acct_session_add("t2", u["id"], created=100, expires=200)
    store.acct_session_touch("t1", 500)
    store.acct_session_touch("t1", 400)  # never goes back
    s = store.acct_session("t1")
    assert s is not None and (s["name"], s["last_seen"], s["expires"]) == ("a", 500, 1000)
    assert store.acct_sessions_purge(300, idle=250) == 1  # t2 expired; t1 used at 500
    assert store.acct_sessions_purge(800, idle=250) == 1  # t1 idle since 500
    store.acct_session_end("t1")  # already gone: no error


def test_secret_first_writer_wins(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    open_store(db).close()
    got: list[bytes] = []

    def take(k: int) -> None:
        with open_store(db) as s:
            got.append(s.acct_secret("app", bytes([k]) * 32))

    threads = [threading.Thread(target=take, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 4 and len(set(got)) == 1


def test_audit_append_reads_the_head_inside_the_write(store: Store) -> None:
    calls: list[tuple[int, str]] = []

    def seal(i: int, prev: str) -> str:
        calls.append((i, prev))
        return f"{i:064d}"

    fields = {"ts": "t", "user": "u", "action": "a", "target": "", "detail": {"k": [1]}, "justification": ""}
    assert store.audit_head() is None
    assert store.audit_append(fields, seal, genesis="g") == 1
    assert store.audit_append(fields, seal, genesis="g") == 2
    assert calls == [(1, "g"), (2, f"{1:064d}")]
    assert store.audit_head() == {"last_id": 2, "last_hash": f"{2:064d}", "count": 2}
    assert [e["id"] for e in store.audit_scan()] == [1, 2]
    assert store.audit_entries(limit=1)[0]["detail"] == {"k": [1]}


def test_reviews_follow_their_post(store: Store) -> None:
    store.add_posts(make_posts())
    assert store.review_add("nope", 0, "confirm", value=None, user="u", note="") is None
    r = store.review_add("t1", 2, "correct", value=["cocaine"], user="u", note="n")
    assert r is not None
    assert store.review_list("t1") == [{"id": r, "finding": 2, "action": "correct", "value": ["cocaine"],
                                        "user": "u", "note": "n", "ts": store.review_list("t1")[0]["ts"]}]
    assert store.review_list("t2") == []
