"""Sale posts written by vendors: menus, stories, teasers, bios, promotions and planted events."""

from __future__ import annotations

import random
from typing import Any

from ._lex import GENERIC_EN, GENERIC_FR, SPECS, Spec
from ._price import money, nice, num_en, num_fr, price_point, tier_price
from ._text import Post, ch, ri, spaced
from ._world import (
    Item,
    Vendor,
    _slug,
    contact_text,
    other_contact,
    phone_line,
    say_dept,
    say_places,
    signal_like,
)

MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_BAG = {
    pid: Spec(pid, "bag", (), (), SPECS[pid][0].emoji, 20, 10, 10, (1,), (1,))
    for pid in ("cannabis_herb", "cannabis_resin")
}


class Ctx:
    """Everything one post needs: rng, the post under construction, the vendor and the account."""

    __slots__ = ("rng", "post", "v", "platform", "author", "lang", "cur", "month", "event", "extra")

    def __init__(
        self, rng: random.Random, post: Post, v: Vendor, platform: str, author: str, month: int
    ) -> None:
        self.rng, self.post, self.v, self.platform, self.author = rng, post, v, platform, author
        self.lang, self.cur, self.month = v.lang, v.cur, month
        self.event: str | None = None
        self.extra: dict[str, Any] = {}

    @property
    def fr(self) -> bool:
        return self.lang == "fr"


def pick(rng: random.Random, fr: bool, a: tuple[str, ...], b: tuple[str, ...]) -> str:
    return ch(rng, a if fr else b)


# ------------------------------------------------------------------ item lines


def _name(c: Ctx, it: Item, force_name: bool = False) -> str:
    rng, v = c.rng, c.v
    use_emoji = rng.random() < v.emoji_rate
    name = it.name
    if rng.random() < 0.03 and len(name) <= 6 and name.isalpha():
        name = spaced(name.lower())
    elif rng.random() < 0.25:
        name = name.lower()
    if use_emoji and it.spec.emoji_only and not force_name and rng.random() < 0.35:
        return it.emoji
    return f"{it.emoji} {name}" if use_emoji else name


def item_line(
    c: Ctx,
    it: Item,
    k: int | None = None,
    old: dict[float, float] | None = None,
    price_of: dict[float, float] | None = None,
) -> str:
    """One menu line for an item; records product + price labels. old: {qty: previous price}."""
    rng, v, post = c.rng, c.v, c.post
    post.product(it.spec.pid)
    tiers = list(it.tiers)
    if k is not None and k < len(tiers):
        tiers = sorted(rng.sample(tiers, k))
    label = _name(c, it)
    spec = it.spec
    # special phrasings
    p: float
    if c.fr and spec.pid in _BAG and rng.random() < 0.05 and old is None:
        p = nice(it.base * ch(rng, (1.5, 2, 2.5)))
        pp = price_point(rng, post, _BAG[spec.pid], 1, p, c.cur, c.lang, v.pat, v.arrow, v.mfmt)
        return f"{label} {pp}"
    if c.fr and spec.unit == "g" and spec.pid in _BAG and v.layout == 5 and old is None:
        amount = ch(rng, (20, 50, 100))
        qg = max(1, round(amount / (it.base * 0.85)))
        post.price(spec.pid, qg, "g", amount, c.cur)
        return f"💶{amount} = {it.emoji}{qg}g"
    if c.fr and spec.pid == "cannabis_resin" and 100 in tiers and rng.random() < 0.5 and old is None:
        p = price_of[100] if price_of else _tp(it, 100)
        post.price(spec.pid, 100, "g", p, c.cur)
        return f"{label} la plaquette 100g {v.arrow} {money(p, c.cur, v.mfmt)}"
    pts = []
    ofmt = int(rng.random() * 4)
    for q in tiers:
        p = price_of[q] if price_of and q in price_of else _tp(it, q)
        s = price_point(rng, post, spec, q, p, c.cur, c.lang, v.pat, v.arrow, v.mfmt)
        if old and q in old and old[q] != p:
            o = money(old[q], c.cur, v.mfmt, c.lang)
            s += (
                (f" au lieu de {o}", f" (au lieu de {o})", f" (avant {o})", f" ~~{o}~~")[ofmt]
                if c.fr
                else (f" (was {o})", f" instead of {o}", f" ~~{o}~~", f" (was {o})")[ofmt]
            )
        pts.append(s)
    if c.fr and spec.unit == "g" and len(tiers) == 1 and tiers[0] == 1 and rng.random() < 0.12 and not old:
        pts[0] = "à partir de " + pts[0]
    sep = ch(rng, (" | ", " / ", " — ", " - ", "  ", " • ")) if v.layout != 3 else " / "
    body = sep.join(pts)
    lay = v.layout
    if lay == 1 and len(pts) == 1:
        return f"{label}{v.leader}{body}"
    if lay == 2:
        return f"• {label} — {body}"
    if lay == 4:
        return f"{label} : {body}"
    if lay == 7:
        return f"- {label} {body}"
    return f"{label} {v.arrow} {body}" if rng.random() < 0.4 else f"{label} {body}"


