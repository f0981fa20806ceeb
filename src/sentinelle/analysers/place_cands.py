"""A place candidate, and the helpers that weigh one against the others of a post (places.py)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from ..gazetteer import Commune, Key, key_of
from .place_text import LIST_SEPS, NAME_LINKS

DWARFS = 5  # a longer name this many times as populous is the town a short name means ("Viry", "Lézignan")
# populations of the places rules (places.py)
BIG_CITY = 50_000  # an ordinary-word name this large is read without a cue (Bordeaux, Rennes)
UNCUED_SINGLE = 8_000  # a one-word ordinary-word name this large needs only a lowercase cue; a head picked alone
UNCUED_TOWN = 3_000  # a one-word commune name read without a cue (not an ordinary word: see common_names.txt)
UNCUED_MULTI = 4_000  # a several-word commune name read without a cue
LONG_NAME = 3  # a commune name of this many words or more is read without a cue, whatever its size
SHORT_CITY = 20_000  # a French town of three letters this large is read capitalised ("Pau", "Dax", "Gap")
MID_SENTENCE_CITY = 10_000  # an ordinary-word name this large is read when capitalised mid-sentence
SMALL_TOWN = 20_000  # a town this small yields to a longer name in the department of the post ("Tarascon" by Foix)


@dataclass(slots=True)
class Cand:
    start: int  # word index
    end: int  # word index, exclusive
    nstart: int  # normalised offsets
    nend: int
    kind: str  # "alias", "abroad", "commune"
    value: str
    rule: str
    communes: list[Commune]
    weak: bool
    common: bool
    population: int
    near: str = ""
    heads: list[Commune] = field(default_factory=list)  # communes whose name starts with these words
    accepted: bool = False
    blocked: bool = False
    after_article: bool = False  # "au Mont-Dore": the name lost its article
    why: str = ""
    country: str = ""  # abroad only
    run_department: str = ""  # the department shared by the run of names it was listed in (colocated)



# the postcodes of the arrondissements of Paris, Lyon and Marseille: the city, whichever one
ARRONDISSEMENT_CITY = {
    **{f"750{n:02d}": "Paris" for n in range(1, 21)}, "75116": "Paris",
    **{f"6900{n}": "Lyon" for n in range(1, 10)},
    **{f"130{n:02d}": "Marseille" for n in range(1, 17)},
}


def other_words(cands: list[Cand], c: Cand) -> set[str]:
    """The words of the other accepted places of the post, but the links of names ("sur", "saint"):
    a longer name that shares one is the one the post means ("St Nazaire" beside Saint-Jean-en-Royans)."""
    return {w for o in cands if o.accepted and o is not c for w in key_of_name(o.value)} - NAME_LINKS


def clear_name(c: Cand, written: str) -> bool:
    """The name means its first commune: no other commune of that name, and no longer name it starts,
    near its size (DWARFS times smaller at most). Written with the accents of the first commune, the
    names with other accents are no rivals ("Legé" is not Lège nor Lège-Cap-Ferret)."""
    top = c.communes[0]
    rivals = [*c.communes[1:], *c.heads]
    w = written.lower()
    if top.name.lower() == w:
        rivals = [x for x in rivals if x.name.lower() == w or x.name.lower().startswith(w + "-")]
    return all(x.population * DWARFS <= top.population for x in rivals)



@lru_cache(maxsize=4096)
def key_of_name(name: str) -> Key:
    return key_of(name)


def overseas(department: str) -> bool:
    """The department is overseas (971 to 976)."""
    return department.startswith("97")


def shared_departments(cands: list[Cand], accepted: list[int], idx: int) -> set[str]:
    """The department where the place at `idx` and another accepted place of the post both have a
    town of their name or starting with it ("Nogent / Romilly": Nogent-sur-Seine and
    Romilly-sur-Seine, both in the Aube): the post's context when no place names it alone. Of
    several, the one whose two towns are the most populous, when it stands out (twice the next),
    both towns are more than villages, and the name's own commune is smaller than its town there."""
    def options(c: Cand) -> dict[str, int]:
        out: dict[str, int] = {}
        for x in (*c.communes[:12], *c.heads[:12]):
            out[x.department] = max(out.get(x.department, 0), x.population)
        return out

    mine = options(cands[idx])
    weight: dict[str, int] = {}
    for j in accepted:
        if j != idx and cands[j].kind in ("commune", "alias"):
            for dep, pop in options(cands[j]).items():
                if dep in mine:
                    weight[dep] = max(weight.get(dep, 0), min(pop, mine[dep]))
    ranked = sorted(weight.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < SHARED_TOWN or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return set()
    dep = ranked[0][0]
    own = cands[idx].communes
    if own and own[0].department != dep and own[0].population >= mine[dep]:
        return set()  # ("Saint-Girons ... Castillon": Saint-Girons itself, bigger than its namesakes)
    return {dep}


SHARED_TOWN = 2_000  # the population both towns of a shared department reach (no hamlets)


# A bare arrondissement: "13e", "20ème", "1er", read as a place only after a cue of place or in a
# list of them ("livraison 13e 14e", "au 20e", "VIP 12e / Vincennes"), never before the noun it
# counts ("10e commande offerte", "13e mois"). The city is the one whose department the post's
# other places or stated numbers are in (Paris for Île-de-France), or Paris past the 16th (the
# most Marseille has).
BARE_ARRONDISSEMENT_RE = re.compile(
    r"(?<![\w.,:-])(?<![^er]/)(1er|[2-9](?:e|eme)|1\d(?:e|eme)|20(?:e|eme))(?![\w'])(?!/(?![12]?\d(?:e|er)))")
_ARR_CUES = frozenset({"au", "sur", "dans", "livraison", "livraisons", "drive", "secteur", "cote", "vers", "vip",
                       "tourne", "zone", "quartier", "belleville", "📍", "🛵", "livre", "livrons"})
_ORDINAL_NOUNS = frozenset({"commande", "commandes", "mois", "jour", "jours", "fois", "lavage", "etage", "edition",
                            "anniversaire", "place", "rang", "semaine", "an", "ans", "annee", "siecle", "minute",
                            "round", "but", "achat", "achats", "offert", "offerte", "gratuit", "gratuite", "client",
                            "clients", "session", "episode", "saison", "nuit", "personne", "pochon", "g", "gr",
                            "gramme", "grammes", "le", "la", "les", "l", "de", "d", "du", "des", "tampon", "anniv",
                            "vague", "manche", "tour", "partie", "km", "%", "degre", "degres", "sachet", "pièce"})
IDF = frozenset({"75", "77", "78", "91", "92", "93", "94", "95"})


def bare_arrondissements(text: str, context: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, city) of the bare arrondissements of the (normalised) text, by the post's
    departments `context`."""
    city = ("Paris" if not context.isdisjoint(IDF) else "Marseille" if "13" in context
            else "Lyon" if "69" in context else "")
    out = []
    for m in BARE_ARRONDISSEMENT_RE.finditer(text):
        n = int(re.match(r"\d+", m.group(1)).group())  # type: ignore[union-attr]
        before = text[max(0, m.start() - 24):m.start()].split()
        cued = bool(before) and before[-1].strip(",/+:") in _ARR_CUES
        after = text[m.end():m.end() + 24].split()
        if after and after[0].strip(".,!?/()") in _ORDINAL_NOUNS:
            continue  # "la 10e commande", "beu 10e g", "le 8e de kush"
        if before and any(ch.isdigit() for ch in before[-1]):
            continue  # "3g 25e": a price in euros
        listed = BARE_ARRONDISSEMENT_RE.search(text, m.end(), m.end() + 8) is not None or (
            bool(before) and BARE_ARRONDISSEMENT_RE.fullmatch(before[-1].strip(",/+")) is not None)
        # Paris, the city whose arrondissements are named bare, when a delivery cue lists them or
        # three are listed ("le 5e/6e/7e")
        town = city or ("Paris" if (cued and (n > 16 or listed)) or _run_length(text, m.end(), n) >= 3 else "")
        if not town or n > {"Paris": 20, "Marseille": 16, "Lyon": 9}[town]:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        opens_line = not text[line_start:m.start()].strip(" 📍-•·*")
        if cued or listed or opens_line:
            out.append((m.start(), m.end(), town))
    return out


def _run_length(text: str, end: int, last: int) -> int:
    """How many bare arrondissements are listed in rising order from the one numbered `last`,
    ending at `end` ("5e / 6e / 7e"; not a school's "6e, 5e, 4e")."""
    n = 1
    while (m := BARE_ARRONDISSEMENT_RE.search(text, end, end + 16)) is not None and m.start() - end <= 4 and not text[
            end:m.start()].strip(" ,/+-&"):
        k = int(re.match(r"\d+", m.group(1)).group())  # type: ignore[union-attr]
        if k <= last:
            break
        n, end, last = n + 1, m.end(), k
    return n


def dominant_head(c: Cand) -> int:
    """The population of the long-named town a short name stands for, when it dwarfs the small
    communes of that exact name ("Bagnols": Bagnols-sur-Cèze, not the Bagnols of 765); else 0."""
    if c.kind != "commune" or not c.heads or not c.communes:
        return 0
    top = c.heads[0].population
    if top < UNCUED_SINGLE or top < DWARFS * c.communes[0].population or (
            len(c.heads) > 1 and top < 2 * c.heads[1].population):
        return 0
    return top


def listed_in_departments(text: str, cands: list[Cand], codes: set[str], stated: set[str],
                          cased: Callable[[Cand], bool]) -> None:
    """Names side by side, separated by list marks only, each a commune (or the start of one's
    name) of a department of the post (`codes`): places, even small ("SAPIN VERT 88 / Arches ➜
    Pouxeux", "Saint-Junien : offert / Oradour / Cieux : 10€"). In lower case only in a department
    the post states (`stated`: "tilly balleroy 📍14"), never when a word (`cased`: capitalised or
    in capitals; "je livre Laval" is no Livré-la-Touche)."""
    def here(c: Cand) -> bool:
        return (c.kind == "commune" and not c.blocked
                and any(x.department in codes for x in [*c.communes[:12], *c.heads[:12]]))

    inside = [c for c in cands if here(c)]
    for lo, hi in zip(inside, inside[1:], strict=False):
        gap = text[lo.nend:hi.nstart]
        if not (len(gap) <= 16 and "\n" not in gap and (gap == " " or (gap.strip() and LIST_SEPS.match(gap)))):
            continue
        for c, other in ((lo, hi), (hi, lo)):
            in_stated = any(x.department in stated for x in [*c.communes[:12], *c.heads[:12]])
            if c.accepted or ((c.common or not in_stated) and not cased(c)):
                continue
            c.accepted = True
            c.why = f"listed with {other.value} in a department of the post ({', '.join(sorted(codes))})"


def near_here(o: Cand, department: str) -> bool:
    """Whether a candidate puts its post near a department for a short form read only there: read
    with a commune of that department among its homonyms ("St Gilles / Brétignolles"), or, read or
    not, a name no other department has ("La Roche gare ou Les Herbiers")."""
    named = o.communes + o.heads  # (a short name: "Brétignolles" for Bretignolles-sur-Mer)
    if o.blocked or not named:
        return False
    if o.accepted:
        return o.run_department == department or any(x.department == department for x in named[:24])
    return all(x.department == department for x in named)
