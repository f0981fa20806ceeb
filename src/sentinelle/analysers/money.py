"""Which dollar a post means: "$" is the US dollar unless the post is Canadian, Australian or
from New Zealand, and says so by its places, its phone numbers, its payment words or its flags
("Yorkton ... e-transfer or cash" is in Canadian dollars); with mixed evidence, the country told
most (phones count twice). No evidence, or a tie: the US dollar.

Shared by the price and condition analysers (prices, minimum orders), which run after the
places and contacts analysers for that reason.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

import phonenumbers

from ..core import Analysis
from ..gazetteer import load_gazetteer
from ..lexicon import lexicon_file, read_toml

DOLLARS = {"CA": "CAD", "AU": "AUD", "NZ": "NZD", "US": "USD"}
# the currency of a country, for prices written without one ("snow 1g 70" in Dublin: euros)
CURRENCIES = {**DOLLARS, "GB": "GBP", "CH": "CHF", "FR": "EUR", "BE": "EUR", "LU": "EUR", "IE": "EUR",
              "DE": "EUR", "ES": "EUR", "IT": "EUR", "NL": "EUR", "PT": "EUR", "AT": "EUR"}
# payment words and flags of one dollar country (on the normalised text)
_COUNTRY_WORDS = (
    ("CA", re.compile(r"\b(?:interac|e-?transfer|e transfer|etransfer|canada post|anywhere in canada|ontario|alberta"
                      r"|british columbia|saskatchewan|manitoba|nova scotia|new brunswick|newfoundland"
                      r"|prince edward island)\b|flag_ca")),
    ("AU", re.compile(r"\b(?:payid|osko|aus-wide|aus wide|australia-wide|australia wide|in aus|anywhere in aus"
                      r"|auspost|aus post|australia post|nsw|qld|queensland|new south wales|tassie|tasmania"
                      r"|western australia|south australia|northern territory)\b|flag_au")),
    ("NZ", re.compile(r"\b(?:nz-wide|nz wide|anywhere in nz|nz post|kiwibank)\b|flag_nz")),
    ("US", re.compile(r"\b(?:venmo|cash ?app|zelle)\b|flag_us")),
)
# shops and words of one country, for the currency of bare prices when the towns tell none ("Dover",
# "Cambridge" are in both: "meet by the Walmart" is in the US)
_LOCAL_WORDS = (
    ("US", re.compile(r"\b(?:walmart|wal-mart|quiktrip|walgreens|dollar general|cvs|7-eleven|waffle house|taco bell"
                      r"|\d{3,5} block of|zip code)\b")),
    ("GB", re.compile(r"\b(?:asda|sainsbury'?s|morrisons|tesco express|royal mail|innit|bruv|council estate)\b")),
)
# a Canadian province by its postal abbreviation after a town or a direction ("Red Deer, AB", "central AB",
# "small town ON"), in capitals in the post's own text
_PROVINCE_RE = re.compile(
    r"(?:,\s*|\b(?:[Tt]own|[Cc]entral|[Nn]orth(?:ern)?|[Ss]outh(?:ern)?|[Ee]ast(?:ern)?|[Ww]est(?:ern)?|[Rr]ural)\s+)"
    r"(?:ON|AB|BC|QC|MB|SK|NS|NB|NL|PEI)\b")
_ABROAD_RULE = "places/abroad.toml:"
_REGION_RULE = "places/region_towns:"  # place_regions.py: "places/region_towns:US:NV"
_OVERSEAS_FRANCE = frozenset({"RE", "GP", "MQ", "GF", "YT", "MF", "BL", "PM"})


@lru_cache(maxsize=1)
def _countries_of_cities() -> dict[str, frozenset[str]]:
    """City name abroad -> the countries of the cities of that name (most have one)."""
    out: dict[str, set[str]] = {}
    for entries in load_gazetteer().abroad.values():
        for n in entries:
            out.setdefault(n.value, set()).add(n.country)
    return {k: frozenset(v) for k, v in out.items()}


def country_votes(a: Analysis) -> Counter[str]:
    """What the post's places and phone numbers say of its country: a vote per town abroad of one
    country and per French commune (France), two per town written with its state or province and
    per phone by its prefix, which are never ambiguous (overseas France counts as France). A town
    that several countries have tells nothing."""
    votes: Counter[str] = Counter()
    cities = None
    for f in a.findings:
        if f.kind == "places":
            if f.rule.startswith(_REGION_RULE):
                votes[f.rule.split(":")[1]] += 2  # "Reno, NV": a town of one country for sure
            elif f.rule.startswith(_ABROAD_RULE):
                cities = cities or _countries_of_cities()
                countries = cities.get(str(f.value), frozenset())
                if len(countries) == 1:
                    votes[next(iter(countries))] += 1
            else:
                votes["FR"] += 1
        elif f.kind == "phones" and isinstance(f.value, str):
            try:
                number = phonenumbers.parse(f.value)
                # (a number of a reserved range, "07700 900xxx", has no region of its own: its
                # country code's main one)
                region = (phonenumbers.region_code_for_number(number)
                          or phonenumbers.region_code_for_country_code(number.country_code or 0))
            except phonenumbers.NumberParseException:
                region = None
            if region == "ZZ":
                region = None
            if region:
                votes["FR" if region in _OVERSEAS_FRANCE else region] += 2
    return votes


def _leader(votes: Counter[str]) -> str | None:
    """The country with more votes than any other, or None (no vote, or a tie)."""
    top = votes.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


def dollar_code(a: Analysis) -> str:
    """The ISO 4217 code of the post's "$": the dollar of the country the post's towns, phones,
    payment words and flags point to most ("Lacombe, Ponoka, Innisfail" and a 403 number: Alberta,
    though Innisfail is also in Queensland); USD when none does, or on a tie."""
    votes = Counter({c: n for c, n in country_votes(a).items() if c in DOLLARS})
    text = a.norm.text
    for country, regex in _COUNTRY_WORDS:
        if regex.search(text):
            votes[country] += 2
    if _PROVINCE_RE.search(a.post.text):
        votes["CA"] += 2
    leader = _leader(votes)
    return DOLLARS[leader] if leader else "USD"


def post_country(a: Analysis) -> str | None:
    """The country the post's towns and phone numbers point to most, or None (none, or a tie)."""
    return _leader(country_votes(a))