def _tp(it: Item, q: float) -> float:
    ref = it.spec.qty[0] if it.spec.unit in ("ml", "unit", "pill") else 1.0
    return tier_price(it.base, q, ref)


def menu_block(c: Ctx, items: list[Item], k: int | None = None) -> None:
    post, v = c.post, c.v
    if v.layout == 3 and len(items) > 1:  # one line, pipes
        parts = [item_line(c, it, 1) for it in items]
        post.s(" | ".join(parts)).nl()
        return
    gitems = [it for it in items if it.spec.unit == "g" and it.spec.pid in _BAG][:3]
    if v.layout == 6 and len(gitems) >= 2:  # price table: one row per product, one column per quantity
        rng = c.rng
        qs = sorted(rng.sample((1, 2, 5, 10, 20, 25, 50) if c.fr else (3.5, 7, 14, 28), 3))
        sep = ch(rng, (" | ", "  ", " │ ", "\t"))
        unit = "g"
        head = [ch(rng, ("QTÉ", "", "💰", "⚖️")) if c.fr else ch(rng, ("", "QTY", "⚖️"))]
        post.s(sep.join(head + [f"{num_fr(q) if c.fr else num_en(q)}{unit}" for q in qs])).nl()
        for it in gitems:
            cells = []
            for q in qs:
                p = _tp(it, q)
                post.price(it.spec.pid, q, "g", p, c.cur)
                cells.append(money(p, c.cur, v.mfmt, c.lang))
            post.s(sep.join([_name(c, it, True)] + cells)).nl()
        for it in items:
            if it not in gitems:
                post.s(item_line(c, it, k)).nl()
        return
    if v.layout == 6 and len(items) >= 1 and items[0].spec.unit == "g" and len(items[0].tiers) >= 2:
        it = items[0]
        post.product(it.spec.pid)
        post.s(_name(c, it, True)).nl()
        for q in it.tiers:
            p = _tp(it, q)
            post.price(it.spec.pid, q, "g", p, c.cur)
            qtxt = (num_fr(q) if c.fr else num_en(q)) + "g"
            post.s(f"{qtxt} {v.arrow} {money(p, c.cur, v.mfmt, c.lang)}").nl()
        items = items[1:]
        if items:
            post.nl()
    for it in items:
        post.s(item_line(c, it, k)).nl()


# ------------------------------------------------------------------ shared lines


def brand_text(c: Ctx) -> str:
    v, post = c.v, c.post
    b = v.brand
    if v.cluster.dept and b.endswith(" " + v.cluster.dept):
        post.dept(v.cluster.dept)
    padded = f" {b} "
    for f in v.cluster.main.forms:
        if f" {f} " in padded:
            post.place(v.cluster.main.canon)
            break
    r = c.rng.random()
    if r < 0.45:
        return b.upper()
    if r < 0.55:
        return b.lower()
    return b


