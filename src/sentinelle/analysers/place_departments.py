"""Departments: the French departments a post states, by number, postcode or name.

A mixin of `PlaceAnalyser` (places.py), kept apart so that each module reads in one sitting: the
numbers a post writes are read here ("📍 42", "Rennes (35)", "sur le 93", "RHIN SUD ⚡ 68",
"76600", "9️⃣3️⃣"), and the department names ("Côte-d'Or", "#isere"). Never inferred from a city
name alone: an arrondissement number, a phone prefix, a price or a strain's number is no
department (see the tests each number goes through in `_departments`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..core import Analysis
from ..gazetteer import Gazetteer, key_of
from .place_text import (
    ARRONDISSEMENT_CITIES,
    CITY_DEPARTMENT,
    COMPASS_PARTS,
    CORSICA_PAIR_RE,
    DEPT_ARTICLES,
    DEPT_LIST_GAP,
    LE_DEPT_VERBS,
    NOT_BEFORE_DEPT,
    NOT_NAME_BEFORE_NUMBER,
    NUMBER_AFTER_RE,
    ONLY_WORDS,
    OVERSEAS_FLAGS,
    PHONE_GROUP_RE,
    STREET_WORDS,
    WORDLESS_GAP,
    Phrases,
    bio_field,
    dept_pair,
    river_valley,
    uses_capitals,
)

if TYPE_CHECKING:
    from .place_cands import Cand

# `PlaceAnalyser.word_flags` bits read here (see places.py)
_NUMBER, _DEPT_FIRST = 4, 8


_PAIR_WORDS = frozenset({"et", "ou", "and", "&", "+"})
# between two department names of a list (a compass word may end the first: "Gironde sud + Landes nord")
_NAME_LIST_GAP = re.compile(r"[ \t]*(?:(?:nord|sud|est|ouest)[ \t]*)?[,/+][ \t]*")
# a sum asked for right before a number in brackets ("prépare l'appoint stp (60)", "total (85)")
_SUM_BEFORE_RE = re.compile(r"\b(?:appoint|monnaie|total|prix|tarif|cash|liquide|especes)\b\W*(?:\w+\W*){0,4}$")
_AMPERSAND_GAP = re.compile(r"[ \t]*&[ \t]*")  # ... and "&" when the other name is no river's ("Tarn & Haute-Garonne")
# an equals sign or an arrow, then a number: a menu's quantity and its price
_PRICE_PAIR_AFTER_RE = re.compile(r" ?(?:=|→|➡️?|➜) ?\d")
# department numbers listed in brackets ("dans tout l'Est (57, 54, 67)")
# ("(66, 11, 31, 34...)": an open list; "(15 - 63 - 43)")
_DEPT = r"(?:\d{2}|2a|2b|97\d)"
_BRACKET_LIST_RE = re.compile(rf"\({_DEPT}(?: ?[,/] ?{_DEPT}| [–-] {_DEPT})+(?: ?(?:\.\.\.|…|etc\.?))?\)")
_QTY_BEFORE_RE = re.compile(r"\d\s?(?:g|gr|grs|kg|ml|mg)\s?[=:]?\s?$")  # a quantity right before a number
_MOVE_WORDS = frozenset({"deplace", "livraison", "livre", "drive", "passe", "tourne", "bouge", "secteur", "zone",
                         "alentours", "environs", "delivery", "drops", "dropping"})


def _closes_line(text: str, words: list[str], spans: list[tuple[int, int]], i: int, places_on_line: bool) -> bool:
    """The number at word `i` closes its line (emoji and marks may follow it), on a line that names a
    place or a move ("Villefranche, Decaz et alentours, 12 🚗", "je me déplace 🚗 12") and holds no
    price mark: the department of the places served."""
    ns, ne = spans[i]
    end = text.find("\n", ne)
    end = len(text) if end < 0 else end
    start = text.rfind("\n", 0, ns) + 1
    if any(ch.isalnum() for ch in text[ne:end]) or any(ch in "=€£$" for ch in text[start:end]):
        return False
    if places_on_line:
        return True
    k = i - 1
    while k >= 0 and spans[k][0] >= start:
        if words[k] in _MOVE_WORDS:
            return True
        k -= 1
    return False


def _heads_line(text: str, ns: int) -> bool:
    """The number at `ns` is the first word of its line (emoji and marks may stand before it) and
    the line holds no other number nor price mark."""
    start = text.rfind("\n", 0, ns) + 1
    if any(ch.isalnum() for ch in text[start:ns]):
        return False
    end = text.find("\n", ns)
    rest = text[ns:] if end < 0 else text[ns:end]
    return not any(ch.isdigit() or ch in "=€£$:" for ch in rest.lstrip("0123456789"))  # not "10 🍁 = 80"


_HOURS_AFTER_RE = re.compile(r"/\d{1,3}\s?h\b")
# "ouvert 14 - 22h", "de 18 à 2h": the start of an hour range
_HOUR_RANGE_AFTER_RE = re.compile(r" ?(?:[-–]|à|a|to) ?\d{1,2}(?:[h:]\d\d)? ?(?:h|am|pm)\b(?!/)")
_ONLY = frozenset({"only", "uniquement", "seulement"})
# a time after an amount: pay ("50 par demi journée", "80 la journée", "100 a day")
_PAY_AFTER_RE = re.compile(r" ?(?:par|per|a|an|la|le|/) ?(?:demi[- ]?)?(?:jour|jours|journee|soir|soiree|nuit|semaine"
                           r"|mois|heure|day|night|week|hour|shift|month)\b")
_PAIR_RE = re.compile(r"[ \t]?/[ \t]?(\d{2})(?![\d%€$£]|[/.,]\d|[ \t]?(?:h|ans|yo|years?|ml|cl|g|e)\b)")
# two department numbers joined by a hyphen ("plug officiel 59-62", "secteur 91-77"): nothing after that
# makes it a range of prices, ages, hours or sizes
_DASH_PAIR_RE = re.compile(r"-(\d{2})(?![\d%€$£/.,:-]|[ \t]?(?:h|ans|yo|years?|ml|cl|g|e|eur|euros?|balles|min"
                           r"|mins|minutes|km|kg|cm|pieces?|places?)\b)")
# three numbers or more joined by slashes or commas ("22/35/29", "22, 35, 56, 29"), or three or four
# by hyphens ("95-93-75"; not the five pairs of a phone number, "06-12-34-56-78")
_CHAIN_RE = re.compile(r"(?<![\d/.,€$£-])(?:\d{2}(?:(?:[ \t]?/[ \t]?|,[ \t]?)\d{2}){2,}|\d{2}(?:-\d{2}){2,3})"
                       r"(?![\d/%€$£-]|[.,]\d|[ \t]?(?:h|ans|yo|g|e|€)\b)")


# a six-digit number after a phone's sign ("📞 76 21 94", "sms 78.33.01": New Caledonia's numbers), no
# three departments
_SHORT_PHONE_RE = re.compile(r"(?:📞|📲|☎|\btel\b|\bsms\b|\bappel\w*|\bcall\b|\btext\b|\bwhatsapp\b|\bnum\w*)"
                             r"\W{0,6}(\d{2}[ .]\d{2}[ .]\d{2})(?![ .]?\d)")
_POSTCODE_RUN_RE = re.compile(r"(?<!\d)\d{5}(?:[ \t]*[,/]?[ \t]*\d{5})+(?!\d)")


def _postcode_run(text: str, ns: int, postcodes: Any) -> bool:
    """The number at ns is in a list of two postcodes or more ("13013 13014 13015"), which reads
    like a phone's digits but is not one."""
    line_s = text.rfind("\n", 0, ns) + 1
    for m in _POSTCODE_RUN_RE.finditer(text, line_s, ns + 5):
        if m.start() <= ns < m.end():
            return all(x in postcodes for x in re.findall(r"\d{5}", m.group()))
    return False


