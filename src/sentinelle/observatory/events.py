"""Market events found in the stored price points and posts.

Each event is a dict (observatory_sql.EVENT_FIELDS) with an idempotent `key` (the same event
found again after a re-analysis has the same key and is stored once), the post ids that are its
evidence, and an explanation sentence. A vendor is a network when the post belongs to one, else
the posting account (platform:handle).

- price_change: in one vendor's series of unit prices for one product, unit, currency and exact
  quantity (promotions and outliers left out), a quote at a new level (not quoted in the
  `recent_days` before) after a quote at the old level, which is not quoted again in the next
  `confirm` quotes (else the vendor sells two grades at that quantity).
- flash_sale: a post quoting a price below the vendor's own baseline for that series (median of
  its ordinary prices within `baseline_days`) by `flash_drop` or more, with a promotion cue or
  a return to the baseline afterwards; the sale window runs `flash_window_hours` from the post.
- new_vendor: a vendor's first post, once the store has `warmup_days` of history.
- first_product: the first sale post offering a product in a place or department known for
  `warmup_days` (e.g. 3-MMC in the Loire).
- rebrand: a network posting from, or advertising, an account it never used before, once the
  network is `rebrand_after_days` old.
- scam_wave: a week with many more scam posts than the preceding weeks (overall or in a
  department).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np

from .prices import _C, _codes, fmt_money, outlier_mask

DAY = 86400.0
OUTLIER_K = 3.0
EVENT_TYPES = ("price_change", "flash_sale", "new_vendor", "first_product", "rebrand", "scam_wave")


@dataclass(frozen=True, slots=True)
class EventConfig:
    warmup_days: float = 14.0
    confirm: int = 2
    change_min: float = 0.04
    grace_days: float = 3.0
    lookback_days: float = 365.0
    flash_drop: float = 0.08
    flash_window_hours: float = 48.0
    baseline_days: float = 90.0
    recent_days: float = 60.0
    regular_days: float = 30.0
    rebrand_after_days: float = 7.0
    scam_min: int = 5
    scam_factor: float = 2.0
    scam_history_weeks: int = 8


def _day(ts: float | None) -> str:
    return datetime.fromtimestamp(ts or 0, UTC).strftime("%Y-%m-%d")


def _pct(x: float) -> str:
    return f"{x * 100:+.0f}%"


# ------------------------------------------------------------------ prices


def _series(rows: Sequence[Sequence[Any]]) -> tuple[dict[tuple[Any, ...], list[int]], np.ndarray]:
    """Row indices per (vendor, product, unit, currency, quantity), in time order; and the outlier mask."""
    if not rows:
        return {}, np.zeros(0, dtype=bool)
    base, _ = _codes([(r[_C["product"]], r[_C["unit"]], r[_C["currency"]], r[_C["tier"]]) for r in rows])
    price = np.asarray([r[_C["unit_price"]] for r in rows], dtype=np.float64)
    # far fences: vendors' own levels differ a lot; only extraction errors (a lost decimal point) go
    outl = outlier_mask(base, np.log(np.maximum(price, 1e-9)), OUTLIER_K)
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
                  on_sale: set[tuple[str, str, float]] | None = None) -> list[dict[str, Any]]:
    """Price changes; prices of posts with a promotion cue count unless they are flash-sale offers
    (`on_sale`, from `flash_sales`; without it every promotion post is left out)."""
    if series is None or outl is None:
        series, outl = _series(rows)

    def skip(i: int) -> bool:
        r = rows[i]
        if outl[i]:
            return True
        if on_sale is None:
            return bool(r[_C["promotion"]])
        return (r[_C["id"]], r[_C["product"]], r[_C["quantity"]]) in on_sale

    found: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for (vendor, product, unit, currency, qty), idx in series.items():
        # one entry per post: the set of price levels it quotes at this quantity (several grades)
        seq: list[tuple[float, set[float], int]] = []
        for i in idx:
            if skip(i):
                continue
            r = rows[i]
            if seq and rows[seq[-1][2]][_C["id"]] == r[_C["id"]]:
                seq[-1][1].add(round(r[_C["unit_price"]], 4))
            else:
                seq.append((r[_C["ts"]], {round(r[_C["unit_price"]], 4)}, i))
        for k in range(1, len(seq)):
            t, cur, i = seq[k]
            prev_t, prev, prev_i = seq[k - 1]
            new_lv = sorted(cur - prev)
            gone = sorted(prev - cur)
            if not new_lv or len(new_lv) != len(gone) or t - prev_t > cfg.lookback_days * DAY:
                continue
            recent = set().union(*(lv for tt, lv, _ in seq[:k] if t - tt <= cfg.recent_days * DAY))
            ahead_posts = [lv for tt, lv, _ in seq[k + 1:k + 1 + cfg.confirm] if tt - t <= cfg.recent_days * DAY]
            ahead = set().union(*ahead_posts) if ahead_posts else set()
            for a, b in zip(gone, new_lv, strict=True):
                if not (0.5 < b / a < 2.0) or abs(b / a - 1) < cfg.change_min:
                    continue
                # b is a new level (not quoted lately) and a, the old one, is not quoted again just after
                if b in recent or a in ahead:
                    continue
                first_row = rows[i]
                found[(vendor, product, currency, first_row[_C["id"]])].append({
                    "unit": unit, "quantity": qty, "old": a, "new": b, "ts": t,
                    "old_last": rows[prev_i][_C["id"]], "old_last_ts": prev_t,
                    "new_posts": [rows[j][_C["id"]] for _, lv, j in seq[k:k + 5] if b in lv],
                    "confirmed": b in ahead, "row": first_row})
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
                            f"{fmt_money(c0['new'], currency)} from {_day(c0['ts'])} on, seen at least "
                            f"{cfg.confirm} times each: a price change {direction}."),
            "evidence": evidence,
            "data": {"direction": direction, "currency": currency,
                     "confirmed": any(c["confirmed"] for c in changes), "changes": [
                {"unit": c["unit"], "quantity": c["quantity"], "old_unit_price": c["old"],
                 "new_unit_price": c["new"]} for c in changes]},
        })
    return events


def flash_sales(rows: Sequence[Sequence[Any]], cfg: EventConfig = EventConfig(),
                series: Mapping[tuple[Any, ...], list[int]] | None = None,
                outl: np.ndarray | None = None) -> list[dict[str, Any]]:
    if series is None or outl is None:
        series, outl = _series(rows)
    per_post: dict[str, list[tuple[int, float, list[str]]]] = defaultdict(list)
    win = cfg.baseline_days * DAY
    by_product: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for key, idx in series.items():
        by_product[key[:4]].extend(i for i in idx if not rows[i][_C["promotion"]] and not outl[i])
    for key, idx in series.items():
        ordinary = [i for i in idx if not rows[i][_C["promotion"]] and not outl[i]]
        ts = np.asarray([rows[i][_C["ts"]] for i in ordinary])
        pr = np.asarray([rows[i][_C["unit_price"]] for i in ordinary])
        for i in idx:
            r = rows[i]
            pid, t, p, cue = r[_C["id"]], r[_C["ts"]], r[_C["unit_price"]], bool(r[_C["promotion"]])
            k = int(np.searchsorted(ts, t))
            prev = next((j for j in range(k - 1, -1, -1) if rows[ordinary[j]][_C["id"]] != pid), None)
            nxt = next((j for j in range(k, len(ts)) if rows[ordinary[j]][_C["id"]] != pid), None)
            if prev is not None and t - ts[prev] > win:
                prev = None
            if nxt is not None and ts[nxt] - t > win:
                nxt = None
            near = [j for j in (prev, nxt) if j is not None]
            if cue and near:
                # two quotes each side: a vendor selling two grades at one quantity is not on sale
                # when it quotes the cheaper one
                near += [j for j in (prev - 1 if prev else None, nxt + 1 if nxt is not None else None)
                         if j is not None and 0 <= j < len(ts) and abs(ts[j] - t) <= win
                         and rows[ordinary[j]][_C["id"]] != pid]
                # the vendor's current price for this very quantity, before and after the offer
                floor = float(min(pr[j] for j in near))
                base = float(pr[near[0]])
                evidence = [rows[ordinary[j]][_C["id"]] for j in near]
            elif cue:
                # no quote at this quantity: larger quantities cost less per unit, so an offer below
                # the vendor's unit price for any larger quantity is below its baseline
                bigger = [j for j in by_product[key[:4]] if rows[j][_C["quantity"]] > key[4]
                          and abs(rows[j][_C["ts"]] - t) <= win and rows[j][_C["id"]] != pid]
                if not bigger:
                    continue
                floor = base = min(rows[j][_C["unit_price"]] for j in bigger)
                evidence = [rows[j][_C["id"]] for j in bigger][:3]
            else:
                # no cue: a clear cut between two identical quotes of the same quantity
                if prev is None or nxt is None or pr[prev] != pr[nxt]:
                    continue
                floor = base = float(pr[prev])
                if p > floor * (1 - max(cfg.flash_drop, 0.15)):
                    continue
                evidence = [rows[ordinary[j]][_C["id"]] for j in near]
            if p > floor * (1 - cfg.flash_drop):
                continue
            # a price the vendor also quotes ordinarily (another grade) is no offer; with no cue,
            # a flash price is one-off over the whole series
            span = win if not cue else cfg.regular_days * DAY
            same = np.flatnonzero((np.abs(ts - t) <= span) & (np.abs(pr - p) < 1e-9))
            if any(rows[ordinary[j]][_C["id"]] != pid for j in same):
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
        how = "with a promotion cue" if r[_C["promotion"]] else "and back to that price afterwards"
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
            "evidence": evidence, "data": {"currency": cur, "prices": data, "promotion": bool(r[_C["promotion"]])},
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
            accts = [p.get("account")] + [f"{h.get('platform')}:{str(h.get('handle', '')).lower().lstrip('@')}"
                                          for h in p.get("handles") or () if isinstance(h, Mapping)]
            accts = [a for a in accts if a]
            n = nets.get(net)
            if n is None:
                nets[net] = {"ts": ts, "accounts": set(accts), "last": p["id"]}
                continue
            for acct in accts:
                if acct in n["accounts"]:
                    continue
                n["accounts"].add(acct)
                if ts - n["ts"] >= cfg.rebrand_after_days * DAY:
                    events.append({
                        "key": f"rebrand:{net}:{acct}", "type": "rebrand", "ts": ts, "until_ts": None, "vendor": net,
                        "network": net, "product": None, "place": p.get("place"), "department": p.get("department"),
                        "summary": f"{net}: new account {acct}",
                        "explanation": (f"Network {net}, active since {_day(n['ts'])}, uses or advertises the account "
                                        f"{acct} for the first time in post {p['id']}: a rebrand or backup account."),
                        "evidence": [p["id"], n["last"]], "data": {"account": acct, "network_since": _day(n["ts"])}})
            n["last"] = p["id"]
    for v, info in vendors.items():
        if not info["new"]:
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
                            f"after {cfg.warmup_days:g} days of observation without it."),
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
           cfg: EventConfig = EventConfig()) -> list[dict[str, Any]]:
    series, outl = _series(price_rows)
    flash = flash_sales(price_rows, cfg, series, outl)
    return [*price_changes(price_rows, cfg, series, outl), *flash,
            *post_events(posts, cfg)]


def _sale_rows(rows: Sequence[Sequence[Any]], flash: Sequence[Mapping[str, Any]]) -> set[tuple[str, str, float]]:
    """(post id, product, quantity) of the prices that are flash-sale offers."""
    return {(e["evidence"][0], p["product"], p["quantity"]) for e in flash for p in e["data"]["prices"]}
