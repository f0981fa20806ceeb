"""Overview, feed (search with filters, keyset paging) and export."""

from __future__ import annotations

import os
import tempfile
from typing import Any

from starlette.background import BackgroundTask
from starlette.responses import FileResponse, JSONResponse, Response

from ..core import CATEGORIES, PRODUCTS
from ..store import Query, Store
from ..store.export import write
from .base import Req, page
from .postview import card

PAGE_SIZE = 50
FILTERS = ("q", "category", "product", "platform", "place", "department", "since", "until")


def _counts(store: Store) -> dict[str, Any]:
    return {"counts": store.web_counts(), "products": store.web_top("products", limit=10),
            "places": store.web_top("places", limit=10)}


def _volume(store: Store) -> dict[str, Any]:
    weeks: list[str] = []
    series: dict[str, dict[str, int]] = {c: {} for c in CATEGORIES}
    for week, cat, n in store.obs_volume("week"):
        if not weeks or weeks[-1] != week:
            weeks.append(week)
        series.setdefault(cat, {})[week] = n
    return {"labels": weeks, "series": {c: [s.get(w, 0) for w in weeks] for c, s in series.items()}}


@page("view")
def overview(req: Req) -> Response:
    store = req.store
    data = req.web.cached(store, "overview", _counts)
    alerts = store.obs_alerts(limit=8) if req.raw else []
    return req.render("overview.html", {**data, "alerts": alerts})


@page("view")
def api_overview(req: Req) -> Response:
    return JSONResponse(req.web.cached(req.store, "volume", _volume))


def filters_of(values: Any) -> dict[str, str]:
    """The feed filters from a query string or a form, stripped, empty ones dropped."""
    out = {}
    for name in FILTERS:
        v = values.get(name)
        if isinstance(v, str) and v.strip():
            out[name] = v.strip()[:500]
    return out


def query_of(f: dict[str, str], *, limit: int | None = PAGE_SIZE) -> Query:
    category = f.get("category", "").lower()
    return Query(text=f.get("q"), category=category if category in CATEGORIES else None, product=f.get("product"),
                 platform=f.get("platform"), place=f.get("place"), department=f.get("department"),
                 since=f.get("since"), until=f.get("until"), order="recent", limit=limit)


def _cursor(raw: str) -> int | None:
    try:
        v = int(raw)
    except ValueError:
        return None
    return v if v > 0 else None


@page("search")
def feed(req: Req) -> Response:
    f = filters_of(req.request.query_params)
    before = _cursor(req.arg("before"))
    rows = req.store.web_feed(query_of(f), before=before, limit=PAGE_SIZE + 1)
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    masker = req.masker
    cards = [card(obj, masker) for _, obj in rows]
    next_cursor = rows[-1][0] if more and rows else None
    req.audit("search", f.get("q", ""), {"filters": f, "before": before, "results": len(cards)})
    ctx = {"filters": f, "cards": cards, "next_cursor": next_cursor, "before": before,
           "categories": CATEGORIES, "products": PRODUCTS}
    if req.htmx and req.request.headers.get("hx-target") == "results":
        return req.render("_results.html", ctx)
    return req.render("feed.html", ctx)


@page("export")
def export(req: Req) -> Response:
    """The posts of the current filter as CSV or JSONL; needs a justification, which is audited."""
    justification = req.field("justification")
    fmt = req.field("format", "jsonl").lower()
    if fmt not in ("csv", "jsonl"):
        return req.error(400, "format must be csv or jsonl")
    if len(justification) < 5:
        return req.error(400, "an export needs a justification (why these posts leave the workbench)")
    f = filters_of(req.form or {})
    fd, path = tempfile.mkstemp(prefix="sentinelle-export-", suffix=f".{fmt}")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            n = write(req.store.search(query_of(f, limit=None)), out, fmt)
    except BaseException:
        os.unlink(path)
        raise
    req.audit("export", fmt, {"filters": f, "posts": n, "format": fmt}, justification=justification)
    media = "text/csv; charset=utf-8" if fmt == "csv" else "application/x-ndjson; charset=utf-8"
    return FileResponse(path, media_type=media, filename=f"sentinelle-export.{fmt}",
                        background=BackgroundTask(os.unlink, path))
