"""Planted events written by vendors: price changes, flash sales, rebrands, new products, new vendors."""

from __future__ import annotations

from ._price import nice
from ._sale import Ctx, _tp, contacts, item_line, menu, menu_block, pick, zone_line
from ._text import ch, phone_text, ri
from ._world import Item, contact_text

# ------------------------------------------------------------------ events


def _num(c: Ctx) -> str:
    assert c.v.phone is not None
    c.post.phone(c.v.phone)
    return phone_text(c.rng, c.v.phone)


def price_change(c: Ctx) -> None:
    rng, post, v = c.rng, c.post, c.v
    up = rng.random() < 0.6
    targets = rng.sample(v.items, min(len(v.items), ri(rng, 1, 3)))
    changes: dict[str, list[float]] = {}
    olds: dict[int, dict[float, float]] = {}
    for it in targets:
        old_base = it.base
        f = rng.uniform(1.1, 1.3) if up else rng.uniform(0.78, 0.9)
        new = nice(old_base * f) if old_base > 3 else round(old_base * f, 2)
        if new == old_base:
            new = old_base + (1 if up else -1) if old_base > 3 else round(old_base * f, 2)
        olds[id(it)] = {q: _tp(it, q) for q in it.tiers}
        it.base = new
        changes.setdefault(it.spec.pid, [old_base, new])
    c.extra["changes"] = changes
    if c.fr:
        post.t(
            ch(
                rng,
                (
                    "⚠️ NOUVEAUX TARIFS ⚠️",
                    "📢 MISE À JOUR DES PRIX 📢",
                    "changement de prix à partir de ce soir",
                    "les prix bougent 📈" if up else "📉 baisse des prix 📉",
                    "hausse des prix désolé la team 🙏" if up else "bonne nouvelle les prix baissent 🎉",
                ),
            )
        ).nl()
        if up and rng.random() < 0.4:
            post.t(
                ch(
                    rng,
                    (
                        "suite aux saisies ça bouge un peu",
                        "la frappe est rare en ce moment",
                        "le fournisseur a augmenté",
                    ),
                )
            ).nl()
    else:
        post.t(
            ch(
                rng,
                (
                    "⚠️ NEW PRICES ⚠️",
                    "price update 📢",
                    "prices going up, sorry 🙏" if up else "prices dropping 📉",
                ),
            )
        ).nl()
    post.nl()
    for it in targets:
        show_old = rng.random() < 0.5
        post.s(item_line(c, it, None, olds[id(it)] if show_old else None)).nl()
    if rng.random() < 0.4:
        contacts(c, 1)


def flash_sale(c: Ctx) -> None:
    rng, post, v = c.rng, c.post, c.v
    post.promotion = True
    fr = c.fr
    if fr:
        post.t(
            ch(
                rng,
                (
                    "⚡ VENTE FLASH ⚡ ce soir 20h-minuit",
                    "⚡️FLASH SALE⚡️ jusqu'à dimanche soir",
                    "🔥 promo éclair 2h seulement 🔥",
                    "⏳ ce soir uniquement ⏳",
                    "🚨 PROMO DU WEEKEND 🚨",
                    "💥 déstockage jusqu'à demain midi 💥",
                ),
            )
        ).nl()
    else:
        post.t(ch(rng, ("FLASH SALE ⚡ this weekend only", "⚡ tonight only ⚡", "🔥 2hr deal 🔥"))).nl()
    targets = rng.sample(v.items, min(len(v.items), ri(rng, 1, 2)))
    sale: dict[str, float] = {}
    for it in targets:
        q = ch(rng, it.tiers)
        old = _tp(it, q)
        new = nice(old * rng.uniform(0.7, 0.88))
        if new >= old:
            new = max(1.0, old - 5 if old > 20 else old - 1)
        sale.setdefault(it.spec.pid, round(new / q, 2))
        post.s(item_line(c, _one_tier(it, q), None, {q: old}, {q: new})).nl()
    c.extra["sale_unit_price"] = sale
    if v.delivery_mode in (0, 2) and rng.random() < 0.5:
        zone_line(c)
    contacts(c, ri(rng, 0, 1))


def _one_tier(it: Item, q: float) -> Item:
    return Item(it.spec, it.name, it.emoji, it.base, (q,))


def rebrand(c: Ctx, new_handle: str, platform: str, new_phone: bool) -> None:
    rng, post, v = c.rng, c.post, c.v
    fr = c.fr
    if fr:
        post.t(
            ch(
                rng,
                (
                    "⚠️ ANCIEN SNAP BAN ⚠️",
                    "compte principal sauté 😤",
                    "nouveau compte, l'ancien a sauté",
                    "on a été ban 🙄 voici le backup",
                    "⛔ l'ancien compte est mort ⛔",
                    "rajoutez-vous ici, l'autre a sauté 🙏",
                    "BACKUP 🔁",
                ),
            )
        ).nl()
    else:
        post.t(
            ch(
                rng,
                (
                    "main acc got banned 🙄 this is the new one",
                    "⚠️ backup account ⚠️ add me",
                    "old page gone, new one here 🙏",
                ),
            )
        ).nl()
    if platform != c.platform:
        post.t(pick(rng, fr, ("nouveau ", "le nouveau : ", "nv compte "), ("new ", "new acc: ")))
        post.k(contact_text(rng, post, platform, new_handle, c.lang)).nl()
    if v.phone:
        if new_phone:
            post.t(
                pick(
                    rng,
                    fr,
                    ("📵 nouveau num : ", "nouveau numéro ", "changement de num ➡️ "),
                    ("new number ", "new line: "),
                )
            ).t(_num(c)).nl()
        elif rng.random() < 0.7:
            post.t(
                pick(
                    rng,
                    fr,
                    ("meme numero qu'avant ", "même num ", "le num change pas "),
                    ("same number ", "same line "),
                )
            ).t(_num(c)).nl()
    if rng.random() < 0.5:
        post.nl()
        menu_block(c, rng.sample(v.items, min(3, len(v.items))))


def new_product(c: Ctx, it: Item) -> None:
    rng, post = c.rng, c.post
    if c.fr:
        post.t(
            ch(
                rng,
                (
                    "🆕 NOUVEAUTÉ 🆕",
                    "nouveau produit dispo 🔥",
                    "ça y est on a enfin ",
                    "arrivage exclusif 📦",
                    "🆕 nouveau à la carte :",
                ),
            )
        ).nl()
    else:
        post.t(ch(rng, ("🆕 NEW IN 🆕", "just added to the menu:", "new on the menu 🔥"))).nl()
    post.s(item_line(c, it, None)).nl()
    if rng.random() < 0.5 and len(c.v.items) > 1:
        post.s(item_line(c, ch(rng, [x for x in c.v.items if x is not it]), 1)).nl()
    contacts(c, 1)


def new_vendor(c: Ctx) -> None:
    rng = c.rng
    fr = c.fr
    v = c.v
    city = ch(rng, v.cluster.main.forms)
    intro = (
        ch(
            rng,
            (
                "🆕 NOUVEAU SUR {C} 🔥",
                "🎉 ouverture sur {c} 🎉",
                "on arrive sur {c} 🚀",
                "nouvelle équipe sur {c} ✅",
                "lancement ce soir 🚀",
                "nouveau compte, nouvelle équipe 🔥",
            ),
        )
        if fr
        else ch(rng, ("🆕 NEW IN {C} 🔥", "now serving {c} 🚀", "grand opening tonight 🎉"))
    )
    if "{" in intro:
        c.post.place(v.cluster.main.canon)
    menu(c, intro.format(c=city, C=city.upper()))
