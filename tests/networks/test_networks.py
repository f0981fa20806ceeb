"""Vendor networks: real links, decoys that must never link, explanations, stable ids, exports."""

from __future__ import annotations

from typing import Any

import pytest

from sentinelle.core import Post
from sentinelle.networks import Linker, link, load_cues, squash, strip_version
from sentinelle.networks.identifiers import crypto_addresses, extract, jaccard, menu_lines

PLACES = {"rennes", "lyon", "lehavre", "marseille", "paris"}


def _is_place(s: str) -> bool:
    return s in PLACES


def rec(category: str = "sale", handles: list[tuple[str, str]] | None = None, phones: list[str] | None = None,
        places: list[str] | None = None, products: list[str] | None = None) -> dict[str, Any]:
    return {"category": category, "handles": [{"platform": p, "handle": h} for p, h in handles or []],
            "phones": phones or [], "places": places or [], "products": products or ["cannabis_herb"]}


def P(pid: str, author: str, platform: str = "snapchat", text: str = "🍁 dispo", date: str = "") -> Post:
    return Post(id=pid, text=text, platform=platform, author=author, date=date)


def run(items: list[tuple[Post, dict[str, Any]]]) -> Any:
    return link(items, is_place=_is_place)


def same(nets: Any, a: str, b: str) -> bool:
    na = nets.network_of(a)
    return na is not None and na == nets.network_of(b)


# -- real links -------------------------------------------------------------------------------

LINKED = [
    ("advertised handle", [
        (P("p1", "la.ferme.rns"), rec()),
        (P("p2", "lafermerennes", "telegram"), rec(handles=[("snapchat", "la.ferme.rns")])),
    ], "advertises_handle"),
    ("a former account the new one names", [
        (P("p1", "juine.drive91"), rec()),
        (P("p2", "other.name.x"), {**rec(), "former_handles": [{"platform": "snapchat", "handle": "juine.drive91"}]}),
    ], "advertises_handle"),
    ("shared phone", [
        (P("p1", "docks.du.havre"), rec(phones=["+33639987624"])),
        (P("p2", "docks76_menu", "telegram"), rec(phones=["+33639987624"])),
    ], "advertises_phone"),
    ("strong version marker", [
        (P("p1", "tempete.13"), rec()),
        (P("p2", "tempete.13.v2"), rec()),
    ], "rebrand_of"),
    ("digit after letters", [
        (P("p1", "brum.greens"), rec()),
        (P("p2", "brum.greens2"), rec()),
    ], "rebrand_of"),
    ("rebrand cue and a short extension", [
        (P("p1", "la.ferme.rns"), rec()),
        (P("p2", "laferme.rns.xyz", text="nouveau compte, l'ancien a sauté 🙏"), rec()),
    ], "rebrand_of"),
    ("weak marker with the new account's cue", [
        (P("p1", "dij.express"), rec()),
        (P("p2", "dij.express.off", text="main got banned, this is the new one"), rec()),
    ], "rebrand_of"),
    ("same name across platforms, same city", [
        (P("p1", "pentes.deliv"), rec(places=["Lyon"])),
        (P("p2", "pentes_deliv", "telegram"), rec(places=["Lyon"])),
    ], "same_name_variant"),
    ("same name as a handle advertised in the same city", [
        (P("p1", "tls_fleurs31", "telegram"), rec(places=["Toulouse"])),
        (P("p2", "tls.fleurs31.story"), rec(handles=[("snapchat", "tls.fleurs31")], places=["Toulouse"])),
    ], "same_name_variant"),
    ("the same name with look-alike digits for letters", [
        (P("p1", "spatown_connect", "telegram"), rec(places=["Harrogate"])),
        (P("p2", "spatownc0nnect", "twitter"), rec(places=["York"])),
    ], "same_name_variant"),
    ("same crypto address", [
        (P("p1", "alpha.shop.fr", text="btc: bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"), rec()),
        (P("p2", "beta_green", "telegram", text="paiement bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"), rec()),
    ], "advertises_crypto"),
    ("near-identical menus", [
        (P("p1", "green.house.a", text="MENU\n🍁 Lemon Haze 10g 90€\n🍁 Gelato 41 10g 110€\n🍫 Filtré x3 10g 70€\n"
           "❄️ Coco écaille 1g 70€\n💊 Taz Tesla 10€"), rec()),
        (P("p2", "other.name.b", "telegram", text="carte\n🌿 lemon haze - 10g 90\n🌿 gelato 41 - 10g 110\n"
           "🟫 filtre x3 - 10g 70\n⛄ coco ecaille - 1g 70\n🔵 taz tesla - 10"), rec()),
    ], "same_menu"),
]


