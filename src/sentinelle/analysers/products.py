"""Products: which drugs (or counterfeit money, or diverted medicines) a post names.

Lexicons: `data/<lang>/products.toml` and `data/common/products.toml` (slang, strain and quality
names, pill brands, emoji codes), read with the context markers of
`data/<lang>/product_context.toml` and `data/common/product_context.toml`.

Each mention of a product is one finding (span = the term, value = the product id). Context
decides whether a mention counts:

- a weak term right after a count on its line is a unit ("60 tabs"), unless the number is a price
  or the term is its product's own piece (`kind = "piece"`: "3 roches 50" is crack);
- a weak term needs support: a price or quantity on its line, a strong product term in the post,
  a menu layout, or a sale cue ("dispo", "livraison", 🔌...);
- a term whose group lists `unless` contexts (ski for ❄️, garden for "herbe", a soft drink for
  "coca"...) is dropped when one of those contexts is in the post and the term's line carries no
  price or quantity; `unless_always` contexts drop it even then (coffee for "Colombian 250g");
- fixed phrases ("coca cola", "fines herbes", "oh shit", "vitamine C") are matched as longer
  context terms, so the product word inside them never fires;
- "pas de", "no", "rupture de" right before a term drop it;
- CBD on the line (not negated: "pas de CBD ici" is no CBD) makes a cannabis term a legal hemp
  product; a CBD shop (CBD plus legal markers such as "THC < 0,3 %") drops every cannabis term;
  a THC content no hemp product has ("25% THC") cancels both;
- a term whose group lists `needs` contexts counts only when one of them is in the post ("dark"
  is heroin next to a crack word: "light and dark");
- one-letter codes ("C", "K", "H") count only in a menu slot: at the start of a priced line or
  right before a quantity, price or colon; never after a number ("10 K" is ten thousand);
- quality words ("frappe") count only when no other product is on their line;
- an emoji icon yields to a different product word right next to it ("💊 Xanax" is a prescription
  drug, not MDMA); some emoji switch product by context on their line (`alt`, `alt_if`), and
  words by context anywhere in the post ("white" is crack next to "brown" or "B").

Mentions per line are stored in `a.notes["product_lines"]` for the prices analyser:
`{"lines": [(start, end), ...], "mentions": {line_index: [(start, end, product, unit_hint), ...]}}`
with normalised offsets (`lines` is empty when no product term occurs at all).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from functools import partial
from itertools import compress
from operator import attrgetter
from typing import Any, NamedTuple

from ..core import PRODUCTS, Analysis, Finding
from ..errors import LexiconError
from ..lexicon import Entry, lexicon_file, load_groups
from ..normalize import Normalised, fold, tokenize
from .base import Analyser
from .price_grammar import load_grammar, voice_note
from .product_letters import after_quarter, amount_before, ghb_letters, letter_slot, paired, spelled_out

EXTRA_KEYS = ("kind", "unit", "unless", "unless_always", "alt", "alt_if", "own_language_only", "needs", "support")
LANGS = ("fr", "en")
CANNABIS = frozenset({"cannabis_herb", "cannabis_resin", "cannabis_concentrate"})
_PRODUCT_SET = frozenset(PRODUCTS)

# A price or quantity somewhere on a line: a number with a unit or a currency, a currency before
# a number, or a per-unit phrase.
# a bare amount, an arrow or dots, then a bare price: a menu line ("❄️ 0,5 → 50", "❄️ 1 ...... 90",
# "❄️ g = 70"); searched apart, on the lines that hold one of its separators (`_arrow_pair`)
_ARROW_PAIR_RE = re.compile(r"(?<![\w.,\[])(?:\d+(?:[.,]\d+)?\s?(?:g|gr)?|g|gr)\s*(?:→|➡️?|➜|➝|▸|=|:|\.{3,}|…+)\s*\d+"
                            r"(?![\d°%h:,.\]]|\s?(?:h|min|km|cm|ans)\b)")  # (not a chat's clock "[22:31]")
_ARROW_SEPS = re.compile(r"[→➡➜➝▸=:…]|\.\.\.")


def _arrow_pair(text: str, s: int, e: int) -> bool:
    return _ARROW_SEPS.search(text, s, e) is not None and _ARROW_PAIR_RE.search(text, s, e) is not None


_NUMBER_WORDS = frozenset(load_grammar(str(lexicon_file("common", "units"))).number_words)
_QP_RE = re.compile(
    r"(?<![\w.])\d+(?:[.,]\d+)?\s?(?:g|gr|grs|grammes?|kg|kilos?|oz|ml|cl|€|e|eur|euros?|balles|boules|£|\$|chf|"
    r"pills?|tabs?|cachets?|comprimes?|taz|buvards?|pochons?|bags?|billets?|bonbonnes?|ballons?)(?![^\W\d_])"
    r"|[£$€💶💷💵]\s?\d|(?:le|la|/|a|an|per)\s?(?:g|gramme|gram|8th|zip|oz|q)(?![^\W\d_])|\b(?:8th|eighth|zip|oz)\b"
    r"|(?<![\w.,])(?:1|2|3[.,]5|3|5|7|10|14|28)\s(?:for|pour)\s[£$€]?\d{2,3}(?!\d|%|[.,]\d)"  # ("3.5 for 25")
    r"|(?<![\w.,])\d{1,3}\s?(?:l'une|l'unite|la piece|each|ea)(?![^\W\d_])")  # ("🪨 20 l'une", "caps 20 ea")
# A drug quantity on a line (a price alone is not enough to overrule a context such as a ski post).
_QTY_RE = re.compile(
    r"(?<![\w.])\d+(?:[.,]\d+)?\s?(?:g|gr|grs|grammes?|kg|kilos?|oz|pills?|tabs?|cachets?|comprimes?|taz|buvards?|"
    r"pochons?|bags?)(?![^\W\d_])|(?:le|la|/|a|an|per)\s?(?:g|gramme|gram|8th|zip|oz|q)(?![^\W\d_])|\b(?:8th|eighth|zip|oz)\b"
    r"|\bpints?\b"  # ("🍇 pint $350": the US pint of syrup)
    r"|(?<![\w/])1/[248](?![\w/])")  # "🍄 1/8 $40": an eighth
# A grocery price: an amount per kilo, litre or pound ("20€ le kg", "$12/lb", "12€ le litre") or
# for a bag of several kilos ("5kg bags $6"). At the price of food or ice it cannot be a drug's
# (the cheapest drug sells at hundreds of euros a kilo), so a weak product term on its line is
# the food, not a code: "🍄 cèpes 20€ le kg", "Sorbet coco 12€ le litre", "Party ice 5kg bags $6"
# (not "🪨 20 l'une": the one, not a litre).
_GROCERY_RE = re.compile(
    r"(?<![\w.])(\d+(?:[.,]\d+)?)\s?(?:€|e|eur|euros?|\$|£|chf)?\s?(?:/|le |la |les |per |a |an |the |par )\s?"
    r"(kg|kgs|kilo|kilos|l|litre|litres|liter|liters|lb|lbs|pound)(?![^\W\d_]|['’])"
    r"|[$£€]\s?(\d+(?:[.,]\d+)?)\s?(?:/|per |a |an )\s?(kg|kilo|l|litre|liter|lb|lbs|pound)(?![^\W\d_])"
    r"|(?<![\w.])(\d+(?:[.,]\d+)?)\s?(kg|kgs|kilos?|lbs?|l|litres?)(?![^\W\d_]|['’])[^\d\n]{0,12}?(?<![\w.])(?:[$£€]\s?)?"
    r"(\d+(?:[.,]\d+)?)(?!\d|[.,]\d|\s\d{3}(?!\d))(?!\s?(?:g|kg|l|cl|ml|lbs?|kilos?|grammes?|k|batons?|bâtons?|briques?)(?![^\W\d_]))")
# A cheap prefilter (a quarter of the time): in every _GROCERY_RE match the unit follows a digit, a
# slash or a space ("5kg", "20€/kg", "12€ le litre"), and a bare "l" no letter (most lines have none)
_MAYBE_GROCERY_RE = re.compile(r"[\d/\s](?:kg|kilo|lb|pound|lit|l(?![^\W\d_]))")
# products whose mass is their container's (a nitrous bottle "2kg 45€"): never food by their price
_MASS_IS_SIZE = frozenset({"nitrous_oxide"})
# grams and their price ("pochon de bonbons 200g à 4€"): food when a kilo of it would cost as food does
_GROCERY_G_RE = re.compile(r"(?<![\w.])(\d+)\s?(?:g|gr|grammes?)(?![^\W\d_])[^\d\n]{0,12}?(?<![\w.])(?:[$£€]\s?)?"
                           r"(\d+(?:[.,]\d+)?)(?!\d|[.,]\d|\s?(?:g|gr|kg|grammes?)(?![^\W\d_]))")
_HUNDRED_GRAMS_RE = re.compile(r"\d{3}\s?g")
# The most a kilo (or litre, or pound) of food costs, in any currency: far below any drug's price
_GROCERY_MAX = {"kg": 150.0, "l": 30.0, "lb": 70.0}
_GROCERY_UNIT = {"kgs": "kg", "kilo": "kg", "kilos": "kg", "litre": "l", "litres": "l", "liter": "l",
                 "liters": "l", "lbs": "lb", "pound": "lb"}


def _amount(number: str) -> float:
    """"12,5" is 12.5, but "3,000" or "3.000" is three thousand."""
    whole, sep, frac = number.replace(",", ".").partition(".")
    return float(whole + frac) if sep and len(frac) == 3 else float(number.replace(",", "."))


def grocery_price(text: str, start: int, end: int) -> bool:
    """A price per kilo, litre or pound at the level of food on text[start:end] (see _GROCERY_RE)."""
    if _MAYBE_GROCERY_RE.search(text, start, end) is None:
        return False
    for m in _GROCERY_RE.finditer(text, start, end):
        if m.group(1):
            price, qty, unit = m.group(1), "1", m.group(2)
        elif m.group(3):
            price, qty, unit = m.group(3), "1", m.group(4)
        else:
            qty, unit, price = m.group(5), m.group(6), m.group(7)
        try:
            per = _amount(price) / _amount(qty)
        except (ValueError, ZeroDivisionError):
            continue
        if per < _GROCERY_MAX[_GROCERY_UNIT.get(unit, unit)]:
            return True
    return False


def grocery_grams(text: str, start: int, end: int) -> bool:
    """Grams at the price of food on text[start:end] ("pochon de bonbons 200g à 4€")."""
    if _HUNDRED_GRAMS_RE.search(text, start, end) is None:
        return False  # (a cheap prefilter: 100 grams or more are written with three digits or more)
    for m in _GROCERY_G_RE.finditer(text, start, end):
        grams = int(m.group(1))
        if grams >= 100 and _amount(m.group(2)) * 1000 / grams < _GROCERY_MAX["kg"]:
            return True
    return False


def street_grams(text: str, start: int, end: int) -> bool:
    """A few grams at a drug's price on text[start:end] ("5g 40e", "10g 75€"): at least 3 a gram,
    which no food, spice or sweet costs by the gram in a menu of a few grams."""
    for m in _GROCERY_G_RE.finditer(text, start, end):
        grams = int(m.group(1))
        if 1 <= grams <= 50 and _amount(m.group(2)) >= 3 * grams:
            return True
    return False


# A menu line: starts with an emoji, bullet or dash and carries a digit.
_WORDS_RE = re.compile(r"[^\W\d_]+")
# a price per piece right before the term: "$20 a rock", "10€ le caillou", "£10 each stone"
_PRICE_PER_BEFORE_RE = re.compile(r"(?:[$€£]\s?\d+|\d+\s?[$€£e])\s(?:a|an|per|each|le|la|l')\s?$")
_MENU_LINE_RE = re.compile(r"^\s*(?:[^\w\s]|\d\s?[-.)])[^\n]*\d")
# Tokens across which an emoji icon and a product word do not belong together.
_SEPARATORS = frozenset("|/+,;•·:=-—➡➜➝→(){}[]!?")
_TOWN_WORDS = frozenset({"roche", "roches"})  # "la roche": a town's short name unless priced before it
_ARTICLES = frozenset({"de", "d", "du", "la", "le", "les", "des", "of", "any", "some", "the", "'"})
_NUMBER_RE = re.compile(r"\d")
_DOSE_RE = re.compile(r"\d+(?:[.,]\d+)?(?:mg|mcg|µg|ug)")
_TEXT = attrgetter("text")
_CURRENCY_SIGNS = frozenset({"$", "£", "€", "💶", "💷", "💵"})
# the unit words that may stand between a menu's icon and its price ("🍇 pint $350"; not "⚡ zips $300")
_SLOT_UNITS = frozenset({"pint", "pints"})
_SLOT_NEXT = frozenset({":", "=", "➡", "➜", "➝", "→", "👉", "|", "(", "$", "£", "€", "💶", "💷", "💵"})
# A THC content no hemp product has: "25% THC", "THC 20 %", "thc: 90%".
_HIGH_THC_RE = re.compile(r"(?<![\d.,])(?:[1-9]\d|[2-9])(?:[.,]\d+)?\s?%\s?(?:de\s|of\s)?thc"
                          r"|thc\s?:?\s?(?:[1-9]\d|[2-9])(?:[.,]\d+)?\s?%")


def _entries(lang: str) -> list[Entry]:
    path = lexicon_file(lang, "products")
    return load_groups(path, values=PRODUCTS, extra_keys=EXTRA_KEYS) if path.exists() else []


def _context_entries(lang: str) -> list[Entry]:
    path = lexicon_file(lang, "product_context")
    return load_groups(path, extra_keys=()) if path.exists() else []


def build_matchers(langs: tuple[str, ...] = LANGS) -> dict[str, FastHiter]:
    """One matcher per language: its own products and context terms, the common (emoji) ones,
    and the strong product terms of the other languages (posts mix French and English)."""
    own = {lang: _entries(lang) for lang in langs}
    common = _entries("common")
    ctx_common = _context_entries("common")
    out: dict[str, FastHiter] = {}
    for lang in langs:
        entries: list[Entry] = []
        seen: set[tuple[str, str]] = set()
        product_terms: set[str] = set()

        take = _Taker(entries, seen, product_terms)
        for e in own[lang]:
            take(e)
        for e in common:
            take(e)
        for other in langs:
            if other == lang:
                continue
            for e in own[other]:
                if e.strength == "strong" and not e.get("own_language_only") and e.get("kind") != "emoji":
                    take(e, foreign=True)
        contexts = [*_context_entries(lang), *ctx_common]
        for e in contexts:
            take(e)
        _check_contexts(own[lang] + common, {e.value for e in contexts}, lang)
        out[lang] = FastHiter(entries)
    return out


def _check_contexts(products: list[Entry], known: set[str], lang: str) -> None:
    """Every context a product term names (unless, unless_always, needs, alt_if) must be a context
    group of its language or the common file: a misspelt one would silently never apply."""
    for e in products:
        for key in ("unless", "unless_always", "needs"):
            for name in e.get(key) or ():
                if name not in known:
                    raise LexiconError(f"{key} names an unknown context {name!r} (the contexts of "
                                       f"{lang}/product_context.toml and common/product_context.toml)", where=e.rule)
        alt_if = e.get("alt_if")
        if alt_if and alt_if not in known:
            raise LexiconError(f"alt_if names an unknown context {alt_if!r}", where=e.rule)


class _Taker:
    """Adds entries once; a foreign-language product term never overrides a local one."""

    def __init__(self, entries: list[Entry], seen: set[tuple[str, str]], product_terms: set[str]) -> None:
        self.entries, self.seen, self.product_terms = entries, seen, product_terms

    def __call__(self, e: Entry, *, foreign: bool = False) -> None:
        term = fold(e.term)
        if (term, e.value) in self.seen or (foreign and term in self.product_terms):
            return
        self.seen.add((term, e.value))
        if e.value in _PRODUCT_SET:
            self.product_terms.add(term)
        self.entries.append(e)


class Meta(NamedTuple):
    """The optional keys of an entry's group, read once (`Entry.get` is a linear scan)."""

    kind: str | None
    unit: str | None
    unless: tuple[str, ...]
    unless_always: tuple[str, ...]  # contexts that drop the term even on a line with a quantity
    needs: tuple[str, ...]
    support: str | None
    alt: str | None
    alt_if: str | None

    @classmethod
    def of(cls, e: Entry) -> Meta:
        return cls(e.get("kind"), e.get("unit"), tuple(e.get("unless") or ()), tuple(e.get("unless_always") or ()),
                   tuple(e.get("needs") or ()),
                   e.get("support"), e.get("alt"), e.get("alt_if"))


