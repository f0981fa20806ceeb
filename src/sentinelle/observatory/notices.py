"""Price notices: does a post announce new prices, or an offer for a limited time?

A post that shows old prices next to new ones ("9 € au lieu de 11 €", "£40 (was £50)") is either a
flash sale or a new price list; the analysis flags both as a promotion (cues.OLD_PRICE). When
nothing the vendor posts afterwards settles it, the wording does: "nouveaux tarifs", "price
update" announce new prices; "ce soir uniquement", "tonight only" limit an offer in time.

The observatory reads these notices itself, from the stored text of the few posts that need it:
they are no finding of the analysis contract.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..normalize import normalise

NOTICE_NONE, NEW_PRICES, LIMITED_TIME = 0, 1, 2

# folded (lower case, no accents), doubled letters single on both sides; any spaces between words,
# whole words only
NEW_PRICE_TERMS = (
    "nouveaux tarifs", "nouveau tarif", "nouveaux prix", "nouvelle grille", "mise a jour des prix",
    "mise a jour tarifs", "mise a jour des tarifs", "maj des prix", "maj tarifs", "changement de prix",
    "changement des prix", "changement de tarifs", "changement des tarifs", "les prix bougent",
    "les prix changent", "hausse des prix", "hausse de prix", "augmentation des prix", "les prix augmentent",
    "baisse des prix", "baisse de prix", "les prix baissent", "prix en baisse", "prix en hausse",
    "tarifs a jour", "a partir de maintenant", "a partir de ce soir", "a partir de demain",
    "a partir d'aujourd'hui", "a partir de lundi", "desormais",
    "new prices", "new price list", "price update", "prices update", "price change", "price changes",
    "prices going up", "prices go up", "prices up", "price increase", "price rise", "prices dropping",
    "prices dropped", "prices down", "price drop", "updated prices", "updated menu prices", "from now on",
)
LIMITED_TIME_TERMS = (
    "ce soir uniquement", "ce soir seulement", "uniquement ce soir", "seulement ce soir",
    "aujourd'hui uniquement", "aujourd'hui seulement", "uniquement aujourd'hui", "jusqu'a ce soir",
    "jusqu'a demain", "jusqu'a dimanche", "jusqu'a lundi", "jusqu'a minuit", "ce week-end uniquement",
    "ce weekend uniquement", "ce week-end seulement", "ce weekend seulement", "promo eclair", "vente flash",
    "offre limitee", "quantites limitees", "dans la limite des stocks", "pendant 24h", "pendant 48h",
    "2h seulement", "1h seulement", "24h seulement", "48h seulement",
    "tonight only", "today only", "this weekend only", "weekend only", "this week only", "while stocks last",
    "limited time", "for 24h", "for 24 hours", "for 48h", "flash sale", "ends tonight", "ends sunday",
)


_DOUBLE = re.compile(r"(\w)\1+")


def _pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    alts = sorted((r"\s+".join(re.escape(_DOUBLE.sub(r"\1", w)) for w in t.split()) for t in terms),
                  key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)")


_NEW = _pattern(NEW_PRICE_TERMS)
_LIMITED = _pattern(LIMITED_TIME_TERMS)


@lru_cache(maxsize=8192)
def notice(text: str) -> int:
    """LIMITED_TIME when the text limits an offer in time, else NEW_PRICES when it announces new
    prices, else NOTICE_NONE. A time limit wins: "nouveaux prix ce soir uniquement" is an offer."""
    folded = _DOUBLE.sub(r"\1", normalise(text).text.replace("\u2019", "'"))  # "priice update"
    if _LIMITED.search(folded):
        return LIMITED_TIME
    if _NEW.search(folded):
        return NEW_PRICES
    return NOTICE_NONE
