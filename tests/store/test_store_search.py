"""Search filters, full-text folding and hostile query text."""

from __future__ import annotations

import pytest

from sentinelle.errors import InputError
from sentinelle.store import Query, Store
from sentinelle.store.query import fold, fts_match, fts_terms, handle_key, time_bound


def ids(store: Store, q: Query) -> set[str]:
    return {o["id"] for o in store.search(q)}


@pytest.mark.parametrize("query, expected", [
    (Query(), {"t1", "t2", "s1", "s2", "i1", "x1"}),
    (Query(text="cocaine"), {"t1", "t2", "x1"}),           # accents ignored
    (Query(text="COCAÏNE"), {"t1", "t2", "x1"}),           # case and accents on the query side
    (Query(text="cocaine livraison"), {"t1"}),             # every word required
    (Query(text='"cocaine pure"'), {"t1"}),                # phrase
    (Query(text='"pure cocaine"'), set()),                 # phrase order matters
    (Query(text="charbon*"), {"s2"}),                      # prefix
    (Query(text="saint etienne"), {"s2"}),
    (Query(text="7j/7"), {"t1"}),
    (Query(category="sale"), {"t1", "t2", "s1"}),
    (Query(category="recruitment"), {"s2"}),
    (Query(product="cocaine"), {"t1", "t2"}),
    (Query(product="cannabis_herb"), {"s1"}),
    (Query(place="lyon"), {"t1"}),
    (Query(place="saint etienne"), {"s2"}),                # folded place names
    (Query(place="SAINT-ÉTIENNE"), {"s2"}),
    (Query(department="69"), {"t1", "t2"}),
    (Query(platform="snapchat"), {"s1", "s2"}),            # platform stored lower case
    (Query(platform="Telegram"), {"t1", "t2"}),
    (Query(account="pluglyon"), {"t1", "t2"}),             # @ and case ignored
    (Query(account="@PlugLyon"), {"t1", "t2"}),
    (Query(account="telegram:pluglyon"), {"t1", "t2"}),
    (Query(account="snapchat:pluglyon"), set()),
    (Query(since="2024-04-01"), {"s1", "s2", "i1"}),       # undated posts never match a date range
    (Query(until="2024-03-15"), {"t1", "t2"}),             # a bare date includes that day
    (Query(since="2024-04-02T08:00:00+00:00", until="2024-04-02T08:00:00Z"), {"s1"}),
    (Query(until="2024-04-02T10:00:00+02:00"), {"t1", "t2", "s1"}),  # offsets honoured
    (Query(until="2024-04-02T09:59:59+02:00"), {"t1", "t2"}),
    (Query(since="2024-04-03T12:00:00"), {"s2", "i1"}),   # naive means UTC
    (Query(case="op-lyon"), {"t1", "t2", "s1", "s2", "i1", "x1"}),
    (Query(case="other-case"), set()),
    (Query(text="cocaine", category="sale", place="villeurbanne"), {"t2"}),
    (Query(text="cocaine", category="other"), {"x1"}),
    (Query(product="cocaine", platform="snapchat"), set()),
    (Query(department="69", since="2024-03-10"), {"t2"}),
])
def test_filters(filled: Store, query: Query, expected: set[str]) -> None:
    assert ids(filled, query) == expected
    assert filled.count(query) == len(expected)


@pytest.mark.parametrize("text", [
    "'; DROP TABLE posts; --", '"unbalanced', "NEAR(", "*", "cocaine OR 1=1", "text:cocaine",
    "cocaine AND", "( ) ^ - + :", "\x00", "🍁🍁", "'", '""', "NOT", "a\"b\"c", "-cocaine", "\\", "%_",
])
def test_hostile_text_is_only_words(filled: Store, text: str) -> None:
    res = list(filled.search(Query(text=text)))
    assert filled.count(Query(text=text)) == len(res)
    assert filled.count() == 6  # the posts table is intact
    if text == "cocaine OR 1=1":  # OR is a plain word here: no post has all of cocaine, or, 1
        assert res == []


