"""Networks persisted in the store: incremental relinks, stable ids, the CLI and the graph exports."""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sentinelle.cli import main
from sentinelle.collect import networks, relink
from sentinelle.core import Post, empty_record
from sentinelle.networks import Linker, ids_from_dict, ids_to_dict, link
from sentinelle.networks.identifiers import extract
from sentinelle.store import Store, open_store

PLACES = {"rennes", "lyon", "lehavre", "marseille", "paris"}


def linker() -> Linker:
    return Linker(is_place=lambda s: s in PLACES)


def rec(category: str = "sale", handles: list[tuple[str, str]] | None = None, phones: list[str] | None = None,
        places: list[str] | None = None) -> dict[str, Any]:
    return {"category": category, "handles": [{"platform": p, "handle": h} for p, h in handles or []],
            "phones": phones or [], "places": places or [], "products": ["cannabis_herb"]}


def P(pid: str, author: str, platform: str = "snapchat", date: str = "2024-03-01T10:00:00Z",
      text: str = "🍁 dispo") -> Post:
    return Post(id=pid, text=text, platform=platform, author=author, date=date)


MENU = "\n".join(["MENU", "amnesia haze 10g 80", "cali weed 5g 60", "frozen hash 10g 70", "moroccan pollen 5g 40",
                  "ketama gold 10g 90"])

# vendor A: a phone shared across platforms and an advertised handle; vendor B: a shared phone;
# decoys: a single post, an "other" post giving A's handle, a hub-free single account
BASE: list[tuple[Post, dict[str, Any]]] = [
    (P("a1", "la.ferme.rns", date="2024-03-01T10:00:00Z"), rec(phones=["+33639987624"], places=["Rennes"])),
    (P("a2", "lafermerennes", "telegram", date="2024-03-02T10:00:00Z"),
     rec(handles=[("snapchat", "la.ferme.rns")], phones=["+33639987624"], places=["Rennes"])),
    (P("b1", "docks.du.havre", date="2024-04-01T10:00:00Z"), rec(phones=["+33611223344"])),
    (P("b2", "docks76_menu", "telegram", date="2024-04-03T10:00:00Z"), rec(phones=["+33611223344"])),
    (P("c1", "solo.plug", date="2024-04-05T10:00:00Z"), rec()),
    (P("o1", "news.rennes", "twitter", date="2024-04-05T10:00:00Z"), rec("other")),
]


def add(store: Store, items: list[tuple[Post, dict[str, Any]]], version: str = "v1") -> None:
    store.add_posts([p for p, _ in items])
    run = store.start_run("analyse", {"lexicons": version})
    store.save_results(run, ((p.id, {**empty_record(p.id), **r}) for p, r in items))


def nid_of(store: Store, post_id: str) -> str | None:
    obj = store.get(post_id)
    assert obj is not None
    return obj["network"]


def derived(account: str) -> str:
    return "N-" + hashlib.sha1(account.encode()).hexdigest()[:10]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "case.db")
    add(s, BASE)
    relink(s, linker=linker())
    yield s
    s.close()


def test_first_relink_persists_networks_with_derived_ids(store: Store) -> None:
    ids = {n["id"] for n in store.networks()}
    a, b = derived("snapchat:la.ferme.rns"), derived("snapchat:docks.du.havre")
    assert ids == {a, b}
    assert [nid_of(store, p) for p in ("a1", "a2", "b1", "b2", "c1", "o1")] == [a, a, b, b, None, None]
    rec_a = store.network(a)
    assert rec_a is not None and rec_a["posts"] == ["a1", "a2"] and rec_a["places"] == ["Rennes"]
    assert {x["account"] for x in rec_a["accounts"]} == {"snapchat:la.ferme.rns", "telegram:lafermerennes"}
    assert rec_a["first_seen"] == "2024-03-01T10:00:00" and rec_a["last_seen"] == "2024-03-02T10:00:00"
    expl = {(lk["type"], lk["source"], lk["target"]): lk for lk in rec_a["links"]}
    handle = expl[("advertises_handle", "telegram:lafermerennes", "snapchat:la.ferme.rns")]
    assert handle["posts"] == ["a2"]
    assert handle["explanation"] == "a2 (telegram lafermerennes) advertises snapchat la.ferme.rns, which posted a1."
    phone = expl[("advertises_phone", "snapchat:la.ferme.rns", "phone:+33639987624")]
    assert phone["explanation"] == ("a1 (snapchat la.ferme.rns) gives phone +33639987624; also given by "
                                    "telegram lafermerennes (a2).")


def test_posts_joining_an_existing_network_keep_its_id(store: Store) -> None:
    a = derived("snapchat:la.ferme.rns")
    b_record = store.network(derived("snapchat:docks.du.havre"))
    # an OLDER post of a new account with A's phone: the derived id would now change; the stored one stays
    add(store, [(P("a3", "ferme.rennes.35", "signal", date="2024-01-01T10:00:00Z"), rec(phones=["+33639987624"]))])
    counts = relink(store, linker=linker())
    assert counts["extracted"] == 1 and counts["kept_ids"] == 1
    assert counts["changed"] == 1 and counts["unchanged"] == 1 and counts["added"] == 0
    assert nid_of(store, "a3") == a
    rec_a = store.network(a)
    assert rec_a is not None and rec_a["posts"] == ["a1", "a2", "a3"] and rec_a["first_seen"] == "2024-01-01T10:00:00"
    assert store.network(derived("snapchat:docks.du.havre")) == b_record  # untouched