@pytest.mark.parametrize("name,items,ltype", LINKED, ids=[x[0] for x in LINKED])
def test_links(name: str, items: list[tuple[Post, dict[str, Any]]], ltype: str) -> None:
    nets = run(items)
    assert same(nets, "p1", "p2"), name
    types = {lk.type for lk in nets.links}
    assert ltype in types
    for n in nets.networks():
        for lk in n.links:
            assert lk.explanation.endswith(".") and lk.posts


# -- decoys: unrelated vendors sharing something that identifies nobody -----------------------

MENU_A = "🍁 10g 60€\n🍫 10g 50€\n❄️ 1g 70€\n💊 10€\n🍄 5g 40€"
DECOYS = [
    ("generic handle", [
        (P("p1", "vendor.one.lyon"), rec(handles=[("snapchat", "menu")])),
        (P("p2", "other.seller.mrs"), rec(handles=[("snapchat", "menu")])),
    ]),
    ("platform word as handle", [
        (P("p1", "vendor.one.lyon"), rec(handles=[("telegram", "snap")])),
        (P("p2", "other.seller.mrs"), rec(handles=[("telegram", "snap")])),
    ]),
    ("city name as handle", [
        (P("p1", "vendor.one.lyon"), rec(handles=[("snapchat", "rennes")])),
        (P("p2", "other.seller.mrs"), rec(handles=[("snapchat", "Rennes")])),
    ]),
    ("same city only", [
        (P("p1", "vendor.one"), rec(places=["Rennes"])),
        (P("p2", "seller.two"), rec(places=["Rennes"])),
    ]),
    ("same emoji layout and generic prices", [
        (P("p1", "vendor.one", text=MENU_A), rec()),
        (P("p2", "seller.two", text=MENU_A), rec()),
    ]),
    ("emergency number", [
        (P("p1", "vendor.one"), rec(phones=["+3317"])),
        (P("p2", "seller.two"), rec(phones=["+3317"])),
    ]),
    ("toll-free service number", [
        (P("p1", "vendor.one"), rec(phones=["+33800123456"])),
        (P("p2", "seller.two"), rec(phones=["+33800123456"])),
    ]),
    ("legal business's number seen in an other post", [
        (P("b1", "pizzeria.roma", "instagram"), rec("other", phones=["+33478123456"], products=[])),
        (P("p1", "vendor.one"), rec(phones=["+33478123456"])),
        (P("p2", "seller.two"), rec(phones=["+33478123456"])),
    ]),
    ("low-entropy same name in different cities", [
        (P("p1", "chez.momo93"), rec(places=["Saint-Denis"])),
        (P("p2", "chez_momo93", "telegram"), rec(places=["Marseille"])),
    ]),
    ("same name as a handle advertised in another city", [
        (P("p1", "chez_momo93", "telegram"), rec(places=["Marseille"])),
        (P("p2", "momo.shop"), rec(handles=[("snapchat", "chez.momo93")], places=["Saint-Denis"])),
    ]),
    ("weak marker without cue or shared place", [
        (P("p1", "bison.shop"), rec(places=["Lyon"])),
        (P("p2", "bison.shop.off"), rec(places=["Nantes"])),
    ]),
    ("digits that are the name's own, not look-alikes", [
        (P("p1", "drive93.express"), rec(places=["Saint-Denis"])),
        (P("p2", "drive9e.express"), rec(places=["Marseille"])),
    ]),
    ("rebrand cue but unrelated name", [
        (P("p1", "frappe.lyon.city"), rec()),
        (P("p2", "neige.alpes38", text="nouveau compte, l'ancien a sauté"), rec()),
    ]),
]


