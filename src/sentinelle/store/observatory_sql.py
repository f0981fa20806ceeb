"""SQL of the market observatory (`sentinelle.observatory`): schema (migrations 5 and 8) and queries.

Migration 5 adds two tables filled by triggers on `results`, so they follow every write of an
analysis (save, re-analysis, network relink) without any change to the code that writes it:

- `obs_prices`: one row per price point of a stored record, normalised: kilograms become grams,
  `unit_price` = price / quantity in its unit (g, pill, blotter, ml, unit, bag), the quantity tier
  kept apart (1: under 5 units, 10: 5 to 49, 100: 50 and more), the currency as stated (never
  converted), the vendor (its network, else platform:author), the first place and department,
  the UTC day, week (its Monday) and month of the post;
- `obs_posts`: one row per analysed post with what the trend report and the events need.

and the observatory's own state: cached price statistics, events, watchlists, alert rules,
watch hits and alerts. Migration 8 keeps the promotion rules of each price point and post counts
(`obs_counts`, see MIGRATION_8_STEPS) up to date by triggers. `ObservatorySQLMixin` gives
`SQLiteStore` the observatory methods of the `Store` interface; no SQL leaves this module.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from .plumbing import SQLPlumbing

_Q = "CAST(json_extract(j.value, '$.quantity') AS REAL)"
_P = "CAST(json_extract(j.value, '$.price') AS REAL)"
_U = "json_extract(j.value, '$.unit')"
_QN = f"(CASE {_U} WHEN 'kg' THEN {_Q} * 1000 ELSE {_Q} END)"  # the quantity in g when kg
_ACCOUNT = "CASE WHEN p.author <> '' THEN p.platform || ':' || lower(ltrim(p.author, '@')) END"

# {src}: extra tables before json_each (the trigger reads new.*, the backfill reads results r)
_PRICE_SELECT = f"""
SELECT {{pk}}, json_extract(j.value, '$.product'), CASE {_U} WHEN 'kg' THEN 'g' ELSE {_U} END,
       upper(json_extract(j.value, '$.currency')), {_QN}, {_P}, {_P} / {_QN},
       CASE WHEN {_QN} < 5 THEN 1 WHEN {_QN} < 50 THEN 10 ELSE 100 END,
       coalesce(nullif({{net}}, ''), {_ACCOUNT}), nullif({{net}}, ''), {_ACCOUNT},
       json_extract({{rec}}, '$.places[0]'), json_extract({{rec}}, '$.departments[0]'),
       p.ts, date(p.ts, 'unixepoch'), date(p.ts, 'unixepoch', 'weekday 0', '-6 days'),
       strftime('%Y-%m', p.ts, 'unixepoch'), coalesce(json_extract({{rec}}, '$.promotion'), 0)
FROM {{src}} posts p, json_each({{rec}}, '$.prices') j
WHERE p.pk = {{pk}} AND j.type = 'object' AND json_extract(j.value, '$.product') IS NOT NULL
  AND json_extract(j.value, '$.currency') IS NOT NULL AND {_Q} > 0 AND {_P} > 0
  AND {_U} IN ('g', 'kg', 'pill', 'blotter', 'ml', 'unit', 'bag')"""

_PRICE_COLS = ("post_pk, product, unit, currency, quantity, price, unit_price, tier, vendor, network, "
               "account, place, department, ts, day, week, month, promotion")

# Migration 8: each price point also keeps the rules of its post's promotion evidence (JSON list,
# NULL without a promotion): the observatory tells offers from new price lists with them
# (observatory/cues.py).
_PROMO_RULES = """CASE WHEN coalesce(json_extract({rec}, '$.promotion'), 0) THEN (
       SELECT json_group_array(DISTINCT json_extract(e.value, '$.rule')) FROM json_each({rec}, '$.evidence') e
       WHERE json_extract(e.value, '$.field') = 'promotion') END"""
_PRICE_SELECT_V8 = _PRICE_SELECT.replace(
    "coalesce(json_extract({rec}, '$.promotion'), 0)\nFROM",
    "coalesce(json_extract({rec}, '$.promotion'), 0),\n       " + _PROMO_RULES + "\nFROM", 1)
_PRICE_COLS_V8 = _PRICE_COLS + ", promo_rules"

_POST_SELECT = """
SELECT {pk}, p.ts, date(p.ts, 'unixepoch', 'weekday 0', '-6 days'), strftime('%Y-%m', p.ts, 'unixepoch'),
       {cat},
       coalesce(nullif({net}, ''), CASE WHEN p.author <> '' THEN p.platform || ':' || lower(ltrim(p.author, '@')) END),
       nullif({net}, ''),
       CASE WHEN p.author <> '' THEN p.platform || ':' || lower(ltrim(p.author, '@')) END,
       coalesce(json_extract({rec}, '$.scam_signals'), 0), coalesce(json_extract({rec}, '$.promotion'), 0),
       coalesce(json_extract({rec}, '$.products'), '[]'), coalesce(json_extract({rec}, '$.places'), '[]'),
       coalesce(json_extract({rec}, '$.departments'), '[]'), coalesce(json_extract({rec}, '$.handles'), '[]'),
       json_extract({rec}, '$.places[0]'), json_extract({rec}, '$.departments[0]')