def _department_chain(text: str, ns: int) -> bool:
    """The number at ns opens or is in a chain of three numbers or more that can only be departments
    ("22/35/29", "envoi 22, 35, 56, 29"): each 01 to 95 but 20, no two the same, not all multiples of 5
    (a price ladder "30/40/50"), no date ("12/05/25", "12/13/25": a day and a month)."""
    # a cheap prefilter: a chain's slashes, commas or hyphens are at most 5 characters apart, and
    # within 3 of either end, so one is within 3 characters of every position of a chain (6 are
    # read, to spare; most
    # numbers stand alone: "livraison 75 et 92")
    near = text[max(0, ns - 6):ns + 6]
    if "/" not in near and "," not in near and "-" not in near:
        return False
    line_s, line_e = text.rfind("\n", 0, ns) + 1, text.find("\n", ns)
    for m in _CHAIN_RE.finditer(text, line_s, len(text) if line_e < 0 else line_e):
        if not m.start() <= ns < m.end():
            continue
        nums = [int(x) for x in re.findall(r"\d{2}", m.group())]
        return (all(1 <= x <= 95 and x != 20 for x in nums) and len(set(nums)) == len(nums)
                and not all(x % 5 == 0 for x in nums) and not (min(nums[:2]) <= 12 and max(nums[:2]) <= 31))
    return False


