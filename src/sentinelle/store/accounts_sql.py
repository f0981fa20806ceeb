"""SQL of users, sessions, login failures, the audit log and finding reviews (issue 7, migration 6).

The library side is `sentinelle.accounts`, `sentinelle.audit` and `sentinelle.reviews`; this module
holds the schema and `AccountsSQLMixin`, the matching methods of the `Store` interface for SQLite.
Secrets never reach the database in clear: passwords are argon2id hashes, session tokens are
kept as their SHA-256. The audit table is only ever appended to by this code; its head record
(`audit_head`) is written in the same transaction as each entry.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from .plumbing import SQLPlumbing

MIGRATION_STEPS: tuple[Any, ...] = (
    """CREATE TABLE users (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
        role       TEXT NOT NULL,
        pw_hash    TEXT NOT NULL,               -- argon2id, PHC string
        active     INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,            -- sha256 of the token; the token itself is never kept
        user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created    REAL NOT NULL,               -- epoch seconds
        last_seen  REAL NOT NULL,
        expires    REAL NOT NULL
    ) WITHOUT ROWID""",
    "CREATE INDEX sessions_user ON sessions(user_id)",
    "CREATE INDEX sessions_expires ON sessions(expires)",
    # Failed logins over a sliding window, shared by every server worker.
    """CREATE TABLE login_failures (
        pk     INTEGER PRIMARY KEY,
        name   TEXT NOT NULL,                   -- folded user name as typed (may name no user)
        client TEXT NOT NULL DEFAULT '',        -- client address
        ts     REAL NOT NULL
    )""",
    "CREATE INDEX login_failures_name ON login_failures(name, ts)",
    "CREATE INDEX login_failures_client ON login_failures(client, ts)",
    "CREATE INDEX login_failures_ts ON login_failures(ts)",
    """CREATE TABLE app_secrets (
        name  TEXT PRIMARY KEY,
        value BLOB NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE audit (
        id            INTEGER PRIMARY KEY,      -- 1, 2, 3... without gaps
        ts            TEXT NOT NULL,            -- UTC ISO 8601
        user          TEXT NOT NULL,
        action        TEXT NOT NULL,
        target        TEXT NOT NULL DEFAULT '',
        detail        TEXT NOT NULL DEFAULT '{}',  -- canonical JSON object
        justification TEXT NOT NULL DEFAULT '',
        prev_hash     TEXT NOT NULL,
        hash          TEXT NOT NULL
    )""",
    "CREATE INDEX audit_user ON audit(user, id)",
    "CREATE INDEX audit_action ON audit(action, id)",
    """CREATE TABLE audit_head (
        id        INTEGER PRIMARY KEY CHECK (id = 1),
        last_id   INTEGER NOT NULL,
        last_hash TEXT NOT NULL,
        count     INTEGER NOT NULL
    )""",
    """CREATE TABLE reviews (
        id      INTEGER PRIMARY KEY,
        post_pk INTEGER NOT NULL REFERENCES posts(pk) ON DELETE CASCADE,
        finding INTEGER NOT NULL,               -- index into the post's findings list
        action  TEXT NOT NULL,                  -- confirm, reject, correct
        value   TEXT,                           -- JSON (the corrected value), NULL otherwise
        user    TEXT NOT NULL,
        note    TEXT NOT NULL DEFAULT '',
        ts      TEXT NOT NULL                   -- UTC ISO 8601
    )""",
    "CREATE INDEX reviews_post ON reviews(post_pk, id)",
)

_USER_COLS = "id, name, role, pw_hash, active, created_at, updated_at"
_AUDIT_COLS = "id, ts, user, action, target, detail, justification, prev_hash, hash"
_PAGE = 1000


def _iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _dict(cur: sqlite3.Cursor, row: tuple[Any, ...] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {d[0]: v for d, v in zip(cur.description, row, strict=True)}


def _audit_entry(row: tuple[Any, ...]) -> dict[str, Any]:
    e = dict(zip(("id", "ts", "user", "action", "target", "detail", "justification", "prev_hash", "hash"),
                 row, strict=True))
    with contextlib.suppress(TypeError, ValueError):  # else left as text: verify() reports it
        e["detail"] = json.loads(e["detail"])
    return e


class AccountsSQLMixin(SQLPlumbing):
    """The accounts, audit and review methods of `Store` for SQLite (mixed into `SQLiteStore`)."""


    def _one(self, sql: str, params: Iterable[Any] = ()) -> dict[str, Any] | None:
        cur = self._q(sql, params)
        return _dict(cur, cur.fetchone())

    # -- users ----------------------------------------------------------------------------------

    def acct_add_user(self, name: str, role: str, pw_hash: str) -> dict[str, Any] | None:
        now = _iso()
        with self._tx() as cur:
            cur.execute("INSERT OR IGNORE INTO users(name, role, pw_hash, active, created_at, updated_at) "
                        "VALUES (?, ?, ?, 1, ?, ?)", (name, role, pw_hash, now, now))
            if cur.rowcount == 0:
                return None
            row = cur.execute(f"SELECT {_USER_COLS} FROM users WHERE id = ?", (cur.lastrowid,)).fetchone()
            return _dict(cur, row)

    def acct_user(self, name: str) -> dict[str, Any] | None:
        return self._one(f"SELECT {_USER_COLS} FROM users WHERE name = ?", (name,))

    def acct_users(self) -> list[dict[str, Any]]:
        cur = self._q("SELECT id, name, role, active, created_at, updated_at FROM users ORDER BY id")
        return [d for r in cur.fetchall() if (d := _dict(cur, r)) is not None]

    def acct_update_user(self, name: str, *, role: str | None = None, active: bool | None = None,
                         pw_hash: str | None = None, end_sessions: bool = False) -> dict[str, Any] | None:
        sets, params = ["updated_at = ?"], list[Any]([_iso()])
        for col, val in (("role", role), ("active", None if active is None else int(active)),
                         ("pw_hash", pw_hash)):
            if val is not None:
                sets.append(f"{col} = ?")
                params.append(val)
        with self._tx() as cur:
            row = cur.execute("SELECT id FROM users WHERE name = ?", (name,)).fetchone()
            if row is None:
                return None
            cur.execute(f"UPDATE users SET {', '.join(sets)} WHERE id = ?", (*params, row[0]))
            if end_sessions or active is False:
                cur.execute("DELETE FROM sessions WHERE user_id = ?", (row[0],))
            return _dict(cur, cur.execute(f"SELECT {_USER_COLS} FROM users WHERE id = ?", (row[0],)).fetchone())

    # -- login failures -------------------------------------------------------------------------

    def acct_failures(self, name: str, client: str, *, since: float, limit: int) -> tuple[list[float], list[float]]:
        by_name = [r[0] for r in self._q(
            "SELECT ts FROM login_failures WHERE name = ? AND ts > ? ORDER BY ts DESC LIMIT ?",
            (name, since, limit))]
        by_client = [r[0] for r in self._q(
            "SELECT ts FROM login_failures WHERE client = ? AND ts > ? ORDER BY ts DESC LIMIT ?",
            (client, since, limit))] if client else []
        return by_name, by_client

    def acct_add_failure(self, name: str, client: str, ts: float, *, prune_before: float) -> None:
        with self._tx() as cur:
            cur.execute("INSERT INTO login_failures(name, client, ts) VALUES (?, ?, ?)", (name, client, ts))
            cur.execute("DELETE FROM login_failures WHERE ts <= ?", (prune_before,))

    def acct_clear_failures(self, name: str, client: str) -> None:
        with self._tx() as cur:
            cur.execute("DELETE FROM login_failures WHERE name = ? AND client = ?", (name, client))

    # -- sessions -------------------------------------------------------------------------------

    def acct_session_add(self, token_hash: str, user_id: int, *, created: float, expires: float) -> None:
        with self._tx() as cur:
            cur.execute("INSERT INTO sessions(token_hash, user_id, created, last_seen, expires) "
                        "VALUES (?, ?, ?, ?, ?)", (token_hash, user_id, created, created, expires))

    def acct_session(self, token_hash: str) -> dict[str, Any] | None:
        return self._one(
            "SELECT u.id, u.name, u.role, u.active, s.created, s.last_seen, s.expires "
            "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?", (token_hash,))

    def acct_session_touch(self, token_hash: str, ts: float) -> None:
        with self._tx() as cur:
            cur.execute("UPDATE sessions SET last_seen = max(last_seen, ?) WHERE token_hash = ?", (ts, token_hash))

    def acct_session_end(self, token_hash: str) -> None:
        with self._tx() as cur:
            cur.execute("DELETE FROM sessions WHERE token_hash = ?", (token_hash,))

    def acct_sessions_purge(self, now: float, *, idle: float) -> int:
        with self._tx() as cur:
            cur.execute("DELETE FROM sessions WHERE expires <= ? OR last_seen <= ?", (now, now - idle))
            return cur.rowcount

    # -- secrets --------------------------------------------------------------------------------

    def acct_secret(self, name: str, candidate: bytes) -> bytes:
        row = self._q("SELECT value FROM app_secrets WHERE name = ?", (name,)).fetchone()
        if row is not None:
            return bytes(row[0])
        with self._tx() as cur:
            cur.execute("INSERT OR IGNORE INTO app_secrets(name, value) VALUES (?, ?)", (name, candidate))
            return bytes(cur.execute("SELECT value FROM app_secrets WHERE name = ?", (name,)).fetchone()[0])

    # -- audit ----------------------------------------------------------------------------------

    def audit_append(self, fields: Mapping[str, Any], seal: Callable[[int, str], str], *, genesis: str) -> int:
        detail = json.dumps(fields["detail"], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        with self._tx() as cur:  # BEGIN IMMEDIATE: no other writer between reading the head and appending
            head = cur.execute("SELECT last_id, last_hash, count FROM audit_head WHERE id = 1").fetchone()
            top = cur.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
            if head is not None:
                last_id, prev, count = max(head[0], top[0] if top else 0), head[1], head[2]
            else:
                last_id, prev = (top[0], top[1]) if top else (0, genesis)
                count = cur.execute("SELECT count(*) FROM audit").fetchone()[0]
            entry_id = last_id + 1
            digest = seal(entry_id, prev)
            cur.execute(f"INSERT INTO audit({_AUDIT_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (entry_id, fields["ts"], fields["user"], fields["action"], fields["target"], detail,
                         fields["justification"], prev, digest))
            cur.execute("INSERT INTO audit_head(id, last_id, last_hash, count) VALUES (1, ?, ?, ?) "
                        "ON CONFLICT(id) DO UPDATE SET last_id = excluded.last_id, "
                        "last_hash = excluded.last_hash, count = excluded.count", (entry_id, digest, count + 1))
            return entry_id

    def audit_head(self) -> dict[str, Any] | None:
        return self._one("SELECT last_id, last_hash, count FROM audit_head WHERE id = 1")

    def audit_scan(self) -> Iterator[dict[str, Any]]:
        after = -1
        while True:
            rows = self._q(f"SELECT {_AUDIT_COLS} FROM audit WHERE id > ? ORDER BY id LIMIT ?",
                           (after, _PAGE)).fetchall()
            if not rows:
                return
            for r in rows:
                yield _audit_entry(r)
            after = rows[-1][0]

    def audit_entries(self, *, user: str | None = None, action: str | None = None,
                      limit: int = 200) -> list[dict[str, Any]]:
        conds, params = ["1"], list[Any]()
        if user is not None:
            conds.append("user = ?")
            params.append(user)
        if action is not None:
            conds.append("action = ?")
            params.append(action)
        rows = self._q(f"SELECT {_AUDIT_COLS} FROM audit WHERE {' AND '.join(conds)} ORDER BY id DESC LIMIT ?",
                       (*params, limit)).fetchall()
        return [_audit_entry(r) for r in rows]

    # -- finding reviews ------------------------------------------------------------------------

    def review_add(self, post_id: str, finding: int, action: str, *, value: Any, user: str,
                   note: str) -> int | None:
        blob = None if value is None else json.dumps(value, ensure_ascii=False, default=str)
        with self._tx() as cur:
            row = cur.execute("SELECT pk FROM posts WHERE id = ?", (post_id,)).fetchone()
            if row is None:
                return None
            cur.execute("INSERT INTO reviews(post_pk, finding, action, value, user, note, ts) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)", (row[0], finding, action, blob, user, note, _iso()))
            return int(cur.lastrowid or 0)

    def review_list(self, post_id: str) -> list[dict[str, Any]]:
        rows = self._q(
            "SELECT r.id, r.finding, r.action, r.value, r.user, r.note, r.ts FROM reviews r "
            "JOIN posts p ON p.pk = r.post_pk WHERE p.id = ? ORDER BY r.id DESC", (post_id,)).fetchall()
        return [{"id": i, "finding": f, "action": a, "value": None if v is None else json.loads(v), "user": u,
                 "note": n, "ts": ts} for i, f, a, v, u, n, ts in rows]
