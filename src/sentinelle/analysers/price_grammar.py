"""The price grammar's vocabulary and tokens: units, currencies, markers and number words read
from `data/common/units.toml`, compiled once into the tokenizer regex and the phrase tables that
`prices.py` walks. Edit the TOML file to teach it a word."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from functools import lru_cache, partial
from operator import attrgetter, itemgetter
from typing import Any, NamedTuple

from ..errors import LexiconError
from ..lexicon import read_toml
from ..normalize import alternation

_NUM = r"\d+(?:[.,]\d+)?"
# The same, its leading digits possessive (`\d++`, never given back): wherever it is followed by
# something that cannot start with a digit (a unit, "%", a word end), giving a digit back can never
# make a match, and `re` no longer retries every shorter run of digits before it gives up (the
# number alternatives below fail one after another on most numbers)
_NUM_P = r"\d++(?:[.,]\d+)?"
_PUNCT_CHARS = r"=:➡→➜➝⇒►▶/|•·,;—\-()\[\]+.!"  # a punctuation token of one character
_WORD_END = r"(?![^\W_])"


class Tok(NamedTuple):
    kind: str
    start: int  # normalised offsets
    end: int
    value: float = 0.0
    unit: str | None = None  # unit, currency or marker text


# `Tok(...)` runs a Python-level `__new__`; `tuple.__new__(Tok, (kind, start, end, value, unit))`
# builds the same object in C (every field given): the tokenizer makes ten of them per post
_tok = partial(tuple.__new__, Tok)
_THOUSANDS = re.compile(r"\d{1,3}[.,]\d{3}")


def _num(s: str) -> float:
    if "." not in s and "," not in s:  # the usual case, without a regex call
        return float(s)
    if _THOUSANDS.fullmatch(s):  # "1.000" / "1,500": thousands
        return float(s.replace(".", "").replace(",", ""))
    return float(s.replace(",", "."))


# "one fifty", "two sixty": hundreds left unsaid in English spoken prices
_EN_DIGITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TENS = frozenset(range(10, 100))


class Grammar:
    """The compiled price-notation vocabulary of `data/common/units.toml`."""

    def __init__(self, doc: Mapping[str, Any]) -> None:
        self.mass: dict[str, tuple[str, float]] = {}
        for spec in doc["mass"].values():
            for w in spec["words"]:
                self.mass[w] = (spec["out"], float(spec["factor"]))
        self.count = {w: unit for unit, words in doc["count"].items() for w in words}
        self.named = {w: (float(v[0]), str(v[1])) for w, v in doc["named"].items()}
        self.containers = {w: unit for unit, words in doc["containers"].items() for w in words}
        self.currency: dict[str, str] = {w: cur for cur, words in doc["currency"].items() for w in words}
        self.minor: dict[str, float] = {w: float(f) for w, f in doc.get("minor_currency", {}).items()}
        self.number_words: dict[str, int] = {w: int(v) for w, v in doc.get("number_words", {}).items()}
        self.spelt_re: re.Pattern[str] | None = None
        self.spelt_all_re: re.Pattern[str] | None = None
        if self.number_words:
            words = alternation(list(self.number_words))
            part = rf"(?:{words}|un|une|one)"
            # (a named amount or a counted unit too: "two 8ths for £55", "deux taz 15€"; not a
            # one-letter name, "one q", nor a bag named by its price, "ten bag £10")
            unit_after = alternation([*self.currency, *self.mass, *(w for w in (*self.named, *self.count)
                                                                     if len(w) > 1 and w != "bag")])
            # a number in words, then (after at most an article) a currency, a unit, an amount
            # the look-behind sits after the first letter (`re` then scans for the letters a
            # number word can start with, instead of trying the look-behind at every position)
            first = alternation([*self.number_words, "one"], after_first=r"(?<![^\W_](?s:.))")
            self.spelt_re = re.compile(
                rf"(?:{first})(?:(?:-|\s|\s+et\s+|\s+and\s+){part})*(?![^\W_])"
                rf"(?=\s?(?:(?:le|la|les|l'|a|an|per|the)\s)?(?:{unit_after})(?![^\W_]))")
            # every number in words, whatever follows: for posts that write all their numbers so
            # (voice notes transcribed: "du shit à cinquante les dix")
            self.spelt_all_re = re.compile(rf"(?:{first})(?:(?:-|\s|\s+et\s+|\s+and\s+){part})*(?![^\W_])")
        self.each = list(doc["each"])
        markers = doc["markers"]
        self.markers = {w: kind for kind in ("old", "threshold", "free", "pay", "fee") for w in markers.get(kind, ())}
        self.banknotes = frozenset(markers["banknote"])
        self.default_unit: dict[str, str] = dict(doc["default_unit"])
        self.mass_is_size = frozenset(doc["mass_is_size"]["products"])
        self.sold_by_piece = frozenset(doc["sold_by_piece"]["units"])
        self.cannabis_measures = frozenset(doc.get("cannabis_measures", {}).get("words", ()))
        unknown = self.cannabis_measures - self.named.keys()
        if unknown:
            raise ValueError(f"cannabis_measures: {sorted(unknown)} are not named amounts ([named])")
        # their first words, to test a post's words in C (see PriceAnalyser.analyse)
        self.cannabis_measure_firsts = frozenset(w.split()[0] for w in self.cannabis_measures)
        self.free_re = re.compile(r"(?<![^\W_])(?:" + alternation(list(markers["free"])) + r")(?![^\W_])")
        self.filler = frozenset(doc.get("filler", {}).get("words", ()))
        self.fl_oz = float(doc.get("fluid_ounce", {}).get("ml", 29.5735))
        prefix_cur = [w for w in self.currency if not w[0].isalpha()]
        suffix_cur = list(self.currency)
        per_words = [*self.mass, *self.named, *self.containers,
                     *(w for w in self.count if not w.endswith("s"))]
        articles = [a for a in doc["per_articles"] if a not in ("/", "each")]
        cont_words = [*self.containers, *(w + "s" for w in self.containers)]
        named_digit = [w for w in self.named if w[0].isdigit()]
        named_word = [w for w in self.named if not w[0].isdigit()]
        b = r"(?<![^\W_])"
        # numbers and what sticks to them; words and punctuation are classified in Python. The
        # lookahead first names every character a token can start with: `re` tries each
        # alternative at each position, and this lets it pass spaces and emoji at once
        self.regex = re.compile(rf"(?=[\w~…£$€💶💷💵{_PUNCT_CHARS}])(?:" + "|".join([
            r"(?=[\d+£$€💶💷💵])(?:"
            + "|".join([
                r"(?P<phone>(?:\+|00)?\d(?:[ .\-]?\d){8,})",
                # a time, a duration or an age: the lookahead (what any of them has after its digits)
                # turns most numbers away at once, before the five alternatives are tried in turn
                rf"(?=\d++(?:[:.]|\s?[hmayjdswcktp/]))"
                rf"(?P<time>\d{{1,2}}+\s?h\s?(?:\d{{2}})?{_WORD_END}|\d{{1,2}}+(?:[:.]\d{{2}})?\s?(?:am|pm){_WORD_END}"
                # a chat's clock: "[21:03] Kev:", "[14/02/2025 21:12]", "21:03:45", "12/03/2025, 21:03 - Kev:"
                # (WhatsApp export; or with no comma after the date)
                r"|\d{1,2}:[0-5]\d(?::[0-5]\d)?(?=\])|\d{1,2}:[0-5]\d:[0-5]\d"
                # a time of day from ten to eleven at night ("18:42, be in Waverley for 19:20"): in the
                # hand-written menus no such pair is a quantity and its price
                r"|(?<![\d.,:/])(?:1\d|2[0-3]):[0-5]\d(?![\d:])"
                r"|(?<=, |\d )\d{1,2}:[0-5]\d(?= [-–] )"
                rf"|\d++\s?(?:min|mins|minutes|ans|years?|yo|jours?|days?|semaines?|weeks?|mois|months?|heures?"
                rf"|hours?|hrs?|j|cm|km|m|mm|kms|t){_WORD_END}|\d++\s?/\s?7\b|\d++\s?j\s?/\s?\d+)",
                rf"(?P<pct>[-+]?{_NUM_P}\s?%)",
                rf"(?P<ords>(?:[1-9]|1\d|20)e(?:/(?:[1-9]|1\d|20)e)+{_WORD_END}"  # "Paris 11e/20e"
                r"|\d{1,2}e(?= (?:commandes?|fois|achats?|visites?|clients?|places?|etages?|offerte?s?"
                r"|gratuite?s?|pochons?|sachets?|articles?|produits?|barrettes?)\b))",
                # "ta 8e commande = 3,5g offerts", "la 11e offerte": an ordinal, not euros
                rf"(?P<dose>{_NUM_P}\s?(?:mg|mcg|µg|ug){_WORD_END})",
                rf"(?P<named>{b}(?:{alternation(named_digit)}){_WORD_END})",
                r"(?P<date>\d{1,2}/\d{1,2}(?:/\d{2,4})?)",
                rf"(?P<cpre>(?:{alternation(prefix_cur)})\s?)(?P<cnum>{_NUM})(?P<ck>k{_WORD_END})?",
                # thousands grouped by spaces before a currency ("3 500€", "10 000F" in Pacific francs;
                # not "x3 120€", "carton de 6 150€", "1/2 110€": a count, then its price)
                rf"(?<![\dx/])(?<!\bde )(?<!\bof )(?P<tnum>\d{{1,3}}(?: \d{{3}})+)\s?"
                rf"(?P<tcur>{alternation([*suffix_cur, 'f'])}){_WORD_END}",
                rf"(?P<num>{_NUM_P})\s?(?:(?P<mass>{alternation(list(self.mass))})(?!['’])|(?P<cur>{alternation(suffix_cur)})"
                rf"|(?:x\s?)?(?P<count>{alternation(list(self.count))})){_WORD_END}",
                rf"(?P<ord>\d++\s?(?:eme|er|ere|nd|rd|th|st|ieme){_WORD_END})",
                rf"(?P<bare>{b}{_NUM_P})(?P<bk>k)?{_WORD_END}",
            ]) + ")",
            r"(?P<strike>~~[^~\n]{1,40}~~)",  # "~~50 balles~~": a struck-out old price
            r"(?P<times>(?<![^\W_])x\s?\d+(?![^\W_]))",
            r"(?P<word>[^\W\d_]+(?:'[^\W\d_]+)?'?)",
            rf"(?P<punct>=>|->|\.{{2,}}|…+|[{_PUNCT_CHARS}])",
        ]) + ")")
        # word phrases: tuple of words -> (kind, quantity, unit or marker)
        ph: dict[tuple[str, ...], tuple[str, float, str | None]] = {}
        for w in ("pour", "for", "les", "a", "at", "de", "d'", "x", "le", "la", "du"):
            ph[(w,)] = ("SEP", 0.0, w)
        ph[("of",)] = ("SEP", 0.0, "de")  # "sheet of 10", "bag of 5"
        for w in ("ou", "or"):
            ph[(w,)] = ("OR", 0.0, None)
        for w in cont_words:
            ph[tuple(w.split())] = ("CONT", 1.0, self.containers.get(w) or self.containers.get(w[:-1]))
        for w in named_word:
            ph[tuple(w.split())] = ("NAMED", *self.named[w])
        for w, kind in self.markers.items():
            ph[tuple(w.split())] = (kind.upper(), 0.0, w)
        for w in self.each:
            ph[tuple(w.split())] = ("PER", 1.0, None)
        for w, (v, cur) in doc.get("money_words", {}).items():
            ph[(w,)] = ("PRICE", float(v), str(cur))
        for art in articles:
            for w in per_words:
                q, u = self.per_value(w)
                ph[(*art.split(), *w.split())] = ("PER", q, u)
        self.phrases = ph
        self.single = {k[0]: v for k, v in ph.items() if len(k) == 1}
        self.phrase_len = max(len(k) for k in ph)
        self.multi_first = {k[0] for k in ph if len(k) > 1}
        self.slash_per = {w: self.per_value(w) for w in per_words}

    def spell_out(self, text: str, everywhere: bool = False) -> str:
        """`text` with the numbers written in words before a currency or a unit (`everywhere`:
        all of them) turned into digits, right-aligned in the same span ("dix euros" -> " 10
        euros"): offsets are kept."""
        spelt = self.spelt_all_re if everywhere else self.spelt_re
        if spelt is None:
            return text
        parts: list[str] = []
        last = 0
        for m in spelt.finditer(text):
            value = self.spelt_value(m.group())
            if value is None:
                continue
            digits = str(value)
            s, e = m.span()
            if text.startswith(" and a half", e) or text.startswith(" et demi", e):
                half = " and a half" if text.startswith(" and a half", e) else " et demi"
                digits, e = f"{value}.5", e + len(half) + (1 if text.startswith("e", e + len(half)) else 0)
            parts += [text[last:s], digits.rjust(e - s)]
            last = e
        return "".join(parts) + text[last:] if parts else text

    def spelt_value(self, phrase: str) -> int | None:
        """The value of a number in words: parts add up ("vingt-cinq", "twenty five"), a part
        times "vingt"/"cent"/"hundred" multiplies ("quatre-vingt-dix", "deux cents")."""
        words = re.split(r"[-\s]+", phrase)
        if len(words) == 2 and words[0] in _EN_DIGITS and self.number_words.get(words[1], 0) in _TENS:
            return _EN_DIGITS[words[0]] * 100 + self.number_words[words[1]]  # "two sixty": 260 (spoken prices)
        total, group = 0, 0
        for word in re.split(r"-|\s+(?:et|and)\s+|\s+", phrase):
            v = self.number_words.get(word, 1 if word in ("un", "une", "one") else None)
            if v is None:
                return None
            if v in (20, 100) and 0 < group < 10 and not (v == 20 and group == 1):
                group *= v  # "quatre-vingt", "deux cents"
            elif v == 100 and group == 0:
                group = 100
            else:
                group += v
        total += group
        return total or None

    def per_value(self, s: str) -> tuple[float, str | None]:
        w = s.strip()
        if w in self.each:
            return 1.0, None
        if w in self.named:
            return self.named[w]
        if w in self.mass:
            out, factor = self.mass[w]
            return factor, out
        if w in self.containers:
            return 1.0, self.containers[w]
        if w in self.count:
            return 1.0, self.count[w]
        return 1.0, None


@lru_cache(maxsize=4)
def load_grammar(path: str) -> Grammar:
    from pathlib import Path

    try:
        return Grammar(read_toml(Path(path)))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:  # a missing table or a wrong value
        raise LexiconError(f"malformed price vocabulary: {type(exc).__name__}: {exc}", where=path) from None


# -- the tokens of a line (see prices.py for the grammar over them) ---------------------------

_PROD_KINDS = frozenset({"word", "bare", "bk", "named", "punct", "dose", "ord"})
_SLASH_PLUS = frozenset({"/", "+"})
_LASTGROUP = attrgetter("lastgroup")
_SPAN, _GROUP = re.Match.span, re.Match.group
# regex groups of number tokens (see `line_tokens`)
_CURRENCY_FIRST = frozenset({"cnum", "ck", "cpre"})
# after an amount glued to a minus sign, the words of a discount ("-10€ sur tout", "-5 off", "-10€ dès 100")
_DISCOUNT_AFTER = re.compile(r"\s*(?:sur\b|off\b|on\b|de (?:reduc|remise|moins)|pour (?:tout|toute|chaque|les?|la)\b"
                             r"|des\b|a partir|a la\b|au\b|%)")
# words before "15e" that make it an ordinal, not 15 euros (the cities with arrondissements too)
_ORDINAL_BEFORE = frozenset({"la", "le", "au", "du", "ta", "ton", "sa", "son", "votre", "ma", "mon",
                             "marseille", "paris", "lyon", "secteur", "arrondissement", "arr", "arrdt"})
_BARE = frozenset({"bare", "bk"})
_SKIPPED = frozenset({"phone", "time", "dose", "date", "ord", "ords", "strike"})
_COUNTED = frozenset({"num", "count"})
_PER_ARTICLES = frozenset({"a", "an", "the", "per", "le", "la", "un", "une"})
_START = attrgetter("start")


def _rising(w: str) -> bool:
    """Numbers joined by slashes that rise, none of them a month ("10/20/50", not "10/12")."""
    parts = [int(x) for x in w.split("/")]
    return len(parts) >= 2 and all(a < b for a, b in zip(parts, parts[1:], strict=False)) and parts[1] > 12


def line_tokens(g: Grammar, text: str, start: int, end: int, prod_spans: list[tuple[int, int]]) -> list[Tok]:
    """The tokens of text[start:end] (a line): numbers with what follows them (PRICE, QTY, NUM,
    COUNT, NAMED...), separators and words, and a PROD token for each product mention (`prod_spans`,
    normalised offsets) the regex does not cut."""
    raw = list(g.regex.finditer(text, start, end))
    # the kind, span and text of each match, read at C speed (`map`), not by calls in the loop
    kinds = list(map(_LASTGROUP, raw))
    bounds = list(map(_SPAN, raw))
    texts = list(map(_GROUP, raw))
    out: list[Tok] = []
    i, n = 0, len(raw)
    spans = sorted(prod_spans)
    n_spans = len(spans)
    pi = 0
    have: list[tuple[int, int]] = []  # the spans of the PROD tokens made below
    single = g.single
    multi_first = g.multi_first
    append = out.append
    while i < n:
        kind = kinds[i] or ""
        s, e = bounds[i]
        w = texts[i]
        i += 1
        if pi < n_spans and kind in _PROD_KINDS:
            while pi < n_spans and spans[pi][1] <= s:
                pi += 1
            overlap = pi < n_spans and spans[pi][0] < e  # mentions never overlap each other
        else:
            overlap = False
        if overlap:
            hit = single.get(w) if kind == "word" else None
            if hit and hit[0] == "CONT" and w in g.banknotes:
                out.append(_tok(("CONT", s, e, hit[1], "banknote")))
                continue
            if hit and hit[0] == "CONT":  # "bonbonne ➜ 35€": the product word is also the unit
                out.append(_tok(("CONT", s, e, hit[1], hit[2])))
                continue
            if (kind == "named" or (hit and hit[0] == "NAMED")) and w != "g":  # "8ths £30": product word and amount
                # ("💧 G £15 for 10ml": the letter G names GHB, it weighs no gram)
                q, u = g.named[w] if kind == "named" else (hit[1], hit[2]) if hit else (1.0, None)
                out.append(_tok(("NAMED", s, e, q, u)))
                continue
            if not out or out[-1].kind != "PROD":
                out.append(_tok(("PROD", s, e, 0.0, None)))
                have.append((s, e))
            continue
        if kind == "word":
            if w not in multi_first:
                hit = single.get(w)
                if hit is None:
                    if w[:2] == "l'" and w[2:] in g.named:  # "200€ l'oz", "70 l'g": the article glued on
                        q, u = g.named[w[2:]]
                        append(_tok(("PER", s, e, q, u)))
                    else:
                        append(_tok(("WORD", s, e, 0.0, w)))
                    continue
                if hit[0] == "CONT" and w in g.banknotes:
                    hit = ("CONT", 1.0, "banknote")
                append(_tok((hit[0], s, e, hit[1], hit[2])))
                continue
            # the longest phrase of consecutive words
            words = [w]
            j = i
            while j < n and len(words) < g.phrase_len and kinds[j] == "word" \
                    and (text[bounds[j - 1][1]:bounds[j][0]].isspace()
                         or text[bounds[j - 1][1]:bounds[j][0]] == "-"):  # "half-ounce"
                words.append(texts[j])
                j += 1
            for size in range(len(words), 0, -1):
                hit = g.phrases.get(tuple(words[:size]))
                if hit:
                    k2, q, u = hit
                    e = bounds[i + size - 2][1] if size > 1 else e
                    out.append(_tok((k2, s, e, q, u)))
                    i += size - 1
                    break
            else:
                out.append(_tok(("WORD", s, e, 0.0, w)))
            continue
        if kind == "punct":
            if w not in _SLASH_PLUS:
                append(_tok(("SEP", s, e, 0.0, w)))
            elif w == "/" and i < n and kinds[i] == "word" and bounds[i][0] == e and texts[i] in g.slash_per:
                q, u = g.slash_per[texts[i]]
                out.append(_tok(("PER", s, bounds[i][1], q, u)))
                i += 1
            elif w == "+":
                out.append(_tok(("THRESHOLD", s, e, 0.0, w)))
            else:
                out.append(_tok(("SEP", s, e, 0.0, w)))
            continue
        # the kinds of a number token, the most common first (each test is one kind or set)
        if kind == "cur":
            m = raw[i - 1]
            word = m.group("cur")
            if len(word) == 1 and word.isalpha() and s and text[s - 1].isalpha() and (
                    text[s - 1] != "x" or (s > 1 and text[s - 2].isalnum())):  # " x4p" but "7hj2kx4p"
                append(_tok(("WORD", s, e, 0.0, w)))  # "7HQ2XK9P", an ID: no 9 pence
                continue
            if _discount(text, start, s, e):
                _drop_minus(out)
                append(_tok(("WORD", s, e, 0.0, "discount")))
                continue
            if (word == "e" and out and m.group("num").isdigit() and int(m.group("num")) <= 20 and (
                    (out[-1].unit in _ORDINAL_BEFORE and out[-1].kind in ("SEP", "WORD"))
                    or (len(out) > 1 and out[-1].kind == "SEP" and out[-2].unit == "ordinal"))):
                # "-5€ sur la 2e", "ta 3e commande", "Marseille 14e", "Paris 18e / 19e"
                append(_tok(("WORD", s, e, 0.0, "ordinal")))
                continue
            append(_tok(("PRICE", s, e, _num(m.group("num")) * g.minor.get(word, 1.0), g.currency[word])))
        elif kind == "tcur":
            m = raw[i - 1]
            cur = g.currency.get(m.group("tcur"), "XPF")  # (a bare "f": Pacific francs)
            append(_tok(("PRICE", s, e, float(m.group("tnum").replace(" ", "")), cur)))
        elif kind == "mass":
            m = raw[i - 1]
            word = m.group("mass")
            if out and out[-1].kind == "NAMED" and word in g.named and i < n and kinds[i] in _BARE:
                # "qp 250 oz 450": a list of named amounts, each before its price, not 250 ounces
                ms = m.start("mass")
                append(_tok(("NUM", s, ms, _num(m.group("num")), None)))
                q, u = g.named[word]
                append(_tok(("NAMED", ms, e, q, u)))
                continue
            unit, factor = g.mass[word]
            append(_tok(("QTY", s, e, _num(m.group("num")) * factor, unit)))
        # `kind` (the last group closed) tells which of the groups after a number matched
        elif kind in _CURRENCY_FIRST:
            m = raw[i - 1]
            cur = g.currency.get(m.group("cpre").strip(), "EUR")
            v = _num(m.group("cnum")) * (1000 if kind == "ck" else 1)
            if _discount(text, start, s, e):
                _drop_minus(out)
                append(_tok(("WORD", s, e, 0.0, "discount")))
                continue
            append(_tok(("PRICE", s, e, v, cur)))
        elif kind in _BARE:
            if s and "📍" in text[max(start, s - 2):s]:  # "📍44 ➡️ 50€ les 10": a department, no amount
                append(_tok(("SKIP", s, e, 0.0, None)))
                continue
            if _discount(text, start, s, e):
                _drop_minus(out)
                append(_tok(("WORD", s, e, 0.0, "discount")))
                continue
            v = _num(raw[i - 1].group("bare")) * (1000 if kind == "bk" else 1)
            append(_tok(("NUM", s, e, v, None)))
        elif kind == "date" and out and out[-1].kind == "CONT" and _rising(w):
            # "pochons 10/20/50": a container's prices, not a date
            pos = s
            for k, part in enumerate(w.split("/")):
                if k:
                    append(_tok(("SEP", pos, pos + 1, 0.0, "/")))
                    pos += 1
                append(_tok(("NUM", pos, pos + len(part), float(part), None)))
                pos += len(part)
        elif kind in _SKIPPED:
            append(_tok(("SKIP", s, e, 0.0, None)))
        elif kind == "pct":  # "pure 97%": a purity or THC rate, read like a word
            append(_tok(("WORD", s, e, 0.0, "%")))
        elif kind in _COUNTED:
            m = raw[i - 1]
            append(_tok(("COUNT", s, e, _num(m.group("num")), g.count[m.group("count")])))
        elif kind == "times":  # "x10": ten of them
            append(_tok(("TIMES", s, e, float(w[1:].strip()), None)))
        elif kind == "named":
            q, u = g.named[w]
            if out and out[-1].kind in ("SEP", "WORD") and (
                    out[-1].unit in _PER_ARTICLES or (out[-1].unit == "/" and out[-1].end == s)):
                out[-1] = _tok(("PER", out[-1].start, e, q, u))  # "£25 an 8th", "£35/8th"
            else:
                append(_tok(("NAMED", s, e, q, u)))
    if spans:  # emoji and other mentions the regex does not cut
        starts = list(map(_START, out))
        # each one goes where it belongs in `out` (sorted by start): the last span first, so that
        # the positions found for the others stay right (no token starts where one of them does)
        for ps, pe in reversed(spans):
            if (ps, pe) in have:
                continue
            k = bisect_left(starts, pe)  # out[k - 1] is the last token starting before the span ends
            if k and out[k - 1].end > ps:
                continue
            out.insert(k, _tok(("PROD", ps, pe, 0.0, None)))
    if _quarter_seen(out):
        _ladder_letters(out)
    return out


_KIND = itemgetter(0)  # a token's kind


def _quarter_seen(toks: list[Tok]) -> bool:
    # (a named amount looked for first, in C: most lines have none)
    return "NAMED" in map(_KIND, toks) and any(t.kind == "NAMED" and t.value == 7.0 for t in toks)


_LADDER_LETTERS = {"h": 14.0, "o": 28.0}  # after a quarter: "Q £60 | H £110 | O £200"


def _ladder_letters(out: list[Tok]) -> None:
    """"H" and "O" priced after a quarter on a menu line are its half and its ounce, not heroin
    nor a word."""
    seen = False
    for k, t in enumerate(out):
        if t.kind == "NAMED" and t.value == 7.0:
            seen = True
        elif (seen and t.kind == "WORD" and t.unit in _LADDER_LETTERS and t.end - t.start == 1
              and k + 1 < len(out) and out[k + 1].kind == "PRICE" and out[k - 1].kind != "NAMED"
              and out[k - 1].unit != "half"):  # (not "half o £170")
            out[k] = _tok(("NAMED", t.start, t.end, _LADDER_LETTERS[t.unit], "g"))


# -- the grammar's points and token classes (used by price_line.LineParser.parse) ---------

class Point(NamedTuple):
    start: int
    end: int
    quantity: float
    unit: str | None
    price: float
    currency: str | None  # None: bare number, the post's currency
    rule: str


_SEP_EQ = frozenset({"=", "=>", "->", ":", "➡", "→", "➜", "➝", "⇒", "►", "▶", "pour", "for"})
_SEP_ARROW = frozenset({"=", ":", "➡", "→", "➜", "➝", "⇒", "►", "▶", "-"})  # "coke ➜ 30", "❄️ : 70", "Coke — €80"
_SEP_P3 = frozenset({"=", "=>", "->", "➡", "→", "➜", "➝", "⇒", "pour", "for", "les"})
_ARTICLE_SEP = frozenset({"les", "le", "la"})
_PASSIVE = frozenset({"WORD", "PROD"})  # kinds no point starts with (see LineParser.parse)
_FACE_VALUES = frozenset({5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0})  # banknotes
# no filler for a price ("le 10g est à 80"; "le 10g de critical passe à 60": a flash sale's new price)
_SEP_NEW = frozenset({"→", "➜", "➡", "->", "=>", "⇒", "➝"})  # "$220 → $190": the new price after an arrow
_CONJ = frozenset({"et", "and"})
# words that may stand between "avant"/"was" and the old price ("avant c'était 90", "was like £180")
_OLD_FILLER = frozenset({"c'etait", "cetait", "etait", "c", "a", "it", "was", "like", "at", "de", "du", "prix",
                         "le", "la", "les", "price", "the", "only", "que", "seulement", "about"})
_TAKE = frozenset({"prends", "prend", "prenez", "pren", "take", "takes", "get", "grab", "cop", "want", "wants"})
_TAKE_COPULA = frozenset({"c'est", "cest", "c", "ca", "fait", "it's", "its", "thats", "that's", "is", "for", "pour",
                          "ce", "sera", "be", "it'll", "itll", "ill", "i'll", "do", "it", "you", "je", "te",
                          "le", "les", "fais", "jte", "j'te"})
# amounts a bare number stands for in "50 le 5", "le 10 à 75" (grams, or pieces of a product sold by the piece)
_USUAL_QTY = frozenset({0.5, 1.0, 2.0, 3.0, 3.5, 5.0, 7.0, 10.0, 14.0, 20.0, 25.0, 28.0, 50.0, 100.0})
_PIECE_UNITS = frozenset({"bag", "unit", "pill", "blotter"})
_SEGMENT_END = frozenset({"|", ",", ";", "•", "·", "/", ".", "!"})
_PRODUCT_ARTICLES = frozenset({"le", "la", "les", "du", "de", "d'", "the", "some"})


_PLACED_RE = re.compile(r"(?:\bbas[ée]e?s?|\bbased|\bsur le|\bdans le|\bsecteur)\s*$", re.IGNORECASE)


def _menu_pill(product: str, p: Point, points: int, text: str = "") -> bool:
    """A bare number after pills or blotters on a menu with other prices ("💊 ecsta 10", "LSD 15"):
    the price of one, when in the range of one (a dose is written "Xanax 2", "Tesla 250"); after
    crack, which has no dose, even alone ("galette 🪨 20", "crack 15 / héro 40"), unless the number
    is a place's ("📍 basé 38": "base" is crack once accents are folded)."""
    if product == "crack":
        return (5 <= p.price <= 50 and p.price == int(p.price)
                and not _PLACED_RE.search(text, max(0, p.start - 12), p.start))
    return product in ("mdma", "lsd") and points > 1 and 5 <= p.price <= 40 and p.price == int(p.price)




def _clean(x: float) -> float | int:
    if isinstance(x, float) and x.is_integer():  # the usual case: round() would keep x as it is
        return int(x)
    r = round(x, 3)
    return int(r) if r == int(r) else r



def _leader(sep: str | None) -> bool:
    """Dots leading a menu line to its price ("Ecsta Tesla ........ 15", "Coco … 80")."""
    return sep is not None and (sep == "…" or (len(sep) >= 2 and sep.strip(".…") == ""))

def _is_header(toks: list[Tok]) -> bool:
    """A price-table header: two or more quantities and nothing else but separators and a label
    ("⚖️ 2g 10g 20g", "QTÉ | 1g | 20g | 50g")."""
    n_qty = words = 0
    for t in toks:
        if t.kind in ("QTY", "NAMED"):
            n_qty += 1
        elif t.kind == "WORD":
            words += 1
            if words > 1:
                return False
        elif t.kind != "SEP":
            return False
    return n_qty >= 2

def _next_listed(toks: list[Tok], pj: int, kind: str, last: float) -> int:
    """How far the next price of a list after token pj is ("10 / 20 / 50": 2; "10 20 50": 1), 0 if
    none: a token of the same kind, higher than the last, ending its segment."""
    n = len(toks)
    for step in (1, 2):
        j = pj + step
        if j >= n or toks[j].kind != kind or toks[j].value <= last:
            continue
        if step == 2 and not (toks[pj + 1].kind == "SEP" and toks[pj + 1].unit in ("/", "|")):
            continue
        if (j + 2 < n and toks[j + 1].kind == "SEP" and toks[j + 1].unit in ("les", "pour", "for")
                and toks[j + 2].kind == "NUM"):
            return 0  # "galettes 20 | 50 les 3": the price of the next point, with its count
        if j + 1 == n or toks[j + 1].kind in ("SEP", "WORD", "PROD") or (step == 1 and toks[j + 1].kind == kind):
            return step
    return 0


def count_before_product(toks: list[Tok], i: int) -> tuple[Point, int] | None:
    """P1g at token i (a whole number, a product's name after it): a dose may follow the name, then
    "=", ":" or "for" and the price, or the price alone; not a price per unit ("150 Gelato 10€/g")."""
    n = len(toks)
    j = i + 2
    if j + 1 < n and toks[j].kind == "NUM" and toks[j + 1].kind in ("SEP", "PRICE"):
        j += 1  # the dose: "Lyrica 300", "Subu 8"
    eq = j < n and toks[j].kind == "SEP" and toks[j].unit in ("=", ":", "for", "pour")
    if eq:
        j += 1
    if not (j < n and (toks[j].kind == "PRICE" or (eq and toks[j].kind == "NUM"))):
        return None
    if j + 1 < n and toks[j + 1].kind in ("PER", "NAMED", "QTY"):
        return None
    t, pt = toks[i], toks[j]
    return Point(t.start, pt.end, t.value, None, pt.value, pt.unit if pt.kind == "PRICE" else None,
                 "price_for_quantity"), j + 1


def buyers_count(toks: list[Tok], i: int) -> tuple[Point, int] | None:
    """P1e: the buyer takes a count (token i, a NUM), then its price ("si tu prends deux c'est cent
    trente", "if you grab 3 it's 100"): that many of the product's usual unit. The point and the
    index after it, or None."""
    t, n = toks[i], len(toks)
    if not (i > 0 and toks[i - 1].kind == "WORD" and toks[i - 1].unit in _TAKE
            and t.value == int(t.value) and 2 <= t.value <= 10):
        return None
    j = i + 1
    while j < n and toks[j].kind == "WORD" and toks[j].unit in _TAKE_COPULA:
        j += 1
    if j > i + 1 and j < n and toks[j].kind in ("NUM", "PRICE") and toks[j].value > t.value:
        pr = toks[j]
        return Point(t.start, pr.end, t.value, None, pr.value, pr.unit if pr.kind == "PRICE" else None,
                     "quantity_price"), j + 1
    return None


def count_of(toks: list[Tok], i: int) -> tuple[Point, int] | None:
    """P1f: a count (token i, a COUNT) "de" a face value or a pack size, then its price ("20 billets
    de 50€ = 200€"; "Lyrica 300 plaquette de 14 = 40€": a dose, then the pack of 14). The point and
    the index after it, or None."""
    t, n = toks[i], len(toks)
    if i + 1 < n and toks[i + 1].unit == "(":  # "20 billets (1000€ faciaux) pour 250€": the face value told
        j = i + 1
        while j < n and toks[j].unit != ")":
            j += 1
        face_told = [x for x in toks[i + 2:j] if x.kind == "PRICE"]
        if (face_told and j + 2 < n and toks[j + 1].kind == "SEP" and toks[j + 1].unit in _SEP_EQ
                and toks[j + 2].kind == "PRICE" and toks[j + 2].value < face_told[0].value):
            pr = toks[j + 2]
            return Point(t.start, pr.end, t.value, None, pr.value, pr.unit, "price_for_quantity"), j + 3
        return None
    if not (i + 2 < n and toks[i + 1].unit in ("de", "of") and toks[i + 2].kind in ("PRICE", "NUM")):
        return None
    face, j = toks[i + 2], i + 3
    if j < n and toks[j].unit == "(":  # "20 billets de 50 (1000€) = 250€"
        while j < n and toks[j].unit != ")":
            j += 1
        j += 1
    if not (j + 1 < n and toks[j].kind == "SEP" and toks[j].unit in _SEP_EQ and toks[j + 1].kind in ("PRICE", "NUM")):
        return None
    pr = toks[j + 1]
    if face.value in _FACE_VALUES and pr.kind == "PRICE" and pr.value < t.value * face.value:
        qty = t.value  # notes for less than their face value
    elif face.kind == "NUM" and face.value == int(face.value) and face.value < min(t.value, 101):
        qty = face.value  # the pack after the dose
    else:
        return None
    return Point(t.start, pr.end, qty, None, pr.value, pr.unit if pr.kind == "PRICE" else None,
                 "price_for_quantity"), j + 2


def _discount(text: str, start: int, s: int, e: int) -> bool:
    """The amount text[s:e] is glued to a minus sign after a space, and a discount's words follow
    ("flash sale -10€ sur tout", "-5 off your first order"): a discount, not a price."""
    return (s > start and text[s - 1] in "-−" and (s - 1 == start or text[s - 2].isspace())
            and _DISCOUNT_AFTER.match(text, e) is not None)


def _drop_minus(out: list[Tok]) -> None:
    if out and out[-1].kind == "SEP" and out[-1].unit in ("-", "−"):
        out.pop()


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """`start`, `end` widened to whole words of `text`: a number written in words is spelt out in
    digits right-aligned in its span, and a point found on the digits starts inside the words."""
    while 0 < start < len(text) and (text[start].isalnum() or text[start] == "-") and (
            text[start - 1].isalnum() or text[start - 1] == "-"):
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


# a voice note transcribed, which writes its numbers in words ("[vocal] soixante euros les cinq grammes")
VOICE_RE = re.compile(r"\b(?:vocal|vocale|voice note|voice to text|voice memo|transcri\w*|audio)\b")
# a cheap prefilter: every VOICE_RE match holds one of these (VOICE_RE starts with a word boundary, slow
# to scan; most posts hold none)
_MAYBE_VOICE_RE = re.compile(r"vo[ci]|transcri|audio")


def voice_note(text: str) -> bool:
    """Whether the text says it is a voice note transcribed (a VOICE_RE match)."""
    return _MAYBE_VOICE_RE.search(text) is not None and VOICE_RE.search(text) is not None


# words that may stand between an amount and its bare price ("le 10g est à 80", "the Q is 45")
COPULA = frozenset({"est", "a", "c", "cest", "c'est", "sont", "is", "at", "are", "go", "goes", "passe", "passent",
                     "tombe", "tombent", "descend", "descendent", "drops",
                     # "50g je fais 380", "le 10 jte le fais 85": the seller's own price
                     "je", "j'", "jte", "j'te", "te", "le", "fais", "fait", "jfais", "j'fais"})
