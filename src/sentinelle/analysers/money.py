"""Which dollar a post means: "$" is the US dollar unless the post is Canadian, Australian or
from New Zealand, and says so by its places, its phone numbers, its payment words or its flags
("Yorkton ... e-transfer or cash" is in Canadian dollars). Mixed or no evidence: the US dollar.

Shared by the price and condition analysers (prices, minimum orders), which run after the
places and contacts analysers for that reason.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

from ..core import Analysis
from ..gazetteer import load_gazetteer

DOLLARS = {"CA": "CAD", "AU": "AUD", "NZ": "NZD", "US": "USD"}
# the currency of a country, for prices written without one ("snow 1g 70" in Dublin: euros)
CURRENCIES = {**DOLLARS, "GB": "GBP", "CH": "CHF", "FR": "EUR", "BE": "EUR", "LU": "EUR", "IE": "EUR",
              "DE": "EUR", "ES": "EUR", "IT": "EUR", "NL": "EUR", "PT": "EUR", "AT": "EUR"}
# payment words and flags of one dollar country (on the normalised text)
_COUNTRY_WORDS = (
    ("CA", re.compile(r"\b(?:interac|e-?transfer|e transfer|etransfer|canada post|anywhere in canada)\b|flag_ca")),
    ("AU", re.compile(r"\b(?:payid|osko|aus-wide|aus wide|australia-wide|australia wide|in aus|anywhere in aus"
                      r"|auspost|aus post|australia post)\b|flag_au")),
    ("NZ", re.compile(r"\b(?:nz-wide|nz wide|anywhere in nz|nz post|kiwibank)\b|flag_nz")),
    ("US", re.compile(r"\b(?:venmo|cash ?app|zelle)\b|flag_us")),
)
_ABROAD_RULE = "places/abroad.toml:"
_OVERSEAS_FRANCE = frozenset({"RE", "GP", "MQ", "GF", "YT", "MF", "BL", "PM"})


@lru_cache(maxsize=1)
def _countries_of_cities() -> dict[str, frozenset[str]]:
    """City name abroad -> the countries of the cities of that name (most have one)."""
    out: dict[str, set[str]] = {}
    for entries in load_gazetteer().abroad.values():
        for n in entries:
            out.setdefault(n.value, set()).add(n.country)
    return {k: frozenset(v) for k, v in out.items()}


def countries_told(a: Analysis) -> set[str]:
    """The countries the post's places and phone numbers point to: a town abroad of one country, a
    French commune (France), a phone by its international prefix (overseas France counts as France)."""
    seen: set[str] = set()
    cities = None
    for f in a.findings:
        if f.kind == "places":
            if f.rule.startswith(_ABROAD_RULE):
                cities = cities or _countries_of_cities()
                countries = cities.get(str(f.value), frozenset())
                if len(countries) == 1:
                    seen |= countries
            else:
                seen.add("FR")
        elif f.kind == "phones" and isinstance(f.value, str):
            try:
                region = phonenumbers.region_code_for_number(phonenumbers.parse(f.value))
            except phonenumbers.NumberParseException:
                region = None
            if region:
                seen.add("FR" if region in _OVERSEAS_FRANCE else region)
    return seen


def dollar_code(a: Analysis) -> str:
    """The ISO 4217 code of the post's "$": USD unless one other dollar country alone is told."""
    seen = countries_told(a) & DOLLARS.keys()
    text = a.norm.text
    for country, regex in _COUNTRY_WORDS:
        if regex.search(text):
            seen.add(country)
    return DOLLARS[next(iter(seen))] if len(seen) == 1 else "USD"


def post_country(a: Analysis) -> str | None:
    """The one country the post's towns and phone numbers point to, or None (none, or several)."""
    seen = countries_told(a)
    return next(iter(seen)) if len(seen) == 1 else None