class Hit(NamedTuple):
    """A lexicon match (the fields of `lexicon.Match`, as a cheap tuple, plus the entry's `Meta`)."""

    entry: Entry
    start: int  # normalised-text offsets
    end: int
    first_token: int  # index into norm.tokens
    n_tokens: int
    meta: Meta


_Node = dict[str, tuple["_Node", list[tuple[Entry, Meta]] | None]]
# `Hit(...)` runs a Python-level `__new__`; `tuple.__new__(Hit, fields)` builds the same object in C
_new_hit = partial(tuple.__new__, Hit)
# `Finding(...)` (and `Analysis.add_norm`, which makes one) runs Python-level calls; this builds the
# same tuple in C from all eight fields, appended to `a.findings` as `Analysis.add` does
_finding = partial(tuple.__new__, Finding)


_UNIT_GLUE = frozenset("/0123456789€$£")
_PER_WORDS = frozenset({"le", "la", "l", "a", "the", "per", "un", "une", "each"})


class FastHiter:
    """The `TermHiter` semantics (longest whole-token match, left to right) over a token trie;
    candidate first tokens are picked at C speed (`compress`)."""

    def __init__(self, entries: list[Entry]) -> None:
        self._root: _Node = {}
        self._n = 0
        product_firsts: set[str] = set()
        for e in entries:
            key = tuple(tokenize(fold(e.term)))
            if not key:
                continue
            node = self._root
            for depth, w in enumerate(key):
                child = node.get(w)
                if child is None:
                    child = node[w] = ({}, None)
                if depth == len(key) - 1:
                    ents = child[1]
                    if ents is None:
                        ents = []
                        node[w] = (child[0], ents)
                        self._n += 1
                    ents.append((e, Meta.of(e)))
                node = child[0]
            if e.value in _PRODUCT_SET:
                product_firsts.add(key[0])
        self.product_firsts = frozenset(product_firsts)

    def __len__(self) -> int:
        return self._n

    def find(self, norm: Normalised, words: list[str] | None = None) -> list[Hit]:
        toks = norm.tokens
        if words is None:
            words = list(map(_TEXT, toks))
        root = self._root
        out: list[Hit] = []
        n = len(words)
        nxt = 0
        text = norm.text
        for i in compress(range(n), map(root.__contains__, words)):
            if i < nxt:
                continue
            if words[i] == "g" and i + 1 < n and i and (text[toks[i].start - 1] in _UNIT_GLUE
                                                         or words[i - 1] in _PER_WORDS):
                continue  # "25€/g / 💧 G", "25 le g 💧 G": a price's gram opens no term ("g 💧" is GHB's droplet)
            child, ents = root[words[i]]
            last, best = (i, ents) if ents else (-1, None)
            j = i + 1
            while child and j < n:
                step = child.get(words[j])
                if step is None:
                    break
                child, ents = step
                if ents:
                    last, best = j, ents
                j += 1
            if best is not None:
                s, e = toks[i].start, toks[last].end
                size = last - i + 1
                for en, meta in best:
                    out.append(_new_hit((en, s, e, i, size, meta)))
                nxt = last + 1
        return out


