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
        seen: set[tuple[int, int, str]] = set()
        span = a.norm.span
        add = a.findings.append
        for m in self.matcher.find(a.norm):
            e = m.entry
            key = (m.start, m.end, e.value)
            if key in seen:  # the same word in the French and the English lexicon
                continue
            seen.add(key)
            how = self._how.get(id(e))
            if how is None:
                how = (1.0 if e.strength == "strong" else 0.5, f"{e.strength} {e.value} cue {e.term!r}")
                self._how[id(e)] = how
            add(Finding(CUE, e.value, *span(m.start, m.end), self.name, e.rule, *how))