def _slashed_pair(w: str, text: str, ns: int, ne: int) -> bool:
    """"78/92", "86 / 79": two department numbers joined by a slash, not a season ("25/26"), ages
    ("15/16"), a price ladder ("10/20/50"), a date ("15/08"), hours ("24/48h") or a split ("70/30"): both numbers 30
    or more, or 13 or more and not consecutive; nothing numeric around."""
    if not w.isdigit() or len(w) != 2 or (ns and (text[ns - 1] in "/.,€$£-" or text[ns - 1].isdigit())):
        return False
    m = _PAIR_RE.match(text, ne)
    if m is None:
        return dash_pair(w, text, ne)
    a, b = int(w), int(m.group(1))
    if a == b or not (1 <= a <= 95 and 1 <= b <= 95) or a == 20 or b == 20 or a + b == 100:
        return False  # (and not a split of a hundred: "pay split 70/30")
    return min(a, b) >= 30 or (min(a, b) >= 13 and abs(a - b) > 1)


def _dash_listed(text: str, out: list[tuple[str, int, int, str, str]], ns: int) -> bool:
    """The number at `ns` is the second of a hyphened pair whose first was read a department ("59-62")."""
    return bool(out) and text[out[-1][2]:ns] == "-" and dash_pair(out[-1][0], text, out[-1][2])


def dash_pair(w: str, text: str, ne: int) -> bool:
    """"59-62", "91-77": two department numbers joined by a hyphen, not a range ("13-17 ans", "25-30",
    "9-22h", "50-60€"): both 30 or more and 95 or less, not both multiples of five, apart by more than one."""
    m = _DASH_PAIR_RE.match(text, ne)
    if m is None or not w.isdigit() or len(w) != 2:
        return False
    a, b = int(w), int(m.group(1))
    return (min(a, b) >= 30 and max(a, b) <= 95 and abs(a - b) > 1 and not (a % 5 == 0 and b % 5 == 0))


_AROUND = frozenset({"alentours", "environs", "agglo", "autour", "area", "surrounds"})


def _in_name(cands: list[Any], i: int) -> bool:
    """Word i belongs to a name found (accepted or not)."""
    return any(c.start <= i < c.end for c in cands)


