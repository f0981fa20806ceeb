"""Account and identifier pages, vendor networks and their graph (JSON for Cytoscape)."""

from __future__ import annotations

import re
from typing import Any

from starlette.responses import JSONResponse, Response

from ..accounts import pseudonym
from ..store import Query, Store
from ..store.query import handle_key, utc_iso
from .base import Req, page
from .postview import card
from .render import Masker

PAGE_SIZE = 50
MAX_GRAPH_NODES = 1500
_PSEUDO = re.compile(r"(account|phone)-[0-9a-f]{10}")


def _pseudonyms(secret: bytes) -> Any:
    def compute(store: Store) -> dict[str, tuple[str, str]]:
        return {pseudonym(secret, kind, key): (kind, key) for kind, key in store.web_identity_keys()}
    return compute


def resolve(req: Req, key: str) -> tuple[str, str, str] | None:
    """(kind, platform, value) of a page key: `platform:handle`, `phone:+33...`, or a pseudonym."""
    key = key.strip()
    if _PSEUDO.fullmatch(key):
        hit = req.web.cached(req.store, "pseudonyms", _pseudonyms(req.web.secret)).get(key)
        if hit is None:
            return None
        kind, key = hit
        if kind == "phone":
            return ("phone", "", key)
    platform, sep, value = key.partition(":")
    if not sep or not value.strip():
        return None
    if platform == "phone":
        return ("phone", "", value.strip())
    return ("handle", platform.strip().lower(), handle_key(value))


def _cards(req: Req, objs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    m = req.masker
    return [card(o, m, excerpt=300) for o in objs]


def _links(m: Masker, links: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for lk in links:  # learn every endpoint before scrubbing any explanation
        m.node(str(lk["source"]))
        m.node(str(lk["target"]))
    return [{**lk, "source_shown": m.node(str(lk["source"])), "target_shown": m.node(str(lk["target"])),
             "explanation": m.scrub(str(lk.get("explanation") or ""))} for lk in links]


@page("view")
def account(req: Req) -> Response:
    """An author account, an advertised handle or a phone: its posts, identifiers, links, prices."""
    key = req.request.path_params["key"]
    what = resolve(req, key)
    if what is None:
        return req.error(404, "no such account or identifier")
    kind, platform, value = what
    store, m = req.store, req.masker
    node = f"phone:{value}" if kind == "phone" else f"{platform}:{value}"
    acc = store.web_account(platform, value) if kind == "handle" else None
    before = None
    try:
        before = int(req.arg("before")) if req.arg("before") else None
    except ValueError:
        before = None
    authored = store.web_feed(Query(account=node), before=before, limit=PAGE_SIZE + 1) if acc else []
    giving = store.web_identifier_posts(kind, platform, value, limit=PAGE_SIZE)
    links = store.web_links_of(node)
    if acc is None and not giving and not links:
        return req.error(404, "no such account or identifier")
    shown = m.node(node)
    idents = store.web_account_identifiers(platform, value) if acc else []
    nets = dict(store.web_identifier_networks(kind, platform, value))
    for nid, n in (store.web_account_networks(platform, value) if acc else []):
        nets[nid] = nets.get(nid, 0) + n
    prices = store.web_account_prices(node) if acc else []
    req.audit("view_account", node, {"shown_as": shown} if m.active else None)
    more = len(authored) > PAGE_SIZE
    authored = authored[:PAGE_SIZE]
    return req.render("account.html", {
        "key": shown, "kind": kind, "platform": platform,
        "account": acc and {**acc, "display": shown if m.active else acc["display"],
                            "first": utc_iso(acc["first_ts"]), "last": utc_iso(acc["last_ts"])},
        "identifiers": [{**i, "shown": m.node(f"{i['kind'] if i['kind'] != 'handle' else i['platform']}:{i['value']}")
                         if i["kind"] in ("phone", "handle") else m.scrub(str(i["value"]))} for i in idents],
        "networks": sorted(nets.items(), key=lambda kv: -kv[1]), "links": _links(m, links),
        "prices": prices, "authored": _cards(req, [o for _, o in authored]),
        "next_cursor": authored[-1][0] if more and authored else None, "giving": _cards(req, giving),
    })


@page("view")
def networks(req: Req) -> Response:
    try:
        pg = max(0, int(req.arg("page", "0")))
    except ValueError:
        pg = 0
    rows = req.store.web_networks_page(limit=PAGE_SIZE + 1, offset=pg * PAGE_SIZE)
    m = req.masker
    shown = [{**r, "accounts": [m.node(a) for a in r["accounts"] if a]} for r in rows[:PAGE_SIZE]]
    return req.render("networks.html", {"networks": shown, "page": pg, "more": len(rows) > PAGE_SIZE,
                                        "total": req.store.web_network_count()})


def _masked_network(m: Masker, rec: dict[str, Any]) -> dict[str, Any]:
    links = _links(m, list(rec.get("links") or ()))
    accounts = [{**a, "shown": m.node(str(a.get("account") or ""))} for a in rec.get("accounts") or ()]
    idents = rec.get("identifiers") or {}
    shown_ids = {"phones": [m.phone(p) for p in idents.get("phones") or ()],
                 "handles": [m.node(h) for h in idents.get("handles") or ()],
                 "crypto": [m.node(f"crypto:{c}") for c in idents.get("crypto") or ()]}
    blocked = [{**b, "identifier": m.node(str(b.get("identifier") or "")), "reason": m.scrub(str(b.get("reason", "")))}
               for b in rec.get("blocked") or ()]
    return {**rec, "links": links, "accounts": accounts, "identifiers": shown_ids, "blocked": blocked}


@page("view")
def network(req: Req) -> Response:
    nid = req.request.path_params["network_id"]
    rec = req.store.network(nid)
    if rec is None:
        return req.error(404, "no such network")
    req.audit("view_network", nid)
    return req.render("network.html", {"net": _masked_network(req.masker, rec)})


@page("view")
def api_graph(req: Req) -> Response:
    """Nodes (accounts and the identifiers they give) and edges (links with type, weight, reason)."""
    nid = req.request.path_params["network_id"]
    rec = req.store.network(nid)
    if rec is None:
        return JSONResponse({"error": "no such network"}, status_code=404)
    req.audit("view_network", nid, {"graph": True})
    net = _masked_network(req.masker, rec)
    nodes: dict[str, dict[str, Any]] = {}
    for a in net["accounts"]:
        nodes[a["shown"]] = {"id": a["shown"], "label": a["shown"], "kind": "account",
                             "posts": len(a.get("posts") or ())}
    edges = []
    for lk in net["links"]:
        for end, raw in (("source_shown", "source"), ("target_shown", "target")):
            nid_ = lk[end]
            if nid_ not in nodes and len(nodes) < MAX_GRAPH_NODES:
                kind = str(lk[raw]).partition(":")[0]
                nodes[nid_] = {"id": nid_, "label": nid_, "kind": kind if kind in ("phone", "crypto") else "handle",
                               "posts": 0}
        if lk["source_shown"] in nodes and lk["target_shown"] in nodes:
            edges.append({"source": lk["source_shown"], "target": lk["target_shown"], "type": lk["type"],
                          "weight": lk["weight"], "explanation": lk["explanation"]})
    return JSONResponse({"id": nid, "nodes": list(nodes.values()), "edges": edges})
