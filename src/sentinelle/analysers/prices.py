"""Prices: the unit prices a sale post states, attached to the product they are for.

The notation vocabulary (units, named amounts, containers, currencies, and the markers for old
prices, thresholds, gifts and job pay) is data: `data/common/units.toml`. The grammar is in
`price_grammar` (the tokens) and `price_line` (one line's points); this module attaches the points
to their products. Each line of the normalised text is cut into typed tokens by one compiled regex:

    PRICE  "10€", "£30", "💶50", "100 boules"     QTY    "10g", "50cl", "1kg", "3.5g"
    COUNT  "30 comprimés", "10 billets"            NAMED  "8th", "Q", "half", "zip"
    PER    "le g", "/g", "an 8th", "each", "pièce" CONT   "pochon", "bonbonne", "la part"
    NUM    a bare number                           SKIP   phone numbers, times, dates, doses,
                                                          "11e/20e", struck-out "~~50€~~"
    (a rate such as "97%" reads as a word: "1kg de coco pure 97% ➜ 3000€")

and a price point is one of:

    P1  quantity ... price        "10g ➡️ 100€", "5g 50€", "1g 70 / 2g 130", "30 comprimés = 60€",
                                  "bonbonne ➜ 35€", "le G = 90", "0,5 = 40", "3 pour 50", "les 2 ➜ 60€",
                                  "sheet of 10 $80"
    P2  price per-unit            "10€ le g", "10 le g", "£25 an 8th", "£10 each", "£10 bag", "$150 a pint"
    P3  price = quantity          "💶50 = 🍁6g", "40 les 5", "gas $300 oz" (closing a segment)
    PP  price after a product     "❄️ 70 |", "coke €80", "❄️ on bouge pas 70" (filler words from
                                  units.toml), for one usual unit
    PT  price table               a header line of quantities ("⚖️ 2g 10g 20g") then rows with one
                                  price per column ("gelato | 16€ | 70€ | 130€")

Within a line, a bare count after a point in bags or pieces keeps that unit ("£10 bags / 3 for
£25"); across lines, a count of containers whose volume was given is that many volumes
("bouteille 33cl ➜ 30€" then "2 bouteilles ➜ 55€" is 660 ml). A lone price next to a product of
the same line takes the named amount of the point before it ("zips $200 midgrade $280 top shelf").
Ounces of a product counted in ml are fluid ounces ("4oz of lean").

A price after an old-price marker ("avant", "au lieu de", "was") is skipped; an amount after a
threshold ("mini", "à partir de", "+", "over") is a minimum order, not a price, unless a per-unit
phrase follows; a quantity marked as a gift ("offert", "free") has no price; pay for a job
("150€ la soirée") is not a price. Each point attaches to the product named on its line (the
nearest mention before it), else to the nearest product line above in the same block (its last
product that is not a gift: "buy 2g ❄️ get a free 8th 🍁" then "£70 a g" is cocaine); a point
with no product is dropped. Bare numbers take the post's currency (the symbol most used in the post,
else EUR for French and GBP for English posts).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import partial
from typing import Any

from ..core import Analysis, Finding
from ..lexicon import lexicon_file
from ..normalize import tokenize
from .base import Analyser
from .money import dollar_code, post_currency, street_prices
from .price_grammar import (
    Point,
    Tok,
    _clean,
    _is_header,
    _menu_pill,
    line_tokens,
    load_grammar,
    voice_note,
    whole_words,
)
from .price_line import NAMED_AMOUNTS, LineParser
from .price_notes import note_points
from .price_products import product_for
from .price_tables import product_columns, product_row, quantity_row

# `Finding(...)` (and `Analysis.add_norm`, which makes one) runs Python-level calls; this builds the
# same tuple in C from all eight fields, appended to `a.findings` as `Analysis.add` does
_finding = partial(tuple.__new__, Finding)

_DIGIT = re.compile(r"\d")
BARE_CEILING = 15  # see PriceAnalyser.ceiling
STATED_CEILING = 60  # the same for a price with its currency: "Birkin ❄️ 14 000€" is no gram of cocaine
# The lowest price by weight a product may have: its street price per gram divided by this. Scams
# offer a tenth of it ("1 kg of herb for 900 €"), nobody a hundredth: "hareng 6€ le kg" beside a 🐟,
# "Pas-de-Calais 62 : 5 à 10 cm" beside a ❄️ are no price of a drug.
MASS_FLOOR = 100
_GRAMS = {"g": 1.0, "kg": 1000.0}
_LIQUID_OK = frozenset({"cannabis_concentrate"})  # THC oil, distillate: sold by weight or by the ml


def _segment_start(text: str, line_start: int, pos: int) -> int:
    """Where the menu segment holding `pos` starts on its line: after the last "/", "|", ",", "•"
    or "·", or the last emoji ("carts £25 🔥 wax 1g £30")."""
    for i in range(pos - 1, line_start - 1, -1):
        ch = text[i]
        if ch in "/|,•;·" or ord(ch) >= 0x2600:
            return i + 1
    return line_start


_CART_RE = re.compile(r"\b(?:vapes?|carts?|cartouches?|pods?|pens?|puffs?|tanks?)\b")  # on the normalised text
# powders sold by the gram, for which a bare "half" is half a gram
_BY_THE_GRAM = frozenset({"cocaine", "crack", "heroin", "ketamine", "mdma", "methamphetamine", "amphetamine",
                          "cathinones"})
_SEGMENT_BREAK = re.compile(r"[,.;|/\n]|\s(?:or|and)\s")  # between two items of a list
# between two products counted into one order: a plus, "and", "et", then the next count ("2 brown + 1 white")
_BUNDLE_GAP = re.compile(r"[ \t]*(?:\+|&|and|n|et|with|avec)?[ \t]*(?:\d{1,2}(?:g|gr)?[ \t]*(?:(?:de|d'|of)[ \t]*)?)?")
# a count before a product: "2 ", "1g ", "3x " (not "24/7 ", "£90 ", nor a price after a quantity, "10g 45 ")
_COUNT_BEFORE = re.compile(r"(?<![/\d:.,£$€])\b\d{1,2}(?:g|gr)?[ \t]*(?:x[ \t]*)?(?:(?:de|d'|of)[ \t]*)?$")
_QTY_END = re.compile(r"\d[ \t]?(?:g|gr|kg|ml|mg)?[ \t]$")
_TO_PRICE = re.compile(r"[ \t]*(?:for|=|:|pour|->|➡️?|→|➜)[ \t]*")  # from the last product to its price
_HALF_RE = re.compile(r"\bhalf\b(?!\s?(?:an?\s)?(?:oz|o|ounce|ounces|zip|zips|o's|p)\b)")
_MULTI_BUY_RE = re.compile(r"\d (?:for|pour) ")  # a count for a price ("2 for £55"), read with the point before


class PriceAnalyser(Analyser):
    name = "prices"
    languages = ("fr", "en")
    requires = ("products", "places", "phones")  # places and phones tell which dollar "$" is (money.py)
    provides = ("prices", "products")  # (a product no word names, priced: "£45 an eighth")
    version = "1"

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(options)
        self.g = load_grammar(str(lexicon_file("common", "units")))
        self.lines = LineParser(self.g)
        # the highest unit price (EUR) a bare number may be: BARE_CEILING times the street price
        ref = street_prices()
        self.to_eur = ref.rates
        self.retail = {key: retail for key, (retail, _floor) in ref.refs.items()}
        self.ceiling = {key: retail * BARE_CEILING for key, retail in self.retail.items()}
        self.stated_ceiling = {key: retail * STATED_CEILING for key, retail in self.retail.items()}

    # -- tokens ----------------------------------------------------------------------------

    def tokens(self, text: str, start: int, end: int, prod_spans: list[tuple[int, int]]) -> list[Tok]:
        return line_tokens(self.g, text, start, end, prod_spans)

    def parse_line(self, toks: list[Tok], sizes: dict[str, float] | None = None) -> list[Point]:
        """The price points of one line (see `price_line`). `sizes` carries container volumes
        across the lines of a post ("bouteille 33cl ➜ 30€" then "2 bouteilles ➜ 55€" is 660 ml)."""
        return self.lines.parse(toks, sizes)

    # -- the post --------------------------------------------------------------------------

    def analyse(self, a: Analysis) -> None:
        info = a.notes.get("product_lines")
        if not info:
            return
        # a post that names no product is priced only by the amounts of herb ("€45 an eighth")
        unnamed = not info.get("mentions")
        if unnamed and self.g.cannabis_measure_firsts.isdisjoint(a.norm.words):
            return
        text = a.norm.text
        # "dix euros le gramme": digits, same offsets. A number in words starts after a non-word
        # character and ends before a space, a dash or a non-word character, so it is a whole
        # token of the shared tokens unless an underscore joins it to its neighbour ("x_dix")
        if "_" in text or not self.g.number_words.keys().isdisjoint(a.norm.words):
            # a post with no digit and three numbers in words or more writes all its numbers so
            # (a voice note transcribed: "du shit à cinquante les dix")
            # (a transcript says so, and may keep a phone in digits; else no digit and three numbers in words)
            voice = voice_note(text)
            spoken = (voice or not _DIGIT.search(text)) and sum(
                w in self.g.number_words for w in a.norm.words) >= (1 if voice else 3)
            text = self.g.spell_out(text, everywhere=spoken)
        digit = _DIGIT.search
        if not digit(text):
            return
        lines: list[tuple[int, int]] = info["lines"] or list(a.norm.lines())
        mentions: dict[int, list[tuple[int, int, str, str | None]]] = info["mentions"]
        found: list[tuple[int, Point]] = []
        sizes: dict[str, float] = {}
        header: list[Tok] | None = None  # the quantities heading the columns of a price table
        columns: list[str] | None = None  # the products heading the columns of one (price_tables)
        forced: dict[int, str] = {}  # index in `found` -> the product of its column
        notes = any(m[2] == "counterfeit_money" for ms in mentions.values() for m in ms)
        for li, (s, e) in enumerate(lines):
            if s == e or not digit(text, s, e):
                header = None
                columns = product_columns(text, s, e, [m[2] for m in mentions.get(li, ())]) if s != e else None
                continue
            spans = [(ms, me) for ms, me, _, _ in mentions.get(li, ())]
            toks = self.tokens(text, s, e, spans)
            if not spans and _is_header(toks):
                header = [t for t in toks if t.kind in ("QTY", "NAMED")]
                continue
            if header is not None:
                row = quantity_row(toks, header, text, s, e)  # "🍫 Jaune 10 45 80" under "1g 5g 10g"
                if row is not None:
                    found.extend((li, p) for p in row)
                    continue
                header = None
            if columns is not None:
                by_column = product_row(toks, columns, text)  # "4oz £560 £420" under "QTY FLOWER SOLID"
                if by_column is not None:
                    for p, product in by_column:
                        forced[len(found)] = product
                        found.append((li, p))
                    continue
                columns = None
            if notes and (batches := note_points(text, s, e)):
                found.extend((li, p) for p in batches)  # "10x $100 bills for $250": notes, not prices
                continue
            for p in self.parse_line(toks, sizes):
                found.append((li, p))
        if not found:
            return
        currency = post_currency(a, [p.currency for _, p in found])
        g = self.g
        norm = a.norm
        last: tuple[int, str, float, str, str] | None = None  # line, product, quantity, unit, rule of the last point
        dollar: str | None = None  # the code of "$", found when a point first needs it
        herb_list: bool | None = None  # an unnamed post listing amounts of herb, found when needed
        named: set[str] | None = None  # the products the post's words name, found when first needed
        # the first line naming a product (no bag nor eighth before it borrows a product named later)
        first_named = -1 if unnamed else min((k for k, v in mentions.items() if v), default=len(lines))
        for x, (li, p) in enumerate(found):
            prod = ((forced[x], None) if x in forced
                    else product_for(li, p, lines, mentions, text, g.free_re) if not unnamed else None)
            if (li <= first_named
                    and ((p.unit == "bag" and (p.currency == "GBP" or (a.lang == "en" and p.currency == "EUR")))
                         or (p.unit == "g" and p.quantity in NAMED_AMOUNTS and self._herb_measure(text, p)))
                    and (not mentions.get(li) or (mentions[li][0][0] >= p.end
                                                  and _SEGMENT_BREAK.search(text, p.end, mentions[li][0][0])))):
                # "tenner bags, carts £35", "£10 bags" atop a menu (in Britain and Ireland a bag of no
                # product named before it is weed), "half zips $80, coke ...": herb
                prod = ("cannabis_herb", None)
            if prod is None:
                if not unnamed:
                    continue
                if not self._herb_measure(text, p):
                    # "8th 30 quarter 55 half 100": a quarter or a half among amounts of herb
                    if herb_list is None:
                        herb_list = any(self._herb_measure(text, q) for _, q in found)
                    if not (herb_list and p.unit == "g" and p.quantity in (7.0, 14.0)):
                        continue
                prod = ("cannabis_herb", None)
            product, hint = prod
            if mentions.get(li) and _bundled(text, p, mentions[li], product):
                continue  # "2 brown + 1 white for £25", "2 white 2 brown = £40": a bundle's price, no unit price
            default = g.default_unit.get(product, "unit")
            unit = p.unit or hint or default
            qty = p.quantity
            if (unit == "g" and p.unit is None and hint is None and qty <= 10 and (product, "pill") in self.retail
                    and p.price / qty * self.to_eur.get(p.currency or currency, 1.0)
                    < 0.4 * self.retail.get((product, "g"), 0.0)):
                unit = "pill"  # "MDMA 3 pour 30": far too cheap for grams of it, so pills
            if (p.unit is None and hint is None and unit == "g" and last is not None and last[:2] == (li, product)
                    and last[3] == "g" and last[2] in NAMED_AMOUNTS and qty in (2.0, 3.0, 4.0, 5.0)
                    and _MULTI_BUY_RE.search(text, p.start, p.end)):
                qty *= last[2]  # "8ths £30, 2 for £55": two eighths, not two grams
            elif (p.unit is None and hint is None and last is not None and last[1] == product
                    and li - 1 <= last[0] <= li and last[3] == "bag" and last[2] == 1.0 and qty in (2.0, 3.0, 4.0, 5.0)
                    and _MULTI_BUY_RE.search(text, p.start, p.end)):
                unit = "bag"  # "£10 bags all day / 2 for £18": two bags (on its line or the next)
            if unit in ("?", "?p"):  # a lone price: one piece of a product sold by the piece
                beside, unit = unit == "?p", hint or default
                if unit not in g.sold_by_piece and beside and unit == "g" and last is not None \
                        and last[3] == "g" and last[4] == "per_unit":
                    qty = last[2]  # "11€ le gramme pour l'herbe et 8€ pour la résine": the gram written once
                elif unit not in g.sold_by_piece:
                    # "zips $200 midgrade $280 top shelf": the amount of the point before it
                    if (not beside or last is None or last[:2] != (li, product) or last[3] not in ("g", "kg")
                            or last[4] != "quantity_price"):
                        continue
                    qty, unit = last[2], last[3]
            elif unit == "?1":  # a bare price after a product sold by weight: one gram
                unit = "g"
                if (p.currency and last is not None and last[:2] == (li, product) and last[3] == "g"
                        and last[2] in NAMED_AMOUNTS and last[4] == "quantity_price"):
                    qty = last[2]  # "zips of mids $120, exotics $250": the same amount
                elif default != "g" or hint not in (None, "g"):
                    # "ecsta 10€ /", "💊 Ecsta Tesla ..... 15": one piece of a product sold by the piece
                    # (a bare number only after an arrow or dots: "Xanax 2" is a dose)
                    unit = hint or default
                    if unit not in g.sold_by_piece or (p.currency is None and p.rule != "product_arrow_price"
                                                       and not _menu_pill(product, p, len(found), text)):
                        continue
            elif unit in ("g", "kg", "ml") and product in self.g.mass_is_size:  # "Smartwhip 2L ➜ 45€"
                unit, qty = hint or self.g.default_unit.get(product, "unit"), 1.0
            elif unit == "g" and (hint or default) == "ml":  # "4oz of lean": fluid ounces
                qty = round(qty / 28 * g.fl_oz) if qty % 3.5 == 0 else qty  # (to the whole ml: 4 oz is 118 ml)
                unit = "ml"
            if (qty == 14.0 and unit == "g" and product in _BY_THE_GRAM and _HALF_RE.search(text, p.start, p.end)
                    and not (last is not None and last[1] == product and last[3] == "g" and last[2] in (3.5, 7.0))):
                # "Charlie £80 g / £50 half": half a gram of a powder, not half an ounce (but after an
                # eighth, "g $30 | 8ball $120 | half $350", the half ounce)
                qty = 0.5
            if product == "lsd" and unit == "pill":
                unit = "blotter"
            elif product != "lsd" and unit == "blotter":
                unit = "pill"
            if qty <= 0 or p.price <= 0:
                continue
            if unit == "ml" and default == "g" and product not in _LIQUID_OK:
                continue  # "10ml = 13€" is not for the resin named on another line
            if unit == "ml" and qty <= 2 and _CART_RE.search(text, lines[li][0], p.start):
                unit, qty = "unit", 1.0  # "Vape THC 1ml : 45€": a cart is sold by the piece (SCHEMA)
            elif unit == "g" and qty <= 1 and product == "cannabis_concentrate" and _CART_RE.search(
                    text, _segment_start(text, lines[li][0], p.start), p.end):
                unit, qty = "unit", 1.0  # "carts 1g $25" (not "wax 1g $20" after carts on the line): a piece
            cur = p.currency or currency
            if cur == "USD":  # "$": the dollar of the post's country ("Yorkton ... e-transfer": CAD)
                if dollar is None:
                    dollar = "USD" if ("usd" in text or "us$" in text) else dollar_code(a)
                cur = dollar
            eur = p.price / qty * self.to_eur.get(cur, 1.0)
            if eur > (self.ceiling if p.currency is None else self.stated_ceiling).get((product, unit), 1e9):
                continue  # "ZAMAL PÉI 974", "Birkin ❄️ 14 000€": far above any street price, no price of it
            if unit in _GRAMS and eur * MASS_FLOOR < self.retail.get((product, "g"), 0.0) * _GRAMS[unit]:
                continue  # far below any street price by weight: fish or snow, no drug
            last = (li, product, qty, unit, p.rule)
            shown_qty, shown_price = _clean(qty), _clean(p.price)
            value = {"product": product, "quantity": shown_qty, "unit": unit, "price": shown_price, "currency": cur}
            # what `a.add_norm` does, the Finding built in C (see `_finding`)
            ps, pe = (p.start, p.end) if text is norm.text else whole_words(norm.text, p.start, p.end)
            start, end = norm.span(ps, pe)
            a.findings.append(_finding((
                "prices", value, start, end, self.name, f"prices:{p.rule}", 1.0,
                f"price point: {shown_qty} {unit} of {product} for {shown_price} {cur} (grammar rule {p.rule})")))
            if named is None:
                named = {m[2] for ms in mentions.values() for m in ms}
            if product not in named:  # "£45 an eighth", "£10 bags": a product no word names, priced
                named.add(product)
                a.findings.append(_finding((
                    "products", product, start, end, self.name, "prices:product", 1.0,
                    f"{product}: what the price point {text[p.start:p.end]!r} is for (no word names it)")))


    def _herb_measure(self, text: str, p: Point) -> bool:
        """The point's amount is one only herb is sold by ("€45 an eighth", "half oz €160")."""
        words = tokenize(text[p.start:p.end])
        measures = self.g.cannabis_measures
        return any(w in measures or " ".join(words[k:k + 2]) in measures or " ".join(words[k:k + 3]) in measures
                   for k, w in enumerate(words))



