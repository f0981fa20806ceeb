"""Letters in product menus: one-letter codes in their menu slots ("C 70", "H £110"), letters spaced
out ("C O K E"), and the capital letter G sold by the millilitre (GHB or GBL on French and UK party
menus). Also the amount before a colour ordered ("10 de vert et 5 de marron", "1 de blanche"): a
buyer's order names the drugs by their colour, the amount first.

"G 50ml 40€", "G 50cl ➡️ 60€", "G dispo 🧪 20€ les 10ml", "G £10 for 5ml", "G 15€ la fiole de 5ml": a capital G
standing alone, not after a number ("10 G" is ten grams), on a line that sells by the ml or by the
vial. A lower-case "g" or a G elsewhere ("1 G" of cash, "G-Star") is left to the other rules.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from ..core import Analysis


class Mention(Protocol):
    """What these rules read of a product term's match (products.Hit)."""

    @property
    def first_token(self) -> int: ...
    @property
    def n_tokens(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


# a line that sells by volume: a count of millilitres, "le ml", a vial
# (or by the centilitre or the litre: "G 50cl ➡️ 60€", "G 1L ➡️ 100€")
_BY_VOLUME_RE = re.compile(r"\d\s?(?:ml|cl)\b|\d(?:l|litres?)\b|\d\slitres?\b|\b(?:le|the|per|a) ml\b"
                           r"|\bfioles?\b|\bflacons?\b|\bvials?\b")
# a cheap prefilter: every _BY_VOLUME_RE match holds one of these (a fifth of the time; few posts hold one)
_MAYBE_BY_VOLUME_RE = re.compile(r"ml|cl|\dl|litre|fiole|flacon|vial")
# the letter alone (normalised text is lower-case; the original is checked for the capital)
_LETTER_RE = re.compile(r"(?<![\w.,'’&-])(?<!\d )g(?![\w'’&-])")


def ghb_letters(a: Analysis) -> list[tuple[int, int, int]]:
    """(line index, start, end) in the normalised text of each capital G sold by volume."""
    text = a.norm.text
    if "G" not in a.post.text or not _MAYBE_BY_VOLUME_RE.search(text) or not _BY_VOLUME_RE.search(text):
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


# words that make the letter after them a name ("tier B", "plan B", "vitamine C"), not a product code
# (normalised: lower case, no accents)
_LETTER_LABELS = frozenset({"tier", "grade", "class", "classe", "plan", "type", "option", "size", "taille", "section",
                            "category", "categorie", "zone", "groupe", "group", "vitamin", "vitamine", "batiment",
                            "block", "bloc", "team", "equipe", "menu", "formule"})


# whom "cc" (coucou) greets at the start of a line ("cc ma belle", "cc tout le monde"; not "cc dispo")
_CC_GREETED = frozenset({"ma", "mon", "mes", "les", "tout", "tous", "toi", "vous", "ca", "frere", "frerot", "mec",
                         "cousin", "cousine", "poto", "copine", "copain", "maman", "papa", "chef", "bg"})
_AMOUNT_RE = re.compile(r"\d+(?:[.,]\d+)?g?|g|gr|gramme")  # ("2g de cc", "1 de cc", "le g d cc")
_WEIGHT_RE = re.compile(r"\d+(?:[.,]\d+)?g")  # ("1g cc")
_GRAMS_RE = re.compile(r"\d+(?:[.,]\d+)?g|g|gr|gramme|gram")  # ("a g of K", "1g de K")


def letter_slot(text: str, toks: list[Any], m: Mention, line: tuple[int, int], qp: bool) -> bool:
    """A one-letter code counts in a menu slot only: a priced line, the letter first on the line
    (after emoji/bullets) or followed by a colon, dash, quantity or price; never after a number."""
    i = m.first_token
    if text[m.start:m.end] == "cc" and m.start == line[0] and i + 1 < len(toks) and toks[i + 1].text in _CC_GREETED:
        return False  # "cc ma belle, tu peux garder les petits": a greeting opening the line
    if (m.end - m.start == 2 and i >= 2 and toks[i - 1].text in ("de", "d")
            and _AMOUNT_RE.fullmatch(toks[i - 2].text)):
        return True  # "2g de cc", "1 de cc": an amount of it (two letters: "cc" alone may greet)
    if m.end - m.start == 2 and i >= 1 and _WEIGHT_RE.fullmatch(toks[i - 1].text):
        return True  # "(1g cc) 70", "2g cc": a weight of it
    if m.end - m.start == 1 and i >= 2 and toks[i - 1].text in ("de", "d", "of") \
            and _GRAMS_RE.fullmatch(toks[i - 2].text):
        return True  # "a g of K", "1g de K acheté", "2 g de c ca fait 140": grams of it (not "1 de c'est")
    if m.end - m.start == 1 and text[m.start] != "c" and i >= 1 and _WEIGHT_RE.fullmatch(toks[i - 1].text) \
            and toks[i - 1].end == m.start - 1 and text[m.end:m.end + 1] in (" ", "\n", ",", ")", ""):
        return True  # "2g K for £45", "+ 1g K": a weight of it (not "10g c mon dernier prix", "c'est")
    if not qp:
        return False
    if i > 0 and toks[i - 1].text.isdigit() and toks[i - 1].end >= m.start - 1 \
            and text[toks[i - 1].end:m.start] != "\n" and not (
                text[m.start:m.end] != "k" and int(toks[i - 1].text) >= 5 and i + 1 < len(toks)
                and toks[i + 1].text.isdigit() and toks[i + 1].start <= line[1]):
        # ("10 K" is ten thousand; "110\nH 0,5g" a new menu line; "2 c 110" is "2 c'est 110"; not "shit 10 C 70")
        return False
    if i > 0 and toks[i - 1].text in _LETTER_LABELS:
        return False  # "Tier B (UK grown) 3.5 = £25": the name of a grade, not brown
    nxt = toks[i + 1].text if i + 1 < len(toks) else "\n"
    if nxt == "'" or (i + 1 < len(toks) and toks[i + 1].start > line[1]):
        nxt = "\n"
    if nxt in (":", "-", "—", "=", "➡", "➜", "➝", "→", "(") or nxt[:1].isdigit() or nxt in ("£", "$", "€"):
        return nxt != "'"
    if nxt in ("à", "a", "at") and i + 2 < len(toks) and toks[i + 2].text[:1].isdigit():
        return True  # "la C à 70 le g"
    if i > 0 and toks[i - 1].text == "la":
        return True  # "dispo la C frr, 70 le g", "de la cc": the article makes the letters a name, on a priced line
    if nxt == "\n":
        return False
    before = text[line[0]:m.start]
    return not any(ch.isalnum() for ch in before)


_QUARTERS = frozenset({"q", "quarter", "qtr", "qp"})


def after_quarter(toks: list[Any], m: Mention, line: tuple[int, int]) -> bool:
    """The letter follows a quarter on its line and comes before a price ("Q £60 | H £110")."""
    j = m.first_token + 1
    if not (j < len(toks) and toks[j].start <= line[1] and toks[j].text in ("£", "$", "€")):
        return False
    return any(t.text in _QUARTERS for t in toks[:m.first_token] if t.start >= line[0])


def spelled_out(text: str, i: int) -> bool:
    """The letter at `i` is one of three or more single letters spaced out ("T H E", "C O K E")."""
    def single(j: int) -> bool:
        return (0 <= j < len(text) and text[j].isalpha() and (j == 0 or not text[j - 1].isalnum())
                and (j + 1 == len(text) or not text[j + 1].isalnum()))

    if not text[i].isalpha():
        return False
    n, j = 1, i
    while j >= 2 and text[j - 1] == " " and single(j - 2):
        n, j = n + 1, j - 2
    j = i
    while j + 2 < len(text) and text[j + 1] == " " and single(j + 2):
        n, j = n + 1, j + 2
    return n >= 3


# an amount, then "de": "10 de vert", "1 de blanche", "un g de blanc", "2 gr de marron"
_AMOUNT_OF_RE = re.compile(r"(?:(?<![\d.,])\d{1,3}(?:[.,]5)?|\bun|\bune|\bdeux|\btrois)\s?"
                           r"(?:g |gr |grammes? )?(?:de |d')$")


def amount_before(text: str, start: int) -> bool:
    """An amount of it is ordered right before `start` ("10 de vert": ten euros' or grams' worth)."""
    return _AMOUNT_OF_RE.search(text, max(0, start - 16), start) is not None


# the UK's two products sold together, by colour: "2 white 1 brown", "white n dark" (the context groups
# heroin_pair and crack_pair of en/product_context.toml)
_PAIRS = (("heroin_pair", "crack_pair"), ("crack_pair", "heroin_pair"))


def paired(m: Mention, ctx: Any) -> bool:
    """The term is a word of one of the UK pair (crack's "white", "rocks"; heroin's "brown", "dark") and
    a word of the other stands elsewhere in the post: "2 white 1 brown" counts both products."""
    if m.end - m.start == 1:
        return False  # (a letter, "B" or "H", has its own rules: a menu slot)
    for own, other in _PAIRS:
        if any(h.start == m.start for h in ctx.get(own, ())) and any(
                h.start != m.start for h in ctx.get(other, ())):
            return True
    return False
