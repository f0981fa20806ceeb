"""Places and departments.

Places: commune names of the gazetteer, hand-written short forms ("Sainté", "bdx") and cities
abroad ("Londres" -> London), matched on the normalised text's words, longest first. A name
that is also an ordinary word ("Plaisir", "Orange", "Tours") or a small commune is read only with
a CUE: a served-area word before it ("livraison", "secteur", "sur", "à", "📍"), a confirming word
after it ("et alentours", "only"), a hashtag, a department number after it ("Rennes (35)"), or a
list of places it belongs to ("Rennes + Cesson + St Jacques"). Homonyms resolve to the commune
in a department the post names, else the most populous. Arrondissements read as their city.

Departments: only when the text STATES one: a number next to a place or after a cue ("Rennes
(35)", "sur le 93", "📍 42"), a postcode ("76600" -> 76), or a department name ("Côte-d'Or").
A number closing a shop name (on the first line or after a word in capitals) counts when the
post's places are in that department ("DRIVE 87 🚗 Limoges") or, in a French post, when it names
no place ("CARTE FIDÉLITÉ BAIE 22"); with the option `brand_numbers = "with_sign"` it needs another
sign: the name is a commune of it ("TOURS 37"), names an area ("ALPES NEIGE 38", cues.toml
`area_word`), or a place of it follows. A number that is a price, a quantity,
a time, an age, a phone part or an arrondissement is not a department; nothing is inferred from
a city.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import partial
from itertools import compress
from operator import itemgetter
from typing import Any, cast

from ..core import Analysis, Finding
from ..errors import ConfigError
from ..gazetteer import BARE_FIRST_WORDS, CANON, DEPARTMENT_CODES, LONGER, NAME, Commune, Gazetteer, Key, load_gazetteer
from .base import Analyser
from .place_abroad import abroad_runs, country_of_the_post, lone_abroad
from .place_cands import (
    ARRONDISSEMENT_CITY,
    BIG_CITY,
    DWARFS,
    LONG_NAME,
    MID_SENTENCE_CITY,
    SHORT_CITY,
    SMALL_TOWN,
    UNCUED_MULTI,
    UNCUED_SINGLE,
    UNCUED_TOWN,
    Cand,
    bare_arrondissements,
    clear_name,
    dominant_head,
    key_of_name,
    listed_in_departments,
    near_here,
    other_words,
    overseas,
    shared_departments,
)
from .place_departments import _DEPT_FIRST, _NUMBER, DepartmentRules
from .place_regions import RegionTown, accept_regional, emit_regional, load_region_towns
from .place_text import (
    BREAK_RE,
    CITY_IN_FRENCH,
    COMPASS_PARTS,
    ESTATE_DETERMINERS,
    ESTATE_WORDS,
    FOREIGN_WORDS,
    LIST_SEPS,
    NEEDS_CUE,
    NOT_SERVED_AFTER,
    NOT_SERVED_BEFORE,
    NUMBER_AFTER_RE,
    STREET_LINKS,
    STREET_WORDS,
    Phrases,
    alone,
    colocated,
    handle_chunks,
    in_capitalised_phrase,
    outside,
    own_department_after,
    own_department_before,
    unmark,
    uses_capitals,
)

_SHORT_NAME = "the capitalised short name of the one town whose long name it starts"
# first words of two-word names that are often no town: a saint's day, a part of a town
_NOT_A_TOWN_START = frozenset({"st", "saint", "sainte", "ste", "san", "santa", "west", "east", "north", "south"})
_PRICED_RE = re.compile(r"[$£€]\s?\d|\d\s?[$£€]")  # a price written with its currency sign

_CANON_KEYS = frozenset(CANON)


class PlaceAnalyser(DepartmentRules, Analyser):
    name = "places"
    languages = ("*",)
    provides = ("places", "departments")
    version = "1"

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(options)
        self.g: Gazetteer = load_gazetteer()
        self.regions = load_region_towns()
        cues = self.g.cues
        self.before = Phrases(cues.get("place_strong", ()))
        self.before_weak = Phrases(cues.get("place_weak", ()))
        self.after = Phrases(cues.get("place_after", ()))
        self.dept_before = Phrases(cues.get("dept_before", ()))
        self.units = Phrases(cues.get("unit_after", ()))
        self.not_dept_word = {k[0] for k in cues.get("not_dept_word", set()) if k}
        self.area_words = {k[0] for k in cues.get("area_word", set()) if len(k) == 1}
        # "LA FERME 35 ... Rennes": a number closing a shop name, when a place the post names lies in
        # that department, is a stated department ("always", the default: the labelled dev set's
        # convention); "with_sign" also asks for an area word or a place right after the number
        mode = str(self.options.get("brand_numbers", "always"))
        if mode not in ("with_sign", "always"):
            raise ConfigError(f"places option brand_numbers must be 'with_sign' or 'always', not {mode!r}")
        self.brand_numbers_always = mode == "always"
        self.word_re = re.compile(r"[^\W_]+")
        self.code_of = {c.lower(): c for c in DEPARTMENT_CODES}  # a number word -> its code
        self.starters = self.g.first_words | set(self.g.joined)
        # the words a department number can be: a code ("35", "2a", "974") or a postcode
        self.numbers = frozenset(
            [c.lower() for c in DEPARTMENT_CODES]
            + [pc for pc in self.g.postcodes if len(pc) == 5 and pc.isdigit() and pc[0] in "0123456789"]
        )
        # every word that can start a finding (department names start with a name's first word)
        self.interesting = frozenset(self.starters | self.numbers | self.g.department_firsts)
        # `g.names` of the one-word keys, by their word
        self.word_bits = {k[0]: bits for k, bits in self.g.names.items() if len(k) == 1}
        # what each word of `interesting` is, in one table: a post's words are looked up once each,
        # not once in each of these tables (tens of thousands of words: each lookup is likely a
        # cache miss); the `word_bits` of the word above _BITS_SHIFT
        self.word_flags: dict[str, int] = {}
        for flag, table in ((_STARTER, self.starters), (_FIRST, self.g.first_words), (_NUMBER, self.numbers),
                            (_DEPT_FIRST, self.g.department_firsts)):
            for w in table:
                self.word_flags[w] = self.word_flags.get(w, 0) | flag
        for w, flags in self.word_flags.items():
            self.word_flags[w] = flags | self.word_bits.get(w, 0) << _BITS_SHIFT
        # the lengths of the department names (four words at most) that start with a word, longest first
        self.dept_sizes: dict[str, list[int]] = {}
        for k in sorted(self.g.departments, key=len, reverse=True):
            if len(k) <= 4 and len(k) not in self.dept_sizes.setdefault(k[0], []):
                self.dept_sizes[k[0]].append(len(k))
        # what `_lookup` makes of a key, less the position: the same names come back post after post
        self._templates: dict[Key, tuple[Any, ...] | None] = {}

    # -- helpers ------------------------------------------------------------------------------

    @staticmethod
    def _ends_with(words: list[str], i: int, table: Phrases, max_n: int = 3) -> int:
        """Length of the longest cue of `table` ending just before word i (0 when none)."""
        if i == 0 or words[i - 1] not in table.lasts:
            return 0
        for n in range(min(max_n, i), 0, -1):
            if tuple(words[i - n : i]) in table:
                return n
        return 0

    @staticmethod
    def _starts_with(words: list[str], i: int, table: Phrases, max_n: int = 3) -> int:
        if i >= len(words) or words[i] not in table.firsts:
            return 0
        for n in range(min(max_n, len(words) - i), 0, -1):
            if tuple(words[i : i + n]) in table:
                return n
        return 0

    def _capitalised(self, a: Analysis, ns: int, ne: int) -> bool:
        s, e = a.norm.span(ns, ne)
        if e <= s or not a.post.text[s].isupper():
            return False
        frag = a.post.text[s:e]
        # a whole line in capitals says nothing about names
        line_s = a.post.text.rfind("\n", 0, s) + 1
        line_e = a.post.text.find("\n", e)
        line = a.post.text[line_s : line_e if line_e >= 0 else len(a.post.text)]
        return not (len(line) > len(frag) + 3 and line.isupper())

    def _proper_mid_sentence(self, a: Analysis, c: Cand) -> bool:
        """The name is capitalised inside a sentence ("au four de Cambrai"), in a post whose other
        words are in lower case (not "Livraison Rapide Sur Cambrai")."""
        if not self._capitalised(a, c.nstart, c.nend) or self._all_caps(a, c):
            return False
        s, _e = a.norm.span(c.nstart, c.nend)
        before = a.post.text[:s].rstrip(" \t")
        if not before or before[-1] in ".!?:\n" or not before[-1].isalnum():
            return False  # a sentence or a line starts with it, or it follows an emoji or a mark
        words = [w for w in a.post.text.split() if w[:1].isalpha()]
        capitals = sum(1 for w in words if w[0].isupper())
        return capitals * 3 <= len(words)

    @staticmethod
    def _all_caps(a: Analysis, c: Cand) -> bool:
        s, e = a.norm.span(c.nstart, c.nend)
        frag = a.post.text[s:e]
        return frag.isupper()

    # -- analysis ---------------------------------------------------------------------------

    def analyse(self, a: Analysis) -> None:
        regional = self.regions.find(a.post.text) if " " in a.post.text else []
        self._analyse_words(a, regional)
        if regional:
            emit_regional(a, regional, self.name)

    def _analyse_words(self, a: Analysis, regional: list[RegionTown]) -> None:
        text = a.norm.text
        if not text:
            return
        # words are the normalised text's word tokens, less those of links and handles
        # ("la.ferme.rns", "runner_jobs_wm", "t.me/x") and of the handles contacts found
        all_toks = a.norm.tokens
        # a word token is all letters and digits, other tokens are one symbol: the whole token
        # tells, unless "_" joins words in it ("runner_jobs"), and then its first character does
        keep = list(map(str.isalnum, a.norm.words if "_" not in text else map(_first, a.norm.words)))
        if "." in text or "@" in text or "/" in text or "_" in text:
            chunks = handle_chunks(text)
            if chunks:
                tok_starts = list(map(_start, all_toks))
                parts, last = [], 0
                for bs, be in chunks:
                    parts.append(text[last:bs])
                    parts.append(" " * (be - bs))
                    last = be
                    unmark(keep, tok_starts, bs, be)  # the tokens that start in the chunk
                parts.append(text[last:])
                text = "".join(parts)  # same length: offsets are kept
        toks = list(compress(all_toks, keep))
        handles = [(f.start, f.end) for f in a.findings if f.kind == "handles"]
        if handles:
            toks = outside(toks, a.norm.starts, handles)
        if not toks:
            return
        words = list(map(_first, toks))
        if not _CANON_KEYS.isdisjoint(words):
            words = [CANON.get(w, w) for w in words]
        # None for a word of no interest: `marks` are the others, the only words whose flags are read
        flags = cast(list[int], list(map(self.word_flags.get, words)))
        marks = list(compress(range(len(words)), flags))
        if not marks:
            return  # no name, department name or department number
        spans = list(map(_span, toks))
        cands = self._candidates(a, words, spans, text, marks, flags)
        if regional:
            accept_regional(a, cands, regional)
        self._accept(a, words, spans, cands)
        # towns abroad too uncertain to be places, which still hint at the currency of bare prices
        # ("8th 35 / Q 65 / Yuma & Foothills": dollars; see `money.post_currency`)
        # (read for English posts only: see `money.post_currency`)
        hints = [c.country for c in cands if c.kind == "abroad" and not c.accepted and not c.blocked and c.country
                 and len({n.country for n in self.g.abroad.get(key_of_name(text[c.nstart:c.nend]), ())}) == 1
                 ] if a.lang == "en" else []
        if hints:
            a.notes["country_hints"] = hints
        stated = self._departments(a, words, spans, cands, marks, flags)
        if len(cands) > 1:
            # the departments the post states, and those of the towns of 8,000 or more it names
            # ("Saint-Junien : offert / Oradour / Cieux : 10€": Oradour and Cieux are of the 87 too)
            stated_codes = {d[0] for d in stated}
            codes = stated_codes | {
                c.communes[0].department for c in cands
                if c.accepted and c.kind == "commune" and c.communes and c.communes[0].name == c.value
                and c.communes[0].population >= UNCUED_SINGLE}
            if codes:
                listed_in_departments(text, cands, codes, stated_codes,
                                      lambda c: self._capitalised(a, c.nstart, c.nend) or self._all_caps(a, c))
        self._emit(a, cands, stated)

    def _candidates(
        self, a: Analysis, words: list[str], spans: list[tuple[int, int]], blanked: str, marks: list[int],
        flags: list[int],
    ) -> list[Cand]:
        """Names of the gazetteer, longest first. `blanked` is the text with handles and links
        blanked out: a name never runs across a line break or a sentence end in it."""
        g = self.g
        text = a.norm.text
        out: list[Cand] = []
        n = len(words)
        names = g.names
        after = 0  # words before this index belong to a name already found
        for i in [k for k in marks if flags[k] & _STARTER]:
            if i < after:
                continue
            w = words[i]
            f = flags[i]
            if not f & _FIRST and not _after_hash(text, spans[i][0]):
                continue
            # the longest name starting here: extend while the words begin a longer name, never
            # across a line break or a sentence end; `keys` are those of these runs that are names
            keys: list[Key] = []
            key: Key = (w,)
            bits = f >> _BITS_SHIFT  # word_bits.get(w, 0)
            j = i + 1
            while True:
                if bits & NAME:
                    keys.append(key)
                if not (bits & LONGER and j < n):
                    break
                # the longer run is looked up before the text between its words is searched for a
                # break: it names nothing most of the time ("la", "le" start names), then no search
                longer = tuple(words[i : j + 1])
                longer_bits = names.get(longer, 0)
                if not longer_bits or BREAK_RE.search(blanked, spans[j - 1][1], spans[j][0]) is not None:
                    break
                j += 1
                key, bits = longer, longer_bits
            found: Cand | None = None
            for key in reversed(keys):
                found = self._lookup(key, i, len(key), spans)
                if found:
                    break
            if found is None and w in g.joined and _after_hash(text, spans[i][0]):
                cs = g.joined[w]
                found = Cand(i, i + 1, spans[i][0], spans[i][1], "commune", cs[0].name, "places:hashtag", cs,
                              False, False, cs[0].population, why="hashtag")
            if found:
                out.append(found)
                after = found.end
        return out

    def _lookup(self, key: Key, i: int, size: int, spans: list[tuple[int, int]]) -> Cand | None:
        tpl = self._templates.get(key, _UNSEEN)
        if tpl is _UNSEEN:
            tpl = self._templates[key] = self._template(key)
        if tpl is None:
            return None
        # the lists of a template are shared by its candidates: they are never changed
        kind, value, rule, communes, weak, common, population, near, heads, country = tpl
        return Cand(i, i + size, spans[i][0], spans[i + size - 1][1], kind, value, rule, communes, weak,
                     common, population, near, heads, country=country)

    def _template(self, key: Key) -> tuple[Any, ...] | None:
        """What a name means wherever it stands: the `Cand` fields after the position ones, or
        None when `key` names nothing."""
        g = self.g
        named = g.aliases.get(key)
        if named:
            n = named[0]
            cs = g.by_key.get(key_of_name(n.value), [])
            cs = [
                c for c in cs if c.name == n.value and (not n.department or c.department == n.department)
            ] or cs
            return ("alias", n.value, f"places/aliases.toml:{n.value}:{' '.join(key)}", cs, n.weak, n.weak,
                    cs[0].population if cs else 0, n.near, g.heads.get(key_of_name(n.value), []), "")
        named = g.abroad.get(key)
        if named:
            n = named[0]
            # (a village is weak for its size only: no ordinary word, see `place_abroad.abroad_runs`)
            return ("abroad", n.value, f"places/abroad.toml:{n.value}:{' '.join(key)}", [], n.weak,
                    n.weak and not n.village, 10**6, "", [], n.country)
        cs = g.by_key.get(key, [])
        if cs:
            common = key in g.common or key in NEEDS_CUE
            return ("commune", cs[0].name, f"places/communes:{cs[0].insee}", cs, False, common,
                    cs[0].population, "", g.dropped_article.get(key, []) + g.heads.get(key, []), "")
        cs = g.dropped_article.get(key, [])
        if cs:
            full = key_of_name(cs[0].name)
            return ("commune", cs[0].name, f"places/communes:{cs[0].insee}:no-article", cs, True,
                    full in g.common or key in g.common or len(key[0]) <= 3, cs[0].population, "", [], "")
        cs = g.heads.get(key, [])
        if cs and len(key[-1]) >= 4:
            return ("commune", cs[0].name, f"places/communes:{cs[0].insee}:head", [], True, key in g.common,
                    cs[0].population, "", cs, "")
        return None

    # -- cues around a name (see place_departments.py for the departments) ----------------------

    def _cue(self, words: list[str], spans: list[tuple[int, int]], text: str, c: Cand, hashtag: bool, k: int) -> str:
        """What cues the name `c` (checked in this order), or "" when nothing does."""
        if hashtag:
            return "hashtag"
        if k:
            return "after " + " ".join(words[c.start - k : c.start])
        if "📍" in text[max(0, c.nstart - 3) : c.nstart] or "📍" in text[c.nend : c.nend + 3] or (
                _MARKER_NUMBER_RE.search(text, max(0, c.nstart - 9), c.nstart)):
            return "place marker"  # ("📍79 Courlay": the department's number between)
        if self._starts_with(words, c.end, self.after) and "\n" not in text[c.nend : spans[c.end][0]]:
            return "confirmed by the next words"
        nm = NUMBER_AFTER_RE.match(text, c.nend)
        if nm and self._number_fits(c, nm.group()):
            return "department number after it"
        if c.kind == "abroad" and c.country in ("GB", "IE") and _DISTRICT_AFTER_RE.match(text, c.nend) \
                and not any(ch.isdigit() for ch in text[c.nstart:c.nend]):
            return "postcode district after it"  # "Hyde SK14", "Denton M34"
        # "le four de l'Ariane (Nice)": a name alone in brackets locates what comes before it
        if (
            c.kind == "commune"
            and len(text[c.nstart : c.nend]) >= 4  # "(US)", "(LA)": an abbreviation, not a commune
            and text[c.nstart - 1 : c.nstart] == "("
            and text[c.nend : c.nend + 1] == ")"
        ):
            return "in brackets"
        return ""

    def _number_fits(self, c: Cand, number: str) -> bool:
        """The number after a commune's name is the department (or postcode) of one of the communes
        of that name ("Rennes (35)"), not a price ("❄️ Pure 70/1": Pure is in the Ardennes)."""
        code = number.strip(" \t(),-–").upper()
        code = self.code_of.get(code.lower(), code)
        if c.kind == "abroad":
            # a French department says nothing of a town abroad ("ON EST LA 24/24"), unless a French
            # commune of that name is in it ("Melle 79": Melle in the Deux-Sèvres, not in Belgium)
            return self._home(key_of_name(c.value), {code}) is not None
        towns = [*c.communes[:12], *c.heads[:12]]
        if c.kind != "commune" or not towns:
            return True
        return any(x.department == code or (len(code) == 5 and code.startswith(x.department[:2])) for x in towns)

    @staticmethod
    def _accented_name(a: Analysis, c: Cand) -> bool:
        """Written with the accents of the commune's name, which the ordinary word lacks ("à vitré le
        soir" is Vitré; "à vitre teintée" stays a window)."""
        if not c.communes:
            return False
        written = a.post.text[slice(*a.norm.span(c.nstart, c.nend))].lower()
        return not written.isascii() and written == c.communes[0].name.lower()

    def _only_a_name(self, words: list[str], c: Cand) -> bool:
        """The town abroad is weak for being also a person's name ("Reno", abroad.toml says so), which
        a writer in lower case does not write: no word ("Bath", "Reading")."""
        named = self.g.abroad.get(tuple(words[c.start:c.end]))
        if not named:
            return False
        return "surname" in named[0].reason or "first name" in named[0].reason

    @staticmethod
    def _name_ends(words: list[str], spans: list[tuple[int, int]], text: str, c: Cand) -> bool:
        """Nothing but punctuation, a compass part or a list word follows the name ("sur nice ouest +",
        "à nice et cagnes", not "à sens unique")."""
        if c.end >= len(words):
            return True
        gap = text[c.nend : spans[c.end][0]]
        return bool(gap.strip(" ")) or words[c.end] in COMPASS_PARTS or words[c.end] in ("et", "ou", "and", "or")

    def _unit_after(self, words: list[str], spans: list[tuple[int, int]], text: str, i: int) -> bool:
        ne = spans[i][1]
        nxt = text[ne : ne + 2]
        if nxt[:1] in ("€", "£", "$", "%", "k", "+") or nxt.strip()[:1] in ("€", "£", "$", "%"):
            return True
        if nxt in (".-", ",-"):
            return True  # "casquettes 25.-": a price in Swiss francs
        if i + 1 < len(words):
            gap = text[ne : spans[i + 1][0]]
            if gap.strip() in ("", "'") and "\n" not in gap and self._starts_with(words, i + 1, self.units, 2) and not (
                    len(words[i + 1]) == 1 and text[spans[i + 1][1] : spans[i + 1][1] + 1] in ("'", "’")) and not (
                    gap and words[i + 1] in _ORDINALS):
                return True  # "10 l", "5 g", "21st"; not "974 l'Est" (an article), "974 St-Benoît" (Saint)
            if gap.strip() == "x":
                return True
        return bool(ne < len(text) and text[ne].isalpha())

    # -- places -------------------------------------------------------------------------------

    def _accept(
        self, a: Analysis, words: list[str], spans: list[tuple[int, int]], cands: list[Cand]
    ) -> None:
        text = a.norm.text
        # names joined by hyphens, each one a name, no name as a whole: "COULLONS-CERDON-LADON"
        joined = [c for c in cands if c.communes and "-" in text[max(0, c.nstart - 1):c.nend + 1]
                  and self._all_caps(a, c)] if "-" in text else []
        starts = {c.nstart for c in joined}
        ends = {c.nend for c in joined}
        for c in cands:
            if c.accepted or c.blocked:
                continue  # written with its state or province (`accept_regional`)
            if (
                c.nend < len(text)
                and text[c.nend] == "-"
                and text[c.nend + 1 : c.nend + 2].isalpha()
                and not (c.end < len(words) and words[c.end] in COMPASS_PARTS)
                and not (c.nend + 1 in starts and c.nend in ends)
            ) or (c.nstart > 1 and text[c.nstart - 1] == "-" and text[c.nstart - 2].isalpha()
                  and not (c.nstart - 1 in ends and c.nstart in starts)):
                c.blocked = True
                continue  # part of a hyphenated word that is no name: "Croix-Rouge", "Saint-Valentin"
            if c.start > 1 and words[c.start - 1] in STREET_LINKS and (
                    words[c.start - 2] in STREET_WORDS
                    or (words[c.start - 2] in ESTATE_WORDS
                        and not (c.start > 2 and words[c.start - 3] in ESTATE_DETERMINERS))):
                c.blocked = True
                continue  # a street named after the commune: "rue de Lyon", "Faubourg de Béthune"
            if (c.start > 0 and words[c.start - 1] in ESTATE_WORDS and text[spans[c.start - 1][1]:c.nstart] == " "
                    and not (c.start > 1 and words[c.start - 2] in ESTATE_DETERMINERS)):
                c.blocked = True
                continue  # a housing estate: "Cité Balzac" (not "ton quartier, Saint-Amarin")
            c.after_article = c.start > 0 and words[c.start - 1] in ("au", "du", "aux", "des")
            if c.after_article and text[c.nend : c.nend + 2].strip(" ") == "(" and any(
                o is not c and o.start >= c.end and text[c.nend : o.nstart].strip(" ") == "(" for o in cands
            ):
                c.blocked = True
                continue  # "aux Moulins (Nice)": a neighbourhood of the city in brackets
            if (
                c.after_article
                and words[c.start] not in ("le", "les")
                and c.value.split(" ")[0].lower() == ("les" if words[c.start - 1] in ("aux", "des") else "le")
                and (self._capitalised(a, c.nstart, c.nend) or self._all_caps(a, c))
            ):
                c.accepted, c.why = True, f"after its contracted article {words[c.start - 1]!r}"
                continue  # "au Havre", "gare du Havre", "AU HAVRE": Le Havre
            if tuple(words[c.start : c.end]) in FOREIGN_WORDS and not self._capitalised(a, c.nstart, c.nend):
                c.blocked = True
                continue
            if not (c.common or c.weak) and (
                c.kind != "commune"
                or (max(c.population, dominant_head(c)) >= (UNCUED_TOWN if c.end - c.start == 1 else UNCUED_MULTI)
                    and (c.population >= UNCUED_SINGLE or tuple(words[c.start:c.end]) not in self.g.departments))
                or c.end - c.start >= LONG_NAME  # "st etienne de st geoirs": no phrase by chance
            ):
                c.accepted, c.why = True, "name"  # a safe name: no cue needed
                continue
            if (c.rule.endswith(":head") and not c.common and len(words[c.start]) >= 5
                    and not set(words[c.start:c.end]) & BARE_FIRST_WORDS
                    and c.heads[0].population >= UNCUED_TOWN and (
                        len(c.heads) == 1 or c.heads[0].population >= 2 * c.heads[1].population)
                    and self._capitalised(a, c.nstart, c.nend)
                    and not in_capitalised_phrase(a.post.text, *a.norm.span(c.nstart, c.nend))):
                c.accepted, c.why = True, _SHORT_NAME
                continue  # "vendeurs 100€/jour, Barbezieux": Barbezieux-Saint-Hilaire
            if c.kind == "commune" and own_department_after(text, c.nend, c.communes):
                c.accepted, c.why = True, "followed by its own department number"
                continue  # "Dax 40", "Mâcon drive 71": an ordinary word would not carry it
            if c.kind == "commune" and own_department_before(text, c.nstart, c.communes):
                c.accepted, c.why = True, "after its own department number at the start of its line"
                continue  # "58 🏴 Decize"
            if (len(words[c.start]) <= 3 and c.end - c.start == 1 and a.lang == "fr" and c.population >= SHORT_CITY
                    and c.kind in ("commune", "alias") and self._capitalised(a, c.nstart, c.nend)):
                c.accepted, c.why = True, "a large town's short name, capitalised in a French post"
                continue  # "Pau", "Dax", "Gap"
            if (c.common or c.weak) and len(words[c.start]) <= 3 and c.end - c.start == 1 \
                    and not self._all_caps(a, c):
                continue  # "NY", "SF", "LH", "la": only in capitals, whatever the cue
            hashtag = c.nstart > 0 and text[c.nstart - 1] == "#"
            k = self._ends_with(words, c.start, self.before)
            if k and "\n" in text[spans[c.start - k][0] : c.nstart]:
                k = 0
            # the cue (its description, "" when none) is looked for only when the case of the name
            # leaves the answer open; `why` is written only for an accepted name
            if c.common or c.weak:
                ok = (
                    hashtag
                    or self._capitalised(a, c.nstart, c.nend)
                    or (
                        bool(k)
                        and c.population >= UNCUED_SINGLE
                        and not uses_capitals(a.post.text)  # a writer who never uses capitals
                        and (self._name_ends(words, spans, text, c) or self._accented_name(a, c))
                    )
                    # ... or a town abroad, weak as a surname only, then "only", "area", "side" ("reno
                    # only", "reno area") in such a post
                    or (c.kind == "abroad" and not uses_capitals(a.post.text)
                        and self._starts_with(words, c.end, self.after) and self._only_a_name(words, c))
                )
                why = self._cue(words, spans, text, c, hashtag, k) if ok else ""
                ok = bool(why)
                if (
                    c.kind == "commune"
                    and not c.weak
                    and (c.population >= BIG_CITY
                         or (c.population >= MID_SENTENCE_CITY and self._proper_mid_sentence(a, c)))
                    and (tuple(words[c.start : c.end]) not in NEEDS_CUE
                         or (a.lang == "fr" and tuple(words[c.start : c.end]) in CITY_IN_FRENCH
                             and self._capitalised(a, c.nstart, c.nend)
                             and not (c.end < len(words) and words[c.end] in ("one", "to", "work", "price"))))
                ):
                    # Bordeaux, Rennes: ordinary words too, but big cities first; "au four de
                    # Cambrai": a capital in the middle of a sentence makes a town's name a name
                    ok = True
                    why = why or "a capital in the middle of a sentence"
                elif (not ok and c.kind == "commune" and not c.weak and c.population >= MID_SENTENCE_CITY
                      and self._capitalised(a, c.nstart, c.nend) and alone(text, c)
                      and any(f.kind == "products" for f in a.findings)):
                    ok, why = True, "a town's name alone on its line, capitalised, in a post naming products"
                elif (not ok and c.kind == "abroad" and c.end - c.start >= 2 and words[c.start] not in _NOT_A_TOWN_START
                      and self._capitalised(a, c.nstart, c.nend)
                      and (any(f.kind == "products" for f in a.findings) or _PRICED_RE.search(text))
                      and not (c.country == "US" and "£" in text and "$" not in text)
                      and not (c.country == "GB" and "$" in text and "£" not in text)):
                    ok, why = True, "a town's name of two words, capitalised, in a post naming or pricing products"
            else:
                why = self._cue(words, spans, text, c, hashtag, k)
                ok = bool(why) or (
                    bool(self._ends_with(words, c.start, self.before_weak))
                    and max([c.population] + [x.population for x in c.heads[:1]]) >= 2_000
                    and self._capitalised(a, c.nstart, c.nend)
                )
            c.accepted = ok
            if ok:
                c.why = why or self._cue(words, spans, text, c, hashtag, k) or "name"
        # (a name in capitals counts as capitalised here: "FEYTIAT • LE PALAIS • AIXE 87")
        # (a writer who never uses capitals tells nothing by case: "ornex cessy jsuis la")
        no_caps = not uses_capitals(a.post.text)
        prods = [(f.start, f.end) for f in a.findings if f.kind == "products"] if no_caps else []

        def cased(c: Cand) -> bool:
            if self._capitalised(a, c.nstart, c.nend) or self._all_caps(a, c):
                return True
            if not no_caps or (not c.communes and c.common):
                return False
            if c.communes:
                return True
            # a short form in lower case: not a product word nor after an article ("le coin", "blanche 90")
            s0, e0 = a.norm.span(c.nstart, c.nend)
            return not (any(ps < e0 and s0 < pe for ps, pe in prods)
                        or (c.start > 0 and words[c.start - 1] in ("le", "la", "les", "du")))

        colocated(text, cands, cased)
        if any(f.kind == "products" for f in a.findings) or _PRICED_RE.search(text):
            # (a post naming a product, or pricing one: "8th $45")
            def capital(c: Cand) -> bool:
                return self._capitalised(a, c.nstart, c.nend) and not self._all_caps(a, c)

            def written_big(c: Cand) -> bool:
                return self._capitalised(a, c.nstart, c.nend) or self._all_caps(a, c)

            abroad_runs(a, text, cands, written_big)
            lone_abroad(self.g, text, cands, capital)
        # lists: a candidate next to an accepted place, separated only by list punctuation
        changed = len(cands) > 1  # a list needs two names
        while changed:
            changed = False
            for c in cands:
                if c.accepted or c.blocked:
                    continue
                for other in cands:
                    if not other.accepted or other is c:
                        continue
                    lo, hi = (other, c) if other.end <= c.start else (c, other)
                    gap = text[lo.nend : hi.nstart]
                    # one name a line, line after line, is a list too ("St-Jean-en-Royans / St Nazaire")
                    lines = "\n" in gap and gap.count("\n") == 1 and alone(text, c) and alone(text, other)
                    if len(gap) <= 16 and ("\n" not in gap or lines) and LIST_SEPS.match(gap.replace("\n", " ")) \
                            and (gap.strip() or lines):
                        # a town abroad in capitals beside one of its country ("NEATH • PORT TALBOT")
                        abroad = (c.kind == "abroad" and other.kind == "abroad" and c.country == other.country
                                  and self._all_caps(a, c))
                        if (c.common and not self._capitalised(a, c.nstart, c.nend)
                                and uses_capitals(a.post.text) and not abroad):
                            continue  # lower case where the writer uses capitals: a word
                        if (c.common or c.weak) and len(words[c.start]) <= 3 and c.end - c.start == 1 \
                                and not self._all_caps(a, c) and not (
                                    self._capitalised(a, c.nstart, c.nend) and other.communes and c.communes
                                    and other.communes[0].department in {x.department for x in c.communes[:12]}):
                            continue  # "Clermont (La Gauthière)": "LA" only in capitals (but "Mont-de-Marsan / Dax")
                        if (
                            c.kind == "commune"
                            and c.end - c.start < 3  # ("Morsang-sur-Seine": three words and more are no word)
                            and max([c.population] + [x.population for x in c.heads[:1]]) < 1000
                            # (a former commune, of no population of its own, beside a name of its
                            # department: "sur seynod ou meythet")
                            and not (c.population == 0 and c.communes and other.communes
                                     and c.communes[0].department in {x.department for x in other.communes[:12]})
                        ):
                            continue
                        if lo is c and c.kind == "commune" and (nm := NUMBER_AFTER_RE.match(text, c.nend)) \
                                and not self._number_fits(c, nm.group()):
                            continue  # "SUD LOIRE 44 / St Julien": the number after it is not its department
                        c.accepted, c.why, changed = True, f"listed with {other.value}", True
                        break

    def _home(self, key: Key, context: set[str]) -> Commune | None:
        """The French commune of that name, or of a longer name it starts, in a department of the
        post's context."""
        for table in (self.g.by_key, self.g.heads):
            home = next((x for x in table.get(key, ()) if x.department in context), None)
            if home is not None:
                return home
        return None

    def _names_stated_department(self, c: Cand, stated: set[str]) -> bool:
        """The name is that of a department the text states, and none of its communes is in it."""
        key = key_of_name(c.value)
        return any(key_of_name(self.g.department_names.get(code, "")) == key
                   and all(x.department != code for x in c.communes) for code in stated)

    def _emit(self, a: Analysis, cands: list[Cand], stated: list[tuple[str, int, int, str, str]]) -> None:
        # context departments: stated ones and those of unambiguous accepted places
        stated_codes = {d[0] for d in stated}
        span, add, text = a.norm.span, a.findings.append, a.norm.text
        accepted = [idx for idx, c in enumerate(cands) if c.accepted]
        # (a name that is also the start of a bigger commune's name, or that several communes bear
        # with no big one among them, gives no context: "Bretteville" in Manche beside Verson (14)
        # must not make "Fleury" the one in Manche rather than Fleury-sur-Orne)
        own = [c.communes[0].department if c.accepted and c.communes and not c.near
               and clear_name(c, a.post.text[slice(*span(c.nstart, c.nend))]) else "" for c in cands]
        for idx in accepted:
            c = cands[idx]
            others = stated_codes | {d for j, d in enumerate(own) if d and j != idx}
            if not others and c.kind == "commune":
                others = shared_departments(cands, accepted, idx)  # ("Nogent / Romilly": both in the Aube)
            context = (others | {c.run_department}) if c.run_department else others
            # ("aubigny argent vailly": all three in the Cher)
            if c.near and c.near not in others and not any(o is not c and near_here(o, c.near) for o in cands):
                # a short form read only near its department: elsewhere, a commune of that name or
                # starting with it in the post's department ("Savigny, Lieusaint, Cesson": Cesson in
                # Seine-et-Marne, not Cesson-Sévigné)
                home = self._home(key_of_name(text[c.nstart:c.nend]), others) if others else None
                if home is None:
                    c.accepted = False
                    continue
                c.kind, c.communes, c.heads = "commune", [home], []
            if c.kind == "commune" and self._names_stated_department(c, stated_codes):
                c.accepted = False
                continue  # "LANDES 40": the department, not Landes in Charente-Maritime
            if c.kind == "commune":
                pick = next((x for x in c.communes if x.department in context), None) if context else None
                if pick is None and context:
                    # a longer name of the context's department: "Montigny" among places of Moselle.
                    # When the name alone is a city of its own (Saint-Paul, Clichy), only one that
                    # names another place of the post: "Saint-Paul" beside Dax is Saint-Paul-lès-Dax
                    small = (not c.communes or c.communes[0].population < SMALL_TOWN or c.after_article
                             or overseas(c.communes[0].department) != all(overseas(d) for d in context))
                    # ("St André" beside Troyes: Saint-André-les-Vergers, not the Réunion's Saint-André)
                    others = other_words(cands, c)
                    # ... or one in a department the text itself states: "Jura (39) Lons" is
                    # Lons-le-Saunier, not Lons in the Pyrénées-Atlantiques
                    pick = next((x for x in c.heads if x.department in context
                                 and (small or x.department in stated_codes
                                      or x.population >= DWARFS * c.communes[0].population
                                      or not others.isdisjoint(key_of_name(x.name)))), None)
                if (pick is None and c.communes and c.heads and not context
                        and c.heads[0].population >= max(UNCUED_SINGLE, DWARFS * c.communes[0].population)
                        and (len(c.heads) == 1 or c.heads[0].population >= 2 * c.heads[1].population)):
                    pick = c.heads[0]  # "Lézignan" alone: Lézignan-Corbières (10,000), not Lézignan (355)
                if pick is None and c.communes:
                    pick = c.communes[0]
                if (pick is None and c.heads
                        and c.heads[0].population >= (UNCUED_TOWN if c.why == _SHORT_NAME else UNCUED_SINGLE)
                        and (len(c.heads) == 1 or c.heads[0].population >= 2 * c.heads[1].population)):
                    pick = c.heads[0]  # "sur Villefranche", "à Évian": the town everyone means by it
                if pick is None:
                    continue  # "Saint-Martin" alone: many towns of that size, none stands out
                c.value = self.g.city_of(pick).name
                if c.rule.startswith("places/communes:"):
                    c.rule = f"places/communes:{pick.insee}"  # (the commune read, not its namesake)
            elif c.kind == "alias" and c.heads and context:
                # "St Nazaire" between Saint-Jean-en-Royans and Saint-Thomas-en-Royans: the longer name
                # of the context's department that shares a word with another place of the post
                others = other_words(cands, c)
                pick = next((x for x in c.heads if x.department in context and c.communes
                             and all(y.department not in context for y in c.communes)
                             and not others.isdisjoint(key_of_name(x.name))), None)
                if pick is not None:
                    c.value = self.g.city_of(pick).name
            elif c.kind == "abroad" and context and (home := self._home(key_of_name(text[c.nstart:c.nend]), context)):
                # "La Haye et Créances": the Manche's, not The Hague; "(14) Hermanville / Blainville":
                # Blainville-sur-Orne, not the Blainville of Quebec
                c.value = self.g.city_of(home).name
            elif c.kind == "abroad" and a.lang == "fr":
                c.value = self.g.abroad_fr.get(c.value, c.value)  # "Bruxelles" in a French post
            if c.kind == "abroad":
                country_of_the_post(self.g, c, cands, text)
            if NOT_SERVED_AFTER.match(text, c.nend) or NOT_SERVED_BEFORE.search(text, max(0, c.nstart - 14), c.nstart):
                continue  # "Savenay non", "Aubin ⛔", "pas sur Pons": a place the post says it does not serve
            # what `a.add_norm` does, the Finding built in C (see `_finding`)
            start, end = span(c.nstart, c.nend)
            add(_finding(("places", c.value, start, end, self.name, c.rule, 1.0, f"{c.kind} {c.value!r} ({c.why})")))
        cities = {c.value for c in cands if c.accepted}
        for code, ns, ne, rule, why in stated:
            start, end = span(ns, ne)
            add(_finding(("departments", code, start, end, self.name, rule, 1.0, why)))
            city = ARRONDISSEMENT_CITY.get(rule.removeprefix("places:postcode:"))
            if city is not None and city not in cities:  # "📍75020 / 75011": Paris, whichever arrondissement
                cities.add(city)
                add(_finding(("places", city, start, end, self.name, rule, 1.0,
                              f"postcode {text[ns:ne]} is an arrondissement of {city}")))
        if _ARR_DIGIT_RE.search(text):
            context = stated_codes | {d for d in own if d} | {x.department for c in cands if c.accepted
                                                             for x in c.communes[:1]}
            for ns, ne, city in bare_arrondissements(text, context):
                if city not in cities:  # "livraison 13e, 14e", "VIP 12e / Vincennes": Paris
                    cities.add(city)
                    start, end = span(ns, ne)
                    add(_finding(("places", city, start, end, self.name, "places:arrondissement", 1.0,
                                  f"{text[ns:ne]!r}: an arrondissement of {city}")))


