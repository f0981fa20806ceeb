"""The generator plants price changes and flash sales (truth.event); the observatory finds them.

Scored on 20,000 generated posts fed as gold analysis records into a store (the analysers are
measured elsewhere; this measures the observatory alone). A planted event counts as findable
when the stored prices can show it at all:
- a flash sale: the vendor quoted that product ordinarily (no promotion) at that quantity or a
  larger one within 90 days (else there is no own baseline to be below);
- a price change: the vendor quoted that product ordinarily at a quantity the change post
  quotes, before it (tiers are never compared with each other).
Matches (scoring.py): a flash-sale event whose offer post is the planted post; a price-change
event of the same network and product whose interval (last old quote, first new one) holds the
planted post, 7 days of slack each side.
"""

from __future__ import annotations

from typing import Any

import pytest

from sentinelle.observatory import refresh_events
from sentinelle.store import Store

from .scoring import gold_quotes, report, score


@pytest.fixture(scope="module")
def scored(gold_store: Store, gold20k: list[dict[str, Any]]) -> dict[str, Any]:
    refresh_events(gold_store, force=True)
    events = gold_store.obs_events()
    scores = score(events, gold20k, gold_quotes(gold20k))
    report("gold records:", scores)
    return {"events": events, "scores": scores}


@pytest.mark.parametrize("kind", ["flash_sale", "price_change"])
def test_planted_events_found_with_precision_and_recall(scored: dict[str, Any], kind: str) -> None:
    s = scored["scores"][kind]
    assert s["findable"] > 0.8 * s["planted"]
    assert s["precision"] >= 0.9 and s["recall"] >= 0.9


def test_flash_sale_events_explain_themselves(scored: dict[str, Any]) -> None:
    e = next(e for e in scored["events"] if e["type"] == "flash_sale")
    assert e["until_ts"] - e["ts"] == 48 * 3600 and "baseline" in e["explanation"] and e["data"]["prices"]
    assert all(p["unit_price"] < p["baseline"] for p in e["data"]["prices"])


def test_price_change_events_explain_themselves(scored: dict[str, Any]) -> None:
    e = next(e for e in scored["events"] if e["type"] == "price_change")
    assert e["evidence"] and "price change" in e["explanation"] and e["data"]["changes"]
    assert e["data"]["old_last_ts"] <= e["ts"]


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
