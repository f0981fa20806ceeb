"""The generator plants price changes and flash sales (truth.event); the observatory finds them.

Scored on 20,000 generated posts fed as gold analysis records into a store (the analysers are
measured elsewhere; this measures the observatory alone). A planted event counts as findable
when the stored prices can show it at all:
- a flash sale: the vendor quoted that product ordinarily (no promotion) at that quantity or a
  larger one within 90 days (else there is no own baseline to be below);
- a price change: the vendor quoted that product ordinarily at a quantity the change post
  quotes, before it (tiers are never compared with each other).
Matches: a flash-sale event whose offer post is the planted post; a price-change event of the
same network and product within 7 days of the planted post.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

import pytest

from sentinelle.observatory import refresh_events
from sentinelle.store import Store

DAY = 86400


def _ts(d: dict[str, Any]) -> float:
    return datetime.fromisoformat(d["date"]).timestamp()


def _norm(p: dict[str, Any]) -> tuple[str, float, str]:
    cur = next(c for k, c in (("price_eur", "EUR"), ("price_gbp", "GBP"), ("price_usd", "USD")) if k in p)
    return ("g", p["quantity"] * 1000, cur) if p["unit"] == "kg" else (p["unit"], p["quantity"], cur)


@pytest.fixture(scope="module")
def scored(gold_store: Store, gold20k: list[dict[str, Any]]) -> dict[str, Any]:
    refresh_events(gold_store, force=True)
    events = gold_store.obs_events()
    ordinary: dict[tuple[str, str], list[tuple[float, str, float, str]]] = defaultdict(list)
    for d in gold20k:
        if d["category"] == "sale" and d["network"] and not d["promotion"]:
            for p in d["prices"]:
                unit, q, cur = _norm(p)
                ordinary[(d["network"], p["product"])].append((_ts(d), unit, q, cur))
    return {"events": events, "ordinary": ordinary}


def test_flash_sales_found_with_precision_and_recall(scored: dict[str, Any], gold20k: list[dict[str, Any]]) -> None:
    by_id = {d["id"]: d for d in gold20k}
    planted = {d["id"] for d in gold20k if d["truth"].get("event") == "flash_sale"}

    def findable(d: dict[str, Any]) -> bool:
        t = _ts(d)
        return any(abs(tt - t) <= 90 * DAY and uu == unit and qq >= q and cc == cur
                   for p in d["prices"] for unit, q, cur in [_norm(p)]
                   for tt, uu, qq, cc in scored["ordinary"][(d["network"], p["product"])])

    findable_ids = {i for i in planted if findable(by_id[i])}
    found = {e["evidence"][0] for e in scored["events"] if e["type"] == "flash_sale"}
    precision = len(found & planted) / len(found)
    recall = len(found & findable_ids) / len(findable_ids)
    print(f"flash sales: {len(planted)} planted, {len(findable_ids)} findable, {len(found)} found; "
          f"P={precision:.3f} R(findable)={recall:.3f} R(all)={len(found & planted) / len(planted):.3f}")
    assert len(findable_ids) > 0.85 * len(planted)
    assert precision >= 0.9 and recall >= 0.9
    e = next(e for e in scored["events"] if e["type"] == "flash_sale" and e["evidence"][0] in planted)
    assert e["until_ts"] - e["ts"] == 48 * 3600 and "baseline" in e["explanation"] and e["data"]["prices"]


def test_price_changes_found_with_precision_and_recall(scored: dict[str, Any], gold20k: list[dict[str, Any]]) -> None:
    planted = [(d["network"], prod, _ts(d), d) for d in gold20k if d["truth"].get("event") == "price_change"
               for prod in d["truth"]["changes"]]

    def findable(net: str, prod: str, t: float, d: dict[str, Any]) -> bool:
        qs = {_norm(p)[:2] for p in d["prices"] if p["product"] == prod}
        return any(tt < t - 3600 and (u, q) in qs for tt, u, q, _c in scored["ordinary"][(net, prod)])

    def match(e: dict[str, Any], net: str, prod: str, t: float) -> bool:
        return e["vendor"] == net and e["product"] == prod and abs(e["ts"] - t) <= 7 * DAY

    found = [e for e in scored["events"] if e["type"] == "price_change"]
    ok = [p for p in planted if findable(*p)]
    precision = sum(any(match(e, n, p, t) for n, p, t, _ in planted) for e in found) / len(found)
    recall = sum(any(match(e, n, p, t) for e in found) for n, p, t, _ in ok) / len(ok)
    print(f"price changes: {len(planted)} planted, {len(ok)} findable, {len(found)} found; "
          f"P={precision:.3f} R(findable)={recall:.3f}")
    assert len(ok) > 0.8 * len(planted)
    assert precision >= 0.9 and recall >= 0.9
    e = found[0]
    assert e["evidence"] and "price change" in e["explanation"] and e["data"]["changes"]


def test_other_event_types_are_found(scored: dict[str, Any], gold20k: list[dict[str, Any]]) -> None:
    types = {e["type"] for e in scored["events"]}
    assert {"new_vendor", "first_product", "rebrand"} <= types
    planted_rebrands = {d["id"] for d in gold20k if d["truth"].get("event") == "rebrand"}
    found = {e["evidence"][0] for e in scored["events"] if e["type"] == "rebrand"}
    assert len(found & planted_rebrands) >= 0.5 * len(planted_rebrands)
    planted_new = {d["truth"]["vendor"].replace("V", "N") for d in gold20k if d["truth"].get("event") == "new_vendor"}
    found_new = {e["vendor"] for e in scored["events"] if e["type"] == "new_vendor"}
    assert len(found_new & planted_new) >= 0.9 * len(planted_new)


def test_events_are_stored_once(gold_store: Store) -> None:
    n = len(gold_store.obs_events())
    assert refresh_events(gold_store, force=True) == []
    assert len(gold_store.obs_events()) == n