@pytest.mark.parametrize("name,items", DECOYS, ids=[x[0] for x in DECOYS])
def test_decoys_never_link(name: str, items: list[tuple[Post, dict[str, Any]]]) -> None:
    nets = run(items)
    assert not same(nets, "p1", "p2"), name
    assert nets.network_of("p1") is None and nets.network_of("p2") is None


def test_hub_phone_shared_by_many_accounts_is_blocked() -> None:
    items = [(P(f"p{i}", f"seller.number{i}x"), rec(phones=["+33612345678"])) for i in range(20)]
    nets = run(items)
    assert all(nets.network_of(f"p{i}") is None for i in range(20))


def test_blocked_identifier_is_reported_on_the_network() -> None:
    items = [
        (P("b1", "pizzeria.roma", "instagram"), rec("other", phones=["+33478123456"], products=[])),
        (P("p1", "vendor.one"), rec(phones=["+33478123456", "+33639980001"])),
        (P("p2", "vendor.one.v2"), rec(phones=["+33478123456"])),
    ]
    nets = run(items)
    [n] = nets.networks()
    assert n.blocked and n.blocked[0]["identifier"] == "phone:+33478123456"
    assert "non-illicit" in n.blocked[0]["reason"]
    assert n.identifiers["phones"] == ["+33639980001"]


# -- explanations ---------------------------------------------------------------------------

def test_every_link_is_explained() -> None:
    items = [
        (P("dev-0001", "la.ferme.rns", date="2025-02-01T20:00:00+01:00"),
         rec(phones=["+33639981742"], places=["Rennes"], products=["cannabis_herb", "cocaine"])),
        (P("dev-0007", "lafermerennes", "telegram", date="2025-02-03T20:00:00+01:00"),
         rec(handles=[("snapchat", "la.ferme.rns")], products=["mdma"])),
        (P("dev-0027", "laferme.rns.v2", text="⚠️ ANCIEN SNAP BAN ⚠️ c le nouveau compte, meme numero",
           date="2025-03-01T20:00:00+01:00"), rec(phones=["+33639981742"])),
        (P("dev-0036", "jobs.rapide.rns", "tiktok", date="2025-03-05T20:00:00+01:00"),
         rec("recruitment", handles=[("snapchat", "laferme.rns.v2")], products=[])),
    ]
    nets = run(items)
    [n] = nets.networks()
    r = n.to_record()
    assert r["n_posts"] == 4 and r["n_accounts"] == 4
    assert r["first_seen"] == "2025-02-01T19:00:00" and r["last_seen"] == "2025-03-05T19:00:00"
    assert r["places"] == ["Rennes"] and set(r["products"]) == {"cannabis_herb", "cocaine", "mdma"}
    assert r["identifiers"]["phones"] == ["+33639981742"]
    texts = {(lk["type"], lk["source"], lk["target"]): lk for lk in r["links"]}
    adv = texts[("advertises_handle", "telegram:lafermerennes", "snapchat:la.ferme.rns")]
    assert adv["explanation"] == ("dev-0007 (telegram lafermerennes) advertises snapchat la.ferme.rns, "
                                  "which posted dev-0001.")
    assert adv["posts"] == ["dev-0007"]
    ph = texts[("advertises_phone", "snapchat:laferme.rns.v2", "phone:+33639981742")]
    assert ph["explanation"] == ("dev-0027 (snapchat laferme.rns.v2) gives phone +33639981742; "
                                 "also given by snapchat la.ferme.rns (dev-0001).")
    reb = texts[("rebrand_of", "snapchat:laferme.rns.v2", "snapchat:la.ferme.rns")]
    assert "new version of snapchat la.ferme.rns" in reb["explanation"] and "lafermerns" in reb["explanation"]
    rec_adv = texts[("advertises_handle", "tiktok:jobs.rapide.rns", "snapchat:laferme.rns.v2")]
    assert rec_adv["explanation"].startswith("dev-0036 (tiktok jobs.rapide.rns) advertises snapchat laferme.rns.v2")
    for lk in r["links"]:
        assert lk["posts"] and lk["explanation"] and 0 < lk["weight"] <= 1


