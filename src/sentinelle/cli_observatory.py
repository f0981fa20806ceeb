"""`sentinelle prices`, `events`, `watch`, `alerts` and `report`: the market observatory's faces."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _print(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False))


def add_observatory_parsers(sub: Any, db_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    _db_arg = db_arg


    p = sub.add_parser("prices", help="unit prices by product, place, department, network and week or month")
    p.add_argument("--product")
    p.add_argument("--department")
    p.add_argument("--place")
    p.add_argument("--network")
    p.add_argument("--tier", type=int, choices=[1, 10, 100], help="quantity tier (1, 10 or 100 units)")
    p.add_argument("--by", choices=["week", "month"], default="month")
    p.add_argument("--since", help="first period (YYYY-MM-DD)")
    p.add_argument("--until", help="period bound (YYYY-MM-DD, exclusive)")
    p.add_argument("--json", action="store_true", help="JSON lines")
    _db_arg(p)

    p = sub.add_parser("events", help="flash sales, price changes, new vendors and products, rebrands, scam waves")
    p.add_argument("--type", choices=["price_change", "flash_sale", "new_vendor", "first_product", "rebrand",
                                      "scam_wave"])
    p.add_argument("--since")
    p.add_argument("--until")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--alerts-config", help="TOML with the [smtp] settings for e-mail alerts")
    p.add_argument("--json", action="store_true")
    _db_arg(p)

    p = sub.add_parser("watch", help="watchlists (terms, handles, phones, places, products, networks) and alert rules")
    wsub = p.add_subparsers(dest="watch_command", required=True)
    w = wsub.add_parser("add", help="watch a term, handle, phone, place, product or network")
    w.add_argument("kind", choices=["term", "handle", "phone", "place", "product", "network"])
    w.add_argument("value")
    w.add_argument("--note", default="")
    _db_arg(w)
    w = wsub.add_parser("list", help="the watchlist and the alert rules")
    w.add_argument("--json", action="store_true")
    _db_arg(w)
    w = wsub.add_parser("remove", help="remove a watchlist entry by id")
    w.add_argument("id", type=int)
    _db_arg(w)
    w = wsub.add_parser("rule", help="add or replace an alert rule")
    w.add_argument("name")
    w.add_argument("--event", action="append", default=[], dest="types",
                   help="event type to alert on (repeatable; 'watch' for watchlist hits, '*' for all)")
    w.add_argument("--webhook", default="", help="URL the alert is POSTed to as JSON")
    w.add_argument("--email", default="", help="address the alert is mailed to (SMTP: --alerts-config)")
    for f in ("product", "department", "place", "network"):
        w.add_argument(f"--{f}")
    _db_arg(w)

    p = sub.add_parser("alerts", help="stored alerts; mark them seen or dismissed")
    p.add_argument("--status", choices=["new", "seen", "dismissed"])
    p.add_argument("--mark", choices=["new", "seen", "dismissed"], help="set this status on --id alerts")
    p.add_argument("--id", type=int, action="append", default=[], dest="ids")
    p.add_argument("--refresh", action="store_true", help="detect events and fire alerts first")
    p.add_argument("--alerts-config", help="TOML with the [smtp] settings for e-mail alerts")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    _db_arg(p)

    p = sub.add_parser("report", help="reports: trends (self-contained HTML)")
    p.add_argument("kind", choices=["trends"])
    p.add_argument("--since")
    p.add_argument("--until")
    p.add_argument("--department")
    p.add_argument("--by", choices=["week", "month"], default="week")
    p.add_argument("-o", "--output", required=True, help="HTML file to write")
    _db_arg(p)


def cmd_prices(args: argparse.Namespace) -> int:
    from .collect import open_db
    from .observatory import price_table
    from .observatory.prices import fmt_money

    with open_db(args.db) as store:
        rows = price_table(store, by=args.by, product=args.product, department=args.department, place=args.place,
                           network=args.network, tier=args.tier, since=args.since, until=args.until)
    for r in rows:
        if args.json:
            _print(r)
            continue
        gap = f" gap {r['gap'] * 100:+.0f}% vs {r['reference']['value']:g} ({r['reference']['year']})" \
            if r["gap"] is not None else ""
        cur = r["currency"]
        print(f"{r['period']}  {r['product']:<20} {r['tier']:>3} {r['unit']:<7} n={r['n']:<5} "
              f"median {fmt_money(r['median'], cur)} [{fmt_money(r['q1'], cur)} – {fmt_money(r['q3'], cur)}]"
              f"{' outliers ' + str(r['outliers']) if r['outliers'] else ''}{gap}")
    if not rows and not args.json:
        print("no price points match", file=sys.stderr)
    return 0


def _delivery(path: str | None) -> Any:
    from .observatory import DeliveryConfig

    return DeliveryConfig.load(path)


def cmd_events(args: argparse.Namespace) -> int:
    from .collect import open_db
    from .observatory import refresh
    from .store.query import time_bound

    with open_db(args.db) as store:
        done = refresh(store, delivery=_delivery(args.alerts_config))
        events = store.obs_events(type=args.type, since=time_bound(args.since, upper=False, where="--since"),
                                  until=time_bound(args.until, upper=True, where="--until"), limit=args.limit)
    for e in events:
        if args.json:
            _print(e)
        else:
            print(f"{e['type']:<14} {e['summary']}\n    {e['explanation']}\n"
                  f"    evidence: {', '.join(e['evidence'][:6])}")
    print(f"{done['new_events']} new events, {done['new_alerts']} new alerts", file=sys.stderr)
    return 0


def cmd_watch(args: argparse.Namespace) -> int:
    from .collect import open_db

    with open_db(args.db) as store:
        if args.watch_command == "add":
            wid = store.obs_watch_add(args.kind, args.value, args.note)
            print(f"watch {wid}: {args.kind} {args.value}")
        elif args.watch_command == "remove":
            if not store.obs_watch_remove(args.id):
                print(f"no watch {args.id}", file=sys.stderr)
                return 1
        elif args.watch_command == "rule":
            filters = {f: getattr(args, f) for f in ("product", "department", "place", "network") if getattr(args, f)}
            rid = store.obs_rule_add(args.name, args.types or ["*"], filters=filters, webhook=args.webhook,
                                     email=args.email)
            print(f"rule {rid}: {args.name} on {', '.join(args.types or ['*'])}")
        else:
            items, rules = store.obs_watch_list(), store.obs_rules()
            if args.json:
                _print({"watch": items, "rules": rules})
            else:
                for w in items:
                    print(f"{w['id']:>4} {w['kind']:<8} {w['value']}  ({w['hits']} hits) {w['note']}")
                for r in rules:
                    print(f"rule {r['name']}: {', '.join(r['types'])} {r['filters'] or ''} "
                          f"webhook={r['webhook'] or '-'} email={r['email'] or '-'}")
    return 0


def cmd_alerts(args: argparse.Namespace) -> int:
    from .collect import open_db
    from .observatory import refresh

    with open_db(args.db) as store:
        if args.refresh:
            refresh(store, delivery=_delivery(args.alerts_config))
        if args.mark:
            store.obs_alert_status(args.ids, args.mark)
        alerts = store.obs_alerts(status=args.status, ids=args.ids or None, limit=args.limit)
    for a in alerts:
        if args.json:
            _print(a)
        else:
            print(f"{a['id']:>5} [{a['status']}] {a['created_at']} {a['kind']}: {a['title']}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from .collect import open_db
    from .observatory.report import trends_html

    with open_db(args.db) as store:
        page = trends_html(store, since=args.since, until=args.until, department=args.department, by=args.by)
    Path(args.output).write_text(page, encoding="utf-8")
    print(f"wrote {args.output} ({len(page) // 1024} KiB)", file=sys.stderr)
    return 0



OBSERVATORY_COMMANDS = {"prices": cmd_prices, "events": cmd_events, "watch": cmd_watch, "alerts": cmd_alerts,
                         "report": cmd_report}
