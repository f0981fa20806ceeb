"""The trend report: one self-contained HTML file (inline CSS and SVG, no script, no network).

Charts are drawn here as SVG: unit price over time per product (median and interquartile band),
post volume by category, the most active networks; then a table by department and the recent
events with their evidence.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from ..store import Store
from ..store.query import time_bound
from .prices import fmt_money, load_references, price_table, refresh_stats

_COLORS = {"sale": "#c0392b", "recruitment": "#2e86c1", "other": "#95a5a6"}
_W, _H, _PAD = 560, 220, 44


def _e(x: Any) -> str:
    return html.escape(str(x), quote=True)


def _ticks(lo: float, hi: float, n: int = 4) -> list[float]:
    if hi <= lo:
        return [lo]
    return [lo + (hi - lo) * i / n for i in range(n + 1)]


def line_chart(title: str, periods: Sequence[str], series: Mapping[str, Sequence[tuple[str, float, float, float]]],
               unit_label: str, ref: float | None = None) -> str:
    """Median lines with an interquartile band; series: label -> [(period, q1, median, q3)]."""
    xs = {p: i for i, p in enumerate(periods)}
    vals = [v for pts in series.values() for _, a, _m, b in pts for v in (a, b)] + ([ref] if ref else [])
    lo, hi = (min(vals), max(vals)) if vals else (0.0, 1.0)
    lo, hi = max(0.0, lo * 0.9), hi * 1.1 if hi > 0 else 1.0
    iw, ih = _W - 2 * _PAD, _H - 2 * _PAD

    def x(p: str) -> float:
        return _PAD + (xs[p] / max(1, len(periods) - 1)) * iw

    def y(v: float) -> float:
        return _PAD + ih - (v - lo) / (hi - lo or 1) * ih

    out = [f'<svg class="chart" role="img" aria-label="{_e(title)}" width="{_W}" height="{_H}" '
           f'viewBox="0 0 {_W} {_H}" xmlns="http://www.w3.org/2000/svg">',
           f'<text x="{_PAD}" y="18" class="t">{_e(title)}</text>']
    for v in _ticks(lo, hi):
        out.append(f'<line x1="{_PAD}" x2="{_W - _PAD}" y1="{y(v):.1f}" y2="{y(v):.1f}" class="g"/>'
                   f'<text x="{_PAD - 4}" y="{y(v) + 4:.1f}" class="a" text-anchor="end">{v:.3g}</text>')
    step = max(1, len(periods) // 6)
    for p in periods[::step]:
        out.append(f'<text x="{x(p):.1f}" y="{_H - _PAD + 16}" class="a" text-anchor="middle">{_e(p)}</text>')
    out.append(f'<text x="{_W - _PAD}" y="{_H - 6}" class="a" text-anchor="end">{_e(unit_label)}</text>')
    if ref:
        out.append(f'<line x1="{_PAD}" x2="{_W - _PAD}" y1="{y(ref):.1f}" y2="{y(ref):.1f}" class="ref"/>'
                   f'<text x="{_W - _PAD}" y="{y(ref) - 4:.1f}" class="a" text-anchor="end">reference {ref:g}</text>')
    palette = ["#c0392b", "#2e86c1", "#27ae60", "#8e44ad", "#d68910"]
    for k, (label, pts) in enumerate(series.items()):
        c = palette[k % len(palette)]
        pts = [p for p in pts if p[0] in xs]
        if not pts:
            continue
        band = [f"{x(p):.1f},{y(b):.1f}" for p, _a, _m, b in pts] + \
            [f"{x(p):.1f},{y(a):.1f}" for p, a, _m, _b in reversed(pts)]
        out.append(f'<polygon points="{" ".join(band)}" fill="{c}" fill-opacity="0.15" stroke="none"/>')
        line = " ".join(f"{x(p):.1f},{y(m):.1f}" for p, _a, m, _b in pts)
        out.append(f'<polyline points="{line}" fill="none" stroke="{c}" stroke-width="2"/>')
        out += [f'<circle cx="{x(p):.1f}" cy="{y(m):.1f}" r="2.5" fill="{c}"><title>{_e(label)} {_e(p)}: '
                f'median {m:g}</title></circle>' for p, _a, m, _b in pts]
        out.append(f'<text x="{_PAD + 8 + 150 * k}" y="34" class="a" fill="{c}">■ {_e(label)}</text>')
    out.append("</svg>")
    return "".join(out)


def stacked_bars(title: str, periods: Sequence[str], counts: Mapping[str, Mapping[str, int]]) -> str:
    """counts: period -> category -> posts."""
    iw, ih = _W - 2 * _PAD, _H - 2 * _PAD
    top = max([sum(c.values()) for c in counts.values()] or [1]) or 1
    bw = iw / max(1, len(periods))
    out = [f'<svg class="chart" role="img" aria-label="{_e(title)}" width="{_W}" height="{_H}" '
           f'viewBox="0 0 {_W} {_H}" xmlns="http://www.w3.org/2000/svg">',
           f'<text x="{_PAD}" y="18" class="t">{_e(title)}</text>']
    for v in _ticks(0, top):
        yy = _PAD + ih - v / top * ih
        out.append(f'<line x1="{_PAD}" x2="{_W - _PAD}" y1="{yy:.1f}" y2="{yy:.1f}" class="g"/>'
                   f'<text x="{_PAD - 4}" y="{yy + 4:.1f}" class="a" text-anchor="end">{v:.0f}</text>')
    for i, p in enumerate(periods):
        base = float(_PAD + ih)
        for cat in ("sale", "recruitment", "other"):
            n = counts.get(p, {}).get(cat, 0)
            h = n / top * ih
            if h > 0:
                out.append(f'<rect x="{_PAD + i * bw + 1:.1f}" y="{base - h:.1f}" width="{max(1.0, bw - 2):.1f}" '
                           f'height="{h:.1f}" fill="{_COLORS[cat]}"><title>{_e(p)} {cat}: {n}</title></rect>')
            base -= h
    step = max(1, len(periods) // 6)
    for i, p in enumerate(periods[::step]):
        out.append(f'<text x="{_PAD + (i * step + 0.5) * bw:.1f}" y="{_H - _PAD + 16}" class="a" '
                   f'text-anchor="middle">{_e(p)}</text>')
    for k, cat in enumerate(("sale", "recruitment", "other")):
        out.append(f'<text x="{_PAD + 8 + 110 * k}" y="34" class="a" fill="{_COLORS[cat]}">■ {cat}</text>')
    out.append("</svg>")
    return "".join(out)


def hbars(title: str, items: Sequence[tuple[str, int]]) -> str:
    h = 40 + 22 * max(1, len(items))
    top = max([n for _, n in items] or [1]) or 1
    out = [f'<svg class="chart" role="img" aria-label="{_e(title)}" width="{_W}" height="{h}" '
           f'viewBox="0 0 {_W} {h}" xmlns="http://www.w3.org/2000/svg">',
           f'<text x="4" y="18" class="t">{_e(title)}</text>']
    for i, (label, n) in enumerate(items):
        yy = 30 + 22 * i
        w = n / top * (_W - 220)
        out.append(f'<text x="150" y="{yy + 14}" class="a" text-anchor="end">{_e(label[:24])}</text>'
                   f'<rect x="156" y="{yy}" width="{max(1.0, w):.1f}" height="16" fill="#2e86c1">'
                   f'<title>{_e(label)}: {n}</title></rect>'
                   f'<text x="{160 + w:.1f}" y="{yy + 13}" class="a">{n}</text>')
    out.append("</svg>")
    return "".join(out)


_CSS = """body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1200px}
h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd}
.grid{display:flex;flex-wrap:wrap;gap:12px}.chart{background:#fafafa;border:1px solid #e5e5e5}
.t{font-size:13px;font-weight:600}.a{font-size:10px;fill:#555}.g{stroke:#e3e3e3}
.ref{stroke:#555;stroke-dasharray:4 3}table{border-collapse:collapse;font-size:13px}
td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}th{background:#f0f0f0}.muted{color:#777}"""


def trends_html(store: Store, *, since: str | None = None, until: str | None = None,
                department: str | None = None, by: str = "week", products: int = 6) -> str:
    refresh_stats(store)
    s_ts = time_bound(since, upper=False, where="--since")
    u_ts = time_bound(until, upper=True, where="--until")
    s_p = since[:10] if since else None
    u_p = until[:10] if until else None
    rows = price_table(store, by=by, department=department, refresh=False,
                       since=s_p if by == "week" or not s_p else s_p[:7], until=u_p)
    refs = load_references()
    groups: dict[tuple[str, str, str], dict[int, list[tuple[str, float, float, float]]]] = defaultdict(dict)
    counts: dict[tuple[str, str, str], int] = defaultdict(int)
    for r in rows:
        groups[(r["product"], r["unit"], r["currency"])].setdefault(r["tier"], []).append(
            (r["period"], r["q1"], r["median"], r["q3"]))
        counts[(r["product"], r["unit"], r["currency"])] += r["n"]
    charts = []
    for key in sorted(counts, key=lambda k: -counts[k])[:products]:
        product, unit, cur = key
        series = {f"{tier} {unit} tier": pts for tier, pts in sorted(groups[key].items())}
        periods = sorted({p for pts in series.values() for p, *_ in pts})
        ref = refs.get(key)
        charts.append(line_chart(f"{product}: unit price per {unit} ({cur}), median and quartiles", periods, series,
                                 f"{cur} per {unit}", ref.value if ref else None))
    vol: dict[str, dict[str, int]] = defaultdict(dict)
    for period, cat, n in store.obs_volume(by, since=s_ts, until=u_ts, department=department):
        vol[period][cat] = n
    nets = store.obs_top("network", since=s_ts, until=u_ts, department=department, limit=12)
    depts = store.obs_top("department", since=s_ts, until=u_ts, limit=30)
    events = store.obs_events(since=s_ts, until=u_ts, limit=40)
    if department:
        events = [e for e in events if e.get("department") in (None, department)]
    scope = f" — department {department}" if department else ""
    period = f"{since or 'start'} to {until or 'now'}"
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Sentinelle trends{_e(scope)}</title>"
             f"<style>{_CSS}</style></head><body>",
             f"<h1>Market trends{_e(scope)}</h1><p class='muted'>{_e(period)}; generated "
             f"{datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}. Unit prices are medians per {by} after "
             "outlier removal (Tukey fences); quantity tiers and currencies are never mixed.</p>",
             "<h2>Unit price over time</h2><div class='grid' id='prices'>",
             *(charts or ["<p class='muted'>No price points in this period.</p>"]), "</div>",
             "<h2>Posts by category</h2><div class='grid' id='volume'>",
             stacked_bars(f"Posts per {by}", sorted(vol), vol), "</div>",
             "<h2>Most active networks</h2><div class='grid' id='networks'>",
             hbars("Sale and recruitment posts per network", [(n["network"], n["posts"]) for n in nets]), "</div>",
             "<h2>By department</h2><table id='departments'><tr><th>department</th><th>posts</th><th>sale</th>"
             "<th>recruitment</th><th>accounts</th></tr>",
             *(f"<tr><td>{_e(d['department'])}</td><td>{d['posts']}</td><td>{d['sale']}</td><td>{d['recruitment']}"
               f"</td><td>{d['accounts']}</td></tr>" for d in depts), "</table>",
             "<h2>Recent events</h2><table id='events'><tr><th>date</th><th>type</th><th>what</th>"
             "<th>evidence</th></tr>",
             *(f"<tr><td>{datetime.fromtimestamp(e['ts'] or 0, UTC):%Y-%m-%d}</td><td>{_e(e['type'])}</td>"
               f"<td title='{_e(e['explanation'])}'>{_e(e['summary'])}</td>"
               f"<td>{_e(', '.join(e['evidence'][:4]))}</td></tr>" for e in events), "</table>",
             "<h2>Reference prices</h2><table><tr><th>product</th><th>unit</th><th>value</th><th>year</th>"
             "<th>source</th></tr>",
             *(f"<tr><td>{_e(r.product)}</td><td>{_e(r.unit)}</td><td>{_e(fmt_money(r.value, r.currency))}</td>"
               f"<td>{r.year}</td><td>{_e(r.source)}</td></tr>" for r in refs.values()), "</table>",
             "</body></html>"]
    return "".join(parts)