class StreetPrices(NamedTuple):
    """`data/common/street_prices.toml`: EUR rates, and per (product, unit) the retail street price
    and the bulk floor in EUR (read by signals.py to flag prices too low, by prices.py to drop
    bare numbers far too high)."""

    rates: dict[str, float]
    refs: dict[tuple[str, str], tuple[float, float]]
    retail_share: float


@lru_cache(maxsize=1)
def street_prices() -> StreetPrices:
    path = lexicon_file("common", "street_prices")
    rates: dict[str, float] = {"EUR": 1.0}
    refs: dict[tuple[str, str], tuple[float, float]] = {}
    if not path.exists():
        return StreetPrices(rates, refs, 0.5)
    doc = read_toml(path)
    rates.update({str(k).upper(): float(v) for k, v in doc.get("currency_to_eur", {}).items()})
    for p in doc.get("product", []):
        refs[(str(p["id"]), str(p.get("unit", "g")))] = (float(p["retail_eur"]), float(p["bulk_floor_eur"]))
    return StreetPrices(rates, refs, float(doc.get("retail_share", 0.5)))


_SWISS_PRICE_RE = re.compile(r"\d\.-")
_EURO_FLAGS = ("fr", "be", "de", "nl", "es", "it", "pt", "ie", "at", "lu", "fi", "gr", "sk", "si", "ee", "lv",
               "lt", "mt", "cy", "hr", "re", "gp", "mq")
_FLAG_CURRENCY = {**{f"flag_{c}": "EUR" for c in _EURO_FLAGS},
                  "flag_gb": "GBP", "flag_us": "USD", "flag_ch": "CHF"}


def post_currency(a: Analysis, currencies: list[str | None]) -> str:
    """The currency of a post's bare prices: the one its price points state most, else a sign,
    a Swiss "120.-", a flag, the country its towns and phones tell, and its language's."""
    counts: dict[str, int] = {}
    for cur in currencies:
        if cur:
            counts[cur] = counts.get(cur, 0) + 1
    if counts:
        return max(counts, key=counts.__getitem__)  # the first of the most used, as Counter.most_common
    text = a.norm.text
    for sym, cur in (("£", "GBP"), ("€", "EUR"), ("$", "USD")):
        if sym in text:
            return cur
    if ".-" in text and _SWISS_PRICE_RE.search(text):
        return "CHF"  # "120.-": how prices in Swiss francs are written
    for flag, cur in _FLAG_CURRENCY.items():
        if flag in text and not (a.lang == "fr" and cur in ("USD", "GBP")):
            return cur  # in a French post 🇺🇸 names where the weed comes from ("exotics US 🇺🇸")
    country = post_country(a)  # the country its towns and phones tell: "snow 1g 70" in Dublin is in euros
    if country is None:
        country = next((c for c, regex in _LOCAL_WORDS if regex.search(text)), None)
    if country is None and a.lang == "en" and a.notes.get("country_hints") and not any(
            f.kind == "places" for f in a.findings):
        # an English post naming no place but a town too uncertain to be one (in French posts such
        # names are mostly words)
        country = _leader(Counter(a.notes["country_hints"]))
    if country in CURRENCIES:
        return CURRENCIES[country]
    return "GBP" if a.lang == "en" else "EUR"