def header(c: Ctx) -> None:
    rng, post, v = c.rng, c.post, c.v
    r = rng.random()
    e = v.bemoji if rng.random() < v.emoji_rate + 0.2 else ""
    b = brand_text(c)
    if r < 0.3:
        post.s(f"{e} {b} {e}".strip())
    elif r < 0.45:
        m = MONTHS_FR[c.month - 1] if c.fr else MONTHS_EN[c.month - 1]
        post.s(f"{b} — {'carte de' if c.fr else 'menu'} {m} {e}".strip())
    elif r < 0.6:
        post.s(f"{'📋 MENU' if c.fr else '📋 MENU'} {b}")
    elif r < 0.72 and v.cluster.dept:
        post.s(f"{e} {b} ").k(say_dept(rng, post, v))
    elif r < 0.85:
        post.s(f"🔌 {b} 🔌 ").s(say_places(rng, post, v, 1))
    else:
        post.s(b)
    post.nl()


def zone_line(c: Ctx) -> None:
    rng, post, v = c.rng, c.post, c.v
    dm = v.delivery_mode
    places = say_places(rng, post, v)
    fr = c.fr
    if dm in (0, 2):
        post.delivery = True
        if fr:
            t = ch(
                rng,
                (
                    "🚗 livraison {p}",
                    "on livre {p} 🛵",
                    "livraison sur {p}",
                    "je me déplace sur {p}",
                    "🚚 On livre {p}",
                    "drive 🚗 {p}",
                    "je passe sur {p}",
                    "📍 {p} — livraison rapide",
                    "lvr {p} et alentours",
                    "{p} : livré en 30 min ⏱️",
                    "on bouge sur {p} 🚗💨",
                ),
            )
        else:
            t = ch(
                rng,
                (
                    "🚗 drop-offs {p}",
                    "delivering {p}",
                    "pulling up all over {p} 🚗💨",
                    "📍 {p} — we deliver",
                    "T.Y.D {p}",
                    "{p} delivery only",
                ),
            )
        if dm == 2:
            t += " (retrait possible)" if fr else " (or collect)"
    elif dm == 1:
        t = (
            ch(
                rng,
                (
                    "📍 retrait uniquement sur {p}",
                    "retrait only {p}, pas de livraison 🙅‍♂️",
                    "à récupérer sur {p} (adresse en privé)",
                    "pas de lvr, retrait sur {p}",
                ),
            )
            if fr
            else ch(rng, ("collection only, {p}", "pick up only {p} 📍"))
        )
    else:
        t = (
            ch(rng, ("📍 {p}", "secteur {p}", "{p} et environs", "zone : {p}", "dispo sur {p}"))
            if fr
            else ch(rng, ("📍 {p}", "{p} area", "{p} only"))
        )
    a, _, b = t.partition("{p}")
    post.t(a).s(places).t(b)
    if v.cluster.dept and rng.random() < 0.2:
        post.t(" ").k(say_dept(rng, post, v))
    post.nl()


def hours_line(c: Ctx) -> None:
    rng, post, v = c.rng, c.post, c.v
    h0, h1 = v.hours.split("|")
    if v.always_open:
        post.always_open = True
        t = (
            ch(
                rng,
                (
                    "⏰ 24/7",
                    "ouvert 24h/24",
                    "7j/7 24h/24",
                    "H24 🔥",
                    "24h/24 et 7j/7",
                    "dispo 24/24",
                    "24/7 ⏰",
                ),
            )
            if c.fr
            else ch(rng, ("open 24/7", "24/7", "24/7 🔥", "24hrs"))
        )
    else:
        t = (
            ch(
                rng,
                (
                    f"⏰ {h0} ➝ {h1}",
                    "ouvert 7j/7",
                    f"tous les jours de {h0} à {h1}",
                    f"7j/7 de {h0} à {h1}",
                    f"jusqu'à {h1} du mat",
                    "dispo ce soir",
                    f"⏰ {h0}-{h1}",
                ),
            )
            if c.fr
            else ch(
                rng,
                (
                    f"{h0.replace('h', '')}pm till late",
                    "7 days a week",
                    "open till late",
                    "drop-offs 10am–2am",
                ),
            )
        )
    post.t(t).nl()