def test_posts_forming_a_new_network_get_a_new_id(store: Store) -> None:
    before = {n["id"] for n in store.networks()}
    add(store, [(P("d1", "tempete.13", date="2024-05-01T10:00:00Z"), rec(phones=["+33655443322"])),
                (P("d2", "tempete.13.v2", "telegram", date="2024-05-02T10:00:00Z"), rec(phones=["+33655443322"]))])
    counts = relink(store, linker=linker())
    assert counts["added"] == 1 and counts["unchanged"] == 2
    new = derived("snapchat:tempete.13")
    assert {n["id"] for n in store.networks()} == before | {new}
    assert nid_of(store, "d1") == nid_of(store, "d2") == new
    types = {lk["type"] for lk in store.network(new)["links"]}  # type: ignore[index]
    assert types == {"advertises_phone", "rebrand_of"}


def test_full_relink_keeps_every_id_and_rewrites_nothing(store: Store) -> None:
    add(store, [(P("a3", "ferme.rennes.35", "signal", date="2024-01-01T10:00:00Z"), rec(phones=["+33639987624"]))])
    relink(store, linker=linker())
    before = store.networks()
    memberships = dict(store.network_memberships())
    counts = relink(store, linker=linker())
    assert counts["extracted"] == 0 and counts["posts"] == 0
    assert counts["unchanged"] == len(before) and counts["added"] == counts["changed"] == counts["removed"] == 0
    assert store.networks() == before and dict(store.network_memberships()) == memberships
    assert [n["id"] for n in networks(store, relink_first=True)] == [n["id"] for n in before]


def test_a_reanalysis_restores_memberships_and_drops_posts_that_left(store: Store) -> None:
    a, b = derived("snapchat:la.ferme.rns"), derived("snapchat:docks.du.havre")
    run = store.start_run("analyse", {"lexicons": "v2"})
    # a1 analysed again (its record comes back without a network); b2 is now "other": B falls apart
    store.save_results(run, [("a1", {**empty_record("a1"), **BASE[0][1]}), ("b2", empty_record("b2"))])
    assert nid_of(store, "a1") is None
    counts = relink(store, linker=linker())
    assert counts["extracted"] == 2 and counts["removed"] == 1
    assert nid_of(store, "a1") == a and nid_of(store, "b1") is None and nid_of(store, "b2") is None
    assert [n["id"] for n in store.networks()] == [a]
    assert b not in dict(store.network_memberships()).values()


def test_merging_networks_keep_the_larger_ones_id(store: Store) -> None:
    a, b = derived("snapchat:la.ferme.rns"), derived("snapchat:docks.du.havre")
    add(store, [(P("m1", "bridge.account", date="2024-06-01T10:00:00Z"), rec(phones=["+33639987624", "+33611223344"])),
                (P("a4", "lafermerennes", "telegram", date="2024-06-02T10:00:00Z"), rec(phones=["+33639987624"]))])
    counts = relink(store, linker=linker())
    assert counts["removed"] == 1
    assert [n["id"] for n in store.networks()] == [a]  # A held more posts
    assert {nid_of(store, p) for p in ("a1", "b1", "m1", "a4")} == {a}
    assert b not in dict(store.network_memberships()).values()


def test_stored_identifiers_link_like_the_texts_do() -> None:
    """Relinking from stored identifiers (no texts) gives the same networks as linking the posts."""
    items = [*BASE,
             (P("m1", "menu.one", text=MENU), rec()), (P("m2", "other.menu", "telegram", text=MENU + "\n"), rec()),
             (P("r1", "tempete.13"), rec()),
             (P("r2", "tempete.13.xyz", text="nouveau compte, l'ancien a sauté 🙏"), rec())]
    direct = link(items, is_place=lambda s: s in PLACES)
    lk = linker()
    for post, record in items:
        d = ids_to_dict(extract(post, record, lk.cues))
        if d is not None:
            lk.add_ids(ids_from_dict(post.id, json.loads(json.dumps(d))))
    stored = lk.networks()
    assert [n.to_record() for n in stored.networks()] == [n.to_record() for n in direct.networks()]
    assert {lk.type for lk in direct.links} >= {"same_menu", "rebrand_of", "advertises_handle", "advertises_phone"}


