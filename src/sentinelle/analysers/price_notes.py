"""Counterfeit notes priced by the batch: the count of notes is the quantity, their face value no price.

Read by `prices.PriceAnalyser.analyse` before the line grammar, on the lines of a post that names
counterfeit money::

    10x $100 bills for $250        -> 10 notes for $250
    50 x $20s for $200             -> 50 notes for $200
    20 x £50 notes for £250        -> 20 notes for £250
    $100s, 10 for $250             -> 10 notes for $250
    50 twenties for $250           -> 50 notes for $250
    250 bills for $1000            -> 250 notes for $1000
    10 bills for $250, 50 for $1000 -> and 50 notes for $1000
    $1000 in fake 20s for $300     -> 50 notes (1000 / 20) for $300
    $20s: $1000 face for $300      -> 50 notes (1000 / 20) for $300
    1000€ en billets de 50 pour 250€ -> 20 notes (1000 / 50) for 250 €
    20€ ➡️ 10 billets = 60€        -> 10 notes for 60 €
"""

from __future__ import annotations

import re

from .price_grammar import Point

_CURRENCY = {"$": "USD", "£": "GBP", "€": "EUR"}
_AMOUNT = r"([$£€])\s?(\d{1,3}(?:,\d{3})+|\d+)"
_FOR = r"\s(?:for|pour|=|->|➡)\s?"
_FACE = r"(?:\s\([^)\n]{0,20}\))?"  # "10 bills ($1k face) for $250"
# one more batch after a first on its line: "10 bills for $250, 50 for $1000"
_MORE_RE = re.compile(r"(?<![\d$£€.,])(\d{1,4})" + _FOR + _AMOUNT)
_NOTES_RES = (
    # "10x $100 bills for $250", "20 x £50 notes for £250"
    ("count_x_note", re.compile(r"\b(\d{1,4})\s?x\s?[$£€]\s?\d{1,3}s?(?:\s(?:bills?|notes?|billets?))?"
                                + _FACE + _FOR + _AMOUNT)),
    # "$100s, 10 for $250"
    ("notes_count", re.compile(r"[$£€]\s?\d{1,3}s\b[^\n\d]{0,30}?\b(\d{1,4})" + _FOR + _AMOUNT)),
    # "50 twenties for $250", "250 bills for $1000"
    ("count_words", re.compile(r"\b(\d{1,4})\s(?:fake\s|prop\s)?(?:tens|twenties|fifties|hundreds|bills|notes|billets)"
                               + _FACE + _FOR + _AMOUNT)),
)
# "$1000 in fake 20s for $300": a face value in notes of one denomination
_FACE_RE = re.compile(r"[$£€]\s?(\d{1,3}(?:,\d{3})+|\d+)\sin\s(?:fake\s|prop\s|counterfeit\s)?(\d{1,3})s"
                      + _FOR + _AMOUNT)


# "$20s: $1000 face for $300": the denomination, then a face value
_DENOMINATION_FACE_RE = re.compile(r"[$£€]\s?(\d{1,3})s\W{1,4}[$£€]\s?(\d{1,3}(?:,\d{3})+|\d+)\s(?:face|in face)"
                                   r"(?:\svalue)?" + _FOR + _AMOUNT)
# euros written after the number ("1000€ en billets de 50 pour 250€", "20€ ➡️ 10 billets = 60€")
_EUROS = r"(\d{1,3}(?: ?\d{3})*|\d+)\s?(?:€|e\b|euros?\b)"
_FACE_FR_RE = re.compile(_EUROS + r"\s(?:en\s)?(?:faux\s)?billets\sde\s(\d{1,3})\s?(?:€|e\b|euros?\b)?"
                         r"\s?(?:pour|=|->|➡)\s?" + _EUROS)
_DENOMINATION_COUNT_FR_RE = re.compile(_EUROS + r"\s?(?:➡️?|->|:|=)?\s?(\d{1,4})\s(?:faux\s)?billets"
                                       r"\s?(?:pour|=|->|➡️?)\s?" + _EUROS)


def _num(s: str) -> float:
    return float(s.replace(",", ""))


def note_points(text: str, start: int, end: int) -> list[Point]:
    """The batches of notes priced on text[start:end], in order."""
    out: list[Point] = []
    for rule, rx in _NOTES_RES:
        for m in rx.finditer(text, start, end):
            out.append(Point(m.start(), m.end(), _num(m.group(1)), "unit", _num(m.group(3)),
                             _CURRENCY[m.group(2)], f"notes_{rule}"))
    for m in _FACE_RE.finditer(text, start, end):
        face, denomination = _num(m.group(1)), _num(m.group(2))
        if denomination and face % denomination == 0:
            out.append(Point(m.start(), m.end(), face / denomination, "unit", _num(m.group(4)),
                             _CURRENCY[m.group(3)], "notes_face_value"))
    for m in _DENOMINATION_FACE_RE.finditer(text, start, end):
        denomination, face = _num(m.group(1)), _num(m.group(2))
        if denomination and face % denomination == 0:
            out.append(Point(m.start(), m.end(), face / denomination, "unit", _num(m.group(4)),
                             _CURRENCY[m.group(3)], "notes_denomination_face"))
    for m in _FACE_FR_RE.finditer(text, start, end):
        face, denomination = _num(m.group(1).replace(" ", "")), _num(m.group(2))
        if denomination and face % denomination == 0:
            out.append(Point(m.start(), m.end(), face / denomination, "unit", _num(m.group(3).replace(" ", "")),
                             "EUR", "notes_face_value"))
    for m in _DENOMINATION_COUNT_FR_RE.finditer(text, start, end):
        out.append(Point(m.start(), m.end(), _num(m.group(2)), "unit", _num(m.group(3).replace(" ", "")), "EUR",
                         "notes_denomination_count"))
    out.sort()
    # (one batch read once: the first rule that read a span keeps it)
    kept: list[Point] = []
    for p in out:
        if not kept or p.start >= kept[-1].end:
            kept.append(p)
    if kept:
        for m in _MORE_RE.finditer(text, kept[0].end, end):
            if not any(p.start <= m.start() < p.end for p in kept):
                kept.append(Point(m.start(), m.end(), _num(m.group(1)), "unit", _num(m.group(3)),
                                  _CURRENCY[m.group(2)], "notes_more"))
        kept.sort()
    return kept
