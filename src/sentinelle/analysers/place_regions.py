"""Towns written with their state, province or territory: "Reno, NV", "Kingston ON", "Mackay QLD",
"Erie, Pennsylvania".

Americans, Canadians and Australians name a town with its region's code; written so, a name that
is also a word or a first name ("Gary, IN", "Buffalo NY", "Hope, BC") or a town too small for the
gazetteer of cities abroad ("Saugerties, NY") is a place. The code must be in capitals and a town
of that name must lie in that region (`data/places/region_towns.tsv.gz`, GeoNames' places of 500
people or more, built by `tools/build_region_towns.py`); the codes and region names are in
`data/places/regions.toml`. A region's name counts after a comma only ("Gary, Indiana").
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

from ..core import Analysis, Finding
from ..errors import LexiconError
from ..gazetteer import places_dir
from ..lexicon import read_toml
from ..normalize import fold
from .place_cands import Cand

# a word of a town's name: capitalised ("Fort", "McAllen", "O'Fallon", "Winston-Salem", "St.")
_WORD = r"[A-ZÀ-ÖØ-Þ](?:['’][A-Z])?[a-zß-öø-ÿ][\w'’-]*\.?"
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "port"}
MAX_WORDS = 4
_finding = partial(tuple.__new__, Finding)  # a Finding built in C (see places.py)


@dataclass(frozen=True, slots=True)
class RegionTown:
    start: int  # offsets in the post's text
    end: int
    value: str
    country: str
    region: str  # the code, as in regions.toml
    tail: int  # the end of the region as written ("NY", ", New York")


def town_key(name: str) -> tuple[str, ...]:
    """The words of a town's name, folded, abbreviations written out ("St. James" -> saint james)."""
    words = re.findall(r"[^\W_]+", fold(name.replace("'", "").replace("’", "")))
    return tuple(_ABBREVIATIONS.get(w, w) for w in words)


class RegionTowns:
    """The towns of `region_towns.tsv.gz`, found in a text by the region written after them."""

    def __init__(self, root: Path | None = None) -> None:
        root = root or places_dir()
        self.code_of: dict[str, str] = {}  # a code or a name, as written -> its code
        path = root / "regions.toml"
        for i, grp in enumerate(read_toml(path).get("region", [])):
            country = grp.get("country")
            codes = grp.get("codes")
            if not isinstance(country, str) or not isinstance(codes, list):
                raise LexiconError("each [[region]] needs a country and a list of codes",
                                   where=f"{path.name}: region {i + 1}")
            for row in codes:
                if not (isinstance(row, list) and row and all(isinstance(x, str) for x in row)):
                    raise LexiconError("a code is a list of strings: the code, then the names",
                                       where=f"{path.name}: region {i + 1} ({country})")
                for written in row:
                    self.code_of[written] = row[0]
        # (town key, code) -> (name, country, population): the most populous of that name there
        self.towns: dict[tuple[tuple[str, ...], str], tuple[str, str, int]] = {}
        path = root / "region_towns.tsv.gz"
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.startswith("#"):
                    continue
                parts = line.rstrip("\n").split("\t")
                if len(parts) != 4 or not parts[3].isdigit():
                    raise LexiconError("expected country, region, name and population", where=f"{path.name}:{n}")
                country, region, name, pop = parts[0], parts[1], parts[2], int(parts[3])
                key = (town_key(name), region)
                if key not in self.towns or self.towns[key][2] < pop:
                    self.towns[key] = (name, country, pop)
        self.codes = frozenset(c for c in self.code_of if c.isupper() and " " not in c)
        long_names = sorted(set(self.code_of) - self.codes, key=len, reverse=True)
        # the region after a town: a code in capitals, or a name after a comma, then no letter,
        # digit or currency sign ("Weed CA$H" is no town); two searches, each a quick scan
        self.code_re = re.compile(r" ([A-Z]{2,3})(?![\w$€£'’-])")
        self.name_re = re.compile(r", (" + "|".join(map(re.escape, long_names)) + r")(?![\w$€£'’-])")
        self.words_re = re.compile(r"(?:" + _WORD + r" ){0," + str(MAX_WORDS - 1) + r"}" + _WORD + r"$")

    def find(self, text: str) -> list[RegionTown]:
        out: list[RegionTown] = []
        for m in self.code_re.finditer(text):
            code = m.group(1)
            if code not in self.codes:
                continue
            if code in WORDLIKE and _word_after(text, m.end()):
                continue  # "Hope IN stock", "Gary OR Fred": a word, not Indiana or Oregon
            end = m.start() - 1 if text[m.start() - 1 : m.start()] == "," else m.start()
            self._town_before(text, end, code, m.end(), out)
        if ", " in text:
            for m in self.name_re.finditer(text):
                self._town_before(text, m.start(), self.code_of[m.group(1)], m.end(), out)
        return out

    def _town_before(self, text: str, end: int, code: str, tail: int, out: list[RegionTown]) -> None:
        wm = self.words_re.search(text, max(0, end - 60), end)
        if wm is None:
            return
        words = wm.group().split(" ")
        # the longest run of the last words that is a town of that region
        for k in range(len(words), 0, -1):
            name = " ".join(words[-k:])
            hit = self.towns.get((town_key(name), code))
            if hit is not None:
                out.append(RegionTown(end - len(name), end, hit[0], hit[1], code, tail))
                return


# codes that are also words, in capitals in a line written in capitals: one only stands for its
# region when no word follows ("Gary IN 10pc", not "Hope IN STOCK")
WORDLIKE = frozenset({"IN", "OR", "ME", "OK", "HI", "ID", "DE", "LA", "MA", "PA", "CO", "OH", "ON", "SA", "AL",
                      "AR", "MO", "NE", "SC", "UT", "WA", "VIC", "TAS", "ACT"})


def _word_after(text: str, pos: int) -> bool:
    """A word follows, in lower case or in capitals ("IN stock", "IN STOCK"), not a capitalised one
    ("Erie, PA Duties: ...")."""
    m = re.match(r" +([^\W\d_]+)", text[pos : pos + 30])
    if m is None:
        return False
    word = m.group(1)
    return not (word[0].isupper() and word[1:].islower())


@lru_cache(maxsize=2)
def load_region_towns(root: str = "") -> RegionTowns:
    return RegionTowns(Path(root) if root else None)


def accept_regional(a: Analysis, cands: list[Cand], regional: list[RegionTown]) -> None:
    """A name of the gazetteer written with its state or province ("Gary, IN"): a place of
    that region (the town's name when the region's is longer: "Niagara Falls", not "Falls")."""
    for c in cands:
        start, end = a.norm.span(c.nstart, c.nend)
        for r in regional:
            if r.start <= start and end == r.end:
                c.accepted, c.blocked, c.kind = True, False, "abroad"
                c.value, c.country, c.rule = r.value, r.country, f"places/region_towns:{r.country}:{r.region}"
                c.why = f"followed by its region {r.region}"
                c.communes, c.heads = [], []
            elif r.start <= start < r.tail or r.start < end <= r.tail:
                c.accepted, c.blocked = False, True  # a word of a longer name, or the region ("NY")

def emit_regional(a: Analysis, regional: list[RegionTown], analyser: str) -> None:
    """The towns written with their region that no name of the gazetteer covers ("Saugerties, NY")."""
    for r in regional:
        if not any(f.kind == "places" and f.start <= r.start and r.end <= f.end for f in a.findings):
            a.findings.append(_finding(("places", r.value, r.start, r.end, analyser,
                                        f"places/region_towns:{r.country}:{r.region}", 1.0,
                                        f"abroad {r.value!r} (followed by its region {r.region})")))