class ProductAnalyser(Analyser):
    name = "products"
    languages = LANGS
    provides = ("products",)
    version = "1"

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(options)
        self.matchers = build_matchers(LANGS)
        # (id of an entry kept alive by `matchers`, value, support) -> the finding's explanation
        self._why: dict[tuple[int, str, str], str] = {}

    # -- helpers ---------------------------------------------------------------------------

    @staticmethod
    def _line_of(starts: list[int], pos: int) -> int:
        return bisect_right(starts, pos) - 1

    def analyse(self, a: Analysis) -> None:
        self._terms(a)
        letters = ghb_letters(a)
        if letters:
            self._ghb(a, letters)

    def _ghb(self, a: Analysis, letters: list[tuple[int, int, int]]) -> None:
        """The capital G sold by the ml (product_letters.py), unless a term already said GHB there."""
        notes = a.notes["product_lines"]
        if not notes["lines"]:
            notes["lines"] = _line_spans(a.norm.text)
        for li, s, e in letters:
            start, end = a.norm.span(s, e)
            if any(f.kind == "products" and f.start <= start < f.end for f in a.findings):
                continue
            notes["mentions"].setdefault(li, []).append((s, e, "ghb", "ml"))
            notes["mentions"][li].sort()
            a.findings.append(_finding(("products", "ghb", start, end, self.name, "grammar:ghb_letter", 1.0,
                                        "the letter G sold by the ml (\"G 10ml 15€\"): GHB or GBL")))

    def _terms(self, a: Analysis) -> None:
        norm = a.norm
        matcher = self.matchers.get(a.lang) or self.matchers[LANGS[0]]
        toks = norm.tokens
        words = norm.words
        if matcher.product_firsts.isdisjoint(words):  # no product term can start anywhere
            a.notes["product_lines"] = {"lines": [], "mentions": {}}
            return
        found = matcher.find(norm, words)
        prods: list[Hit] = []
        ctx: dict[str, list[Hit]] = {}
        for m in found:
            if m.entry.value in _PRODUCT_SET:
                if m.meta.support != "amount" or amount_before(norm.text, m.start):  # ("10 de vert", not "vert")
                    prods.append(m)
            else:
                ctx.setdefault(m.entry.value, []).append(m)
        text = norm.text
        lines = _line_spans(text)
        a.notes["product_lines"] = {"lines": lines, "mentions": {}}
        if not prods:
            return
        starts = [s for s, _ in lines]
        line_of = partial(bisect_right, starts)  # line_of(pos) - 1: the line of a position
        line_qp: dict[int, bool] = {}
        # a voice note transcribed says its prices in words ("the white, fifty a bag, two for ninety")
        spoken = voice_note(text) and sum(w in _NUMBER_WORDS for w in words) >= 2

        def has_qp(li: int) -> bool:
            v = line_qp.get(li)
            if v is None:
                s, e = lines[li]
                v = spoken or (_NUMBER_RE.search(text, s, e) is not None
                               and (_QP_RE.search(text, s, e) is not None or _arrow_pair(text, s, e)))
                line_qp[li] = v
            return v

        line_grocery: dict[int, bool] = {}

        def grocery(li: int) -> bool:
            v = line_grocery.get(li)
            if v is None:
                v = line_grocery[li] = grocery_price(text, *lines[li])
            return v

        # the contexts that overrule a product word, but for an emoji that is itself a product term
        # ("🍭 tabs $15": the lollipop of LSD menus, not a kitchen's; the emoji keeps its own context)
        emoji_spans = {(p.start, p.end) for p in prods if p.meta.kind == "emoji"}
        ctx_other = {v: hs for v, hs in ((v, [h for h in hs if (h.start, h.end) not in emoji_spans])
                                         for v, hs in ctx.items()) if hs} if emoji_spans else ctx
        negs = ctx.get("negation", [])
        neg_ends = {n.first_token + n.n_tokens for n in negs}

        def negated(m: Hit) -> bool:
            i = m.first_token
            if i in neg_ends:
                return True
            return i - 1 in neg_ends and toks[i - 1].text in _ARTICLES

        # CBD lines (not negated) and CBD shops
        cbd_lines = {self._line_of(starts, c.start) for c in ctx.get("cbd", []) if not negated(c)}
        cbd_shop = bool(cbd_lines) and "cbd_shop" in ctx
        if cbd_lines and _HIGH_THC_RE.search(text):  # "25% THC": not legal hemp, whatever the shop says
            cbd_lines, cbd_shop = set(), False
        prod_lines = [line_of(m.start) - 1 for m in prods]

        def has_qty(li: int) -> bool:
            s, e = lines[li]
            return has_qp(li) and (_QTY_RE.search(text, s, e) is not None or _arrow_pair(text, s, e))

        # a product word in the post: a letter then a bare price is a menu slot too ("shit 8 · c 70")
        strong_word = any(m.entry.strength == "strong" and m.meta.kind is None for m in prods)

        def priced_here(m: Hit, li: int) -> bool:
            """The term is sold right there, whatever its context: a quantity on its line, a price per
            piece just before it ("$20 a rock"), an emoji heading the line of its prices ("❄️ Girl"
            over "1g $80 | 3.5 $220"), or an emoji over a line of grams at a drug's price ("les 🍫 sont
            meilleurs 😂" over "5g 40e / 10g 75e")."""
            return (has_qty(li) or _PRICE_PER_BEFORE_RE.search(text, max(0, m.start - 16), m.start) is not None
                    or (m.meta.kind == "emoji" and li + 1 < len(lines) and has_qty(li + 1)
                        and (len(_WORDS_RE.findall(text, *lines[li])) <= 1 or (
                            street_grams(text, *lines[li + 1])  # (and the grams are no other product's)
                            and not any(lines[li + 1][0] <= p.start < lines[li + 1][1] for p in prods)))))

        def blocked(m: Hit, li: int) -> bool:
            e = m.entry
            if negated(m):
                return True
            meta = m.meta
            if e.strength == "weak" and meta.kind is None and _after_count(text, toks, m.first_token) \
                    and not paired(m, ctx):
                return True  # "60 tabs", "3 ballons": a unit after a number, not a product ("2 white 1 brown" is)
            if m.end - m.start == 1 and text[m.end:m.end + 1] == "-" and text[m.end + 1:m.end + 2].isalpha():
                return True  # "e-transfer", "b-boy": a one-letter prefix, not a one-letter code
            if m.end - m.start == 1 and text[m.start] == "h" and after_quarter(toks, m, lines[li]):
                return True  # "Q £60 | H £110": the half ounce after the quarter, not heroin
            if m.end - m.start == 1 and text.endswith(("half ", "half a "), 0, m.start):
                return True  # "half k $1900": half a kilo, not ketamine
            if m.end - m.start == 1 and spelled_out(text, m.start):
                return True  # "T H E  B A K E H O U S E": a letter of a word written spaced out
            if (meta.kind == "emoji" and (meta.support == "line" or text[m.start:m.end] in _DECOR_EMOJI)
                    and (frame := _framing(text, m.start, m.end, lines[li])) is not None and not any(
                    frame[0] <= p.start and p.end <= frame[1] and p.meta.kind != "emoji" for p in prods)):
                return True  # "💎 PLUG PREMIUM 💎", "⚡ FLASH SALE ⚡": an emoji framing a title (not "🍁 Cali 🍁")
            if (toks[m.first_token].text in _TOWN_WORDS and m.first_token > 0
                    and toks[m.first_token - 1].text in ("la", "#")
                    and _PRICE_PER_BEFORE_RE.search(text, max(0, m.start - 16), m.start) is None):
                return True  # "livraison la roche + alentours": La Roche-sur-Yon, not "20€ la roche" of crack
            if e.value in CANNABIS and (li in cbd_lines or cbd_shop or _cbd_next(toks, m)):
                return True
            if e.value == "crack" and text[m.start:m.end] == "base" and a.norm.original_text(
                    m.start, m.end)[-1:] in ("é", "É"):
                return True  # "basé dans l'Aude", "📍 basé 38": where a seller is based, not crack's "base"
            needs = meta.needs
            if needs and not any(c in ctx for c in needs):
                return True
            unless = meta.unless
            pool = ctx if (m.start, m.end) in emoji_spans else ctx_other  # (the emoji itself keeps its own)
            if unless and any(u in pool for u in unless) and not priced_here(m, li):
                return True
            if meta.unless_always and any(u in ctx for u in meta.unless_always):
                return True  # "Colombian 250g £9" in a coffee roaster's post
            if e.strength == "weak" and has_qp(li) and e.value not in _MASS_IS_SIZE and (
                    grocery(li) or grocery_grams(text, *lines[li])):
                return True  # "🍄 cèpes 20€ le kg": food at the price of food
            kind = meta.kind
            if kind == "letter" and text[m.start:m.end] == "c" and (any(
                    p.first_token + p.n_tokens == m.first_token and p.meta.kind not in ("letter", "emoji")
                    for p in prods) or (m.first_token > 0 and toks[m.first_token - 1].text in _BEFORE_CEST)
                    or _opens_a_message(text, lines[li][0], m.start, a.post.text)):
                return True  # "la verte c 10 le g", "sinon c 280": the SMS "c'est", not cocaine's letter
            if kind == "letter" and not letter_slot(text, toks, m, lines[li],
                                                     has_qp(li) or (strong_word and _bare_price_next(toks, m))):
                return True
            if kind in ("quality", "form"):
                # a quality yields to any other product on its segment, a form to another product's word
                beside = ("quality", "form") if kind == "quality" else ("quality", "form", "emoji")
                for m2, l2 in zip(prods, prod_lines, strict=True):
                    if kind == "form" and m2.entry.value == e.value:
                        continue  # "Cristal (meth)": the same product
                    if l2 == li and m2 is not m and m2.meta.kind not in beside and not _SEGMENT_BREAK_RE.search(
                            text, min(m.end, m2.end), max(m.start, m2.start)):
                        return True  # "shit c'est de la frappe", "Cristal MD"; not "frappe 9€ le g, teuch 6€ le g"
            return False

        ok = [not blocked(m, li) for m, li in zip(prods, prod_lines, strict=True)]
        strong_present = any(k and m.entry.strength == "strong" and m.meta.kind is None
                             for m, k in zip(prods, ok, strict=True))
        sale_present = "sale" in ctx
        menu: bool | None = None
        mentions: dict[int, list[tuple[int, int, str, str | None]]] = a.notes["product_lines"]["mentions"]
        for idx, (m, li) in enumerate(zip(prods, prod_lines, strict=True)):
            if not ok[idx]:
                continue
            e = m.entry
            support = "strong"
            meta = m.meta
            if meta.support == "line" and not (has_qp(li) and _menu_slot(toks, m, lines[li])):
                continue  # "⚡ FLASH SALE ⚡": decoration, not "⚡ : 1g 50€"
            if meta.support == "line" and m.start > lines[li][0] and _GLUED_RE.match(text, m.start - 1):
                continue  # "🚗💨 : 5€ la livraison": the dash of a car, glued to it
            if e.strength == "weak":
                if has_qp(li):
                    support = "price or quantity on the line"
                elif strong_present:
                    support = "a strong product term in the post"
                elif amount_before(text, m.start):
                    support = "an amount ordered"  # "10 de vert et 5 de marron"
                elif meta.kind == "piece" and _after_count(text, toks, m.first_token) and _bare_price_next(toks, m):
                    support = "a count of the product's pieces and their price"  # "2 galettes = 40", "3 roches 50"
                elif meta.support == "pair" or paired(m, ctx):
                    support = "the UK pair of colours"  # "brown n white", "2 white 1 dark"
                elif sale_present:
                    support = "sale cues in the post"
                elif _emoji_cluster(prods, ok, idx):
                    support = "a cluster of product emoji"
                elif _word_and_emoji(prods, ok, idx, text, lines[li]):
                    support = "the product's word and its emoji, with a number"
                elif _slot_line(toks, prods, ok, prod_lines, li, lines[li]):
                    support = "a line of product slots"  # "🌿 10 | 🍫 8"
                elif _bare_price_next(toks, m) and m.start - lines[li][0] <= 3 and any(
                        ok[j] and l2 != li and has_qp(l2) for j, l2 in enumerate(prod_lines)):
                    support = "a list of priced products"  # "brun 25 le g / blanche 50 / caillou 20 pièce"
                elif li + 1 < len(lines) and has_qp(li + 1) and _CHAT_LINE_RE.match(text, lines[li][0]) \
                        and _CHAT_LINE_RE.match(text, lines[li + 1][0]):
                    support = "a price in the reply"  # "Shaz: u got any of that blue cheese / Dunc: 3.5 for 25"
                elif (li + 1 < len(lines) and has_qp(li + 1) and not any(c.isdigit() for c in text[slice(*lines[li])])
                      and sum(1 for l2 in prod_lines if l2 == li) >= 2):
                    support = "the header of a priced table"  # "QTY  FLOWER  SOLID" over "4oz £560 £420"
                else:
                    if menu is None:
                        menu = sum(1 for s, t in lines if _MENU_LINE_RE.match(text, s, t)) >= 2
                    if not menu:
                        continue
                    support = "a menu layout"
            value = e.value
            kind = meta.kind
            alt, alt_if = meta.alt, meta.alt_if
            if kind == "emoji":
                if _yields(toks, m, prods, ok, idx, prod_lines):
                    continue
                if alt and alt_if and _context_on(ctx.get(alt_if, ()), starts, li, self._line_of,
                                                  prods, prod_lines, ok, alt):
                    value = alt
            elif alt and alt_if and alt_if in ctx:  # a word: its alt context anywhere in the post
                value = alt
            unit = meta.unit
            if value != e.value:
                unit = None
            mentions.setdefault(li, []).append((m.start, m.end, value, unit))
            # the sentence depends on the entry, the value and the support only: made once
            why_key = (id(e), value, support)
            why = self._why.get(why_key)
            if why is None:
                why = self._why[why_key] = (f"{e.strength} product term {e.term!r} means {value} "
                                            f"({e.source or 'project lexicon'}); support: {support}")
            # what `a.add_norm` does, the Finding built in C (see `_finding`)
            start, end = norm.span(m.start, m.end)
            a.findings.append(_finding(("products", value, start, end, self.name, e.rule,
                                        1.0 if e.strength == "strong" else 0.6, why)))


