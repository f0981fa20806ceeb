"""Risk signals: advance-fee scam markers and recruitment of minors.

scam_signals weighs markers found by the conditions analyser (payment, prepayment, delivery,
kept in `a.notes["conditions"]`), by the prices analyser when it ran (unit prices far below the
street prices of `data/common/street_prices.toml`) and by the `scam` lexicon:

    marker                                              weight   rule
    payment by coupon / gift card (PCS, Transcash...)   2        scam:coupon
    unrealistic price                                   1.5      scam:unrealistic_price
    full prepayment                                     1        scam:full_prepayment
    ... by crypto or coupon                             +1       scam:full_prepayment_crypto
    shipping everywhere ("partout en France", UK wide)  1        scam.toml:nationwide
    postal shipping                                     0.5      scam:postal
    no meet-up ("pas de rdv", "no meetups")             1        scam:no_meetup / scam.toml:no_meetup
    "sans ordonnance"                                   1 (+1 if shipped)
    counterfeit notes ("passent au stylo")              1
    guarantees ("satisfait ou remboursé")               0.5

A post is flagged at 2 or more: one marker of a remote, pay-first seller is not enough (a local
dealer taking crypto for half of big orders is no scam), two are.

minors_signals fires on explicit acceptance ("même mineur", "under 18s welcome"), a word for a
minor that is not negated ("mineurs acceptés" yes, "pas de mineurs" no), an age from 12 to 17
("13-17 ans", "16 ans ok", "15yo"; not "depuis 15 ans"), or school pupils and school hours
("collégiens", "après les cours") unless the post says adults only ("majeurs uniquement", "18+").
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from itertools import compress
from operator import itemgetter
from typing import Any

from ..core import Analysis, Finding
from ..lexicon import lexicon_file, load_groups
from ..normalize import fold
from .base import Analyser
from .conditions import LANGS, SIGNAL_LEXICONS, SIGNAL_SKIP, VALUES, Clause, load_lexicons
from .money import street_prices
from .terms import token_words

MINOR_VALUES = VALUES["minors"]
THRESHOLD = 2.0

# a warning against scammers before their coupons ("méfiez-vous des faux comptes qui demandent des PCS",
# "don't trust the fakes asking for gift cards"): the vendor's own warning, no scam
_WARNED_RE = re.compile(r"(?i)\b(?:m[ée]fiez[- ]vous|m[ée]fie[- ]toi|attention aux|gare aux|don'?t trust|do not trust"
                        r"|beware|watch out for|fakes?|faux comptes?|copies|arnaqueurs?|scammers?)\b")
# the kinds of finding the scam rules read, and the weights of the scam lexicon's markers
_SCAM_KINDS = frozenset({"payment", "prepayment", "delivery", "prices"})
_SCAM_WEIGHTS = {"nationwide": 1.0, "no_meetup": 1.0, "no_prescription": 1.0, "guarantee": 0.5, "counterfeit": 1.0}
_kind = itemgetter(0)  # Finding.kind
_AGE_BEFORE = re.compile(r"(?:depuis|il y a|pendant|durant|for|since|over the last|apres)\s*$")
# a recruiter asking the age and the answer, under 18 ("t'as quel âge ? seize ? ça passe", "how old r u? 15")
_ASKED_AGE_RE = re.compile(
    r"\b(?:(?:t'?as|tu as|vous avez) quel age|quel age (?:t'?as|tu as|as-tu|avez-vous)"
    r"|how old (?:r|are|is) (?:u|you|ya)|how old (?:u|you))\b[^.!]{0,30}?"
    r"\b(1[2-7]|douze|treize|quatorze|quinze|seize|dix-sept|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b")
# an age under 18 said to the reader or accepted ("you're 16 and making £400 a week", "16 17 is fine",
# "t'as 15 ans ?" is read by the age units)
_TOLD_AGE_RE = re.compile(r"\b(?:you'?re|youre|ur|if (?:you'?re|u r|ur)) (1[2-7])\b"
                          r"(?! ?(?:min|mins|minutes|hours?|days?))"
                          r"|(?<!the )\b(1[2-7])(?:\s?(?:-|/|,|or|ou)?\s?1[3-7])? (?:is|are|c'?est|ca)"
                          r" (?:fine|ok|okay|good|cool|bon)\b")
# cheap prefilters: what every _TOLD_AGE_RE match holds, a number 12-17 and, after it or before
# it, the words around it ("you're 16", "16 is fine")
_TEEN_RE = re.compile(r"1[2-7]")
_MAYBE_TOLD_AGE_RE = re.compile(r"(?:re|ur|u r) 1[2-7]|(?:is|are|est|ca) (?:fine|ok|good|cool|bon)")
_AGE_AFTER = re.compile(
    r"\s*(?:de prison|de taule|d'experience|de experience|d'exp|of experience|ago|"
    r"in the game|de metier|d'anciennete)"
)


class SignalAnalyser(Analyser):
    name = "signals"
    languages = ("fr", "en")
    requires = ("payment", "prepayment", "delivery")
    provides = ("scam_signals", "minors_signals")
    version = "1"

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(options)
        # for posts the conditions analyser did not see (it matches these lexicons in its own pass)
        self.matcher = load_lexicons(SIGNAL_LEXICONS, skip_values=SIGNAL_SKIP)
        self.grammar = load_lexicons(
            ("conditions",),
            skip_values=(
                "min_cue",
                "from_cue",
                "below_cue",
                "order",
                "free",
                "cur_eur",
                "cur_gbp",
                "cur_usd",
                "cur_chf",
                "cur_xpf",
            ),
        )
        units: list[str] = []
        for lang in LANGS:
            path = lexicon_file(lang, "minors")
            if path.exists():
                units += [
                    fold(e.term).strip()
                    for e in load_groups(path, values=MINOR_VALUES)
                    if e.value == "age_unit"
                ]
        alts = "|".join(re.escape(u) for u in sorted(set(units), key=len, reverse=True)) or "ans"
        # (the look-behind follows the first digit: a pattern that starts with a digit lets the
        # regex engine skip to the digits of a post instead of trying every position; the
        # look-ahead after the number stops at once at the usual "20€", "5g": an age is followed
        # by a space, a range word ("-", "a", "to", "et", "and", "/", "~") or a unit)
        heads = re.escape("".join(sorted(set("-ate/~") | {u[0] for u in units if u})))
        self.age_re = re.compile(
            rf"(\d(?<![\d,.€£$]\d)\d?)(?=[\s{heads}])(?:\s*(?:-|a|to|et|and|/|~)\s*(\d{{1,2}}))?\s*"
            rf"(?:{alts})(?![^\W\d_])"
        )
        # what every age_re match holds, a digit then a unit: cheaper to look for, and most posts
        # with digits (prices) have none
        self.age_hint = re.compile(rf"\d\s*(?:{alts})")
        self._load_prices()
        # price point (the items of a price finding's value) -> why it is too low, None if it is not
        self._below: dict[tuple[tuple[str, Any], ...], str | None] = {}

    def _load_prices(self) -> None:
        self.rates, self.refs, self.retail_share = street_prices()

    # -- driver ------------------------------------------------------------------------------

    def analyse(self, a: Analysis) -> None:
        text = a.norm.text
        if not text or text.isspace():
            return
        notes = a.notes.get("conditions") or {}
        cl = notes.get("clause")
        found = notes.get("found")
        if not isinstance(cl, Clause) or cl.norm is not a.norm or not isinstance(found, dict):
            words = token_words(a)
            found = self.matcher.find(a.norm, words)
            cl = Clause(a.norm, self.grammar.find(a.norm, words)["conditions"], words)
        self._scam(a, cl, found["scam"], notes)
        # minors: words of the lexicon, then ages (each step called only when the post may hold one)
        if found["minors"]:
            self._minor_words(a, cl, found["minors"])
        if self.age_hint.search(text) is not None:
            self._ages(a, text)
        if "1" in text and ("re " in text or "ur " in text or " is " in text or " ok" in text or "fine" in text) and (
                _TEEN_RE.search(text) and _MAYBE_TOLD_AGE_RE.search(text)):
            for tm in _TOLD_AGE_RE.finditer(text):
                g = 1 if tm.group(1) else 2
                a.add_norm("minors_signals", True, tm.start(g), tm.end(g), analyser=self.name,
                           rule="signals:minors:told_age",
                           explanation=f"an age under 18 told or accepted: {tm.group()!r}")
        if "age" in text or "old" in text:  # (most posts hold neither)
            for am in _ASKED_AGE_RE.finditer(text):
                a.add_norm("minors_signals", True, am.start(1), am.end(1), analyser=self.name,
                           rule="signals:minors:asked_age", explanation=f"the age asked and told: {am.group()!r}")

    # -- scam --------------------------------------------------------------------------------

    def _scam(self, a: Analysis, cl: Clause, ms: list[Any], notes: Mapping[str, Any]) -> None:
        # the findings this reads, picked in C (most of a post's findings are of other kinds),
        # then the first of each sort in one pass
        fs = a.findings
        coupon = crypto_or_coupon = full = pf = None
        prices: list[Finding] = []
        for f in compress(fs, map(_SCAM_KINDS.__contains__, map(_kind, fs))):
            kind = f.kind
            if kind == "payment":
                if f.value == "coupon":
                    if coupon is None:
                        coupon = f
                    if crypto_or_coupon is None:
                        crypto_or_coupon = f
                elif f.value == "crypto" and crypto_or_coupon is None:
                    crypto_or_coupon = f
            elif kind == "prepayment":
                if full is None and f.value == "full":
                    full = f
            elif kind == "delivery":
                if pf is None and ":postal:" in f.rule:
                    pf = f
            else:
                prices.append(f)
        no_meetup = notes.get("no_meetup")
        if not (coupon or full or pf or no_meetup or ms or prices):
            return  # no marker at all (the usual post)
        marks: list[tuple[float, str, int, int, bool, str]] = []  # weight, rule, start, end, normalised?, why
        if coupon is not None and _WARNED_RE.search(a.post.text, max(0, coupon.start - 80), coupon.start):
            # "méfiez-vous des copies qui demandent des PCS": a warning against the scam, and the
            # prepayment read from those coupons with it
            if full is not None and full.start == coupon.start:
                full = None
            if crypto_or_coupon is coupon:
                crypto_or_coupon = None
            coupon = None
        if coupon is not None:
            marks.append((2.0, "signals:scam:coupon", coupon.start, coupon.end, False,
                          "payment by prepaid coupon or gift card, the usual advance-fee scam channel"))
        if full is not None:
            marks.append((1.0, "signals:scam:full_prepayment", full.start, full.end, False,
                          "everything paid up front"))
            if crypto_or_coupon is not None:
                g = crypto_or_coupon
                marks.append((1.0, "signals:scam:full_prepayment_crypto", g.start, g.end, False,
                              f"full prepayment by {g.value}"))
        postal = bool(notes.get("postal")) or pf is not None
        if pf is not None:
            marks.append((0.5, "signals:scam:postal", pf.start, pf.end, False, "goods shipped by post"))
        if no_meetup:
            s, e, rule = no_meetup[0]
            marks.append((1.0, "signals:scam:no_meetup", s, e, True, f"no meet-up ({rule})"))
        seen: set[str] = set()
        for m in ms:
            v = m.entry.value
            if v in seen or cl.negated(m.first_token, m.n_tokens):
                continue
            seen.add(v)
            w = _SCAM_WEIGHTS.get(v, 0.0)
            if v == "no_prescription" and postal:
                w += 1.0
            if v == "no_meetup" and no_meetup:
                continue  # already counted
            marks.append(
                (w, m.entry.rule, m.start, m.end, True, f"{v.replace('_', ' ')} marker {m.entry.term!r}")
            )
        price = self._unrealistic_price(prices) if prices else None
        if price is not None:
            marks.append(price)
        total = sum(x[0] for x in marks)
        if total < THRESHOLD:
            return
        for w, rule, s, e, norm, why in marks:
            expl = f"{why} (weight {w:g}; scam markers total {total:g} >= {THRESHOLD:g})"
            if norm:
                a.add_norm("scam_signals", True, s, e, analyser=self.name, rule=rule, explanation=expl)
            else:
                a.add("scam_signals", True, s, e, analyser=self.name, rule=rule, explanation=expl)

    def _unrealistic_price(self, prices: list[Finding]) -> tuple[float, str, int, int, bool, str] | None:
        below = self._below
        for f in prices:
            v = f.value
            if not isinstance(v, dict):
                continue
            key = tuple(v.items())  # menus repeat the same price points: each is judged once
            why = below.get(key, "")
            if why == "":
                why = self._below_floor(v)
                if len(below) < 100_000:
                    below[key] = why
            if why is not None:
                return (1.5, "signals:scam:unrealistic_price", f.start, f.end, False, why)
        return None

    def _below_floor(self, v: dict[str, Any]) -> str | None:
        """Why a price point is below the plausible floor of its product, None when it is not."""
        try:
            unit = str(v.get("unit") or "unit")
            qty = float(v.get("quantity") or 1)
            price = float(v["price"]) * self.rates[str(v.get("currency") or "EUR").upper()]
        except (KeyError, TypeError, ValueError):
            return None
        if unit == "kg":
            unit, qty = "g", qty * 1000
        ref = self.refs.get((str(v.get("product")), unit))
        if ref is None or qty <= 0 or price <= 0:
            return None
        retail, bulk = ref
        hi = retail * self.retail_share
        floor = hi - (hi - bulk) * min(1.0, max(0.0, math.log10(qty) / 3))
        per = price / qty
        if per < floor:
            return (f"{v.get('product')} at {per:.2f} EUR/{unit} for {qty:g} {unit}, below the plausible "
                    f"floor of {floor:.2f} (street price {retail:g})")
        return None

    # -- minors ------------------------------------------------------------------------------

    def _minor_words(self, a: Analysis, cl: Clause, ms: list[Any]) -> None:
        adult = any(m.entry.value == "adult" for m in ms)
        for m in ms:
            v = m.entry.value
            if v in ("adult", "age_unit"):
                continue
            if v == "school" and adult:
                continue
            if cl.negated(m.first_token, m.n_tokens):
                continue
            why = {
                "accept": "minors explicitly accepted",
                "minor": "a minor named as a candidate",
                "school": "targets school pupils or school hours",
            }[v]
            a.add_norm(
                "minors_signals",
                True,
                m.start,
                m.end,
                analyser=self.name,
                rule=m.entry.rule,
                explanation=f"{why}: {m.entry.term!r}",
            )

    def _ages(self, a: Analysis, text: str) -> None:
        for rm in self.age_re.finditer(text):
            low = int(rm.group(1))
            high = int(rm.group(2)) if rm.group(2) else low
            if not (12 <= low <= 17) or high < low:
                continue
            if _AGE_BEFORE.search(text, max(0, rm.start() - 16), rm.start()) or _AGE_AFTER.match(
                text, rm.end()
            ):
                continue
            a.add_norm(
                "minors_signals",
                True,
                rm.start(),
                rm.end(),
                analyser=self.name,
                rule="signals:minors:age_under_18",
                explanation=f"age {low} stated for candidates ({rm.group().strip()!r})",
            )
