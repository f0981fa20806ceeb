"""What a post's promotion cues say about the prices it quotes.

The analysis flags `promotion` for very different things: a time-limited offer ("vente flash",
"promo du weekend"), an old price shown next to the new one ("9 € au lieu de 11 €", "~~£30~~"),
an announced price change ("baisse des prix", "price drop") and perks that leave the listed
prices as they are (a gift, a loyalty card, referral, "-15 % pour les nouveaux"). The store keeps
the rules of the promotion evidence with each price point (observatory_sql, `promo_rules`);
`promo_class` sorts them:

- OFFER: the listed prices may be offers (an unknown rule, or a record without evidence, counts
  here: the safe reading);
- OLD_PRICE: only old-price notations: an offer or a lasting change, what follows tells;
- CHANGE: a price change is announced: the prices are the vendor's new ordinary ones;
- PERK: the prices are the vendor's ordinary ones;
- NONE: no promotion.
"""

from __future__ import annotations

import json
from functools import lru_cache

from ..normalize import fold

NONE, PERK, CHANGE, OLD_PRICE, OFFER = 0, 1, 2, 3, 4
CLASS_NAMES = ("none", "perk", "change", "old_price", "offer")

# the term (lexicon rules "lang/promotion.toml:promotion:<term>") or the grammar rule name
# ("conditions:promotion:<name>"), folded
_OLD = {"au lieu de", "instead of", "struck_price", "old_price", "prix barre", "was", "normally", "usually",
        "ancien prix", "prix normal"}
_CHANGE = {"baisse des prix", "baisse de prix", "prix en baisse", "les prix baissent", "price drop",
           "prices dropped", "prices down", "nouveaux tarifs", "new prices"}
_PERK = {"offert", "offerts", "offerte", "offertes", "cadeau", "cadeaux", "en cadeau", "gratuit", "gratuite",
         "gratuits", "gratuites", "carte fidelite", "carte de fidelite", "fidelite", "programme fidelite",
         "tampon", "tampons", "parrainage", "parrain", "parrainez", "filleul", "reduction", "reduc", "remise",
         "rabais", "bonus", "degustation offerte", "echantillon offert", "1 achete 1 offert",
         "1 achete = 1 offert", "2 achetes 1 offert", "2eme offert", "2e offert", "3eme offert",
         "le 2eme offert", "free", "freebie", "freebies", "gift", "gifts", "loyalty card", "loyalty",
         "stamp card", "loyalty scheme", "refer a friend", "referral", "referrals", "refer a mate",
         "refer your mates", "on the house", "bogof", "bogo", "buy one get one", "buy 1 get 1", "2 for 1",
         "3 for 2", "percent_off"}


@lru_cache(maxsize=4096)
def _term_class(rule: str) -> int:
    term = fold(rule.rsplit(":", 1)[-1]).strip()
    if term in _OLD:
        return OLD_PRICE
    if term in _CHANGE:
        return CHANGE
    if term in _PERK:
        return PERK
    return OFFER


@lru_cache(maxsize=65536)
def promo_class(promotion: int | bool | None, rules: str | None) -> int:
    """The class of a post's promotion from its flag and the JSON list of its promotion rules."""
    if not promotion:
        return NONE
    try:
        names = json.loads(rules) if rules else []
    except ValueError:
        names = []
    if not isinstance(names, list) or not names:
        return OFFER  # flagged without its evidence (gold records, other tools): maybe an offer
    classes = {_term_class(str(r)) for r in names}
    for c in (OFFER, CHANGE, OLD_PRICE):
        if c in classes:
            return c
    return PERK
