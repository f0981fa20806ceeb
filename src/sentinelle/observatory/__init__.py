"""The market observatory: what is sold where, at what price, how that moves, and what is new.

    from sentinelle.store import open_store
    from sentinelle import observatory as obs
    with open_store("case.db") as store:
        obs.refresh(store)                       # statistics, events, alerts (only when data changed)
        rows = obs.price_table(store, product="cocaine", department="69", by="month")
        events = store.obs_events(type="flash_sale")

Price points are normalised by the store when analysis results are saved (store/observatory_sql.py);
`prices` summarises them, `events` finds flash sales, price changes, new vendors, first sightings of a
product in an area, rebrands and scam waves, `alerts` turns events and watchlist hits into alerts
delivered by webhook and e-mail, and `report` writes the self-contained HTML trend report.
"""

from __future__ import annotations

from typing import Any

from ..store import Store
from .alerts import WATCH_KINDS, DeliveryConfig, fire
from .events import EVENT_TYPES, EventConfig, detect
from .prices import load_references, price_table, refresh_stats

__all__ = ["EVENT_TYPES", "WATCH_KINDS", "DeliveryConfig", "EventConfig", "detect", "fire", "load_references",
           "price_table", "refresh", "refresh_events", "refresh_stats"]


def refresh_events(store: Store, cfg: EventConfig | None = None, *, force: bool = False) -> list[dict[str, Any]]:
    """Detect events over the whole store if its data changed; store them; return the new ones."""
    stamp = store.obs_price_stamp()
    if not force and store.obs_state("events_stamp") == stamp:
        return []
    events = detect(list(store.obs_price_rows()), store.obs_post_rows(), cfg or EventConfig(),
                    texts=store.obs_post_texts)
    unique = list({e["key"]: e for e in reversed(events)}.values())[::-1]  # first of each key
    new = set(store.obs_save_events(unique))
    store.obs_set_state("events_stamp", stamp)
    return [e for e in unique if e["key"] in new]


def refresh(store: Store, cfg: EventConfig | None = None, delivery: DeliveryConfig | None = None, *,
            force: bool = False) -> dict[str, Any]:
    """Bring statistics and events up to date, then fire and deliver the alerts due."""
    stats = refresh_stats(store, force=force)
    new = refresh_events(store, cfg, force=force)
    alerts = fire(store, new, delivery)
    return {"stats_recomputed": stats, "new_events": len(new), "new_alerts": len(alerts), "alerts": alerts,
            "events": new}
