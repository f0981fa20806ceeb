"""Recruitment posts, advance-fee scams and one-off niche sellers."""

from __future__ import annotations

import random

from ._lex import PRODUCT_W_EN, PRODUCT_W_FR
from ._price import money, nice, tier_price
from ._recruit_prose import prose_recruitment
from ._sale import Ctx, brand_text, item_line, pay_words, pick
from ._text import Weighted, ch, fr_mobile, ri, uk_mobile, us_phone
from ._world import Vendor, contact_text, other_contact, phone_line, say_dept, say_places, side_account

_ROLES_FR = (
    ("guetteur", (60, 150), "jour"),
    ("chouf", (60, 120), "jour"),
    ("charbonneur", (150, 300), "jour"),
    ("vendeur", (150, 300), "jour"),
    ("livreur", (100, 250), "soirée"),
    ("livreur avec permis B", (150, 250), "soirée"),
    ("nourrice (garder du matos chez toi)", (800, 2000), "mois"),
    ("ravitailleur", (80, 150), "jour"),
    ("tartineur", (120, 250), "jour"),
    ("détailleur (préparer les pochons)", (100, 200), "jour"),
    ("chauffeur go-fast", (2000, 5000), "trajet"),
    ("djobeur", (100, 250), "jour"),
    ("rabatteur", (80, 150), "jour"),
    ("gérant de four", (300, 400), "jour"),
    ("standardiste (prise de cmd)", (80, 150), "jour"),
)
_ROLES_EN = (
    ("runners", (100, 300), "day"),
    ("drivers", (150, 300), "day"),
    ("shotters", (100, 250), "day"),
    ("holders (keep stuff at yours)", (300, 800), "week"),
    ("lookouts", (50, 100), "day"),
    ("line workers", (500, 1000), "week"),
    ("grafters", (80, 200), "day"),
    ("packers", (50, 120), "day"),
)
_UNIT_FR = {
    "jour": ("€/jour", "€ la journée", "€ par jour", "e/j", "€/j"),
    "soirée": ("€ la soirée", "€/soir"),
    "mois": ("€/mois", "€ par mois"),
    "trajet": ("€ le trajet", "€ par trajet"),
}
_UNIT_EN = {"day": ("/day", " a day", " per day"), "week": ("/week", " a week", " p/w")}


PROSE_SHARE = 0.2  # recruitment written as chat (see _recruit_prose.py)


