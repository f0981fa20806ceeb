"""Which product a price point is for, when a line or a menu names several or none: the
product named on the point's line, the one named above it (a menu's header), or a product line
just below a block of prices."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .price_grammar import Point

_DIGIT = re.compile(r"\d")
_SEGMENT_BREAK = re.compile(r"[,.;|/\n]|\s(?:or|and)\s")  # between two items of a list


# the containers and pieces only one product comes in: a point priced by one of them is for that
# product when its line names it among others ("🍫 et 🥦 , 10 la barrette": resin)
_OWN_PIECES = ((re.compile(r"\b(?:barr?ettes?|savonnettes?|plaquettes?)\b"), "cannabis_resin"),
               (re.compile(r"\b(?:galettes?|cailloux?)\b"), "crack"),
               (re.compile(r"\b(?:bonbonnes?|ballons?|balloons?|tanks?)\b"), "nitrous_oxide"))


def _lines_above(text: str, lines: list[tuple[int, int]], li: int) -> Iterator[int]:
    """The lines above line li where its product may be named: the four above it, and further up
    while the lines are prices or a table's rows ("| qté | prix |" over "| 5g | 300 |")."""
    for up in range(li - 1, -1, -1):
        yield up
        if li - up >= 4 and not (_DIGIT.search(text, *lines[up]) or "|" in text[slice(*lines[up])]):
            return


def product_for(li: int, p: Point, lines: list[tuple[int, int]],
                 mentions: dict[int, list[tuple[int, int, str, str | None]]],
                 text: str, free_re: re.Pattern[str] | None = None) -> tuple[str, str | None] | None:
    own = mentions.get(li)
    chosen: tuple[int, int, str, str | None] | None = None
    line = li
    if own:  # the first mention inside the point, else the last before it, else the first after it
        inside = before = after = None
        for m in own:
            if m[0] < p.start:
                before = m
            elif m[0] < p.end:
                inside = inside or m
            else:
                after = after or m
        if (inside is None and before is not None and after is not None and not text[p.end:after[0]].strip()
                and _SEGMENT_BREAK.search(text, before[1], p.start)):
            before = None  # "10g 70 weed, 1g 70 blanche": the product right after its point
        chosen = inside or before or after
        if len(own) > 1:
            for piece_re, product in _OWN_PIECES:
                if piece_re.search(text, p.start, p.end):
                    chosen = next((m for m in own if m[2] == product), chosen)
                    break
    else:
        for up in _lines_above(text, lines, li):
            if mentions.get(up):
                # the last product named above, unless it is a gift ("get a free 8th 🍁")
                ms = mentions[up]
                paid = [m for m in ms if not (free_re and free_re.search(text, max(lines[up][0], m[0] - 25), m[0]))]
                chosen = (paid or ms)[-1]
                line = up
                break
        else:  # a price block with its product line after it (a line with no number: not
            # "• 8th £30" above "• charlie £70", a menu line of its own)
            for down in range(li + 1, min(len(lines), li + 3)):
                if mentions.get(down) and not _DIGIT.search(text, *lines[down]):
                    chosen = mentions[down][0]
                    line = down
                    break
    if chosen is None:
        return None
    product = chosen[2]
    hint = chosen[3]
    if hint is None:
        for m in mentions.get(line, ()):
            if m[2] == product and m[3]:
                hint = m[3]
                break
    return product, hint