_PAY_FR = {
    "cash": ("cash", "espèces", "liquide", "cash"),
    "lydia": ("Lydia",),
    "crypto": ("crypto", "BTC", "USDT"),
    "paypal": ("PayPal",),
    "bank_transfer": ("virement", "virement instant"),
    "paylib": ("Paylib",),
    "wero": ("Wero",),
    "card": ("CB", "carte bancaire"),
    "coupon": ("PCS", "Transcash", "Neosurf", "carte cadeau"),
}
_PAY_EN = {
    "cash": ("cash",),
    "lydia": ("Lydia",),
    "crypto": ("BTC", "crypto", "LTC"),
    "paypal": ("PayPal",),
    "bank_transfer": ("bank transfer", "BT"),
    "paylib": ("Paylib",),
    "wero": ("Wero",),
    "card": ("card",),
    "coupon": ("gift cards", "Amazon vouchers", "Apple gift cards"),
}


def pay_words(c: Ctx, methods: list[str]) -> str:
    table = _PAY_FR if c.fr else _PAY_EN
    words = []
    for m in methods:
        c.post.pay(m)
        words.append(ch(c.rng, table[m]))
    if len(words) == 1:
        return words[0]
    j = " ou " if c.fr else " or "
    return ", ".join(words[:-1]) + j + words[-1] if c.rng.random() < 0.6 else " / ".join(words)


def pay_line(c: Ctx) -> None:
    if not c.v.payments:
        return
    w = pay_words(c, c.v.payments)
    if c.fr:
        t = ch(c.rng, ("💶 {w}", "paiement : {w}", "{w} uniquement", "💳 {w}", "règlement {w}"))
    else:
        t = ch(c.rng, ("💷 {w}" if c.cur == "GBP" else "💵 {w}", "Payment: {w}", "{w} only", "{w} on drop"))
    before, _, after = t.partition("{w}")
    c.post.t(before).s(w).t(after).nl()


def min_line(c: Ctx) -> None:
    v = c.v
    if v.min_order is None or not c.fr:
        return
    x = v.min_order
    c.post.min_order = x
    opts = [
        f"mini {x}€ de commande",
        f"minimum {x}e",
        f"pas de commande en dessous de {x}e",
        f"commande mini {x} balles",
        f"minimum de commande : {x} €",
        f"mini {x}€ svp 🙏",
    ]
    if v.delivery_mode in (0, 2):
        opts.append(f"livraison à partir de {x}€")
    t = ch(c.rng, opts)
    if t.startswith("livraison"):
        c.post.delivery = True
    c.post.t(t).nl()


def partial_line(c: Ctx) -> None:
    v = c.v
    if v.partial is None:
        return
    c.post.prepayment = "partial"
    t = v.partial
    cur = money(t, c.cur, 0, c.lang)
    if c.fr:
        s = ch(
            c.rng,
            (
                f"📦 grosse commande (+{cur}) = moitié d'avance",
                f"commandes +{cur} : 50% d'avance",
                f"acompte de 30% pour les cmd de plus de {cur}",
                f"au-dessus de {cur} la moitié avant",
            ),
        )
    else:
        s = ch(c.rng, (f"half upfront on orders over {cur}", f"50% deposit on orders {cur}+"))
    c.post.t(s).nl()