class DepartmentRules:
    """The department rules of `PlaceAnalyser`: what they read of it is declared here."""

    g: Gazetteer
    code_of: dict[str, str]
    dept_before: Phrases
    dept_sizes: dict[str, list[int]]
    not_dept_word: set[str]
    area_words: set[str]
    brand_numbers_always: bool

    if TYPE_CHECKING:  # defined by PlaceAnalyser
        @staticmethod
        def _ends_with(words: list[str], i: int, table: Phrases, max_n: int = 3) -> int: ...

        def _unit_after(self, words: list[str], spans: list[tuple[int, int]], text: str, i: int) -> bool: ...

        def _capitalised(self, a: Analysis, ns: int, ne: int) -> bool: ...

    def _departments(
        self, a: Analysis, words: list[str], spans: list[tuple[int, int]], cands: list[Cand], marks: list[int],
        flags: list[int],
    ) -> list[tuple[str, int, int, str, str]]:
        """Departments the text states: (code, nstart, nend, rule, explanation)."""
        g = self.g
        text = a.norm.text
        out: list[tuple[str, int, int, str, str]] = []
        n = len(words)
        code_of = self.code_of
        numbers = [j for j in marks if flags[j] & _NUMBER]
        if numbers:
            place_end = {c.end: c for c in cands if c.accepted}
            place_start = {c.start: c for c in cands if c.accepted and c.communes}
            place_deps = {x.department for c in cands if c.accepted for x in (c.communes or c.heads)[:3]}
            free_brand = not place_deps and a.lang == "fr"  # a name's number may state the department
        phone_zones: list[tuple[int, int]] | None = None  # found when a number first needs them
        keycaps = "\u20e3" in a.post.text

        def in_phone(pos: int) -> bool:
            nonlocal phone_zones
            if phone_zones is None:
                phone_zones = [m.span() for m in PHONE_GROUP_RE.finditer(text) if sum(map(str.isdigit, m.group())) >= 8]
                phone_zones += [m.span(1) for m in _SHORT_PHONE_RE.finditer(text)]
            return any(ps <= pos < pe for ps, pe in phone_zones)

        # the tests that drop a number are checked cheapest first
        for i in numbers:
            ns, ne = spans[i]
            w = code_of.get(words[i], "")  # "2a" -> "2A"; "" for a postcode
            if not w:
                w = words[i]
                listed = _postcode_run(text, ns, g.postcodes)  # "livraison 13013 13014 13015"
                if _in_name(cands, i) or self._unit_after(words, spans, text, i) or (in_phone(ns) and not listed):
                    continue
                if not listed and (re.match(r"[ .\-]?\d", text[ne : ne + 2]) or (ns > 1 and text[ns - 2].isdigit())):
                    continue  # a phone group: "07700 900417"
                code = g.postcodes.get(w, "")
                if code:
                    out.append(
                        (code, ns, ne, f"places:postcode:{w}", f"postcode {w} is in department {code}")
                    )
                continue
            nxt = place_start.get(i + 1)  # "82 Montauban": a number right before a place of that department
            if nxt is not None and (w not in {x.department for x in nxt.communes[:12]}
                                    or not WORDLESS_GAP.fullmatch(text, ne, spans[i + 1][0])):
                nxt = None  # (emoji may stand between: "58 🏴 Decize")
            if nxt is None and not self._may_state(text, words, w, i, ns, place_end, place_deps, out, keycaps,
                                                   free_brand):
                continue  # no sign that could make it a department: the drops below need no checking
            if _in_name(cands, i):
                continue
            before = text[max(0, ns - 3) : ns]
            last = before.rstrip()[-1:]
            # "93/94/95", "69, 01 et 38": a number right after a department, with only list marks between
            in_list = bool(out) and (bool(DEPT_LIST_GAP.fullmatch(text, out[-1][2], ns))
                                     or _dash_listed(text, out, ns)) and not (
                text[out[-1][2]:ns].isspace() and w.isdigit() and int(w) < 20)  # "13 14 15 ans": ages
            overseas_after_word = w in OVERSEAS_FLAGS and before[-1:] == " " and text[ns - 3 : ns - 2].isalpha()
            times = last == "x" and not before.rstrip()[-2:-1].isalpha()  # "2x35", not "Meaux 77"
            sentence = last in ".!" and before[-1:] == " "  # "3000€. 973 uniquement": a new sentence
            listed_after_comma = last == "," and before[-1:] == " " and w in place_deps  # "Sens et Auxerre, 89 only"
            if (before and (before[-1].isdigit() or times or (last and last in "€£$=*/:+.,~" and not sentence
                                                              and not listed_after_comma))
                    and not overseas_after_word and not in_list):
                continue  # "2x35", "€35", "=35", "1,35" (not "Schœlcher. 972 only")
            if _QTY_BEFORE_RE.search(text, max(0, ns - 12), ns):
                continue  # "10gr 80 / 25gr 180": the price of a quantity
            if _PRICE_PAIR_AFTER_RE.match(text, ne) and "📍" not in text[max(0, ns - 3):ns]:
                continue  # "1️⃣0️⃣ = 9️⃣0️⃣", "10 → 90": a quantity and its price (not "📍44 ➡️ 50€")
            if _PAY_AFTER_RE.match(text, ne):
                continue  # "Challans 💸 50 par demi journée": pay for a time
            if w == "24" and text.startswith(("/24", "/7", "h/2"), ne):
                continue  # "24/24", "24/7": round the clock, not the Dordogne
            if (text[ne:ne + 1] == "/" and _HOURS_AFTER_RE.match(text, ne)) or _HOUR_RANGE_AFTER_RE.match(text, ne):
                continue  # "24/48h": a delivery time; "14 - 22h": hours
            if (ne + 1 < len(text) and text[ne] in ".,:/-"
                    and (text[ne + 1].isdigit() or (text[ne] == "/" and text[ne + 1].isalpha()))
                    and not (text[ne] in "/," and dept_pair(w, text, ne))
                    and not (text[ne] == "-" and w.isdigit() and (_department_chain(text, ns)
                                                                   or dash_pair(w, text, ne)))):
                continue  # 12.50, 20:30, 15/08, 13-17, 10/g (not "93/94" nor "95-93-75", which are no date)
            if (self._unit_after(words, spans, text, i) and nxt is None
                    # ("chauffeurs 82/46/47 pour transport", "secteur 85 / 44 pour garder": listed, no price)
                    and not (i + 1 < n and words[i + 1] in ("pour", "for")
                             and (in_list or (w.isdigit() and _department_chain(text, ns))))) or in_phone(ns):
                continue  # (not "79 La Forêt-sur-Sèvre": the article opens a name of that department)
            prev = place_end.get(i)
            if prev is None and i > 0 and words[i - 1] in _AROUND:
                prev = place_end.get(i - 1) or place_end.get(i - 2)  # "Lille et alentours 59"
            if (prev is None and i > 1 and words[i - 1] in ("et", "ou", "and") and w.isdigit()
                    and (i + 1 >= n or words[i + 1] not in STREET_WORDS)):
                prev = place_end.get(i - 1)  # "Toulouse et 82": listed after a place (not "et 31 rue X")
            if prev is not None and prev.kind == "abroad":
                continue  # "Dublin 15", "(Dublin 11)": a postal district abroad
            rule = ""
            pw = words[i - 1] if i else ""
            # "le 77 et 93", "sur le 77 et le 93": a number listed right after a department
            k_list = 2 if pw == "le" and i >= 2 and words[i - 2] in ("et", "ou", "and") else 1
            listed = in_list or (bool(out) and words[i - k_list] in ("et", "ou", "and")
                                 and out[-1][2] >= spans[i - k_list][0] - 3)
            if pw in NOT_BEFORE_DEPT and not listed and not (prev is not None and pw in ("et", "ou", "and")):
                continue
            if (
                prev is not None
                and prev.value in ARRONDISSEMENT_CITIES
                and w != CITY_DEPARTMENT[prev.value]
                and w.isdigit()
                and int(w) <= ARRONDISSEMENT_CITIES[prev.value]
            ):
                continue  # "Paris 18": an arrondissement
            if prev is not None and not any(ch in text[spans[prev.end - 1][1] : ns] for ch in "\n€"):
                rule, why = "places:department:after-place", f"{w} follows the place name {prev.value!r}"
            elif text[max(0, ns - 1) : ns] == "(" and (text[ne : ne + 1] == ")"
                                                        or _BRACKET_LIST_RE.match(text, ns - 1) is not None):
                if (a.lang != "fr" or (i >= 2 and words[i - 2 : i] == ["sur", "demande"])
                        or _SUM_BEFORE_RE.search(text, max(0, ns - 30), ns - 1)):
                    continue  # "❄️ sur demande (80)", "bundle (10) $60", "prépare l'appoint (60)": a sum
                rule, why = "places:department:brackets", f"({w}) in brackets"
            elif nxt is not None:
                rule, why = "places:department:before-place", f"{w} before {nxt.value!r}, a commune of {w}"
            elif self._compass_after(a, words, spans, i):  # "le 13 nord", "94 SUD"
                rule, why = "places:department:compass", f"{w} {words[i + 1]!r}: a part of the department"
            elif self._ends_with(words, i, self.dept_before):
                k = self._ends_with(words, i, self.dept_before)
                cue = " ".join(words[i - k : i])
                if (cue == "le" and w.isdigit() and int(w) <= 31 and place_deps and w not in place_deps
                        and i + 1 < n and words[i + 1] in ("sur", "a", "on")):
                    continue  # "livré le 31 sur Reims": a date, the place is elsewhere
                if cue != "le" or (i >= 2 and words[i - 2] in LE_DEPT_VERBS):
                    rule, why = f"places:department:cue:{cue}", f"{w} after {cue!r}"
                elif listed:  # "sur le 77 et le 93"
                    rule, why = "places:department:list", f"{w} listed after the department {out[-1][0]}"
                elif "\u20e3" in a.post.text[slice(*a.norm.span(ns, ne))] and len(w) <= 3:
                    rule, why = "places:department:keycaps", f"{w} written in keycap digits after 'le'"
                elif w in place_deps:  # "sur Lyon et le 69"
                    rule, why = "places:department:cue:le", f"{w} after 'le', the department of a place of the post"
                else:
                    continue  # "le 25", "le 10": a date or a price
            elif "📍" in text[max(0, ns - 3) : ns] or "#" in text[max(0, ns - 1) : ns]:
                rule, why = "places:department:marker", f"{w} after a place marker"
            elif _slashed_pair(w, text, ns, ne):
                rule, why = "places:department:pair", f"{w} paired with another department ('78/92')"
            elif w.isdigit() and _department_chain(text, ns):
                rule, why = "places:department:chain", f"{w} in a chain of department numbers ('22/35/29')"
            elif w in ("2A", "2B") and CORSICA_PAIR_RE.match(text, ne):
                rule, why = "places:department:pair", f"{w} paired with Corsica's other department"
            elif w in ("2A", "2B") and ("2A" in place_deps or "2B" in place_deps):
                rule, why = "places:department:corsica", f"{w}, a Corsican code, in a post naming a place of Corsica"
            elif w in place_deps and i + 1 < len(words) and words[i + 1] in _ONLY:
                rule, why = "places:department:only", f"{w} {words[i + 1]!r}, the department of a place of the post"
            elif "\u20e3" in a.post.text[slice(*a.norm.span(ns, ne))] and len(w) <= 3:
                rule, why = "places:department:keycaps", f"{w} written in keycap digits"
            elif listed:
                rule, why = "places:department:list", f"{w} listed after the department {out[-1][0]}"
            elif "|" in text and bio_field(text, ns, ne):
                rule, why = "places:department:bio-field", f"{w} alone between the bars of a bio"
            elif w in OVERSEAS_FLAGS and self._overseas_stated(text, words, spans, i, place_deps):
                rule, why = "places:department:overseas", f"{w} with its flag or one of its places"
            elif w in place_deps and _closes_line(text, words, spans, i, any(
                    c.accepted and text.rfind("\n", 0, c.nstart) == text.rfind("\n", 0, ns) for c in cands)):
                rule, why = "places:department:line-end", f"{w} closes a line of places, the department of one of them"
            elif _heads_line(text, ns) and sum(
                    1 for c in cands if c.accepted and c.communes and c.communes[0].department == w) >= 2:
                # "76 🌊 SEINE & CAUX" atop "Tancarville · Sandouville · ...": the department of the
                # places listed, heading its line
                rule, why = "places:department:heading", f"{w} heads a line, the department of the places listed"
            elif (i > 0 and (w in place_deps or (free_brand and pw.isalpha() and len(pw) >= 3))
                  and self._brand_number(a, words, spans, i, w in place_deps)):
                # the name's number is the department of a place of the post, or a French post names
                # no place ("CARTE FIDÉLITÉ BAIE 22", "réseau 25"; not "tracked 24" in English)
                sign = (
                    "read as a department without another sign (option brand_numbers = 'always')"
                    if self.brand_numbers_always
                    else self._area_sign(words, spans, text, i, cands)
                )
                if sign:
                    rule, why = "places:department:name-number", f"{w} closes a name ({words[i - 1]!r} {w}); {sign}"
            if rule:
                out.append((w, ns, ne, rule, why))
        # department names
        after = 0
        for i in [j for j in marks if flags[j] & _DEPT_FIRST]:
            if i < after:
                continue
            for size in self.dept_sizes[words[i]]:
                if size > n - i:
                    continue
                ents = g.departments.get(tuple(words[i : i + size]))
                if ents and river_valley(words, i):
                    break  # "vallée du Rhône", "côtes du Rhône": the river, not the department
                if ents:
                    e = ents[0]
                    ns, ne = spans[i][0], spans[i + size - 1][1]
                    if e.strength == "weak":
                        k = self._ends_with(words, i, DEPT_ARTICLES)
                        # (or first of a list in brackets: "(Cantal, Auvergne, Aurillac)")
                        brackets = (text[max(0, ns - 1) : ns] == "("
                                    and text[ne : ne + 2].lstrip()[:1] in (")", ",", "/"))
                        # "Alençon Orne", "Lyon, Rhône": right after a commune of that department
                        # (not a compass word: "Lille Nord" is the north of Lille)
                        # ... or right before one, listed ("Sud Landes, Dax, Peyrehorade")
                        own = words[i] not in COMPASS_PARTS and any(
                            c.accepted and c.communes and c.communes[0].department == e.value
                            and ((c.end == i and not text[c.nend:ns].strip(" ,-"))
                                 or (c.start == i + size and not text[ne:c.nstart].strip(" ,/-")
                                     and text[ns - 1:ns] != "-"))  # (not "Ingrandes-sur-Vienne / Oyré")
                            for c in cands)
                        # "Manche 50", "#isere": the name with its own number, or as a hashtag
                        hashtag = text[max(0, ns - 1) : ns] == "#" and words[i] not in COMPASS_PARTS  # not "#nord"
                        numbered = bool(NUMBER_AFTER_RE.match(text, ne)) and text[ne:ne + 6].strip(" (,-–")[:2] \
                            == e.value[:2]
                        only = i + size < n and words[i + size] in ONLY_WORDS  # "Isère uniquement"
                        # "Creuse et Corrèze": listed with another department's name
                        # ("Haute-Savoie, Savoie, Ain", "Aveyron / Lot": or with list marks between)
                        paired = self._dept_name_at(words, i + size + 1) if (
                            i + size + 1 < n and words[i + size] in _PAIR_WORDS) else False
                        paired = paired or (i + size < n and _NAME_LIST_GAP.fullmatch(text, ne, spans[i + size][0])
                                            is not None and self._dept_name_at(words, i + size))
                        paired = paired or bool(out and out[-1][3].startswith("places/departments.toml:") and (
                            (i >= 1 and words[i - 1] in _PAIR_WORDS and out[-1][2] >= spans[i - 1][0] - 2)
                            or _NAME_LIST_GAP.fullmatch(text, out[-1][2], ns) is not None
                            or (_AMPERSAND_GAP.fullmatch(text, out[-1][2], ns) is not None
                                and self._strong_name(text[out[-1][1]:out[-1][2]]))))
                        paired = paired or (i + size < n and _AMPERSAND_GAP.fullmatch(text, ne, spans[i + size][0])
                                            is not None and self._strong_name_at(words, i + size))
                        # (a writer who never uses capitals: "eure 27 tosny", with its own number;
                        # not "la manche 50 de mon pull": an article before, "de" after, a word)
                        lower = (numbered and not k and not uses_capitals(a.post.text)
                                 and not self._unit_after(words, spans, text, i + size)
                                 and (i + size + 1 >= n or words[i + size + 1] not in ("de", "du", "des", "d'")))
                        if not (((k or brackets or own or numbered or only or paired) and self._capitalised(a, ns, ne))
                                or hashtag or lower):
                            break
                    if (words[i] in COMPASS_PARTS and i + size < n and text[ne:spans[i + size][0]] in (" ", "-")
                            and self._dept_name_at(words, i + size) and words[i + size] != "pas"):
                        break  # "Nord-Isère": the north of the Isère, not the Nord (but "Nord-Pas-de-Calais")
                    if i > 0 and words[i - 1] in ("a", "à") and g.by_key.get(tuple(words[i : i + size])):
                        break  # "retrait à Vienne": the town (Isère), not the department
                    overlap = [c for c in cands if c.start < i + size and i < c.end]
                    if any(c.end - c.start >= size and (c.start < i or c.end > i + size) for c in overlap):
                        break  # inside a longer place name: "Saint-Laurent-du-Var"
                    for c in overlap:
                        c.accepted = False  # "Le Puy" in "le Puy-de-Dôme" is no place
                    out.append((e.value, ns, ne, e.rule, f"department name {e.term!r}"))
                    after = i + size
                    break
        return out

    def _strong_name_at(self, words: list[str], i: int) -> bool:
        """A department's name that is no ordinary word nor river's starts at word i ("Haute-Garonne")."""
        for size in self.dept_sizes.get(words[i], ()):
            ents = self.g.departments.get(tuple(words[i : i + size]))
            if ents:
                return ents[0].strength != "weak"
        return False

    def _strong_name(self, name: str) -> bool:
        """`name` is a department's name that is no ordinary word nor river's."""
        ents = self.g.departments.get(key_of(name))
        if not ents:
            return False
        return ents[0].strength != "weak"

    def _dept_name_at(self, words: list[str], i: int) -> bool:
        """A department's name starts at word i."""
        return any(self.g.departments.get(tuple(words[i : i + size])) for size in self.dept_sizes.get(words[i], ()))

    def _may_state(self, text: str, words: list[str], w: str, i: int, ns: int, place_end: dict[int, Cand],
                   place_deps: set[str], out: list[tuple[str, int, int, str, str]], keycaps: bool,
                   free_brand: bool) -> bool:
        """Whether number i has one of the signs `_departments` reads a department from (a necessary
        condition of each of its rules, none of them sufficient): most numbers are prices and
        quantities with none, and skip the tests that drop a number."""
        pw = words[i - 1] if i else ""
        before = text[ns - 1] if ns else ""
        return (
            i in place_end  # after a place
            or (pw in ("et", "ou", "and") and i - 1 in place_end)  # "Toulouse et 82"
            # "Auch + alentours 32"
            or (i > 0 and pw in _AROUND and (i - 1 in place_end or (i > 1 and i - 2 in place_end)))
            or before in ("(", "#")  # in brackets, after a hashtag
            or _slashed_pair(w, text, ns, ns + len(w))  # "78/92"
            or (w.isdigit() and _department_chain(text, ns))  # "22/35/29"
            or (w in ("2A", "2B") and ("2A" in place_deps or "2B" in place_deps
                                       or CORSICA_PAIR_RE.match(text, ns + len(w)) is not None))  # "Corte 2B"
            or (i > 0 and pw in self.dept_before.lasts)  # after a cue
            or "📍" in text[max(0, ns - 3) : ns]
            or keycaps
            or (bool(out) and (pw in ("et", "ou", "and") or bool(DEPT_LIST_GAP.fullmatch(text, out[-1][2], ns))
                               or _dash_listed(text, out, ns)
                               or (pw == "le" and i >= 2 and words[i - 2] in ("et", "ou", "and"))))  # listed
            or w in OVERSEAS_FLAGS
            or (i + 1 < len(words) and words[i + 1] in COMPASS_PARTS)  # "94 SUD"
            or (before in ("|", " ") and "|" in text and bio_field(text, ns, ns + len(w)))  # "| 42 |"
            or (i > 0 and (w in place_deps or (free_brand and pw.isalpha() and len(pw) >= 3)))  # closes a name
            or (w in place_deps and _heads_line(text, ns))  # "76 🌊 SEINE & CAUX" above places of the 76
        )

    def _compass_after(self, a: Analysis, words: list[str], spans: list[tuple[int, int]], i: int) -> bool:
        """Whether number i is followed by a compass word, as a department's part is named ("94 SUD",
        "45 ouest", "13 Nord"); "est" only capitalised ("93 Est", not "10 est le prix")."""
        if i + 1 >= len(words) or words[i + 1] not in COMPASS_PARTS:
            return False
        text = a.norm.text
        if text[spans[i][1] : spans[i + 1][0]] not in (" ", "-"):
            return False
        if words[i + 1] == "est":
            s, _ = a.norm.span(*spans[i + 1])
            return a.post.text[s : s + 1] == "E"
        return True

    @staticmethod
    def _overseas_stated(
        text: str, words: list[str], spans: list[tuple[int, int]], i: int, place_deps: set[str]
    ) -> bool:
        w = words[i]
        flag = OVERSEAS_FLAGS[w]  # flags are not words here (the handle filter blanks "flag_re")
        ns, ne = spans[i]
        if text[ne:].lstrip(" ").startswith(flag) or text[:ns].rstrip(" ").endswith(flag):
            return True
        # the code opening the post or followed by "only" ("976 📢 on cherche", "973 uniquement"), or
        # the department of a place of the post ("zamal 974 ... livr st leu"): an overseas code, three
        # digits that are no price or quantity there
        return i == 0 or (i + 1 < len(words) and words[i + 1] in ONLY_WORDS) or w in place_deps

    def _area_sign(self, words: list[str], spans: list[tuple[int, int]], text: str, i: int, cands: list[Cand]) -> str:
        """What else says that the number closing a name is a department ("" when nothing does):
        the name is a commune of that department, even one not read as a place ("TOURS 37"), a
        word of the name on its line names an area ("ALPES NEIGE 38"), or a place follows the
        number with only symbols between ("DRIVE 87 🚗 Limoges")."""
        code = words[i].upper()
        for c in cands:
            if c.end == i and any(x.department == code for x in (c.communes or c.heads)[:3]):
                return f"{c.value!r} is a commune of {code}"
        line_start = text.rfind("\n", 0, spans[i][0]) + 1
        k = i - 1
        while k >= 0 and spans[k][0] >= line_start:
            if words[k] in self.area_words:
                return f"the name has the area word {words[k]!r}"
            k -= 1
        nxt = next((c for c in cands if c.accepted and c.start == i + 1), None)
        if nxt is not None:
            gap = text[spans[i][1] : nxt.nstart]
            if "\n" not in gap and not any(ch.isalnum() for ch in gap):
                return f"the place {nxt.value!r} follows"
        return ""

    def _brand_number(self, a: Analysis, words: list[str], spans: list[tuple[int, int]], i: int,
                      of_a_place: bool = False) -> bool:
        """ "LA FERME 35", "docks 76 |", "GREENHOUSE 63 —": a number that closes a name, on the
        post's first line or after a word in capitals, with nothing but space between."""
        text = a.norm.text
        ps, pe = spans[i - 1]
        ns, ne = spans[i]
        # a space; or emoji and dashes on the first line, when the number is the department of a place
        # of the post ("RHIN SUD ⚡ 68" over Habsheim, "PERCHE NORD 🐎 28" over Chérisy)
        gap_ok = text[pe:ns] == " " or (of_a_place and len(text[pe:ns]) <= 6 and "\n" not in text[:ns]
                                         and WORDLESS_GAP.fullmatch(text, pe, ns) is not None)
        if not gap_ok or words[i - 1] in self.not_dept_word or words[i - 1].isdigit():
            return False
        if words[i - 1] == "est" and i >= 2 and words[i - 2] == "c":
            return False  # "à la livraison c'est 12": a sum said, not "ZAMAL EST 974"
        if not (of_a_place and len(words[i]) == 3) and any(
            f.kind == "products" and a.norm.span(ps, pe)[0] < f.end and f.start < a.norm.span(ps, pe)[1]
            for f in a.findings
        ):
            return False  # "Gelato 41"; but no strain carries an overseas code ("ZAMAL PÉI 974" over Saint-Leu)
        rest = text[ne : ne + 3]
        if rest and (rest[0].isalnum() or (rest[0] in "/-" and rest[1:2].isdigit())):
            return False  # "ROOM 24B", "postale 24/48h": no name's number
        first_line = text.lstrip().find("\n")
        on_first = "\n" not in text[:ns].lstrip() or (first_line < 0)
        s, e = a.norm.span(ps, pe)
        word = a.post.text[s:e]
        caps = len(word) >= 3 and word.isupper()
        if rest.lstrip(" ")[:1].isalnum():
            # a word follows: a name in capitals still ends with its number ("ESTUAIRE 44 RECRUTE",
            # "LA SOURCE 84 devient..."), not a count or a date ("PROMO 20 pièces", "SAMEDI 14 juin")
            return caps and words[i - 1] not in NOT_NAME_BEFORE_NUMBER and not self._unit_after(words, spans, text, i)
        return on_first or caps