def recruitment(c: Ctx, minors: bool) -> None:
    rng, post, v = c.rng, c.post, c.v
    if rng.random() < PROSE_SHARE:
        prose_recruitment(c, minors)
        return
    fr = c.fr
    named = v.idx >= 0 and rng.random() < 0.35
    if fr:
        if named:
            post.t("📢 ").s(brand_text(c)).t(" RECRUTE 📢").nl()
        else:
            post.t(
                ch(
                    rng,
                    (
                        "On recrute 📢",
                        "💸 RECRUTE 💸",
                        "💰 ARGENT FACILE 💰",
                        "🔎 Cherche djobeurs",
                        "OFFRE D'EMPLOI 😂💼",
                        "Besoin de monde 🙋‍♂️",
                        "Qui veut taffer ? 💶",
                        "📣 on cherche du monde motivé",
                        "TAF DISPO 💼",
                    ),
                )
            ).nl()
        roles = rng.sample(_ROLES_FR, ri(rng, 1, 3))
        for name, (lo, hi), unit in roles:
            pay = lo + 10 * int(rng.random() * ((hi - lo) // 10 + 1))
            post.t(
                f"➡️ {name} : {pay}{ch(rng, _UNIT_FR[unit])}"
                if rng.random() < 0.6
                else f"{name} {pay}{ch(rng, _UNIT_FR[unit])}"
            ).nl()
        post.t(ch(rng, ("sur ", "secteur ", "📍 ", "zone "))).s(say_places(rng, post, v, ri(rng, 1, 2)))
        if v.cluster.dept and rng.random() < 0.35:
            post.t(" ").k(say_dept(rng, post, v))
        post.nl()
        extras = rng.sample(
            (
                "payé cash chaque soir 💵",
                "logement possible 🏠",
                "nourri logé",
                "tél fourni 📱",
                "pas de profils instables svp",
                "discrétion obligatoire 🤐",
                "pas de balances 🐀",
                "débutants acceptés",
                "fumette offerte 🍁",
                "primes au volume 📈",
            ),
            ri(rng, 0, 2),
        )
        for e in extras:
            post.t(e).nl()
        if minors:
            post.minors = True
            post.t(
                ch(
                    rng,
                    (
                        "même mineur ok 🤫",
                        "13-17 ans ok",
                        "horaires après les cours 📚",
                        "collégiens / lycéens bienvenus",
                        "dispo après le collège = parfait",
                        "pas besoin d'être majeur",
                        "16 ans ok 👍",
                        "même si t'as 15 ans on prend",
                        "mineurs acceptés, jamais contrôlés 😉",
                        "idéal pour les jeunes du quartier après l'école",
                    ),
                )
            ).nl()
        elif rng.random() < 0.6:
            post.t(
                ch(
                    rng,
                    (
                        "majeurs uniquement",
                        "+18 seulement",
                        "18 ans minimum",
                        "sérieux uniquement, majeurs (+18)",
                        "permis B obligatoire",
                        "pas de mineurs ❌",
                    ),
                )
            ).nl()
    else:
        if named:
            post.s(brand_text(c)).t(" is hiring 📢").nl()
        else:
            post.t(
                ch(
                    rng,
                    (
                        "Need runners for the line 🏃‍♂️",
                        "grafters wanted 💷",
                        "looking for drivers 🚗",
                        "county lines work available",
                        "shotters needed asap",
                        "who wants to make money? 💰",
                    ),
                )
            ).nl()
        name, (lo, hi), unit = ch(rng, _ROLES_EN)
        pay = lo + 10 * int(rng.random() * ((hi - lo) // 10 + 1))
        cur = "£" if c.cur == "GBP" else "$"
        post.t(f"{name} {cur}{pay}{ch(rng, _UNIT_EN[unit])}").nl()
        places = say_places(rng, post, v, ri(rng, 1, 2))
        post.s(places)
        if c.cur == "GBP" and rng.random() < 0.4:
            dest = ch(
                rng,
                (
                    "Shrewsbury",
                    "Hastings",
                    "Margate",
                    "Norwich",
                    "Swindon",
                    "Exeter",
                    "Blackpool",
                    "Lincoln",
                    "Ipswich",
                    "Stoke-on-Trent",
                ),
            )
            post.place(dest)
            post.t(" ➡️ ").s(dest)
        post.nl()
        if rng.random() < 0.5:
            post.t(
                ch(
                    rng,
                    ("work phone provided 📱", "paid daily", "accommodation sorted", "no experience needed"),
                )
            ).nl()
        if minors:
            post.minors = True
            post.t(
                ch(
                    rng,
                    (
                        "14+ welcome",
                        "school kids ok 🎒",
                        "after school hours",
                        "16-17 yr olds welcome",
                        "under 18s fine",
                        "perfect for year 10/11s",
                    ),
                )
            ).nl()
        elif rng.random() < 0.6:
            post.t(
                ch(rng, ("must be 18+", "18+ only", "over 18s only, no kids", "no time wasters, 18+"))
            ).nl()
    # contact
    r = rng.random()
    if r < 0.35 and v.phone:
        post.t(phone_line(rng, post, v.phone, c.lang, v.whatsapp)).nl()
    elif r < 0.5:
        plat = ch(rng, ("signal", "potato", "telegram"))
        h = (
            side_account(rng, v, plat)
            if plat != "telegram"
            else v.accounts.get("telegram") or side_account(rng, v, "other").replace(".", "_")
        )
        if h != c.author:
            post.t(pick(rng, fr, ("contact ", "écris ", "dm "), ("hmu ", "contact "))).k(
                contact_text(rng, post, plat, h, c.lang)
            ).nl()
    else:
        oc = other_contact(rng, v, c.platform, c.author)
        if oc:
            post.t(pick(rng, fr, ("écris sur ", "contact via ", "DM ou "), ("hmu on ", "message "))).k(
                contact_text(rng, post, oc[0], oc[1], c.lang)
            ).nl()
        else:
            post.t(pick(rng, fr, ("DM 📩", "écris en privé"), ("DM me", "inbox"))).nl()


# ------------------------------------------------------------------ scams


def scam(c: Ctx) -> None:
    rng, post, v = c.rng, c.post, c.v
    fr = c.fr
    post.scam = True
    post.delivery = True
    post.prepayment = "full"
    if fr:
        post.t(
            ch(
                rng,
                (
                    "📦 ENVOI PARTOUT EN FRANCE 🇫🇷",
                    "📮 expédition discrète partout en France (DOM-TOM aussi 🌴)",
                    "🚚 livraison postale 24/48h sous vide",
                    "ENVOI COLISSIMO SUIVI PARTOUT 📦",
                    "livraison mondial relay toute la France 📦",
                    "📬 envoi en lettre suivie, ultra discret",
                ),
            )
        ).nl()
    elif c.cur == "GBP":
        post.t(
            ch(
                rng,
                (
                    "📦 UK WIDE NEXT DAY DELIVERY 📦",
                    "worldwide shipping 🌍 stealth packaging",
                    "📮 royal mail tracked, vac sealed",
                    "UK next day 🇬🇧 stealth",
                ),
            )
        ).nl()
    else:
        post.t(
            ch(
                rng,
                (
                    "worldwide shipping 🌍 stealth packaging",
                    "ship to all 50 states 🇺🇸 discreet",
                    "📮 USPS priority, vac sealed",
                    "nationwide shipping 📦 overnight",
                ),
            )
        ).nl()
    if rng.random() < 0.3:
        post.promotion = True
        post.t(
            pick(
                rng,
                fr,
                ("🔥 PROMO DE FOU 🔥", "-50% cette semaine seulement", "prix de gros imbattables 💯"),
                ("🔥 CRAZY DEALS 🔥", "50% off this week", "wholesale prices 💯"),
            )
        ).nl()
    cheap = rng.random() < 0.7
    for it in v.items[:4]:
        if cheap:
            it.base = nice(it.base * rng.uniform(0.25, 0.5)) if it.base > 3 else round(it.base * 0.4, 2)
            big = tuple(q for q in it.spec.qty if q >= 5) or it.tiers
            it.tiers = tuple(sorted(rng.sample(big, min(len(big), ri(rng, 1, 2)))))
        if rng.random() < 0.15 and it.spec.unit == "g" and it.spec.pid in ("cannabis_herb", "cannabis_resin"):
            p = nice(tier_price(it.base, 1000) * 0.8)
            post.price(it.spec.pid, 1, "kg", p, c.cur)
            post.s(f"{it.emoji} 1kg de {it.name.lower()} ➡️ {money(p, c.cur, 0, c.lang)}").nl()
            continue
        post.s(item_line(c, it)).nl()
    if rng.random() < 0.3:
        post.t(
            pick(
                rng,
                fr,
                ("pure 98% 💯", "qualité pharmaceutique ✔️", "sans ordonnance ✔️"),
                ("98% pure 💯", "pharma grade ✔️", "no prescription needed ✔️"),
            )
        ).nl()
    methods = rng.sample(("coupon", "crypto", "coupon"), ri(rng, 1, 2))
    methods = list(dict.fromkeys(methods))
    w = pay_words(c, methods)
    post.t(
        pick(
            rng,
            fr,
            (
                "Paiement AVANT ENVOI uniquement : {w}",
                "paiement {w} avant l'envoi 🔒",
                "règlement à la commande par {w}",
                "{w} avant expédition, pas d'exception",
            ),
            ("Payment upfront ONLY: {w}", "{w} before dispatch", "pay first via {w}"),
        ).format(w=w)
    ).nl()
    if rng.random() < 0.7:
        post.t(
            pick(
                rng,
                fr,
                ("Pas de main propre ❌", "pas de rdv", "0 rdv", "aucune rencontre, envoi uniquement"),
                ("No meetups, no cash.", "no meet ups", "post only, no meets"),
            )
        ).nl()
    oc = other_contact(rng, v, c.platform, c.author)
    if oc and rng.random() < 0.8:
        post.t(pick(rng, fr, ("Contact ", "commandes 👉 ", "infos "), ("Orders 👉 ", "contact "))).k(
            contact_text(rng, post, oc[0], oc[1], c.lang)
        ).nl()
    elif rng.random() < 0.5:
        plat = ch(rng, ("wickr", "signal", "session", "potato"))
        post.k(contact_text(rng, post, plat, side_account(rng, v, plat), c.lang)).nl()


# ------------------------------------------------------------------ one-off niche sellers

NICHE_FR = (
    (["nitrous_oxide"], 5),
    (["prescription_drugs"], 5),
    (["counterfeit_money"], 2),
    (["cathinones", "ghb"], 2),
    (["cathinones", "ghb", "methamphetamine"], 1),
    (["crack"], 2),
    (["heroin"], 2),
    (["cannabis_herb"], 4),
    (["cannabis_resin"], 3),
    (["cocaine"], 3),
    (["lsd", "psilocybin"], 2),
    (["amphetamine", "mdma"], 1),
    (["cannabis_concentrate"], 2),
    (["mdma", "ketamine"], 2),
)


_NICHE = Weighted([tuple(p) for p, _ in NICHE_FR], [w for _, w in NICHE_FR])
_PW_FR = Weighted(list(PRODUCT_W_FR), list(PRODUCT_W_FR.values()))
_PW_EN = Weighted(list(PRODUCT_W_EN), list(PRODUCT_W_EN.values()))


def niche_products(rng: random.Random, lang: str) -> list[str]:
    if rng.random() < 0.7:
        return list(_NICHE(rng))
    return [(_PW_EN if lang == "en" else _PW_FR)(rng)]


def niche(c: Ctx) -> None:
    """A one-off seller: short post, one or two products, local."""
    rng, post, v = c.rng, c.post, c.v
    fr = c.fr
    pid = v.items[0].spec.pid
    if pid == "nitrous_oxide" and fr:
        post.t(ch(rng, ("🎈🎈 PROTO DISPO 🎈🎈", "bonbonnes dispo ce soir 🎈", "🎈 proto livré 🎈"))).nl()
    elif pid == "counterfeit_money":
        post.t(
            pick(
                rng,
                fr,
                ("💶 billets qualité max, passent au stylo 🖊️", "faux billets dispo, rendu parfait 💯"),
                ("💷 top quality notes, pass the pen test", "fake notes available 💯"),
            )
        ).nl()
    elif pid == "prescription_drugs":
        post.t(
            pick(
                rng,
                fr,
                ("💊 dispo sans ordo 💊", "sirop + cachets dispo 🍇", "pharmacie perso 😅"),
                ("💊 no script needed 💊", "pharma plug 💊"),
            )
        ).nl()
    elif pid in ("cathinones", "ghb"):
        post.t(
            pick(
                rng,
                fr,
                ("plan chems ce weekend 🧪", "chems dispo 🧪 discret", "pour vos soirées 🧪"),
                ("chems available 🧪", "party favours 🧪"),
            )
        ).nl()
    else:
        post.t(
            pick(
                rng,
                fr,
                ("dispo ce soir", "qlq1 veut ? dispo", "j'ai ça ce soir 🤫", "dernier stock 🔥"),
                ("got this tonight", "last of the batch 🔥", "who needs?"),
            )
        ).nl()
    for it in v.items[:2]:
        post.s(item_line(c, it, ri(rng, 1, 2))).nl()
    if pid == "nitrous_oxide" and rng.random() < 0.5:
        post.promotion = True
        post.t(
            pick(rng, fr, ("ballons offerts 🎁", "2 achetées = ballons offerts"), ("free balloons 🎁",))
        ).nl()
    r = rng.random()
    if r < 0.35:
        post.t(
            pick(rng, fr, ("retrait uniquement sur ", "à récupérer sur ", "retrait "), ("collection only ",))
        ).s(say_places(rng, post, v, 1)).nl()
    elif r < 0.8:
        post.delivery = True
        post.t(
            pick(
                rng,
                fr,
                ("je me déplace sur ", "livraison ", "je passe sur "),
                ("can drop to ", "delivering "),
            )
        ).s(say_places(rng, post, v, ri(rng, 1, 2)))
        if rng.random() < 0.3:
            post.t(pick(rng, fr, (" jusqu'à 4h du mat", " jusqu'à minuit"), (" till late",)))
        post.nl()
    if v.phone and rng.random() < 0.5:
        post.t(phone_line(rng, post, v.phone, c.lang, v.whatsapp)).nl()
    else:
        oc = other_contact(rng, v, c.platform, c.author)
        if oc:
            post.k(contact_text(rng, post, oc[0], oc[1], c.lang)).nl()


def singleton_phone(rng: random.Random, v: Vendor) -> str | None:
    if v.region in ("fr", "be", "ch"):
        return fr_mobile(8000 + int(rng.random() * 2000))
    if v.region == "uk":
        return uk_mobile(700 + int(rng.random() * 300))
    return us_phone(v.cluster.area or "555", 70 + int(rng.random() * 30))