def promo_line(c: Ctx) -> None:
    rng = c.rng
    c.post.promotion = True
    if c.fr:
        n = ch(rng, (5, 8, 10))
        s = ch(
            rng,
            (
                f"🎁 CARTE FIDÉLITÉ : {n} commandes = 1 pochon offert",
                f"🎟 fidélité : {n} tampons = 5g offerts",
                "parrainage : ramène un pote = 5€ de réduc 🤝",
                "1 acheté = 1 offert sur les taz 💊",
                "-10% dès 100€ d'achat 🎁",
                "happy hour 18h-20h : -20% sur tout 🍻",
                "feuilles + briquet offerts 🎁",
                "le 2ème pochon offert 🎁",
                "un petit cadeau pour chaque commande 🎁",
                "-15% pour les nouveaux clients",
                "black friday -25% 🖤",
                "promo étudiants -10% 🎓",
            ),
        )
    else:
        s = ch(
            rng,
            (
                "loyalty card: every 10th order free 🎁",
                "refer a mate = " + ("£" if c.cur == "GBP" else "$") + "5 off 🤝",
                "buy 2 get 1 free on carts",
                "free papers & lighter with every order",
                "happy hour 6-8pm: 20% off",
                "first order 10% off",
            ),
        )
    c.post.t(s).nl()


def contacts(c: Ctx, n: int) -> None:
    rng, v, post = c.rng, c.v, c.post
    done = 0
    if v.phone and rng.random() < 0.55:
        post.t(phone_line(rng, post, v.phone, c.lang, v.whatsapp)).nl()
        done += 1
    while done < n:
        oc = other_contact(rng, v, c.platform, c.author)
        if oc is None or {"platform": oc[0], "handle": oc[1]} in post.handles:
            break
        post.k(contact_text(rng, post, oc[0], oc[1], c.lang)).nl()
        done += 1
        if rng.random() < 0.6:
            break
    if rng.random() < 0.04:
        plat = ch(rng, ("signal", "potato", "wickr", "threema", "session"))
        if v.extra_contact is None:
            v.extra_contact = (plat, signal_like(rng, plat, v.brand))
        post.k(contact_text(rng, post, v.extra_contact[0], v.extra_contact[1], c.lang)).nl()


def hashtags(c: Ctx) -> None:
    rng, v = c.rng, c.v
    tags = ["#" + _slug(v.cluster.main.canon)]
    if v.cluster.dept and rng.random() < 0.4:
        tags.append("#" + v.cluster.dept)
        c.post.dept(v.cluster.dept)
    tags += rng.sample(
        (
            "#weekend",
            "#fyp",
            "#pourtoi",
            "#snap",
            "#night",
            "#chill",
            "#vibes",
            "#420",
            "#sud",
            "#nord",
            "#team",
            "#friday",
        ),
        ri(rng, 1, 2),
    )
    c.post.place(v.cluster.main.canon)
    c.post.t(" ".join(tags)).nl()


def products_emoji(c: Ctx, items: list[Item]) -> str:
    out = []
    for it in items:
        c.post.product(it.spec.pid)
        if it.spec.emoji_only and c.rng.random() < 0.7:
            out.append(it.emoji)
        else:
            gen = (GENERIC_FR if c.fr else GENERIC_EN)[it.spec.pid]
            out.append(ch(c.rng, gen) if c.rng.random() < 0.6 else it.name)
    sep = (
        ch(c.rng, ("", " ", " + ", " / ")) if all(len(x) <= 2 for x in out) else ch(c.rng, (" ", ", ", " + "))
    )
    return sep.join(dict.fromkeys(out))


# ------------------------------------------------------------------ post types


def menu(c: Ctx, intro: str | None = None) -> None:
    rng, post, v = c.rng, c.post, c.v
    if intro:
        post.t(intro).nl()
    if rng.random() < 0.75:
        header(c)
    if rng.random() < 0.6:
        zone_line(c)
    post.nl()
    items = v.items if len(v.items) <= 5 or rng.random() < 0.5 else rng.sample(v.items, 5)
    menu_block(c, items)
    post.nl()
    for fn, p in ((hours_line, 0.45), (pay_line, 0.5), (min_line, 0.35), (partial_line, 0.3)):
        if rng.random() < p:
            fn(c)
    if v.loyalty or rng.random() < 0.1:
        promo_line(c)
    if v.delivery_mode == 0 and not post.delivery and rng.random() < 0.5:
        post.delivery = True
        post.t(
            pick(
                rng,
                c.fr,
                ("livraison 🚗", "🛵 livraison rapide", "je me déplace 🚗", "drive dispo 🚗"),
                ("🚗 drop-offs", "we deliver 🚗"),
            )
        ).nl()
    contacts(c, ri(rng, 0, 2))
    if rng.random() < 0.12:
        hashtags(c)


