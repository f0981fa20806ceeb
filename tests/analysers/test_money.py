"""Which dollar "$" is: the country the post's places, phones, payment words or flags tell."""

from __future__ import annotations

import pytest

from sentinelle.api import analyze_text


@pytest.mark.parametrize(("text", "currency"), [
    # Canadian: a town, e-transfer / Interac, a Canadian area code
    ("YORKTON ❄️\n🌲 AAAA 3.5 $40 | 7 $70\ne-transfer or cash", "CAD"),
    ("🍁 AAA 3.5g 30$ / 7g 55$\nvirement Interac ou cash\n📲 819-555-0142", "CAD"),
    # Australian, from New Zealand
    ("Gosford • Wyong 🌊\ncali gas 🍁 $120 q\nPayID on arrival", "AUD"),
    ("Palmerston North 🍁 $320 oz\ntext +64 21 448 9130", "NZD"),
    # shipping said country-wide
    ("📦 AUS-WIDE EXPRESS POST 📦\nOz of AAA 🍁 $180 (cheapest in Aus)", "AUD"),
    ("🍁 8th $35, zip $200\nships anywhere in Canada via Canada Post", "CAD"),
    # American: its towns and apps, or nothing said
    ("Modesto • Turlock 🚗\n🌳 8th $35\nVenmo, Zelle or cash", "USD"),
    ("🍁 8th $35, zip $200", "USD"),
    # two countries told: the US dollar
    ("Detroit + Windsor 🍁 8th $35\ne-transfer or Venmo", "USD"),
    # the country told most: Innisfail is also in Queensland, the rest is Alberta
    ("🤠 CENTRAL AB 🤠 Lacombe · Ponoka · Sylvan Lake · Innisfail\n❄️ soft 1g $100", "CAD"),
    ("small town ON 🍁 | 8th $25 | text for the menu", "CAD"),
    ("Red Deer, AB 🍁 8th $25", "CAD"),
])
def test_the_dollar_of_the_post(text: str, currency: str) -> None:
    rec = analyze_text(text).to_record()
    prices = rec["prices"] + rec["prices_other_currencies"]
    assert prices and {p["currency"] for p in prices} == {currency}


@pytest.mark.parametrize(("text", "contract", "other"), [
    ("Calgary 🍁 8th $35 | soft $90/g", [], ["CAD", "CAD"]),
    ("Gold Coast 🌴 carts $80 each, pingers $25", [], ["AUD", "AUD"]),
    ("Lausanne 🇨🇭 1g coke 90.- | weed 10.- le g", ["CHF", "CHF"], []),
    ("Detroit 🍁 8th $35, zip $200", ["USD", "USD"], []),
    ("Dover 🍁 £10 a g | Calais ❄️ 70€ le g", ["GBP", "EUR"], []),
])
def test_prices_outside_the_contracts_currencies_have_their_own_field(text: str, contract: list[str],
                                                                     other: list[str]) -> None:
    rec = analyze_text(text).to_record()
    assert [p["currency"] for p in rec["prices"]] == contract
    assert [p["currency"] for p in rec["prices_other_currencies"]] == other


def test_min_order_takes_the_same_dollar() -> None:
    rec = analyze_text("Yorkton 🌲 AAAA 3.5 $40\nminimum $50\ne-transfer").to_record()
    assert rec["min_order"] == {"amount": 50, "currency": "CAD"}


@pytest.mark.parametrize(("text", "currency"), [
    # no currency written: the country the towns and phones tell
    ("BALLYFERMOT 24/7 🚗\nsnow 1g 70 / 2g 130\ncall 0️⃣8️⃣5️⃣ 7️⃣2️⃣0️⃣ 1️⃣4️⃣3️⃣8️⃣", "EUR"),
    ("Courroux Courrendlin 🤙 shit 10g 70 / speed 1g 20 / whatsapp 079 452 81 16", "CHF"),
    ("gland coppet founex j'suis dans le coin 🚗 blanche 90 le g, beuh 10 le g. 076 540 11 28", "CHF"),
    ("🍁 10g 80 / livraison Lyon", "EUR"),
    ("Charmey 🍁 10g 120.-", "CHF"),  # "120.-": Swiss francs
])
def test_the_currency_of_a_price_written_without_one(text: str, currency: str) -> None:
    prices = analyze_text(text).to_record()["prices"]
    assert prices and {p["currency"] for p in prices} == {currency}


@pytest.mark.parametrize(("text", "lang", "currency"), [
    # an English post naming no place but a town too uncertain to be one: that town's country
    ("🌲 EXOTICS 🌲\n8th 35\nQ 65\nZ 300\nT.Y.D Yuma & Foothills 🚗", "en", "USD"),
    ("❄️ 1g 80 / 3.5 220\nflagstaff 24 hrs", "en", "USD"),
    # ... not when a place is read, nor in a French post, where such names are mostly words
    ("voice note: got the white, eighty a g, I'm in Stratford, pull up by the Westfield", "en", "GBP"),
    ("🍀 10g 80 / 20g 150 / on passe à Grenade le mercredi", "fr", "EUR"),
])
def test_the_currency_hinted_by_an_uncertain_town(text: str, lang: str, currency: str) -> None:
    prices = analyze_text(text, lang=lang).to_record()["prices"]
    assert prices and {p["currency"] for p in prices} == {currency}
