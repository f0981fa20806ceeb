"""Triage cues: words and emoji that point to a sale, a recruitment, or a legitimate kind of post.

Each cue is a finding of kind "cue" whose value is the cue's meaning (`sale`, `recruitment`,
`news`, `cbd_legal`...). Cues are evidence for the verdict; the triage model weighs them with the
other findings. Lexicons: `data/<lang>/cues.toml` and `data/common/cues.toml`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..core import CUE, Analysis, Finding
from ..lexicon import load_merged
from .base import Analyser

# Pay by the day, evening, week or month ("150€ la soirée", "200€/j", "£500/week", "$90 a day"):
# the signature of a job offer. A price per gram never matches (no time unit).
_AMOUNT = r"(?:[€£$]\s?\d[\d ]{0,5}(?:[.,]\d+)?|\d[\d ]{0,5}(?:[.,]\d+)?\s?(?:€|e\b|eur\b|euros?\b|balles\b|£|\$|k\b))"
_PER_TIME = (r"\s?(?:/|par|la|le|per|a|an|each|chaque|/ ?)\s?"
             r"(?:j|jour|jours|journee|soir|soiree|soirees|nuit|semaine|sem|mois|week|wk|day|night|shift|month|h|heure)\b")
PAY_RE = re.compile(_AMOUNT + _PER_TIME)
# What every PAY_RE match holds: a currency sign before a digit, or a digit followed by a currency.
# Both start with a plain character class, which the regex engine scans for quickly, whereas
# PAY_RE's alternation makes it try every position: most posts are ruled out here.
_PAY_SIGNS = (re.compile(r"[€£$]\s?\d"), re.compile(r"\d\s*(?:€|e\b|eur\b|euros?\b|balles\b|£|\$|k\b)"))
# Job offers often drop the currency ("guetteur 80/j", "120 la journee"): a bare amount per day,
# evening, night, week or shift counts when a job-role word stands near it (same clause).
BARE_PAY_RE = re.compile(r"(?<![\d.,/€£$])(?<![€£$] )\d{2,4}" + r"\s?(?:/|par|la|le|per|a|an|each|chaque)\s?"
                         r"(?:j|jour|journee|soir|soiree|nuit|semaine|sem|week|wk|day|night|shift)\b")
JOB_ROLE_RE = re.compile(
    r"\b(?:guetteurs?|choufs?|charbonneurs?|charbon|vendeurs?|livreurs?|nourrices?|ravitailleurs?"
    r"|detailleurs?|tartineurs?|gerants?|secu|securite|runners?|drivers?|lookouts?|shotters?|workers?"
    r"|taf|job|poste|point|recrute|hiring)\b")
ROLE_BEFORE, ROLE_AFTER = 80, 40  # characters around the amount where a role word counts

# A stated THC content above the legal 0.3 % ("THC 25%", "22% de THC") is no CBD product: the
# legal-shop cues (cbd_legal, legit_commerce) of such a post are dropped. Neither are "THC edibles",
# "THC gummies": the food words of a THC product are no bakery or sweet shop.
THC_PCT_RE = re.compile(r"\bthc\s?[:=(]?\s?(?<![<≤])(\d{1,2}(?:[.,]\d+)?)\s?%"
                        r"|(?<![<≤\d.,])\s?(\d{1,2}(?:[.,]\d+)?)\s?%\s?(?:de\s|d'|of\s)?thc\b")
THC_LIMIT = 0.3
THC_PRODUCT_RE = re.compile(r"\bthc\s(?:edibles?|gummies|gummy|chocolates?|bonbons?|carts?|vapes?|infused|syrup)\b"
                            r"|\b(?:edibles?|gummies|chocolates?|bonbons?|carts?|vapes?|infused)\s(?:au|a|with|de)\s?thc\b")
# Legal recreational retail: a licensed store or an age gate above 18 ("19+ only", "21+")
LEGAL_RETAIL_RE = re.compile(r"\blicen[cs]ed(?:\s[\w.']+){0,3}?\s(?:store|shop|retailer|dispensary)\b"
                             r"|\b(?:19|21)\s?\+(?:\s?only)?(?!\w)|\bgovernment of canada\b")

CUE_VALUES = ("sale", "recruitment", "buyer", "news", "prevention", "harm_reduction", "cbd_legal",
              "food_delivery", "humor", "legit_commerce", "health")


class CueAnalyser(Analyser):
    name = "cues"
    languages = ("fr", "en")
    provides = (CUE,)

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(options)
        # French and English cues both apply: posts mix the two languages
        self.matcher = load_merged("cues", self.languages, values=CUE_VALUES)
        # per lexicon entry (by identity: the matcher keeps them): its score and explanation
        self._how: dict[int, tuple[float, str]] = {}

    def analyse(self, a: Analysis) -> None:
        text = a.norm.text
        if any(rx.search(text) for rx in _PAY_SIGNS):
            for pm in PAY_RE.finditer(text):
                a.add_norm(CUE, "recruitment", pm.start(), pm.end(), analyser=self.name, rule="grammar:pay_per_time",
                           score=1.0, explanation=f"pay per unit of time {text[pm.start():pm.end()]!r}: a job offer")
        for pm in BARE_PAY_RE.finditer(text):
            role = JOB_ROLE_RE.search(text, max(0, pm.start() - ROLE_BEFORE), min(len(text), pm.end() + ROLE_AFTER))
            if role is None:
                continue
            a.add_norm(CUE, "recruitment", pm.start(), pm.end(), analyser=self.name, rule="grammar:pay_per_time",
                       score=1.0, explanation=f"pay per unit of time {text[pm.start():pm.end()]!r} near the job "
                       f"word {role.group()!r}: a job offer")
        for lm in LEGAL_RETAIL_RE.finditer(text):
            a.add_norm(CUE, "cbd_legal", lm.start(), lm.end(), analyser=self.name, rule="grammar:legal_retail",
                       score=1.0, explanation=f"legal recreational retail {lm.group()!r}")
        drop = _thc_sold(text)
        seen: set[tuple[int, int, str]] = set()
        span = a.norm.span
        add = a.findings.append
        for m in self.matcher.find(a.norm):
            e = m.entry
            key = (m.start, m.end, e.value)
            if key in seen:  # the same word in the French and the English lexicon
                continue
            seen.add(key)
            if e.value in drop:
                continue
            how = self._how.get(id(e))
            if how is None:
                how = (1.0 if e.strength == "strong" else 0.5, f"{e.strength} {e.value} cue {e.term!r}")
                self._how[id(e)] = how
            add(Finding(CUE, e.value, *span(m.start, m.end), self.name, e.rule, *how))


def _thc_sold(text: str) -> frozenset[str]:
    """The legal-shop cue meanings a post selling THC cancels ("(THC 25%)", "THC gummies")."""
    if "thc" not in text:
        return frozenset()
    for m in THC_PCT_RE.finditer(text):
        value = float((m.group(1) or m.group(2)).replace(",", "."))
        if m.group(2) and "cbd" in text[max(0, m.start() - 6) : m.start()]:
            continue  # "CBD 15% THC <0.2%": the percentage is the CBD's
        if value > THC_LIMIT:
            return frozenset({"cbd_legal", "legit_commerce"})
    if THC_PRODUCT_RE.search(text):
        return frozenset({"legit_commerce"})
    return frozenset()
