"""Synthetic labelled corpus: realistic social-media posts with gold labels (SCHEMA.md format).

A simulated world of vendor networks (home areas, brands, accounts on several platforms, fictional phone
numbers, product ranges with per-vendor prices, writing styles) posts over several months: menus, stories,
teasers, bios, promotions, recruitment; bans/rebrands, price changes, flash sales and new products are
planted and recorded in ``truth``. One-off sellers, advance-fee scams and hard negatives (legal CBD, night
food delivery, news, prevention, harm reduction, jokes, lyrics, classifieds...) share the vocabulary.

Text and labels are produced by the same structured choices, never by parsing the text afterwards.
Phone numbers are fictional only (ARCEP 06 39 98 / 01 99 00..., Ofcom 07700 900xxx, US 555-01xx).

Usage: ``python -m sentinelle.corpus.generator -n 1000 --seed 1 -o out.jsonl``
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Iterator, Mapping
from typing import Any

from . import _geo as geo
from ._events import flash_sale, new_product, new_vendor, price_change, rebrand
from ._lex import PRODUCTS, SPECS
from ._notice import notice
from ._other import KIND_W, KINDS, other
from ._recruit import niche, niche_products, recruitment, scam, singleton_phone
from ._sale import Ctx, bio, dispo, menu, products_emoji, promo, story, teaser
from ._text import Post, Style, Weighted, ch, random_style, ri
from ._world import Vendor, geo_phone, make_item, make_vendor, rebrand_handle

__all__ = ["generate", "validate_gold", "main", "DEFAULT_MIX"]

DEFAULT_MIX: dict[str, float] = {"sale": 0.45, "recruitment": 0.10, "other": 0.45}

_POST_TYPES = ("menu", "story", "teaser", "bio", "dispo", "promo", "notice")
_POST_W = (30, 22, 14, 9, 10, 5, 11)
_SALE_HOURS = (0, 1, 2, 3, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23)
_SALE_HOURS_W = (6, 4, 2, 1, 1, 2, 3, 3, 3, 4, 5, 7, 9, 10, 11, 12, 12, 9)
_SALE_HOUR = Weighted(_SALE_HOURS, _SALE_HOURS_W)
_KIND = Weighted(KINDS, KIND_W)
_POST = Weighted(_POST_TYPES, _POST_W)
_REG_S = Weighted(("fr", "uk", "us"), (80, 13, 7))
_REG_R = Weighted(("fr", "uk", "us"), (82, 13, 5))


def generate(
    n: int,
    *,
    seed: int = 0,
    start: str = "2025-01-01",
    months: int = 12,
    vendors: int | None = None,
    id_prefix: str = "gen",
    mix: Mapping[str, float] | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield n gold-labelled posts in chronological order, deterministic for a seed, constant memory.

    vendors: number of recurring vendor networks (default grows with n, capped at 1200).
    mix: category shares, default DEFAULT_MIX (sale / recruitment / other).
    """
    if n <= 0:
        return
    rng = random.Random(seed)
    cal = geo.Calendar(start, months)
    nv = vendors if vendors is not None else min(1200, max(6, n // 40))
    world = [make_vendor(random.Random(rng.getrandbits(64)), i) for i in range(max(1, nv))]
    m = dict(DEFAULT_MIX if mix is None else mix)
    tot = sum(m.get(k, 0.0) for k in DEFAULT_MIX) or 1.0
    p_sale = m.get("sale", 0.0) / tot
    p_rec = p_sale + m.get("recruitment", 0.0) / tot
    width = max(4, len(str(n)))
    days = cal.days
    for i in range(n):
        day = min(days - 1, int((i + rng.random()) * days / n))
        frac = day / days
        r = rng.random()
        post = Post()
        truth: dict[str, Any] = {"vendor": None, "account": "", "event": None, "baseline": {}}
        network = ""
        if r < p_sale:
            category = "sale"
            platform, author, lang, tz = _sale(rng, post, world, frac, cal.month[day], truth)
            network = truth.pop("_network", "")
            hour = _SALE_HOUR(rng)
        elif r < p_rec:
            category = "recruitment"
            platform, author, lang, tz = _recruit(rng, post, world, frac, cal.month[day], truth)
            network = truth.pop("_network", "")
            hour = ri(rng, 9, 22)
        else:
            category = "other"
            kind = _KIND(rng)
            lang = "en" if rng.random() < 0.12 else "fr"
            platform, author, tz = other(rng, post, kind, lang)
            truth["template"] = kind
            hour = ri(rng, 7, 23)
        style = truth.pop("_style", None) or random_style(rng, lang, 0.25 if category == "other" else 0.3)
        if category == "other" and style.case == 2:
            style = Style(style.sms, style.typo, style.deaccent, 0, lang)
        text = post.render(rng, style)
        truth["account"] = author
        d: dict[str, Any] = {
            "id": f"{id_prefix}-{i + 1:0{width}d}",
            "platform": platform,
            "author": author,
            "date": cal.stamp(day, tz, hour, 5 * int(rng.random() * 12)),
            "lang": lang,
            "text": text,
            "category": category,
            "other_kind": kind if category == "other" else "",
            "network": network,
            "products": post.products if category == "sale" else [],
            "prices": post.prices if category == "sale" else [],
            "handles": post.handles,
            "phones": post.phones,
            "places": post.places,
            "departments": post.departments,
            "min_order_eur": post.min_order if category == "sale" else None,
            "payment": post.payment if category == "sale" else [],
            "delivery": post.delivery if category == "sale" else False,
            "always_open": post.always_open if category == "sale" else False,
            "prepayment": post.prepayment if category == "sale" else "none",
            "promotion": post.promotion if category == "sale" else False,
            "scam_signals": post.scam if category == "sale" else False,
            "minors_signals": post.minors if category == "recruitment" else False,
            "truth": truth,
        }
        yield d


# ------------------------------------------------------------------ sale


def _pick_vendor(rng: random.Random, world: list[Vendor], frac: float) -> Vendor:
    for _ in range(10):
        v = world[int(rng.random() * len(world))]
        if v.start <= frac <= v.end:
            return v
    return world[int(rng.random() * len(world))]


def _account(rng: random.Random, v: Vendor, prefer: tuple[str, ...] = ()) -> tuple[str, str]:
    plats = list(v.accounts)
    if prefer:
        pref = [p for p in plats if p in prefer]
        if pref and rng.random() < 0.7:
            return (p := ch(rng, pref)), v.accounts[p]
    if "snapchat" in plats and rng.random() < 0.4:
        return "snapchat", v.accounts["snapchat"]
    p = ch(rng, plats)
    return p, v.accounts[p]


def _tz(v: Vendor) -> str:
    return v.cluster.tz


def _sale(
    rng: random.Random, post: Post, world: list[Vendor], frac: float, month: int, truth: dict[str, Any]
) -> tuple[str, str, str, str]:
    r = rng.random()
    if r < 0.07 or r < 0.19:
        # singleton: scam or one-off niche seller (network "")
        is_scam = r < 0.07
        region = _REG_S(rng)
        pids = None if is_scam else niche_products(rng, "en" if region != "fr" else "fr")
        if is_scam and rng.random() < 0.5:
            pids = [ch(rng, ("prescription_drugs", "counterfeit_money", "cannabis_herb", "mdma", "cocaine"))]
        v = make_vendor(rng, -1, region, pids, light=True)
        v.phone = singleton_phone(rng, v) if rng.random() < 0.5 else None
        platform, author = _account(rng, v)
        c = Ctx(rng, post, v, platform, author, month)
        (scam if is_scam else niche)(c)
        if not post.products:
            post.t(products_emoji(c, v.items))
        truth.update(template="scam" if is_scam else "niche")
        truth["_style"] = random_style(rng, v.lang, v.sloppiness)
        return platform, author, v.lang, _tz(v)
    v = _pick_vendor(rng, world, frac)
    ev: str | None = None
    if v.n_posts == 0 and v.start > 0.03:
        ev = "new_vendor"
    elif v.ev_i < len(v.events) and v.events[v.ev_i][0] <= frac:
        ev = v.events[v.ev_i][1]
        v.ev_i += 1
    v.n_posts += 1
    truth["vendor"] = v.vid
    truth["_network"] = v.network
    if ev == "rebrand":
        plats = [p for p in v.accounts if p != "whatsapp"]
        p = ch(rng, plats)
        new = rebrand_handle(rng, v.accounts[p], p)
        v.accounts[p] = new
        new_phone = v.phone is not None and rng.random() < 0.3
        if new_phone:
            v.phone_gen += 1
            v.phone = geo_phone(v.region, v.idx, v.phone_gen, v.cluster)
        if rng.random() < 0.6 or len(v.accounts) == 1 or p == "facebook":
            platform, author = p, new
        else:
            platform = ch(rng, [q for q in v.accounts if q != p])
            author = v.accounts[platform]
        c = Ctx(rng, post, v, platform, author, month)
        rebrand(c, new, p, new_phone)
        truth["new_account"] = {"platform": p, "handle": new}
    else:
        prefer: tuple[str, ...] = ()
        kind = "event"
        if ev is None:
            kind = _POST(rng)
            if kind == "teaser":
                prefer = ("instagram", "tiktok", "twitter", "facebook")
            elif kind == "menu":
                prefer = ("telegram", "snapchat")
        platform, author = _account(rng, v, prefer)
        c = Ctx(rng, post, v, platform, author, month)
        if ev == "price_change":
            price_change(c)
        elif ev == "flash_sale":
            flash_sale(c)
        elif ev == "new_vendor":
            new_vendor(c)
        elif ev == "new_product":
            have = {it.spec.pid for it in v.items}
            cands = [p for p in PRODUCTS if p not in have and p != "counterfeit_money"]
            spec = ch(rng, SPECS[ch(rng, cands)]) if cands else ch(rng, v.items).spec
            it = make_item(rng, spec, v.lang, v.cur)
            if v.region == "fr" and it.spec.unit == "bag":
                it = make_item(rng, SPECS[it.spec.pid][0], v.lang, v.cur)
            v.items.append(it)
            if len(v.items) > 8:
                v.items.pop(0)
            new_product(c, it)
            truth["product"] = it.spec.pid
        else:
            {"menu": menu, "story": story, "teaser": teaser, "bio": bio, "dispo": dispo, "promo": promo,
             "notice": notice}[kind](c)
            truth["template"] = kind
        truth.update(c.extra)
    if not post.products and truth.get("template") != "notice":  # a notice names no product (_notice.py)
        post.nl()
        post.s(products_emoji(c, rng.sample(v.items, min(2, len(v.items))))).t(
            " dispo" if v.lang == "fr" else " available"
        )
    truth["event"] = ev
    truth["baseline"] = v.baseline()
    st = random_style(rng, v.lang, v.sloppiness)
    if v.emoji_rate == 0.0 and rng.random() < 0.8:
        st = Style(st.sms, st.typo, st.deaccent, st.case, st.lang, noemoji=True)
    truth["_style"] = st
    return platform, author, v.lang, _tz(v)


def _recruit(
    rng: random.Random, post: Post, world: list[Vendor], frac: float, month: int, truth: dict[str, Any]
) -> tuple[str, str, str, str]:
    minors = rng.random() < 0.5
    v = _pick_vendor(rng, world, frac) if rng.random() < 0.65 else None
    if v is not None and not v.start <= frac <= v.end:
        v = None  # a network recruits while it operates; outside that, a one-off recruiter posts
    if v is not None:
        truth["vendor"] = v.vid
        truth["_network"] = v.network
        truth["baseline"] = v.baseline()
    else:
        region = _REG_R(rng)
        v = make_vendor(rng, -1, region, ["cannabis_herb"], light=True)
        v.phone = singleton_phone(rng, v) if rng.random() < 0.5 else None
        # a one-off recruiter is nobody's network: it must not hold a network's account name
        taken = {h for w in world for h in w.accounts.values()}
        for p, h in list(v.accounts.items()):
            if h in taken:
                v.accounts[p] = f"{h}_{ri(rng, 10, 99)}"
    platform, author = _account(rng, v, ("snapchat", "telegram", "instagram", "tiktok"))
    c = Ctx(rng, post, v, platform, author, month)
    recruitment(c, minors)
    truth["template"] = "recruitment"
    truth["_style"] = random_style(rng, v.lang, v.sloppiness)
    return platform, author, v.lang, _tz(v)


# ------------------------------------------------------------------ validation

_PLATFORMS = {"snapchat", "telegram", "instagram", "twitter", "whatsapp", "tiktok", "facebook", "forum"}
_HANDLE_PLATFORMS = {
    "snapchat",
    "telegram",
    "instagram",
    "whatsapp",
    "signal",
    "potato",
    "wickr",
    "threema",
    "session",
    "twitter",
    "tiktok",
    "other",
}
_UNITS = {"g", "kg", "pill", "blotter", "ml", "unit", "bag"}
_PAYMENTS = {"cash", "lydia", "paypal", "crypto", "bank_transfer", "coupon", "card", "paylib", "wero"}
_KEYS = (
    "id",
    "platform",
    "author",
    "date",
    "lang",
    "text",
    "category",
    "other_kind",
    "network",
    "products",
    "prices",
    "handles",
    "phones",
    "places",
    "departments",
    "min_order_eur",
    "payment",
    "delivery",
    "always_open",
    "prepayment",
    "promotion",
    "scam_signals",
    "minors_signals",
)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")
_E164 = re.compile(r"^\+[1-9]\d{7,14}$")
_DEPT = re.compile(r"^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$")
_CUR = ("price_eur", "price_gbp", "price_usd")


def validate_gold(d: Mapping[str, Any]) -> list[str]:
    """Return the list of schema / convention violations of one gold record (empty when valid)."""
    err: list[str] = []
    for k in _KEYS:
        if k not in d:
            err.append(f"missing {k}")
    if err:
        return err
    for k in (
        "id",
        "platform",
        "author",
        "date",
        "lang",
        "text",
        "category",
        "other_kind",
        "network",
        "prepayment",
    ):
        if not isinstance(d[k], str):
            err.append(f"{k} not str")
    for k in ("delivery", "always_open", "promotion", "scam_signals", "minors_signals"):
        if not isinstance(d[k], bool):
            err.append(f"{k} not bool")
    for k in ("products", "prices", "handles", "phones", "places", "departments", "payment"):
        if not isinstance(d[k], list):
            err.append(f"{k} not list")
    if err:
        return err
    cat = d["category"]
    if cat not in ("sale", "recruitment", "other"):
        err.append(f"bad category {cat}")
    if d["platform"] not in _PLATFORMS:
        err.append(f"bad platform {d['platform']}")
    if d["lang"] not in ("fr", "en"):
        err.append("bad lang")
    if not _DATE.match(d["date"]):
        err.append(f"bad date {d['date']}")
    if not d["text"].strip():
        err.append("empty text")
    if d["author"].startswith("@"):
        err.append("author with @")
    if cat == "other":
        if d["other_kind"] not in KINDS:
            err.append(f"bad other_kind {d['other_kind']}")
        if d["network"]:
            err.append("network on other")
    elif d["other_kind"]:
        err.append("other_kind on non-other")
    if d["network"] and not re.match(r"^[A-Z]\d{2,}$", d["network"]):
        err.append("bad network id")
    if d["prepayment"] not in ("none", "partial", "full"):
        err.append("bad prepayment")
    if cat != "sale":
        if d["products"] or d["prices"] or d["payment"] or d["min_order_eur"] is not None:
            err.append("sale fields on non-sale")
        if (
            d["delivery"]
            or d["always_open"]
            or d["promotion"]
            or d["scam_signals"]
            or d["prepayment"] != "none"
        ):
            err.append("sale flags on non-sale")
    if cat != "recruitment" and d["minors_signals"]:
        err.append("minors_signals outside recruitment")
    if len(set(d["products"])) != len(d["products"]):
        err.append("duplicate products")
    for p in d["products"]:
        if p not in SPECS:
            err.append(f"bad product {p}")
    if cat == "sale" and not d["products"] and (d.get("truth") or {}).get("template") != "notice":
        err.append("sale without product")  # only a vendor notice names none (_notice.py)
    for pr in d["prices"]:
        if not isinstance(pr, dict) or pr.get("product") not in d["products"]:
            err.append(f"price product not in products: {pr}")
            continue
        if pr.get("unit") not in _UNITS:
            err.append(f"bad unit {pr}")
        q = pr.get("quantity")
        if not isinstance(q, int | float) or isinstance(q, bool) or q <= 0:
            err.append(f"bad quantity {pr}")
        curs = [c for c in _CUR if c in pr]
        if len(curs) != 1 or not isinstance(pr[curs[0]], int | float) or pr[curs[0]] <= 0:
            err.append(f"bad price currency {pr}")
        if set(pr) - {"product", "quantity", "unit", *_CUR}:
            err.append(f"extra price keys {pr}")
    for h in d["handles"]:
        if not isinstance(h, dict) or h.get("platform") not in _HANDLE_PLATFORMS or not h.get("handle"):
            err.append(f"bad handle {h}")
            continue
        if h["handle"].startswith("@"):
            err.append("handle with @")
        if h["handle"].lower() == d["author"].lower():
            err.append("handle is the author")
        if h["platform"] == "whatsapp":
            err.append("whatsapp number must go to phones")
        if h["handle"] not in d["text"]:
            err.append(f"handle not in text {h['handle']}")
    for ph in d["phones"]:
        if not isinstance(ph, str) or not _E164.match(ph):
            err.append(f"bad phone {ph}")
    for dep in d["departments"]:
        if not isinstance(dep, str) or not _DEPT.match(dep):
            err.append(f"bad department {dep}")
    for pl in d["places"]:
        if not isinstance(pl, str) or not pl or pl != pl.strip():
            err.append(f"bad place {pl}")
    for pm in d["payment"]:
        if pm not in _PAYMENTS:
            err.append(f"bad payment {pm}")
    mo = d["min_order_eur"]
    if mo is not None and (not isinstance(mo, int | float) or isinstance(mo, bool) or mo <= 0):
        err.append("bad min_order_eur")
    if d["scam_signals"] and d["prepayment"] != "full" and not d["delivery"]:
        err.append("scam without prepayment/delivery")
    for lst in ("places", "departments", "phones", "payment"):
        if len(set(d[lst])) != len(d[lst]):
            err.append(f"duplicate {lst}")
    if "truth" in d and not isinstance(d["truth"], dict):
        err.append("truth not dict")
    return err


# ------------------------------------------------------------------ CLI


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="sentinelle generate", description="Generate a synthetic gold corpus (JSONL)."
    )
    ap.add_argument("-n", type=int, default=1000, help="number of posts")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--start", default="2025-01-01", help="first day (YYYY-MM-DD)")
    ap.add_argument("--months", type=int, default=12)
    ap.add_argument("--vendors", type=int, default=None, help="number of vendor networks")
    ap.add_argument("--id-prefix", default="gen")
    ap.add_argument("--mix", default=None, help="category shares, e.g. sale=0.45,recruitment=0.1,other=0.45")
    ap.add_argument("--no-truth", action="store_true", help="drop the extra 'truth' field")
    ap.add_argument("-o", "--output", default="-", help="output file (default stdout)")
    a = ap.parse_args(argv)
    mix = None
    if a.mix:
        mix = {k.strip(): float(v) for k, v in (kv.split("=") for kv in a.mix.split(","))}
    out = sys.stdout if a.output == "-" else open(a.output, "w", encoding="utf-8")  # noqa: SIM115
    t0 = time.perf_counter()
    try:
        # a single encoder: json.dumps(**kw) builds a new one per call
        encode = json.JSONEncoder(ensure_ascii=False).encode
        buf: list[str] = []
        for d in generate(
            a.n,
            seed=a.seed,
            start=a.start,
            months=a.months,
            vendors=a.vendors,
            id_prefix=a.id_prefix,
            mix=mix,
        ):
            if a.no_truth:
                del d["truth"]
            buf.append(encode(d))
            if len(buf) >= 1000:
                buf.append("")
                out.write("\n".join(buf))
                buf.clear()
        if buf:
            buf.append("")
            out.write("\n".join(buf))
    finally:
        if out is not sys.stdout:
            out.close()
    dt = time.perf_counter() - t0
    if a.output != "-":
        print(
            f"wrote {a.n} posts to {a.output} in {dt:.1f}s ({a.n / max(dt, 1e-9):,.0f} posts/s)",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
