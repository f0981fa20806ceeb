"""Phone numbers written partly or wholly in words: "zéro six, quarante-quatre, quatre-vingt-un,
vingt, trente-neuf", "zero six . 44 . 81 . 20 . 39", "oh seven seven double oh nine...".

Vendors spell numbers out to slip past platform filters that look for digit runs. French reads a
number in pairs (a word worth 10 to 99 stands for two digits, "zéro six" for two digits), English
digit by digit ("double oh" is 00). `spelt_numbers` finds runs of number words and digit groups
and returns their digits with the span they cover in the text; the contacts analyser then reads
them like any national number. The words are data (common/spoken_digits.toml).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..errors import LexiconError
from ..lexicon import data_dir

# a word (letters, apostrophes inside) or a group of digits; everything else separates
_TOKEN = re.compile(r"\d+|[^\W\d_]+(?:'[^\W\d_]+)?")
# what may stand between two parts of one number: spaces, dots, dashes, commas, slashes
_GLUE = re.compile(r"[\s.,\-/·•|]{0,4}")
MIN_DIGITS, MAX_DIGITS = 9, 13


@dataclass(frozen=True)
class Words:
    units: dict[str, int]  # 0-9, read as one digit ("zéro", "six", "oh", "seven")
    teens: dict[str, int]  # 10-19 words ("dix", "onze", ... "seize")
    tens: dict[str, int]  # 20-90 words ("vingt", "quarante", "septante")
    repeat: dict[str, int]  # "double" 2, "triple" 3: the next digit that many times
    joiners: frozenset[str]  # "et" in "vingt et un"
    hundreds: frozenset[str] = frozenset()  # "hundred": "nine hundred" is 900 (UK "07700 900...")

    @cached_property
    def all(self) -> frozenset[str]:
        return (frozenset(self.units) | frozenset(self.teens) | frozenset(self.tens) | frozenset(self.repeat)
                | self.hundreds)


@lru_cache(maxsize=1)
def spoken_digits() -> Words:
    path = data_dir() / "common" / "spoken_digits.toml"
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"cannot read spoken digits: {exc}", where=str(path)) from None
    tables = {}
    for key, lo, hi in (("units", 0, 9), ("teens", 10, 19), ("tens", 20, 90), ("repeat", 2, 3)):
        table = doc.get(key)
        if not isinstance(table, dict):
            raise LexiconError(f"missing table [{key}]", where=str(path))
        for word, value in table.items():
            if not isinstance(value, int) or not lo <= value <= hi:
                raise LexiconError(f"[{key}] {word!r}: expected a whole number from {lo} to {hi}, got {value!r}",
                                   where=str(path))
        tables[key] = {w.lower(): int(v) for w, v in table.items()}
    return Words(tables["units"], tables["teens"], tables["tens"], tables["repeat"],
                 frozenset(w.lower() for w in doc.get("joiners", [])),
                 frozenset(w.lower() for w in doc.get("hundreds", [])))


def _read(words: Words, toks: list[str], i: int) -> tuple[str, int] | None:
    """The digits that the number words from toks[i] stand for, and the index after them."""
    w = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else ""
    if w in words.repeat and nxt in words.units:
        return str(words.units[nxt]) * words.repeat[w], i + 2
    value = None
    j = i + 1
    if w == "quatre" and nxt in ("vingt", "vingts"):
        value, j = 80, i + 2
    elif w in words.tens:
        value = words.tens[w]
    if value is not None:
        nxt = toks[j] if j < len(toks) else ""
        if nxt in words.joiners and j + 1 < len(toks) and toks[j + 1] in ("un", "onze"):
            j += 1
            nxt = toks[j]
        if value in (60, 80) and nxt in words.teens:  # soixante-treize, quatre-vingt-dix-sept
            add, j = _teen(words, toks, j)
            return str(value + add), j
        if nxt in words.units and words.units[nxt] > 0:
            return str(value + words.units[nxt]), j + 1
        return str(value), j
    if w in words.teens:
        add, j = _teen(words, toks, i)
        return str(add), j
    if w in words.units:
        if nxt in words.hundreds and words.units[w] > 0:
            return f"{words.units[w]}00", i + 2  # "nine hundred"
        return str(words.units[w]), i + 1
    return None


def _teen(words: Words, toks: list[str], i: int) -> tuple[int, int]:
    value = words.teens[toks[i]]
    if value == 10 and i + 1 < len(toks) and toks[i + 1] in ("sept", "huit", "neuf"):
        return 10 + words.units[toks[i + 1]], i + 2
    return value, i + 1


def spelt_numbers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, digits) of each run of number words and digit groups that holds at least one
    word and 9 to 13 digits: a phone number written out."""
    words = spoken_digits()
    vocab = words.all
    out: list[tuple[int, int, str]] = []
    # runs of tokens that are number words or digit groups, glued by separators only
    run: list[tuple[int, int, str]] = []
    prev_end = -1
    for m in _TOKEN.finditer(text):
        tok = m.group().lower()
        if not (tok.isdigit() or tok in vocab or (tok in words.joiners and run)):
            _flush(words, run, out)
            run, prev_end = [], -1
            continue
        if run and not _GLUE.fullmatch(text, prev_end, m.start()):
            _flush(words, run, out)
            run = []
        run.append((m.start(), m.end(), tok))
        prev_end = m.end()
    _flush(words, run, out)
    return out


def _flush(words: Words, run: list[tuple[int, int, str]], out: list[tuple[int, int, str]]) -> None:
    if not run or all(t.isdigit() for _, _, t in run):
        return
    toks = [t for _, _, t in run]
    digits = ""
    i = 0
    start = None
    end = 0
    while i < len(toks):
        if toks[i].isdigit():
            got: tuple[str, int] | None = (toks[i], i + 1)
        else:
            got = _read(words, toks, i)
        if got is None:  # a joiner out of place: the number, if any, ends here
            break
        if start is None:
            start = run[i][0]
        digits += got[0]
        i = got[1]
        end = run[i - 1][1]
        if len(digits) > MAX_DIGITS:
            return
    if start is not None and MIN_DIGITS <= len(digits) <= MAX_DIGITS:
        out.append((start, end, digits))