FROM {src} posts p WHERE p.pk = {pk}"""

_POST_COLS = ("post_pk, ts, week, month, category, vendor, network, account, scam, promotion, products, "
              "places, departments, handles, place, department")


def _fill(alias: str, src: str) -> tuple[str, str]:
    kw = {"pk": f"{alias}.post_pk", "net": f"{alias}.network", "rec": f"{alias}.record", "src": src}
    prices = _PRICE_SELECT.format(**kw)
    posts = _POST_SELECT.format(**kw, cat=f"{alias}.category", account=_ACCOUNT)
    return (f"INSERT INTO obs_prices({_PRICE_COLS}) {prices}",
            f"INSERT OR REPLACE INTO obs_posts({_POST_COLS}) {posts}")


_NEW_PRICES, _NEW_POST = _fill("new", "")
_ALL_PRICES, _ALL_POSTS = _fill("r", "results r,")


def _prices_v8(alias: str, src: str) -> str:
    kw = {"pk": f"{alias}.post_pk", "net": f"{alias}.network", "rec": f"{alias}.record", "src": src}
    return f"INSERT INTO obs_prices({_PRICE_COLS_V8}) {_PRICE_SELECT_V8.format(**kw)}"


_NEW_PRICES_V8 = _prices_v8("new", "")
# Migration 9: prices in currencies outside the contract's (CAD, AUD, ...) are in the record's
# `prices_other_currencies` (core.OTHER_PRICES); the observatory keeps them as well.
_NEW_OTHER_PRICES_V9 = _NEW_PRICES_V8.replace("'$.prices'", "'$.prices_other_currencies'")


_BUMP = "UPDATE obs_state SET value = CAST(value AS INTEGER) + 1 WHERE name = 'generation'"


def _backfill(conn: sqlite3.Connection) -> None:
    conn.execute(_ALL_POSTS)
    conn.execute(_ALL_PRICES)


MIGRATION_STEPS: tuple[Any, ...] = (
    """CREATE TABLE obs_prices (
        pk         INTEGER PRIMARY KEY,
        post_pk    INTEGER NOT NULL REFERENCES posts(pk) ON DELETE CASCADE,
        product    TEXT NOT NULL,
        unit       TEXT NOT NULL,               -- g (kg converted), pill, blotter, ml, unit, bag
        currency   TEXT NOT NULL,               -- as stated; never converted nor mixed
        quantity   REAL NOT NULL,               -- in unit
        price      REAL NOT NULL,
        unit_price REAL NOT NULL,               -- price / quantity
        tier       INTEGER NOT NULL,            -- 1 (< 5 units), 10 (5-49), 100 (>= 50)
        vendor     TEXT,                        -- network id, else platform:author
        network    TEXT,
        account    TEXT,
        place      TEXT,
        department TEXT,
        ts         REAL,
        day        TEXT,
        week       TEXT,                        -- the Monday of the week (UTC)
        month      TEXT,
        promotion  INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX obs_prices_post ON obs_prices(post_pk)",
    "CREATE INDEX obs_prices_product ON obs_prices(product, unit, currency, tier, ts)",
    "CREATE INDEX obs_prices_vendor ON obs_prices(vendor, product, ts)",
    """CREATE TABLE obs_posts (
        post_pk     INTEGER PRIMARY KEY REFERENCES posts(pk) ON DELETE CASCADE,
        ts          REAL,
        week        TEXT,
        month       TEXT,
        category    TEXT NOT NULL,
        vendor      TEXT,
        network     TEXT,
        account     TEXT,
        scam        INTEGER NOT NULL DEFAULT 0,
        promotion   INTEGER NOT NULL DEFAULT 0,
        products    TEXT NOT NULL DEFAULT '[]',
        places      TEXT NOT NULL DEFAULT '[]',
        departments TEXT NOT NULL DEFAULT '[]',
        handles     TEXT NOT NULL DEFAULT '[]',
        place       TEXT,
        department  TEXT
    )""",
    "CREATE INDEX obs_posts_ts ON obs_posts(ts, category)",
    "CREATE INDEX obs_posts_week ON obs_posts(week, category)",
    "CREATE INDEX obs_posts_month ON obs_posts(month, category)",
    "CREATE INDEX obs_posts_dept ON obs_posts(department, ts)",
    # covering: the most active networks and departments are counted from the index alone
    """CREATE INDEX obs_posts_network ON obs_posts(network, category, ts, account)
        WHERE network IS NOT NULL""",
    "CREATE INDEX obs_posts_dept_cov ON obs_posts(department, category, ts, account) WHERE department IS NOT NULL",
    "CREATE TABLE obs_state (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    # bumped by every write of a result: what cached statistics and events are checked against
    "INSERT INTO obs_state(name, value) VALUES ('generation', '0')",
    f"""CREATE TRIGGER obs_results_ai AFTER INSERT ON results BEGIN
        {_BUMP};
        DELETE FROM obs_prices WHERE post_pk = new.post_pk;
        {_NEW_PRICES};
        {_NEW_POST};
    END""",
    f"""CREATE TRIGGER obs_results_au AFTER UPDATE OF record, network, category ON results BEGIN
        {_BUMP};
        DELETE FROM obs_prices WHERE post_pk = new.post_pk;
        {_NEW_PRICES};
        {_NEW_POST};
    END""",
    f"""CREATE TRIGGER obs_results_ad AFTER DELETE ON results BEGIN
        {_BUMP};
        DELETE FROM obs_prices WHERE post_pk = old.post_pk;
        DELETE FROM obs_posts WHERE post_pk = old.post_pk;
    END""",
    # Price statistics computed by sentinelle.observatory, valid for one state of obs_prices.
    """CREATE TABLE obs_stats (
        by_period TEXT NOT NULL,                -- week, month
        dim       TEXT NOT NULL,                -- all, place, department, network
        dim_value TEXT NOT NULL,
        product   TEXT NOT NULL,
        unit      TEXT NOT NULL,
        currency  TEXT NOT NULL,
        tier      INTEGER NOT NULL,
        period    TEXT NOT NULL,
        n         INTEGER NOT NULL,
        q1        REAL, median REAL, q3 REAL, lo REAL, hi REAL,
        outliers  INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX obs_stats_key ON obs_stats(by_period, dim, dim_value, product, period)",
    """CREATE TABLE obs_events (
        pk          INTEGER PRIMARY KEY,
        key         TEXT NOT NULL UNIQUE,       -- idempotent: the same event is stored once
        type        TEXT NOT NULL,
        ts          REAL,
        until_ts    REAL,
        vendor      TEXT, network TEXT, product TEXT, place TEXT, department TEXT,
        summary     TEXT NOT NULL,
        explanation TEXT NOT NULL,
        evidence    TEXT NOT NULL,              -- JSON list of post ids
        data        TEXT NOT NULL,              -- JSON object
        created_at  TEXT NOT NULL
    )""",
    "CREATE INDEX obs_events_ts ON obs_events(ts)",
    """CREATE TABLE obs_watch (
        pk         INTEGER PRIMARY KEY,
        kind       TEXT NOT NULL,               -- term, handle, phone, place, product, network
        value      TEXT NOT NULL,
        note       TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        UNIQUE (kind, value)
    )""",
    """CREATE TABLE obs_watch_hits (
        watch_pk INTEGER NOT NULL REFERENCES obs_watch(pk) ON DELETE CASCADE,
        post_pk  INTEGER NOT NULL REFERENCES posts(pk) ON DELETE CASCADE,
        PRIMARY KEY (watch_pk, post_pk)
    ) WITHOUT ROWID""",
    """CREATE TABLE obs_rules (
        pk         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,
        types      TEXT NOT NULL,               -- JSON list of event types, 'watch' for watchlist hits
        filters    TEXT NOT NULL DEFAULT '{}',  -- JSON: product, department, place, network
        webhook    TEXT NOT NULL DEFAULT '',
        email      TEXT NOT NULL DEFAULT '',
        enabled    INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE obs_alerts (
        pk         INTEGER PRIMARY KEY,
        key        TEXT NOT NULL UNIQUE,        -- idempotent: an alert fires once
        kind       TEXT NOT NULL,               -- the event type, or watch
        title      TEXT NOT NULL,
        body       TEXT NOT NULL,               -- JSON object (event or watch hit)
        rules      TEXT NOT NULL DEFAULT '[]',  -- JSON list of the rule names it matched
        status     TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'seen', 'dismissed')),
        delivery   TEXT NOT NULL DEFAULT '{}',  -- JSON: channel -> "ok" or the error
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX obs_alerts_status ON obs_alerts(status, pk)",
    _backfill,
)