# the words of a title between two of the same emoji: letters, spaces and hours only, on one line
# ("⚡ FLASH jusqu'à 1h ⚡")
_TITLE_RE = re.compile(r"[ \t]*(?:[^\W\d_]+|\d{1,2}h\d{0,2})(?:[ \t'\-](?:[^\W\d_]+|\d{1,2}h\d{0,2})){0,5}[ \t]*")
# product emoji that decorate titles too ("💎 PLUG PREMIUM 💎"); emoji that only give a product
# ("❄️ back tonight ❄️ ... £60 g", "🍄 fin de saison 🍄") keep it whatever they frame
_DECOR_EMOJI = frozenset({"💎", "🔮", "💊"})


def _framing(text: str, start: int, end: int, line: tuple[int, int]) -> tuple[int, int] | None:
    """The span of the title the emoji text[start:end] and the same emoji frame on their line
    ("⚡ FLASH SALE ⚡"), or None."""
    emoji = text[start:end]
    n = len(emoji)
    while text.startswith(emoji, end):  # "💊💊 ENVOI DISCRET 💊💊": a run of the same emoji
        end += n
    after = _TITLE_RE.match(text, end, line[1])
    if after is not None and text.startswith(emoji, after.end()):
        return end, after.end()
    while start - n >= line[0] and text.startswith(emoji, start - n):
        start -= n
    before = text.rfind(emoji, line[0], start)
    if before >= 0 and _TITLE_RE.fullmatch(text, before + n, start) is not None:
        return before + n, start
    return None