def _after_hash(text: str, pos: int) -> bool:
    return pos > 0 and text[pos - 1] == "#"


# ordinal suffixes count as units only when glued to the number ("st" is read "saint" in the tables)
_ORDINALS = frozenset({"st", "saint", "nd", "rd", "th", "e", "er", "eme", "ieme"})
_UNSEEN: Any = object()
# a British or Irish postcode district right after a town's name ("Hyde SK14 area", "(M34)")
_DISTRICT_AFTER_RE = re.compile(r" \(?[a-z]{1,2}\d{1,2}[a-z]?\)?(?![\w£$€])")
_ARR_DIGIT_RE = re.compile(r"\d(?:e|er|eme)\b")  # (the test for `bare_arrondissements`, most posts have none)
_MARKER_NUMBER_RE = re.compile(r"📍 ?(?:\d{2,3}|2a|2b) +$")
# `PlaceAnalyser.word_flags`: a word starts a name (`starters`), is a first word of a name
# (`g.first_words`), a department number, the first word of a department name; then `word_bits`
_STARTER, _FIRST = 1, 2  # (_NUMBER, _DEPT_FIRST: place_departments.py)
_BITS_SHIFT = 4
# `Finding(...)` (and `Analysis.add_norm`, which makes one) runs Python-level calls; this builds the
# same tuple in C from all eight fields, appended to `a.findings` as `Analysis.add` does
_finding = partial(tuple.__new__, Finding)
_first = itemgetter(0)
_span = itemgetter(1, 2)  # (start, end) of a normalize.Token
_start = itemgetter(1)  # start of a normalize.Token
