"""Scoring observatory events against the generator's planted truth (`truth.event`).

A planted flash sale is matched by a flash-sale event whose offer post is the planted post. A
planted price change (one per product in `truth.changes`) is matched by a price-change event of
the same vendor and product that brackets it: the planted post lies between the last quote at
the old price and the first at the new one (7 days of slack each side). The event's vendor is
mapped to the generator's network through its evidence posts, so this works whether the vendor
is a network found by the store or the generator's own label.

Recall is over the findable events: those the stored prices can show at all. `findable_*` take a
function giving, for a (vendor, product), the ordinary quotes (ts, unit, quantity, currency) the
store holds: from the gold labels, or from the analysed records (then only extraction misses
separate the two recalls).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

DAY = 86400.0
Quotes = Mapping[tuple[str, str], list[tuple[float, str, float, str]]]


def ts_of(d: Mapping[str, Any]) -> float:
    return datetime.fromisoformat(d["date"]).timestamp()


def norm_price(p: Mapping[str, Any]) -> tuple[str, float, str, float]:
    """(unit, quantity, currency, price) of a gold price point, kilograms as grams."""
    key, cur = next((k, c) for k, c in (("price_eur", "EUR"), ("price_gbp", "GBP"), ("price_usd", "USD"))
                    if k in p)
    if p["unit"] == "kg":
        return "g", p["quantity"] * 1000, cur, p[key]
    return p["unit"], p["quantity"], cur, p[key]


def gold_quotes(gold: Iterable[Mapping[str, Any]]) -> Quotes:
    """Ordinary (no promotion) quotes per (network, product) from the gold labels."""
    out: dict[tuple[str, str], list[tuple[float, str, float, str]]] = defaultdict(list)
    for d in gold:
        if d["category"] == "sale" and d["network"] and not d["promotion"]:
            for p in d["prices"]:
                unit, q, cur, _ = norm_price(p)
                out[(d["network"], p["product"])].append((ts_of(d), unit, q, cur))
    return out


def stored_quotes(price_rows: Iterable[Sequence[Any]], network_of: Mapping[str, str]) -> Quotes:
    """Ordinary quotes per (generator network, product) from the stored price rows (PRICE_FIELDS)."""
    out: dict[tuple[str, str], list[tuple[float, str, float, str]]] = defaultdict(list)
    for r in price_rows:
        net = network_of.get(r[0])
        if net and not r[17]:
            out[(net, r[1])].append((r[13], r[2], r[4], r[3]))
    return out


def stored_offers(price_rows: Iterable[Sequence[Any]]) -> dict[str, set[tuple[str, str, float, str]]]:
    """(product, unit, quantity, currency) of every stored price point, per post id."""
    out: dict[str, set[tuple[str, str, float, str]]] = defaultdict(set)
    for r in price_rows:
        out[r[0]].add((r[1], r[2], r[4], r[3]))
    return out


def _points(d: Mapping[str, Any], stored: Mapping[str, set[tuple[str, str, float, str]]] | None
            ) -> list[tuple[str, str, float, str]]:
    gold = [(p["product"], *norm_price(p)[:3]) for p in d["prices"]]
    return gold if stored is None else [x for x in gold if x in stored.get(d["id"], ())]


def findable_flash(d: Mapping[str, Any], quotes: Quotes,
                   stored: Mapping[str, set[tuple[str, str, float, str]]] | None = None) -> bool:
    """An offer the store holds, with an ordinary quote of the vendor at that quantity or a larger
    one within 90 days."""
    t = ts_of(d)
    return any(abs(tt - t) <= 90 * DAY and uu == unit and qq >= q and cc == cur
               for prod, unit, q, cur in _points(d, stored)
               for tt, uu, qq, cc in quotes.get((d["network"], prod), ()))


def findable_change(net: str, prod: str, t: float, d: Mapping[str, Any], quotes: Quotes,
                    stored: Mapping[str, set[tuple[str, str, float, str]]] | None = None) -> bool:
    """A new price the store holds at a quantity the vendor quoted ordinarily before."""
    qs = {(u, q) for p, u, q, _c in _points(d, stored) if p == prod}
    return any(tt < t - 3600 and (u, q) in qs for tt, u, q, _c in quotes.get((net, prod), ()))


def event_network(e: Mapping[str, Any], network_of: Mapping[str, str]) -> str | None:
    c = Counter(network_of[i] for i in e["evidence"] if network_of.get(i))
    return c.most_common(1)[0][0] if c else None


def score(events: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]], quotes: Quotes,
          stored: Mapping[str, set[tuple[str, str, float, str]]] | None = None) -> dict[str, dict[str, float]]:
    """Precision and recall (over the findable) of flash sales and price changes."""
    network_of = {d["id"]: d["network"] for d in gold if d["network"]}
    out: dict[str, dict[str, float]] = {}

    planted = {d["id"] for d in gold if d["truth"].get("event") == "flash_sale"}
    findable = {d["id"] for d in gold if d["id"] in planted and findable_flash(d, quotes, stored)}
    found = {e["evidence"][0] for e in events if e["type"] == "flash_sale"}
    out["flash_sale"] = _pr(len(found & planted), len(found), len(found & findable), len(findable), len(planted))

    changes = [(d["network"], prod, ts_of(d), d) for d in gold if d["truth"].get("event") == "price_change"
               for prod in d["truth"]["changes"]]
    ok = [c for c in changes if findable_change(*c, quotes, stored)]
    pcs = [e for e in events if e["type"] == "price_change"]
    by_key: dict[tuple[str | None, str | None], list[Mapping[str, Any]]] = defaultdict(list)
    for e in pcs:
        by_key[(event_network(e, network_of), e["product"])].append(e)

    def match(e: Mapping[str, Any], t: float) -> bool:
        since = e["data"].get("old_last_ts", e["ts"])
        return since - 7 * DAY <= t <= e["ts"] + 7 * DAY

    by_planted: dict[tuple[str, str], list[float]] = defaultdict(list)
    for n, p, t, _ in changes:
        by_planted[(n, p)].append(t)
    tp = sum(any(match(e, t) for t in by_planted.get((k[0] or "", k[1] or ""), ())) for k, es in by_key.items()
             for e in es)
    hit = sum(any(match(e, t) for e in by_key.get((n, p), ())) for n, p, t, _ in ok)
    out["price_change"] = _pr(tp, len(pcs), hit, len(ok), len(changes))
    return out


def score_accounts(events: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]]
                   ) -> dict[str, dict[str, float]]:
    """Rebrands (precision, recall) and new vendors (recall only: one-off sellers are new vendors
    too, unplanted): an event of the planted network within 7 days of the planted post."""
    network_of = {d["id"]: d["network"] for d in gold if d["network"]}
    out: dict[str, dict[str, float]] = {}
    for kind in ("rebrand", "new_vendor"):
        planted = [(d["network"], ts_of(d)) for d in gold if d["truth"].get("event") == kind]
        found = [(network_of.get(e["evidence"][0]), e["ts"]) for e in events if e["type"] == kind]
        tp = sum(any(n == pn and abs(t - pt) <= 7 * DAY for pn, pt in planted) for n, t in found)
        hit = sum(any(n == pn and abs(t - pt) <= 7 * DAY for n, t in found) for pn, pt in planted)
        out[kind] = _pr(tp, len(found), hit, len(planted), len(planted))
    return out


def _pr(tp: int, found: int, hit: int, findable: int, planted: int) -> dict[str, float]:
    return {"planted": planted, "findable": findable, "found": found,
            "precision": tp / found if found else 0.0, "recall": hit / findable if findable else 0.0}


def report(name: str, scores: Mapping[str, Mapping[str, float]],
           printer: Callable[[str], None] = print) -> None:
    for kind, s in scores.items():
        printer(f"{name} {kind}: {s['planted']:.0f} planted, {s['findable']:.0f} findable, {s['found']:.0f} found; "
                f"P={s['precision']:.3f} R={s['recall']:.3f}")