_QTY_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)?(?:g|gr|kg|ml|cl)")
_PRICE_ARTICLES = frozenset({"le", "la", "l'", "les", "du", "the"})


def _after_count(text: str, toks: list[Any], i: int) -> bool:
    """The term follows a count on its line ("60 tabs"), not a price ("$200 midgrade")."""
    if i == 0:
        return False
    prev = toks[i - 1]
    if not prev.text[-1:].isdigit() or "\n" in text[prev.end:toks[i].start] or len(prev.text) >= 5:
        return False  # (five digits or more: a phone number's end, "07700 900417 brown £10 a bag")
    if toks[i].text in _PRICE_ARTICLES:
        return False  # "10 le vert": a price for the product, not a count of it
    if i >= 2 and toks[i - 2].text in _CURRENCY_SIGNS:
        return False
    # "1g 70 blanche": a price after a quantity, then the product it is for
    return not (i >= 2 and _QTY_TOKEN_RE.fullmatch(toks[i - 2].text) is not None
                and "\n" not in text[toks[i - 2].end:prev.start])


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of the normalised text (as `Normalised.lines`)."""
    out = []
    start = 0
    for line in text.split("\n"):  # a plain loop: faster than map/accumulate for a post's few lines
        end = start + len(line)
        out.append((start, end))
        start = end + 1
    return out


def _emoji_cluster(prods: list[Hit], ok: list[bool], idx: int) -> bool:
    """'🍁🍫❄️': product emoji of different products side by side read as a menu."""
    m = prods[idx]
    if m.meta.kind != "emoji":
        return False
    for j in (idx - 1, idx + 1):
        if 0 <= j < len(prods) and ok[j]:
            m2 = prods[j]
            if (m2.meta.kind == "emoji" and m2.entry.value != m.entry.value
                    and abs(m2.first_token - m.first_token) <= 2):
                return True
    return False


def _word_and_emoji(prods: list[Hit], ok: list[bool], idx: int, text: str, line: tuple[int, int]) -> bool:
    """'galette 🪨 20': a product's word and its emoji side by side, and a number on the line."""
    m = prods[idx]
    for j in (idx - 1, idx + 1):
        if 0 <= j < len(prods) and ok[j]:
            m2 = prods[j]
            if (m2.entry.value == m.entry.value and (m2.meta.kind == "emoji") != (m.meta.kind == "emoji")
                    and abs(m2.first_token - m.first_token) == 1
                    and any(c.isdigit() for c in text[line[0]:line[1]])):
                return True
    return False


