"""Prices (table and chart data), alerts and watchlists."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from starlette.responses import JSONResponse, RedirectResponse, Response

from ..core import PRODUCTS
from ..observatory import WATCH_KINDS, price_table
from ..observatory.prices import fmt_money
from .base import Req, page

MAX_SERIES = 12
ALERT_STATUSES = ("new", "seen", "dismissed")


def _price_filters(req: Req) -> dict[str, str]:
    by = req.arg("by", "month")
    return {"product": req.arg("product")[:100], "department": req.arg("department")[:20],
            "place": req.arg("place")[:200], "by": by if by in ("week", "month") else "month"}


def _rows(req: Req, f: dict[str, str]) -> list[dict[str, Any]]:
    return price_table(req.store, by=f["by"], product=f["product"] or None, department=f["department"] or None,
                       place=f["place"] or None)


def _key(r: dict[str, Any]) -> tuple[Any, ...]:
    return (r["product"], r["unit"], r["currency"], r["tier"])


def _series(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """The (product, unit, currency, tier) series with the most price points, at most MAX_SERIES."""
    n: dict[tuple[Any, ...], int] = {}
    for r in rows:
        n[_key(r)] = n.get(_key(r), 0) + int(r["n"])
    return sorted(n, key=lambda k: (-n[k], k))[:MAX_SERIES]


@page("view")
def prices(req: Req) -> Response:
    """The chart's figures as a table: the same series (the most quoted), period by period."""
    f = _price_filters(req)
    rows = _rows(req, f)
    keep = set(_series(rows))
    shown = [r for r in rows if _key(r) in keep]
    for r in shown:
        cur = r["currency"]
        r["shown"] = {k: fmt_money(r[k], cur) for k in ("median", "q1", "q3", "lo", "hi")}
    query = urlencode({k: v for k, v in f.items() if v})
    return req.render("prices.html", {"filters": f, "rows": shown, "products": PRODUCTS, "query": query,
                                      "series": len(keep), "hidden": len({_key(r) for r in rows}) - len(keep)})


@page("view")
def api_prices(req: Req) -> Response:
    """Median unit price per period, one series per product, unit, currency and quantity tier (the
    MAX_SERIES most quoted)."""
    f = _price_filters(req)
    rows = _rows(req, f)
    periods = sorted({r["period"] for r in rows})
    values: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in rows:
        values.setdefault(_key(r), {})[r["period"]] = r["median"]
    out = []
    for k in _series(rows):
        product, unit, currency, tier = k
        out.append({"label": f"{product} ({currency}/{unit}, tier {tier})",
                    "n": sum(int(r["n"]) for r in rows if _key(r) == k),
                    "data": [values[k].get(p) for p in periods]})
    return JSONResponse({"labels": periods, "filters": f, "series": out})


@page("view_raw")
def alerts(req: Req) -> Response:
    status = req.arg("status")
    rows = req.store.obs_alerts(status=status if status in ALERT_STATUSES else None, limit=200)
    return req.render("alerts.html", {"alerts": rows, "status": status, "statuses": ALERT_STATUSES})


@page("watch")
def alert_status(req: Req) -> Response:
    alert_id = int(req.request.path_params["alert_id"])
    status = req.field("status")
    if status not in ALERT_STATUSES:
        return req.error(400, f"status must be one of {', '.join(ALERT_STATUSES)}")
    if not req.store.obs_alerts(ids=[alert_id]):
        return req.error(404, "no such alert")
    req.store.obs_alert_status([alert_id], status)
    req.audit("alert_status", str(alert_id), {"status": status})
    if req.htmx:
        row = req.store.obs_alerts(ids=[alert_id])[0]
        return req.render("_alert.html", {"a": row, "statuses": ALERT_STATUSES})
    return RedirectResponse("/alerts", status_code=303)


@page("watch")
def watchlists(req: Req) -> Response:
    error, status = "", 200
    if req.request.method == "POST":
        kind, value, note = req.field("kind"), req.field("value"), req.field("note")
        if kind not in WATCH_KINDS:
            error, status = f"kind must be one of {', '.join(WATCH_KINDS)}", 400
        elif not value or len(value) > 500 or len(note) > 2000:
            error, status = "a watch needs a value (at most 500 characters; note at most 2000)", 400
        else:
            wid = req.store.obs_watch_add(kind, value, note)
            req.audit("watch_add", f"{kind}:{value}", {"id": wid, "note": note})
            return RedirectResponse("/watchlists", status_code=303)
    return req.render("watchlists.html", {"items": req.store.obs_watch_list(), "rules": req.store.obs_rules(),
                                          "kinds": WATCH_KINDS, "error": error}, status=status)


@page("watch")
def watch_remove(req: Req) -> Response:
    wid = int(req.request.path_params["watch_id"])
    if not req.store.obs_watch_remove(wid):
        return req.error(404, "no such watch")
    req.audit("watch_remove", str(wid))
    return RedirectResponse("/watchlists", status_code=303)
