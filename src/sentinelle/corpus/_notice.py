# ruff: noqa: E501  (phrase tables: one entry per line)
"""Vendor notices: the operational posts of a delivery network that name no product.

Stories are full of them: the courier is on his way, a town joins the round, closed tonight because
of police checks, new account after a ban, cash only, half up front for big orders, a loyalty card.
They are sales (the writers of held-out sets label them so), but a model that only ever saw sales with
a menu learns "no product, no sale". Legal businesses post the same kind of notice with their trade
named (pizzas, taxi, plumber): those are in `_other.py`.
"""

from __future__ import annotations

from ._sale import Ctx, contacts, min_line, partial_line, pay_words
from ._text import ch, ri
from ._world import contact_text, phone_line, say_places

_DAYS_FR = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_DAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_OPEN_FR = ("📢 INFO", "⚠️ petit message", "rappel 📢", "📣 la team", "les gars", "Petite annonce :", "Info :", "🔔", "ℹ️ important")
_OPEN_EN = ("📢 NOTICE", "quick one lads", "heads up 👀", "update 📢", "ℹ️ info", "listen up", "")

# a line that says where the round goes ({p}: places); every one of them means delivery
_ZONE_FR = (
    "on couvre aussi {p} à partir de ce soir",
    "{p} ajouté à la tournée du {d}",
    "ce soir on passe sur {p} 🚗",
    "dernier passage sur {p} à {h}, après c'est fini",
    "tournée {p} ce soir, envoyez vos adresses en privé",
    "on livre toujours {p} jusqu'à {h}",
    "nouvelle zone : {p} 🗺️",
    "on monte aussi sur {p} le {d}",
    "{p} c'est bon, on vous livre aussi 🙏 même tarif",
    "plus de passage sur {p} pour le moment",
)
_ZONE_EN = (
    "now dropping to {p} too",
    "{p} added to the run 🚗",
    "last run to {p} at {h}, get ur orders in",
    "heading to {p} tonight, send addresses",
    "we cover {p} from tonight",
    "{p} sorted till {h}",
    "doing {p} on {d}s now",
)
# the courier on his way ({p}); delivery
_COURIER_FR = (
    "livreur en route sur {p} 🛵 ceux qui ont commandé soyez devant dans {n} min",
    "le livreur part de {p} dans {n} min, derniers ordres maintenant",
    "ça roule sur {p} 🚙 le chauffeur sera là dans {n} min, préparez l'appoint",
    "les 2 livreurs sont full, délai 1h minimum côté {p} 🙏 merci de pas relancer",
    "gros rush ce soir sur {p}, comptez {n} min d'attente",
)
_COURIER_EN = (
    "driver on his way to {p} now 🚗💨 have the cash ready",
    "driver leaving {p} now, {n} mins, be outside",
    "busy night, {n} min wait round {p}, dont keep ringing",
    "runner in {p} for the next hour, get ur orders in",
)
# hours, closing and reopening (no place needed)
_CLOSED_FR = (
    "fermé ce soir, trop de contrôles 🚓 reprise demain normal",
    "pas de tournée ce week-end, reprise {d}",
    "on est fermés le {d}, on se repose aussi 😅",
    "fermé jusqu'à nouvel ordre, on vous tient au courant ici",
    "c'est fini pour ce soir ✅ retour demain {h0}",
    "horaires d'hiver : de {h0} à {h} seulement jusqu'au 31/03",
    "rupture pour ce soir, retour {d} avec du nouveau 👀",
)
_CLOSED_EN = (
    "shop shut for tonight 🔒 back on tomorrow, dont ring after 12",
    "run done for tonight ✅ closing up, back at {h0}",
    "closed {d}, police everywhere 🚓 back to normal tomorrow",
    "no drops this weekend, back {d}",
    "all out for tonight, restock {d} 👀",
)
_ALWAYS_FR = ("ouvert 24/24 ce week-end 🔥", "dispo 24h/24 pour les fêtes 🎉", "7j/7 24h/24 même les jours fériés")
_ALWAYS_EN = ("open 24/7 all weekend 🔥", "24/7 over the bank holiday", "all day all night till tuesday")
# a new account after a ban ({a}: the new contact)
_ACCOUNT_FR = (
    "ouais j'ai été ban encore 🙄 ajoutez {a}",
    "l'ancien compte a sauté, on est sur {a} maintenant",
    "méfiez-vous des faux comptes, le seul vrai c'est {a}",
    "nouveau compte {a}, l'autre est bloqué. même sérieux 👍",
)
_ACCOUNT_EN = (
    "main got banned again 🙄 add {a}",
    "new acc {a}, old one's gone",
    "only real page is {a}, ignore the fakes",
)
_SAME_FR = ("même numéro", "le num change pas", "numéro inchangé", "même tel", "le reste inchangé")
_SAME_EN = ("same number", "number hasnt changed", "same number as always")
_LOYALTY_FR = (
    "🎁 carte fidélité : 10 commandes = la 11e offerte",
    "petit geste : -10% sur vos 2 prochaines commandes 🙏",
    "parrainage : ramène un pote = 5€ de réduc 🤝",
    "un cadeau pour toute commande de +{m}€ 🎁",
)
_LOYALTY_EN = (
    "🎁 loyalty card: every 10th order on the house",
    "refer a mate = 10% off ur next one 🤝",
    "little something extra for orders over {m} 🎁",
)


