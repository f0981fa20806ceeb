"""Market events found in the stored price points and posts.

Each event is a dict (observatory_sql.EVENT_FIELDS) with an idempotent `key` (the same event
found again after a re-analysis has the same key and is stored once), the post ids that are its
evidence, and an explanation sentence. A vendor is a network when the post belongs to one, else
the posting account (platform:handle).

Prices are compared within one vendor's series for one product, unit, currency and exact
quantity (quantity tiers never mixed); outliers (misread prices, far off the market for that
product, unit and tier) are left out. A post's promotion cues are sorted by cues.py (an offer,
old prices shown, an announced price change, a perk) and, for posts that only show old prices,
by what the post says (notices.py: "nouveaux tarifs" or "ce soir uniquement").

- flash_sale: a post with an offer cue (or old prices shown) quoting a price below the vendor's
  own baseline by `flash_drop` or more: its ordinary quotes (no promotion, or one that leaves
  prices as they are) at that quantity just before and after, within `baseline_days`, the
  highest level above the offer when the vendor sells two grades (quoting one of its levels is
  no offer), else its unit price for the next larger quantity; not when the vendor's next
  ordinary quote keeps the offer's price (that is a new price). Without a cue: a cut of 15 % or
  more between two identical ordinary quotes, which the post does not quote as well. The sale
  window runs `flash_window_hours` from the post.
- price_change: in a series (flash-sale offers left out), a quote at a new level (not quoted in
  the `recent_days` before, within `change_max` of the old one) after a quote at the old level,
  which is not quoted again in the next `confirm` quotes (else the vendor sells two grades at
  that quantity). A new level first seen in a possible offer must be quoted again afterwards,
  and an old level quoted only in possible offers is no level.
- new_vendor: a vendor's first post, once the store has `warmup_days` of history and the vendor
  `new_vendor_posts` sale posts (a one-off seller is no vendor to watch).
- first_product: the first sale post offering a product in a place or department known for
  `warmup_days` (e.g. 3-MMC in the Loire).
- rebrand: a network posting from, or advertising, an account it never used before on a
  platform where it already had one, once the network is `rebrand_after_days` old.
- scam_wave: a week with many more scam posts than the preceding weeks (overall or in a
  department).
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np

from .cues import CHANGE, CLASS_NAMES, OFFER, OLD_PRICE, promo_class
from .notices import LIMITED_TIME, NEW_PRICES, notice
from .prices import _C, _codes, fmt_money, outlier_mask

DAY = 86400.0
Texts = Callable[[Sequence[str]], Mapping[str, str]]
OUTLIER_K = 3.0
OUTLIER_MIN_IQR = 0.3  # fences at least x2.5 and /2.5 away, however few and alike the quotes of a group
EVENT_TYPES = ("price_change", "flash_sale", "new_vendor", "first_product", "rebrand", "scam_wave")


@dataclass(frozen=True, slots=True)
class EventConfig:
    warmup_days: float = 14.0
    confirm: int = 2
    change_min: float = 0.04
    change_max: float = 1.5
    grace_days: float = 3.0
    lookback_days: float = 365.0
    flash_drop: float = 0.08
    flash_window_hours: float = 48.0
    baseline_days: float = 180.0
    recent_days: float = 60.0
    regular_days: float = 30.0
    rebrand_after_days: float = 7.0
    new_vendor_posts: int = 2
    scam_min: int = 5
    scam_factor: float = 2.0
    scam_history_weeks: int = 8


def _day(ts: float | None) -> str:
    return datetime.fromtimestamp(ts or 0, UTC).strftime("%Y-%m-%d")


def _pct(x: float) -> str:
    return f"{x * 100:+.0f}%"


# ------------------------------------------------------------------ prices


def _classes(rows: Sequence[Sequence[Any]], texts: Texts | None = None) -> np.ndarray:
    """The promotion class (cues.NONE ... cues.OFFER) of each price row. With `texts` (post ids ->
    their texts), a post showing old prices (cues.OLD_PRICE) that announces new prices counts as
    a price change (cues.CHANGE), one that limits the offer in time as an offer (cues.OFFER)."""
    pi, ci = _C["promotion"], _C["promo_rules"]
    cls = np.fromiter((promo_class(r[pi], r[ci] if len(r) > ci else None) for r in rows), dtype=np.int8,
                      count=len(rows))
    old = np.flatnonzero(cls == OLD_PRICE)
    if texts is not None and len(old):
        said = texts(sorted({rows[i][_C["id"]] for i in old.tolist()}))
        for i in old.tolist():
            n = notice(said.get(rows[i][_C["id"]]) or "")
            if n == NEW_PRICES:
                cls[i] = CHANGE
            elif n == LIMITED_TIME:
                cls[i] = OFFER
    return cls


def _series(rows: Sequence[Sequence[Any]]) -> tuple[dict[tuple[Any, ...], list[int]], np.ndarray]:
    """Row indices per (vendor, product, unit, currency, quantity), in time order; and the outlier mask."""
    if not rows:
        return {}, np.zeros(0, dtype=bool)
    base, _ = _codes([(r[_C["product"]], r[_C["unit"]], r[_C["currency"]], r[_C["tier"]]) for r in rows])
    price = np.asarray([r[_C["unit_price"]] for r in rows], dtype=np.float64)
    # far fences: vendors' own levels differ a lot; only extraction errors (a lost decimal point) go
    outl = outlier_mask(base, np.log(np.maximum(price, 1e-9)), OUTLIER_K, OUTLIER_MIN_IQR)
    series: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        if r[_C["vendor"]] is None or r[_C["ts"]] is None:
            continue
        series[(r[_C["vendor"]], r[_C["product"]], r[_C["unit"]], r[_C["currency"]], r[_C["quantity"]])].append(i)
    for idx in series.values():
        idx.sort(key=lambda i: rows[i][_C["ts"]])
    return series, outl


def price_changes(rows: Sequence[Sequence[Any]], cfg: EventConfig = EventConfig(),
                  series: Mapping[tuple[Any, ...], list[int]] | None = None,
                  outl: np.ndarray | None = None,
                  on_sale: set[tuple[str, str, float]] | None = None,
                  cls: np.ndarray | None = None) -> list[dict[str, Any]]:
    """Price changes. Every price counts but outliers and flash-sale offers (`on_sale`, from
    `flash_sales`); a new level first quoted in a post whose promotion cues make it a possible
    offer (cues.OLD_PRICE, cues.OFFER) must be quoted again afterwards."""
    if series is None or outl is None:
        series, outl = _series(rows)
    if cls is None:
        cls = _classes(rows)
    sold = on_sale or set()

    def skip(i: int) -> bool:
        r = rows[i]
        return bool(outl[i]) or (r[_C["id"]], r[_C["product"]], r[_C["quantity"]]) in sold

    found: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for (vendor, product, unit, currency, qty), idx in series.items():
        # one entry per post: the set of price levels it quotes at this quantity (several grades)
        seq: list[tuple[float, set[float], int, bool, bool]] = []
        for i in idx:
            if skip(i):
                continue
            r = rows[i]
            offer = int(cls[i]) >= OLD_PRICE
            said = int(cls[i]) == CHANGE
            if seq and rows[seq[-1][2]][_C["id"]] == r[_C["id"]]:
                seq[-1][1].add(round(r[_C["unit_price"]], 4))
            else:
                seq.append((r[_C["ts"]], {round(r[_C["unit_price"]], 4)}, i, offer, said))
        for k in range(1, len(seq)):
            t, cur, i, offer, said = seq[k]
            prev_t, prev, prev_i, _, _ = seq[k - 1]
            new_lv = sorted(cur - prev)
            gone = sorted(prev - cur)
            if not new_lv or not gone or t - prev_t > cfg.lookback_days * DAY:
                continue
            if len(new_lv) != len(gone):
                if len(new_lv) > 1:
                    continue
                # one new level where several went (a grade dropped, or a misread quote): the
                # closest old one changed
                gone = [min(gone, key=lambda x: abs(math.log(new_lv[0] / x)))]
            recent = set().union(*(lv for tt, lv, *_ in seq[:k] if t - tt <= cfg.recent_days * DAY))
            ahead_posts = [lv for tt, lv, *_ in seq[k + 1:k + 1 + cfg.confirm] if tt - t <= cfg.recent_days * DAY]
            ahead = set().union(*ahead_posts) if ahead_posts else set()
            prev_offer = seq[k - 1][3]
            for a, b in zip(gone, new_lv, strict=True):
                if not (1 / cfg.change_max < b / a < cfg.change_max) or abs(b / a - 1) < cfg.change_min:
                    continue
                # an old level quoted only in possible offers is no level
                if prev_offer and not any(a in lv and not off for tt, lv, _, off, _ in seq[:k - 1]
                                          if t - tt <= cfg.lookback_days * DAY):
                    continue
                # b is a new level (not quoted lately) and a, the old one, is not quoted again just after
                if b in recent or a in ahead or (offer and b not in ahead):
                    continue
                first_row = rows[i]
                found[(vendor, product, currency, first_row[_C["id"]])].append({
                    "unit": unit, "quantity": qty, "old": a, "new": b, "ts": t,
                    "old_last": rows[prev_i][_C["id"]], "old_last_ts": prev_t,
                    "new_posts": [rows[j][_C["id"]] for _, lv, j, *_ in seq[k:k + 5] if b in lv],
                    "confirmed": b in ahead, "said": said, "row": first_row})
    events = []
    for (vendor, product, currency, _pid), changes in found.items():
        c0 = changes[0]
        r = c0["row"]
        ratio = c0["new"] / c0["old"]
        direction = "up" if ratio > 1 else "down"
        evidence = list(dict.fromkeys([*(c["old_last"] for c in changes), *c0["new_posts"]]))
        summary = (f"{vendor}: {product} {fmt_money(c0['old'], currency)} -> {fmt_money(c0['new'], currency)} "
                   f"per {c0['unit']} ({_pct(ratio - 1)})")
        events.append({
            "key": f"price_change:{vendor}:{product}:{currency}:{_day(c0['ts'])}", "type": "price_change",
            "ts": c0["ts"], "until_ts": None, "vendor": vendor, "network": r[_C["network"]], "product": product,
            "place": r[_C["place"]], "department": r[_C["department"]], "summary": summary,
            "explanation": (f"{vendor} quoted {product} at {fmt_money(c0['old'], currency)} per {c0['unit']} "
                            f"(for {c0['quantity']:g} {c0['unit']}) until {_day(c0['old_last_ts'])}, then "
                            f"{fmt_money(c0['new'], currency)} from {_day(c0['ts'])} on, not quoted at the old "
                            f"price in the next {cfg.confirm} quotes: a price change {direction}."),
            "evidence": evidence,
            "data": {"direction": direction, "currency": currency, "old_last_ts": c0["old_last_ts"],
                     "said": any(c["said"] for c in changes),
                     "confirmed": any(c["confirmed"] for c in changes), "changes": [
                {"unit": c["unit"], "quantity": c["quantity"], "old_unit_price": c["old"],
                 "new_unit_price": c["new"]} for c in changes]},
        })
    return events


def flash_sales(rows: Sequence[Sequence[Any]], cfg: EventConfig = EventConfig(),
                series: Mapping[tuple[Any, ...], list[int]] | None = None,
                outl: np.ndarray | None = None, cls: np.ndarray | None = None) -> list[dict[str, Any]]:
    """Offers below the vendor's own baseline: its ordinary quotes (no promotion, or one that leaves
    listed prices as they are: cues.PERK, cues.CHANGE) for the same quantity just before and after."""
    if series is None or outl is None:
        series, outl = _series(rows)
    if cls is None:
        cls = _classes(rows)
    per_post: dict[str, list[tuple[int, float, list[str]]]] = defaultdict(list)
    win = cfg.baseline_days * DAY

    def ordinary(i: int) -> bool:
        return not outl[i] and int(cls[i]) <= CHANGE

    by_product: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for key, idx in series.items():
        by_product[key[:4]].extend(i for i in idx if ordinary(i))
    for key, idx in series.items():
        ords = [i for i in idx if ordinary(i)]
        ts = np.asarray([rows[i][_C["ts"]] for i in ords])
        pr = np.asarray([rows[i][_C["unit_price"]] for i in ords])
        levels: dict[str, list[float]] = defaultdict(list)  # what each post quotes at this quantity
        for i in idx:
            if not outl[i]:
                levels[rows[i][_C["id"]]].append(rows[i][_C["unit_price"]])
        for i in idx:
            c = int(cls[i])
            if outl[i] or c == CHANGE:  # an extraction error; an announced price change
                continue
            r = rows[i]
            pid, t, p, cue = r[_C["id"]], r[_C["ts"]], r[_C["unit_price"]], c >= OLD_PRICE
            k = int(np.searchsorted(ts, t))
            prev = next((j for j in range(k - 1, -1, -1) if rows[ords[j]][_C["id"]] != pid), None)
            nxt = next((j for j in range(k, len(ts)) if rows[ords[j]][_C["id"]] != pid), None)
            if prev is not None and t - ts[prev] > win:
                prev = None
            if nxt is not None and ts[nxt] - t > win:
                nxt = None
            near = [j for j in (prev, nxt) if j is not None]
            if cue:
                # the vendor's next ordinary quote for this quantity, however late: a price that held
                # is a new price, not an offer
                later = next((j for j in range(k, len(ts)) if rows[ords[j]][_C["id"]] != pid
                              and ts[j] - t <= cfg.lookback_days * DAY), None)
                if later is not None and abs(pr[later] / p - 1) <= cfg.flash_drop / 2:
                    continue
            if cue and near:
                # two quotes each side: a vendor selling two grades at one quantity has two levels;
                # the offer cuts the cheapest level above it, and quoting a level is no offer
                near += [j for j in (prev - 1 if prev else None, nxt + 1 if nxt is not None else None)
                         if j is not None and 0 <= j < len(ts) and abs(ts[j] - t) <= win
                         and rows[ords[j]][_C["id"]] != pid]
                above = [float(pr[j]) for j in near if pr[j] > p * (1 + cfg.flash_drop / 2)]
                if not above or any(abs(pr[j] / p - 1) <= cfg.flash_drop / 2 for j in near):
                    continue
                floor = base = max(above)
                evidence = [rows[ords[j]][_C["id"]] for j in near if pr[j] == base] + \
                    [rows[ords[j]][_C["id"]] for j in near if pr[j] != base]
            elif cue:
                # no quote at this quantity: larger quantities cost less per unit, so an offer below
                # the vendor's unit price for the next larger quantity is below its baseline
                bigger = [j for j in by_product[key[:4]] if rows[j][_C["quantity"]] > key[4]
                          and abs(rows[j][_C["ts"]] - t) <= win and rows[j][_C["id"]] != pid]
                if not bigger:
                    continue
                q_next = min(rows[j][_C["quantity"]] for j in bigger)
                bigger = [j for j in bigger if rows[j][_C["quantity"]] == q_next]
                floor = base = min(rows[j][_C["unit_price"]] for j in bigger)
                evidence = [rows[j][_C["id"]] for j in bigger][:3]
            else:
                # no cue: a clear cut between two identical quotes of the same quantity, which the
                # post does not quote as well (two grades, or a misread line)
                if prev is None or nxt is None or pr[prev] != pr[nxt]:
                    continue
                floor = base = float(pr[prev])
                if p > floor * (1 - max(cfg.flash_drop, 0.15)):
                    continue
                if any(x > floor * (1 - cfg.flash_drop) for x in levels[pid]):
                    continue
                evidence = [rows[ords[j]][_C["id"]] for j in near]
            if p > floor * (1 - cfg.flash_drop):
                continue
            # a price the vendor also quotes ordinarily (another grade) is no offer; with no cue,
            # a flash price is one-off over the whole series
            span = win if not cue else cfg.regular_days * DAY
            same = np.flatnonzero((np.abs(ts - t) <= span) & (np.abs(pr - p) < 1e-9))
            if any(rows[ords[j]][_C["id"]] != pid for j in same):
                continue
            per_post[pid].append((i, base, evidence))
    events = []
    for pid, hits in per_post.items():
        r = rows[hits[0][0]]
        vendor, cur = r[_C["vendor"]], r[_C["currency"]]
        parts, data = [], []
        for i, base, _ in hits:
            ri = rows[i]
            cut = ri[_C["unit_price"]] / base - 1
            parts.append(f"{ri[_C['product']]} {fmt_money(ri[_C['unit_price']], cur)}/{ri[_C['unit']]} "
                         f"vs {fmt_money(base, cur)} usually ({_pct(cut)})")
            data.append({"product": ri[_C["product"]], "unit": ri[_C["unit"]], "quantity": ri[_C["quantity"]],
                         "unit_price": ri[_C["unit_price"]], "baseline": round(base, 4), "cut": round(cut, 4)})
        cue_name = CLASS_NAMES[int(cls[hits[0][0]])]
        how = (f"with a promotion cue ({cue_name.replace('_', ' ')})" if int(cls[hits[0][0]]) >= OLD_PRICE
               else "and back to that price afterwards")
        evidence = list(dict.fromkeys([pid, *(x for h in hits for x in h[2])]))
        events.append({
            "key": f"flash_sale:{vendor}:{pid}", "type": "flash_sale", "ts": r[_C["ts"]],
            "until_ts": r[_C["ts"]] + cfg.flash_window_hours * 3600, "vendor": vendor, "network": r[_C["network"]],
            "product": r[_C["product"]], "place": r[_C["place"]], "department": r[_C["department"]],
            "summary": f"{vendor}: flash sale, " + "; ".join(parts),
            "explanation": (f"Post {pid} quotes prices below {vendor}'s own baseline (its ordinary price for "
                            f"the same quantity just before or after, else for larger quantities) {how}: "
                            + "; ".join(parts)
                            + f". Window: {cfg.flash_window_hours:g} h from the post."),
            "evidence": evidence, "data": {"currency": cur, "prices": data, "promotion": bool(r[_C["promotion"]]),
                                           "cue": cue_name},
        })
    return events


# ------------------------------------------------------------------ posts


def _areas(p: Mapping[str, Any]) -> list[str]:
    return [f"place:{x}" for x in p.get("places") or () if x] + \
        [f"department:{x}" for x in p.get("departments") or () if x]


def post_events(posts: Iterable[Mapping[str, Any]], cfg: EventConfig = EventConfig()) -> list[dict[str, Any]]:
    """new_vendor, first_product, rebrand and scam_wave over analysed posts in time order."""
    events: list[dict[str, Any]] = []
    start: float | None = None
    vendors: dict[str, dict[str, Any]] = {}
    area_first: dict[str, float] = {}
    seen_pa: set[tuple[str, str]] = set()
    nets: dict[str, dict[str, Any]] = {}
    scam_weeks: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    warm = cfg.warmup_days * DAY
    for p in posts:
        ts = p.get("ts")
        if ts is None:
            continue
        if start is None:
            start = ts
        cat = p.get("category")
        areas = _areas(p)
        if p.get("scam"):
            for a in ["all", *(f"department:{d}" for d in p.get("departments") or ())]:
                scam_weeks[a][p["week"]].append(p["id"])
        if cat == "sale":
            v = p.get("vendor")
            if v and v not in vendors:
                vendors[v] = {"ts": ts, "id": p["id"], "new": ts - start >= warm, "areas": list(areas), "n": 1,
                              "p": p}
            elif v and vendors[v]["n"] < 5:
                vendors[v]["n"] += 1
                if not vendors[v]["areas"]:
                    vendors[v]["areas"] = list(areas)
            for a in areas:
                af = area_first.get(a)
                for prod in p.get("products") or ():
                    if (prod, a) in seen_pa:
                        continue
                    seen_pa.add((prod, a))
                    if af is not None and ts - af >= warm:
                        kind, _, name = a.partition(":")
                        events.append({
                            "key": f"first_product:{prod}:{a}", "type": "first_product", "ts": ts, "until_ts": None,
                            "vendor": v, "network": p.get("network"), "product": prod,
                            "place": name if kind == "place" else None,
                            "department": name if kind == "department" else None,
                            "summary": f"first sighting of {prod} in {kind} {name}",
                            "explanation": (f"Post {p['id']} is the first sale post offering {prod} in {kind} {name}, "
                                            f"an area watched since {_day(af)}."),
                            "evidence": [p["id"]], "data": {"area": a, "area_since": _day(af)}})
        for a in areas:
            area_first.setdefault(a, ts)
        net = p.get("network")
        if net and cat in ("sale", "recruitment"):
            accts: list[str] = [str(a) for a in [p.get("account")] + [
                f"{h.get('platform')}:{str(h.get('handle', '')).lower().lstrip('@')}"
                for h in p.get("handles") or () if isinstance(h, Mapping)] if a]
            n = nets.get(net)
            if n is None:
                nets[net] = {"ts": ts, "accounts": set(accts), "last": p["id"]}
                continue
            for acct in accts:
                if acct in n["accounts"]:
                    continue
                # a new account on a platform the network already used replaces an old one; one on
                # another platform may only be the first sighting of an account it always had
                platform = acct.partition(":")[0]
                replaces = any(x.partition(":")[0] == platform for x in n["accounts"])
                n["accounts"].add(acct)
                if replaces and ts - n["ts"] >= cfg.rebrand_after_days * DAY:
                    events.append({
                        "key": f"rebrand:{net}:{acct}", "type": "rebrand", "ts": ts, "until_ts": None, "vendor": net,
                        "network": net, "product": None, "place": p.get("place"), "department": p.get("department"),
                        "summary": f"{net}: new account {acct}",
                        "explanation": (f"Network {net}, active since {_day(n['ts'])}, uses or advertises the account "
                                        f"{acct} for the first time in post {p['id']}, besides its earlier "
                                        f"{platform} account: a rebrand or backup account."),
                        "evidence": [p["id"], n["last"]], "data": {"account": acct, "network_since": _day(n["ts"])}})
            n["last"] = p["id"]
    for v, info in vendors.items():
        if not info["new"] or info["n"] < cfg.new_vendor_posts:
            continue
        area = info["areas"][0] if info["areas"] else ""
        kind, _, name = area.partition(":")
        where = f" in {kind} {name}" if area else ""
        first = info["p"]
        events.append({
            "key": f"new_vendor:{v}", "type": "new_vendor", "ts": info["ts"], "until_ts": None, "vendor": v,
            "network": first.get("network"), "product": (first.get("products") or [None])[0],
            "place": name if kind == "place" else None, "department": name if kind == "department" else None,
            "summary": f"new vendor {v}{where}",
            "explanation": (f"{v} posts its first sale offer on {_day(info['ts'])}{where} (post {info['id']}), "
                            f"after {cfg.warmup_days:g} days of observation without it, and "
                            f"{'at least ' if info['n'] >= 5 else ''}{info['n']} sale posts so far."),
            "evidence": [info["id"]], "data": {"areas": info["areas"]}})
    events.extend(_scam_waves(scam_weeks, cfg))
    return events


def _scam_waves(weeks: Mapping[str, Mapping[str, list[str]]], cfg: EventConfig) -> list[dict[str, Any]]:
    out = []
    for area, per in weeks.items():
        if not per:
            continue
        names = sorted(w for w in per if w)
        if not names:
            continue
        first = datetime.fromisoformat(names[0])
        last = datetime.fromisoformat(names[-1])
        all_weeks = [(first + timedelta(weeks=i)).strftime("%Y-%m-%d") for i in range((last - first).days // 7 + 1)]
        counts = [len(per.get(w, ())) for w in all_weeks]
        for i, w in enumerate(all_weeks):
            hist = counts[max(0, i - cfg.scam_history_weeks):i]
            n = counts[i]
            if len(hist) < 4 or n < cfg.scam_min:
                continue
            med = statistics.median(hist)
            mad = statistics.median(abs(h - med) for h in hist) * 1.4826
            if n < max(med * cfg.scam_factor, med + 3 * max(mad, 1.0)):
                continue
            kind, _, name = area.partition(":")
            where = f" in {kind} {name}" if name else ""
            ts = datetime.fromisoformat(w).replace(tzinfo=UTC).timestamp()
            out.append({
                "key": f"scam_wave:{area}:{w}", "type": "scam_wave", "ts": ts, "until_ts": ts + 7 * DAY,
                "vendor": None, "network": None, "product": None, "place": None,
                "department": name if kind == "department" else None,
                "summary": f"scam wave{where}: {n} scam posts in the week of {w}",
                "explanation": (f"{n} posts with advance-fee scam signals{where} in the week of {w}, against a "
                                f"median of {med:g} per week over the {len(hist)} weeks before."),
                "evidence": per[w][:50], "data": {"count": n, "median_before": med, "week": w}})
    return out


def detect(price_rows: Sequence[Sequence[Any]], posts: Iterable[Mapping[str, Any]],
           cfg: EventConfig = EventConfig(), texts: Texts | None = None) -> list[dict[str, Any]]:
    """Every event in the stored price rows and posts. `texts` gives the texts of posts by id: the
    price notices of the posts that show old prices are read from them (notices.py)."""
    series, outl = _series(price_rows)
    cls = _classes(price_rows, texts)
    flash = flash_sales(price_rows, cfg, series, outl, cls)
    return [*price_changes(price_rows, cfg, series, outl, _sale_rows(flash), cls), *flash,
            *post_events(posts, cfg)]


def _sale_rows(flash: Sequence[Mapping[str, Any]]) -> set[tuple[str, str, float]]:
    """(post id, product, quantity) of the prices that are flash-sale offers."""
    return {(e["evidence"][0], p["product"], p["quantity"]) for e in flash for p in e["data"]["prices"]}
