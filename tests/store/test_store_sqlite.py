"""Posts, results, runs, export, accounts, identifiers and schema migrations of the SQLite store."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from sentinelle.core import Post, Provenance
from sentinelle.errors import ConfigError
from sentinelle.store import (
    ANALYSIS_FIELDS,
    EXPORT_FIELDS,
    FileInfo,
    Query,
    Store,
    StoreError,
    migrations,
    open_store,
)
from sentinelle.store.sqlite import SQLiteStore

from .conftest import POSTS, SHA, make_posts, record


def test_pragmas_and_schema(store: Store) -> None:
    assert isinstance(store, SQLiteStore)
    conn = store.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.schema_version() == migrations.LATEST
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'posts_fts'").fetchone()[0]
    assert "remove_diacritics 2" in sql


def test_duplicates_by_provenance_and_by_id(store: Store) -> None:
    posts = make_posts()
    assert store.add_posts(posts) == (len(posts), 0)
    assert store.add_posts(posts) == (0, len(posts))
    # same provenance under another id: the same message read again -> duplicate
    moved = Post(id="other-id", text="x", provenance=Provenance(SHA, "renamed.json", "", "0"))
    # same id, no provenance -> duplicate
    same_id = Post(id="t1", text="different text")
    # same file, another locator -> a new post
    new = Post(id="t9", text="nouveau", provenance=Provenance(SHA, "export.json", "", "99"))
    # same locator in another archive member -> a new post
    member = Post(id="t10", text="membre", provenance=Provenance(SHA, "export.json", "b/chat.json", "0"))
    assert store.add_posts([moved, same_id, new, member, new]) == (2, 3)
    assert store.count() == len(posts) + 2
    assert store.get("t1")["text"] == POSTS[0][4]  # type: ignore[index]


def test_file_done_is_written_with_the_posts(store: Store) -> None:
    assert not store.file_done(SHA)
    store.add_posts(make_posts(), file=FileInfo(SHA, "export.json", format="telegram", rejected=2))
    assert store.file_done(SHA)
    assert not store.file_done(SHA, "member.json")
    assert store.stats()["files"] == 1


def test_a_failing_file_leaves_nothing(store: Store) -> None:
    def posts():
        yield from make_posts()
        raise RuntimeError("importer crashed")

    with pytest.raises(RuntimeError):
        store.add_posts(posts(), file=FileInfo(SHA, "export.json"))
    assert store.count() == 0
    assert not store.file_done(SHA)


def test_many_posts_in_batches(store: Store) -> None:
    posts = (Post(id=str(i), text=f"message {i} cocaïne", provenance=Provenance(SHA, "f", "", str(i)))
             for i in range(5003))
    assert store.add_posts(posts, file=FileInfo(SHA, "f")) == (5003, 0)
    assert store.count(Query(text="cocaine")) == 5003


def test_export_round_trip(filled: Store) -> None:
    objs = {o["id"]: o for o in filled.export_posts()}
    assert list(objs) == [p[0] for p in POSTS]  # insertion order
    for o in objs.values():
        assert tuple(o) == EXPORT_FIELDS
    t1 = objs["t1"]
    assert t1["platform"] == "telegram" and t1["author"] == "@PlugLyon"
    assert t1["date"] == "2024-03-01T10:00:00+01:00" and t1["date_utc"] == "2024-03-01T09:00:00+00:00"
    assert t1["text"] == POSTS[0][4]
    assert t1["provenance"] == {"sha256": t1["provenance"]["sha256"], "path": "export.json", "member": "",
                                "locator": "0"}
    assert t1["meta"] == {"chat": "Plug"} and t1["case"] == "op-lyon" and t1["run_id"] == 1
    for name in ANALYSIS_FIELDS:
        assert t1[name] == record("t1")[name], name
    assert objs["t2"]["prices"] == [{"product": "cocaine", "quantity": 1, "unit": "g", "price": 60,
                                    "currency": "EUR"}]
    assert objs["x1"]["date"] == "" and objs["x1"]["date_utc"] is None
    json.dumps(list(objs.values()))  # serialisable as is
    # search returns the same objects
    assert next(iter(filled.search(Query(text="villeurbanne")))) == objs["t2"]
    assert filled.get("t2") == objs["t2"] and filled.get("nope") is None


def test_unanalysed_post_has_null_analysis(store: Store) -> None:
    store.add_posts(make_posts())
    o = store.get("t1")
    assert o is not None and o["run_id"] is None
    assert all(o[name] is None for name in ANALYSIS_FIELDS)


def test_runs_and_reanalysis(filled: Store) -> None:
    (run,) = filled.runs()
    assert run["versions"] == {"lexicons": "v1", "model": "m1"} and run["finished_at"] is None
    filled.finish_run(run["id"], {"analysed": 6})
    assert filled.runs()[0]["counts"] == {"analysed": 6}
    fp = run["fingerprint"]
    assert list(filled.posts_needing_analysis(fp)) == []
    filled.add_posts([Post(id="new", text="nouveau post")])
    assert [p.id for p in filled.posts_needing_analysis(fp)] == ["new"]
    assert [p.id for p in filled.posts_needing_analysis()] == ["new"]
    # a lexicon change: every post needs analysis again, and saving while iterating is safe
    run2 = filled.start_run("reanalyse", {"lexicons": "v2", "model": "m1"})
    fp2 = filled.runs()[-1]["fingerprint"]
    assert fp2 != fp
    seen = []
    for post in filled.posts_needing_analysis(fp2):
        seen.append(post.id)
        filled.save_results(run2, [(post.id, {**record("i1"), "id": post.id})])
    assert len(seen) == 7
    assert list(filled.posts_needing_analysis(fp2)) == []
    assert filled.count(Query(category="sale")) == 0  # old facets and categories replaced
    assert filled.count(Query(product="cocaine")) == 0


def test_posts_come_back_whole(store: Store) -> None:
    posts = make_posts()
    store.add_posts(posts)
    assert list(store.posts_needing_analysis()) == [
        Post(id=p.id, text=p.text, platform=p.platform.lower(), author=p.author, date=p.date, lang=p.lang,
             source=p.source, provenance=p.provenance, meta=p.meta) for p in posts]


def test_save_results_unknown_ids_and_unknown_run(filled: Store) -> None:
    run = filled.start_run("analyse", {})
    assert filled.save_results(run, [("t1", record("t1")), ("ghost", record("t1"))]) == (1, 1)
    with pytest.raises(StoreError, match="no analysis run"):
        filled.save_results(999, [])


def test_accounts_and_identifiers(filled: Store) -> None:
    accounts = {(a["platform"], a["handle"]): a for a in filled.accounts()}
    assert accounts[("telegram", "pluglyon")]["posts"] == 2  # "@PlugLyon" and "pluglyon"
    assert accounts[("telegram", "pluglyon")]["display"] == "@PlugLyon"
    assert accounts[("snapchat", "weed.paris")]["posts"] == 2
    links = set(filled.identifier_links())
    assert ("t1", "phone", "", "+33612345678") in links and ("t2", "phone", "", "+33612345678") in links
    assert ("t1", "handle", "snapchat", "pluglyon") in links
    assert filled.stats()["identifiers"] == 2


def test_lone_surrogates_are_stored(store: Store) -> None:
    store.add_posts([Post(id="bad\ud800", text="coca\udcffïne", author="\ud83d")])
    (o,) = store.export_posts()
    assert o["text"] == "coca\ufffdïne" and o["id"] == "bad\ufffd"


def test_migrating_an_old_database(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.create_function("handle_key", 1, lambda s: s.lstrip("@").lower())
    migrations.apply(conn, target=2)  # a database written by an older Sentinelle
    conn.execute("INSERT INTO posts(id, platform, author, text, added_at) VALUES "
                 "('o1', 'telegram', '@Old', 'vieille cocaïne', 'x'), ('o2', 'telegram', '', 'rien', 'x')")
    conn.execute("INSERT INTO runs(kind, fingerprint, versions, started_at) "
                 "VALUES ('analyse', 'f', '{}', 'x')")
    rec = {"phones": ["+33611111111"], "handles": [{"platform": "telegram", "handle": "@X"}]}
    conn.execute("INSERT INTO results VALUES (1, 1, 'f', 'sale', 0.9, NULL, ?)", (json.dumps(rec),))
    conn.close()
    with open_store(db) as s:
        assert isinstance(s, SQLiteStore) and s.schema_version() == migrations.LATEST
        assert [a["handle"] for a in s.accounts()] == ["old"]
        assert set(s.identifier_links()) == {("o1", "phone", "", "+33611111111"),
                                             ("o1", "handle", "telegram", "x")}
        assert [o["id"] for o in s.search(Query(text="cocaine", account="old"))] == ["o1"]
        s.add_posts([Post(id="n1", text="new", author="@Old", platform="telegram")])
        assert next(s.accounts())["posts"] == 2
    rows = sqlite3.connect(db).execute("SELECT version FROM schema_version ORDER BY version")
    versions = [v for (v,) in rows]
    assert versions == [m.version for m in migrations.MIGRATIONS]


def test_a_failed_migration_rolls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "m.db"
    conn = sqlite3.connect(db, isolation_level=None)
    migrations.apply(conn, target=1)
    broken = migrations.Migration(2, "broken", ("CREATE TABLE half (x)", "THIS IS NOT SQL"))
    monkeypatch.setattr(migrations, "MIGRATIONS", (migrations.MIGRATIONS[0], broken))
    monkeypatch.setattr(migrations, "LATEST", 2)
    with pytest.raises(migrations.MigrationError, match="migration 2"):
        migrations.apply(conn)
    assert migrations.current_version(conn) == 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half'").fetchone()[0] == 0


def test_newer_database_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    open_store(db).close()
    sqlite3.connect(db, isolation_level=None).execute(
        "INSERT INTO schema_version VALUES (999, 'future', 'x')")
    with pytest.raises(StoreError, match="newer than this Sentinelle"):
        open_store(db)


@pytest.mark.parametrize("url", ["sqlite:///{p}", "{p}", "sqlite:///{p}"])
def test_open_store_urls(tmp_path: Path, url: str) -> None:
    path = tmp_path / "u.db"
    with open_store(url.format(p=path)) as s:
        s.add_posts([Post(id="1", text="x")])
    assert path.is_file()


def test_open_store_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="PostgreSQL"):
        open_store("postgresql://localhost/sentinelle")
    with pytest.raises(ConfigError):
        open_store("mysql://x")
    with pytest.raises(StoreError, match="no such database"):
        open_store(tmp_path / "absent.db", create=False)
    with open_store(":memory:") as mem, pytest.raises(StoreError, match="evidence_dir"):
        mem.add_original_bytes(b"x", name="x")
    s = open_store(":memory:")
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.count()
