from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sentinelle.core import Post
from sentinelle.observatory import load_references, price_table
from sentinelle.observatory.prices import REFERENCE_FILE
from sentinelle.store import Store, open_store


def _rec(prices: list[dict[str, Any]], **kw: Any) -> dict[str, Any]:
    return {"category": "sale", "score": 0.9, "products": sorted({p["product"] for p in prices}), "prices": prices,
            "places": kw.get("places", []), "departments": kw.get("departments", []),
            "promotion": kw.get("promotion", False), "network": kw.get("network")}


def _p(product: str, q: float, unit: str, price: float, cur: str = "EUR") -> dict[str, Any]:
    return {"product": product, "quantity": q, "unit": unit, "price": price, "currency": cur}


def _save(store: Store, items: list[tuple[str, str, dict[str, Any]]]) -> None:
    store.add_posts(Post(id=i, text="x", platform="telegram", author="plug", date=d) for i, d, _ in items)
    run = store.start_run("t", {})
    store.save_results(run, ((i, r) for i, _, r in items))


def test_price_points_are_normalised_when_results_are_saved(store: Store) -> None:
    _save(store, [
        ("a", "2025-03-05T20:00:00+01:00", _rec([_p("cannabis_resin", 1, "kg", 3000), _p("cocaine", 2, "g", 140),
                                                _p("mdma", 10, "pill", 80, "GBP")], places=["Lyon"],
                                               departments=["69"])),
    ])
    rows = {r[1]: r for r in store.obs_price_rows()}
    resin, coke, pills = rows["cannabis_resin"], rows["cocaine"], rows["mdma"]
    assert (resin[2], resin[4], resin[6], resin[7]) == ("g", 1000.0, 3.0, 100)  # kg -> g, 100 g tier
    assert (coke[6], coke[7], coke[11], coke[12]) == (70.0, 1, "Lyon", "69")
    assert (pills[2], pills[3], pills[6], pills[7]) == ("pill", "GBP", 8.0, 10)
    assert coke[15] == "2025-03-03" and coke[16] == "2025-03"  # week = its Monday, month
    assert coke[8] == "telegram:plug"  # no network: the account is the vendor


def test_prices_in_currencies_outside_the_contract_are_kept_too(store: Store) -> None:
    rec = _rec([_p("cocaine", 1, "g", 70)])
    rec["prices_other_currencies"] = [_p("cocaine", 1, "g", 90, "CAD"), _p("mdma", 4, "pill", 100, "AUD")]
    _save(store, [("a", "2025-03-05T20:00:00Z", rec)])
    rows = sorted((r[1], r[3], r[6]) for r in store.obs_price_rows())
    assert rows == [("cocaine", "CAD", 90.0), ("cocaine", "EUR", 70.0), ("mdma", "AUD", 25.0)]


def test_rewriting_a_result_replaces_its_price_points(store: Store) -> None:
    _save(store, [("a", "2025-03-05T20:00:00Z", _rec([_p("cocaine", 1, "g", 70)]))])
    run = store.start_run("again", {})
    store.save_results(run, [("a", _rec([_p("cocaine", 1, "g", 60)], network="N1"))])
    rows = list(store.obs_price_rows())
    assert len(rows) == 1 and rows[0][6] == 60.0 and rows[0][8] == "N1"


def test_stats_keep_tiers_and_currencies_apart_and_drop_outliers(store: Store) -> None:
    items = []
    for i in range(12):
        items.append((f"e{i}", f"2025-04-{i + 1:02d}T12:00:00Z", _rec([_p("cocaine", 1, "g", 60 + i)])))
        items.append((f"g{i}", f"2025-04-{i + 1:02d}T13:00:00Z", _rec([_p("cocaine", 1, "g", 50, "GBP")])))
        items.append((f"t{i}", f"2025-04-{i + 1:02d}T14:00:00Z", _rec([_p("cocaine", 10, "g", 450)])))
    items.append(("bad", "2025-04-20T12:00:00Z", _rec([_p("cocaine", 1, "g", 6000)])))  # a typo: 60.00
    _save(store, items)
    rows = price_table(store, by="month", product="cocaine")
    by_key = {(r["currency"], r["tier"]): r for r in rows}
    assert set(by_key) == {("EUR", 1), ("GBP", 1), ("EUR", 10)}
    eur = by_key[("EUR", 1)]
    assert (eur["n"], eur["outliers"], eur["median"], eur["hi"]) == (12, 1, 65.5, 71.0)
    assert eur["reference"]["value"] == 66 and eur["gap"] == pytest.approx((65.5 - 66) / 66, abs=1e-4)
    assert by_key[("EUR", 10)]["median"] == 45.0 and by_key[("GBP", 1)]["reference"] is None


@pytest.mark.parametrize(("kw", "dim"), [({"department": "69"}, "department"), ({"place": "Lyon"}, "place"),
                                         ({"network": "N7"}, "network")])
def test_breakdowns_by_area_and_network(store: Store, kw: dict[str, str], dim: str) -> None:
    _save(store, [
        ("a", "2025-05-05T12:00:00Z", _rec([_p("cannabis_herb", 1, "g", 10)], places=["Lyon"], departments=["69"],
                                            network="N7")),
        ("b", "2025-05-06T12:00:00Z", _rec([_p("cannabis_herb", 1, "g", 12)], places=["Paris"], departments=["75"])),
    ])
    rows = price_table(store, by="week", department=kw.get("department"), place=kw.get("place"),
                       network=kw.get("network"))
    assert [(r["dim"], r["period"], r["median"]) for r in rows] == [(dim, "2025-05-05", 10.0)]


def test_reference_prices_each_have_a_source_and_year() -> None:
    refs = load_references()
    assert REFERENCE_FILE.is_file()
    assert refs[("cocaine", "g", "EUR")].value == 66 and refs[("cocaine", "g", "EUR")].year == 2023
    assert refs[("cannabis_resin", "g", "EUR")].value == 8
    assert refs[("mdma", "pill", "EUR")].value == 10
    for r in refs.values():
        assert r.source and 2000 < r.year < 2100


def test_stats_are_cached_until_prices_change(tmp_path: Path) -> None:
    from sentinelle.observatory import refresh_stats

    with open_store(tmp_path / "c.db") as s:
        _save(s, [("a", "2025-05-05T12:00:00Z", _rec([_p("cocaine", 1, "g", 70)]))])
        assert refresh_stats(s) is True
        assert refresh_stats(s) is False
        _save(s, [("b", "2025-05-06T12:00:00Z", _rec([_p("cocaine", 1, "g", 80)]))])
        assert refresh_stats(s) is True
