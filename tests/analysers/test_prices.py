"""Prices: the notations menus use, normalised to quantity, unit, price and currency."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentinelle.analysers.prices import PriceAnalyser
from sentinelle.analysers.products import ProductAnalyser
from sentinelle.core import Analysis, Post
from sentinelle.lexicon import load_sms
from sentinelle.normalize import normalise

_P = ProductAnalyser()
_Q = PriceAnalyser()
_SMS = {lang: load_sms([lang]) for lang in ("fr", "en")}
_CHARS = st.characters(blacklist_categories=["Cs"])


def run(text: str, lang: str = "fr") -> Analysis:
    a = Analysis(Post(id="t", text=text), normalise(text, _SMS[lang]), lang)
    _P.analyse(a)
    _Q.analyse(a)
    return a


def prices(text: str, lang: str = "fr") -> list[tuple[Any, ...]]:
    return [(p["product"], p["quantity"], p["unit"], p["price"], p["currency"])
            for p in run(text, lang).values("prices")]


H, R, C = "cannabis_herb", "cannabis_resin", "cocaine"


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("🍁 Amnesia 10€ le g", "fr", [(H, 1, "g", 10, "EUR")]),
    # a part of the usual unit, then its price
    ("❄️ 0.5 45 | 1g 80", "fr", [(C, 0.5, "g", 45, "EUR"), (C, 1, "g", 80, "EUR")]),
    ("🍁 10e/g", "fr", [(H, 1, "g", 10, "EUR")]),
    ("🍁 10 le g / 5g 45", "fr", [(H, 1, "g", 10, "EUR"), (H, 5, "g", 45, "EUR")]),
    ("🍁 5g=40", "fr", [(H, 5, "g", 40, "EUR")]),
    ("🍁 5g 50€ | 10g 90€", "fr", [(H, 5, "g", 50, "EUR"), (H, 10, "g", 90, "EUR")]),
    ("🍁 beuh 40 les 5", "fr", [(H, 5, "g", 40, "EUR")]),
    ("💶50 = 🍁6g", "fr", [(H, 6, "g", 50, "EUR")]),
    ("🍫 la plaquette 100g 350", "fr", [(R, 100, "g", 350, "EUR")]),
    ("🍁 Lemon Haze .......... 10€/g", "fr", [(H, 1, "g", 10, "EUR")]),
    ("❄️ 1g 70 / 2g 130", "fr", [(C, 1, "g", 70, "EUR"), (C, 2, "g", 130, "EUR")]),
    ("❄️ 0,5 = 40 | 1g = 70", "fr", [(C, 0.5, "g", 40, "EUR"), (C, 1, "g", 70, "EUR")]),
    # a bare count before an arrow and a price is the count of that price, not a price itself
    ("▪️ Taz 💊 : 3 ➝ 25 balles", "fr", [("mdma", 3, "pill", 25, "EUR")]),
    ("pills 💊 -> 5 → £40", "en", [("mdma", 5, "pill", 40, "GBP")]),
    # a price then its quantity in brackets
    ("— Coke: €70 (1g) €130 (2g)", "en", [(C, 1, "g", 70, "EUR"), (C, 2, "g", 130, "EUR")]),
    # "sur le 93, 100€": a department then another minimum, not 93 g for 100 €
    ("❄️ 70 le g, minimum 60€ sur le 93, 100€ hors 93", "fr", [(C, 1, "g", 70, "EUR")]),
    ("❄️ le G = 90", "fr", [(C, 1, "g", 90, "EUR")]),
    ("🍁 Lemon Haze ➝ 12€/g (avant 10)", "fr", [(H, 1, "g", 12, "EUR")]),
    ("🍁 10g 70e au lieu de 80", "fr", [(H, 10, "g", 70, "EUR")]),
    ("le 25g de 🍫 à 100€ au lieu de 125 !!", "fr", [(R, 25, "g", 100, "EUR")]),
    ("🍁 Zkittlez — 3.5g £30 | 7g £55", "en", [(H, 3.5, "g", 30, "GBP"), (H, 7, "g", 55, "GBP")]),
    ("🍁 Blue Dream £25 an 8th / Q £45 / half £85 / oz £160", "en",
     [(H, 3.5, "g", 25, "GBP"), (H, 7, "g", 45, "GBP"), (H, 14, "g", 85, "GBP"), (H, 28, "g", 160, "GBP")]),
    ("weed $250 a zip", "en", [(H, 28, "g", 250, "USD")]),
    ("🍁 £10 bag", "en", [(H, 1, "bag", 10, "GBP")]),
    ("💊 Blue Punisher (MDMA) — £10 each or 5 for £40", "en",
     [("mdma", 1, "pill", 10, "GBP"), ("mdma", 5, "pill", 40, "GBP")]),
    ("💊 Xtc Philipp Plein : 10€ pièce ou 5 pour 40", "fr",
     [("mdma", 1, "pill", 10, "EUR"), ("mdma", 5, "pill", 40, "EUR")]),
    ("💊 Taz : 10€ l'unité, 3 pour 25€", "fr",
     [("mdma", 1, "pill", 10, "EUR"), ("mdma", 3, "pill", 25, "EUR")]),
    ("💊 Xanax 2mg • Rivotril\n30 comprimés = 60€ | 90 comprimés = 150€", "fr",
     [("prescription_drugs", 30, "pill", 60, "EUR"), ("prescription_drugs", 90, "pill", 150, "EUR")]),
    ("🍇 lean maison dispo\nla bouteille 50cl ➜ 40€", "fr", [("prescription_drugs", 500, "ml", 40, "EUR")]),
    ("Lyrica 300 : plaquette de 14 ➜ 25€\nRivotril 2mg ➜ 5€ le cachet", "fr",
     [("prescription_drugs", 14, "pill", 25, "EUR"), ("prescription_drugs", 1, "pill", 5, "EUR")]),
    ("🎈 PROTO DISPO 🎈\nbonbonne ➜ 35€\nles 2 ➜ 60€", "fr",
     [("nitrous_oxide", 1, "unit", 35, "EUR"), ("nitrous_oxide", 2, "unit", 60, "EUR")]),
    ("💶 FAUX BILLETS 💶\n10 billets de 50 ➡️ 120€", "fr", [("counterfeit_money", 10, "unit", 120, "EUR")]),
    ("🍁 10g 100 boules / 🍫 10g 80", "fr", [(H, 10, "g", 100, "EUR"), (R, 10, "g", 80, "EUR")]),
    ("commande mini 30 balles\n🍁 pochon 20", "fr", [(H, 1, "bag", 20, "EUR")]),
    ("1kg de frappe 🍁 a 900€ seulement", "fr", [(H, 1, "kg", 900, "EUR")]),
    ("• Space cake — la part : 15 €", "fr", [("cannabis_concentrate", 1, "unit", 15, "EUR")]),
    ("🍁 8th (3.5) £30 / Q (7g) £55", "en", [(H, 3.5, "g", 30, "GBP"), (H, 7, "g", 55, "GBP")]),
    ("🍁 10g = 100\n🍫 10g = 80", "en", [(H, 10, "g", 100, "GBP"), (R, 10, "g", 80, "GBP")]),
])
def test_price_notations(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("🍁🍫❄️ livraison 20h-minuit, 7j/7 24h/24 📞 06 39 98 17 42", "fr"),
    ("🍁 -15% pour les commandes à deux", "fr"),
    ("🍁🍫 mini 40€ de commande", "fr"),
    ("❄️ livraison à partir de 30€", "fr"),
    ("🍁 grosse commande (+300€) = moitié d'avance", "fr"),
    ("🍁 on recrute livreur 150€ la soirée", "fr"),
    ("🍁 drops 10am–2am, orders over £300 half upfront", "en"),
    ("🎁 CARTE FIDÉLITÉ : 10 commandes = 1g de ❄️ offert", "fr"),
    ("🍁 loyalty card: every 10th order = free 8th", "en"),
    ("10g 100€ sans produit nommé", "fr"),
    ("🍁 happy hour 18h-21h ➜ -20% sur tout\n2ème pochon offert dès 50€ d'achat", "fr"),
])
def test_not_prices(text: str, lang: str) -> None:
    assert prices(text, lang) == []


def test_span_rule_and_value_shape() -> None:
    text = "🍁 Cali US 10g ➡️ 100€"
    a = run(text)
    (f,) = a.of("prices")
    assert a.text_of(f) == "10g ➡️ 100€"
    assert f.rule == "prices:quantity_price"
    assert set(f.value) == {"product", "quantity", "unit", "price", "currency"}
    assert "100" in f.explanation


def test_bare_numbers_take_the_post_currency() -> None:
    assert prices("🍁 3.5g £30\n❄️ 1g 80", "en") == [(H, 3.5, "g", 30, "GBP"), (C, 1, "g", 80, "GBP")]
    assert prices("❄️ 1g 80", "fr") == [(C, 1, "g", 80, "EUR")]


def test_price_without_products_note_is_silent() -> None:
    a = Analysis(Post(id="t", text="10g 100€"), normalise("10g 100€"), "fr")
    _Q.analyse(a)
    assert a.of("prices") == []


_PIECES = ["🍁", "❄️", "10", "g", "€", "£", " ", "\n", "=", "➡️", "/", "|", "le", "les", "pour", "au lieu de",
           "mini", "0,5", "3.5", "8th", "(", ")", "pochon", "x3", "💶", "offert", "k", "h", "%", "-",
           "06 39 98 17 42"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.sampled_from(["fr", "en"]))
def test_grammar_never_crashes_and_values_are_sane(parts: list[str], lang: str) -> None:
    text = "".join(parts)
    a = run(text, lang)
    for f in a.of("prices"):
        assert 0 <= f.start <= f.end <= len(text)
        v = f.value
        assert v["quantity"] > 0 and v["price"] > 0
        assert v["unit"] in ("g", "kg", "pill", "blotter", "ml", "unit", "bag")
        assert v["currency"] in ("EUR", "GBP", "USD", "CHF")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_CHARS, max_size=300), st.sampled_from(["fr", "en"]))
def test_never_crashes_on_any_text(text: str, lang: str) -> None:
    a = run("🍁 " + text, lang)
    for f in a.findings:
        assert 0 <= f.start <= f.end <= len(a.post.text)


# -- notations and attachment rules added in the accuracy round ---------------------------------

K, CR, HE, L, PS, RX, G = "ketamine", "crack", "heroin", "lsd", "psilocybin", "prescription_drugs", "ghb"


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # UK street: white = crack next to B/brown; a bare count after bags stays in bags
    ("white £10 bags, 5 for £45. B £10 bags", "en",
     [(CR, 1, "bag", 10, "GBP"), (CR, 5, "bag", 45, "GBP"), (HE, 1, "bag", 10, "GBP")]),
    ("B 2 for £18", "en", [(HE, 2, "bag", 18, "GBP")]),
    # a price right after a product, explicit currency or filler words between
    ("❄️ £75 / 2 for £140", "en", [(C, 1, "g", 75, "GBP"), (C, 2, "g", 140, "GBP")]),
    ("hash €9 a g, coke €85", "en", [(R, 1, "g", 9, "EUR"), (C, 1, "g", 85, "EUR")]),
    ("❄️ toujours pareil 75\nlivraison 7j/7", "fr", [(C, 1, "g", 75, "EUR")]),
    ("beuh 10 le g, coke 75. appelle", "fr", [(H, 1, "g", 10, "EUR"), (C, 1, "g", 75, "EUR")]),
    # named amounts: half ounce, O's, Q's, zips carried over to the next grade, "$300 oz"
    ("🍀 half ounce €110, ounce €200", "en", [(H, 14, "g", 110, "EUR"), (H, 28, "g", 200, "EUR")]),
    ("O's $280 | Q's $75 🍁", "en", [(H, 28, "g", 280, "USD"), (H, 7, "g", 75, "USD")]),
    ("zips $180 mids $260 exotics", "en", [(H, 28, "g", 180, "USD"), (H, 28, "g", 260, "USD")]),
    ("loud $320 oz", "en", [(H, 28, "g", 320, "USD")]),
    ("8ths £28, Q £50 🍁", "en", [(H, 3.5, "g", 28, "GBP"), (H, 7, "g", 50, "GBP")]),
    # cough syrup volumes
    ("🍇 lean $140 a pint", "en", [(RX, 473, "ml", 140, "USD")]),
    ("purple drank 2oz $50", "en", [(RX, 59, "ml", 50, "USD")]),
    ("🍇 sirop codéiné : bouteille 25cl ➜ 25€\n3 bouteilles ➜ 65€", "fr",
     [(RX, 250, "ml", 25, "EUR"), (RX, 750, "ml", 65, "EUR")]),
    # LSD sheets and strips, shroom bars by the piece
    ("acid tabs $12, sheet of 25 $200", "en", [(L, 1, "blotter", 12, "USD"), (L, 25, "blotter", 200, "USD")]),
    ("shroom bars $30 each", "en", [(PS, 1, "unit", 30, "USD")]),
    # GHB as G under a droplet, truffles by name
    ("💧 G 20ml 25€", "fr", [(G, 20, "ml", 25, "EUR")]),
    ("🌿 Herbe : 5g=45\nTruffes mexicana : 15g=45", "fr", [(H, 5, "g", 45, "EUR"), (PS, 15, "g", 45, "EUR")]),
    # purity or THC rate between quantity and price
    ("500g de coco pure 92% ➜ 15000€", "fr", [(C, 500, "g", 15000, "EUR")]),
    # struck-out old prices
    ("🍁 5g 45€ ~~50€~~ | 10g 80€", "fr", [(H, 5, "g", 45, "EUR"), (H, 10, "g", 80, "EUR")]),
    # price tables: quantities in a header row, one price per column
    ("QTÉ | 5g | 10g\n🍁 amnesia | 45€ | 80€\n🍫 olive | 35€ | 60€", "fr",
     [(H, 5, "g", 45, "EUR"), (H, 10, "g", 80, "EUR"), (R, 5, "g", 35, "EUR"), (R, 10, "g", 60, "EUR")]),
    # a price below a line naming a gift and a paid product goes to the paid one
    ("buy 3g ❄️ and get a free 8th 🍁\n£65 a g", "en", [(C, 1, "g", 65, "GBP")]),
    # prose: "est à", the unit before its product, a price before an old one or a conjunction
    ("Le gramme de blanche est à 65, la beuh à 10.", "fr", [(C, 1, "g", 65, "EUR"), (H, 1, "g", 10, "EUR")]),
    ("le g de coke a 70 et la beuh 10", "fr", [(C, 1, "g", 70, "EUR"), (H, 1, "g", 10, "EUR")]),
    ("je passe ce soir 🚗 la blanche a 55 au lieu de 60 jusqua minuit", "fr", [(C, 1, "g", 55, "EUR")]),
    ("🍁 le 10g est à 80 ce soir", "fr", [(H, 10, "g", 80, "EUR")]),
    # an arrow to a lower price: the first one is the old price
    ("exotic zips $220 → $190", "en", [(H, 28, "g", 190, "USD")]),
    ("❄️ 1g 80 → 70 flash", "fr", [(C, 1, "g", 70, "EUR")]),
    ("🍁 10g ➜ 100 / 20g ➜ 180", "fr", [(H, 10, "g", 100, "EUR"), (H, 20, "g", 180, "EUR")]),
    # French shorthands: "50 le 5", "le 10 à 75", "100/10g", "le 20 = 2g"
    ("la beuh 11 le gramme / 50 le 5 / 95 le 10", "fr",
     [(H, 1, "g", 11, "EUR"), (H, 5, "g", 50, "EUR"), (H, 10, "g", 95, "EUR")]),
    ("beuh : le 5 à 40, le 10 à 75", "fr", [(H, 5, "g", 40, "EUR"), (H, 10, "g", 75, "EUR")]),
    ("🍁 Premium .... 11/g — 100/10g — 220/25g", "fr",
     [(H, 1, "g", 11, "EUR"), (H, 10, "g", 100, "EUR"), (H, 25, "g", 220, "EUR")]),
    ("🍁 5g 40 / 10g 75", "fr", [(H, 5, "g", 40, "EUR"), (H, 10, "g", 75, "EUR")]),
    ("la beuh 10 le g, ouvert le 15 à 20h", "fr", [(H, 1, "g", 10, "EUR")]),
])
def test_new_notations(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("🍃 livraison Lyon 3e/7e, snap only", "fr"),  # arrondissements, not prices
    ("Saisie : 4kg of cocaine, €48,000 in cash, and wraps sold at €40", "en"),
    ("❄️ Vends pneus neige 195/65 R15 60€ la paire", "fr"),
])
def test_new_notations_negatives(text: str, lang: str) -> None:
    got = prices(text, lang)
    assert all(p[3] not in (3, 7, 40, 60) for p in got), got


def test_table_cell_span_and_rule() -> None:
    text = "⚖️ 2g 5g\n🍁 gelato 18€ 40€"
    a = run(text)
    pts = a.of("prices")
    assert [a.text_of(f) for f in pts] == ["18€", "40€"]
    assert {f.rule for f in pts} == {"prices:price_table"}
    assert [f.value["quantity"] for f in pts] == [2, 5]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # fractions of an ounce written with "oz" are that fraction, not an ounce
    ("weed 🍁 1/2 oz £120, oz £220", "en", [(H, 14, "g", 120, "GBP"), (H, 28, "g", 220, "GBP")]),
    ("🍁 1/4 oz $60, 1/8oz $35", "en", [(H, 7, "g", 60, "USD"), (H, 3.5, "g", 35, "USD")]),
])
def test_ounce_fractions(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # "le g" written once for a whole menu: later items keep the gram ("a" between product and price)
    ("la beu a 10 le g, le teush a 8, la blanche a 70.", "fr",
     [(H, 1, "g", 10, "EUR"), (R, 1, "g", 8, "EUR"), (C, 1, "g", 70, "EUR")]),
    # a price then "pour" and the product is for that product, in the unit written before
    ("11€ le gramme pour l'herbe et 8€ pour la résine.", "fr", [(H, 1, "g", 11, "EUR"), (R, 1, "g", 8, "EUR")]),
    ("10 balles le g pr la beuh, 70 la plaquette de 10g pr la teush.", "fr",
     [(H, 1, "g", 10, "EUR"), (R, 10, "g", 70, "EUR")]),
    # a series written price first
    ("COLA ❄️ £80 G £150 2G NORTH LONDON", "en", [(C, 1, "g", 80, "GBP"), (C, 2, "g", 150, "GBP")]),
    # the eighth ladder without units
    ("🍃 Za — 3.5 £35 / 7 £60 / 14 £110", "en",
     [(H, 3.5, "g", 35, "GBP"), (H, 7, "g", 60, "GBP"), (H, 14, "g", 110, "GBP")]),
    # 1/8 on its own line is an eighth and keeps its emoji product (🍬 is not a cooking post here)
    ("the candy man is back 🍬\n❄️ $100 a g\n🍄 1/8 $40", "en",
     [(C, 1, "g", 100, "USD"), ("psilocybin", 3.5, "g", 40, "USD")]),
    # an explicit product word with its dose beats the emoji after it
    ("valium 10mg 💙 100 for £50", "en", [("prescription_drugs", 100, "pill", 50, "GBP")]),
    # counterfeit banknotes: a count at a face value, then the price
    ("💶 FAUX BILLETS 💶 | 10×20€ = 60€ | 10×50€ = 130€", "fr",
     [("counterfeit_money", 10, "unit", 60, "EUR"), ("counterfeit_money", 10, "unit", 130, "EUR")]),
    ("💵 prop money 💵 passes pen + UV 50 x $20 bills for $250", "en", [("counterfeit_money", 50, "unit", 250, "USD")]),
    # a litre bottle of gas is one bottle ("2L" is not read as 21)
    ("🎈 Smartwhip 2L ➜ 45€ | Fast Gas 670g ➜ 35€", "fr",
     [("nitrous_oxide", 1, "unit", 45, "EUR"), ("nitrous_oxide", 1, "unit", 35, "EUR")]),
    # a fee is not a price
    ("xans 💊 €3 each, collection or drop €5 extra", "en", [("prescription_drugs", 1, "pill", 3, "EUR")]),
    # "8ball" and "half g" are named amounts
    ("tina 💎 $80 a gram, 8ball $200", "en",
     [("methamphetamine", 1, "g", 80, "USD"), ("methamphetamine", 3.5, "g", 200, "USD")]),
    ("tina £80 half g", "en", [("methamphetamine", 0.5, "g", 80, "GBP")]),
    # in a French post a US flag names where the weed comes from, not the currency
    ("exotics US 🇺🇸 à 15 la G", "fr", [(H, 1, "g", 15, "EUR")]),
    # "livraison" after a quantity and its price names the delivery, not a courier's pay
    ("Beuh 10g 80€ livraison Lyon", "fr", [(H, 10, "g", 80, "EUR")]),
])
def test_generalisation_q3(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("blues (diazepam 10mg) 100 for £40 or 50p each, Dundee", [(100, "pill", 40.0), (1, "pill", 0.5)]),
        ("balloons 80p each, delivery Leeds", [(1, "unit", 0.8)]),
    ],
)
def test_pence_are_hundredths_of_a_pound(text: str, expected: list[tuple[float, str, float]]) -> None:
    got = [(q, unit, price) for _product, q, unit, price, cur in prices(text, "en") if cur == "GBP"]
    assert got == expected


def test_a_malformed_price_vocabulary_names_its_file(tmp_path: Path) -> None:
    from sentinelle.analysers.prices import load_grammar
    from sentinelle.errors import LexiconError

    bad = tmp_path / "units.toml"
    bad.write_text('[minor_currency]\np = "a hundredth"\n', encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_grammar(str(bad))
    assert str(bad) in str(err.value)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("la beuh elle est à dix euros le gramme, la coke c'est soixante-dix le gramme", "fr",
     [("cannabis_herb", 1, "g", 10, "EUR"), ("cocaine", 1, "g", 70, "EUR")]),
    ("🍁 beuh 10g quatre-vingt-dix euros", "fr", [("cannabis_herb", 10, "g", 90, "EUR")]),
    ("weed septante euros les 10g", "fr", [("cannabis_herb", 10, "g", 70, "EUR")]),
    ("bud twenty quid a g", "en", [("cannabis_herb", 1, "g", 20, "GBP")]),
    # a number word with no currency or unit after it stays a word
    ("le shit à huit, livraison neuf heures", "fr", []),
])
def test_numbers_in_words(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("taz 10 l'unité ou 25 les 3", "fr", [("mdma", 1, "pill", 10, "EUR"), ("mdma", 3, "pill", 25, "EUR")]),
    ("billets de 20 et de 50 💶\n15 billets de 20 → 90€", "fr", [("counterfeit_money", 15, "unit", 90, "EUR")]),
    ("percocet 10/325 100ct $200", "en", [("prescription_drugs", 100, "pill", 200, "USD")]),
    ("28s of Blue Dream £150 / 14s £85", "en", [(H, 28, "g", 150, "GBP"), (H, 14, "g", 85, "GBP")]),
    ("beu 10 · shit 8 · c 70", "fr", [(H, 1, "g", 10, "EUR"), (R, 1, "g", 8, "EUR"), (C, 1, "g", 70, "EUR")]),
    ("frappe dispo 9€ le g, teuch 6€ le g", "fr", [(H, 1, "g", 9, "EUR"), (R, 1, "g", 6, "EUR")]),
    ("c'est le 15 août 🎆 2e pochon offert pour 50€ d'achat\n🍁 pochon 20", "fr", [(H, 1, "bag", 20, "EUR")]),
    ("• Coke — €80 / €150 for 2", "en", [(C, 1, "g", 80, "EUR"), (C, 2, "g", 150, "EUR")]),
    ("le 🥥 est tombé, 1g 70 2g 130", "fr", [(C, 1, "g", 70, "EUR"), (C, 2, "g", 130, "EUR")]),
    # a line with its own price does not lend its product to the line above: an eighth is herb
    ("MAESTEG 🐉\n• 8th £30\n• charlie £70", "en", [(H, 3.5, "g", 30, "GBP"), (C, 1, "g", 70, "GBP")]),
    ("galette dispo 🪨 10 la pierre, 5 pour 45", "fr",
     [("crack", 1, "unit", 10, "EUR"), ("crack", 5, "unit", 45, "EUR")]),
])
def test_units_counts_and_letters_of_heldout_k_l(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a price after an arrow or a colon right after the product, for one usual unit
    ("coke ➜ 30\nsnap x", "fr", [(C, 1, "g", 30, "EUR")]),
    ("❄️ : 70 | 👻 x", "fr", [(C, 1, "g", 70, "EUR")]),
    # a bag alone on its line is a bag of herb
    ("le pochon ▶️ 10\n5 pochons ▶️ 45", "fr", [(H, 1, "bag", 10, "EUR"), (H, 5, "bag", 45, "EUR")]),
    # "billets de 50€" is the face value of the notes, not their price
    ("faux billets de 50€ qualité top, lot de 20 billets = 250€", "fr",
     [("counterfeit_money", 20, "unit", 250, "EUR")]),
])
def test_arrows_bags_and_face_values(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a count of notes "x" their face value, then the price: the notes counted
    ("💶 BILLETS COPIE 💶\n• 10 x 20€ → 60€\n• 5 x 100€ → 150€", "fr",
     [("counterfeit_money", 10, "unit", 60, "EUR"), ("counterfeit_money", 5, "unit", 150, "EUR")]),
    # a flash sale's new price after "passe à" (the old one after "au lieu de" is dropped)
    ("VENTE FLASH / le 10g de critical passe a 60 au lieu de 70", "fr", [(H, 10, "g", 60, "EUR")]),
    # but "for a 3.5" is no price
    ("coke £60 a g, score for a 3.5", "en", [(C, 1, "g", 60, "GBP")]),
    # a quality word before its own price, another product after it
    ("frappe 10g 90 shit 10g 65", "fr", [(H, 10, "g", 90, "EUR"), (R, 10, "g", 65, "EUR")]),
    # "ballons 5 les 3": three for 5
    ("proto 🎈 ballons 5 les 3", "fr", [("nitrous_oxide", 3, "unit", 5, "EUR")]),
    # "caps ... each": the capsule is the unit
    ("molly caps $20 ea", "en", [("mdma", 1, "pill", 20, "USD")]),
    # a post that names no product: the amounts only herb is sold by are herb, nothing else is
    ("summer deal ☀️ / €45 an eighth / min order €40", "en", [(H, 3.5, "g", 45, "EUR")]),
    ("flash sale tonight 🛒 half oz £90 (normally 110)", "en", [(H, 14, "g", 90, "GBP")]),
    ("half price £10 today only", "en", []),
    # Swiss francs written "12.-"; "la 1", "la 2": one and two grams
    ("🍁 Indoor ...... 12.-/g | 10g 110.-", "fr", [(H, 1, "g", 12, "CHF"), (H, 10, "g", 110, "CHF")]),
    ("❄️ coke 80 la 1 / 150 la 2", "fr", [(C, 1, "g", 80, "EUR"), (C, 2, "g", 150, "EUR")]),
    # an ID glued to its digits holds no pence ("7HQ2XK9P")
    ("weed 10/g, coke 90/g (tout en francs) threema : 7HQ2XK9P", "fr",
     [(H, 1, "g", 10, "EUR"), (C, 1, "g", 90, "EUR")]),
])
def test_notes_flash_sales_and_counts(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a bare amount, an arrow, a bare price: a menu line, even in a ski resort's post
    ("SAISON DE SKI ⛷️ on est sur Vallouise\n❄️ 0,5 → 50\n❄️ 1 → 90\n🐴 keta 1g → 40", "fr",
     [(C, 0.5, "g", 50, "EUR"), (C, 1, "g", 90, "EUR"), ("ketamine", 1, "g", 40, "EUR")]),
    # a pill's bare price after dots or an arrow (not a dose: "Xanax 2")
    ("💊 Ecsta Tesla ........ 15", "fr", [("mdma", 1, "pill", 15, "EUR")]),
    ("💊 ecsta → 15", "fr", [("mdma", 1, "pill", 15, "EUR")]),
    ("Xanax 2 dispo", "fr", []),
    # "£35/8th": a price per named amount after a slash, after dots leading to it
    ("• Gorilla Glue #4 ...... £35/8th\n• Wedding Cake ......... £40/8th | £140/oz", "en",
     [(H, 3.5, "g", 35, "GBP"), (H, 3.5, "g", 40, "GBP"), (H, 28, "g", 140, "GBP")]),
    # a price for a count, written price first
    ("got white, 60 a g 110 for 2, no tick", "en", [(C, 1, "g", 60, "GBP"), (C, 2, "g", 110, "GBP")]),
    ("🍃 10 for 1g, 50 for 6, 90 for 14", "en",
     [(H, 1, "g", 10, "GBP"), (H, 6, "g", 50, "GBP"), (H, 14, "g", 90, "GBP")]),
    # "qtr", "henry": a quarter and an eighth of an ounce
    ("bud 🌿 oz $280 | half $150 | qtr $80", "en",
     [(H, 28, "g", 280, "USD"), (H, 14, "g", 150, "USD"), (H, 7, "g", 80, "USD")]),
    ("weed: a henry £25", "en", [(H, 3.5, "g", 25, "GBP")]),
    # a named amount glossed in brackets; "❄️ g = 70" is a menu line
    ("new bud in 🍁\n• henny (3.5) ... £30\n• Q (7) ... £55", "en", [(H, 3.5, "g", 30, "GBP"), (H, 7, "g", 55, "GBP")]),
    ("🍫 10g = 60\n❄️ g = 70", "fr", [(R, 10, "g", 60, "EUR"), (C, 1, "g", 70, "EUR")]),
    # a THC cart is sold by the piece, whatever it holds; oil by the ml
    ("Wax : 1g 40€\nVape THC 1ml : 45€", "fr",
     [("cannabis_concentrate", 1, "g", 40, "EUR"), ("cannabis_concentrate", 1, "unit", 45, "EUR")]),
    ("🍯 huile THC 10ml 80€", "fr", [("cannabis_concentrate", 10, "ml", 80, "EUR")]),
    # a container's other prices, listed after its first
    ("🍁 POCHON 10 / 20 / 50\nFRAPPE 10G 100", "fr",
     [(H, 1, "bag", 10, "EUR"), (H, 1, "bag", 20, "EUR"), (H, 1, "bag", 50, "EUR"), (H, 10, "g", 100, "EUR")]),
    # a bare number far above any street price is no price: "ZAMAL PÉI 974" is Réunion's number
    ("🌋 ZAMAL PÉI 974 🌋\nzamal la kour 🍁 10g ➡ 50€", "fr", [(H, 10, "g", 50, "EUR")]),
])
def test_menus_of_heldout_ay_az_ba(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("Météo ski ⛷️ ❄️ -5 → 2°C demain, 30 → 50 cm de poudreuse", "fr"),
    ("❄️ station de ski: forfait 1 jour → 45€", "fr"),
])
def test_arrow_pairs_in_weather_are_no_menu(text: str, lang: str) -> None:
    assert prices(text, lang) == []


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # named amounts each before its price: "250 oz" is no quantity between "qp" and "oz"
    ("qp 250 oz 450", "en", [(H, 112, "g", 250, "GBP"), (H, 28, "g", 450, "GBP")]),
    # a quarter and a half among amounts of herb are herb too (alone, "half" is no amount)
    ("8th 30 quarter 55 half 100 oz 190", "en",
     [(H, 3.5, "g", 30, "GBP"), (H, 7, "g", 55, "GBP"), (H, 14, "g", 100, "GBP"), (H, 28, "g", 190, "GBP")]),
    ("half price on all pizzas 14 only", "en", []),
    # slang money: a tenner is £10
    ("coke 80 a g, tenner for half", "en", [(C, 1, "g", 80, "GBP"), (C, 0.5, "g", 10, "GBP")]),
    # a count's own product named before it: "pills", not the bags of the sentence before
    ("bags £10. pills 3 for £10", "en", [(H, 1, "bag", 10, "GBP"), ("mdma", 3, "pill", 10, "GBP")]),
    ("£20 bags 🍁 or 3 for £50", "en", [(H, 1, "bag", 20, "GBP"), (H, 3, "bag", 50, "GBP")]),
    # in Britain and Ireland a bag of no product named before it is weed; "bags of coke" are coke
    ("tenner bags same as always, carts £35 or 2 for £60", "en",
     [(H, 1, "bag", 10, "GBP"), ("cannabis_concentrate", 1, "unit", 35, "GBP"),
      ("cannabis_concentrate", 2, "unit", 60, "GBP")]),
    ("£20 bags of coke", "en", [(C, 1, "bag", 20, "GBP")]),
    ("CROY N TWECHAR open late\n£10 bags\n£20 bags\nwhite 1g £60", "en",
     [(H, 1, "bag", 10, "GBP"), (H, 1, "bag", 20, "GBP"), (C, 1, "g", 60, "GBP")]),
    # an amount only herb is sold by, before a product named in the next item, is herb
    ("half zips $80, coke half g $50", "en", [(H, 14, "g", 80, "USD"), (C, 0.5, "g", 50, "USD")]),
    # a chat's clock is no price ("[21:03]" is no 3 for 21g)
    ("[21:03] Ju: oui frr 10g 55 / 25g 120 shit\n[21:04] Kev: vas y 25", "fr",
     [(R, 10, "g", 55, "EUR"), (R, 25, "g", 120, "EUR")]),
    ("12/03/2025, 21:03 - Ju: beuh 10g 80", "fr", [(H, 10, "g", 80, "EUR")]),
    ("coke 1g:70 2g:130", "fr", [(C, 1, "g", 70, "EUR"), (C, 2, "g", 130, "EUR")]),
    # an ID is no price in pence: "7hj2kx4p" leaves the post in euros
    ("coke\n0,5g = 50\n1g = 90\nthreema : 7HJ2KX4P", "fr", [(C, 0.5, "g", 50, "EUR"), (C, 1, "g", 90, "EUR")]),
    # a bag at its price "=" what it holds; a count "/" its price
    ("POCHON 20 = 2G / POCHON 50 = 5G", "fr", [(H, 2, "g", 20, "EUR"), (H, 5, "g", 50, "EUR")]),
    ("carts $35 or 3/$100", "en",
     [("cannabis_concentrate", 1, "unit", 35, "USD"), ("cannabis_concentrate", 3, "unit", 100, "USD")]),
    # a price then its named amount before a bracket
    ("bud $25/g, $80 quarter, $300 oz (prices r what they r up here)", "en",
     [(H, 1, "g", 25, "USD"), (H, 7, "g", 80, "USD"), (H, 28, "g", 300, "USD")]),
    # the product right after its point, in the next item of a list
    ("je fais 10g 70 weed, 1g 70 blanche", "fr", [(H, 10, "g", 70, "EUR"), (C, 1, "g", 70, "EUR")]),
    ("weed 10g 70, 20g 130", "fr", [(H, 10, "g", 70, "EUR"), (H, 20, "g", 130, "EUR")]),
    # Antillean Creole and Flemish product words; "barette" as often spelt
    ("kraké 20€ la galet", "fr", [("crack", 1, "unit", 20, "EUR")]),
    ("kokain 1g 80", "fr", [(C, 1, "g", 80, "EUR")]),
    ("skunk 10 les 1 / hasj 8", "fr", [(H, 1, "g", 10, "EUR"), (R, 1, "g", 8, "EUR")]),
])
def test_menus_of_heldout_bh_bi_bj(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


def test_a_priced_product_no_word_names_is_a_product_with_its_reason() -> None:
    a = run("£45 an eighth, dm", "en")
    found = [f for f in a.findings if f.kind == "products"]
    assert [f.value for f in found] == [H]
    assert found[0].rule == "prices:product" and "an eighth" in found[0].explanation


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a voice note transcribed writes every number in words
    ("message vocal : je suis dispo ce soir j'ai du shit à cinquante les dix et de la beuh à quatre vingt les dix",
     "fr", [(R, 10, "g", 50, "EUR"), (H, 10, "g", 80, "EUR")]),
    # a point of ice is a tenth of a gram; two of a named amount are twice it
    ("point $50, 2 points $90, ice only", "en",
     [("methamphetamine", 0.1, "g", 50, "USD"), ("methamphetamine", 0.2, "g", 90, "USD")]),
    ("weed 2 8th £50", "en", [(H, 7, "g", 50, "GBP")]),
    ("quarter oz $100 | half oz $180 | oz $320", "en",
     [(H, 7, "g", 100, "USD"), (H, 14, "g", 180, "USD"), (H, 28, "g", 320, "USD")]),
    ("new: 🍄 shrooms £20 a 3.5", "en", [("psilocybin", 3.5, "g", 20, "GBP")]),
    # a department after a marker is no amount; "les 10 de cali": the product after "de"
    ("📍44 ➡️ 50€ les 10 de jaune, 100 les 10 de cali", "fr", [(R, 10, "g", 50, "EUR"), (H, 10, "g", 100, "EUR")]),
    ("jsuis sur apremont ce soir / le vert 60 les 10 la resine 50 les 10", "fr",
     [(H, 10, "g", 60, "EUR"), (R, 10, "g", 50, "EUR")]),
    ("🌱 10g 70 / 🍫 10g 50", "fr", [(H, 10, "g", 70, "EUR"), (R, 10, "g", 50, "EUR")]),
    # an icon closing a product's name and its adjective yields to the word
    ("💎 COCAÏNE PURE 💎\n• 1g ........ 80€\n• 2g ........ 150€", "fr",
     [(C, 1, "g", 80, "EUR"), (C, 2, "g", 150, "EUR")]),
])
def test_menus_of_heldout_bk_bl_bm(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # the price of a quantity after "le"; "roche" is a rock of crack; a "deal" is a bag; "sub" Subutex
    ("Écully, Dardilly. 20€ le 2g de beuh, 40 le 5", "fr", [(H, 2, "g", 20, "EUR"), (H, 5, "g", 40, "EUR")]),
    ("caillou dispo / roche 10 / 20 / 50", "fr",
     [("crack", 1, "unit", 10, "EUR"), ("crack", 1, "unit", 20, "EUR"), ("crack", 1, "unit", 50, "EUR")]),
    ("Belfast / £20 deals 🍁 / £40 an 8th", "en", [(H, 1, "bag", 20, "GBP"), (H, 3.5, "g", 40, "GBP")]),
    ("héro brune 1g 40€ / sub 8mg 10€", "fr",
     [("heroin", 1, "g", 40, "EUR"), ("prescription_drugs", 1, "pill", 10, "EUR")]),
])
def test_menus_of_heldout_bn_bo_bp(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # 💨 heads a menu slot; the "🚗💨" of "on bouge" is no product
    ("GIVORS 🚗\n💨 10g 70\n💨 25g 160", "fr", [(H, 10, "g", 70, "EUR"), (H, 25, "g", 160, "EUR")]),
    ("🚗💨 : 5€ la livraison\n❄️ 1g 70", "fr", [(C, 1, "g", 70, "EUR")]),
    # a digit for a letter, to pass keyword filters
    ("c0ke 70 le g 130 les 2", "fr", [(C, 1, "g", 70, "EUR"), (C, 2, "g", 130, "EUR")]),
    # a bare price, an article, the product
    ("10e le g beuh / 7 le shit", "fr", [(H, 1, "g", 10, "EUR"), (R, 1, "g", 7, "EUR")]),
    ("shit 10 le bout", "fr", [(R, 1, "unit", 10, "EUR")]),
    # the seller's own words between the amount and its price
    ("20g de beuh c'est 170, 50g je fais 380", "fr", [(H, 20, "g", 170, "EUR"), (H, 50, "g", 380, "EUR")]),
    # voice notes: numbers in words even with a phone in digits; hundreds left unsaid
    ("[vocal] la beuh c'est soixante euros les cinq grammes, cent dix les dix. 06 12 34 56 78", "fr",
     [(H, 5, "g", 60, "EUR"), (H, 10, "g", 110, "EUR")]),
    ("[voice note] the coke is eighty a bag or two for one fifty", "en",
     [(C, 1, "bag", 80, "GBP"), (C, 2, "bag", 150, "GBP")]),
    ("[voice note] aye the weed is forty for an eighth, the coke eighty for a g", "en",
     [(H, 3.5, "g", 40, "GBP"), (C, 1, "g", 80, "GBP")]),
])
def test_menus_of_heldout_bw_bx_by(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


def test_a_spelt_out_price_points_at_whole_words() -> None:
    a = run("[voice note] the coke is eighty a bag or two for one fifty", "en")
    assert [a.text_of(f) for f in a.of("prices")] == ["eighty a bag", "two for one fifty"]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a price per an amount; a spaced "/" between two points; a quality word before a bare price
    ("GHB 💧 £15 per 10ml", "en", [("ghb", 10, "ml", 15, "GBP")]),
    ("🥬 beuh 10e / 10g 90e", "fr", [(H, 1, "g", 10, "EUR"), (H, 10, "g", 90, "EUR")]),
    ("coke £40/8th", "en", [(C, 3.5, "g", 40, "GBP")]),
    ("❄️ Pure 80€", "fr", [(C, 1, "g", 80, "EUR")]),
    # a plus between two points is no threshold; bare prices between products on one line
    ("🐴 kéta 40 le g + ❄️ 80. Pas de ter", "fr", [("ketamine", 1, "g", 40, "EUR"), (C, 1, "g", 80, "EUR")]),
    ("beuh 10 shit 7 coke 70", "fr", [(H, 1, "g", 10, "EUR"), (R, 1, "g", 7, "EUR"), (C, 1, "g", 70, "EUR")]),
    ("tarif saison\n🥦 12 le g (avant 10)\n❄️ 80 (avant 70)", "fr", [(H, 1, "g", 12, "EUR"), (C, 1, "g", 80, "EUR")]),
    ("❄️ 971 ❄️ Gosier\n1g 60 | 2g 110\nlivraison moto 🏍️", "fr", [(C, 1, "g", 60, "EUR"), (C, 2, "g", 110, "EUR")]),
    # spoken: hundreds left unsaid with a hyphen, "and a half"
    ("[voice note] got the snow, a hundred for one, two-eighty for three and a half", "en",
     [(C, 1, "g", 100, "GBP"), (C, 3.5, "g", 280, "GBP")]),
])
def test_menus_of_heldout_bz_ca_cb(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a discount glued to a minus sign is no price; nor is an ordinal after an article
    ("🍁 weed 10/g\n⚡ promo -5€ sur la 2e commande", "fr", [(H, 1, "g", 10, "EUR")]),
    ("❄️ 70 le g\nflash sale -10€ sur tout dès 100", "fr", [(C, 1, "g", 70, "EUR")]),
    ("coke £80 a g\n-£10 off your first drop", "en", [(C, 1, "g", 80, "GBP")]),
    ("❄️ coke - 80€", "fr", [(C, 1, "g", 80, "EUR")]),
    # the buyer takes a count, then its price
    ("la blanche 70 le g, si tu prends 3 c'est 200", "fr", [(C, 1, "g", 70, "EUR"), (C, 3, "g", 200, "EUR")]),
    ("[vocal] la coke c'est quatre-vingts le gramme, si t'en prends deux je te fais cent cinquante", "fr",
     [(C, 1, "g", 80, "EUR"), (C, 2, "g", 150, "EUR")]),
    ("snow 80 a g, if you grab 2 it's 150", "en", [(C, 1, "g", 80, "GBP"), (C, 2, "g", 150, "GBP")]),
    # a count of MDMA far too cheap for grams is pills; a bare number after pills on a menu is one pill
    ("🍫 shit 8/g\n💊 MDMA 3 pour 30", "fr", [(R, 1, "g", 8, "EUR"), ("mdma", 3, "pill", 30, "EUR")]),
    ("💎 MD 2 pour 100", "fr", [("mdma", 2, "g", 100, "EUR")]),
    ("🍁 beuh 10/g\n💊 ecsta 10", "fr", [(H, 1, "g", 10, "EUR"), ("mdma", 1, "pill", 10, "EUR")]),
    ("🍁 beuh 10/g\n💊 Tesla 250\n💊 Xanax 2", "fr", [(H, 1, "g", 10, "EUR")]),
])
def test_discounts_buyers_counts_and_pills(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # an old-price marker needs its price right after it: "avant le festival" hides no price
    ("avant le festival 🎶 MD cristaux 40€/g", "fr", [("mdma", 1, "g", 40, "EUR")]),
    ("coke 80 (avant 90)", "fr", [(C, 1, "g", 80, "EUR")]),
    # notes counted at a face value; a pack after a dose
    ("💶 faux billets\n20 billets de 50€ = 200€\n10 billets de 20€ = 60€", "fr",
     [("counterfeit_money", 20, "unit", 200, "EUR"), ("counterfeit_money", 10, "unit", 60, "EUR")]),
    ("Lyrica 300 plaquette de 14 = 40€", "fr", [("prescription_drugs", 14, "pill", 40, "EUR")]),
    ("prégaba 300 boîte de 56 ➜ 60", "fr", [("prescription_drugs", 56, "pill", 60, "EUR")]),
])
def test_old_price_markers_notes_and_packs(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a price between two emoji products is the first one's; notes whose face value is told in brackets
    ("DRIVE OUVERT 🚗 Anderlecht\n🌿 10€ 🍫 10€ ❄️ 60€", "fr",
     [(H, 1, "g", 10, "EUR"), (R, 1, "g", 10, "EUR"), (C, 1, "g", 60, "EUR")]),
    ("💶 Billets de 50 qualité A+\n20 billets (1000€ faciaux) pour 250€", "fr",
     [("counterfeit_money", 20, "unit", 250, "EUR")]),
    ("Vapes THC 1ml 🔥 50€ la cartouche, 2 pour 90", "fr",
     [("cannabis_concentrate", 1, "unit", 50, "EUR"), ("cannabis_concentrate", 2, "unit", 90, "EUR")]),
])
def test_emoji_menus_told_face_values_and_vapes(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # price tables: quantities over the columns (an empty cell takes its column) or products over them
    ("PRIX   1g   5g   10g\n🍫 Jaune   10   45   80\n❄️ Coco   70   320   --", "fr",
     [(R, 1, "g", 10, "EUR"), (R, 5, "g", 45, "EUR"), (R, 10, "g", 80, "EUR"), (C, 1, "g", 70, "EUR"),
      (C, 5, "g", 320, "EUR")]),
    ("Quantité   🍫 Hash   🌿 Beuh\n100g   550€   700€\n1kg   4600€   --", "fr",
     [(R, 100, "g", 550, "EUR"), (H, 100, "g", 700, "EUR"), (R, 1, "kg", 4600, "EUR")]),
    ("QTY   FLOWER   SOLID\n4oz   £560   £420\n9oz   £1100   £850", "en",
     [(H, 112, "g", 560, "GBP"), (R, 112, "g", 420, "GBP"), (H, 252, "g", 1100, "GBP"), (R, 252, "g", 850, "GBP")]),
    # a chat's clock after its date is no price; bare weights "à" their price; a bracketed quantity
    ("27/09/2025 23:39 - Nono: oui la C 60 le g 110 les 2", "fr", [(C, 1, "g", 60, "EUR"), (C, 2, "g", 110, "EUR")]),
    ("🌿 la frappe est là, 3.5 à 35, 7 à 65, 14 à 120. Snap 👉 couer.direct", "fr",
     [(H, 3.5, "g", 35, "EUR"), (H, 7, "g", 65, "EUR"), (H, 14, "g", 120, "EUR")]),
    ("🍫 10 🥦 12 ❄️ 70 (1g)", "fr", [(R, 1, "g", 10, "EUR"), (H, 1, "g", 12, "EUR"), (C, 1, "g", 70, "EUR")]),
])
def test_tables_clocks_and_bare_weights(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # bag prices listed with spaces; notes at a face value times a count
    ("pithiviers dispo 🥦 pochons 10 20 50 dm", "fr", [(H, 1, "bag", 10, "EUR"), (H, 1, "bag", 20, "EUR"),
                                                      (H, 1, "bag", 50, "EUR")]),
    ("💶 Faux billets\nCoupures de 20€ x50 = 250€", "fr", [("counterfeit_money", 50, "unit", 250, "EUR")]),
    # slashed: a container's prices; after a product's name, bag sizes no label reads as prices
    ("pochons 10/20/50 livrés", "fr", [(H, 1, "bag", 10, "EUR"), (H, 1, "bag", 20, "EUR"), (H, 1, "bag", 50, "EUR")]),
    ("weed 10/20/50\nresine 8e le g", "fr", [("cannabis_resin", 1, "g", 8, "EUR")]),
])
def test_listed_bags_and_notes_times_a_count(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected



@pytest.mark.parametrize(("text", "expected"), [
    # Spanish and Picard articles before the gram: "70 el gramo", "10€ el gramme"
    ("perico 70 el gramo", [(C, 1, "g", 70, "EUR")]),
    ("🍁 ch'beuh 10€ el gramme", [(H, 1, "g", 10, "EUR")]),
    # a voice note's gram, spelled as said
    ("[vocal] la coco c'est soixante-dix le gé", [(C, 1, "g", 70, "EUR")]),
])
def test_prices_with_el(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a chat's clock after its date is no quantity and price
    ("[14/02/2025 21:13] Vendeur: frozen 10g 60\n[14/02/2025 21:14] Client: ok", "fr",
     [(R, 10, "g", 60, "EUR")]),
    # a price for a named weight, the weight after "for"; a buyer's offer refused is no price
    ("🍃 $10 bags, $50 for a quarter", "en", [(H, 1, "bag", 10, "USD"), (H, 7, "g", 50, "USD")]),
    ("cant do $200 for the zip bro, $220 lowest", "en", [(H, 28, "g", 220, "USD")]),
    # a voice note's single number in words, the price "for the gram"
    ("🎤 Vocal transcrit : t'as les quatre-vingts pour le gramme de blanche ?", "fr", [(C, 1, "g", 80, "EUR")]),
])
def test_clocks_and_prices_for_a_named_weight(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a ladder of named weights: the letters after the quarter are its half and its ounce; after an
    # eighth, a powder's "half" is the half ounce
    ("🍃 8th £35 | Q £60 | H £110 | O £200", "en",
     [(H, 3.5, "g", 35, "GBP"), (H, 7, "g", 60, "GBP"), (H, 14, "g", 110, "GBP"), (H, 28, "g", 200, "GBP")]),
    ("🌿 half q £50, q £90, half o £170", "en",
     [(H, 3.5, "g", 50, "GBP"), (H, 7, "g", 90, "GBP"), (H, 14, "g", 170, "GBP")]),
    ("ice 💎 g $30 | 8ball $120 | half $350", "en",
     [("methamphetamine", 1, "g", 30, "USD"), ("methamphetamine", 3.5, "g", 120, "USD"),
      ("methamphetamine", 14, "g", 350, "USD")]),
    ("Charlie £80 g / £50 half", "en", [(C, 1, "g", 80, "GBP"), (C, 0.5, "g", 50, "GBP")]),
    # fluid ounces to the whole ml; edibles' bars are no Xanax bars
    ("who tryna get right 🥤 real act cough syrup 4oz $120 8oz $220", "en",
     [(RX, 118, "ml", 120, "USD"), (RX, 237, "ml", 220, "USD")]),
    ("🍫 THC edibles 500mg bars $25", "en", [("cannabis_concentrate", 1, "unit", 25, "USD")]),
    # a nine bar is nine ounces
    ("🌳 Haze 9 bar £1,450, 🌳 kilo £4,900", "en", [(H, 252, "g", 1450, "GBP"), (H, 1, "kg", 4900, "GBP")]),
])
def test_ladders_of_named_weights(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "currency"), [
    # towns of two countries: the local shops tell which ("meet by the Walmart" is in the US)
    ("coke 90 a g, I'm in Cambridge tonight, meet by the Walmart", "USD"),
    ("coke 80 a g, Cambridge, meet outside Sainsbury's", "GBP"),
])
def test_currency_told_by_local_shops(text: str, currency: str) -> None:
    found = prices(text, "en")
    assert found and {p[4] for p in found} == {currency}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a table's rows take the product named above its header, however long the table
    ("❄️ PURE\n| qté | prix |\n|---|---|\n| 1g | 70 |\n| 2g | 130 |\n| 5g | 300 |\n| 10g | 550 |", "fr",
     [(C, 1, "g", 70, "EUR"), (C, 2, "g", 130, "EUR"), (C, 5, "g", 300, "EUR"), (C, 10, "g", 550, "EUR")]),
    # otherwise the product named within four lines above, as before
    ("❄️ dispo\nlivraison ce soir\nappelle\n1g 70\n2g 130\n5g 300", "fr",
     [(C, 1, "g", 70, "EUR"), (C, 2, "g", 130, "EUR")]),
])
def test_long_tables_under_their_product(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a count for a price after a named amount buys that many of it
    ("🍃 8ths £30, 2 for £55", "en", [(H, 3.5, "g", 30, "GBP"), (H, 7, "g", 55, "GBP")]),
    # crack "l'une" (the one) is no litre of food; ketamine's shards; pressies by their company
    ("🪨 20 l'une, 3 pour 50", "fr", [("crack", 1, "unit", 20, "EUR"), ("crack", 3, "unit", 50, "EUR")]),
    ("Ket shards 28g £500", "en", [("ketamine", 28, "g", 500, "GBP")]),
    ("💊 Pressies 5 for £20", "en", [("mdma", 5, "pill", 20, "GBP")]),
    ("pressies 3 for $20, real blues $30 apiece", "en", [("prescription_drugs", 3, "pill", 20, "USD"),
                                                        ("prescription_drugs", 1, "pill", 30, "USD")]),
])
def test_multi_buys_pieces_shards_and_pressies(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a one-letter code right after another product's price is a menu slot too; "2 c 110" is "c'est"
    ("beuh 10 shit 10 C 70, paye cash", "fr", [(H, 1, "g", 10, "EUR"), ("cannabis_resin", 1, "g", 10, "EUR"),
                                               (C, 1, "g", 70, "EUR")]),
    ("❄️ 1g 60 a 2 c 110", "fr", [(C, 1, "g", 60, "EUR")]),  # (the two grams for 110 are not read yet)
])
def test_letter_after_a_price(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a count for a price after bags buys that many bags, on the same line or the next
    ("🔥 haze £10 bags all day\n🔥 2 for £18", "en", [(H, 1, "bag", 10, "GBP"), (H, 2, "bag", 18, "GBP")]),
    ("pochon 20, 3 pour 50", "fr", [(H, 1, "bag", 20, "EUR"), (H, 3, "bag", 50, "EUR")]),
])
def test_multi_buys_of_bags(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # pounds of weight (16 oz), bricks (a kilo), a kit sold as one unit, two product slots on one line
    ("weed 1lb $1100 / 5lb $5000", "en", [(H, 448, "g", 1100, "USD"), (H, 2240, "g", 5000, "USD")]),
    ("Soft: half brick $9000", "en", [(C, 500, "g", 9000, "USD")]),
    ("lean codéine 🍇💜 30€ le kit", "fr", [("prescription_drugs", 1, "unit", 30, "EUR")]),
    ("🌿 10 | 🍫 8", "fr", [(H, 1, "g", 10, "EUR"), (R, 1, "g", 8, "EUR")]),
    # a price then "g" before a word; the SMS "lg" for "le g"
    ("m-cat £15 g Hinckley only", "en", [("cathinones", 1, "g", 15, "GBP")]),
    ("coke 65 lg , 3mmc 30 lg", "fr", [(C, 1, "g", 65, "EUR"), ("cathinones", 1, "g", 30, "EUR")]),
    # a price, a slash, then an eighth or a quarter left bare; a slash then "g" stays a gram
    # a product right after a phone number
    ("line open ☎️ 07700 900417 brown £10 a bag", "en", [("heroin", 1, "bag", 10, "GBP")]),
    ("🍃 Cali ........ £40 / 3.5\n🍃 Cali ........ £70 / 7\n❄️ Charlie ...... £80 / g", "en",
     [(H, 3.5, "g", 40, "GBP"), (H, 7, "g", 70, "GBP"), (C, 1, "g", 80, "GBP")]),
])
def test_pounds_bricks_kits_and_slot_lines(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "currency"), [
    # bare prices take the currency the phone tells, even a number of a reserved range (UK drama, US 555)
    ("durham tonite: crack 10 a stone 3 for 25, call 07700 900 732", "GBP"),
    ("durham tonite: crack 10 a stone 3 for 25, call (919) 555-0142", "USD"),
])
def test_bare_prices_take_the_phones_country(text: str, currency: str) -> None:
    from sentinelle.api import analyze_text

    assert {p["currency"] for p in analyze_text(text, lang="en").values("prices")} == {currency}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # an arrondissement's "15e" is no price; "ball", "quad", "teener" are amounts
    ("Lyrica 300 plaquette de 14 gélules 25€\nMarseille 15e, je passe en scooter", "fr",
     [("prescription_drugs", 14, "pill", 25, "EUR")]),
    ("Galettes dispo 🪨 15€ la galette, 3 pour 40€\nSecteur Marseille 3e / 15e", "fr",
     [("crack", 1, "unit", 15, "EUR"), ("crack", 3, "unit", 40, "EUR")]),
    ("pasadena dilvery tonite only 🚗 quads $70 zips $240 lmk", "en",
     [(H, 7, "g", 70, "USD"), (H, 28, "g", 240, "USD")]),
    ("ice restock 🧊 zip $300 ball $60 Channelview only", "en",
     [("methamphetamine", 28, "g", 300, "USD"), ("methamphetamine", 3.5, "g", 60, "USD")]),
    ("the ice, a teener for $50", "en", [("methamphetamine", 1.75, "g", 50, "USD")]),
])
def test_arrondissements_balls_and_quads(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a spaced slash before the quantity that closes the line; "l'oz"; dots leading to the price;
    # the letter G that names GHB weighs no gram
    ("🥦 Runtz ..... £10 / g\n🥦 Runtz ..... £35 / 8th\n🥦 Runtz ..... £60 / Q", "en",
     [(H, 1, "g", 10, "GBP"), (H, 3.5, "g", 35, "GBP"), (H, 7, "g", 60, "GBP")]),
    ("green £45 / 5g\nwhite £75 / g", "en", [(H, 5, "g", 45, "GBP"), ("cocaine", 1, "g", 75, "GBP")]),
    ("beuh 🌿 190€ l'oz, 3,5g = 30", "fr", [(H, 28, "g", 190, "EUR"), (H, 3.5, "g", 30, "EUR")]),
    ("❄️ Colombienne\n0,5 ........ 35€\n1g ......... 65€", "fr",
     [("cocaine", 0.5, "g", 35, "EUR"), ("cocaine", 1, "g", 65, "EUR")]),
    ("❄️ flake\n3.5 ....... £200", "en", [("cocaine", 3.5, "g", 200, "GBP")]),
    ("Subu 8 ............ 10€", "fr", [("prescription_drugs", 1, "pill", 10, "EUR")]),  # a dose, no count
    ("💧 G £20 for 10ml, after parties only", "en", [("ghb", 10, "ml", 20, "GBP")]),
    # a count glued to its price after a container's word: "carts 2/$50", not a cart at $2
    ("dorm delivery 🎓 carts 2/$50, Richmond", "en", [("cannabis_concentrate", 2, "unit", 50, "USD")]),
    # a bare price before the weight it buys, alone on its line ("10 = 1g", "45 / 5g"); not "2 = 1g"
    ("🍃🍃\n10 = 1g\n50 = 6g\nDM", "fr", [(H, 1, "g", 10, "EUR"), (H, 6, "g", 50, "EUR")]),
    ("🌿 beuh\n🌿 45 / 5g", "fr", [(H, 5, "g", 45, "EUR")]),
    # a count of pills named by their slang ("100 percs $300", "50 xans $100")
    ("ship nationwide, 100 percs $300, BTC first", "en", [("prescription_drugs", 100, "pill", 300, "USD")]),
    ("50 xans $100", "en", [("prescription_drugs", 50, "pill", 100, "USD")]),
])
def test_spaced_slashes_leaders_and_the_letter_g(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a price, a spaced unit, then the product's emoji ("£45 g ❄️", "£25 8ths 🍃"); glued ("£30g 🍬") stays
    ("🎅 XMAS DEALS 🎅\n£45 g ❄️ (was £50)", "en", [("cocaine", 1, "g", 45, "GBP")]),
    ("£25 8ths 🍃 this weekend", "en", [(H, 3.5, "g", 25, "GBP")]),
    # a piece only one product comes in picks it among the line's products
    ("qui a besoin sur Cluses ? 🍫 et 🥦 , 10 la barrette", "fr", [("cannabis_resin", 1, "unit", 10, "EUR")]),
])
def test_a_spaced_unit_before_the_emoji_and_a_products_own_piece(text: str, lang: str,
                                                                  expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a count opening its segment before a product's name (and its dose), then the price
    ("💊 ARRIVAGE 💊\n50 Lyrica 150 = 60€\n20 Rivotril = 120€", "fr",
     [("prescription_drugs", 50, "pill", 60, "EUR"), ("prescription_drugs", 20, "pill", 120, "EUR")]),
    ("👑 WHOLESALE 👑\n1k blues $2500\nhalf up front", "en", [("prescription_drugs", 1000, "pill", 2500, "USD")]),
    ("💙 BLUES 💙\n10 for $60\n100 blues $450", "en",
     [("prescription_drugs", 10, "pill", 60, "USD"), ("prescription_drugs", 100, "pill", 450, "USD")]),
    # not a place's number, nor a price per gram after the name
    ("Barbès Paris 18 🪨 cailloux 15e", "fr", [("crack", 1, "unit", 15, "EUR")]),
    ("2 ❄️ 70€ le g", "fr", [("cocaine", 1, "g", 70, "EUR")]),
    ("dispo:\n2 ❄️ 150€", "fr", [("cocaine", 2, "g", 150, "EUR")]),
    # an eighth named by its grams, "of" the product, then its price
    ("3.5 of Blue Dream €20 only!! Cork based", "en", [(H, 3.5, "g", 20, "EUR")]),
])
def test_a_count_before_a_products_name(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # lean: a grape icon over "pint" then its price; a vial beside purple signs or codeine words
    ("💜\n🍇 pint $350\nDM", "en", [("prescription_drugs", 473, "ml", 350, "USD")]),
    ("🍃 5g 40€ au lieu de 45\n🍇 fiole 60€ au lieu de 70", "fr",
     [(H, 5, "g", 40, "EUR"), ("prescription_drugs", 1, "unit", 60, "EUR")]),
    # a "dub" is a $20 rock
    ("🪨 dubs $20\n🪨🪨🪨 3 for $50", "en", [("crack", 1, "unit", 20, "USD"), ("crack", 3, "unit", 50, "USD")]),
])
def test_lean_by_the_pint_or_the_vial_and_dubs(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # the droplet after the letter G is GHB too; a price's gram before the droplet opens no term
    ("G 💧 dispo 10ml = 20€ / 50ml = 70€, livré sur Mâcon", "fr",
     [("ghb", 10, "ml", 20, "EUR"), ("ghb", 50, "ml", 70, "EUR")]),
    ("🐴 Kéta 30€/g / 💎 3MMC 25€/g / 💧 G 10€ les 10ml", "fr",
     [("ketamine", 1, "g", 30, "EUR"), ("cathinones", 1, "g", 25, "EUR"), ("ghb", 10, "ml", 10, "EUR")]),
    ("🧪 3mmc 25 le g / 💧 G le flacon 10ml 15", "fr",
     [("cathinones", 1, "g", 25, "EUR"), ("ghb", 10, "ml", 15, "EUR")]),
])
def test_the_droplet_after_the_letter_g(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # "le kil" is a kilo, a "bâton" a thousand euros
    ("Shit la 100 à 380 / le kil 3200", "fr", [("cannabis_resin", 100, "g", 380, "EUR"),
                                              ("cannabis_resin", 1, "kg", 3200, "EUR")]),
    ("🍫 10g 70 — le kil : 2 bâtons", "fr", [("cannabis_resin", 10, "g", 70, "EUR"),
                                           ("cannabis_resin", 1, "kg", 2000, "EUR")]),
    # a count in words before a named amount or a counted unit
    ("two 8ths of haze for £55 tonight only", "en", [("cannabis_herb", 7, "g", 55, "GBP")]),
    ("deux taz 15€, noyon ce soir 💊", "fr", [("mdma", 2, "pill", 15, "EUR")]),
    # ...but a bag named by its price stays one bag
    ("🍁 Amnesia — ten bag £10", "en", [("cannabis_herb", 1, "bag", 10, "GBP")]),
])
def test_kilos_thousands_and_counts_in_words(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # the capital G sold by the ml takes its volumes' prices
    ("G dispo 🧪 20€ les 10ml, 35€ les 20ml", "fr", [("ghb", 10, "ml", 20, "EUR"), ("ghb", 20, "ml", 35, "EUR")]),
    ("G £10 for 5ml, Southsea only", "en", [("ghb", 5, "ml", 10, "GBP")]),
    # or by the centilitre and the litre
    ("avant les soirées 🫧\nG 50cl ➡️ 60€\nG 1L ➡️ 100€", "fr", [("ghb", 500, "ml", 60, "EUR"),
                                                              ("ghb", 1000, "ml", 100, "EUR")]),
])
def test_the_letter_g_by_the_ml(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, lang) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # counterfeit notes priced by the batch: the count of notes is the quantity, the face value no price
    ("💵 prop bills, pass the pen test ✅ 10x $100 bills for $250", [("counterfeit_money", 10, "unit", 250, "USD")]),
    ("💵 prop money 50 x $20s for $200, BTC up front", [("counterfeit_money", 50, "unit", 200, "USD")]),
    ("💷 fake £20 notes, 20 x £50 notes for £250, UK post", [("counterfeit_money", 20, "unit", 250, "GBP")]),
    ("real-looking 💵 $100s, 10 for $250, pass the pen test", [("counterfeit_money", 10, "unit", 250, "USD")]),
    ("💵 prop bills, 50 twenties for $250, meet only", [("counterfeit_money", 50, "unit", 250, "USD")]),
    ("💵 prop money $1000 in fake 20s for $300, BTC first", [("counterfeit_money", 50, "unit", 300, "USD")]),
    ("💵 prop bills 10 bills ($1k face) for $250, 50 for $1,000", [("counterfeit_money", 10, "unit", 250, "USD"),
                                                                  ("counterfeit_money", 50, "unit", 1000, "USD")]),
    # the denomination first, then the face value ("$20s: $1000 face for $300")
    ("💵 prop bills\n$50s: $2000 face for $450\nBTC up front", [("counterfeit_money", 40, "unit", 450, "USD")]),
])
def test_counterfeit_notes_by_the_batch(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, "en") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # French batches: a face value in notes of one denomination, or a count of notes of a denomination
    ("💶 faux billets : 2000€ en billets de 20 pour 400€, envoi", [("counterfeit_money", 100, "unit", 400, "EUR")]),
    ("💶 FAUX BILLETS qui passent au stylo 💶\n10€ ➡️ 20 billets = 50€\n50€ ➡️ 10 billets = 150€",
     [("counterfeit_money", 20, "unit", 50, "EUR"), ("counterfeit_money", 10, "unit", 150, "EUR")]),
])
def test_counterfeit_notes_in_french(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, "fr") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a cart is sold by the piece (SCHEMA), whatever its size; wax by the gram stays by the gram
    ("shatter 1g $20\ncarts 1g $30\nedibles $15", [("cannabis_concentrate", 1, "g", 20, "USD"),
                                                   ("cannabis_concentrate", 1, "unit", 30, "USD"),
                                                   ("cannabis_concentrate", 1, "unit", 15, "USD")]),
])
def test_a_cart_of_a_gram_is_a_unit(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, "en") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a named amount in the plural after its price; a pack of pieces and its count; not a pack priced after
    ("🍀 $35 8ths all weekend, $60 quarters, drop-offs", [("cannabis_herb", 3.5, "g", 35, "USD"),
                                                         ("cannabis_herb", 7, "g", 60, "USD")]),
    ("🌈 tabs $10 each, $80 a strip of 10, $600 a sheet(100)", [("lsd", 1, "blotter", 10, "USD"),
                                                               ("lsd", 10, "blotter", 80, "USD"),
                                                               ("lsd", 100, "blotter", 600, "USD")]),
    ("subu 8mg 10€ la plaquette de 7 à 50", [("prescription_drugs", 1, "pill", 10, "EUR"),
                                             ("prescription_drugs", 7, "pill", 50, "EUR")]),
    # a time of day is no quantity and price
    ("❄️ train at 18:42, back for 19:20", []),
])
def test_plural_amounts_packs_and_times(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, "en") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # crack priced bare after its name, whatever the menu; a count's price after a bare price is not another
    # price of the first; a price "le g de" a product is that product's
    ("galettes 🪨 20 | 50 les 3 | 100 les 7", [("crack", 1, "unit", 20, "EUR"), ("crack", 3, "unit", 50, "EUR"),
                                              ("crack", 7, "unit", 100, "EUR")]),
    ("crack 15 / héro 40", [("crack", 1, "unit", 15, "EUR"), ("heroin", 1, "g", 40, "EUR")]),
    ("10€ le g de beuh, 60 le g de coke", [("cannabis_herb", 1, "g", 10, "EUR"), ("cocaine", 1, "g", 60, "EUR")]),
    ("ya de la beu ya de la cc, 10 le g d beu 60 le g d cc", [("cannabis_herb", 1, "g", 10, "EUR"),
                                                            ("cocaine", 1, "g", 60, "EUR")]),
])
def test_crack_bare_and_prices_before_their_product(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, "fr") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # thousands grouped by spaces before a currency; a bare "F" after them is the Pacific franc (kept out of
    # the contract's prices); a count then its price is not a thousand
    ("🍁 kilo de paka 3 500€ / 100g 450€", [("cannabis_herb", 1, "kg", 3500, "EUR"),
                                          ("cannabis_herb", 100, "g", 450, "EUR")]),
    ("ice 💎 Papeete 0,2g 20 000 XPF", [("methamphetamine", 0.2, "g", 20000, "XPF")]),
    ("🎈 bonbonnes 640g 45€, x3 120€", [("nitrous_oxide", 1, "unit", 45, "EUR"),
                                       ("nitrous_oxide", 3, "unit", 120, "EUR")]),
])
def test_thousands_and_pacific_francs(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, "fr") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a price with its currency far above any street price of the product is no price of it
    ("👜 sac Gold ❄️ état neuf 14 000€", []),
    ("❄️ 1kg 30 000€", [("cocaine", 1, "kg", 30000, "EUR")]),
])
def test_a_stated_price_far_above_the_street(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, "fr") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a price by weight a hundred times below the street price is fish, ice or snow beside a drug's
    # emoji, no price of the drug; a scam's kilo at a tenth of it stays
    ("🐟 maquereau 8€ le kg, cabillaud 22€ le kg", []),
    ("❄️ Alerte neige 62 : 5 à 10 cm", []),
    ("🍁 1kg 900€ envoi partout", [("cannabis_herb", 1, "kg", 900, "EUR")]),
    ("❄️ 100g 3500", [("cocaine", 100, "g", 3500, "EUR")]),
])
def test_a_price_by_weight_far_below_the_street(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert prices(text, "fr") == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # two products counted into one order, a plus or nothing but a count between, priced together: the
    # bundle's price is no unit price of either; menus pricing each product after it keep their prices
    ("deals all weekend 2 brown + 1 white for £25", "en", []),
    ("outside now / 2 white 2 brown = £40", "en", []),
    ("1g de coke + 10g de shit pour 120", "fr", []),
    ("[client] 2 ecsta + 1g de kéta pour 60 ?", "fr", []),
    ("🍁 10g 90 + 🍫 10g 60", "fr", [("cannabis_herb", 10, "g", 90, "EUR"), ("cannabis_resin", 10, "g", 60, "EUR")]),
    ("coke 70 shit 10 beuh 12 le g", "fr",
     [("cocaine", 1, "g", 70, "EUR"), ("cannabis_resin", 1, "g", 10, "EUR"), ("cannabis_herb", 1, "g", 12, "EUR")]),
    ("champis 5g 25 10g 45 🍄 + buvard 12€", "fr",
     [("psilocybin", 5, "g", 25, "EUR"), ("psilocybin", 10, "g", 45, "EUR"), ("lsd", 1, "blotter", 12, "EUR")]),
])
def test_a_bundle_has_no_unit_price(text: str, lang: str, expected: list[tuple[Any, ...]]) -> None:
    assert sorted(prices(text, lang)) == sorted(expected)