def test_advertised_only_account_is_an_identifier() -> None:
    nets = run([
        (P("p1", "docks.du.havre"), rec(phones=["+33639987688"])),
        (P("p2", "lh.docks.officiel", "tiktok"), rec(handles=[("snapchat", "docks.havre.bis")],
                                                      phones=["+33639987688"])),
    ])
    [n] = nets.networks()
    assert n.identifiers["handles"] == ["snapchat:docks.havre.bis"]
    lk = next(x for x in n.links if x.type == "advertises_handle")
    assert lk.explanation.endswith("an account not seen posting in this batch.")


# -- only illicit posts, singletons -------------------------------------------------------------

def test_other_posts_and_singletons_get_no_network() -> None:
    nets = run([
        (P("p1", "vendor.one"), rec(phones=["+33639980001"])),
        (P("p2", "vendor.one"), rec("other", phones=["+33639980001"])),
        (P("p3", "lonely.seller"), rec()),
    ])
    assert nets.network_of("p1") is None  # one illicit post: a singleton
    assert nets.network_of("p2") is None and nets.network_of("p3") is None
    assert nets.network_of("unknown") is None


def test_same_account_two_posts_is_a_network() -> None:
    nets = run([(P("p1", "@Vendor.One"), rec()), (P("p2", "vendor.one"), rec())])
    assert same(nets, "p1", "p2")


def test_anonymous_posts_link_only_through_identifiers() -> None:
    nets = run([
        (P("p1", "", "whatsapp"), rec(phones=["+447700900584"])),
        (P("p2", "", "whatsapp"), rec("recruitment", phones=["+447700900584"])),
        (P("p3", "", "whatsapp"), rec(phones=["+447700900583"])),
    ])
    assert same(nets, "p1", "p2") and nets.network_of("p3") is None


# -- stable ids -------------------------------------------------------------------------------

BASE = [
    (P("a1", "alpha.drive", date="2025-01-01T10:00:00+01:00"), rec(phones=["+33639980011"])),
    (P("a2", "alpha_drive_tg", "telegram", date="2025-01-05T10:00:00+01:00"), rec(phones=["+33639980011"])),
    (P("b1", "beta.plug.nord", date="2025-01-02T10:00:00+01:00"), rec(phones=["+33639980022"])),
    (P("b2", "beta.plug.nord", date="2025-01-03T10:00:00+01:00"), rec()),
]


def test_ids_stable_across_reruns_order_and_growth() -> None:
    n1 = run(BASE)
    n2 = run(list(reversed(BASE)))
    assert n1.network_of("a1") == n2.network_of("a1") and n1.network_of("b1") == n2.network_of("b1")
    assert n1.network_of("a1") != n1.network_of("b1")
    assert str(n1.network_of("a1")).startswith("N-")
    more = BASE + [
        (P("a3", "alpha.backup.new", date="2025-02-01T10:00:00+01:00"), rec(phones=["+33639980011"])),
        (P("c1", "gamma.zone", date="2025-02-02T10:00:00+01:00"), rec(handles=[("snapchat", "beta.plug.nord")])),
    ]
    n3 = run(more)
    assert n3.network_of("a1") == n1.network_of("a1") == n3.network_of("a3")
    assert n3.network_of("b1") == n1.network_of("b1") == n3.network_of("c1")


