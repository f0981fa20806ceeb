"""A place candidate, and the helpers that weigh one against the others of a post (places.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..gazetteer import Commune, Key, key_of
from .place_text import NAME_LINKS

DWARFS = 5  # a longer name this many times as populous is the town a short name means ("Viry", "Lézignan")


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
