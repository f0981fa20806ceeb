"""One line's price points: the grammar of `prices` (see that module's docstring for the
token kinds and the rules P1 to PT), kept apart from the post-level work of attaching each
point to its product and checking it against street prices."""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

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
    Grammar,
    Point,
    Tok,
    _leader,
    _next_listed,
    buyers_count,
    count_before_product,
    count_of,
)

# Pay markers that, after a quantity and its price, name the delivery on offer, not a job's pay
# ("Beuh 10g 80€ livraison Lyon"); alone after a price they stay pay ("150€ la livraison").
_DELIVERY_WORDS = frozenset({"livraison", "course"})
NAMED_AMOUNTS = frozenset({3.5, 7.0, 14.0, 28.0, 56.0, 112.0, 224.0, 448.0})  # 8th, Q, half, oz... in g
_BARE_WEIGHTS = frozenset({3.5, 7.0, 14.0, 28.0})  # the weights a "£40 / 3.5" leaves without their unit
_START = attrgetter("start")


class LineParser:
    """The price points of one line of tokens (`price_grammar.line_tokens`)."""

    def __init__(self, g: Grammar) -> None:
        self.g = g


    def qty_at(self, toks: list[Tok], i: int) -> tuple[float, str | None, int] | None:
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
        if k == "NUM" and (t.value != int(t.value) or t.value in NAMED_AMOUNTS) and i + 1 < n \
                and toks[i + 1].kind == "PRICE":
            return t.value, None, i + 1  # "top shelf 3.5 £40", "7 £60 / 14 £110": the eighth ladder
        if (k == "NUM" and t.value in NAMED_AMOUNTS and t.value != int(t.value) and i + 3 < n
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

    def price_after(self, toks: list[Tok], j: int, bare_ok: bool) -> tuple[int, Tok] | None:
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

    def parse(self, toks: list[Tok], sizes: dict[str, float] | None = None) -> list[Point]:
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
                    pts.append(self.point(t, toks[i + 1], toks[i + 1].value, toks[i + 1].unit, "per_unit"))
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
                pts.append(self.point(t, toks[i + 2], toks[i + 2].value, toks[i + 2].unit, "per_unit"))
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
                    pts.append(self.point(t, q3, q3.value, per.unit, "per_unit"))
                    i += 4
                    continue
                if (k == "PRICE" or per.kind == "PER") and not counted:
                    if i + 3 < n and toks[i + 2].unit == "de" and toks[i + 3].kind == "QTY":
                        q3 = toks[i + 3]  # "70 la plaquette de 10g": the container's weight
                        pts.append(self.point(t, q3, q3.value, q3.unit, "per_unit"))
                        i += 4
                        continue
                    if not (i + 2 < n and toks[i + 2].kind == "FREE"):
                        unit = per.unit
                        if unit is None and i > 0 and toks[i - 1].kind == "CONT" and toks[i - 1].unit != "banknote":
                            unit = toks[i - 1].unit  # "molly caps $20 ea": each capsule
                        pts.append(self.point(t, per, per.value, unit, "per_unit"))
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
                    q = self.qty_at(toks, j) if toks[j].kind != "NUM" else (toks[j].value, None, j + 1)
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
            if ((k == "PRICE" or (k == "NUM" and self.after_product(toks, i))) and i + 3 < n
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
                found = self.price_after(toks, i + 3, True)
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
                    and toks[i + 2].kind == "NUM" and toks[i + 2].value in NAMED_AMOUNTS
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
            q = self.qty_at(toks, i)
            if q is not None:
                qty, unit, j = q
                bare_ok = True
                found = self.price_after(toks, j, bare_ok)
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
                    and toks[i + 1].value == int(toks[i + 1].value) and self.after_product(toks, i)):
                # "❄️ 0,5 45 | 1g 80": a part of the usual unit, then its price
                after = toks[i + 1]
                pts.append(Point(t.start, after.end, t.value, "?1", after.value,
                                 after.unit if after.kind == "PRICE" else None, "quantity_price"))
                i += 2
                continue
            if (k in ("NUM", "PRICE") and (k == "PRICE" or t.value >= 5) and self.after_product(toks, i)
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
            if j < n and ((toks[j].kind == "SEP" and toks[j].unit in ("pour", "for"))
                          # "10€ le g de beuh", "60 le g d cc", "100 les 10 de cali"
                          or (toks[j].unit in ("de", "d") and p.rule in ("price_for_quantity", "per_unit"))):
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

    def after_product(self, toks: list[Tok], i: int) -> bool:
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
    def point(price: Tok, per: Tok, qty: float, unit: str | None, rule: str) -> Point:
        return Point(price.start, per.end, qty, unit, price.value,
                     price.unit if price.kind == "PRICE" else None, rule)


def _bare_price_of_weight(toks: list[Tok], i: int) -> bool:
    """A bare number opening its line (products may stand before it), a separator, then a weight
    that closes the line and is smaller: the price of that weight ("10 = 1g", "🌿 45 / 5g")."""
    n = len(toks)
    return (i + 2 < n and all(x.kind == "PROD" for x in toks[:i]) and toks[i + 2].kind == "QTY"
            and toks[i + 2].unit in ("g", "kg") and (i + 3 == n or toks[i + 3].kind in _PASSIVE)
            and toks[i].value > toks[i + 2].value)
