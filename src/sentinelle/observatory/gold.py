"""Gold-labelled posts (the synthetic generator's, or SCHEMA.md files) as analysis records.

Lets the observatory be measured and benchmarked on known labels without running the analysis:
`record_from_gold(d)` is the contract record (findings.md) the analysis should produce for `d`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..core import Post

_CUR = {"price_eur": "EUR", "price_gbp": "GBP", "price_usd": "USD", "price_chf": "CHF"}


def post_from_gold(d: Mapping[str, Any]) -> Post:
    return Post(id=str(d["id"]), text=str(d.get("text") or ""), platform=str(d.get("platform") or ""),
                author=str(d.get("author") or ""), date=str(d.get("date") or ""), lang=str(d.get("lang") or ""))


def record_from_gold(d: Mapping[str, Any]) -> dict[str, Any]:
    prices = []
    for p in d.get("prices") or ():
        cur = next((c for k, c in _CUR.items() if k in p), None)
        if cur is None and "price" in p:
            prices.append(dict(p))
            continue
        if cur is None:
            continue
        key = next(k for k, c in _CUR.items() if c == cur)
        prices.append({"product": p["product"], "quantity": p["quantity"], "unit": p["unit"], "price": p[key],
                       "currency": cur})
    mo = d.get("min_order_eur")
    cat = d.get("category") or "other"
    return {
        "id": str(d["id"]), "category": cat, "score": 1.0 if cat != "other" else 0.0,
        "products": list(d.get("products") or ()), "prices": prices, "handles": list(d.get("handles") or ()),
        "phones": list(d.get("phones") or ()), "places": list(d.get("places") or ()),
        "departments": list(d.get("departments") or ()),
        "min_order": {"amount": mo, "currency": "EUR"} if mo else None, "payment": list(d.get("payment") or ()),
        "delivery": bool(d.get("delivery")), "always_open": bool(d.get("always_open")),
        "prepayment": d.get("prepayment") or "none", "promotion": bool(d.get("promotion")),
        "scam_signals": bool(d.get("scam_signals")), "minors_signals": bool(d.get("minors_signals")),
        "network": d.get("network") or None, "evidence": [],
    }