def _bundled(text: str, p: Point, line: list[tuple[int, int, str, str | None]], product: str) -> bool:
    """A point priced for a bundle: two products or more counted into one order, a plus or an "and"
    between ("2 brown + 1 white for £25", "2 white 2 brown = £40", "$100 = 2 caps + 2 tabs + 1g K"),
    the price right after them ("= £40", "for £25") or before them ("$100 = 2 caps..."). The price is the
    whole order's, no unit price of either ("dark 10 white 10", "coke 70 shit 10" price each: no count
    before the first, or a number right after a product, its price)."""
    ordered = sorted(line)
    for (s1, e1, v1, _), (s2, e2, v2, _) in zip(ordered, ordered[1:], strict=False):
        if v1 == v2 or _BUNDLE_GAP.fullmatch(text, e1, s2) is None:
            continue
        count = _COUNT_BEFORE.search(text, max(0, s1 - 10), s1)
        if count is None or any(count.start() - 4 <= e0 <= count.start() for _, e0, _, _ in ordered) or \
                _QTY_END.search(text, max(0, count.start() - 6), count.start()):
            continue  # (no count, or a number after a product: its price, "beuh 10 shit 8 coke 70")
        start, end = count.start(), e2
        # (a point across the bundle's first or last end, or priced right after it)
        if p.start < start < p.end or p.start < end < p.end or (
                p.start >= end and _TO_PRICE.fullmatch(text, end, p.start)):
            return True
    return False
