"""Persisted vendor networks in the store: records, links, memberships and per-post identifiers."""

from __future__ import annotations

from typing import Any

import pytest

from sentinelle.core import Post, empty_record
from sentinelle.store import Query, Store

from .conftest import RECORDS, record


def net(nid: str, posts: list[str], links: list[dict[str, Any]] | None = None, n_accounts: int = 1) -> dict[str, Any]:
    return {"id": nid, "n_posts": len(posts), "n_accounts": n_accounts, "first_seen": "2024-03-01T09:00:00",
            "last_seen": "2024-03-15T22:30:00", "accounts": [{"account": "telegram:pluglyon", "platform": "telegram",
                                                              "handle": "pluglyon", "posts": posts,
                                                              "first_seen": "", "last_seen": ""}],
            "identifiers": {"phones": ["+33612345678"], "handles": [], "crypto": []}, "places": ["Lyon"],
            "products": ["cocaine"], "posts": posts, "links": links or [], "blocked": []}


LINK = {"type": "advertises_phone", "source": "telegram:pluglyon", "target": "phone:+33612345678", "weight": 1.0,
        "posts": ["t1", "t2"], "explanation": "t1, t2 (telegram pluglyon) gives phone +33612345678."}


def test_schema_has_the_networks_migration(store: Store) -> None:
    assert store.schema_version() >= 4  # type: ignore[attr-defined]
    assert store.networks() == [] and store.network("N-x") is None


def test_round_trip_of_records_links_and_memberships(filled: Store) -> None:
    counts = filled.save_networks([net("N-a", ["t1", "t2"], [LINK])], [("t1", "N-a"), ("t2", "N-a")])
    assert counts == {"added": 1, "changed": 0, "unchanged": 0, "removed": 0, "posts": 2}
    got = filled.network("N-a")
    assert got == net("N-a", ["t1", "t2"], [LINK])
    assert filled.networks() == [got]
    # the post's stored analysis carries its network: get, search and export agree
    obj = filled.get("t1")
    assert obj is not None and obj["network"] == "N-a"
    assert {o["id"]: o["network"] for o in filled.search(Query(category="sale"))} == {
        "t1": "N-a", "t2": "N-a", "s1": None}
    assert {o["id"]: o["network"] for o in filled.export_posts()}["t2"] == "N-a"
    assert dict(filled.network_memberships()) == {"t1": "N-a", "t2": "N-a"}


def test_unchanged_networks_are_not_rewritten_and_vanished_ones_are_removed(filled: Store) -> None:
    filled.save_networks([net("N-a", ["t1", "t2"], [LINK]), net("N-b", ["s1", "s2"])],
                         [("t1", "N-a"), ("t2", "N-a"), ("s1", "N-b"), ("s2", "N-b")])
    again = filled.save_networks([net("N-a", ["t1", "t2"], [LINK]), net("N-b", ["s1", "s2"])],
                                 [("t1", "N-a"), ("t2", "N-a")])
    assert again == {"added": 0, "changed": 0, "unchanged": 2, "removed": 0, "posts": 0}
    changed = filled.save_networks([net("N-a", ["t1", "t2"], [LINK, {**LINK, "type": "same_menu"}])], [])
    assert changed["changed"] == 1 and changed["removed"] == 1
    assert [n["id"] for n in filled.networks()] == ["N-a"]
    assert [lk["type"] for lk in filled.networks()[0]["links"]] == ["advertises_phone", "same_menu"]
    # posts of the removed network lost it, in the column and in the record
    assert dict(filled.network_memberships()) == {"t1": "N-a", "t2": "N-a"}
    obj = filled.get("s2")
    assert obj is not None and obj["network"] is None


def test_incremental_save_keeps_other_networks(filled: Store) -> None:
    filled.save_networks([net("N-a", ["t1", "t2"])], [("t1", "N-a"), ("t2", "N-a")])
    filled.save_networks([net("N-b", ["s1", "s2"])], [("s1", "N-b"), ("s2", "N-b")], complete=False)
    assert [n["id"] for n in filled.networks()] == ["N-a", "N-b"]
    filled.save_networks([], [("t2", None)], complete=False)
    assert dict(filled.network_memberships()) == {"t1": "N-a", "s1": "N-b", "s2": "N-b"}


def test_network_ids_round_trip_and_go_stale_with_a_new_analysis(filled: Store) -> None:
    pending = list(filled.posts_needing_network_ids())
    assert sorted(p.id for p, _ in pending) == sorted(RECORDS)
    post, rec = next((p, r) for p, r in pending if p.id == "t1")
    assert isinstance(post, Post) and "Cocaïne" in post.text and rec["phones"] == ["+33612345678"]
    ids = {"a": "telegram:pluglyon", "i": 1, "p": ["+33612345678"], "m": [2**63 + 5, 7]}
    n = filled.save_network_ids([("t1", ids), ("i1", None), ("nope", None)] +
                                [(i, None) for i in RECORDS if i not in ("t1", "i1")])
    assert n == len(RECORDS)  # the unknown id is skipped
    assert list(filled.network_ids()) == [("t1", ids)]  # posts with nothing to link are not listed
    assert list(filled.posts_needing_network_ids()) == []
    run = filled.start_run("analyse", {"lexicons": "v2"})
    filled.save_results(run, [("t1", record("t1"))])
    assert [p.id for p, _ in filled.posts_needing_network_ids()] == ["t1"]


@pytest.mark.parametrize("network", ["N-a", None])
def test_a_new_analysis_result_then_a_membership_update(filled: Store, network: str | None) -> None:
    filled.save_networks([net("N-a", ["t1", "t2"])], [("t1", "N-a"), ("t2", "N-a")])
    run = filled.start_run("analyse", {"lexicons": "v2"})
    filled.save_results(run, [("t1", {**empty_record("t1"), **RECORDS["t1"]})])
    assert filled.get("t1")["network"] is None  # type: ignore[index]
    filled.save_networks([net("N-a", ["t1", "t2"])], [("t1", network)])
    assert filled.get("t1")["network"] == network  # type: ignore[index]
