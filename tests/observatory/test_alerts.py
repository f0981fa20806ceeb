from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from sentinelle.core import Post
from sentinelle.corpus.generator import generate
from sentinelle.observatory import EVENT_TYPES, DeliveryConfig, refresh
from sentinelle.observatory.alerts import post_webhook, send_mail
from sentinelle.observatory.gold import record_from_gold
from sentinelle.store import Store

from .conftest import load_gold
from .servers import http_sink, smtp_sink


def _scam_wave(store: Store) -> None:
    """One scam post a week for 8 weeks, then 12 in one week (department 13)."""
    posts, recs = [], []
    n = 0
    for week in range(9):
        for _ in range(1 if week < 8 else 12):
            n += 1
            pid = f"scam-{n}"
            day = 5 + 7 * week + (n % 5)
            date = f"2025-{1 + (day - 1) // 28:02d}-{1 + (day - 1) % 28:02d}T12:00:00Z"
            posts.append(Post(id=pid, text="envoi colis discret, paiement coupon", platform="facebook",
                              author=f"scammer{n}", date=date))
            recs.append((pid, {"category": "sale", "score": 0.9, "products": ["cocaine"], "prices": [],
                               "departments": ["13"], "scam_signals": True, "prepayment": "full"}))
    store.add_posts(posts)
    run = store.start_run("scam", {})
    store.save_results(run, recs)


@pytest.fixture()
def gold3k() -> list[dict[str, Any]]:
    return list(generate(3000, seed=5))


def test_every_event_type_alerts_by_webhook_and_email_once(store: Store, gold3k: list[dict[str, Any]]) -> None:
    load_gold(store, gold3k)
    _scam_wave(store)
    with http_sink() as (url, hooks), smtp_sink() as (port, mails):
        store.obs_rule_add("all-by-webhook", ["*"], webhook=url)
        store.obs_rule_add("flash-by-mail", ["flash_sale", "scam_wave", "rebrand", "new_vendor", "first_product",
                                             "price_change"], email="cell@example.org")
        cfg = DeliveryConfig(smtp_host="127.0.0.1", smtp_port=port, smtp_from="sentinelle@example.org")
        out = refresh(store, delivery=cfg)
        kinds = Counter(a["kind"] for a in out["alerts"])
        assert set(kinds) == set(EVENT_TYPES), kinds
        assert len(hooks) == out["new_alerts"] == out["new_events"]
        assert {h["json"]["kind"] for h in hooks} == set(EVENT_TYPES)
        assert hooks[0]["content_type"].startswith("application/json") and hooks[0]["json"]["body"]["evidence"]
        assert len(mails) == out["new_alerts"]
        assert all("cell@example.org" in m["rcpt"][0] for m in mails)
        assert any("Subject: [sentinelle] " in m["data"] and "Evidence posts:" in m["data"] for m in mails)
        assert all(set(a["delivery"].values()) == {"ok"} for a in out["alerts"])
        stored = store.obs_alerts()
        assert len(stored) == out["new_alerts"] and {a["status"] for a in stored} == {"new"}

        # re-analysis: the same records saved again by a new run -> no alert fires a second time
        run = store.start_run("reanalyse", {"lexicons": "v2"})
        store.save_results(run, ((d["id"], record_from_gold(d)) for d in gold3k))
        again = refresh(store, delivery=cfg)
        assert again["new_alerts"] == 0 and again["new_events"] == 0
        assert len(hooks) == out["new_alerts"] and len(mails) == out["new_alerts"]
        assert len(store.obs_alerts()) == len(stored)


def test_alert_status_and_rule_filters(store: Store, gold3k: list[dict[str, Any]]) -> None:
    load_gold(store, gold3k)
    store.obs_rule_add("flash-cocaine", ["flash_sale"], filters={"product": "cocaine"})
    out = refresh(store, delivery=DeliveryConfig())
    assert out["alerts"] and all(a["kind"] == "flash_sale" and a["body"]["product"] == "cocaine"
                                 for a in out["alerts"])
    ids = [a["id"] for a in out["alerts"]]
    store.obs_alert_status(ids[:1], "seen")
    store.obs_alert_status(ids[1:2], "dismissed")
    assert [a["id"] for a in store.obs_alerts(status="seen")] == ids[:1]
    assert [a["id"] for a in store.obs_alerts(status="dismissed")] == ids[1:2]
    with pytest.raises(ValueError):
        store.obs_alert_status(ids[:1], "archived")


@pytest.mark.parametrize(("kind", "value", "field"), [
    ("term", "vente flash", None), ("product", "crack", "products"), ("network", "N0003", "network"),
    ("place", "Marseille", "places"), ("phone", None, "phones"), ("handle", None, "handles"),
])
def test_watchlists_fire_once_per_new_post(store: Store, gold3k: list[dict[str, Any]], kind: str,
                                           value: str | None, field: str | None) -> None:
    first, rest = gold3k[:2000], gold3k[2000:]
    if value is None:  # a phone or handle actually advertised in the corpus
        assert field is not None
        d = next(d for d in gold3k if d[field])
        value = d[field][0] if kind == "phone" else d[field][0]["handle"]
    assert value is not None
    load_gold(store, first)
    with http_sink() as (url, hooks):
        store.obs_rule_add("watch", ["watch"], webhook=url)
        store.obs_watch_add(kind, value, note="test")
        out = refresh(store, delivery=DeliveryConfig())
        watch = [a for a in out["alerts"] if a["kind"] == "watch"]
        assert len(watch) == 1 and watch[0]["body"]["value"] == value and watch[0]["body"]["posts"]
        assert len(hooks) == 1 and hooks[0]["json"]["kind"] == "watch"
        n_hits = len(watch[0]["body"]["posts"])
        run = store.start_run("reanalyse", {"v": 2})  # re-analysis: nothing new
        store.save_results(run, ((d["id"], record_from_gold(d)) for d in first))
        assert [a for a in refresh(store, delivery=DeliveryConfig())["alerts"] if a["kind"] == "watch"] == []
        load_gold(store, rest)  # new posts: one more alert listing only them, if any matches
        later = [a for a in refresh(store, delivery=DeliveryConfig())["alerts"] if a["kind"] == "watch"]
        assert len(later) <= 1
        if later:
            assert not set(later[0]["body"]["posts"]) & set(watch[0]["body"]["posts"])
        assert store.obs_watch_list()[0]["hits"] >= n_hits


def test_delivery_failures_are_recorded_not_raised() -> None:
    assert post_webhook("file:///etc/passwd", {}).startswith("refused")
    assert post_webhook("http://127.0.0.1:9/none", {}, timeout=0.5).startswith("error")
    assert send_mail("x@example.org", "s", "b", DeliveryConfig(smtp_host="127.0.0.1", smtp_port=9,
                                                                timeout=0.5)).startswith("error")