def _cbd_next(toks: list[Any], m: Hit) -> bool:
    """'Amnesia CBD', 'Résine CBD': CBD right after the term."""
    j = m.first_token + m.n_tokens
    return j < len(toks) and toks[j].text in ("cbd", "cbg", "hhc")


# what separates the items of a menu written on one line: a mark, or a quantity and its price between
# two words ("frappe 10g 90 shit 10g 65")
_SEGMENT_BREAK_RE = re.compile(r"[,;.|·•/]|\s\d+ ?(?:g|gr)?\s+\d+\s")


def _bare_price_next(toks: list[Any], m: Hit) -> bool:
    """The term is followed right away by a whole number of 10 to 999 ("c 70", "C A 60")."""
    j = m.first_token + m.n_tokens
    if j < len(toks) and toks[j].text in ("a", "="):
        j += 1  # ("c a 70", "2 galettes = 40")
    return j < len(toks) and toks[j].text.isdigit() and 10 <= int(toks[j].text) <= 999


def _opens_a_message(text: str, line_start: int, i: int, original: str) -> bool:
    """The letter at `i` of the normalised `text` opens a chat message: only a speaker's name (and
    a time) before it on its line, in a chat where two people take turns ("[22:31] Karim: c 10
    balles chacun")."""
    if i - line_start > 60 or ":" not in text[line_start:i]:
        return False
    m = _CHAT_LINE_RE.match(text, line_start, i)
    if m is None or m.end() != i:
        return False
    from .cues import conversation  # (here only: the cues analyser comes later in the pipeline)

    return bool(conversation(original))