def test_cli_networks_json_lists_links_with_explanations(store: Store, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    db = store.path  # type: ignore[attr-defined]
    store.close()
    assert main(["networks", "--db", db, "--json"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [n["id"] for n in out] == sorted([derived("snapchat:la.ferme.rns"), derived("snapchat:docks.du.havre")])
    for n in out:
        assert {"accounts", "identifiers", "places", "products", "first_seen", "last_seen", "posts"} <= set(n)
        assert n["links"]
        for lk in n["links"]:
            assert lk["posts"] and set(lk["posts"]) <= set(n["posts"])
            assert lk["explanation"].endswith(".") and all(p in lk["explanation"] for p in lk["posts"][:3])
    b = next(n for n in out if n["id"] == derived("snapchat:docks.du.havre"))
    assert b["identifiers"]["phones"] == ["+33611223344"]
    assert {lk["explanation"] for lk in b["links"]} == {
        "b1 (snapchat docks.du.havre) gives phone +33611223344; also given by telegram docks76_menu (b2).",
        "b2 (telegram docks76_menu) gives phone +33611223344; also given by snapchat docks.du.havre (b1)."}
    # --relink recomputes and keeps the ids
    assert main(["networks", "--db", db, "--json", "--relink"]) == 0
    again = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert again == out


def _children(root: ET.Element, tag: str) -> list[ET.Element]:
    return [e for e in root.iter() if e.tag.rsplit("}", 1)[-1] == tag]


def test_gexf_and_graphml_exports_parse_with_the_expected_graph(store: Store, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    db = store.path  # type: ignore[attr-defined]
    store.close()
    gexf, graphml = tmp_path / "n.gexf", tmp_path / "n.graphml"
    assert main(["networks", "--db", db, "--gexf", str(gexf), "--graphml", str(graphml)]) == 0
    assert "2 networks" in capsys.readouterr().err
    nodes = {"snapchat:la.ferme.rns", "telegram:lafermerennes", "phone:+33639987624",
             "snapchat:docks.du.havre", "telegram:docks76_menu", "phone:+33611223344"}
    edges = {("telegram:lafermerennes", "snapchat:la.ferme.rns"), ("snapchat:la.ferme.rns", "phone:+33639987624"),
             ("telegram:lafermerennes", "phone:+33639987624"), ("snapchat:docks.du.havre", "phone:+33611223344"),
             ("telegram:docks76_menu", "phone:+33611223344")}
    g = ET.parse(gexf).getroot()
    assert {n.get("id") for n in _children(g, "node")} == nodes
    assert {(e.get("source"), e.get("target")) for e in _children(g, "edge")} == edges
    assert len(_children(g, "edge")) == 5
    m = ET.parse(graphml).getroot()
    assert {n.get("id") for n in _children(m, "node")} == nodes
    assert {(e.get("source"), e.get("target")) for e in _children(m, "edge")} == edges
    keys = {k.get("attr.name") for k in _children(m, "key")}
    assert {"type", "weight", "posts", "explanation", "network", "kind"} <= keys
    texts = [d.text or "" for d in _children(m, "data")]
    assert "b1 (snapchat docks.du.havre) gives phone +33611223344; also given by telegram docks76_menu (b2)." in texts


def _jsonl(path: Path, posts: list[dict[str, str]]) -> Path:
    path.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in posts) + "\n", encoding="utf-8")
    return path


def test_ingest_links_as_posts_arrive_and_keeps_ids(tmp_path: Path) -> None:
    from sentinelle.collect import ingest, open_db

    first = [
        {"platform": "snapchat", "author": "frais.du.jour", "date": "2024-03-01T10:00:00Z",
         "text": "🍁 Beuh cali dispo 10g 80€, coke 70€ le g, livraison Lyon 7j/7, commande au 06 39 98 76 24"},
        {"platform": "telegram", "author": "fraisdujour_menu", "date": "2024-03-02T10:00:00Z",
         "text": "Menu du jour: weed 10€ le g, shit 8€, livraison rapide Lyon, tel 06 39 98 76 24"},
        {"platform": "instagram", "author": "cuisine_maman", "date": "2024-03-02T10:00:00Z",
         "text": "Recette de la tarte aux pommes"},
    ]
    later = [{"platform": "signal", "author": "frais.backup", "date": "2024-02-01T10:00:00Z",
              "text": "Nouveau compte, l'ancien a sauté. Beuh 10€ le g, livraison Lyon, 06 39 98 76 24"}]
    with open_db(tmp_path / "s.db") as store:
        ingest([_jsonl(tmp_path / "a.jsonl", first)], store)
        (net,) = store.networks()
        assert net["id"] == derived("snapchat:frais.du.jour") and net["n_accounts"] == 2
        by_author = {o["author"]: o["network"] for o in store.export_posts()}
        assert by_author == {"frais.du.jour": net["id"], "fraisdujour_menu": net["id"], "cuisine_maman": None}
        ingest([_jsonl(tmp_path / "b.jsonl", later)], store)
        (grown,) = store.networks()
        assert grown["id"] == net["id"] and grown["n_accounts"] == 3  # an older account joined: same id
        assert {o["author"]: o["network"] for o in store.export_posts()}["frais.backup"] == net["id"]
        before = store.networks()
        ingest([tmp_path / "a.jsonl"], store)  # nothing new: nothing relinked
        assert store.networks() == before