def _fill(c: Ctx, tmpl: str) -> None:
    """Write `tmpl`, its places ({p}) recorded by `say_places`."""
    rng, v = c.rng, c.v
    h0, h1 = v.hours.split("|")
    if not c.fr:  # "back at 8", "till 2"
        h0, h1 = h0.removesuffix("h"), h1.removesuffix("h")
    days = _DAYS_FR if c.fr else _DAYS_EN
    s = tmpl.replace("{h}", h1).replace("{h0}", h0).replace("{d}", ch(rng, days)).replace("{n}", str(ch(rng, (5, 10, 15, 20, 30))))
    s = s.replace("{m}", str(ch(rng, (50, 80, 100))))
    before, p, after = s.partition("{p}")
    c.post.t(before)
    if p:
        c.post.s(say_places(rng, c.post, v, ri(rng, 1, 2), arr_ok=False)).t(after)
    c.post.nl()


def _zone(c: Ctx) -> None:
    tmpl = ch(c.rng, _ZONE_FR if c.fr else _ZONE_EN)
    if not tmpl.startswith("plus de"):
        c.post.delivery = True
    _fill(c, tmpl)


def _courier(c: Ctx) -> None:
    c.post.delivery = True
    tmpl = ch(c.rng, _COURIER_FR if c.fr else _COURIER_EN)
    _fill(c, tmpl)
    if "cash" in tmpl:
        c.post.pay("cash")


def _closed(c: Ctx) -> None:
    if c.v.always_open and c.rng.random() < 0.5:
        c.post.always_open = True
        _fill(c, ch(c.rng, _ALWAYS_FR if c.fr else _ALWAYS_EN))
        return
    _fill(c, ch(c.rng, _CLOSED_FR if c.fr else _CLOSED_EN))


def _account(c: Ctx) -> None:
    rng, v = c.rng, c.v
    others = [(p, h) for p, h in v.accounts.items() if p not in (c.platform, "whatsapp", "facebook") and h != c.author]
    if not others:
        _closed(c)
        return
    p, h = ch(rng, others)
    before, _, after = ch(rng, _ACCOUNT_FR if c.fr else _ACCOUNT_EN).partition("{a}")
    c.post.t(before).k(contact_text(rng, c.post, p, h, c.lang)).t(after)
    if rng.random() < 0.5:
        c.post.t(", " + ch(rng, _SAME_FR if c.fr else _SAME_EN))
    c.post.nl()


def _pay(c: Ctx) -> None:
    v = c.v
    if not v.payments:
        _loyalty(c)
        return
    w = pay_words(c, v.payments[:2])
    t = ch(c.rng, ("rappel : paiement {w} uniquement", "on prend pas la CB, {w} seulement", "{w} à la livraison, pas avant")) if c.fr else ch(c.rng, ("{w} only on the doorstep", "reminder: {w} only, no tick"))
    before, _, after = t.partition("{w}")
    if "livraison" in t or "doorstep" in t:
        c.post.delivery = True
    c.post.t(before).s(w).t(after).nl()


def _loyalty(c: Ctx) -> None:
    c.post.promotion = True
    _fill(c, ch(c.rng, _LOYALTY_FR if c.fr else _LOYALTY_EN))


_ACTS = (_zone, _courier, _closed, _account, _pay, _loyalty, min_line, partial_line)
_ACTS_W = (26, 16, 18, 12, 10, 8, 5, 5)


def notice(c: Ctx) -> None:
    """A vendor notice with no product: one to three operational lines, sometimes a contact."""
    rng, post, v = c.rng, c.post, c.v
    if rng.random() < 0.45:
        opener = ch(rng, _OPEN_FR if c.fr else _OPEN_EN)
        if opener:
            post.t(opener).nl()
    acts = list(dict.fromkeys(rng.choices(_ACTS, weights=_ACTS_W, k=ri(rng, 1, 3))))
    for act in acts:
        act(c)
    if not any(part.strip() for part in post.parts):  # min_line / partial_line write nothing for some vendors
        _closed(c)
    r = rng.random()
    if r < 0.2 and v.phone:
        post.t(phone_line(rng, post, v.phone, c.lang, v.whatsapp)).nl()
    elif r < 0.35:
        contacts(c, 1)
