"""Versioned schema migrations of the SQLite store.

`MIGRATIONS` is an ordered list; each migration has a version number, a title and its steps
(SQL statements, or Python callables taking the connection for data moves). `apply()` runs
every migration newer than the database's `schema_version`, each in its own transaction, so a
failure leaves the database at the last good version. Never edit a released migration: add a
new one at the end.

The SQL functions `handle_key(text)` and `fold(text)` are registered on every connection by
the store (see sqlite.py) so that SQL and Python compute the same keys.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

Step = str | Callable[[sqlite3.Connection], None]


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    title: str
    steps: Sequence[Step]


_V1_CORE = (
    """CREATE TABLE originals (
        sha256   TEXT PRIMARY KEY,        -- the file in <db>.evidence/ab/abcdef...
        size     INTEGER NOT NULL,
        name     TEXT NOT NULL,           -- the path it was first collected under
        added_at TEXT NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE original_names (
        sha256 TEXT NOT NULL REFERENCES originals(sha256) ON DELETE CASCADE,
        name   TEXT NOT NULL,             -- every path the same bytes were collected under
        PRIMARY KEY (sha256, name)
    ) WITHOUT ROWID""",
    # One row per ingested unit (a file, or a member of an archive), written in the same
    # transaction as its posts: a row here means every post of that unit is stored.
    """CREATE TABLE files (
        sha256     TEXT NOT NULL,
        member     TEXT NOT NULL DEFAULT '',
        path       TEXT NOT NULL DEFAULT '',
        format     TEXT NOT NULL DEFAULT '',
        case_name  TEXT NOT NULL DEFAULT '',
        added      INTEGER NOT NULL DEFAULT 0,
        duplicates INTEGER NOT NULL DEFAULT 0,
        rejected   INTEGER NOT NULL DEFAULT 0,
        done_at    TEXT NOT NULL,
        PRIMARY KEY (sha256, member)
    ) WITHOUT ROWID""",
    """CREATE TABLE posts (
        pk           INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,
        platform     TEXT NOT NULL DEFAULT '',
        author       TEXT NOT NULL DEFAULT '',
        date         TEXT NOT NULL DEFAULT '',   -- ISO 8601 as the source gave it
        ts           REAL,                       -- UTC epoch seconds of date (naive read as UTC)
        lang         TEXT NOT NULL DEFAULT '',
        source       TEXT NOT NULL DEFAULT '',
        text         TEXT NOT NULL,
        prov_sha     TEXT NOT NULL DEFAULT '',
        prov_path    TEXT NOT NULL DEFAULT '',
        prov_member  TEXT NOT NULL DEFAULT '',
        prov_locator TEXT NOT NULL DEFAULT '',
        meta         TEXT NOT NULL DEFAULT '[]', -- JSON list of [key, value] pairs
        case_name    TEXT NOT NULL DEFAULT '',
        added_at     TEXT NOT NULL
    )""",
    # A post's identity is where it comes from: same original, member and locator = same post.
    """CREATE UNIQUE INDEX posts_provenance ON posts(prov_sha, prov_member, prov_locator)
        WHERE prov_sha <> '' AND prov_locator <> ''""",
    "CREATE INDEX posts_platform ON posts(platform, ts)",
    "CREATE INDEX posts_ts ON posts(ts)",
    "CREATE INDEX posts_case ON posts(case_name, ts)",
    """CREATE VIRTUAL TABLE posts_fts USING fts5(
        text, content='posts', content_rowid='pk', tokenize="unicode61 remove_diacritics 2")""",
    """CREATE TRIGGER posts_fts_ai AFTER INSERT ON posts BEGIN
        INSERT INTO posts_fts(rowid, text) VALUES (new.pk, new.text);
    END""",
    """CREATE TRIGGER posts_fts_ad AFTER DELETE ON posts BEGIN
        INSERT INTO posts_fts(posts_fts, rowid, text) VALUES ('delete', old.pk, old.text);
    END""",
    """CREATE TRIGGER posts_fts_au AFTER UPDATE OF text ON posts BEGIN
        INSERT INTO posts_fts(posts_fts, rowid, text) VALUES ('delete', old.pk, old.text);
        INSERT INTO posts_fts(rowid, text) VALUES (new.pk, new.text);
    END""",
)

_V2_RESULTS = (
    """CREATE TABLE runs (
        id          INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL,              -- analyse, reanalyse, ingest...
        fingerprint TEXT NOT NULL,              -- of the lexicons and models (versions below)
        versions    TEXT NOT NULL,              -- JSON object
        started_at  TEXT NOT NULL,
        finished_at TEXT,
        counts      TEXT                        -- JSON object
    )""",
    # The latest analysis of each post (older ones are superseded; runs keep the history).
    """CREATE TABLE results (
        post_pk     INTEGER PRIMARY KEY REFERENCES posts(pk) ON DELETE CASCADE,
        run_id      INTEGER NOT NULL REFERENCES runs(id),
        fingerprint TEXT NOT NULL,
        category    TEXT NOT NULL,
        score       REAL NOT NULL,
        network     TEXT,
        record      TEXT NOT NULL               -- the contract's output line, JSON
    )""",
    # Search filters on list fields (products, places, departments), by folded key.
    """CREATE TABLE facets (
        field   TEXT NOT NULL,
        key     TEXT NOT NULL,
        post_pk INTEGER NOT NULL REFERENCES posts(pk) ON DELETE CASCADE,
        PRIMARY KEY (field, key, post_pk)
    ) WITHOUT ROWID""",
    "CREATE INDEX facets_post ON facets(post_pk)",
)


def _backfill_identifiers(conn: sqlite3.Connection) -> None:
    conn.execute(
        """INSERT OR IGNORE INTO identifiers(kind, platform, value)
           SELECT 'phone', '', j.value FROM results r, json_each(r.record, '$.phones') j
           WHERE j.type = 'text'""")
    conn.execute(
        """INSERT OR IGNORE INTO identifiers(kind, platform, value)
           SELECT 'handle', lower(json_extract(j.value, '$.platform')),
                  handle_key(json_extract(j.value, '$.handle'))
           FROM results r, json_each(r.record, '$.handles') j
           WHERE j.type = 'object' AND json_extract(j.value, '$.handle') IS NOT NULL""")
    conn.execute(
        """INSERT OR IGNORE INTO post_identifiers(post_pk, identifier_pk)
           SELECT r.post_pk, i.pk FROM results r, json_each(r.record, '$.phones') j
           JOIN identifiers i ON i.kind = 'phone' AND i.platform = '' AND i.value = j.value""")
    conn.execute(
        """INSERT OR IGNORE INTO post_identifiers(post_pk, identifier_pk)
           SELECT r.post_pk, i.pk FROM results r, json_each(r.record, '$.handles') j
           JOIN identifiers i ON i.kind = 'handle'
                AND i.platform = lower(json_extract(j.value, '$.platform'))
                AND i.value = handle_key(json_extract(j.value, '$.handle'))
           WHERE j.type = 'object'""")


_V3_ACCOUNTS = (
    # An account is a platform and a handle (compared without @ and case); posts point to
    # their author's account. Identifiers are the phones, handles and links found in results:
    # the links between posts that the networks analysis follows.
    """CREATE TABLE accounts (
        pk       INTEGER PRIMARY KEY,
        platform TEXT NOT NULL,
        handle   TEXT NOT NULL,                 -- handle_key(): no @, case folded
        display  TEXT NOT NULL,                 -- as first seen
        UNIQUE (platform, handle)
    )""",
    "ALTER TABLE posts ADD COLUMN account_pk INTEGER REFERENCES accounts(pk)",
    """INSERT OR IGNORE INTO accounts(platform, handle, display)
       SELECT platform, handle_key(author), author FROM posts
       WHERE handle_key(author) <> '' ORDER BY pk""",
    """UPDATE posts SET account_pk = (
           SELECT a.pk FROM accounts a
           WHERE a.platform = posts.platform AND a.handle = handle_key(posts.author))
       WHERE handle_key(author) <> ''""",
    "CREATE INDEX posts_account ON posts(account_pk, ts)",
    "CREATE INDEX accounts_handle ON accounts(handle)",
    """CREATE TABLE identifiers (
        pk       INTEGER PRIMARY KEY,
        kind     TEXT NOT NULL,                 -- phone, handle, link
        platform TEXT NOT NULL DEFAULT '',      -- for handles
        value    TEXT NOT NULL,
        UNIQUE (kind, platform, value)
    )""",
    """CREATE TABLE post_identifiers (
        identifier_pk INTEGER NOT NULL REFERENCES identifiers(pk),
        post_pk       INTEGER NOT NULL REFERENCES posts(pk) ON DELETE CASCADE,
        PRIMARY KEY (identifier_pk, post_pk)
    ) WITHOUT ROWID""",
    "CREATE INDEX post_identifiers_post ON post_identifiers(post_pk)",
    _backfill_identifiers,
)

_V4_NETWORKS = (
    # What the networks analysis reads from each analysed post (accounts, handles, phones, crypto
    # addresses, menu fingerprints, rebrand cue, places, products), as JSON, so that relinking
    # never re-reads texts; '' when the post holds nothing to link. run_id is the analysis run
    # the identifiers were taken from: a newer result makes them stale.
    """CREATE TABLE network_post_ids (
        post_pk INTEGER PRIMARY KEY REFERENCES posts(pk) ON DELETE CASCADE,
        run_id  INTEGER NOT NULL,
        ids     TEXT NOT NULL DEFAULT ''
    )""",
    # The persisted vendor networks (ids stay stable across relinks) and their typed, weighted,
    # explained links with the posts that justify them. A post's membership is results.network
    # (kept equal to the "network" field of its stored record).
    """CREATE TABLE networks (
        id         TEXT PRIMARY KEY,
        n_posts    INTEGER NOT NULL,
        n_accounts INTEGER NOT NULL,
        first_seen TEXT NOT NULL DEFAULT '',
        last_seen  TEXT NOT NULL DEFAULT '',
        digest     TEXT NOT NULL,               -- of the record: unchanged networks are not rewritten
        record     TEXT NOT NULL,               -- JSON, without the links
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE network_links (
        pk          INTEGER PRIMARY KEY,
        network_id  TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
        type        TEXT NOT NULL,
        source      TEXT NOT NULL,
        target      TEXT NOT NULL,
        weight      REAL NOT NULL,
        explanation TEXT NOT NULL,
        posts       TEXT NOT NULL               -- JSON list of the post ids that justify the link
    )""",
    "CREATE INDEX network_links_network ON network_links(network_id)",
    "CREATE INDEX network_links_source ON network_links(source)",
    "CREATE INDEX results_network ON results(network) WHERE network IS NOT NULL",
)

from ..accounts_sql import MIGRATION_STEPS as _V6_ACCOUNTS  # noqa: E402
from ..observatory_sql import MIGRATION_8_STEPS as _V8_OBSERVATORY  # noqa: E402
from ..observatory_sql import MIGRATION_9_STEPS as _V9_OBSERVATORY  # noqa: E402
from ..observatory_sql import MIGRATION_STEPS as _V5_OBSERVATORY  # noqa: E402
from ..web_sql import MIGRATION_STEPS as _V7_WEB  # noqa: E402

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "posts, originals, files and full-text index", _V1_CORE),
    Migration(2, "analysis runs, results and search facets", _V2_RESULTS),
    Migration(3, "accounts and identifiers", _V3_ACCOUNTS),
    Migration(4, "vendor networks, their links and per-post link identifiers", _V4_NETWORKS),
    Migration(5, "market observatory: normalised prices, events, watchlists and alerts", _V5_OBSERVATORY),
    Migration(6, "users, sessions, login failures, audit log and finding reviews", _V6_ACCOUNTS),
    Migration(7, "indexes for the web app: account prices, link targets, networks by size", _V7_WEB),
    Migration(8, "market observatory: promotion rules of price points, indexes for large stores", _V8_OBSERVATORY),
    Migration(9, "market observatory: prices in currencies outside the contract's", _V9_OBSERVATORY),
)
LATEST = MIGRATIONS[-1].version


class MigrationError(Exception):
    pass


def current_version(conn: sqlite3.Connection) -> int:
    row = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchone()
    if row is None:
        return 0
    (v,) = conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
    return int(v)


def apply(conn: sqlite3.Connection, target: int | None = None) -> list[int]:
    """Bring the database up to `target` (the latest by default); returns the versions applied.
    The connection must be in autocommit mode (isolation_level=None): each migration runs in its
    own BEGIN IMMEDIATE ... COMMIT."""
    target = LATEST if target is None else target
    conn.execute("""CREATE TABLE IF NOT EXISTS schema_version (
        version INTEGER PRIMARY KEY, title TEXT NOT NULL, applied_at TEXT NOT NULL)""")
    current = current_version(conn)
    if current > LATEST:
        raise MigrationError(
            f"the database is at schema version {current}, newer than this Sentinelle ({LATEST}); "
            "upgrade Sentinelle")
    applied: list[int] = []
    for m in MIGRATIONS:
        if m.version <= current or m.version > target:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if current_version(conn) >= m.version:  # another process got there first
                conn.execute("ROLLBACK")
                continue
            for step in m.steps:
                if isinstance(step, str):
                    conn.execute(step)
                else:
                    step(conn)
            conn.execute("INSERT INTO schema_version(version, title, applied_at) VALUES (?, ?, ?)",
                         (m.version, m.title, datetime.now(UTC).isoformat(timespec="seconds")))
            conn.execute("COMMIT")
        except BaseException as e:
            conn.execute("ROLLBACK")
            if isinstance(e, sqlite3.Error):
                raise MigrationError(f"migration {m.version} ({m.title}) failed: {e}") from e
            raise
        applied.append(m.version)
    return applied