# Migration 8: post counts kept up to date by triggers on obs_posts, so that volumes and the most
# active networks and departments of a million posts are read from a few hundred rows (obs_volume,
# obs_top). A bucket (d0, d1) is the days a week and a month share (a week across two months is
# two buckets); '*' rolls a column up: per post, the counts of (bucket, all, all), (bucket,
# department, all), (bucket, all, network), (all time, all, network) and (all time, department,
# all). The days at the edges of a period are counted from obs_posts itself.
_D0 = "max({a}.week, {a}.month || '-01')"
_D1 = "min(date({a}.week, '+7 days'), date({a}.month || '-01', '+1 month'))"
_LEVELS = (  # (bucket, department, network, the post must have)
    (True, False, False, None), (True, True, False, "department"), (True, False, True, "network"),
    (False, False, True, "network"), (False, True, False, "department"))


def _count_steps(a: str, delta: int) -> str:
    steps = []
    for bucket, dept, net, needs in _LEVELS:
        d0, d1, week, month = ((_D0.format(a=a), _D1.format(a=a), f"{a}.week", f"{a}.month") if bucket
                               else ("'*'", "'*'", "'*'", "'*'"))
        dv = f"{a}.department" if dept else "'*'"
        nv = f"{a}.network" if net else "'*'"
        cond = f" WHERE {a}.{needs} IS NOT NULL" if needs else " WHERE 1"  # WHERE: no ambiguity with ON
        if delta > 0:
            steps.append(f"""INSERT INTO obs_counts(d0, d1, week, month, department, network, category, n)
                SELECT {d0}, {d1}, {week}, {month}, {dv}, {nv}, {a}.category, 1{cond}
                ON CONFLICT(d0, department, network, category) DO UPDATE SET n = n + 1""")
        else:
            steps.append(f"""UPDATE obs_counts SET n = n - 1 WHERE d0 = {d0} AND department = {dv}
                AND network = {nv} AND category = {a}.category""")
    return ";\n        ".join(steps)


