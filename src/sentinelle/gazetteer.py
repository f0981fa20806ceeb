"""The places gazetteer: French communes, short forms, cities abroad and departments.

Everything here is data loaded once (and cached) from `data/places/`:

- `communes.tsv.gz`: every current French commune with its INSEE code, department, population
  and postcodes, plus the municipal arrondissements of Paris, Lyon and Marseille (built by
  `tools/build_gazetteer.py` from `@etalab/decoupage-administratif`, MIT);
- `common_names.txt`: commune names that are ordinary words (read as places only with a cue),
  but those of `rare_words.txt`, dictionary words too rare to stand for anything but the town;
- `aliases.toml`: short forms and nicknames ("Sainté", "Villeur", "bdx");
- `abroad.toml`: cities abroad with their French exonyms ("Londres" -> London);
- `departments.toml`: department names and variants ("Côte-d'Or" -> 21);
- `cues.toml`: cue words of the place and department grammar.

Names are looked up by KEY: the tuple of folded word tokens of the name ("Saint-Étienne" ->
("saint", "etienne")), with "st"/"ste" read as "saint"/"sainte", so that hyphens, accents,
case and the usual abbreviations do not matter.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import LexiconError
from .lexicon import Entry, data_dir, load_groups, read_toml
from .normalize import fold

WORD_RE = re.compile(r"[^\W_]+")
CANON = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes", "mt": "mont"}
ARTICLES = ("le", "la", "les", "l")
DEPARTMENT_CODES = tuple(
    [f"{i:02d}" for i in range(1, 96) if i != 20] + ["2A", "2B", "971", "972", "973", "974", "975", "976"]
)

Key = tuple[str, ...]
NAME, LONGER = 1, 2  # bits of `Gazetteer.names`


def places_dir() -> Path:
    return data_dir() / "places"


def canon(word: str) -> str:
    return CANON.get(word, word)


def key_of(text: str) -> Key:
    """The lookup key of a name or a phrase: folded word tokens, "st" read as "saint"."""
    words = WORD_RE.findall(fold(text))
    return tuple(map(CANON.get, words, words))  # canon(w) for each word, in C (startup keys 40,000 names)


CONNECTORS = {
    "les",
    "lez",
    "sur",
    "en",
    "du",
    "de",
    "des",
    "d",
    "la",
    "le",
    "sous",
    "aux",
    "et",
    "pres",
    "saint",
    "sainte",
    "l",
}


# first words that never stand for a whole name ("Saint-Malo" is not "Saint")
BARE_FIRST_WORDS = frozenset({"saint", "sainte", "saints", "saintes", "mont", "pont", "port", "val", "bourg",
                              "chateau", "villa", "ville", "grand", "petit", "haut", "bas", "vieux", "neuf",
                              "notre", "dame", "font", "fort", "cap", "puy", "plan", "pays", "haute", "hautes", "basse",
                              "basses", "grande", "grandes", "petite", "petites", "vieille", "nouvelle", "belle",
                              "croix", "gros", "grosse"})


_SAINTS = frozenset({("saint",), ("sainte",), ("saints",), ("saintes",)})


def head_of(k: Key) -> Key:
    """The words before the first connector of a long name, by which it is often called:
    ("fleury", "les", "aubrais") -> ("fleury",); ("la", "valette", "du", "var") -> ("la", "valette");
    ("port", "saint", "louis", "du", "rhone") -> ("port", "saint", "louis")."""
    start = 1 if k and k[0] in ARTICLES else 0
    for j in range(start + 1, len(k)):
        if k[j] in ("saint", "sainte") and j == start + 1 and k[start] in BARE_FIRST_WORDS:
            continue  # "Port-Saint-Louis-du-Rhône" is called "Port-Saint-Louis", not "Port"
        if k[j] in CONNECTORS:
            return k[:j]
    # no connector: a long first word is the name too ("Perros" for Perros-Guirec, "Lançon" for
    # Lançon-Provence, "Roquebrune" for Roquebrune-Cap-Martin); "Saint", "Mont" are not
    if len(k) > start + 1 and len(k[start]) >= 4 and k[start] not in BARE_FIRST_WORDS:
        return k[: start + 1]
    # "Saint-Aignan-Grandlieu" is called "St Aignan" around Nantes: a saint's name and what follows
    if len(k) > start + 2 and k[start] in ("saint", "sainte") and len(k[start + 1]) >= 3:
        return k[: start + 2]
    return ()


@dataclass(frozen=True, slots=True)
class Commune:
    name: str  # official name, with accents and hyphens
    insee: str
    department: str
    population: int
    postcodes: tuple[str, ...]
    parent: str = ""  # INSEE code of the city, for a municipal arrondissement


@dataclass(frozen=True, slots=True)
class Named:
    """A hand-written entry: an alias of a commune, or a city abroad."""

    value: str  # the name written in the output
    rule: str
    weak: bool  # read only with a cue
    department: str = ""  # which homonym (aliases)
    near: str = ""  # read only when the post is about this department (aliases)
    country: str = ""  # abroad only
    reason: str = ""
    fr: str = ""  # abroad only: the usual name in French posts when it differs ("Bruxelles")

    @property
    def village(self) -> bool:
        """Weak only for its size, not for another meaning: no word, no first name (abroad.toml
        gives these the reason "a small place: ..." or "a village: ...")."""
        return self.weak and self.reason.startswith(("a small place", "a village"))

    @property
    def word(self) -> bool:
        """Weak because it is also a word or a phrase ("Sale", "Reading"; abroad.toml says so)."""
        return self.weak and ("word" in self.reason or "phrase" in self.reason)


@dataclass(slots=True)
class Gazetteer:
    communes: list[Commune] = field(default_factory=list)
    by_key: dict[Key, list[Commune]] = field(default_factory=dict)  # most populous first
    by_insee: dict[str, Commune] = field(default_factory=dict)
    dropped_article: dict[Key, list[Commune]] = field(default_factory=dict)  # "havre" -> Le Havre
    joined: dict[str, list[Commune]] = field(default_factory=dict)  # "lehavre" -> Le Havre
    heads: dict[Key, list[Commune]] = field(default_factory=dict)  # "fleury" -> Fleury-les-Aubrais...
    common: set[Key] = field(default_factory=set)
    aliases: dict[Key, list[Named]] = field(default_factory=dict)
    abroad: dict[Key, list[Named]] = field(default_factory=dict)
    abroad_fr: dict[str, str] = field(default_factory=dict)  # "Brussels" -> "Bruxelles" in French posts
    departments: dict[Key, list[Entry]] = field(default_factory=dict)
    department_names: dict[str, str] = field(default_factory=dict)
    postcodes: dict[str, str] = field(default_factory=dict)  # postcode -> department
    cues: dict[str, set[Key]] = field(default_factory=dict)
    first_words: set[str] = field(default_factory=set)
    # every key of the name tables (bit NAME) and every proper prefix of one (bit LONGER): what a
    # run of words can be, in one lookup
    names: dict[Key, int] = field(default_factory=dict)
    department_firsts: set[str] = field(default_factory=set)
    max_len: int = 1

    def commune_named(self, name: str, department: str = "") -> Commune | None:
        hits = self.by_key.get(key_of(name), [])
        for c in hits:
            if c.name == name and (not department or c.department == department):
                return c
        return None

    def city_of(self, c: Commune) -> Commune:
        """The city of a municipal arrondissement; the commune itself otherwise."""
        return self.by_insee.get(c.parent, c) if c.parent else c


def _read_communes(path: Path) -> list[Commune]:
    out: list[Commune] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 6:
                raise ValueError(f"{path}: malformed line {line!r}")
            name, insee, dep, pop, pcs, parent = parts
            out.append(Commune(name, insee, dep, int(pop or 0), tuple(pcs.split()), parent))
    return out


def _named(path: Path, kind: str) -> dict[Key, list[Named]]:
    extra = ("reason", "department", "near") if kind == "alias" else ("country", "reason", "fr")
    out: dict[Key, list[Named]] = {}
    for e in load_groups(path, extra_keys=extra):
        ex = dict(e.extra)
        n = Named(
            e.value,
            e.rule,
            e.strength == "weak",
            str(ex.get("department", "")),
            str(ex.get("near", "")),
            str(ex.get("country", "")),
            str(ex.get("reason", "")),
            str(ex.get("fr", "")),
        )
        k = key_of(e.term)
        if k and n not in out.setdefault(k, []):
            out[k].append(n)
    return out


def _postcode_districts(path: Path) -> list[tuple[Key, Named]]:
    """The districts of `postcode_districts.toml` ("SE" 1..28: SE1 to SE28), each a weak name of its city."""
    if not path.exists():
        return []
    out: list[tuple[Key, Named]] = []
    for i, area in enumerate(read_toml(path).get("area", []), 1):
        try:
            prefix, value, country = str(area["prefix"]), str(area["value"]), str(area["country"])
            first, last = int(area["first"]), int(area["last"])
        except (KeyError, TypeError, ValueError) as exc:
            raise LexiconError(f"area {i}: {type(exc).__name__}: {exc}", where=str(path)) from None
        rule = f"places/postcode_districts.toml:{prefix}"
        for d in range(first, last + 1):
            n = Named(value, rule, True, country=country, reason=f"a postcode district of {value}")
            out.append(((f"{prefix}{d}".lower(),), n))
    return out


def build(communes: Iterable[Commune], root: Path | None = None) -> Gazetteer:
    """Index communes and the hand-written files of `root` (default: `data/places/`)."""
    root = root or places_dir()
    g = Gazetteer(communes=list(communes))
    doubles: list[tuple[Key, Commune]] = []
    for c in g.communes:
        if c.population or c.insee not in g.by_insee:  # a former commune never hides the current one of its code
            g.by_insee[c.insee] = c
    for c in g.communes:
        for pc in c.postcodes:
            g.postcodes.setdefault(pc, c.department)
        if c.parent:
            continue  # "Lyon 7e Arrondissement" is read through the city's name
        k = key_of(c.name)
        if not k:
            continue
        g.by_key.setdefault(k, []).append(c)
        if len(k) > 1 and k[0] in ARTICLES and k[1:] not in _SAINTS:
            g.dropped_article.setdefault(k[1:], []).append(c)  # (not "St" for Le Saint: "in St. Augustine")
        if len(k) > 1:
            g.joined.setdefault("".join(k), []).append(c)
        head = head_of(k)
        if head:
            g.heads.setdefault(head, []).append(c)
            if len(head) > 2 and head[0] in ("saint", "sainte") and len(head[1]) >= 3:
                # "St-Gilles" for Saint-Gilles-Croix-de-Vie too, whose head is "Saint-Gilles-Croix"
                g.heads.setdefault(head[:2], []).append(c)
            if len(head) == 2 and len(head[0]) >= 4 and head[0] not in BARE_FIRST_WORDS and head[0] not in ARTICLES:
                doubles.append((head[:1], c))  # "Cosne" for Cosne-Cours-sur-Loire too (see below)
        if len(k) > 2 and k[0] in ARTICLES and (bare := head_of(k[1:])) and len(bare) == 1 and len(bare[0]) >= 6:
            g.heads.setdefault(bare, []).append(c)  # "Perreux" for Le Perreux-sur-Marne (not "Plan", "Pont")
    # ordinary words, but the hand-kept names whose dictionary word no post uses
    g.common = _name_keys(root / "common_names.txt") - _name_keys(root / "rare_words.txt")
    # the first word of a double name before its connector, when no commune bears it alone and it
    # is no ordinary word ("Cosne", not "Vers" for Vers-Pont-du-Gard)
    for first, c in doubles:
        if first not in g.by_key and first not in g.common:
            g.heads.setdefault(first, []).append(c)
    for table in (g.by_key, g.dropped_article, g.joined, g.heads):
        for v in table.values():
            v.sort(key=lambda c: (-c.population, c.insee))
    g.aliases = _named(root / "aliases.toml", "alias")
    g.abroad = _named(root / "abroad.toml", "abroad")
    for k, n in _postcode_districts(root / "postcode_districts.toml"):
        g.abroad.setdefault(k, []).append(n)
    g.abroad_fr = {n.value: n.fr for ns in g.abroad.values() for n in ns if n.fr}
    for e in load_groups(root / "departments.toml", values=DEPARTMENT_CODES):
        k = key_of(e.term)
        if k:
            g.departments.setdefault(k, []).append(e)
    doc = read_toml(root / "departments.toml")
    for grp in doc.get("group", []):
        g.department_names.setdefault(grp["value"], grp["terms"][0])
    for e in load_groups(root / "cues.toml"):
        g.cues.setdefault(e.value, set()).add(key_of(e.term) or (fold(e.term).strip(),))
    tables: list[dict[Key, Any]] = [g.by_key, g.dropped_article, g.heads, g.aliases, g.abroad, g.departments]
    names = g.names
    for table in tables:
        for k in table:
            names[k] = names.get(k, 0) | NAME
            g.first_words.add(k[0])
            g.max_len = max(g.max_len, len(k))
            for j in range(1, len(k)):
                names[k[:j]] = names.get(k[:j], 0) | LONGER
    g.department_firsts = {k[0] for k in g.departments}
    return g


@lru_cache(maxsize=4)
def _load(root: str) -> Gazetteer:
    path = Path(root)
    return build(_read_communes(path / "communes.tsv.gz"), path)


def _name_keys(path: Path) -> set[Key]:
    """The keys of the names listed one a line in a text file ("#" opens a comment line); none
    when the file is missing."""
    if not path.exists():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {key_of(line) for line in lines if line.strip() and not line.startswith("#")}


def load_gazetteer(root: Path | None = None) -> Gazetteer:
    """The gazetteer of `root` (default: `data/places/`), built once and cached."""
    return _load(str(root or places_dir()))
