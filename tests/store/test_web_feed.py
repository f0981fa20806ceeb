"""The web feed's query plans (facet-driven, full-text-driven, plain scan) give exactly the posts of a
search, newest collected first, page after page."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import Any

import pytest

from sentinelle.corpus.generator import generate
from sentinelle.observatory.gold import post_from_gold, record_from_gold
from sentinelle.store import Query, Store, open_store, web_sql


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("feed") / "feed.db"
    s = open_store(path)
    it = generate(1200, seed=5)
    run = s.start_run("test", {})
    while batch := list(islice(it, 400)):
        s.add_posts(post_from_gold(d) for d in batch)
        s.save_results(run, ((d["id"], record_from_gold(d)) for d in batch))
    s.finish_run(run, {})
    yield s
    s.close()


def pages(store: Store, q: Query, size: int) -> list[str]:
    out: list[str] = []
    before = None
    while True:
        rows = store.web_feed(q, before=before, limit=size)
        out += [str(obj["id"]) for _, obj in rows]
        cursors = [c for c, _ in rows]
        assert cursors == sorted(cursors, reverse=True) and (before is None or all(c < before for c in cursors))
        if len(rows) < size:
            return out
        before = cursors[-1]


def top(store: Store, field: str, k: int) -> str:
    return store.web_top(field, limit=k + 1)[k][0]


QUERIES: list[dict[str, Any]] = [  # facets by rank of frequency; the first MUST_MATCH must match something
    {},
    {"text": "livraison"},
    {"text": "liv*", "category": "sale"},
    {"product": 0},
    {"place": 3, "category": "sale"},
    {"department": 0},
    {"text": "livraison", "place": 0},
    # from here on a query may match nothing in the generated fixture (which text meets which
    # facet depends on the generator's draws); the plans must still agree
    {"text": "liv*", "department": 0},
    {"department": 0, "since": "2025-03-01", "until": "2025-08-01"},
    {"text": "dispo", "product": 1, "place": 0},
    {"text": "liv*", "place": 1, "platform": "telegram"},
    {"product": 0, "place": 1, "department": 0, "until": "2025-06-01"},
    {"text": "zzzunknownword", "department": 0},
]
MUST_MATCH = 7


@pytest.mark.parametrize("row_checks", [0, 10**9], ids=["fts-as-set", "fts-post-by-post"])
@pytest.mark.parametrize("spec", QUERIES, ids=lambda s: ",".join(sorted(s)) or "all")
def test_every_plan_gives_the_search_results_newest_first(store: Store, spec: dict[str, Any], row_checks: int,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web_sql, "ROW_FTS_CHECKS", row_checks)
    facet = {"product": "products", "place": "places", "department": "departments"}
    args = {k: top(store, facet[k], v) if k in facet else v for k, v in spec.items()}
    q = Query(**args)
    expected = {str(p["id"]) for p in store.search(Query(**args, limit=None))}
    got = pages(store, q, 7)
    assert len(got) == len(set(got))  # no post twice across pages
    assert set(got) == expected
    if QUERIES.index(spec) < MUST_MATCH:
        assert expected, f"the fixture should match something for {args}"