def _backfill_counts(conn: sqlite3.Connection) -> None:
    for bucket, dept, net, needs in _LEVELS:
        d0, d1, week, month = ((_D0.format(a="o"), _D1.format(a="o"), "o.week", "o.month") if bucket
                               else ("'*'", "'*'", "'*'", "'*'"))
        dv = "o.department" if dept else "'*'"
        nv = "o.network" if net else "'*'"
        cond = f" AND o.{needs} IS NOT NULL" if needs else ""
        conn.execute(f"""INSERT INTO obs_counts(d0, d1, week, month, department, network, category, n)
            SELECT {d0}, {d1}, {week}, {month}, {dv}, {nv}, o.category, count(*) FROM obs_posts o
            WHERE o.ts IS NOT NULL{cond} GROUP BY 1, 2, 3, 4, 5, 6, 7""")


def _backfill_promo_rules(conn: sqlite3.Connection) -> None:
    conn.execute(f"""UPDATE obs_prices SET promo_rules = (
        SELECT {_PROMO_RULES.format(rec="r.record")} FROM results r WHERE r.post_pk = obs_prices.post_pk)
        WHERE promotion <> 0""")


def _results_triggers(*prices: str) -> tuple[str, str]:
    """The triggers that keep obs_prices and obs_posts in step with every write of `results`,
    inserting a post's price points with each of the `prices` statements (migrations 8 and 9)."""
    inserts = "".join(f"\n        {p};" for p in prices)
    body = (f"""
        {_BUMP};
        DELETE FROM obs_prices WHERE post_pk = new.post_pk;
        DELETE FROM obs_posts WHERE post_pk = new.post_pk;{inserts}
        {_NEW_POST};
    END""")
    return (f"CREATE TRIGGER obs_results_ai AFTER INSERT ON results BEGIN{body}",
            f"CREATE TRIGGER obs_results_au AFTER UPDATE OF record, network, category ON results BEGIN{body}")


MIGRATION_8_STEPS: tuple[Any, ...] = (
    "ALTER TABLE obs_prices ADD COLUMN promo_rules TEXT",
    """CREATE TABLE obs_counts (
        d0         TEXT NOT NULL,               -- first day of the bucket; '*': all time
        d1         TEXT NOT NULL,               -- the day after its last
        week       TEXT NOT NULL,
        month      TEXT NOT NULL,
        department TEXT NOT NULL,               -- '*': every department (and none)
        network    TEXT NOT NULL,               -- '*': every network (and none)
        category   TEXT NOT NULL,
        n          INTEGER NOT NULL,
        PRIMARY KEY (d0, department, network, category)
    ) WITHOUT ROWID""",
    # covering: the counts of one level in a period are read from the index alone
    "CREATE INDEX obs_counts_level ON obs_counts(department, network, d0, d1, category, n)",
    _backfill_counts,
    f"""CREATE TRIGGER obs_posts_count_ai AFTER INSERT ON obs_posts WHEN new.ts IS NOT NULL BEGIN
        {_count_steps("new", 1)};
    END""",
    f"""CREATE TRIGGER obs_posts_count_ad AFTER DELETE ON obs_posts WHEN old.ts IS NOT NULL BEGIN
        {_count_steps("old", -1)};
    END""",
    "DROP TRIGGER obs_results_ai",
    "DROP TRIGGER obs_results_au",
    # the post's row is deleted before it is written again, so that the counts follow
    *_results_triggers(_NEW_PRICES_V8),
    _backfill_promo_rules,
    "CREATE INDEX obs_events_type ON obs_events(type, ts)",
)

MIGRATION_9_STEPS: tuple[Any, ...] = (
    "DROP TRIGGER obs_results_ai",
    "DROP TRIGGER obs_results_au",
    *_results_triggers(_NEW_PRICES_V8, _NEW_OTHER_PRICES_V9),
)

PRICE_FIELDS = ("id", "product", "unit", "currency", "quantity", "price", "unit_price", "tier", "vendor",
                "network", "account", "place", "department", "ts", "day", "week", "month", "promotion",
                "promo_rules")
POST_FIELDS = ("id", "ts", "week", "month", "category", "vendor", "network", "account", "scam", "promotion",
               "products", "places", "departments", "handles", "place", "department")
STATS_FIELDS = ("by", "dim", "dim_value", "product", "unit", "currency", "tier", "period", "n", "q1",
                "median", "q3", "lo", "hi", "outliers")
EVENT_FIELDS = ("key", "type", "ts", "until_ts", "vendor", "network", "product", "place", "department",
                "summary", "explanation", "evidence", "data", "created_at")
_JSON_POST = {"products", "places", "departments", "handles"}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _j(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=str)