def test_incremental_linker_matches_batch() -> None:
    lk = Linker(is_place=_is_place)
    for post, r in BASE[:2]:
        lk.add(post, r)
    first = lk.networks().network_of("a1")
    for post, r in BASE[2:]:
        lk.add(post, r)
    nets = lk.networks()
    assert nets.network_of("a1") == first == run(BASE).network_of("a1")


# -- identifiers ------------------------------------------------------------------------------

@pytest.mark.parametrize("handle,base", [
    ("la.ferme.rns", "lafermerns"), ("laferme.rns.v2", "lafermerns"), ("tempete.13.v2", "tempete13"),
    ("brum.greens2", "brumgreens"), ("team_93", "team93"), ("docks.havre.bis", "dockshavre"),
    ("the_real_plug", "plug"), ("alpes.neige38.bis", "alpesneige38"),
])
def test_strip_version(handle: str, base: str) -> None:
    assert strip_version(squash(handle), load_cues()) == base


@pytest.mark.parametrize("text,expected", [
    ("send to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq now", ["btc:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"]),
    ("eth 0x52908400098527886E0F7030069857D2E4169EE7", ["eth:0x52908400098527886e0f7030069857d2e4169ee7"]),
    ("legacy 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 ok", ["btc:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"]),
    ("usdt TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL merci", ["usdt_trc20:TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL"]),
    ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa and 11111111111111111111111111", []),
    ("🍁 10g 60€ livraison Rennes", []),
])
def test_crypto_addresses(text: str, expected: list[str]) -> None:
    assert [f"{c}:{a}" for c, a in crypto_addresses(text)] == expected


def test_menu_lines_ignore_layout_and_need_enough_lines() -> None:
    assert menu_lines(MENU_A) == frozenset()  # prices and emoji only: no informative line
    a = menu_lines("🍁 Lemon Haze 10g 90€\n🍁 Gelato 41 10g 110€\n🍫 Filtré 10g 70€\n❄️ Coco 1g 70€")
    b = menu_lines("* lemon haze 10g 90\n* gelato 41 10g 110\n* filtre 10g 70\n* coco 1g 70")
    assert len(a) == 4 and jaccard(a, b) == 1.0
    assert menu_lines("🍁 Lemon Haze 10g 90€\n🍫 Filtré 10g 70€") == frozenset()


def test_extract_keeps_identifiers_not_text() -> None:
    post = P("x", "@Some.Vendor", "Snapchat", text="nouveau compte 🙏 t.me/abc")
    ids = extract(post, rec(handles=[("telegram", "@ABC_Shop"), ("snapchat", "some.vendor")], phones=["+33639980001"]))
    assert ids.account == "snapchat:some.vendor"
    assert ids.handles == ["telegram:abc_shop"]  # the author's own handle is not an advert
    assert ids.phones == ["+33639980001"] and ids.rebrand_cue == "nouveau compte"
    assert not hasattr(ids, "text")


# -- exports ----------------------------------------------------------------------------------

def test_exports(tmp_path: Any) -> None:
    pytest.importorskip("networkx")
    nets = run(BASE)
    g = nets.to_networkx(with_posts=True)
    assert g.nodes["snapchat:alpha.drive"]["network"] == nets.network_of("a1")
    assert any(d["type"] == "posted_by" for _, _, d in g.edges(data=True))
    nets.to_gexf(str(tmp_path / "n.gexf"))
    nets.to_graphml(str(tmp_path / "n.graphml"))
    assert "alpha.drive" in (tmp_path / "n.gexf").read_text(encoding="utf-8")
    assert "advertises_phone" in (tmp_path / "n.graphml").read_text(encoding="utf-8")
