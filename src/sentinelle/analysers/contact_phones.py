"""Phones: numbers written any way, read as E.164 with the right country.

A mixin of `ContactAnalyser` (contacts.py), kept apart so that each module reads in one sitting.
Digits are gathered into runs of groups joined by phone separators ("06 39 98 17 42",
"07•53•18•44•92", "0 7 7 0 ..."); each run is read as an international number ("+33 6...",
"0044 7..."), a national one of a country the post names (Belgian, Swiss, Irish... plans and
their usual groupings), a French one, a British 11-digit one or a North American 3-3-4 one.
Overseas France has its own country codes; the ARCEP fiction block stays metropolitan. A run
holding a longer identifier (SIRET, IBAN) is no phone. Numbers written in words are read by
phone_words.py.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from functools import lru_cache, partial
from operator import itemgetter
from typing import TYPE_CHECKING, ClassVar, NamedTuple

import phonenumbers

from ..core import Analysis
from .base import new_finding
from .phone_words import spelt_numbers

if TYPE_CHECKING:
    from .contacts import _Scan

# French overseas departments share the national 10-digit plan ("0690 ...") but have their own
# country codes (ARCEP plan; phonenumbers metadata of GP/GF/MQ/RE/YT): the first four digits
# decide. 06 39 98 is the ARCEP fiction block and stays metropolitan (+33).
OVERSEAS_PREFIXES = {
    "0590": "590", "0690": "590", "0691": "590",  # Guadeloupe, Saint-Martin, Saint-Barthélemy
    "0594": "594", "0694": "594",  # Guyane
    "0596": "596", "0696": "596", "0697": "596",  # Martinique
    "0262": "262", "0263": "262", "0692": "262", "0693": "262",  # La Réunion
    "0269": "262", "0639": "262",  # Mayotte
}
FICTION_BLOCK = "063998"

# --- phones ------------------------------------------------------------------------------

_ID_GAP_RE = re.compile(r"[ \t:°#.=\-]*(?:n[°o]?[ \t:.]*)?")  # "SIRET : ", "réf. n° "
_CAND_RE = re.compile(r"\d[\d .\-/()•·]{6,}\d")
# `_CAND_RE` on the text before the letter O is read as 0: no match there, no candidate run
_CAND_O_RE = re.compile(r"[\do][\do .\-/()•·]{6,}[\do]")
_GROUP_RE = re.compile(r"\d+")
_GAP_RE = re.compile(r" ?[.\-/•·] ?| {1,2}| ?\( ?| ?\) ?[.\-]? ?")  # "07•53•18•44•92"
_DATE_RE = re.compile(r"(0?[1-9]|[12]\d|3[01])([./\-])(0?[1-9]|1[0-2])\2(?:19|20)?\d\d(?![\d]|[./\-]\d)")
_GLUE_AFTER = set("€£$%°")
_WA_RE = re.compile(r"(?:wa\.me/|whatsapp\.com/send\?phone=)\+?(\d{8,15})")


# the numbers of countries without a trunk 0, by length: French Polynesia 8 digits, New Caledonia 6
_PACIFIC_LENGTHS = {8: frozenset({"PF"}), 6: frozenset({"NC"})}


class _Group(NamedTuple):
    start: int
    end: int
    digits: str
    plus: bool  # "+" just before
    paren: bool  # written "(0)"


_new_group = partial(tuple.__new__, _Group)
_digits = itemgetter(2)  # _Group.digits

# "zero" glued to the digits that follow ("zero6 . 51 . 07 . 93 . 40"), kept as one token
_GLUED_ZERO_RE = re.compile(r"(?<![^\W\d_])zero\d")
_BE_MOBILES = frozenset({"045", "046", "047", "048", "049"})  # Belgian mobile prefixes (BIPT)
_CH_MOBILES = frozenset({"075", "076", "077", "078", "079"})  # Swiss mobile prefixes (OFCOM)


class PhoneRules:
    """The phone rules of `ContactAnalyser`: what they read of it is declared here."""

    name: ClassVar[str]
    # the countries whose national numbers a post naming them may hold, with their mobile prefixes
    national: dict[str, tuple[str, ...]]

    def _phones(self, a: Analysis, text: str, sc: _Scan, has_wa: bool) -> None:
        """Phones; `has_wa`: the text may hold a WhatsApp link (see analyse)."""
        done: set[str] = set()
        regions = sc.regions
        blocked = sc.not_phone

        def emit(value: str, s: int, e: int, rule: str, why: str) -> None:
            if value in done:
                return
            done.add(value)
            start, end = a.norm.span(s, e)
            a.findings.append(new_finding(("phones", value, start, end, self.name, rule, 1.0, why)))

        if has_wa:
            for m in _WA_RE.finditer(text):
                try:
                    num = phonenumbers.parse("+" + m.group(1), None)
                except phonenumbers.NumberParseException:
                    continue
                if phonenumbers.is_possible_number(num):
                    emit(phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164),
                         m.start(1), m.end(1), "contacts:phone:whatsapp_link",
                         "WhatsApp link to a phone number")

        # the letter O for zero ("07700 9OO 391"): the normaliser only swaps it in mostly-digit
        # runs, so phones are read on a copy with every "o" as "0" (same length, same offsets)
        raw = text
        if "o" in text:
            text = text.replace("o", "0")
        for run in self._runs(text, raw, 6 if "NC" in regions else 8):
            total = sum(map(len, map(_digits, run)))
            if total < 8 and not (total == 6 and "NC" in regions):  # (New Caledonia's numbers have 6)
                continue
            rs = run[0].start - (1 if run[0].plus else 0)
            if blocked and any(p <= rs and _ID_GAP_RE.fullmatch(raw, p, rs) for p in blocked):
                continue
            found: list[tuple[str, int, int, str, str]] = []
            line_start = text.rfind("\n", 0, rs) + 1
            cued = bool(sc.phone_cue) and any(line_start <= p < rs for p in sc.phone_cue)  # "hmu 2135550163", "📞 ..."
            i = 0
            covered = 0
            while i < len(run):
                res = self._match_at(text, run, i, a.lang, regions, cued)
                if res is None:
                    i += 1
                    continue
                k, value, rule, why = res
                found.append((value, run[i].start - (1 if run[i].plus else 0), run[k].end, rule, why))
                covered += sum(map(len, map(_digits, run[i:k + 1])))
                i = k + 1
            if not found:
                continue
            if len(found) == 1 and total - covered >= 3:  # a longer identifier (SIRET, IBAN...)
                continue
            for value, s, e, rule, why in found:
                emit(value, s, e, rule, why)

    def _spelt_phones(self, a: Analysis, text: str, sc: _Scan) -> None:
        """Phones written partly or wholly in words ("zéro six, quarante-quatre..."), read as national
        numbers (see phone_words.py)."""
        done = set(a.values("phones"))
        for s, e, digits in spelt_numbers(text):
            if digits[0] != "0" and not (len(digits) == 10 and (a.lang == "en" or "US" in sc.regions)):
                continue  # a national number, or a North American one ("five one three, five five five...")
            res = self._national(digits, [len(digits)], a.lang, sc.regions, True)
            if res is not None and res[0] not in done:
                done.add(res[0])
                a.add_norm("phones", res[0], s, e, analyser=self.name, rule=res[1] + ":words",
                           explanation=res[2] + ", written in words")

    @staticmethod
    def _runs(text: str, raw: str, least: int = 8) -> list[list[_Group]]:
        """Runs of digit groups joined by phone separators, within spans of `least` digits or more."""
        runs: list[list[_Group]] = []
        for cand in _CAND_RE.finditer(text):
            s, e = cand.span()
            if sum(map(str.isdigit, cand.group())) >= least:
                PhoneRules._runs_in(text, raw, s, e, runs)
        return runs

    @staticmethod
    def _runs_in(text: str, raw: str, start: int, end: int, runs: list[list[_Group]]) -> None:
        cur: list[_Group] = []
        n = len(text)
        for m in _GROUP_RE.finditer(text, start, end):
            s, e = m.start(), m.end()
            before = text[s - 1] if s else " "
            after = text[e] if e < n else " "
            glued = (before.isalpha() or before in _GLUE_AFTER or after.isalpha() or after in _GLUE_AFTER
                     or (after == "," and e + 1 < n and text[e + 1].isdigit())
                     or (before == "," and s >= 2 and text[s - 2].isdigit()))
            paren = before == "(" and after == ")" and m.group() == "0"
            # (not "discret ++ 07 66...": no country code starts with 0)
            plus = (before == "+" or (before == " " and s >= 2 and text[s - 2] == "+")) and m.group()[:1] != "0"
            if glued:
                if cur:
                    runs.append(cur)
                cur = []
                continue
            g = _new_group((s, e, m.group(), plus, paren))
            gap = text[cur[-1].end:s] if cur else ""
            if (cur and not plus and _GAP_RE.fullmatch(gap)
                    and not ("/" in gap and min(len(cur[-1].digits), e - s) < 2)):  # "42 24/7"
                cur.append(g)
            else:
                if cur:
                    runs.append(cur)
                cur = [g]
        if cur:
            runs.append(cur)

    def _match_at(self, text: str, run: list[_Group], i: int, lang: str,
                  regions: AbstractSet[str], cued: bool) -> tuple[int, str, str, str] | None:
        first = run[i]
        if first.paren:
            return None
        if _DATE_RE.match(text, first.start):
            return None
        if first.plus or (first.digits.startswith("00") and first.digits[2:3] not in ("", "0")):
            return self._international(run, i)
        if first.digits.startswith("00") and len(first.digits) == 2 and i + 1 < len(run):
            return self._international(run, i)
        if len(run) - i >= 10 and all(len(g.digits) == 1 for g in run[i:]):
            # one digit at a time ("0 7 7 0 4 8 1 5 2 6 3"): the whole run is the number, not
            # the first ten digits of it
            whole = "".join(g.digits for g in run[i:])
            res = self._national(whole, [1] * len(whole), lang, regions, cued) if len(whole) <= 12 else None
            if res is None and len(whole) == 10 and i == 0:
                # "5 1 9 - 5 5 5 - 0 1 4 8": blocks between the marks other than spaces, 3-3-4 in
                # North America
                blocks = [1]
                for prev, g in zip(run[i:], run[i + 1:], strict=False):
                    if text[prev.end:g.start].strip(" "):
                        blocks.append(1)
                    else:
                        blocks[-1] += 1
                res = self._national(whole, blocks, lang, regions, cued)
            if res is not None:
                return (len(run) - 1, *res)
        digits = ""
        sizes: list[int] = []
        for k in range(i, len(run)):
            g = run[k]
            if g.paren or g.plus:
                return None
            digits += g.digits
            sizes.append(len(g.digits))
            nd = len(digits)
            if nd > 12:
                return None
            if nd < 9:
                if nd in _PACIFIC_LENGTHS and (res := self._pacific(digits, regions)) is not None:
                    return (k, *res)
                continue
            res = self._national(digits, sizes, lang, regions, cued)
            if res is not None:
                return (k, *res)
        return None

    def _pacific(self, digits: str, regions: AbstractSet[str]) -> tuple[str, str, str] | None:
        """A French Polynesian (8 digits) or New Caledonian (6 digits) number, which have no trunk
        0, in a post that names one of those places ("Papeete ... 87 24 61 93")."""
        for region in regions & _PACIFIC_LENGTHS.get(len(digits), frozenset()):
            if digits.startswith(self.national.get(region, ())) and _valid(digits, region):
                return (_e164(digits, region), f"contacts:phone:{region}",
                        f"{region} number (the post names a place there)")
        return None

    def _national(self, digits: str, sizes: list[int], lang: str, regions: AbstractSet[str],
                  cued: bool) -> tuple[str, str, str] | None:
        nd = len(digits)
        tidy = min(sizes) >= 2 or max(sizes) == 1
        if digits[0] == "0" and digits[1] != "0" and tidy:
            shaped = nd != 10 or len(sizes) == 1 or max(sizes) <= 4  # not "01000 01100" (postcodes)
            if regions and shaped:
                for region, mobile in self.national.items():  # a country the post names
                    if (region in regions and (not mobile or digits.startswith(mobile))
                            and _valid(digits, region)):
                        return (_e164(digits, region), f"contacts:phone:{region}",
                                f"{region} national number (the post names that country)")
            if lang == "en" and nd == 10 and len(sizes) > 1 and sizes[0] != 2:
                # an English post's "086 317 4429" or "0412 345 678": a mobile of a country with
                # 10-digit mobiles, grouped as written there; French numbers go in pairs
                for region, mobile in self.national.items():
                    if mobile and digits.startswith(mobile) and _valid(digits, region):
                        return (_e164(digits, region), f"contacts:phone:{region}",
                                f"{region} mobile ({digits[:2]}..., grouped {'-'.join(map(str, sizes))}) "
                                "in an English post")
            if nd == 10 and sizes == [3, 3, 2, 2] and digits[:3] in _CH_MOBILES and _valid(digits, "CH"):
                # "079 412 63 08": a Swiss mobile as the Swiss write it (a French one goes in pairs)
                return (_e164(digits, "CH"), "contacts:phone:CH", "Swiss mobile (07x, grouped 3-3-2-2)")
            if nd == 10 and sizes == [4, 2, 2, 2] and digits[:3] in _BE_MOBILES and _valid(digits, "BE"):
                # "0471/55.20.18", "0479 12 34 56": a Belgian mobile as Belgians write it (a French
                # number goes in pairs from the start: 04 71 ...)
                return (_e164(digits, "BE"), "contacts:phone:BE", "Belgian mobile (04xx, grouped 4-2-2-2)")
            if nd == 10 and shaped:
                cc = OVERSEAS_PREFIXES.get(digits[:4])
                if cc and not digits.startswith(FICTION_BLOCK):
                    return ("+" + cc + digits[1:], "contacts:phone:FR_overseas",
                            f"French overseas number ({digits[:4]} is +{cc})")
                return ("+33" + digits[1:], "contacts:phone:FR", "French national number (10 digits)")
            if nd == 11:
                return ("+44" + digits[1:], "contacts:phone:GB", "British national number (11 digits)")
            return None
        if (lang == "en" or "US" in regions) and nd in (10, 11):  # "US": also Canada, in French
            core = digits[1:] if nd == 11 else digits
            if nd == 11 and digits[0] != "1":
                return None
            if core[0] in "01" or core[3] in "01":
                return None
            shape = sizes[1:] if nd == 11 else sizes
            if shape == [3, 3, 4] or (shape == [10] and ("US" in regions or cued)):
                return ("+1" + core, "contacts:phone:US", "North American 3-3-4 number in an English post")
            return None
        if len(sizes) == 1 and nd == 11 and digits.startswith("33") and digits[2] != "0":
            return ("+" + digits, "contacts:phone:FR_intl", "French number written with 33 and no +")
        if len(sizes) == 1 and nd == 12 and digits.startswith("447"):
            return ("+" + digits, "contacts:phone:GB_intl", "British number written with 44 and no +")
        return None

    @staticmethod
    def _international(run: list[_Group], i: int) -> tuple[int, str, str, str] | None:
        """The longest possible number of 8 to 15 digits from group i on."""
        digits = ""
        prefixes: list[tuple[int, str]] = []  # (last group, digits after the "+")
        for k in range(i, len(run)):
            g = run[k]
            if k > i and g.plus:
                break
            if g.paren:
                continue  # "+33 (0)6 ..."
            digits += g.digits
            raw = digits[2:] if not run[i].plus else digits
            if len(raw) > 15:
                break
            if len(raw) >= 8:
                prefixes.append((k, raw))
        # longest first: parsing is slow, and the whole run is usually the number
        for k, raw in reversed(prefixes):
            possible = _possible_international(raw)
            if possible is not None:
                return (k, *possible)
        return None


# vendors repeat their numbers from post to post, and parsing one takes 15 µs
@lru_cache(maxsize=8192)
def _possible_international(raw: str) -> tuple[str, str, str] | None:
    """(E.164 value, rule, explanation) of "+" then `raw` when it is a possible number."""
    try:
        num = phonenumbers.parse("+" + raw, None)
    except phonenumbers.NumberParseException:
        return None
    reason = phonenumbers.is_possible_number_with_reason(num)
    if reason != phonenumbers.ValidationResult.IS_POSSIBLE:
        return None
    value = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    region = phonenumbers.region_code_for_country_code(num.country_code or 0)
    return (value, f"contacts:phone:intl:{region}", f"international number (+{num.country_code}, {region})")


def _valid(digits: str, region: str) -> bool:
    """A number of that region's plan (a French 06 number stays French in a post about Brussels)."""
    try:
        return bool(phonenumbers.is_valid_number(phonenumbers.parse(digits, region)))
    except phonenumbers.NumberParseException:
        return False

def _e164(digits: str, region: str) -> str:
    return str(phonenumbers.format_number(phonenumbers.parse(digits, region),
                                          phonenumbers.PhoneNumberFormat.E164))
