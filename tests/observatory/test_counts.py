"""Volumes and the most active networks and departments come from counts kept by triggers
(migration 8): they must equal what the posts themselves say, for any period and after posts
are re-analysed."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, datetime
from typing import Any

import pytest

from sentinelle.corpus.generator import generate
from sentinelle.observatory.gold import record_from_gold
from sentinelle.store import Store

from .conftest import load_gold


def _ts(day: str | None) -> float | None:
    return None if day is None else datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp()


def _volume(posts: list[dict[str, Any]], by: str, since: float | None, until: float | None,
            department: str | None) -> list[tuple[str, str, int]]:
    c = Counter((p[by], p["category"]) for p in posts if p["ts"] is not None
                and (since is None or p["ts"] >= since) and (until is None or p["ts"] < until)
                and (not department or p["department"] == department))
    return sorted((k, cat, n) for (k, cat), n in c.items())


def _top(posts: list[dict[str, Any]], field: str, since: float | None, until: float | None,
         limit: int) -> list[tuple[Any, ...]]:
    per: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in posts:
        if (p[field] and p["category"] != "other" and p["ts"] is not None and (since is None or p["ts"] >= since)
                and (until is None or p["ts"] < until)):
            per[p[field]].append(p)
    rows = [(k, len(ps), sum(p["category"] == "sale" for p in ps), sum(p["category"] == "recruitment" for p in ps),
             min(p["ts"] for p in ps), max(p["ts"] for p in ps), len({p["account"] for p in ps if p["account"]}))
            for k, ps in per.items()]
    return sorted(rows, key=lambda r: (-r[1], r[0]))[:limit]


RANGES = [(None, None), ("2025-03-01", "2025-09-30"), ("2025-02-03", "2025-03-03"), ("2025-05-14", "2025-05-16"),
          (None, "2025-06-18"), ("2025-07-09", None)]


def _check(store: Store) -> None:
    posts = list(store.obs_post_rows())
    for a, b in RANGES:
        since, until = _ts(a), _ts(b)
        for by in ("week", "month"):
            for dep in (None, "13", "69"):
                assert store.obs_volume(by, since=since, until=until, department=dep) == \
                    _volume(posts, by, since, until, dep), (by, a, b, dep)
        for field in ("network", "department"):
            got = [(r[field], r["posts"], r["sale"], r["recruitment"], r["first_ts"], r["last_ts"], r["accounts"])
                   for r in store.obs_top(field, since=since, until=until, limit=8)]
            assert got == _top(posts, field, since, until, 8), (field, a, b)


@pytest.fixture()
def loaded(store: Store) -> tuple[Store, list[dict[str, Any]]]:
    gold = list(generate(2500, seed=3))
    load_gold(store, gold)
    return store, gold


def test_counts_equal_the_posts_for_any_period(loaded: tuple[Store, list[dict[str, Any]]]) -> None:
    _check(loaded[0])


def test_counts_follow_reanalysis(loaded: tuple[Store, list[dict[str, Any]]]) -> None:
    store, gold = loaded
    run = store.start_run("reanalyse", {"lexicons": "v2"})
    changed = []
    for i, d in enumerate(gold[:800]):
        rec = record_from_gold(d)
        if i % 3 == 0:  # another verdict, another network, another department
            rec["category"] = "other" if rec["category"] == "sale" else "sale"
            rec["network"] = "N9999" if i % 2 else None
            rec["departments"] = ["13"]
        changed.append((d["id"], rec))
    store.save_results(run, changed)
    _check(store)
