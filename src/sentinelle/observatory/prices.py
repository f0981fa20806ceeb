"""Unit prices by product, place, department, network and week or month.

The store keeps every price point normalised (unit price per g, pill, blotter, ml, unit or bag;
quantity tier 1 / 10 / 100; currency as stated). Here they are summarised: for each product,
unit, currency and tier (never mixed), median, quartiles, range and count per period and area,
after removing outliers with Tukey fences on the log unit price of that product, unit,
currency and tier over the whole store (|log price - quartile| beyond K x IQR). The summaries
are cached in the store and recomputed only when price points change.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..store import Store

DIMS = ("all", "place", "department", "network")
PERIODS = ("week", "month")
TUKEY_K = 1.5
MIN_LOG_IQR = 0.1  # a group quoting one price everywhere still tolerates +-10 %
REFERENCE_FILE = Path(__file__).resolve().parent.parent / "data" / "common" / "reference_prices.toml"

# price row columns (observatory_sql.PRICE_FIELDS)
_C = {name: i for i, name in enumerate(
    ("id", "product", "unit", "currency", "quantity", "price", "unit_price", "tier", "vendor", "network",
     "account", "place", "department", "ts", "day", "week", "month", "promotion", "promo_rules"))}


@dataclass(frozen=True, slots=True)
class Reference:
    product: str
    unit: str
    currency: str
    value: float
    year: int
    source: str
    low: float | None = None
    high: float | None = None

    def to_record(self) -> dict[str, Any]:
        return {"value": self.value, "low": self.low, "high": self.high, "year": self.year, "source": self.source}


@lru_cache(maxsize=4)
def load_references(path: str | None = None) -> dict[tuple[str, str, str], Reference]:
    """The most recent reference price per (product, unit, currency) from the TOML data file."""
    with open(path or REFERENCE_FILE, "rb") as fh:
        data = tomllib.load(fh)
    out: dict[tuple[str, str, str], Reference] = {}
    for i, e in enumerate(data.get("price", [])):
        try:
            ref = Reference(str(e["product"]), str(e["unit"]), str(e["currency"]).upper(), float(e["value"]),
                            int(e["year"]), str(e["source"]), e.get("low"), e.get("high"))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path or REFERENCE_FILE}: [[price]] #{i + 1}: {exc}") from exc
        key = (ref.product, ref.unit, ref.currency)
        if key not in out or ref.year > out[key].year:
            out[key] = ref
    return out


def _codes(values: Sequence[Any]) -> tuple[np.ndarray, list[Any]]:
    index: dict[Any, int] = {}
    codes = np.fromiter((index.setdefault(v, len(index)) for v in values), dtype=np.int64, count=len(values))
    labels = [None] * len(index)
    for v, k in index.items():
        labels[k] = v
    return codes, labels


def _quantiles(sorted_vals: np.ndarray, starts: np.ndarray, lens: np.ndarray, q: float) -> np.ndarray:
    pos = starts + q * (lens - 1)
    lo = np.floor(pos).astype(np.int64)
    hi = np.minimum(lo + 1, starts + lens - 1)
    frac = pos - lo
    return np.asarray(sorted_vals[lo] * (1 - frac) + sorted_vals[hi] * frac)


def outlier_mask(groups: np.ndarray, logp: np.ndarray, k: float = TUKEY_K,
                 min_iqr: float = MIN_LOG_IQR) -> np.ndarray:
    """True where a log unit price lies outside its group's Tukey fences (k x IQR, the IQR at least
    `min_iqr`)."""
    order = np.lexsort((logp, groups))
    g, v = groups[order], logp[order]
    bounds = np.flatnonzero(np.diff(g)) + 1
    starts = np.concatenate(([0], bounds)).astype(np.int64)
    lens = np.diff(np.concatenate((starts, [len(g)])))
    q1 = _quantiles(v, starts, lens, 0.25)
    q3 = _quantiles(v, starts, lens, 0.75)
    iqr = np.maximum(q3 - q1, min_iqr)
    lo_f = np.repeat(q1 - k * iqr, lens)
    hi_f = np.repeat(q3 + k * iqr, lens)
    out = np.zeros(len(g), dtype=bool)
    out[order] = (v < lo_f) | (v > hi_f)
    return out


def compute_stats(rows: Sequence[Sequence[Any]]) -> Iterator[tuple[Any, ...]]:
    """STATS rows (by, dim, dim_value, product, unit, currency, tier, period, n, q1, median, q3, lo, hi,
    outliers) for every period kind and breakdown."""
    if not rows:
        return
    cols = list(zip(*rows, strict=True))
    price = np.asarray(cols[_C["unit_price"]], dtype=np.float64)
    base_keys = list(zip(cols[_C["product"]], cols[_C["unit"]], cols[_C["currency"]], cols[_C["tier"]],
                         strict=True))
    base, base_labels = _codes(base_keys)
    logp = np.log(np.maximum(price, 1e-9))
    outl = outlier_mask(base, logp)
    nb = len(base_labels)
    for by in PERIODS:
        per, per_labels = _codes(cols[_C[by]])
        for dim in DIMS:
            if dim == "all":
                dv, dv_labels = np.zeros(len(price), dtype=np.int64), [""]
            else:
                dv, dv_labels = _codes(cols[_C[dim]])
            key = (dv * len(per_labels) + per) * nb + base
            valid = np.array([x is not None for x in dv_labels])[dv] & np.array(
                [x is not None for x in per_labels])[per]
            yield from _group_stats(by, dim, key, price, outl, valid, dv_labels, per_labels, base_labels)


def _group_stats(by: str, dim: str, key: np.ndarray, price: np.ndarray, outl: np.ndarray, valid: np.ndarray,
                 dv_labels: list[Any], per_labels: list[Any], base_labels: list[Any]) -> Iterator[tuple[Any, ...]]:
    nb, npr = len(base_labels), len(per_labels)
    keep = valid & ~outl
    k, v = key[keep], price[keep]
    out_counts: dict[int, int] = {}
    ko = key[valid & outl]
    if len(ko):
        uo, co = np.unique(ko, return_counts=True)
        out_counts = dict(zip(uo.tolist(), co.tolist(), strict=True))
    if not len(k):
        return
    order = np.lexsort((v, k))
    k, v = k[order], v[order]
    bounds = np.flatnonzero(np.diff(k)) + 1
    starts = np.concatenate(([0], bounds)).astype(np.int64)
    lens = np.diff(np.concatenate((starts, [len(k)])))
    q1 = _quantiles(v, starts, lens, 0.25)
    med = _quantiles(v, starts, lens, 0.5)
    q3 = _quantiles(v, starts, lens, 0.75)
    lo = v[starts]
    hi = v[starts + lens - 1]
    for i, gk in enumerate(k[starts].tolist()):
        b = gk % nb
        rest = gk // nb
        p, d = rest % npr, rest // npr
        product, unit, currency, tier = base_labels[b]
        yield (by, dim, dv_labels[d] if dim != "all" else "", product, unit, currency, int(tier), per_labels[p],
               int(lens[i]), round(float(q1[i]), 4), round(float(med[i]), 4), round(float(q3[i]), 4),
               round(float(lo[i]), 4), round(float(hi[i]), 4), out_counts.get(gk, 0))


def refresh_stats(store: Store, *, force: bool = False) -> bool:
    """Recompute the cached statistics if price points changed; True when recomputed."""
    stamp = store.obs_price_stamp()
    if not force and store.obs_state("stats_stamp") == stamp:
        return False
    rows = list(store.obs_price_rows(ordered=False))
    store.obs_save_stats(stamp, compute_stats(rows))
    return True


def price_table(store: Store, *, by: str = "month", product: str | None = None, department: str | None = None,
                place: str | None = None, network: str | None = None, tier: int | None = None,
                since: str | None = None, until: str | None = None, refresh: bool = True) -> list[dict[str, Any]]:
    """Unit-price statistics of one breakdown, each row with its reference price and gap.

    The most specific filter picks the breakdown: place, then network, then department, else all."""
    if by not in PERIODS:
        raise ValueError(f"--by must be week or month, not {by!r}")
    if refresh:
        refresh_stats(store)
    if place:
        dim, value = "place", place
    elif network:
        dim, value = "network", network
    elif department:
        dim, value = "department", department
    else:
        dim, value = "all", ""
    rows = store.obs_stats(by, dim, value, product=product, tier=tier, since=since, until=until)
    refs = load_references()
    for r in rows:
        ref = refs.get((r["product"], r["unit"], r["currency"]))
        r["reference"] = ref.to_record() if ref else None
        r["gap"] = round((r["median"] - ref.value) / ref.value, 4) if ref and r["median"] is not None else None
    return rows


def fmt_money(x: float | None, currency: str) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    sym = {"EUR": "€", "GBP": "£", "USD": "$", "CHF": "CHF "}.get(currency, currency + " ")
    s = f"{x:,.2f}".rstrip("0").rstrip(".") if x < 100 else f"{x:,.0f}"
    return f"{s} {sym}".strip() if currency == "EUR" else f"{sym}{s}"
