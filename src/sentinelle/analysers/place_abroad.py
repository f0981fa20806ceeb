"""Towns abroad read without a cue of their own: listed side by side, alone in a post priced in
their country's currency, or a homonym picked by the country of the post's other towns. Used by
`places.PlaceAnalyser` once its own rules have run."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..core import Analysis
from ..gazetteer import Gazetteer
from .place_cands import Cand, key_of_name
from .place_text import LIST_SEPS, uses_capitals

# words before a person's name ("it's Brandon", "ask for Tyler")
_PERSON_BEFORE_RE = re.compile(r"(?:\b(?:it|that|i|c|this)\s?'?\s?(?:s|m|est|is)"
                               r"|\b(?:ask for|call|text|mr|mrs|ms|dr|with|and|my|bro|cuz|lil|big|yo|hey))\W{0,2}$")


def abroad_runs(a: Analysis, text: str, cands: list[Cand], written_big: Callable[[Cand], bool]) -> None:
    """Towns abroad of one country listed side by side, capitalised (`written_big`: capitalised
    or in capitals), in a post that names a product: places, even when each is also a first name
    or a word ("Tyler • Longview • Kilgore"); in lower case too, three or more villages that are no
    word ("drumshanbo mohill ballinamore")."""
    run: list[Cand] = []
    no_caps = not uses_capitals(a.post.text)  # ("lodi + tracy + manteca": three, in lower case)

    def flush() -> None:
        lower = any(not written_big(c) for c in run)
        if len(run) >= (3 if lower else 2) and len({c.country for c in run}) == 1:
            for c in run:
                if not c.accepted:
                    c.accepted = True
                    c.why = f"listed with other towns of {c.country} in a post naming or pricing a product"

    for c in cands:
        if c.kind != "abroad" or c.blocked or not (written_big(c) or not c.common or no_caps):
            flush()
            run = []
            continue
        gap = text[run[-1].nend:c.nstart] if run else ""
        if run and len(gap) <= 16 and "\n" not in gap and (LIST_SEPS.match(gap) and gap.strip() or gap == " "):
            run.append(c)
        else:
            flush()
            run = [c]
    flush()


_SIGN_OFF_BEFORE_RE = re.compile(r"(?:,|\d|[$£€]\d+(?: each| a \w+)?)\s*$")


def lone_abroad(g: Gazetteer, text: str, cands: list[Cand], capital: Callable[[Cand], bool]) -> None:
    """A town abroad that is also a first name, a word or a town elsewhere ("Cary", "Durham",
    "Georgetown"), alone but capitalised (`capital`, not in capitals), in a post that prices in its
    country's currency only ("Durham. $150 a day"): the town. Not a speaker ("Brandon: 50 for the
    8th") nor a person ("it's Brandon")."""
    country = currency_country(text)
    if not country or any(c.accepted for c in cands):
        return  # (beside a place read, it is more often a neighbourhood: "Glasgow: Partick, Hillhead")
    for c in cands:
        if c.accepted or c.blocked or c.kind != "abroad" or not c.weak or c.country != country:
            continue
        word = any(n.word for n in g.abroad.get(key_of_name(text[c.nstart:c.nend]), ()))
        # a sign-off: the last word of the post, after a comma or a price ("strips $10 each, Mesa",
        # "3 for $10 chandler"), where a writer puts the town; lower case only for a name that is no word
        closing = (not any(ch.isalnum() for ch in text[c.nend:]) and _SIGN_OFF_BEFORE_RE.search(text, 0, c.nstart)
                   is not None and (capital(c) or (not word and text[c.nstart:c.nend].islower())))
        if not closing and (not capital(c) or word):
            continue  # ("FLASH SALE": a word in capitals; "Sale": a word too)
        if text[c.nend:c.nend + 1] == ":" or _PERSON_BEFORE_RE.search(text, max(0, c.nstart - 14), c.nstart):
            continue
        c.accepted, c.why = True, (f"{'closes the post' if closing else 'capitalised'}, in a post priced in the "
                                   f"currency of {country} alone")


def country_of_the_post(g: Gazetteer, c: Cand, cands: list[Cand], text: str) -> None:
    """A town abroad that several countries have a town of that name for ("Stockton"): the one of
    the country the post's other towns are in ("Stockton / Thornaby": Stockton-on-Tees)."""
    named = g.abroad.get(key_of_name(text[c.nstart:c.nend]), ())
    if len(named) < 2:
        return
    others = {o.country for o in cands if o.accepted and o is not c and o.kind == "abroad"}
    if c.country in others:
        return
    n = next((n for n in named if n.country in others), None)
    if n is not None:
        c.value, c.country = n.value, n.country


def currency_country(text: str) -> str:
    """The country whose currency alone a post's prices are written in ("$40" and no "£" nor "€":
    "US"; "£20" alone: "GB"), or ""."""
    dollar, pound, euro = "$" in text, "£" in text, "€" in text
    if dollar and not (pound or euro):
        return "US"
    if pound and not (dollar or euro):
        return "GB"
    return ""
