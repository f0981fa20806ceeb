"""Triage cues: words and emoji that point to a sale, a recruitment, or a legitimate kind of post.

Each cue is a finding of kind "cue" whose value is the cue's meaning (`sale`, `recruitment`,
`news`, `cbd_legal`...). Cues are evidence for the verdict; the triage model weighs them with the
other findings. Lexicons: `data/<lang>/cues.toml` and `data/common/cues.toml`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..core import CUE, Analysis
from ..lexicon import load_merged
from .base import Analyser

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

    def analyse(self, a: Analysis) -> None:
        for m in self.matcher.find(a.norm):
            e = m.entry
            a.add_norm(CUE, e.value, m.start, m.end, analyser=self.name, rule=e.rule,
                       score=1.0 if e.strength == "strong" else 0.5,
                       explanation=f"{e.strength} {e.value} cue {e.term!r}")
