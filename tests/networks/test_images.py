"""Image perceptual hashes as identifiers: same_image links, their explanation, guards, persistence."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from sentinelle.core import Post
from sentinelle.networks import Linker, ids_from_dict, ids_to_dict, link, load_cues
from sentinelle.networks.identifiers import extract, image_hashes

PLACES = {"rennes", "lyon", "lehavre", "marseille", "paris"}

MENU_IMG = "c3d1a5b27e4f9068"  # 32 of 64 bits set, like a real phash (bits above the median)
OTHER_IMG = "5a0f33c9e18b27d4"
MEME_IMG = "9b6e14d0a7c3f258"


def flip(h: str, n: int, start: int = 0) -> str:
    """`h` with n bits flipped (bits start, start+5, start+10, ... so they never coincide)."""
    k = int(h, 16)
    for i in range(n):
        k ^= 1 << ((start + 5 * i) % 64)
    return f"{k:016x}"


def dist(a: str, b: str) -> int:
    return (int(a, 16) ^ int(b, 16)).bit_count()


def rec(category: str = "sale", phones: list[str] | None = None) -> dict[str, Any]:
    return {"category": category, "handles": [], "phones": phones or [], "places": [],
            "products": ["cannabis_herb"] if category == "sale" else []}


def P(pid: str, author: str, *images: str, platform: str = "snapchat", date: str = "") -> Post:
    return Post(id=pid, text="MENU 🍁 dispo", platform=platform, author=author, date=date,
                meta=tuple(("image_phash", h) for h in images) + (("ocr_conf", "91"),))


def run(items: list[tuple[Post, dict[str, Any]]]) -> Any:
    return link(items, is_place=lambda s: s in PLACES)


def same(nets: Any, a: str, b: str) -> bool:
    na = nets.network_of(a)
    return na is not None and na == nets.network_of(b)


def image_links(nets: Any) -> list[Any]:
    return [lk for lk in nets.links if lk.type == "same_image"]


# -- links ----------------------------------------------------------------------------------

@pytest.mark.parametrize("distance", [0, 1, 3, 6])
def test_same_menu_image_links_two_accounts(distance: int) -> None:
    other = flip(MENU_IMG, distance)
    assert dist(MENU_IMG, other) == distance
    nets = run([(P("p1", "la.ferme.rns", MENU_IMG), rec()),
                (P("p2", "docks76", other, platform="telegram"), rec())])
    assert same(nets, "p1", "p2")
    [lk] = image_links(nets)
    assert (lk.source, lk.target) == ("snapchat:la.ferme.rns", "telegram:docks76")
    assert lk.weight == 0.9 and lk.posts == ("p1", "p2")
    how = f"identical perceptual hash {MENU_IMG}" if distance == 0 else f"hashes {MENU_IMG} and {other}"
    assert lk.explanation == (f"p1 (snapchat la.ferme.rns) and p2 (telegram docks76) posted the same image "
                              f"(phash distance {distance}: {how}).")
    [n] = nets.networks()
    assert n.identifiers["images"] == sorted({MENU_IMG, other})
    assert [x["type"] for x in n.to_record()["links"]] == ["same_image"]


def test_screenshots_without_author_link_through_their_image() -> None:
    # OCR'd screenshots have no author: each is its own "post:" account until an identifier links it
    nets = run([(P("aa11:ocr", "", MENU_IMG, platform="image"), rec()),
                (P("bb22:ocr", "", flip(MENU_IMG, 2), platform="image"), rec())])
    assert same(nets, "aa11:ocr", "bb22:ocr")
    [lk] = image_links(nets)
    assert "post aa11:ocr" in lk.explanation and "phash distance 2" in lk.explanation


def test_closest_pair_of_images_explains_the_link() -> None:
    near = flip(MENU_IMG, 5)
    nearer = flip(MENU_IMG, 1, start=3)
    nets = run([(P("p1", "vendor.one", MENU_IMG), rec()),
                (P("p2", "vendor.two", near), rec()),
                (P("p3", "vendor.two", nearer), rec())])
    [lk] = image_links(nets)
    assert lk.posts == ("p1", "p3") and "phash distance 1" in lk.explanation


def test_chain_of_near_duplicates_links_transitively() -> None:
    b = flip(MENU_IMG, 4)
    c = flip(b, 4, start=2)  # 8 bits from MENU_IMG, 4 from b
    assert dist(MENU_IMG, c) > load_cues().image_distance
    nets = run([(P("p1", "one.vendor", MENU_IMG), rec()), (P("p2", "two.vendor", b), rec()),
                (P("p3", "three.vendor", c), rec())])
    assert same(nets, "p1", "p3")
    assert {(lk.source, lk.target) for lk in image_links(nets)} == {
        ("snapchat:one.vendor", "snapchat:two.vendor"), ("snapchat:two.vendor", "snapchat:three.vendor")}


# -- decoys ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name,items", [
    ("different image (distance 20)", [
        (P("p1", "vendor.one", MENU_IMG), rec()), (P("p2", "vendor.two", flip(MENU_IMG, 20)), rec())]),
    ("just over the distance (7)", [
        (P("p1", "vendor.one", MENU_IMG), rec()), (P("p2", "vendor.two", flip(MENU_IMG, 7)), rec())]),
    ("unrelated images", [(P("p1", "vendor.one", MENU_IMG), rec()), (P("p2", "vendor.two", OTHER_IMG), rec())]),
    ("image in an other post", [
        (P("p1", "vendor.one", MENU_IMG), rec()), (P("p2", "news.rennes", MENU_IMG), rec("other"))]),
    ("both in other posts", [
        (P("p1", "news.one", MENU_IMG), rec("other")), (P("p2", "news.two", MENU_IMG), rec("other"))]),
    ("blank image", [
        (P("p1", "vendor.one", "8000000000000000"), rec()), (P("p2", "vendor.two", "8000000000000000"), rec())]),
    ("white image", [
        (P("p1", "vendor.one", "fffffffffffffffe"), rec()), (P("p2", "vendor.two", "ffffffffffffffff"), rec())]),
    ("hashes of different lengths", [
        (P("p1", "vendor.one", MENU_IMG), rec()), (P("p2", "vendor.two", MENU_IMG + MENU_IMG), rec())]),
    ("malformed hashes", [
        (P("p1", "vendor.one", "not-a-hash!"), rec()), (P("p2", "vendor.two", "not-a-hash!"), rec())]),
])
def test_decoys_never_link(name: str, items: list[tuple[Post, dict[str, Any]]]) -> None:
    nets = run(items)
    assert not same(nets, "p1", "p2"), name
    assert not image_links(nets)


def test_widely_reposted_image_is_a_hub() -> None:
    hub = load_cues().image_hub
    # a prevention visual reposted by many unrelated vendors, re-encoded each time
    items = [(P(f"v{i}", f"vendor.number{i}", flip(MEME_IMG, i % 3, start=i)), rec()) for i in range(hub + 1)]
    items += [(P("v0b", "vendor.number0", MENU_IMG), rec()), (P("v1b", "vendor.number1", OTHER_IMG), rec())]
    nets = run(items)
    assert not image_links(nets)
    assert all(nets.network_of(f"v{i}") is None for i in range(2, hub + 1))
    assert not same(nets, "v0", "v1")


def test_other_posts_count_towards_the_hub() -> None:
    hub = load_cues().image_hub
    items = [(P("p1", "vendor.one", MEME_IMG), rec()), (P("p2", "vendor.two", flip(MEME_IMG, 2)), rec()),
             (P("p3", "vendor.two", OTHER_IMG), rec())]
    assert same(run(items), "p1", "p2")  # two vendors alone do link
    items += [(P(f"o{i}", f"prefecture.{i}", MEME_IMG, platform="twitter"), rec("other")) for i in range(hub)]
    nets = run(items)
    assert not same(nets, "p1", "p2")
    [n] = nets.networks()  # vendor.two's own two posts
    assert n.blocked == [{"identifier": f"image:{MEME_IMG}", "reason": n.blocked[0]["reason"],
                          "posts": ["p1", "p2"]}]
    assert "unrelated accounts" in n.blocked[0]["reason"]


def test_one_network_reposting_its_menu_from_many_accounts_is_not_a_hub() -> None:
    hub = load_cues().image_hub
    phone = "+33639987624"
    items = [(P(f"m{i}", f"menu.account{i}"), rec(phones=[phone])) for i in range(hub + 3)]
    items += [(P(f"i{i}", f"menu.account{i}", MENU_IMG), rec()) for i in range(hub + 3)]
    items += [(P("x1", "fresh.account", flip(MENU_IMG, 2)), rec()),
              (P("x2", "fresh.account", OTHER_IMG), rec())]
    nets = run(items)
    assert same(nets, "x1", "m0")  # the phone-linked accounts are one unit: the image links the new one


def test_hub_guard_is_configurable(tmp_path: Any) -> None:
    cues = replace(load_cues(), image_hub=1, image_distance=2)
    items = [(P("p1", "vendor.one", MENU_IMG), rec()), (P("p2", "vendor.two", MENU_IMG), rec())]
    assert not same(link(items, cues=cues), "p1", "p2")  # two unrelated accounts > hub of 1
    cues = replace(load_cues(), image_distance=2)
    items = [(P("p1", "vendor.one", MENU_IMG), rec()), (P("p2", "vendor.two", flip(MENU_IMG, 3)), rec())]
    assert not same(link(items, cues=cues), "p1", "p2")
    toml = tmp_path / "cues.toml"
    toml.write_text('[image]\nmax_distance = 3\nhub_accounts = 4\nmin_set_bits = 10\n', encoding="utf-8")
    c = load_cues(str(toml))
    assert (c.image_distance, c.image_hub, c.image_min_bits) == (3, 4, 10)
    assert (load_cues().image_distance, load_cues().image_hub) == (6, 8)


# -- extraction and persistence -------------------------------------------------------------

@pytest.mark.parametrize("meta,expected", [
    ((("image_phash", "C3D1A5B27E4F9068"),), ["c3d1a5b27e4f9068"]),
    ((("image_phash", " c3d1a5b27e4f9068 "), ("image_phash", "c3d1a5b27e4f9068")), ["c3d1a5b27e4f9068"]),
    ((("image_phash", ""), ("image_phash", "xyz"), ("image_phash", "12")), []),
    ((("ocr_conf", "c3d1a5b27e4f9068"),), []),
    ((), []),
])
def test_image_hashes_from_meta(meta: tuple[tuple[str, str], ...], expected: list[str]) -> None:
    assert image_hashes(meta) == expected


@pytest.mark.parametrize("category", ["sale", "recruitment", "other"])
def test_identifiers_round_trip(category: str) -> None:
    post = P("s1:ocr", "", MENU_IMG, OTHER_IMG, platform="image", date="2024-03-01T10:00:00Z")
    ids = extract(post, rec(category))
    assert ids.images == [MENU_IMG, OTHER_IMG]
    d = ids_to_dict(ids)
    assert d is not None and d["im"] == [MENU_IMG, OTHER_IMG]  # other posts keep them for the hub guard
    back = ids_from_dict("s1:ocr", json.loads(json.dumps(d)))
    assert back == ids


def test_posts_without_images_serialise_as_before() -> None:
    ids = extract(Post(id="p1", text="dispo", platform="snapchat", author="vendor.one"), rec())
    d = ids_to_dict(ids)
    assert d is not None and "im" not in d
    assert ids_from_dict("p1", d).images == []
    assert ids_to_dict(extract(Post(id="o1", text="hello", author="x"), rec("other"))) is None


def test_relinking_from_stored_identifiers_matches_the_batch() -> None:
    items = [(P("p1", "la.ferme.rns", MENU_IMG), rec()), (P("p2", "docks76", flip(MENU_IMG, 3)), rec()),
             (P("p3", "vendor.far", flip(MENU_IMG, 20)), rec())]
    items += [(P(f"o{i}", f"news.{i}", MEME_IMG), rec("other")) for i in range(3)]
    batch = run(items)
    linker = Linker(is_place=lambda s: s in PLACES)
    for post, r in items:
        d = ids_to_dict(extract(post, r))
        if d is not None:
            linker.add_ids(ids_from_dict(post.id, json.loads(json.dumps(d))))
    stored = linker.networks()
    assert batch.records() == stored.records()
    assert same(stored, "p1", "p2") and stored.network_of("p3") is None