# a chat's message (normalised): a time in brackets, a name and a colon ("[20:12] dunc: aye")
_CHAT_LINE_RE = re.compile(r"\s*(?:\[[^\]\n]{1,40}\]\s*)?[^\W\d][\w'’-]{0,20}(?: [^\W\d][\w'’-]{0,20})? ?: +")


# words after which an SMS "c" is "c'est" ("sinon c 280", "ça c 50"), never cocaine's letter
_BEFORE_CEST = frozenset({"sinon", "ca", "ce", "mais", "donc", "alors", "total", "prix", "tarif", "tout", "ici"})
# the character before an emoji that makes it part of another sign (a letter, a digit, an emoji)
_GLUED_RE = re.compile(r"[^\s\-–—•·|:,;.()\[\]/*>]")


def _menu_slot(toks: list[Any], m: Hit, line: tuple[int, int]) -> bool:
    """The term heads a menu slot: followed on its line by a colon, dash, arrow, quantity or price."""
    j = m.first_token + m.n_tokens
    if j >= len(toks) or toks[j].start > line[1]:
        return False
    nxt = toks[j].text
    if nxt == "-":  # "🦄 - 2g : 65€", "🦄 — le g à 35€", not "⚡ -20%"
        return not (j + 2 < len(toks) and toks[j + 1].text[:1].isdigit() and toks[j + 2].text == "%")
    return (nxt in _SLOT_NEXT or nxt[:1].isdigit() or (len(nxt) == 1 and ord(nxt) >= 0x2600)  # an emoji
            or (nxt in _SLOT_UNITS and j + 1 < len(toks) and toks[j + 1].start <= line[1]
                and (toks[j + 1].text[:1].isdigit() or toks[j + 1].text in _CURRENCY_SIGNS)))  # "🍇 pint $350"


