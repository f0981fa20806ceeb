"""The price grammar's vocabulary and tokens: units, currencies, markers and number words read
from `data/common/units.toml`, compiled once into the tokenizer regex and the phrase tables that
`prices.py` walks. Edit the TOML file to teach it a word."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache, partial
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
        if self.number_words:
            words = alternation(list(self.number_words))
            part = rf"(?:{words}|un|une|one)"
            unit_after = alternation([*self.currency, *self.mass])
            # a number in words, then (after at most an article) a currency or a unit
            # the look-behind sits after the first letter (`re` then scans for the letters a
            # number word can start with, instead of trying the look-behind at every position)
            first = alternation(list(self.number_words), after_first=r"(?<![^\W_](?s:.))")
            self.spelt_re = re.compile(
                rf"(?:{first})(?:(?:-|\s|\s+et\s+|\s+and\s+){part})*(?![^\W_])"
                rf"(?=\s?(?:(?:le|la|les|l'|a|an|per|the)\s)?(?:{unit_after})(?![^\W_]))")
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
        for art in articles:
            for w in per_words:
                q, u = self.per_value(w)
                ph[(*art.split(), *w.split())] = ("PER", q, u)
        self.phrases = ph
        self.single = {k[0]: v for k, v in ph.items() if len(k) == 1}
        self.phrase_len = max(len(k) for k in ph)
        self.multi_first = {k[0] for k in ph if len(k) > 1}
        self.slash_per = {w: self.per_value(w) for w in per_words}

    def spell_out(self, text: str) -> str:
        """`text` with the numbers written in words before a currency or a unit turned into
        digits, right-aligned in the same span ("dix euros" -> " 10 euros"): offsets are kept."""
        if self.spelt_re is None:
            return text
        parts: list[str] = []
        last = 0
        for m in self.spelt_re.finditer(text):
            value = self.spelt_value(m.group())
            if value is None:
                continue
            digits = str(value)
            s, e = m.span()
            parts += [text[last:s], digits.rjust(e - s)]
            last = e
        return "".join(parts) + text[last:] if parts else text

    def spelt_value(self, phrase: str) -> int | None:
        """The value of a number in words: parts add up ("vingt-cinq", "twenty five"), a part
        times "vingt"/"cent"/"hundred" multiplies ("quatre-vingt-dix", "deux cents")."""
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
