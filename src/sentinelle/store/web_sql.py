"""Read-side SQL of the analyst web app (`sentinelle.web`): feed pages, overview counts, account,
identifier and network pages. Every query here is bounded (LIMIT, keyset paging, or an index on
the filtered column), so a page costs the same with a thousand posts or a million; whole-table
aggregates (`web_counts`, `web_top`) are meant to be cached by the caller against `web_stamp()`.

Migration 7 (`MIGRATION_STEPS`) adds the indexes these pages need. `WebSQLMixin` gives
`SQLiteStore` the `web_*` methods of the `Store` interface; no SQL leaves this module.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from .plumbing import SQLPlumbing
from .query import Query, handle_key

MIGRATION_STEPS: tuple[str, ...] = (
    # an account's price history (the observatory keys price points by platform:author)
    "CREATE INDEX IF NOT EXISTS obs_prices_account ON obs_prices(account, ts)",
    # links that point at an account or an identifier (sources are indexed by migration 4)
    "CREATE INDEX IF NOT EXISTS network_links_target ON network_links(target)",
    # the networks page lists the largest first
    "CREATE INDEX IF NOT EXISTS networks_size ON networks(n_posts DESC, id)",
)

FACETS = ("products", "places", "departments")
DRIVE_CAP = 50_000  # feed filters are compared by how many posts they match, counted up to this
ROW_FTS_CHECKS = 1000  # a driving facet with at most this many posts tests a text query post by post


class WebSQLMixin(SQLPlumbing):
    """The web app's read queries for SQLite (mixed into `SQLiteStore`)."""


    def _where(self, q: Query) -> tuple[str, list[str], list[Any], bool] | None:
        raise NotImplementedError

    # -- feed --------------------------------------------------------------------------------

    def web_feed(self, query: Query, *, before: int | None = None, limit: int = 50
                 ) -> list[tuple[int, dict[str, Any]]]:
        """One page of posts matching `query`, most recently collected first, as (cursor, export
        object); the next page is `before=` the last cursor. Keyset paging: page 1000 costs what
        page 1 costs. `query.order`, `limit` and `offset` are ignored.

        The rarest of the filters that have an index drives (see `_feed_driver`): a facet (product,
        place, department) is read in post order straight from the facets primary key and stops
        after `limit` matches, other filters checked on each candidate; otherwise the full-text
        index, or the posts themselves newest first."""
        from .sqlite import _OBJ_COLS, _object

        driven = self._feed_driver(query, before)
        if driven is None:
            built = self._where(query)
            if built is None:
                return []
            source, conds, params, fts = built
            key = "posts_fts.rowid" if fts else "p.pk"
        else:
            source, conds, params = driven
            key = "f.post_pk"
        if before is not None:
            conds = [*conds, f"{key} < ?"]
            params = [*params, int(before)]
        where = " WHERE " + " AND ".join(conds) if conds else ""
        rows = self._q(f"SELECT {_OBJ_COLS} FROM {source}{where} ORDER BY {key} DESC LIMIT ?",
                       [*params, max(0, int(limit))]).fetchall()
        return [(int(row[0]), _object(row)) for row in rows]

    def _feed_driver(self, query: Query, before: int | None) -> tuple[str, list[str], list[Any]] | None:
        """(FROM, conditions, parameters) of a feed page driven by its rarest facet filter, or None
        when there is no facet filter or the full-text query matches fewer posts (counts are
        capped at DRIVE_CAP, so choosing costs a few milliseconds)."""
        from dataclasses import replace

        from .query import fold, fts_match

        facets = [(name, fold(v)) for name, v in (("products", query.product), ("places", query.place),
                                                   ("departments", query.department)) if v]
        if not facets:
            return None
        sizes = [(self._capped("SELECT 1 FROM facets WHERE field = ? AND key = ?", fk), i, fk)
                 for i, fk in enumerate(facets)]
        n, _, driver = min(sizes)
        match = fts_match(query.text) if query.text is not None and query.text.strip() else None
        if match is not None and self._capped("SELECT 1 FROM posts_fts WHERE posts_fts MATCH ?", (match,)) < n:
            return None  # the words are rarer: the full-text index drives
        built = self._where(replace(query, text=None, product=None, place=None, department=None))
        if built is None or (query.text is not None and query.text.strip() and match is None):
            return None  # nothing can match: the general path says so
        _, conds, params, _ = built
        conds = ["f.field = ? AND f.key = ?", *conds]
        params = [*driver, *params]
        for fk in facets:
            if fk != driver:
                conds.append("EXISTS (SELECT 1 FROM facets WHERE field = ? AND key = ? AND post_pk = p.pk)")
                params += list(fk)
        if match is not None:
            # Testing the words post by post costs ~0.1 ms a post (~1.5 ms for a prefix*); reading all
            # their matches once as a set costs ~0.1-0.2 s for common words: per post for small facets.
            if n <= (ROW_FTS_CHECKS // 25 if "*" in match else ROW_FTS_CHECKS):
                conds.append("EXISTS (SELECT 1 FROM posts_fts WHERE posts_fts MATCH ? AND posts_fts.rowid = p.pk)")
                params.append(match)
            elif before is None:
                conds.append("p.pk IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?)")
                params.append(match)
            else:  # a later page: only the matches older than the cursor
                conds.append("p.pk IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH ? AND rowid < ?)")
                params += [match, int(before)]
        return ("facets f CROSS JOIN posts p ON p.pk = f.post_pk LEFT JOIN results r ON r.post_pk = p.pk",
                conds, params)

    def _capped(self, sql: str, params: Iterable[Any]) -> int:
        """How many rows `sql` gives, counting at most DRIVE_CAP."""
        return int(self._q(f"SELECT count(*) FROM ({sql} LIMIT {DRIVE_CAP})", params).fetchone()[0])

    # -- overview (whole-table aggregates: cache them against web_stamp) ------------------------

    def web_stamp(self) -> str:
        """A token that changes whenever posts are added or analysis results change."""
        (gen,) = self._q("SELECT coalesce((SELECT value FROM obs_state WHERE name = 'generation'), '0')").fetchone()
        (last,) = self._q("SELECT coalesce(max(pk), 0) FROM posts").fetchone()
        return f"{gen}:{last}"

    def web_counts(self) -> dict[str, int]:
        """Posts, analysed posts, and analysed posts per category (sale, recruitment, other)."""
        out = {"posts": int(self._q("SELECT count(*) FROM posts").fetchone()[0]),
               "analysed": 0, "sale": 0, "recruitment": 0, "other": 0}
        for cat, n in self._q("SELECT category, count(*) FROM results GROUP BY category"):
            out[str(cat)] = int(n)
            out["analysed"] += int(n)
        return out

    def web_top(self, field: str, *, limit: int = 10) -> list[tuple[str, int]]:
        """The most frequent values of a search facet (products, places, departments) with their posts."""
        if field not in FACETS:
            raise ValueError(f"unknown facet {field!r}")
        return [(str(k), int(n)) for k, n in self._q(
            "SELECT key, count(*) FROM facets WHERE field = ? GROUP BY key ORDER BY count(*) DESC, key LIMIT ?",
            (field, limit))]

    # -- accounts and identifiers -------------------------------------------------------------

    def web_account(self, platform: str, handle: str) -> dict[str, Any] | None:
        """An author account (platform, handle key, display, posts, first and last post dates)."""
        row = self._q("SELECT pk, platform, handle, display FROM accounts WHERE platform = ? AND handle = ?",
                      (platform.strip().lower(), handle_key(handle))).fetchone()
        if row is None:
            return None
        n, first, last = self._q("SELECT count(*), min(ts), max(ts) FROM posts WHERE account_pk = ?",
                                 (row[0],)).fetchone()
        return {"platform": row[1], "handle": row[2], "display": row[3], "posts": int(n),
                "first_ts": first, "last_ts": last}

    def _account_pk(self, platform: str, handle: str) -> int | None:
        row = self._q("SELECT pk FROM accounts WHERE platform = ? AND handle = ?",
                      (platform.strip().lower(), handle_key(handle))).fetchone()
        return None if row is None else int(row[0])

    def web_account_identifiers(self, platform: str, handle: str, *, limit: int = 100) -> list[dict[str, Any]]:
        """The phones, handles and links found in an account's posts, most used first."""
        pk = self._account_pk(platform, handle)
        if pk is None:
            return []
        rows = self._q(
            """SELECT i.kind, i.platform, i.value, count(*) FROM posts p
               JOIN post_identifiers x ON x.post_pk = p.pk JOIN identifiers i ON i.pk = x.identifier_pk
               WHERE p.account_pk = ? GROUP BY i.pk ORDER BY count(*) DESC, i.kind, i.value LIMIT ?""",
            (pk, limit)).fetchall()
        return [{"kind": k, "platform": pl, "value": v, "posts": int(n)} for k, pl, v, n in rows]

    def web_account_networks(self, platform: str, handle: str) -> list[tuple[str, int]]:
        """The vendor networks an account's posts belong to, with how many of its posts."""
        pk = self._account_pk(platform, handle)
        if pk is None:
            return []
        return [(str(nid), int(n)) for nid, n in self._q(
            """SELECT r.network, count(*) FROM posts p JOIN results r ON r.post_pk = p.pk
               WHERE p.account_pk = ? AND r.network IS NOT NULL GROUP BY r.network ORDER BY count(*) DESC""",
            (pk,))]

    def web_identifier_posts(self, kind: str, platform: str, value: str, *, limit: int = 50
                             ) -> list[dict[str, Any]]:
        """The posts that give an identifier (kind phone, handle or link), newest collected first."""
        from .sqlite import _OBJ_COLS, _object

        if kind == "handle":
            value = handle_key(value)
        rows = self._q(
            f"""SELECT {_OBJ_COLS} FROM identifiers i JOIN post_identifiers x ON x.identifier_pk = i.pk
                JOIN posts p ON p.pk = x.post_pk LEFT JOIN results r ON r.post_pk = p.pk
                WHERE i.kind = ? AND i.platform = ? AND i.value = ? ORDER BY p.pk DESC LIMIT ?""",
            (kind, platform.strip().lower(), value, limit)).fetchall()
        return [_object(row) for row in rows]

    def web_identifier_networks(self, kind: str, platform: str, value: str) -> list[tuple[str, int]]:
        """The vendor networks of the posts that give an identifier."""
        if kind == "handle":
            value = handle_key(value)
        return [(str(nid), int(n)) for nid, n in self._q(
            """SELECT r.network, count(*) FROM identifiers i JOIN post_identifiers x ON x.identifier_pk = i.pk
               JOIN results r ON r.post_pk = x.post_pk
               WHERE i.kind = ? AND i.platform = ? AND i.value = ? AND r.network IS NOT NULL
               GROUP BY r.network ORDER BY count(*) DESC""",
            (kind, platform.strip().lower(), value))]

    def web_account_prices(self, account: str, *, limit: int = 500) -> list[dict[str, Any]]:
        """An account's price points (`platform:handle` as the observatory keys them), oldest first."""
        rows = self._q(
            """SELECT p.id, o.product, o.unit, o.currency, o.quantity, o.price, o.unit_price, o.day, o.place
               FROM (SELECT * FROM obs_prices WHERE account = ? ORDER BY ts DESC LIMIT ?) o
               JOIN posts p ON p.pk = o.post_pk ORDER BY o.ts, o.pk""", (account, limit)).fetchall()
        keys = ("post", "product", "unit", "currency", "quantity", "price", "unit_price", "day", "place")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def web_links_of(self, node: str, *, limit: int = 200) -> list[dict[str, Any]]:
        """Network links whose source or target is `node` (an account `platform:handle`, or an
        identifier such as `phone:+33...`), strongest first."""
        rows = self._q(
            """SELECT network_id, type, source, target, weight, explanation, posts FROM (
                   SELECT * FROM network_links WHERE source = ? UNION
                   SELECT * FROM network_links WHERE target = ?)
               ORDER BY weight DESC, pk LIMIT ?""", (node, node, limit)).fetchall()
        return [{"network": nid, "type": t, "source": s, "target": g, "weight": w, "explanation": e,
                 "posts": json.loads(ps)} for nid, t, s, g, w, e, ps in rows]

    def web_identity_keys(self) -> list[tuple[str, str]]:
        """(kind, key) of every account and identifier a page can be opened for: ("account",
        "platform:handle") for authors and advertised handles, ("phone", "+33...") for phones."""
        out = [("account", f"{pl}:{h}") for pl, h in self._q("SELECT platform, handle FROM accounts")]
        out += [("account", f"{pl}:{v}") for pl, v in self._q(
            "SELECT platform, value FROM identifiers WHERE kind = 'handle'")]
        out += [("phone", str(v)) for (v,) in self._q("SELECT value FROM identifiers WHERE kind = 'phone'")]
        return out

    # -- networks ------------------------------------------------------------------------------

    def web_networks_page(self, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Network summaries, largest first (id, n_posts, n_accounts, first_seen, last_seen, and the
        first accounts, products and places; records are not loaded whole: a large network's
        record lists thousands of posts)."""
        rows = self._q(
            """SELECT id, n_posts, n_accounts, first_seen, last_seen,
                      (SELECT json_group_array(json_extract(a.value, '$.account'))
                       FROM (SELECT value FROM json_each(record, '$.accounts') LIMIT 8) a),
                      json_extract(record, '$.products'), json_extract(record, '$.places')
               FROM networks ORDER BY n_posts DESC, id LIMIT ? OFFSET ?""", (limit, offset)).fetchall()
        return [{"id": nid, "n_posts": n_posts, "n_accounts": n_accounts, "first_seen": first, "last_seen": last,
                 "accounts": [a for a in json.loads(accs or "[]") if a], "products": json.loads(prods or "[]")[:8],
                 "places": json.loads(places or "[]")[:8]}
                for nid, n_posts, n_accounts, first, last, accs, prods, places in rows]

    def web_network_count(self) -> int:
        return int(self._q("SELECT count(*) FROM networks").fetchone()[0])