def story(c: Ctx) -> None:
    """Short, casual story text."""
    rng, post, v = c.rng, c.post, c.v
    fr = c.fr
    r = rng.random()
    if v.delivery_mode in (0, 2) and r < 0.5:
        post.delivery = True
        post.t(
            pick(
                rng,
                fr,
                (
                    "je livre 🚗💨 ",
                    "livraison ce soir sur ",
                    "on tourne sur ",
                    "lvr ",
                    "jpasse sur ",
                    "je me déplace ",
                ),
                ("pulling up ", "delivering ", "dropping off ", "dropping "),
            )
        ).s(say_places(rng, post, v, ri(rng, 1, 2))).nl()
    elif r < 0.7:
        post.t(
            pick(
                rng,
                fr,
                (
                    "dispo ✅",
                    "tout est dispo 🔥",
                    "réappro fait ✅",
                    "bien rentré 📦",
                    "grosse frappe dispo 🔥",
                    "fresh stock 🔥 dispo",
                    "new drop ce soir 💥",
                    "restock done ✅ on est op",
                ),
                ("restocked ✅", "all in 🔥", "fresh batch 📦", "got it all 🔥"),
            )
        ).nl()
    k = min(len(v.items), ri(rng, 1, 3))
    for it in rng.sample(v.items, k):
        post.s(item_line(c, it, ri(rng, 1, 2))).nl()
    if rng.random() < 0.3:
        min_line(c)
    if rng.random() < 0.25:
        hours_line(c)
    if rng.random() < 0.2:
        post.t(
            pick(
                rng,
                fr,
                (
                    "et svp soyez la quand jarrive jattend pas 😤",
                    "pas de blabla en msg 🙏",
                    "pas de crédit ❌",
                    "cmd avant 23h svp",
                    "on répond à tout le monde patience 🙏",
                ),
                ("no time wasters", "be ready when I pull up", "no tick ❌"),
            )
        ).nl()
    contacts(c, ri(rng, 0, 1))


def teaser(c: Ctx) -> None:
    """Cross-platform teaser: no prices, points to another account."""
    rng, post, v = c.rng, c.post, c.v
    fr = c.fr
    k = min(len(v.items), ri(rng, 1, 3))
    prods = products_emoji(c, rng.sample(v.items, k))
    r = rng.random()
    if fr:
        line = ch(
            rng,
            (
                "Nouvelle récolte {p} 🔥",
                "arrivage {p} 📦",
                "{p} de qualité, ça part vite 🏃",
                "Le menu est à jour {p}",
                "grosse dinguerie cette semaine {p} 😮‍💨",
                "{p} dispo 🔌",
                "nouveautés {p} 🤤",
                "{p} 🔥🔥 qui veut ?",
                "ça part vite 🏃 {p}",
                "QUALITÉ 💯 {p}",
                "dispo tout de suite {p} 📲",
                "le meilleur de la ville {p} 👌",
                "stock refait {p} ✅",
                "new drop {p} dispo 🔥",
                "{p} on est op 💯 full menu en DM",
            ),
        )
    else:
        line = ch(
            rng,
            (
                "new drop {p} 🔥",
                "fresh stock {p} 📦",
                "{p} just landed 🛬",
                "menu updated {p}",
                "{p} back in 🔌",
                "top shelf {p} 💯",
                "{p} on deck",
                "tap in for {p} 📲",
            ),
        )
    before, _, after = line.partition("{p}")
    post.t(before).s(prods).t(after).nl()
    oc = other_contact(rng, v, c.platform, c.author)
    if oc:
        post.t(
            pick(
                rng,
                fr,
                ("Menu complet et zones sur ", "tout est sur ", "commande sur ", "passe sur ", "infos 👉 "),
                ("full menu on ", "order via ", "info 👉 ", "hit up "),
            )
        ).k(contact_text(rng, post, oc[0], oc[1], c.lang)).nl()
    elif v.phone:
        post.t(phone_line(rng, post, v.phone, c.lang, v.whatsapp)).nl()
    if r < 0.35:
        post.s(say_places(rng, post, v, 1)).t(" 📍" if rng.random() < 0.5 else "").nl()
    if rng.random() < 0.3:
        hashtags(c)


