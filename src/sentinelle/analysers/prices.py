"""Prices: the unit prices a sale post states, attached to the product they are for.

The notation vocabulary (units, named amounts, containers, currencies, and the markers for old
prices, thresholds, gifts and job pay) is data: `data/common/units.toml`. This module holds the
grammar. Each line of the normalised text is cut into typed tokens by one compiled regex:

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
from bisect import bisect_left
from collections.abc import Mapping
from functools import partial
from operator import attrgetter
from typing import Any

from ..core import Analysis, Finding
from ..lexicon import lexicon_file
from ..normalize import tokenize
from .base import Analyser
from .money import dollar_code, post_currency, street_prices
from .price_grammar import (
    _ARTICLE_SEP,
    _CONJ,
    _FACE_VALUES,
    _OLD_FILLER,
    _PASSIVE,
    _PIECE_UNITS,
    _PRODUCT_ARTICLES,
    _SEGMENT_END,
    _SEP_ARROW,
    _SEP_EQ,
    _SEP_NEW,
    _SEP_P3,
    _USUAL_QTY,
    COPULA,
    VOICE_RE,
    Point,
    Tok,
    _clean,
    _is_header,
    _leader,
    _menu_pill,
    _next_listed,
    buyers_count,
    count_before_product,
    count_of,
    line_tokens,
    load_grammar,
    whole_words,
)
from .price_notes import note_points
from .price_products import product_for
from .price_tables import product_columns, product_row, quantity_row

# Pay markers that, after a quantity and its price, name the delivery on offer, not a job's pay
# ("Beuh 10g 80€ livraison Lyon"); alone after a price they stay pay ("150€ la livraison").
_DELIVERY_WORDS = frozenset({"livraison", "course"})


# `Finding(...)` (and `Analysis.add_norm`, which makes one) runs Python-level calls; this builds the
# same tuple in C from all eight fields, appended to `a.findings` as `Analysis.add` does
_finding = partial(tuple.__new__, Finding)

_DIGIT = re.compile(r"\d")
BARE_CEILING = 15  # see PriceAnalyser.ceiling
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
_HALF_RE = re.compile(r"\bhalf\b(?!\s?(?:an?\s)?(?:oz|o|ounce|ounces|zip|zips|o's|p)\b)")
_MULTI_BUY_RE = re.compile(r"\d (?:for|pour) ")  # a count for a price ("2 for £55"), read with the point before
_NAMED_AMOUNTS = frozenset({3.5, 7.0, 14.0, 28.0, 56.0, 112.0, 224.0, 448.0})  # 8th, Q, half, oz... in g
_BARE_WEIGHTS = frozenset({3.5, 7.0, 14.0, 28.0})  # the weights a "£40 / 3.5" leaves without their unit
_START = attrgetter("start")




class PriceAnalyser(Analyser):
    name = "prices"
    languages = ("fr", "en")
    requires = ("products", "places", "phones")  # places and phones tell which dollar "$" is (money.py)
    provides = ("prices", "products")  # (a product no word names, priced: "£45 an eighth")
    version = "1"

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(options)
        self.g = load_grammar(str(lexicon_file("common", "units")))
        # the highest unit price (EUR) a bare number may be: BARE_CEILING times the street price
        ref = street_prices()
        self.to_eur = ref.rates
        self.retail = {key: retail for key, (retail, _floor) in ref.refs.items()}
        self.ceiling = {key: retail * BARE_CEILING for key, retail in self.retail.items()}

    # -- tokens ----------------------------------------------------------------------------

    def tokens(self, text: str, start: int, end: int, prod_spans: list[tuple[int, int]]) -> list[Tok]:
        return line_tokens(self.g, text, start, end, prod_spans)

    # -- grammar ---------------------------------------------------------------------------

    def _qty_at(self, toks: list[Tok], i: int) -> tuple[float, str | None, int] | None:
        """A quantity starting at token i: (quantity, unit or None, index after it)."""
        t = toks[i]
        n = len(toks)
        k = t.kind
        if k == "QTY":
            return t.value, t.unit, i + 1
        if k == "TIMES":
            return t.value, None, i + 1
        if (k == "NUM" and t.value == int(t.value) and 2 <= t.value <= 20 and i + 1 < n
                and toks[i + 1].kind == "NAMED" and toks[i + 1].start > t.end):
            return t.value * toks[i + 1].value, toks[i + 1].unit, i + 2  # "2 points $90", "2 8ths £50"
        if k == "NUM" and (t.value != int(t.value) or t.value in _NAMED_AMOUNTS) and i + 1 < n \
                and toks[i + 1].kind == "PRICE":
            return t.value, None, i + 1  # "top shelf 3.5 £40", "7 £60 / 14 £110": the eighth ladder
        if (k == "NUM" and t.value in _NAMED_AMOUNTS and t.value != int(t.value) and i + 3 < n
                and toks[i + 1].kind == "SEP" and toks[i + 1].unit in ("of", "de") and toks[i + 2].kind == "PROD"
                and toks[i + 3].kind == "PRICE"):
            return t.value, "g", i + 1  # "3.5 of Blue Dream €20": an eighth, named by its grams
        if k == "COUNT":
            j = i + 1
            if j + 1 < n and toks[j].kind == "SEP" and toks[j].unit == "de" and toks[j + 1].kind == "NUM":
                j += 2  # "10 billets de 50": the denomination
            return t.value, t.unit, j
        if k == "NAMED":
            j = i + 1
            if (j + 2 < n and toks[j].unit == "(" and toks[j + 1].kind in ("NUM", "QTY")
                    and toks[j + 2].unit == ")"):
                return (toks[j + 1].value, "g", j + 3) if toks[j + 1].kind == "NUM" else (
                    toks[j + 1].value, toks[j + 1].unit, j + 3)
            return t.value, t.unit, j
        if k == "CONT":
            if t.unit == "banknote":
                t = t._replace(unit="unit")
            j = i + 1
            if j < n and toks[j].kind == "QTY":  # "la bouteille 50cl", "la plaquette 100g"
                return toks[j].value, toks[j].unit, j + 1
            if j + 1 < n and toks[j].kind == "SEP" and toks[j].unit == "de" and toks[j + 1].kind == "NUM":
                return toks[j + 1].value, t.unit, j + 2  # "plaquette de 14"
            return 1.0, t.unit, j
        if k == "PER":  # "le G = 90", "la part : 15 €", "la boîte de 56"
            if (i + 2 < n and toks[i + 1].kind == "SEP" and toks[i + 1].unit == "de"
                    and toks[i + 2].kind == "NUM"):
                return toks[i + 2].value, t.unit, i + 3
            return t.value, t.unit, i + 1
        if (k == "SEP" and t.unit in _ARTICLE_SEP and i + 1 < n and toks[i + 1].kind == "NUM"
                and not (i + 2 < n and toks[i + 2].kind == "SEP" and toks[i + 2].unit == ",")
                and not (i + 3 < n and toks[i + 2].kind == "SEP" and toks[i + 2].unit in ("pour", "for")
                         and toks[i + 3].kind == "PER")):
            # "les 2 ➜ 60€"; not "sur le 93, 100€ hors 93", a department then another amount, nor
            # "t'as les 80 pour le gramme", a price
            return toks[i + 1].value, None, i + 2
        if k == "NUM" and i + 1 < n and toks[i + 1].kind == "SEP" and (
                toks[i + 1].unit in _SEP_EQ
                # dots leading to the price: a weight with decimals, or a number that opens the line
                # ("3.5 ...... £220", "❄️ 0,5 …… 40€"; not a dose, "Lyrica 300 ........ 3€", "Subu 8 .... 10€")
                or (_leader(toks[i + 1].unit) and (t.value != int(t.value) or i == 0))):
            return t.value, None, i + 1  # "0,5 = 40", "3 pour 50"
        return None

    def _price_after(self, toks: list[Tok], j: int, bare_ok: bool) -> tuple[int, Tok] | None:
        """The price that follows a quantity: separators, product names and at most two words
        may come between; a gift, a threshold, an old price or another quantity stops it."""
        n = len(toks)
        words = 0
        seps = 0
        copula = False
        while j < n:
            t = toks[j]
            k = t.kind
            if k in ("PRICE", "NUM") and j + 2 < n and toks[j + 1].kind == "SEP" and toks[j + 1].unit in _SEP_NEW \
                    and toks[j + 2].kind == k and toks[j + 2].value < t.value:
                j += 2  # "zips $220 → $190": the price before the arrow is the old one
                t = toks[j]
            if k == "PRICE":
                if j + 1 < n and toks[j + 1].kind == "PAY" and toks[j + 1].unit not in _DELIVERY_WORDS:
                    return None  # pay ("3 soirs 150€ soiree"); "10g 80€ livraison Lyon" stays a price
                if j + 1 < n and toks[j + 1].kind == "FREE":
                    return None
                return j, t
            if k == "NUM":
                after = toks[j + 1].kind if j + 1 < n else ""
                if after == "SEP" and toks[j + 1].unit in ("pour", "for", "=") and j + 2 < n \
                        and toks[j + 2].kind in ("PRICE", "NUM"):
                    return None  # "pills 100 for £150": 100 is the count of the next point
                glued_slash = toks[j + 1].unit == "/" and toks[j + 1].start == t.end if after == "SEP" else False
                if after == "SEP" and (toks[j + 1].unit in _SEP_EQ or glued_slash) and j + 2 < n \
                        and toks[j + 2].kind == "PRICE":
                    return None  # "Taz 💊 : 3 ➝ 25 balles": 3 pills for 25, not one at 3; "carts 2/$50"
                if after == "PRICE" or (after == "SEP" and toks[j + 1].unit == "x" and j + 2 < n
                                        and toks[j + 2].kind == "PRICE"):
                    return None  # "billets | 10×20€ = 60€": 10 is the count of the next point
                # a bare number right after the quantity; or after "à" ending a short phrase about
                # it ("le 10g de critical passe a 60")
                at = copula and toks[j - 1].kind == "SEP" and toks[j - 1].unit in ("a", "à")
                if bare_ok and (words == 0 or (at and words == 1)) and seps <= 3 and after not in ("FREE", "PAY"):
                    return j, t
                return None
            if k in ("SEP", "PROD"):
                seps += 1
            elif k == "WORD":
                if t.unit not in COPULA:  # "le 10g est à 80", "the Q is 45"
                    words += 1
                else:
                    copula = True
                if words > 2:
                    return None
            elif k == "OLD" and j + 1 < n and toks[j + 1].kind in ("PRICE", "NUM"):
                j += 1  # "(soit 1000€)", "(avant 10)": not this point's price
            else:
                return None
            j += 1
        return None

    def parse_line(self, toks: list[Tok], sizes: dict[str, float] | None = None) -> list[Point]:
        """The price points of one line. `sizes` carries container volumes across the lines of a
        post ("bouteille 33cl ➜ 30€" then "2 bouteilles ➜ 55€" is 660 ml)."""
        if sizes is None:
            sizes = {}
        g = self.g
        pts: list[Point] = []
        n = len(toks)
        i = 0
        skip_next_price = False
        threshold = False
        while i < n:
            t = toks[i]
            k = t.kind
            if k == "PROD":
                threshold = False  # "40 le g + ❄️ 80": a plus between two points, no threshold
                skip_next_price = False  # "avant le festival 🎶 MD 40€/g": no old price of the MD
            elif k == "WORD" and skip_next_price and t.unit not in _OLD_FILLER:
                skip_next_price = False
            if k in _PASSIVE or (k == "SEP" and t.unit not in _ARTICLE_SEP):
                # a word, a product or a separator (not an article: "les 2 ➜ 60€") starts no point and
                # resets no marker: the rules below only look at it from the tokens around it
                i += 1
                continue
            # P1d: a count, "/", its price ("carts $35 or 3/$100", "carts 2/$50": read first, the count is no price)
            if (k == "NUM" and t.value == int(t.value) and 2 <= t.value <= 20 and i + 2 < n
                    and toks[i + 1].kind == "SEP" and toks[i + 1].unit == "/" and toks[i + 1].start == t.end
                    and toks[i + 2].kind == "PRICE" and toks[i + 2].start == toks[i + 1].end):
                pr = toks[i + 2]
                pts.append(Point(t.start, pr.end, t.value, None, pr.value, pr.unit, "quantity_price"))
                i += 3
                continue
            # PF: a count at a face value, then the price ("10×20€ = 60€", "50 x $20 bills for $250")
            if k == "NUM" and t.value == int(t.value):
                j = i + 2 if i + 1 < n and toks[i + 1].kind == "SEP" and toks[i + 1].unit == "x" else i + 1
                if (j < n and toks[j].kind == "TIMES" and toks[j].value in _FACE_VALUES and j + 2 < n
                        and toks[j + 1].kind == "SEP" and toks[j + 1].unit in _SEP_EQ and toks[j + 2].kind == "PRICE"
                        and toks[j + 2].value < t.value * toks[j].value):
                    # "10 x 20€ → 60€": ten notes of 20 for less than their face value
                    pr = toks[j + 2]
                    pts.append(Point(t.start, pr.end, t.value, None, pr.value, pr.unit, "count_face_value"))
                    i = j + 3
                    skip_next_price = threshold = False
                    continue
                if j < n and toks[j].kind == "PRICE":
                    j += 1
                    if j < n and (toks[j].unit == "banknote"
                                  or (toks[j].kind == "WORD" and toks[j].unit in g.banknotes)):
                        j += 1
                    if (j + 1 < n and toks[j].kind == "SEP" and toks[j].unit in _SEP_EQ
                            and toks[j + 1].kind == "PRICE"):
                        pr = toks[j + 1]
                        pts.append(Point(t.start, pr.end, t.value, None, pr.value, pr.unit, "count_face_value"))
                        i = j + 2
                        skip_next_price = threshold = False
                        continue
            if (k == "PRICE" and t.value in _FACE_VALUES and i + 3 < n and toks[i + 1].kind == "TIMES"
                    and toks[i + 2].kind == "SEP" and toks[i + 2].unit in _SEP_EQ and toks[i + 3].kind == "PRICE"
                    and toks[i + 3].value < t.value * toks[i + 1].value):
                pr = toks[i + 3]  # "Coupures de 20€ x50 = 250€": fifty notes of 20 for 250
                pts.append(Point(t.start, pr.end, toks[i + 1].value, None, pr.value, pr.unit, "count_face_value"))
                i += 4
                continue
            if k == "OLD":
                skip_next_price = True
                i += 1
                continue
            if k == "CONT" and t.unit == "banknote" and i + 1 < n:
                # "faux billets de 50€" (a product's span may take "de 50"), "billets 20 et 50",
                # "billets de 20 et de 50": face values, not prices
                j = i + 1
                while j < n and (toks[j].kind in ("PRICE", "NUM") and toks[j].value in _FACE_VALUES
                                 or (toks[j].kind in ("SEP", "WORD") and toks[j].unit in ("de", "of", "et", "and", "&"))
                                 or toks[j].kind == "PROD"):
                    j += 1
                if any(toks[x].kind in ("PRICE", "NUM") for x in range(i + 1, j)) and not (
                        j < n and toks[j].kind == "SEP" and toks[j].unit in _SEP_EQ):
                    i = j
                    continue
            if k == "THRESHOLD":
                threshold = True
                i += 1
                continue
            if k in ("PRICE", "NUM") and (skip_next_price or threshold):
                was_thr = threshold and not skip_next_price
                skip_next_price = threshold = False
                if was_thr and i + 1 < n and toks[i + 1].kind == "PER":  # "à partir de 8€ le g"
                    pts.append(self._point(t, toks[i + 1], toks[i + 1].value, toks[i + 1].unit, "per_unit"))
                    i += 2
                    continue
                i += 1
                continue
            if k == "FREE":
                i += 1
                continue
            if k not in ("SEP", "PROD", "WORD"):
                threshold = False
            # P2: price per unit
            if ((k == "PRICE" or (k == "NUM" and t.value >= 5)) and i + 2 < n and toks[i + 1].kind == "SEP"
                    and toks[i + 1].unit in ("for", "pour")
                    and toks[i + 2].kind == "PER" and not (i and toks[i - 1].unit == "do")):
                # "$50 for a quarter" (not "can't do $200 for the zip": the buyer's offer, refused)
                pts.append(self._point(t, toks[i + 2], toks[i + 2].value, toks[i + 2].unit, "per_unit"))
                i += 3
                continue
            if k in ("PRICE", "NUM") and i + 1 < n and toks[i + 1].kind in ("PER", "CONT"):
                per = toks[i + 1]
                if per.kind == "CONT" and per.unit == "banknote":  # "£20 notes": a denomination
                    i += 2
                    continue
                counted = i + 3 < n and toks[i + 2].unit == "de" and toks[i + 3].kind == "NUM"
                if (k == "PRICE" and per.kind == "PER" and per.unit in ("blotter", "pill", "unit") and per.value == 1
                        and i + 3 < n and toks[i + 3].kind == "NUM" and 1 < toks[i + 3].value <= 1000
                        and toks[i + 3].value == int(toks[i + 3].value)
                        and (toks[i + 2].unit == "de" or (toks[i + 2].unit == "(" and i + 4 < n
                                                          and toks[i + 4].unit == ")"))
                        # (not "10€ la plaquette de 7 à 50": the pack has its own price after it)
                        and not (toks[i + 2].unit == "de" and i + 4 < n and (
                            toks[i + 4].kind in ("NUM", "PRICE")
                            or (toks[i + 4].kind == "SEP" and toks[i + 4].unit in ("a", "at", "pour", "for"))))):
                    # "$80 a strip of 10", "$600 a sheet(100)": a pack of pieces and its count
                    q3 = toks[i + 3]
                    pts.append(self._point(t, q3, q3.value, per.unit, "per_unit"))
                    i += 4
                    continue
                if (k == "PRICE" or per.kind == "PER") and not counted:
                    if i + 3 < n and toks[i + 2].unit == "de" and toks[i + 3].kind == "QTY":
                        q3 = toks[i + 3]  # "70 la plaquette de 10g": the container's weight
                        pts.append(self._point(t, q3, q3.value, q3.unit, "per_unit"))
                        i += 4
                        continue
                    if not (i + 2 < n and toks[i + 2].kind == "FREE"):
                        unit = per.unit
                        if unit is None and i > 0 and toks[i - 1].kind == "CONT" and toks[i - 1].unit != "banknote":
                            unit = toks[i - 1].unit  # "molly caps $20 ea": each capsule
                        pts.append(self._point(t, per, per.value, unit, "per_unit"))
                    i += 2
                    continue
            # P3: price = quantity ("💶50 = 🍁6g", "40 les 5", "le 20 = 2g")
            nxt_sep = toks[i + 1].unit if i + 1 < n and toks[i + 1].kind == "SEP" else None
            after_article = i > 0 and toks[i - 1].kind == "SEP" and toks[i - 1].unit in _ARTICLE_SEP
            if k in ("PRICE", "NUM") and (nxt_sep in _SEP_P3 or (
                    k == "PRICE" and nxt_sep == "le" and i + 2 < n and toks[i + 2].kind == "QTY")) and (
                    k == "PRICE" or nxt_sep == "les" or (after_article and nxt_sep == "=")
                    or (nxt_sep == "=" and _bare_price_of_weight(toks, i))):
                # ("20€ le 2g de beuh": the price of that quantity)
                j = i + 2
                while j < n and toks[j].kind == "PROD":
                    j += 1
                if j < n and toks[j].kind in ("QTY", "COUNT", "NUM", "NAMED", "CONT"):
                    q = self._qty_at(toks, j) if toks[j].kind != "NUM" else (toks[j].value, None, j + 1)
                    if q and not (q[2] < n and toks[q[2]].kind == "FREE"):
                        qty, unit, nxt = q
                        if not (nxt < n and toks[nxt].kind in ("PRICE",)):
                            pts.append(Point(t.start, toks[nxt - 1].end, qty, unit, t.value,
                                             t.unit if k == "PRICE" else None, "price_for_quantity"))
                            i = nxt
                            continue
            # P3d: a price, "/" or "le", then its quantity ("100/10g", "50 le 5", "95 le 10")
            if k in ("PRICE", "NUM") and i + 2 < n and (
                    (nxt_sep == "/" and toks[i + 2].kind == "QTY" and toks[i + 1].start == t.end
                     and toks[i + 2].start == toks[i + 1].end)  # glued: "100/10g", not "40 / 1g 70"
                    # spaced, its quantity closing the line: "£50 / 5g", "£35 / 8th"
                    or (nxt_sep == "/" and k == "PRICE" and toks[i + 2].kind in ("QTY", "NAMED")
                        and (i + 3 == n or toks[i + 3].kind in _PASSIVE))
                    or (nxt_sep == "/" and k == "NUM" and _bare_price_of_weight(toks, i))  # "🌿 45 / 5g"
                    or (nxt_sep in ("le", "la") and toks[i + 2].kind == "NUM" and toks[i + 2].value in _USUAL_QTY
                        and toks[i + 2].value < t.value)):  # ("80 la 1 / 150 la 2": la dose)
                q2 = toks[i + 2]
                pts.append(Point(t.start, q2.end, q2.value, q2.unit, t.value, t.unit if k == "PRICE" else None,
                                 "price_for_quantity"))
                i += 3
                continue
            # P3e: an explicit price "per"/"les" an amount ("£15 per 10ml", "20€ les 3g")
            if (k == "PRICE" and i + 2 < n and toks[i + 1].kind in ("SEP", "WORD")
                    and toks[i + 1].unit in ("per", "les") and toks[i + 2].kind == "QTY"):
                q2 = toks[i + 2]
                pts.append(Point(t.start, q2.end, q2.value, q2.unit, t.value, t.unit, "price_for_quantity"))
                i += 3
                continue
            # P2d: a bare price, "le"/"la", a product closing its segment ("7 le shit", "10 la beuh"):
            # one usual unit of that product
            if (k in ("PRICE", "NUM") and (k == "PRICE" or t.value >= 5) and i + 2 < n and nxt_sep in ("le", "la")
                    and toks[i + 2].kind == "PROD"
                    and (i + 3 == n or (toks[i + 3].kind == "SEP" and toks[i + 3].unit in _SEGMENT_END))):
                pts.append(Point(t.start, toks[i + 2].end, 1.0, "?1", t.value, t.unit if k == "PRICE" else None,
                                 "price_per_product"))
                i += 3
                continue
            # P1b: "le 5 à 40", "le 10 à 75": an amount after an article, "à", its price
            if (k == "NUM" and t.value in _USUAL_QTY and i + 2 < n and nxt_sep == "a"
                    and (after_article or (i == 0 or toks[i - 1].kind == "PROD" or toks[i - 1].unit in (",", "|", "/"))
                         and toks[i + 2].value >= 3 * t.value)  # ("la frappe est là, 3.5 à 35, 7 à 65")
                    and toks[i + 2].kind in ("NUM", "PRICE") and toks[i + 2].value > t.value):
                pr = toks[i + 2]
                pts.append(Point(t.start, pr.end, t.value, None, pr.value, pr.unit if pr.kind == "PRICE" else None,
                                 "quantity_price"))
                i += 3
                continue
            # P3c: a price then its quantity in brackets ("€70 (1g) €130 (2g)")
            if ((k == "PRICE" or (k == "NUM" and self._after_product(toks, i))) and i + 3 < n
                    and toks[i + 1].unit == "(" and toks[i + 2].kind in ("QTY", "NAMED") and toks[i + 3].unit == ")"):
                # (or a bare price after its product: "❄️ 70 (1g)")
                q2 = toks[i + 2]
                pts.append(Point(t.start, toks[i + 3].end, q2.value, q2.unit, t.value, t.unit, "price_for_quantity"))
                i += 4
                continue
            # P3d: a bare price "for" a mass ("10 for 1g, 50 for 6"; "20 pour 2g")
            if (k == "NUM" and t.value >= 5 and i + 2 < n and toks[i + 1].unit in ("for", "pour")
                    and toks[i + 2].kind in ("QTY", "PER", "NAMED") and toks[i + 2].unit in ("g", "kg")):
                # (also an amount with its article: "twenty-five for an eighth", "80 for a g")
                q2 = toks[i + 2]
                pts.append(Point(t.start, q2.end, q2.value, q2.unit, t.value, None, "price_for_quantity"))
                i += 3
                continue
            # P3f: an explicit price, a slash, then a usual weight in grams left bare ("Cali £40 / 3.5")
            if (k == "PRICE" and i + 2 < n and toks[i + 1].unit == "/" and toks[i + 2].kind == "NUM"
                    and toks[i + 2].value in _BARE_WEIGHTS and (i + 3 == n or toks[i + 3].kind == "SEP")):
                q2 = toks[i + 2]
                pts.append(Point(t.start, q2.end, q2.value, "g", t.value, t.unit, "price_for_quantity"))
                i += 3
                continue
            # P3b: an explicit price then a named amount or a mass, closing a segment ("gas $300 oz")
            if (k == "PRICE" and i + 1 < n and toks[i + 1].kind in ("NAMED", "QTY")
                    and (i + 2 == n or (toks[i + 2].kind == "SEP" and (toks[i + 2].unit in _SEGMENT_END
                                                                      or toks[i + 2].unit == "("))
                         or (i + 3 < n and toks[i + 2].kind == "PRICE" and toks[i + 3].kind in ("NAMED", "QTY"))
                         or (toks[i + 2].kind == "PROD" and toks[i + 1].start > t.end)  # "£45 g ❄️", "£25 8ths 🍃"
                         or (toks[i + 2].kind == "WORD" and toks[i + 1].unit == "g" and toks[i + 1].value == 1
                             and toks[i + 2].unit not in ("de", "of", "d'", "du"))  # "m-cat £15 g Hinckley only"
                         # "$35 8ths all weekend, $60 quarters": a named amount after its price, then words
                         or (toks[i + 1].kind == "NAMED" and toks[i + 2].kind == "WORD")
                         or (i > 0 and pts and pts[-1].rule == "price_for_quantity"
                             and pts[-1].end == toks[i - 1].end))):
                # also in a series written price first: "£80 G £150 2G"
                q2 = toks[i + 1]
                pts.append(Point(t.start, q2.end, q2.value, q2.unit, t.value, t.unit, "price_for_quantity"))
                i += 2
                continue
            # P2b: the unit, its product, then the price ("le gramme de blanche est à 65")
            if (k == "PER" and i + 2 < n and toks[i + 1].unit in ("de", "of") and toks[i + 2].kind == "PROD"):
                found = self._price_after(toks, i + 3, True)
                if found is not None:
                    pj, pt = found
                    pts.append(Point(t.start, pt.end, t.value, t.unit, pt.value,
                                     pt.unit if pt.kind == "PRICE" else None, "per_unit"))
                    i = pj + 1
                    continue
            # P1c: a container, its price, "=", what it holds ("POCHON 20 = 2G")
            if (k == "CONT" and t.unit == "bag" and i + 3 < n and toks[i + 1].kind == "NUM"
                    and toks[i + 2].kind == "SEP" and toks[i + 2].unit == "=" and toks[i + 3].kind == "QTY"):
                q3 = toks[i + 3]
                pts.append(Point(toks[i + 1].start, q3.end, q3.value, q3.unit, toks[i + 1].value, None,
                                 "price_for_quantity"))
                i += 4
                continue
            # P2c: a price "a" an amount of the eighth ladder ("shrooms £20 a 3.5")
            if (k == "PRICE" and i + 2 < n and toks[i + 1].kind == "SEP" and toks[i + 1].unit in ("a", "per")
                    and toks[i + 2].kind == "NUM" and toks[i + 2].value in _NAMED_AMOUNTS
                    and toks[i + 2].value != int(toks[i + 2].value)):
                q2 = toks[i + 2]
                pts.append(Point(t.start, q2.end, q2.value, None, t.value, t.unit, "per_unit"))
                i += 3
                continue
            # P1g: a count before a product's name, its dose, then the price ("50 Lyrica 300 = 60€",
            # "20 Rivotril = 120€", "1k blues $2500"): that many of the product's usual unit
            # (opening its segment: not "Paris 18 🪨 15e", "Roxy 30 blues $30", "TIER 2 💛 Frappe 10 = 80")
            if (k == "NUM" and t.value == int(t.value) and 2 <= t.value <= 10_000 and i + 2 < n
                    and toks[i + 1].kind == "PROD" and (i == 0 or toks[i - 1].kind == "SEP")
                    and (got := count_before_product(toks, i)) is not None):
                pts.append(got[0])
                i = got[1]
                continue
            # P1e, P1f: a count the buyer takes, a count of notes or a pack (see price_grammar)
            got = buyers_count(toks, i) if k == "NUM" else count_of(toks, i) if k == "COUNT" else None
            if got is not None:
                pts.append(got[0])
                i = got[1]
                continue
            # P1: quantity then price
            q = self._qty_at(toks, i)
            if q is not None:
                qty, unit, j = q
                bare_ok = True
                found = self._price_after(toks, j, bare_ok)
                if found is not None and qty > 0:
                    pj, pt = found
                    if (k == "CONT" and qty == 1 and pj + 2 < n and toks[pj + 1].kind == "SEP"
                            and toks[pj + 1].unit == "les" and toks[pj + 2].kind == "NUM"
                            and toks[pj + 2].value == int(toks[pj + 2].value) and 1 < toks[pj + 2].value <= 20):
                        # "ballons 5 les 3": three balloons for 5
                        q3 = toks[pj + 2]
                        pts.append(Point(t.start, q3.end, q3.value, unit, pt.value,
                                         pt.unit if pt.kind == "PRICE" else None, "price_for_quantity"))
                        i = pj + 3
                        continue
                    if (k == "NUM" and pt.kind == "NUM" and (pt.value <= 10 or pt.value in _USUAL_QTY)
                            and t.value >= 20 and pt.value < t.value
                            and any(x.unit in ("for", "pour") for x in toks[j:pj])):
                        # "60 a g 110 for 2": a price for a count, written price first
                        pts.append(Point(t.start, pt.end, pt.value, unit, t.value, None, "price_for_quantity"))
                        i = pj + 1
                        continue
                    if not (pj + 1 < n and toks[pj + 1].kind == "PER"):
                        if k == "CONT" and unit == "ml":
                            sizes["unit"] = qty
                        elif k == "COUNT" and unit == "unit" and "unit" in sizes:
                            qty, unit = qty * sizes["unit"], "ml"
                        pts.append(Point(t.start, pt.end, qty, unit, pt.value,
                                         pt.unit if pt.kind == "PRICE" else None, "quantity_price"))
                        # "POCHON 10 / 20 / 50", "pochons 10 20 50": the container's other prices after its first
                        while k == "CONT" and (step := _next_listed(toks, pj, pt.kind, pts[-1].price)):
                            pj += step
                            nt = toks[pj]
                            pts.append(Point(nt.start, nt.end, qty, unit, nt.value,
                                             nt.unit if nt.kind == "PRICE" else None, "quantity_price"))
                        i = pj + 1
                        continue
                i = max(j, i + 1)
                continue
            if k in ("NUM", "PRICE") and i + 1 < n and toks[i + 1].kind == "FEE":  # "drop €5 extra"
                i += 2
                continue
            if (k == "NUM" and t.value < 10 and t.value != int(t.value) and i + 1 < n
                    and toks[i + 1].kind in ("NUM", "PRICE") and toks[i + 1].value >= 10
                    and toks[i + 1].value == int(toks[i + 1].value) and self._after_product(toks, i)):
                # "❄️ 0,5 45 | 1g 80": a part of the usual unit, then its price
                after = toks[i + 1]
                pts.append(Point(t.start, after.end, t.value, "?1", after.value,
                                 after.unit if after.kind == "PRICE" else None, "quantity_price"))
                i += 2
                continue
            if (k in ("NUM", "PRICE") and (k == "PRICE" or t.value >= 5) and self._after_product(toks, i)
                    and (i + 1 == n or (toks[i + 1].kind == "SEP" and toks[i + 1].unit in _SEGMENT_END
                                        and not (toks[i + 1].unit == "/" and i + 2 < n
                                                 and toks[i + 2].kind in ("NAMED", "QTY")
                                                 and toks[i + 1].start == t.end))  # "£40/8th", not "10e / 10g"
                         or toks[i + 1].kind == "OLD" or toks[i + 1].unit in _CONJ
                         or (k == "NUM" and toks[i + 1].unit == "(" and i + 2 < n and toks[i + 2].kind == "OLD")
                         or (toks[i + 1].kind == "PROD" and (k == "PRICE" or t.value < 200) and i + 2 < n))):
                # ("zaza 10 molly 15"; not "❄️ 971 ❄️", a department between two emoji)
                # "❄️ 70 |", "coke 80,", "coke €80", "❄️ on bouge pas 70": a price right after a
                # product (filler words allowed), for one usual unit
                arrow = toks[i - 1].kind == "SEP" and (toks[i - 1].unit in _SEP_ARROW or _leader(toks[i - 1].unit))
                pts.append(Point(t.start, t.end, 1.0, "?1", t.value, t.unit if k == "PRICE" else None,
                                 "product_arrow_price" if arrow else "product_price"))
                i += 1
                continue
            if k == "PRICE":  # a price with no quantity: kept for products sold by the piece
                beside = (i > 0 and toks[i - 1].kind == "PROD") or (i + 1 < n and toks[i + 1].kind == "PROD")
                pts.append(Point(t.start, t.end, 1.0, "?p" if beside else "?", t.value, t.unit, "price_per_piece"))
            i += 1
        # a point followed by "pour"/"for" and a product is for that product ("8€ pour la résine",
        # "70 la plaquette de 10g pour la teush", "100 les 10 de cali"): its span takes the product in
        for x, p in enumerate(pts):
            j = bisect_left(toks, p.end, key=_START)
            if j < n and toks[j].kind == "SEP" and (toks[j].unit in ("pour", "for")
                                                    or (toks[j].unit == "de" and p.rule == "price_for_quantity")):
                j += 1
                while j < n and toks[j].kind in ("SEP", "WORD") and toks[j].unit in _PRODUCT_ARTICLES:
                    j += 1
                if j < n and toks[j].kind == "PROD":
                    pts[x] = p._replace(end=toks[j].end, unit="?p" if p.unit == "?" else p.unit)
        # a bare count after a point in bags or pieces is in the same unit ("£10 bags / 3 for £25")
        for x in range(1, len(pts)):
            p, prev = pts[x], pts[x - 1]
            if p.unit is None and p.rule in ("quantity_price", "price_for_quantity") and prev.unit in _PIECE_UNITS \
                    and not any(t.kind in ("PROD", "CONT") and prev.end <= t.start and t.end == p.start - 1
                                for t in toks):
                pts[x] = p._replace(unit=prev.unit)  # not "bags £10. pills 3 for £10": the count's own product
        return pts

    def _after_product(self, toks: list[Tok], i: int) -> bool:
        """Token i follows a product name, with at most three filler words between."""
        j = i - 1
        filler = self.g.filler
        while j >= 0 and i - j <= 4:
            t = toks[j]
            if t.kind == "PROD":
                return True
            if not (t.kind in ("WORD", "SEP") and (t.unit in filler or t.unit in _SEP_ARROW or _leader(t.unit))):
                return False
            j -= 1
        return False

    @staticmethod
    def _point(price: Tok, per: Tok, qty: float, unit: str | None, rule: str) -> Point:
        return Point(price.start, per.end, qty, unit, price.value,
                     price.unit if price.kind == "PRICE" else None, rule)

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
            voice = VOICE_RE.search(text) is not None
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
                         or (p.unit == "g" and p.quantity in _NAMED_AMOUNTS and self._herb_measure(text, p)))
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
            default = g.default_unit.get(product, "unit")
            unit = p.unit or hint or default
            qty = p.quantity
            if (unit == "g" and p.unit is None and hint is None and qty <= 10 and (product, "pill") in self.retail
                    and p.price / qty * self.to_eur.get(p.currency or currency, 1.0)
                    < 0.4 * self.retail.get((product, "g"), 0.0)):
                unit = "pill"  # "MDMA 3 pour 30": far too cheap for grams of it, so pills
            if (p.unit is None and hint is None and unit == "g" and last is not None and last[:2] == (li, product)
                    and last[3] == "g" and last[2] in _NAMED_AMOUNTS and qty in (2.0, 3.0, 4.0, 5.0)
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
                        and last[2] in _NAMED_AMOUNTS and last[4] == "quantity_price"):
                    qty = last[2]  # "zips of mids $120, exotics $250": the same amount
                elif default != "g" or hint not in (None, "g"):
                    # "ecsta 10€ /", "💊 Ecsta Tesla ..... 15": one piece of a product sold by the piece
                    # (a bare number only after an arrow or dots: "Xanax 2" is a dose)
                    unit = hint or default
                    if unit not in g.sold_by_piece or (p.currency is None and p.rule != "product_arrow_price"
                                                       and not _menu_pill(product, p, len(found))):
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
            if p.currency is None and p.price / qty * self.to_eur.get(cur, 1.0) > self.ceiling.get((product, unit),
                                                                                                 1e9):
                continue  # "ZAMAL PÉI 974": a bare number far above any street price is no price
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


def _bare_price_of_weight(toks: list[Tok], i: int) -> bool:
    """A bare number opening its line (products may stand before it), a separator, then a weight
    that closes the line and is smaller: the price of that weight ("10 = 1g", "🌿 45 / 5g")."""
    n = len(toks)
    return (i + 2 < n and all(x.kind == "PROD" for x in toks[:i]) and toks[i + 2].kind == "QTY"
            and toks[i + 2].unit in ("g", "kg") and (i + 3 == n or toks[i + 3].kind in _PASSIVE)
            and toks[i].value > toks[i + 2].value)