def test_text_without_words_matches_nothing(filled: Store) -> None:
    assert list(filled.search(Query(text="*"))) == []
    assert list(filled.search(Query(text="   "))) != []  # blank text is no filter at all


@pytest.mark.parametrize("text, terms", [
    ("cocaine", ['"cocaine"']),
    ("Cocaïne  pure", ['"Cocaïne"', '"pure"']),
    ('"rendez vous" demain', ['"rendez vous"', '"demain"']),
    ("qualit*", ['"qualit"*']),
    ("06.12.34.56", ['"06 12 34 56"']),
    ("'; DROP TABLE posts; --", ['"DROP"', '"TABLE"', '"posts"']),
    ('"unbalanced', ['"unbalanced"']),
    ("NEAR(a b)", ['"NEAR a"', '"b"']),
    ("snap_user", ['"snap user"']),
    ("* ( ) --", []),
])
def test_fts_terms(text: str, terms: list[str]) -> None:
    assert fts_terms(text) == terms
    assert (fts_match(text) is None) == (terms == [])


@pytest.mark.parametrize("value, key", [
    ("Saint-Étienne", "saint etienne"), ("  L'Haÿ-les-Roses ", "l hay les roses"), ("2A", "2a"),
    ("cannabis_herb", "cannabis herb"),
])
def test_fold(value: str, key: str) -> None:
    assert fold(value) == key


def test_handle_key() -> None:
    assert handle_key(" @PlugLyon ") == "pluglyon"


def test_time_bounds() -> None:
    assert time_bound("2024-03-01", upper=False) == 1709251200.0
    assert time_bound("2024-03-01", upper=True) == 1709251200.0 + 86400
    assert time_bound(None, upper=True) is None
    with pytest.raises(InputError, match="ISO 8601"):
        time_bound("yesterday", upper=False, where="--since")


@pytest.mark.parametrize("kw", [{"order": "random"}, {"limit": -1}, {"offset": -3}])
def test_bad_query(kw: dict[str, object]) -> None:
    with pytest.raises(InputError):
        Query(**kw)  # type: ignore[arg-type]


def test_orders_and_paging(filled: Store) -> None:
    newest = [o["id"] for o in filled.search(Query(order="newest", limit=None))]
    assert newest == ["i1", "s2", "s1", "t2", "t1", "x1"]  # undated last
    oldest = [o["id"] for o in filled.search(Query(order="oldest", limit=None))]
    assert oldest[1:] == ["t1", "t2", "s1", "s2", "i1"]
    page = [o["id"] for o in filled.search(Query(order="newest", limit=2, offset=1))]
    assert page == ["s2", "s1"]
    ranked = [o["id"] for o in filled.search(Query(text="cocaine", limit=None))]
    assert sorted(ranked) == ["t1", "t2", "x1"]


def test_rare_and_common_facets_same_answer(filled: Store) -> None:
    """A rare facet drives the search, a common one is checked per post: same results."""
    import sentinelle.store.sqlite as backend
    before = ids(filled, Query(product="cocaine", department="69"))
    old = backend.FACET_DRIVE
    backend.FACET_DRIVE = 1  # every facet counts as common
    try:
        assert ids(filled, Query(product="cocaine", department="69")) == before == {"t1", "t2"}
    finally:
        backend.FACET_DRIVE = old


def test_recent_order_lists_the_most_recently_collected_first(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sentinelle.core import Post
    from sentinelle.store import open_store
    from sentinelle.store.query import Query

    with open_store(tmp_path / "r.db") as store:
        store.add_posts([Post(id=f"p{i}", text=f"livraison rapide {i}", date=f"2025-01-{i + 1:02}T10:00:00+00:00")
                         for i in range(5)])
        store.add_posts([Post(id="old", text="livraison du passé", date="2020-01-01T10:00:00+00:00")])
        got = [o["id"] for o in store.search(Query(text="livraison", order="recent", limit=3))]
        assert got == ["old", "p4", "p3"]  # collected last comes first, whatever its date
        assert [o["id"] for o in store.search(Query(order="recent", limit=2))] == ["old", "p4"]
