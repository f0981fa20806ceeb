"""The SQLite store: one database file (WAL), originals in `<db>.evidence/`.

Writes go in explicit transactions (`BEGIN IMMEDIATE`), rows in batches through `executemany`
with fixed statements (SQLite caches their prepared form). Full-text search is an FTS5 index over
post text with `unicode61 remove_diacritics 2` (case and accents ignored), kept in step with the
posts table by triggers. User input reaches SQL only as bound parameters; free text is turned
into quoted FTS terms first (query.fts_match).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from ..core import Post, Provenance
from . import (
    ANALYSIS_FIELDS,
    AddResult,
    FileInfo,
    Problem,
    Query,
    Store,
    StoreError,
    fingerprint_of,
    migrations,
)
from .accounts_sql import AccountsSQLMixin
from .evidence import EvidenceStore
from .observatory_sql import ObservatorySQLMixin
from .query import epoch_of, fold, fts_match, handle_key, time_bound, utc_iso, utf8_safe
from .web_sql import WebSQLMixin

T = TypeVar("T")
BATCH = 2000  # posts per executemany
RESULT_BATCH = 500  # records per batch (bounded by the IN (...) list of ids)
PAGE = 1000  # rows per page when iterating with keyset paging

_POST_COLS = ("p.pk, p.id, p.platform, p.author, p.date, p.ts, p.lang, p.source, p.text, p.prov_sha, "
              "p.prov_path, p.prov_member, p.prov_locator, p.meta, p.case_name")
_OBJ_COLS = _POST_COLS + ", r.run_id, r.record"

_INSERT_ACCOUNT = "INSERT OR IGNORE INTO accounts(platform, handle, display) VALUES (?, ?, ?)"
_INSERT_POST = """
INSERT OR IGNORE INTO posts(id, platform, author, date, ts, lang, source, text, prov_sha, prov_path,
    prov_member, prov_locator, meta, case_name, added_at, account_pk)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
    (SELECT pk FROM accounts WHERE platform = ? AND handle = ?))"""
_INSERT_FILE = """
INSERT OR IGNORE INTO files(sha256, member, path, format, case_name, added, duplicates, rejected, done_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"""
_INSERT_RESULT = """
INSERT OR REPLACE INTO results(post_pk, run_id, fingerprint, category, score, network, record)
VALUES (?, ?, ?, ?, ?, ?, ?)"""
_INSERT_FACET = "INSERT OR IGNORE INTO facets(field, key, post_pk) VALUES (?, ?, ?)"
_INSERT_IDENT = "INSERT OR IGNORE INTO identifiers(kind, platform, value) VALUES (?, ?, ?)"
_LINK_IDENT = """
INSERT OR IGNORE INTO post_identifiers(identifier_pk, post_pk)
VALUES ((SELECT pk FROM identifiers WHERE kind = ? AND platform = ? AND value = ?), ?)"""

_INSERT_NET_IDS = """
INSERT OR REPLACE INTO network_post_ids(post_pk, run_id, ids)
SELECT p.pk, r.run_id, ? FROM posts p JOIN results r ON r.post_pk = p.pk WHERE p.id = ?"""
_UPSERT_NETWORK = """
INSERT INTO networks(id, n_posts, n_accounts, first_seen, last_seen, digest, record, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET n_posts = excluded.n_posts, n_accounts = excluded.n_accounts,
    first_seen = excluded.first_seen, last_seen = excluded.last_seen, digest = excluded.digest,
    record = excluded.record, updated_at = excluded.updated_at"""
_INSERT_NET_LINK = """
INSERT INTO network_links(network_id, type, source, target, weight, explanation, posts)
VALUES (?, ?, ?, ?, ?, ?, ?)"""
_SET_NETWORK = """
UPDATE results SET network = ?, record = json_set(record, '$.network', ?)
WHERE post_pk = (SELECT pk FROM posts WHERE id = ?) AND network IS NOT ?"""

FACET_FIELDS = ("products", "places", "departments")
FACET_DRIVE = 5000  # a facet filter matching fewer posts than this drives the search


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _json(obj: Any, *, sort_keys: bool = False) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=sort_keys, default=str)


def _batched(items: Iterable[T], n: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, n)):
        yield batch


def _platform(p: str) -> str:
    return p.strip().lower()


def _meta_obj(raw: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in json.loads(raw):
        if k in out:
            out[k] = (out[k] if isinstance(out[k], list) else [out[k]]) + [v]
        else:
            out[k] = v
    return out


def _sql_handle_key(s: Any) -> str:
    return handle_key(s) if isinstance(s, str) else ""


def _sql_fold(s: Any) -> str:
    return fold(s) if isinstance(s, str) else ""


class SQLiteStore(AccountsSQLMixin, ObservatorySQLMixin, WebSQLMixin, Store):
    def __init__(self, path: str, *, evidence_dir: str | os.PathLike[str] | None = None,
                 create: bool = True) -> None:
        memory = path in ("", ":memory:")
        self.path = ":memory:" if memory else path
        if not memory:
            if not create and not Path(path).is_file():
                raise StoreError("no such database", where=path)
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the database: {e}", where=path) from e
        self._closed = False
        self._wrote = False
        try:
            self.conn.create_function("handle_key", 1, _sql_handle_key, deterministic=True)
            self.conn.create_function("fold", 1, _sql_fold, deterministic=True)
            for pragma in ("journal_mode = WAL", "synchronous = NORMAL", "foreign_keys = ON",
                           "busy_timeout = 30000", "temp_store = MEMORY", "cache_size = -65536"):
                self.conn.execute(f"PRAGMA {pragma}")
            migrations.apply(self.conn)
        except (sqlite3.Error, migrations.MigrationError) as e:
            self.conn.close()
            self._closed = True
            raise StoreError(f"cannot open the database: {e}", where=path) from e
        if evidence_dir is not None:
            self.evidence: EvidenceStore | None = EvidenceStore(evidence_dir)
        else:
            self.evidence = None if memory else EvidenceStore(f"{path}.evidence")

    # -- plumbing ------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _tx(self) -> Iterator[sqlite3.Cursor]:
        if self._closed:
            raise StoreError("the store is closed", where=self.path)
        cur = self.conn.cursor()
        try:
            cur.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise StoreError(f"cannot start a write: {e}", where=self.path) from e
        try:
            yield cur
            cur.execute("COMMIT")
            self._wrote = True
        except BaseException as e:
            with contextlib.suppress(sqlite3.Error):
                cur.execute("ROLLBACK")
            if isinstance(e, sqlite3.Error):
                raise StoreError(f"write failed: {e}", where=self.path) from e
            raise
        finally:
            cur.close()

    def _q(self, sql: str, params: Iterable[Any] = ()) -> sqlite3.Cursor:
        if self._closed:
            raise StoreError("the store is closed", where=self.path)
        try:
            return self.conn.execute(sql, tuple(params))
        except sqlite3.Error as e:
            raise StoreError(f"query failed: {e}", where=self.path) from e

    def _evidence(self) -> EvidenceStore:
        if self.evidence is None:
            raise StoreError("an in-memory store has no evidence folder; pass evidence_dir", where=self.path)
        return self.evidence

    # -- evidence ------------------------------------------------------------------------------

    def _record_original(self, sha: str, size: int, name: str) -> str:
        name = utf8_safe(name)
        with self._tx() as cur:
            cur.execute("INSERT OR IGNORE INTO originals(sha256, size, name, added_at) VALUES (?, ?, ?, ?)",
                        (sha, size, name, _now()))
            cur.execute("INSERT OR IGNORE INTO original_names(sha256, name) VALUES (?, ?)", (sha, name))
        return sha

    def add_original(self, path: str | os.PathLike[str], *, name: str | None = None) -> str:
        try:
            sha, size = self._evidence().add(path)
        except OSError as e:
            raise StoreError(f"cannot keep the original: {e.strerror or e}", where=os.fspath(path)) from e
        return self._record_original(sha, size, name if name is not None else os.fspath(path))

    def add_original_bytes(self, data: bytes, *, name: str) -> str:
        try:
            sha, size = self._evidence().add_bytes(data)
        except OSError as e:
            raise StoreError(f"cannot keep the original: {e.strerror or e}", where=name) from e
        return self._record_original(sha, size, name)

    def original_path(self, sha256: str) -> str | None:
        if self.evidence is None:
            return None
        try:
            p = self.evidence.path_of(sha256)
        except ValueError:
            return None
        return str(p) if p.is_file() else None

    def verify(self) -> list[Problem]:
        problems: list[Problem] = []
        known: set[str] = set()
        ev = self.evidence
        for sha, name in self._q("SELECT sha256, name FROM originals ORDER BY name, sha256").fetchall():
            known.add(sha)
            where = str(ev.path_of(sha)) if ev is not None else ""
            state = ev.check(sha) if ev is not None else "missing"
            if state == "missing":
                problems.append(Problem("missing", sha, where, f"the original of {name} is missing"))
            elif state == "modified":
                problems.append(Problem("modified", sha, where,
                                        f"the original of {name} no longer hashes to {sha}"))
        if ev is not None:
            for sha in ev:
                if sha not in known:
                    problems.append(Problem("unexpected", sha, str(ev.path_of(sha)),
                                            "a file in the evidence folder that no original names"))
            for stray in ev.strays():
                problems.append(Problem("unexpected", "", str(stray),
                                        "a file in the evidence folder not named by its hash"))
        rows = self._q(
            """SELECT prov_sha, min(prov_path), count(*) FROM posts
               WHERE prov_sha <> '' AND prov_sha NOT IN (SELECT sha256 FROM originals)
               GROUP BY prov_sha ORDER BY prov_sha""").fetchall()
        for sha, path, n in rows:
            problems.append(Problem("orphan", sha, path,
                                    f"{n} post(s) cite an original that the evidence store does not hold"))
        return problems

    # -- posts ---------------------------------------------------------------------------------

    def file_done(self, sha256: str, member: str = "") -> bool:
        row = self._q("SELECT 1 FROM files WHERE sha256 = ? AND member = ?", (sha256, member)).fetchone()
        return row is not None

    def add_posts(self, posts: Iterable[Post], *, file: FileInfo | Callable[[], FileInfo] | None = None,
                  case: str = "") -> AddResult:
        case = utf8_safe(file.case if isinstance(file, FileInfo) and file.case else case)
        added = duplicates = 0
        with self._tx() as cur:
            for batch in _batched(posts, BATCH):
                now = _now()
                rows = []
                accounts: dict[tuple[str, str], str] = {}
                for p in batch:
                    platform = _platform(utf8_safe(p.platform))
                    author = utf8_safe(p.author)
                    key = handle_key(author)
                    if key and (platform, key) not in accounts:
                        accounts[(platform, key)] = author
                    prov = p.provenance
                    date = utf8_safe(p.date)
                    rows.append((
                        utf8_safe(str(p.id)), platform, author, date, epoch_of(date), utf8_safe(p.lang),
                        utf8_safe(p.source), utf8_safe(p.text),
                        prov.sha256 if prov else "", utf8_safe(prov.path) if prov else "",
                        utf8_safe(prov.member) if prov else "", utf8_safe(prov.locator) if prov else "",
                        json.dumps([list(kv) for kv in p.meta], ensure_ascii=False) if p.meta else "[]",
                        case, now, platform, key,
                    ))
                if accounts:
                    cur.executemany(_INSERT_ACCOUNT, [(pl, k, d) for (pl, k), d in accounts.items()])
                cur.executemany(_INSERT_POST, rows)
                n = max(cur.rowcount, 0)
                added += n
                duplicates += len(rows) - n
            if callable(file):  # known only once the importer has read the whole file
                file = file()
            if file is not None:
                cur.execute(_INSERT_FILE, (file.sha256, utf8_safe(file.member), utf8_safe(file.path), file.format,
                                           case, added, duplicates, file.rejected, _now()))
        return AddResult(added, duplicates)

    def _objects(self, cur: sqlite3.Cursor) -> Iterator[dict[str, Any]]:
        while rows := cur.fetchmany(PAGE):
            for row in rows:
                yield _object(row)

    def get(self, post_id: str) -> dict[str, Any] | None:
        row = self._q(f"SELECT {_OBJ_COLS} FROM posts p LEFT JOIN results r ON r.post_pk = p.pk "
                      "WHERE p.id = ?", (str(post_id),)).fetchone()
        return _object(row) if row else None

    def _where(self, q: Query) -> tuple[str, list[str], list[Any], bool] | None:
        """FROM clause, WHERE conditions, parameters and whether FTS is used; None = no match."""
        conds: list[str] = []
        params: list[Any] = []
        fts = False
        source = "posts p LEFT JOIN results r ON r.post_pk = p.pk"
        if q.text is not None and q.text.strip():
            match = fts_match(q.text)
            if match is None:
                return None
            # CROSS JOIN: the full-text index always drives, other filters check its matches
            source = ("posts_fts CROSS JOIN posts p ON p.pk = posts_fts.rowid "
                      "LEFT JOIN results r ON r.post_pk = p.pk")
            conds.append("posts_fts MATCH ?")
            params.append(match)
            fts = True
        if q.category:
            conds.append("r.category = ?")
            params.append(q.category.strip().lower())
        facets = [(f, fold(v)) for f, v in (("products", q.product), ("places", q.place),
                                              ("departments", q.department)) if v]
        driver = None if fts or not facets else self._rarest(facets)
        for fieldname, key in facets:
            if (fieldname, key) == driver:  # few posts: start from them, then sort
                conds.append("p.pk IN (SELECT post_pk FROM facets WHERE field = ? AND key = ?)")
            else:  # many posts (or a text query): check each candidate post
                conds.append("EXISTS (SELECT 1 FROM facets WHERE field = ? AND key = ? AND post_pk = p.pk)")
            params += [fieldname, key]
        if q.platform:
            conds.append("p.platform = ?")
            params.append(_platform(q.platform))
        if q.account:
            platform, sep, handle = q.account.rpartition(":")
            if sep and platform.strip():
                conds.append("p.account_pk IN (SELECT pk FROM accounts WHERE platform = ? AND handle = ?)")
                params += [_platform(platform), handle_key(handle)]
            else:
                conds.append("p.account_pk IN (SELECT pk FROM accounts WHERE handle = ?)")
                params.append(handle_key(q.account))
        since = time_bound(q.since, upper=False, where="--since")
        if since is not None:
            conds.append("p.ts >= ?")
            params.append(since)
        until = time_bound(q.until, upper=True, where="--until")
        if until is not None:
            conds.append("p.ts < ?")
            params.append(until)
        if q.case:
            conds.append("p.case_name = ?")
            params.append(q.case)
        return source, conds, params, fts

    def _rarest(self, facets: list[tuple[str, str]]) -> tuple[str, str] | None:
        """The facet filter matching fewest posts if it matches fewer than FACET_DRIVE, else None
        (then scanning posts in date order and checking each is faster for a limited search)."""
        best: tuple[int, tuple[str, str]] | None = None
        for fk in facets:
            (n,) = self._q("SELECT count(*) FROM (SELECT 1 FROM facets WHERE field = ? AND key = ? LIMIT ?)",
                           (*fk, FACET_DRIVE)).fetchone()
            if n < FACET_DRIVE and (best is None or n < best[0]):
                best = (n, fk)
        return best[1] if best else None

    def count(self, query: Query | None = None) -> int:
        if query is None:
            return int(self._q("SELECT count(*) FROM posts").fetchone()[0])
        built = self._where(query)
        if built is None:
            return 0
        source, conds, params, _ = built
        where = " WHERE " + " AND ".join(conds) if conds else ""
        return int(self._q(f"SELECT count(*) FROM {source}{where}", params).fetchone()[0])

    def search(self, query: Query) -> Iterator[dict[str, Any]]:
        built = self._where(query)
        if built is None:
            return iter(())
        source, conds, params, fts = built
        where = " WHERE " + " AND ".join(conds) if conds else ""
        if query.order == "relevance" and fts:
            order = "posts_fts.rank, p.pk"
        elif query.order == "oldest":
            order = "p.ts, p.pk"
        elif query.order == "recent":  # the full-text index walks its rowids backwards and stops early
            order = "posts_fts.rowid DESC" if fts else "p.pk DESC"
        else:
            order = "p.ts DESC, p.pk DESC"
        limit = -1 if query.limit is None else query.limit
        sql = f"SELECT {_OBJ_COLS} FROM {source}{where} ORDER BY {order} LIMIT ? OFFSET ?"
        return self._objects(self._q(sql, [*params, limit, query.offset]))

    def export_posts(self) -> Iterator[dict[str, Any]]:
        last = 0
        while True:
            rows = self._q(
                f"SELECT {_OBJ_COLS} FROM posts p LEFT JOIN results r ON r.post_pk = p.pk "
                "WHERE p.pk > ? ORDER BY p.pk LIMIT ?", (last, PAGE)).fetchall()
            if not rows:
                return
            for row in rows:
                yield _object(row)
            last = rows[-1][0]

    # -- analysis ------------------------------------------------------------------------------

    def start_run(self, kind: str, versions: Mapping[str, Any], *, fingerprint: str | None = None) -> int:
        fp = fingerprint if fingerprint is not None else fingerprint_of(versions)
        with self._tx() as cur:
            cur.execute("INSERT INTO runs(kind, fingerprint, versions, started_at) VALUES (?, ?, ?, ?)",
                        (kind, fp, _json(dict(versions), sort_keys=True), _now()))
            run_id = cur.lastrowid
        assert run_id is not None
        return int(run_id)

    def finish_run(self, run_id: int, counts: Mapping[str, Any]) -> None:
        with self._tx() as cur:
            cur.execute("UPDATE runs SET finished_at = ?, counts = ? WHERE id = ?",
                        (_now(), _json(dict(counts)), run_id))
            if cur.rowcount == 0:
                raise StoreError(f"no analysis run {run_id}", where=self.path)

    def runs(self) -> list[dict[str, Any]]:
        out = []
        for rid, kind, fp, versions, started, finished, counts in self._q(
                "SELECT id, kind, fingerprint, versions, started_at, finished_at, counts "
                "FROM runs ORDER BY id"):
            out.append({"id": rid, "kind": kind, "fingerprint": fp, "versions": json.loads(versions),
                        "started_at": started, "finished_at": finished,
                        "counts": json.loads(counts) if counts else None})
        return out

    def save_results(self, run_id: int, records: Iterable[tuple[str, Mapping[str, Any]]]) -> tuple[int, int]:
        row = self._q("SELECT fingerprint FROM runs WHERE id = ?", (run_id,)).fetchone()
        if row is None:
            raise StoreError(f"no analysis run {run_id}; call start_run first", where=self.path)
        fp = row[0]
        saved = unknown = 0
        with self._tx() as cur:
            for batch in _batched(records, RESULT_BATCH):
                ids = list({str(pid) for pid, _ in batch})
                marks = ",".join("?" * len(ids))
                pks = dict(cur.execute(f"SELECT id, pk FROM posts WHERE id IN ({marks})", ids).fetchall())
                results, facets, idents, links, clear = [], [], set(), [], []
                for pid, rec in batch:
                    pk = pks.get(str(pid))
                    if pk is None:
                        unknown += 1
                        continue
                    saved += 1
                    clear.append((pk,))
                    results.append((pk, run_id, fp, str(rec.get("category", "other")),
                                    float(rec.get("score") or 0.0), rec.get("network"),
                                    _json(dict(rec))))
                    for fieldname in FACET_FIELDS:
                        for v in rec.get(fieldname) or ():
                            if isinstance(v, str | int) and fold(str(v)):
                                facets.append((fieldname, fold(str(v)), pk))
                    for ident in _identifiers(rec):
                        idents.add(ident)
                        links.append((*ident, pk))
                cur.executemany("DELETE FROM facets WHERE post_pk = ?", clear)
                cur.executemany("DELETE FROM post_identifiers WHERE post_pk = ?", clear)
                cur.executemany(_INSERT_RESULT, results)
                cur.executemany(_INSERT_FACET, facets)
                cur.executemany(_INSERT_IDENT, sorted(idents))
                cur.executemany(_LINK_IDENT, links)
        return saved, unknown

    def posts_needing_analysis(self, fingerprint: str | None = None) -> Iterator[Post]:
        last = 0
        stale = "r.post_pk IS NULL" if fingerprint is None else "(r.post_pk IS NULL OR r.fingerprint <> ?)"
        extra: tuple[Any, ...] = () if fingerprint is None else (fingerprint,)
        while True:
            rows = self._q(
                f"SELECT {_POST_COLS} FROM posts p LEFT JOIN results r ON r.post_pk = p.pk "
                f"WHERE p.pk > ? AND {stale} ORDER BY p.pk LIMIT ?", (last, *extra, PAGE)).fetchall()
            if not rows:
                return
            for row in rows:
                yield _post(row)
            last = rows[-1][0]

    # -- accounts and identifiers -------------------------------------------------------------

    def accounts(self) -> Iterator[dict[str, Any]]:
        cur = self._q("""SELECT a.platform, a.handle, a.display, count(p.pk) FROM accounts a
                         LEFT JOIN posts p ON p.account_pk = a.pk GROUP BY a.pk ORDER BY a.pk""")
        for platform, handle, display, n in cur:
            yield {"platform": platform, "handle": handle, "display": display, "posts": n}

    def identifier_links(self) -> Iterator[tuple[str, str, str, str]]:
        cur = self._q("""SELECT p.id, i.kind, i.platform, i.value FROM post_identifiers x
                         JOIN identifiers i ON i.pk = x.identifier_pk JOIN posts p ON p.pk = x.post_pk
                         ORDER BY i.pk, p.pk""")
        yield from cur

    # -- vendor networks -----------------------------------------------------------------------

    def posts_needing_network_ids(self) -> Iterator[tuple[Post, dict[str, Any]]]:
        last = 0
        while True:
            rows = self._q(
                f"""SELECT {_POST_COLS}, r.record FROM posts p JOIN results r ON r.post_pk = p.pk
                    LEFT JOIN network_post_ids n ON n.post_pk = p.pk
                    WHERE p.pk > ? AND (n.post_pk IS NULL OR n.run_id <> r.run_id)
                    ORDER BY p.pk LIMIT ?""", (last, PAGE)).fetchall()
            if not rows:
                return
            for row in rows:
                yield _post(row), json.loads(row[15])
            last = rows[-1][0]

    def save_network_ids(self, items: Iterable[tuple[str, Mapping[str, Any] | None]]) -> int:
        saved = 0
        with self._tx() as cur:
            for batch in _batched(items, BATCH):
                rows = [("" if ids is None else _json(dict(ids)), str(pid)) for pid, ids in batch]
                cur.executemany(_INSERT_NET_IDS, rows)
                saved += max(cur.rowcount, 0)
        return saved

    def network_ids(self) -> Iterator[tuple[str, dict[str, Any]]]:
        cur = self._q("""SELECT p.id, n.ids FROM network_post_ids n JOIN posts p ON p.pk = n.post_pk
                         WHERE n.ids <> '' ORDER BY n.post_pk""")
        loads = json.loads
        while rows := cur.fetchmany(PAGE * 10):
            for pid, ids in rows:
                yield pid, loads(ids)

    def network_memberships(self) -> Iterator[tuple[str, str]]:
        cur = self._q("""SELECT p.id, r.network FROM results r JOIN posts p ON p.pk = r.post_pk
                         WHERE r.network IS NOT NULL""")
        while rows := cur.fetchmany(PAGE * 10):
            yield from rows

    def save_networks(self, networks: Iterable[Mapping[str, Any]],
                      memberships: Iterable[tuple[str, str | None]], *, complete: bool = True) -> dict[str, int]:
        counts = {"added": 0, "changed": 0, "unchanged": 0, "removed": 0, "posts": 0}
        now = _now()
        with self._tx() as cur:
            stored = dict(cur.execute("SELECT id, digest FROM networks").fetchall())
            seen: set[str] = set()
            for rec in networks:
                nid = str(rec["id"])
                seen.add(nid)
                body = {k: v for k, v in rec.items() if k != "links"}
                links = list(rec.get("links") or ())
                blob = _json(body)
                digest = hashlib.sha256(_json([body, links], sort_keys=True).encode()).hexdigest()[:32]
                old = stored.get(nid)
                if old == digest:
                    counts["unchanged"] += 1
                    continue
                counts["added" if old is None else "changed"] += 1
                cur.execute("DELETE FROM network_links WHERE network_id = ?", (nid,))
                cur.execute(_UPSERT_NETWORK, (nid, int(rec.get("n_posts") or 0), int(rec.get("n_accounts") or 0),
                                              str(rec.get("first_seen") or ""), str(rec.get("last_seen") or ""),
                                              digest, blob, now, now))
                cur.executemany(_INSERT_NET_LINK, [
                    (nid, str(lk["type"]), str(lk["source"]), str(lk["target"]), float(lk.get("weight") or 0.0),
                     str(lk.get("explanation") or ""), _json(list(lk.get("posts") or ()))) for lk in links])
            if complete:
                gone = [(nid,) for nid in stored if nid not in seen]
                cur.executemany("DELETE FROM network_links WHERE network_id = ?", gone)
                cur.executemany("DELETE FROM networks WHERE id = ?", gone)
                counts["removed"] = len(gone)
            for batch in _batched(memberships, BATCH):
                cur.executemany(_SET_NETWORK, [(nid, nid, str(pid), nid) for pid, nid in batch])
                counts["posts"] += max(cur.rowcount, 0)
            if complete:
                cur.execute("""UPDATE results SET network = NULL, record = json_set(record, '$.network', NULL)
                               WHERE network IS NOT NULL AND network NOT IN (SELECT id FROM networks)""")
                counts["posts"] += max(cur.rowcount, 0)
        return counts

    def _with_links(self, nid: str, record: str) -> dict[str, Any]:
        rec: dict[str, Any] = json.loads(record)
        rec["links"] = [{"type": t, "source": s, "target": g, "weight": w, "posts": json.loads(ps), "explanation": e}
                        for t, s, g, w, e, ps in self._q(
                            "SELECT type, source, target, weight, explanation, posts FROM network_links "
                            "WHERE network_id = ? ORDER BY pk", (nid,))]
        return rec

    def networks(self) -> list[dict[str, Any]]:
        rows = self._q("SELECT id, record FROM networks ORDER BY id").fetchall()
        links: dict[str, list[dict[str, Any]]] = {nid: [] for nid, _ in rows}
        for nid, t, s, g, w, e, ps in self._q(
                "SELECT network_id, type, source, target, weight, explanation, posts FROM network_links ORDER BY pk"):
            links.setdefault(nid, []).append({"type": t, "source": s, "target": g, "weight": w,
                                              "posts": json.loads(ps), "explanation": e})
        out = []
        for nid, record in rows:
            rec = json.loads(record)
            rec["links"] = links[nid]
            out.append(rec)
        return out

    def network(self, network_id: str) -> dict[str, Any] | None:
        row = self._q("SELECT id, record FROM networks WHERE id = ?", (str(network_id),)).fetchone()
        return None if row is None else self._with_links(row[0], row[1])

    # -- lifecycle ----------------------------------------------------------------------------

    def stats(self) -> dict[str, int]:
        out = {}
        for name, sql in (("posts", "SELECT count(*) FROM posts"),
                          ("originals", "SELECT count(*) FROM originals"),
                          ("files", "SELECT count(*) FROM files"),
                          ("analysed", "SELECT count(*) FROM results"),
                          ("runs", "SELECT count(*) FROM runs"),
                          ("accounts", "SELECT count(*) FROM accounts"),
                          ("identifiers", "SELECT count(*) FROM identifiers")):
            out[name] = int(self._q(sql).fetchone()[0])
        return out

    def schema_version(self) -> int:
        return migrations.current_version(self.conn)

    def close(self) -> None:
        if self._closed:
            return
        with contextlib.suppress(sqlite3.Error):
            if self._wrote:  # keep the planner's statistics current (bounded cost)
                self.conn.execute("PRAGMA analysis_limit = 1000")
                self.conn.execute("ANALYZE")
            self.conn.execute("PRAGMA optimize")
        self.conn.close()
        self._closed = True


def _identifiers(rec: Mapping[str, Any]) -> Iterator[tuple[str, str, str]]:
    for phone in rec.get("phones") or ():
        if isinstance(phone, str) and phone:
            yield ("phone", "", phone)
    for h in rec.get("handles") or ():
        if isinstance(h, Mapping) and isinstance(h.get("handle"), str) and handle_key(h["handle"]):
            yield ("handle", _platform(str(h.get("platform") or "other")), handle_key(h["handle"]))
    for link in rec.get("links") or ():  # not in the contract yet; indexed when an analyser adds it
        if isinstance(link, str) and link:
            yield ("link", "", link)


def _post(row: tuple[Any, ...]) -> Post:
    (_pk, pid, platform, author, date, _ts, lang, source, text, sha, ppath, member, locator, meta,
     _case) = row[:15]
    return Post(id=pid, text=text, platform=platform, author=author, date=date, lang=lang, source=source,
                provenance=Provenance(sha, ppath, member, locator) if sha else None,
                meta=tuple((str(k), str(v)) for k, v in json.loads(meta)))


def _object(row: tuple[Any, ...]) -> dict[str, Any]:
    (_pk, pid, platform, author, date, ts, lang, source, text, sha, ppath, member, locator, meta, case,
     run_id, record) = row
    obj: dict[str, Any] = {
        "id": pid, "platform": platform, "author": author, "date": date, "date_utc": utc_iso(ts),
        "lang": lang, "text": text, "source": source, "case": case,
        "provenance": {"sha256": sha, "path": ppath, "member": member, "locator": locator} if sha else None,
        "meta": _meta_obj(meta), "run_id": run_id,
    }
    rec = json.loads(record) if record else {}
    for name in ANALYSIS_FIELDS:
        obj[name] = rec.get(name)
    for name, value in rec.items():  # fields added to the contract later are kept too
        if name not in obj:
            obj[name] = value
    return obj