class ObservatorySQLMixin(SQLPlumbing):
    """The observatory methods of `Store` for SQLite (mixed into `SQLiteStore`)."""


    # -- price points and posts -----------------------------------------------------------------

    def obs_price_rows(self, *, product: str | None = None, since: float | None = None,
                       until: float | None = None, ordered: bool = True) -> Iterator[tuple[Any, ...]]:
        conds, params = ["1"], list[Any]()
        if product:
            conds.append("o.product = ?")
            params.append(product)
        _between(conds, params, since, until)
        cols = ("o.product, o.unit, o.currency, o.quantity, o.price, o.unit_price, o.tier, o.vendor, o.network, "
                "o.account, o.place, o.department, o.ts, o.day, o.week, o.month, o.promotion, o.promo_rules")
        if ordered:
            sql = (f"SELECT p.id, {cols} FROM obs_prices o JOIN posts p ON p.pk = o.post_pk "
                   f"WHERE {' AND '.join(conds)} ORDER BY o.ts, o.pk")
        else:  # post keys for ids, in storage order: the fast path for statistics
            sql = f"SELECT o.post_pk, {cols} FROM obs_prices o WHERE {' AND '.join(conds)}"
        cur = self._q(sql, params)
        while rows := cur.fetchmany(20000):
            yield from rows

    def obs_post_rows(self, *, since: float | None = None, until: float | None = None,
                      category: str | None = None) -> Iterator[dict[str, Any]]:
        conds, params = ["1"], list[Any]()
        _between(conds, params, since, until)
        _equal(conds, params, "o.category", category)
        cur = self._q(
            f"""SELECT p.id, o.ts, o.week, o.month, o.category, o.vendor, o.network, o.account, o.scam,
                       o.promotion, o.products, o.places, o.departments, o.handles, o.place, o.department
                FROM obs_posts o JOIN posts p ON p.pk = o.post_pk WHERE {' AND '.join(conds)}
                ORDER BY o.ts, o.post_pk""", params)
        loads = json.loads
        while rows := cur.fetchmany(20000):
            for row in rows:
                d = dict(zip(POST_FIELDS, row, strict=True))
                for k in _JSON_POST:
                    d[k] = loads(d[k]) if d[k] else []
                yield d

    def obs_post_texts(self, ids: Sequence[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for k in range(0, len(ids), 5000):
            out.update(self._q("SELECT id, text FROM posts WHERE id IN (SELECT value FROM json_each(?))",
                               (_j(list(ids[k:k + 5000])),)).fetchall())
        return out

    def obs_price_stamp(self) -> str:
        row = self._q("SELECT value FROM obs_state WHERE name = 'generation'").fetchone()
        return f"g{row[0] if row else 0}"

    def obs_volume(self, by: str, *, since: float | None = None, until: float | None = None,
                   department: str | None = None) -> list[tuple[str, str, int]]:
        col = "month" if by == "month" else "week"
        out: dict[tuple[str, str], int] = {}
        lo, hi, edges = _buckets(since, until)
        if lo is None or lo != hi:
            conds, params = ["d0 <> '*'", "department = ?", "network = '*'", "n > 0"], [department or "*"]
            _bucket_bounds(conds, params, lo, hi)
            for k, cat, n in self._q(f"SELECT {col}, category, sum(n) FROM obs_counts WHERE {' AND '.join(conds)} "
                                     f"GROUP BY {col}, category", params):
                out[(k, cat)] = out.get((k, cat), 0) + int(n)
        for a, b in edges:
            conds, params = [f"o.{col} IS NOT NULL"], list[Any]()
            _between(conds, params, a, b)
            _equal(conds, params, "o.department", department)
            for k, cat, n in self._q(f"SELECT o.{col}, o.category, count(*) FROM obs_posts o "
                                     f"WHERE {' AND '.join(conds)} GROUP BY o.{col}, o.category", params):
                out[(k, cat)] = out.get((k, cat), 0) + int(n)
        return [(str(k), str(c), n) for (k, c), n in sorted(out.items()) if n]

    def obs_top(self, field: str, *, since: float | None = None, until: float | None = None,
                department: str | None = None, limit: int = 10) -> list[dict[str, Any]]:
        if field not in ("network", "department", "vendor"):
            raise ValueError(field)
        if field == "vendor" or department:  # no counts kept ahead; within a department, few posts
            return self._top_posts(field, since, until, department, limit)
        counts: dict[str, list[int]] = {}

        def add(rows: Iterable[Sequence[Any]]) -> None:
            for key, n, sale, rec in rows:
                c = counts.setdefault(key, [0, 0, 0])
                c[0] += int(n)
                c[1] += int(sale or 0)
                c[2] += int(rec or 0)

        other = "department" if field == "network" else "network"
        sums = ("sum(n), sum(CASE category WHEN 'sale' THEN n END), "
                "sum(CASE category WHEN 'recruitment' THEN n END)")
        conds = [f"{field} <> '*'", f"{other} = '*'", "category <> 'other'", "n > 0"]
        if since is None and until is None:
            add(self._q(f"SELECT {field}, {sums} FROM obs_counts WHERE d0 = '*' AND {' AND '.join(conds)} "
                        f"GROUP BY {field}"))
        else:
            lo, hi, edges = _buckets(since, until)
            params: list[Any] = []
            conds.append("d0 <> '*'")
            _bucket_bounds(conds, params, lo, hi)
            if lo is None or lo != hi:
                add(self._q(f"SELECT {field}, {sums} FROM obs_counts WHERE {' AND '.join(conds)} GROUP BY {field}",
                            params))
            for a, b in edges:
                econds, eparams = [f"o.{field} IS NOT NULL", "o.category <> 'other'"], list[Any]()
                _between(econds, eparams, a, b)
                add(self._q(f"""SELECT o.{field}, count(*), sum(o.category = 'sale'), sum(o.category = 'recruitment')
                                FROM obs_posts o WHERE {' AND '.join(econds)} GROUP BY o.{field}""", eparams))
        top = sorted((kv for kv in counts.items() if kv[1][0] > 0), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
        out = []
        for key, (n, sale, rec) in top:  # first and last post, accounts: for these few only, by index
            conds, params = [f"o.{field} = ?", "o.category <> 'other'"], [key]
            _between(conds, params, since, until)
            first, last, accounts = self._q(f"SELECT min(o.ts), max(o.ts), count(DISTINCT o.account) FROM obs_posts o "
                                            f"WHERE {' AND '.join(conds)}", params).fetchone()
            out.append({field: key, "posts": n, "sale": sale, "recruitment": rec, "first_ts": first,
                        "last_ts": last, "accounts": accounts})
        return out

    def _top_posts(self, field: str, since: float | None, until: float | None, department: str | None,
                   limit: int) -> list[dict[str, Any]]:
        conds, params = [f"o.{field} IS NOT NULL", "o.category <> 'other'"], list[Any]()
        _between(conds, params, since, until)
        _equal(conds, params, "o.department", department)
        rows = self._q(
            f"""SELECT o.{field}, count(*), sum(o.category = 'sale'), sum(o.category = 'recruitment'),
                       min(o.ts), max(o.ts), count(DISTINCT o.account)
                FROM obs_posts o WHERE {' AND '.join(conds)} GROUP BY o.{field}
                ORDER BY count(*) DESC, o.{field} LIMIT ?""", [*params, limit]).fetchall()
        return [{field: r[0], "posts": r[1], "sale": r[2], "recruitment": r[3], "first_ts": r[4],
                 "last_ts": r[5], "accounts": r[6]} for r in rows]

    # -- cached statistics ----------------------------------------------------------------------

    def obs_state(self, name: str) -> str | None:
        row = self._q("SELECT value FROM obs_state WHERE name = ?", (name,)).fetchone()
        return None if row is None else str(row[0])

    def obs_set_state(self, name: str, value: str) -> None:
        with self._tx() as cur:
            cur.execute("INSERT OR REPLACE INTO obs_state(name, value) VALUES (?, ?)", (name, value))

    def obs_save_stats(self, stamp: str, rows: Iterable[Sequence[Any]]) -> int:
        n = 0
        with self._tx() as cur:
            cur.execute("DELETE FROM obs_stats")
            batch: list[Sequence[Any]] = []
            for r in rows:
                batch.append(r)
                if len(batch) >= 5000:
                    cur.executemany("INSERT INTO obs_stats VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch)
                    n += len(batch)
                    batch = []
            cur.executemany("INSERT INTO obs_stats VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch)
            n += len(batch)
            cur.execute("INSERT OR REPLACE INTO obs_state(name, value) VALUES ('stats_stamp', ?)", (stamp,))
        return n

    def obs_stats(self, by: str, dim: str, dim_value: str = "", *, product: str | None = None,
                  tier: int | None = None, since: str | None = None, until: str | None = None
                  ) -> list[dict[str, Any]]:
        conds = ["by_period = ?", "dim = ?", "dim_value = ?"]
        params: list[Any] = [by, dim, dim_value]
        if product:
            conds.append("product = ?")
            params.append(product)
        if tier is not None:
            conds.append("tier = ?")
            params.append(tier)
        if since:
            conds.append("period >= ?")
            params.append(since)
        if until:
            conds.append("period < ?")
            params.append(until)
        rows = self._q(f"SELECT * FROM obs_stats WHERE {' AND '.join(conds)} "
                        "ORDER BY product, unit, currency, tier, period", params).fetchall()
        return [dict(zip(STATS_FIELDS, r, strict=True)) for r in rows]

    # -- events ---------------------------------------------------------------------------------

    def obs_save_events(self, events: Iterable[Mapping[str, Any]]) -> list[str]:
        """Store events not stored before (by key); returns the keys that are new."""
        new: list[str] = []
        now = _now()
        with self._tx() as cur:
            for e in events:
                cur.execute(
                    """INSERT OR IGNORE INTO obs_events(key, type, ts, until_ts, vendor, network, product, place,
                           department, summary, explanation, evidence, data, created_at)
                       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                    (e["key"], e["type"], e.get("ts"), e.get("until_ts"), e.get("vendor"), e.get("network"),
                     e.get("product"), e.get("place"), e.get("department"), e["summary"], e["explanation"],
                     _j(list(e.get("evidence") or [])), _j(dict(e.get("data") or {})), now))
                if cur.rowcount > 0:
                    new.append(str(e["key"]))
        return new

    def obs_events(self, *, type: str | None = None, since: float | None = None, until: float | None = None,
                   keys: Sequence[str] | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        conds, params = ["1"], list[Any]()
        if type:
            conds.append("type = ?")
            params.append(type)
        if since is not None:
            conds.append("ts >= ?")
            params.append(since)
        if until is not None:
            conds.append("ts < ?")
            params.append(until)
        if keys is not None:
            conds.append("key IN (SELECT value FROM json_each(?))")
            params.append(_j(list(keys)))
        rows = self._q(
            f"""SELECT key, type, ts, until_ts, vendor, network, product, place, department, summary,
                       explanation, evidence, data, created_at
                FROM obs_events WHERE {' AND '.join(conds)} ORDER BY ts DESC, pk DESC LIMIT ?""",
            [*params, -1 if limit is None else limit]).fetchall()
        out = []
        for r in rows:
            d = dict(zip(EVENT_FIELDS, r, strict=True))
            d["evidence"] = json.loads(d["evidence"])
            d["data"] = json.loads(d["data"])
            out.append(d)
        return out

    # -- watchlists and rules -------------------------------------------------------------------

    def obs_watch_add(self, kind: str, value: str, note: str = "") -> int:
        with self._tx() as cur:
            cur.execute("INSERT OR IGNORE INTO obs_watch(kind, value, note, created_at) VALUES (?, ?, ?, ?)",
                        (kind, value, note, _now()))
            (pk,) = cur.execute("SELECT pk FROM obs_watch WHERE kind = ? AND value = ?", (kind, value)).fetchone()
        return int(pk)

    def obs_watch_list(self) -> list[dict[str, Any]]:
        rows = self._q("""SELECT w.pk, w.kind, w.value, w.note, w.created_at,
                                  (SELECT count(*) FROM obs_watch_hits h WHERE h.watch_pk = w.pk)
                           FROM obs_watch w ORDER BY w.pk""").fetchall()
        return [{"id": r[0], "kind": r[1], "value": r[2], "note": r[3], "created_at": r[4], "hits": r[5]}
                for r in rows]

    def obs_watch_remove(self, watch_id: int) -> bool:
        with self._tx() as cur:
            cur.execute("DELETE FROM obs_watch_hits WHERE watch_pk = ?", (watch_id,))
            cur.execute("DELETE FROM obs_watch WHERE pk = ?", (watch_id,))
            return cur.rowcount > 0

    def obs_watch_matches(self, kind: str, value: str) -> list[str]:
        """Ids of the analysed posts a watch entry matches (indexed lookups only)."""
        from .query import fold, fts_match, handle_key

        if kind == "term":
            match = fts_match(value)
            if match is None:
                return []
            sql = ("SELECT p.id FROM posts_fts JOIN posts p ON p.pk = posts_fts.rowid "
                   "JOIN results r ON r.post_pk = p.pk WHERE posts_fts MATCH ? ORDER BY p.pk")
            return [r[0] for r in self._q(sql, (match,))]
        if kind in ("handle", "phone"):
            key = handle_key(value) if kind == "handle" else value.strip()
            ident = ("SELECT x.post_pk FROM post_identifiers x JOIN identifiers i ON i.pk = x.identifier_pk "
                     "WHERE i.kind = ? AND i.value = ?")
            params: list[Any] = [kind, key]
            if kind == "handle":
                ident += " UNION SELECT p.pk FROM posts p JOIN accounts a ON a.pk = p.account_pk WHERE a.handle = ?"
                params.append(key)
            sql = f"SELECT p.id FROM posts p JOIN results r ON r.post_pk = p.pk WHERE p.pk IN ({ident}) ORDER BY p.pk"
            return [r[0] for r in self._q(sql, params)]
        if kind in ("place", "product"):
            field = "places" if kind == "place" else "products"
            sql = ("SELECT p.id FROM facets f JOIN posts p ON p.pk = f.post_pk "
                   "WHERE f.field = ? AND f.key = ? ORDER BY p.pk")
            return [r[0] for r in self._q(sql, (field, fold(value)))]
        if kind == "network":
            sql = ("SELECT p.id FROM obs_posts o JOIN posts p ON p.pk = o.post_pk "
                   "WHERE o.network = ? ORDER BY p.pk")
            return [r[0] for r in self._q(sql, (value,))]
        raise ValueError(f"unknown watch kind {kind!r}")

    def obs_watch_hit(self, watch_id: int, post_ids: Sequence[str]) -> list[str]:
        """Record the posts a watch entry matched; returns those not recorded before."""
        new: list[str] = []
        with self._tx() as cur:
            for pid in post_ids:
                cur.execute("INSERT OR IGNORE INTO obs_watch_hits(watch_pk, post_pk) "
                            "SELECT ?, pk FROM posts WHERE id = ?", (watch_id, pid))
                if cur.rowcount > 0:
                    new.append(pid)
        return new

    def obs_rule_add(self, name: str, types: Sequence[str], *, filters: Mapping[str, Any] | None = None,
                     webhook: str = "", email: str = "") -> int:
        with self._tx() as cur:
            cur.execute("""INSERT INTO obs_rules(name, types, filters, webhook, email, created_at)
                           VALUES (?, ?, ?, ?, ?, ?)
                           ON CONFLICT(name) DO UPDATE SET types = excluded.types, filters = excluded.filters,
                               webhook = excluded.webhook, email = excluded.email""",
                        (name, _j(list(types)), _j(dict(filters or {})), webhook, email, _now()))
            (pk,) = cur.execute("SELECT pk FROM obs_rules WHERE name = ?", (name,)).fetchone()
        return int(pk)

    def obs_rules(self) -> list[dict[str, Any]]:
        rows = self._q("SELECT pk, name, types, filters, webhook, email, enabled, created_at "
                        "FROM obs_rules ORDER BY pk").fetchall()
        return [{"id": r[0], "name": r[1], "types": json.loads(r[2]), "filters": json.loads(r[3]),
                 "webhook": r[4], "email": r[5], "enabled": bool(r[6]), "created_at": r[7]} for r in rows]

    def obs_rule_remove(self, name: str) -> bool:
        with self._tx() as cur:
            cur.execute("DELETE FROM obs_rules WHERE name = ?", (name,))
            return cur.rowcount > 0

    # -- alerts ---------------------------------------------------------------------------------

    def obs_alert_add(self, key: str, kind: str, title: str, body: Mapping[str, Any],
                      rules: Sequence[str] = ()) -> int | None:
        """Store an alert unless one with this key exists; returns its id when new, else None."""
        now = _now()
        with self._tx() as cur:
            cur.execute("""INSERT OR IGNORE INTO obs_alerts(key, kind, title, body, rules, created_at, updated_at)
                           VALUES (?, ?, ?, ?, ?, ?, ?)""", (key, kind, title, _j(dict(body)), _j(list(rules)),
                                                             now, now))
            if cur.rowcount <= 0:
                return None
            return int(cur.lastrowid or 0)

    def obs_alerts(self, *, status: str | None = None, ids: Sequence[int] | None = None,
                   limit: int | None = None) -> list[dict[str, Any]]:
        conds, params = ["1"], list[Any]()
        if status:
            conds.append("status = ?")
            params.append(status)
        if ids is not None:
            conds.append("pk IN (SELECT value FROM json_each(?))")
            params.append(_j([int(i) for i in ids]))
        rows = self._q(f"""SELECT pk, key, kind, title, body, rules, status, delivery, created_at, updated_at
                            FROM obs_alerts WHERE {' AND '.join(conds)} ORDER BY pk DESC LIMIT ?""",
                        [*params, -1 if limit is None else limit]).fetchall()
        return [{"id": r[0], "key": r[1], "kind": r[2], "title": r[3], "body": json.loads(r[4]),
                 "rules": json.loads(r[5]), "status": r[6], "delivery": json.loads(r[7]), "created_at": r[8],
                 "updated_at": r[9]} for r in rows]

    def obs_alert_status(self, ids: Sequence[int], status: str) -> int:
        if status not in ("new", "seen", "dismissed"):
            raise ValueError(f"unknown alert status {status!r}")
        with self._tx() as cur:
            cur.executemany("UPDATE obs_alerts SET status = ?, updated_at = ? WHERE pk = ?",
                            [(status, _now(), int(i)) for i in ids])
            return max(cur.rowcount, 0) if len(ids) == 1 else len(ids)

    def obs_alert_delivery(self, alert_id: int, delivery: Mapping[str, str]) -> None:
        with self._tx() as cur:
            cur.execute("UPDATE obs_alerts SET delivery = ?, updated_at = ? WHERE pk = ?",
                        (_j(dict(delivery)), _now(), alert_id))


def _between(conds: list[str], params: list[Any], since: float | None, until: float | None) -> None:
    """Add the [since, until) bounds on a post's epoch `o.ts` to a WHERE clause being built."""
    if since is not None:
        conds.append("o.ts >= ?")
        params.append(since)
    if until is not None:
        conds.append("o.ts < ?")
        params.append(until)


_DAY = 86400


def _day_of(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC).replace(hour=0, minute=0, second=0, microsecond=0)


def _is_bound(d: datetime) -> bool:
    return d.weekday() == 0 or d.day == 1  # a bucket of obs_counts starts on a Monday or a 1st


def _buckets(since: float | None, until: float | None) -> tuple[str | None, str | None, list[tuple[float | None,
                                                                                                     float | None]]]:
    """The obs_counts buckets inside [since, until): first day (d0 >=) and end day (d1 <=), None when
    unbounded; and the ranges left at the edges, to count from obs_posts. No bucket inside: lo and
    hi are equal and the one edge is the whole range."""
    lo_d = hi_d = None
    if since is not None:
        d = _day_of(since)
        if d.timestamp() < since:
            d += timedelta(days=1)
        while not _is_bound(d):
            d += timedelta(days=1)
        lo_d = d
    if until is not None:
        d = _day_of(until)
        while not _is_bound(d):
            d -= timedelta(days=1)
        hi_d = d
    if lo_d is not None and hi_d is not None and lo_d >= hi_d:
        day = lo_d.strftime("%Y-%m-%d")
        return day, day, [(since, until)]
    edges: list[tuple[float | None, float | None]] = []
    if lo_d is not None and since is not None and lo_d.timestamp() > since:
        edges.append((since, lo_d.timestamp()))
    if hi_d is not None and until is not None and hi_d.timestamp() < until:
        edges.append((hi_d.timestamp(), until))
    return (lo_d.strftime("%Y-%m-%d") if lo_d else None, hi_d.strftime("%Y-%m-%d") if hi_d else None, edges)


def _bucket_bounds(conds: list[str], params: list[Any], lo: str | None, hi: str | None) -> None:
    if lo is not None:
        conds.append("d0 >= ?")
        params.append(lo)
    if hi is not None:
        conds.append("d1 <= ?")
        params.append(hi)


def _equal(conds: list[str], params: list[Any], column: str, value: Any) -> None:
    """Add `column = value` to a WHERE clause being built, when a value is given."""
    if value:
        conds.append(f"{column} = ?")
        params.append(value)