def bio(c: Ctx) -> None:
    """One-liner with pipes, the typical profile bio."""
    rng, post, v = c.rng, c.post, c.v
    fr = c.fr
    bits: list[tuple[int, str]] = []
    if rng.random() < 0.6:
        bits.append((1, f"{v.bemoji} {brand_text(c)}"))
    pl = say_places(rng, post, v, ri(rng, 1, 2))
    if v.cluster.dept and rng.random() < 0.4:
        pl += " " + say_dept(rng, post, v)
    bits.append((1, pl))
    k = min(len(v.items), ri(rng, 1, 4))
    bits.append((1, products_emoji(c, rng.sample(v.items, k))))
    if v.delivery_mode in (0, 2) and rng.random() < 0.7:
        post.delivery = True
        bits.append(
            (
                0,
                pick(
                    rng,
                    fr,
                    ("livraison", "drive 🚗", "lvr rapide", "livraison de nuit 🌙"),
                    ("drop-offs", "delivery", "T.Y.D"),
                ),
            )
        )
    if v.always_open and rng.random() < 0.8:
        post.always_open = True
        bits.append((0, ch(rng, ("24/7", "24h/24"))))
    if v.phone and rng.random() < 0.7:
        bits.append((0, phone_line(rng, post, v.phone, c.lang, v.whatsapp)))
    else:
        oc = other_contact(rng, v, c.platform, c.author)
        if oc:
            bits.append((2, contact_text(rng, post, oc[0], oc[1], c.lang)))
    for i, (kind, s) in enumerate(bits):
        if i:
            post.k(" | ")
        (post.k if kind == 2 else post.s if kind == 1 else post.t)(s)


def dispo(c: Ctx) -> None:
    rng, post, v = c.rng, c.post, c.v
    fr = c.fr
    if rng.random() < 0.5 and v.delivery_mode in (0, 2):
        post.delivery = True
        post.t(
            pick(
                rng,
                fr,
                ("DRIVE OUVERT 🚗 ", "livraison ouverte ", "on livre ce soir "),
                ("drive open 🚗 ", "delivering tonight "),
            )
        ).s(say_places(rng, post, v, 1))
        if v.always_open:
            post.always_open = True
            post.t(" 24h/24" if fr else " 24/7")
        if v.cluster.dept and rng.random() < 0.4:
            post.t(" ").k(say_dept(rng, post, v))
        post.nl()
    k = min(len(v.items), ri(rng, 1, 4))
    post.s(products_emoji(c, rng.sample(v.items, k))).t(
        pick(rng, fr, (" tout dispo", " dispo", " ✅", " en stock"), (" all available", " in stock", " ✅"))
    ).nl()
    if v.phone:
        post.t(phone_line(rng, post, v.phone, c.lang, v.whatsapp)).nl()
    else:
        contacts(c, 1)
    if rng.random() < 0.4:
        min_line(c)


def promo(c: Ctx) -> None:
    rng, post, v = c.rng, c.post, c.v
    if rng.random() < 0.5:
        post.s(f"{v.bemoji} {brand_text(c)}").nl()
    promo_line(c)
    if rng.random() < 0.5:
        it = ch(rng, v.items)
        post.s(item_line(c, it, 1)).nl()
    elif rng.random() < 0.5:
        post.s(products_emoji(c, v.items[:3])).nl()
    contacts(c, 1)
