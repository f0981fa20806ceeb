"""The capital letter G sold by the millilitre: GHB (or GBL) on French and UK party menus.

"G 50ml 40€", "G dispo 🧪 20€ les 10ml", "G £10 for 5ml", "G 15€ la fiole de 5ml": a capital G
standing alone, not after a number ("10 G" is ten grams), on a line that sells by the ml or by the
vial. A lower-case "g" or a G elsewhere ("1 G" of cash, "G-Star") is left to the other rules.
"""

from __future__ import annotations

import re

from ..core import Analysis

# a line that sells by volume: a count of millilitres, "le ml", a vial
_BY_VOLUME_RE = re.compile(r"\d\s?ml\b|\b(?:le|the|per|a) ml\b|\bfioles?\b|\bflacons?\b|\bvials?\b")
# the letter alone (normalised text is lower-case; the original is checked for the capital)
_LETTER_RE = re.compile(r"(?<![\w.,'’&-])(?<!\d )g(?![\w'’&-])")


def ghb_letters(a: Analysis) -> list[tuple[int, int, int]]:
    """(line index, start, end) in the normalised text of each capital G sold by volume."""
    text = a.norm.text
    if "ml" not in text and "fiol" not in text and "flacon" not in text and "vial" not in text:
        return []
    out: list[tuple[int, int, int]] = []
    start = 0
    for li, line in enumerate(text.split("\n")):
        end = start + len(line)
        if _BY_VOLUME_RE.search(line):
            for m in _LETTER_RE.finditer(text, start, end):
                s, e = a.norm.span(m.start(), m.end())
                if a.post.text[s:e] == "G":
                    out.append((li, m.start(), m.end()))
        start = end + 1
    return out