def _slot_line(toks: list[Any], prods: list[Hit], ok: list[bool], prod_lines: list[int], li: int,
               line: tuple[int, int]) -> bool:
    """Two product emoji of different products on one line, each followed by a number: "🌿 10 | 🍫 8"."""
    values = set()
    for m, k, l2 in zip(prods, ok, prod_lines, strict=True):
        if k and l2 == li and m.meta.kind == "emoji":
            j = m.first_token + m.n_tokens
            if j < len(toks) and toks[j].start <= line[1] and toks[j].text[:1].isdigit():
                values.add(m.entry.value)
    return len(values) >= 2


def _yields(toks: list[Any], m: Hit, prods: list[Hit], ok: list[bool], idx: int,
            prod_lines: list[int]) -> bool:
    """An emoji icon yields to a different product word right next to it on its line."""
    li = prod_lines[idx]
    for j, (m2, l2) in enumerate(zip(prods, prod_lines, strict=True)):
        if j == idx or l2 != li or not ok[j] or m2.meta.kind == "emoji":
            continue
        if m2.entry.value == m.entry.value:
            continue
        if m2.first_token == m.first_token + m.n_tokens:  # "💊 Xanax"
            return True
        if m2.first_token + m2.n_tokens == m.first_token:  # "Wax 🍯"
            return True
        if 0 < m.first_token - (m2.first_token + m2.n_tokens) <= 2 and _DOSE_RE.fullmatch(
                "".join(t.text for t in toks[m2.first_token + m2.n_tokens:m.first_token])):
            return True  # "valium 10mg 💙": the dose belongs to the word before the icon
        gap_before = toks[m2.first_token + m2.n_tokens:m.first_token]
        if 0 < len(gap_before) <= 2 and all(t.text.isalpha() for t in gap_before) and not any(
                p.first_token == k for p in prods for k in range(m2.first_token + m2.n_tokens, m.first_token)):
            return True  # "💎 COCAÏNE PURE 💎": the icon closing a product's name and its adjective
        if 0 < m2.first_token - (m.first_token + m.n_tokens) <= 3:
            gap = toks[m.first_token + m.n_tokens:m2.first_token]
            if not any(t.text in _SEPARATORS or any(p.first_token == k for p in prods)
                       for k, t in enumerate(gap, start=m.first_token + m.n_tokens)):
                return True
    return False


def _context_on(found: Any, starts: list[int], li: int, line_of: Any, prods: list[Hit],
                prod_lines: list[int], ok: list[bool], alt: str) -> bool:
    """The alt context is on the emoji's line, or the alt product is named on that line."""
    for c in found:
        if line_of(starts, c.start) == li:
            return True
    return any(k and l2 == li and m.entry.value == alt
               for m, l2, k in zip(prods, prod_lines, ok, strict=True))
