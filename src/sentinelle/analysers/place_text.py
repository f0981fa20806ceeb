"""Text helpers of the places analyser: which parts of a post's text may hold place names (not its
links and handles, "la.ferme.rns", "t.me/x"), cue phrase sets, and the reading of names side by side
or followed by a department number."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from itertools import compress
from operator import itemgetter
from typing import Any

HANDLE_MARK_RE = re.compile(r"[._@/](?=[^\W_])")  # ".", "_", "@" or "/" before a letter or digit
_start = itemgetter(1)  # start of a normalize.Token


def outside(toks: list[Any], starts: list[int], spans: list[tuple[int, int]]) -> list[Any]:
    """The tokens whose first character does not come from one of `spans` (original offsets).
    The offset map only grows, so the tokens inside a span are one run, found by bisection."""
    origin = list(map(starts.__getitem__, map(_start, toks)))
    keep = [True] * len(toks)
    for hs, he in spans:
        unmark(keep, origin, hs, he)
    return list(compress(toks, keep))


def unmark(keep: list[bool], positions: list[int], lo: int, hi: int) -> None:
    """Unmark the tokens whose position (`positions`, sorted) lies in [lo, hi)."""
    i, j = bisect_left(positions, lo), bisect_left(positions, hi)
    keep[i:j] = [False] * (j - i)


def handle_chunks(text: str) -> list[tuple[int, int]]:
    """The chunks (between spaces) that hold a handle or a link: a letter or digit joined by "." or
    "_" to the next, or one after "@", or after "/" in a chunk with a dot, colon, @ or underscore."""
    out: list[tuple[int, int]] = []
    # HANDLE_MARK_RE starts with a character set, which `re` scans for in C
    for m in HANDLE_MARK_RE.finditer(text):
        p = m.start()
        if text[p] in "._":
            p -= 1
            if p < 0 or not text[p].isalnum():  # "." and "_" follow a word character ([^\W_] is isalnum)
                continue
        if out and p < out[-1][1]:
            continue  # in the chunk already found
        start = max(text.rfind(" ", 0, p), text.rfind("\n", 0, p), text.rfind("\t", 0, p)) + 1
        nxt = SPACE_RE.search(text, p)
        end = nxt.start() if nxt else len(text)
        if text[p] == "/" and not _LINK_MARKS.intersection(text[start:end].rstrip(".,;:!?)")):
            continue  # "Caen/Hérouville/Ifs.": words joined by slashes, not a link ("t.me/x" has a dot)
        out.append((start, end))
    return out


_LINK_MARKS = frozenset(".:@_")


# after a name: at most one word, then a department code ("Dax 40", "Mâcon drive 71", "Bastia - 2B")
_OWN_NUMBER_RE = re.compile(r"[^\w\n]{0,4}(?:[^\W\d_]+[^\w\n]{1,4})?(\d{2}|2[abAB]|97\d)(?![\w€£$%]|[.,]\d)")


def own_department_after(text: str, end: int, communes: list[Any]) -> bool:
    """A name followed, on its line, by the code of the department of one of its communes: what an
    ordinary word ("dax", "mâcon") never is."""
    m = _OWN_NUMBER_RE.match(text, end)
    return m is not None and m.group(1).upper() in {x.department for x in communes[:12]}


# a department code right before a name, at the start of a line or after a mark: "58 🏴 Decize"
_OWN_NUMBER_BEFORE_RE = re.compile(r"(?:^|(?<=\n)|(?<=[📍#|/•·]\s))\s*(\d{2}|2[abAB]|97\d)[^\w\n€£$%.,:]{1,4}$")


def own_department_before(text: str, start: int, communes: list[Any]) -> bool:
    """A name that follows, at the start of its line, the code of the department of one of its
    communes ("58 🏴 Decize ↔ Cosne", "974 Saint-Benoît :")."""
    line_start = text.rfind("\n", 0, start) + 1
    m = _OWN_NUMBER_BEFORE_RE.search(text, line_start, start)
    return m is not None and m.group(1).upper() in {x.department for x in communes[:12]}


Key = tuple[str, ...]


class Phrases(frozenset[Key]):
    """A set of cue phrases (word tuples) that also knows their first and last words, so that
    "does a cue end just before word i" is one set lookup for the usual answer, no."""

    firsts: frozenset[str]
    lasts: frozenset[str]

    def __new__(cls, keys: Iterable[Key] = ()) -> Phrases:
        self = super().__new__(cls, keys)
        self.firsts = frozenset(k[0] for k in self if k)
        self.lasts = frozenset(k[-1] for k in self if k)
        return self


DEPT_ARTICLES = Phrases({
    ("le",),
    ("la",),
    ("l",),
    ("en",),
    ("du",),
    ("de", "la"),
    ("dans", "le"),
    ("sur", "le"),
    ("dans", "la"),
    ("dans", "l"),
    ("les",),  # the plural names: "dans les Ardennes", "les Vosges"
    ("des",),
    ("dans", "les"),
    ("sur", "les"),
})


_WORDLESS = re.compile(r"[^\w\n]*")  # spaces, punctuation and emoji only


def colocated(text: str, cands: list[Any], capitalised: Any = None) -> None:
    """Accept a run of three names or more written side by side ("Pau 🏉 Lons Billère Lescar",
    "SEDAN ET NOUZONVILLE") when every one of them names a commune of one department: neighbours
    listed together are places, whatever else their names mean."""
    if len(cands) < 2:
        return  # no run of two names or more (most posts: a quick way out of the tests below)
    # short forms too ("Trouville"), when capitalised: "on livre Rennes" is no Livré-sur-Changeon
    named = [c for c in cands
             if not c.blocked and (c.communes or (c.heads and (capitalised is None or capitalised(c))))]
    _runs(text, named, capitalised, 2)
    # then short forms in lower case too, when no ordinary word and not after a word, in runs of
    # three that must share a department, which words do not: "restock laignes / recey / aignay"
    # is Laignes, Recey-sur-Ource, Aignay-le-Duc; "je livre Noyal-Châtillon" names no Livré
    ends = {c.nend for c in cands}

    def after_word(c: Any) -> bool:
        i = c.nstart
        while i > 0 and text[i - 1] == " ":
            i -= 1
        return i > 0 and text[i - 1].isalnum() and i not in ends

    lower = [c for c in cands if not c.blocked and not c.communes and c.heads and not c.common
             and c.nend - c.nstart >= 5 and c not in named and not after_word(c)
             and not any(o is not c and o.nstart < c.nend and c.nstart < o.nend for o in cands)]
    if lower:
        _runs(text, sorted(named + lower, key=lambda c: c.nstart), capitalised, 3)


def _runs(text: str, named: list[Any], capitalised: Any, shortest: int) -> None:
    """Accept the runs of `named` (in text order) of `shortest` names or more (see `colocated`)."""
    if len(named) < shortest:
        return  # no run
    run: list[Any] = []

    def flush() -> None:
        # a short form counts with the departments of the longer names it starts ("Salon, Pélissanne,
        # Lançon": Salon-de-Provence and Lançon-Provence, 13); a word at either end that names a
        # commune elsewhere ("CÔTE FLEURIE 🏖️ Deauville • Trouville • Honfleur") is left out of the run
        if len(run) < shortest:
            return
        # (a mainland city's own name means the city: "toulouse" lists no Toulouse-le-Château, Jura;
        # not "St Pierre" beside Quiberon, whose Saint-Pierre of 84,000 is in Réunion)
        deps = [{x.department for x in (c.communes[:12] if c.communes and c.communes[0].population >= 50_000
                                         and not c.communes[0].department.startswith("97")
                                         else [*c.communes[:12], *c.heads[:12]])} for c in run]
        if len(run) == 2:
            pair_of_neighbours(run, deps, capitalised)
            return
        if len(run) >= 3 and all(not c.common and not c.weak and c.communes for c in run):
            # names of communes only, none an ordinary word, on a border of two departments
            # ("Huelgoat / Châteauneuf-du-Faou / Callac": 29 and 22)
            for d1 in sorted(deps[0]):
                rest = [d for d in deps if d1 not in d]
                pair = set.intersection(*rest) if rest else {d1}
                if pair:
                    for c, d in zip(run, deps, strict=True):
                        if not c.accepted:
                            c.accepted = True
                            c.why = f"listed with neighbouring communes of departments {d1} and {min(pair)}"
                        if len(d & {d1, *pair}) == 1:
                            c.run_department = min(d & {d1, *pair})
                    return
        # the longest stretch of three names or more that share a department (the first of the
        # longest): a word at either end of the run is left out ("Le Poët / La Saulce / Remollon.
        # Pas de bip": "Pas" names communes elsewhere)
        for size in range(len(run), 2, -1):
            for lo in range(len(run) - size + 1):
                shared = set.intersection(*deps[lo : lo + size])
                if shared:
                    for c in run[lo : lo + size]:
                        if not c.accepted:
                            c.accepted, c.why = True, f"listed with neighbouring communes of department {min(shared)}"
                        if len(shared) == 1:
                            c.run_department = min(shared)
                    return
        for lo in range(len(run) - 1):  # no three share one: two that do ("Morvillars Méziré Fesches")
            pair_of_neighbours(run[lo:lo + 2], deps[lo:lo + 2], capitalised)

    for c in named:  # `_candidates` finds them in text order
        gap = text[run[-1].nend : c.nstart] if run else ""
        # one name a line, line after line, is a run too ("> Montlebon\n> Le Bizot")
        lines = gap.count("\n") == 1 and alone(text, c) and alone(text, run[-1])
        if run and len(gap) <= 16 and ("\n" not in gap or lines) and "?" not in gap and "!" not in gap and (
                _WORDLESS.fullmatch(gap.replace("\n", " ")) or gap.strip() in ("et", "and", "&", "ou", "+", "x", "n")):
            run.append(c)
        else:
            flush()
            run = [c]
    flush()


def pair_of_neighbours(run: list[Any], deps: list[set[str]], capitalised: Any) -> None:
    """Two names side by side ("Paimpol / Ploubazlanec", "Roscoff / Plouescat"): neighbours when
    neither is an ordinary word and both are capitalised, in one department (a short form counts
    too: "FAUVILLE OURVILLE ET ALENTOURS" are Fauville- and Ourville-en-Caux)."""
    if (all(not c.common and (c.communes and not c.weak or (not c.communes and c.heads)) for c in run)
            and deps[0] & deps[1] and (capitalised is None or all(capitalised(c) for c in run))):
        for c in run:
            if not c.accepted:
                c.accepted = True
                c.why = f"listed with a neighbouring commune of department {min(deps[0] & deps[1])}"
            if len(deps[0] & deps[1]) == 1:
                c.run_department = min(deps[0] & deps[1])


def alone(text: str, c: Any) -> bool:
    """The name is all its line holds but punctuation and emoji."""
    start = text.rfind("\n", 0, c.nstart) + 1
    end = text.find("\n", c.nend)
    rest = text[start:c.nstart] + text[c.nend:len(text) if end < 0 else end]
    return not any(ch.isalnum() for ch in rest)


# -- the words and marks around names and department numbers (see places.py) ---------------

NAME_LINKS = {"le", "la", "les", "lès", "lez", "sur", "sous", "en", "de", "du", "des", "aux", "saint", "sainte", "mer"}
# names that are everyday words of a neighbouring language: places only when capitalised
# ("wir sprechen auch deutsch" names no Auch)
FOREIGN_WORDS = frozenset({("auch",)})
# of NEEDS_CUE, the names no French word shares: capitalised in a French post, the city ("main
# propre Nice"; "trop nice" stays English slang)
CITY_IN_FRENCH = frozenset({("nice",)})
NEEDS_CUE = {
    ("nice",),
    ("tours",),
    ("orange",),
    ("sens",),
    ("lens",),
    ("stains",),
    ("vienne",),
    ("grasse",),
    ("cayenne",),
    ("colombes",),
    ("gap",),
    ("plaisir",),
    ("croix",),
    ("fontaine",),
    ("avion",),
    ("mana",),
    ("douai",),
    ("trappes",),
    ("moulins",),
    ("saintes",),
    ("lourdes",),
    ("cognac",),
    ("vichy",),
    ("dole",),
    ("saone",),  # the river ("Saône Express"), far more than the commune of the Doubs
}
ARRONDISSEMENT_CITIES = {"Paris": 20, "Lyon": 9, "Marseille": 16}
CITY_DEPARTMENT = {"Paris": "75", "Lyon": "69", "Marseille": "13"}
# overseas department codes and their flags: "974 🇷🇪", "973 🇬🇫 Cayenne", "972 only" state a
# department when the flag is next to the code, or the post names the flag or one of its communes
# and the code opens the post or comes before "only"
OVERSEAS_FLAGS = {"971": "flag_gp", "972": "flag_mq", "973": "flag_gf", "974": "flag_re", "976": "flag_yt"}
ONLY_WORDS = {"only", "uniquement", "seulement"}
# "rue de Lyon", "Faubourg de Béthune", "avenue de Nice": a commune name after these and "de" is a street
STREET_WORDS = {"rue", "avenue", "av", "boulevard", "bd", "bld", "faubourg", "fbg", "quai", "place", "cours", "chemin",
                "impasse", "allee", "route", "porte"}  # ("Porte de Montreuil", "porte d'Ivry": gates of Paris)
STREET_LINKS = {"de", "du", "des", "d"}
# a housing estate or a district named after a writer or a city: "Cité Balzac", "Quartier d'Orléans"
ESTATE_WORDS = {"cite", "cites", "quartier", "residence", "lotissement", "hlm", "batiment", "bat"}
# ... unless a determiner makes the word a common noun: "ton quartier, Saint-Amarin"
ESTATE_DETERMINERS = {"le", "la", "les", "du", "des", "au", "aux", "mon", "ton", "son", "ma", "ta", "sa", "notre",
                      "votre", "leur", "ce", "cette", "tout", "toute", "un", "une", "mes", "tes", "ses"}
# "Lille-Sud", "Marseille-Nord": a city and a compass part of it, not a hyphenated word
COMPASS_PARTS = ("sud", "nord", "est", "ouest", "centre")
LIST_SEPS = re.compile(
    r"^(?:\s*(?:centre|center|ville|centre-ville|nord|sud|est|ouest|city)\b)?"
    r"(?:\s*\(?(?:\d{2,3}|2[ab])\)?(?!\w))?"
    r"[\s,;/+&|·•\-–—➡→>()➜➝▸↔⇄]*(?:flag_[a-z]{2}\s*)?(?:(?:et|and|ou|or|&|x|n|puis|then)\s*)?[\s,;/+&|·•\-–—➡→>()➜➝▸↔⇄]*$"
)
# a chunk of text (between spaces) that is a link, an @handle or a dotted or underscored handle
# (la.ferme.rns, runner_jobs_wm) is no place
SPACE_RE = re.compile(r"\s")
# words in capitals that a count or a date follows, not a name's number ("PROMO 20 pièces",
# "SAMEDI 14 juin"): a number after them and before a word is no department
NOT_NAME_BEFORE_NUMBER = frozenset({
    "promo", "promos", "soldes", "pack", "packs", "lot", "lots", "top", "offre", "offres", "remise", "moins",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "le", "la", "les", "du", "au", "aux",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "the", "des", "de",
    "plus", "max", "mini", "minimum", "jusqu", "jusque", "avant", "apres", "après", "depuis", "vers", "sur",
})
NOT_BEFORE_DEPT = {
    "pour",
    "for",
    "ou",
    "or",
    "et",
    "and",
    "a",
    "de",
    "x",
    "par",
    "avant",
    "was",
    "vs",
    "les",
    "des",
    "mini",
    "minimum",
    "max",
    "maximum",
    "plus",
    "moins",
    "environ",
    "about",
    "only",
    "seulement",
    "that",
    "than",
    "from",
    "to",
    "au",
    "jusqu",
    "jusqua",
    "entre",
    "sur",
    "under",
    "over",
    "prix",  # "nouveau prix 35", "price 45": a price
    "price",
    "tarif",
}


NUMBER_AFTER_RE = re.compile(r"[ \t]*(?:[(,\-–]|\.{2,}|…)?[ \t]*(?:\d{2}|2[aAbB]|97\d|\d{5})\)?(?![\w€£$%]|[ .\-]?\d)")
# a capital letter of a Latin alphabet (not the letters in squares of "🅱️🅴🆄🅷", which are emoji)
_CAPITAL_RE = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž]")


def uses_capitals(text: str) -> bool:
    """Whether the writer ever writes a capital (one who never does tells nothing by case)."""
    return _CAPITAL_RE.search(text) is not None


BREAK_RE = re.compile(r"[\n.!?;|,()/•·]")  # no name runs across these
PHONE_GROUP_RE = re.compile(r"\d[\d .\-]{6,}\d")

# "sur le 93", "on couvre le 76", "je livre le 95": words after which "le NN" is a department
LE_DEPT_VERBS = frozenset({"sur", "dans", "tout", "partout", "de", "couvre", "couvrons", "dessert", "desservons",
                           "livre", "livrons", "passe", "passons", "bouge", "tourne"})
WORDLESS_GAP = re.compile(r"[^\w\n]*")  # spaces, punctuation and emoji only
# what may stand between two department numbers of a list: "93/94", "69, 01 et 38", "77 + 91"
# (on one line; "+18" glued to its number is an age gate, not a list)
DEPT_LIST_GAP = re.compile(r"[ \t]*(?:(?:[/,&⇄↔][ \t]*|[+–-][ \t]+)(?:et[ \t]+|le[ \t]+)?"
                           r"|(?:et|ou|and)[ \t]+(?:le[ \t]+)?|[ \t])")  # (or one space: "livraison 77 93 75")
_DATE_PAIR = re.compile(r"[/,](\d{1,2})(?!\d)")


# "2A/2B", "2b - 2a", "2A et 2B": Corsica's two departments named together (the text is in lower case)
CORSICA_PAIR_RE = re.compile(r"[ \t]*(?:[/&+–-]|et|ou|and)[ \t]*2[ab]\b")


def dept_pair(w: str, text: str, ne: int) -> bool:
    """"93/94": a department number followed by another, not a date ("15/08") or a decimal ("1,5")."""
    if w in ("2A", "2B"):
        return CORSICA_PAIR_RE.match(text, ne) is not None  # "2b/2a": Corsica's two departments
    m = _DATE_PAIR.match(text, ne)
    if m is None or not w.isdigit() or len(w) != 2:
        return False
    return int(w) > 31 or int(m.group(1)) > 12


# a place named to say it is not served: "Savenay non", "Épinac NON", "Aubin ⛔", "pas sur Pons",
# "sauf Pons", "no Bellshill" (the normalised text is in lower case)
NOT_SERVED_AFTER = re.compile(r"[ \t]*(?:non\b|nn\b|❌|⛔|🚫|naw\b|anymore\b)")
NOT_SERVED_BEFORE = re.compile(r"(?:\bpas(?: sur| a| à| de)?|\bsauf|\bhors|\bnot|\bno|\bexcept)[ \t]+$")


PRICE_FIELD_RE = re.compile(r"\W*\d+(?:[.,]\d+)?\s*(?:€|e|eur|euros?|£|\$|balles)?\W*|.*\d\s?(?:g|gr|kg)\b.*")


def bio_field(text: str, ns: int, ne: int) -> bool:
    """The number at ns:ne is a field of its own between bars ("ondaine drive | 🍁🍫❄️ | 42 | 24h/24"),
    and neither field beside it is a price or a quantity (a price table has bars too)."""
    line_s = text.rfind("\n", 0, ns) + 1
    line_e = text.find("\n", ne)
    line_e = len(text) if line_e < 0 else line_e
    fields = text[line_s:line_e].split("|")
    if len(fields) < 3:
        return False
    pos, at = line_s, -1
    for k, fld in enumerate(fields):
        if pos <= ns < pos + len(fld):
            at = k
            break
        pos += len(fld) + 1
    if at < 0 or fields[at].strip() != text[ns:ne]:
        return False
    beside = [fields[k].strip() for k in (at - 1, at + 1) if 0 <= k < len(fields)]
    return not any(PRICE_FIELD_RE.fullmatch(b) for b in beside if b)


def river_valley(words: list[str], i: int) -> bool:
    """Word i follows "vallée du", "val de la", "bords de", "côtes du": a river's name."""
    k = i - 1
    while k >= 0 and words[k] in ("du", "de", "des", "la", "l", "d"):
        k -= 1
    return k < i - 1 and k >= 0 and words[k] in ("vallee", "vallees", "val", "bords", "bord", "cotes", "valley")


def in_capitalised_phrase(text: str, s: int, e: int) -> bool:
    """The name text[s:e] stands beside another capitalised word ("Champ Plug", "Trois Cités",
    "Little Village"): part of a longer proper name, not a town's short name."""
    after = text[e:e + 2].lstrip(" ")[:1]
    before = text[max(0, s - 30):s].rstrip(" ").split(" ")[-1] if s else ""
    return after.isupper() or (len(before) > 1 and before[0].isupper() and before.isalpha())

