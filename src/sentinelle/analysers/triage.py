"""Triage: sale, recruitment or other, with a calibrated score and the evidence behind it.

The verdict comes from the triage model (`model/triage_model.py`) over the facts the earlier
analysers found and the post's own words. The evidence is the set of findings that pushed the
verdict: cue findings of the meanings the model weighed most, and, when a word of the post
itself weighed, a `cue` finding on that word naming the model feature.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from ..core import CUE, Analysis, Finding
from ..lexicon import data_dir
from ..model.features import TOKEN_WEIGHT, fact_features, token_shapes
from ..model.triage_model import TriageModel
from .base import Analyser

_FACT_KINDS = ("products", "prices", "handles", "phones", "places", "departments", "min_order", "payment",
               "delivery", "always_open", "prepayment", "promotion", "scam_signals", "minors_signals")


@lru_cache(maxsize=4)
def _load(path: str) -> TriageModel:
    from pathlib import Path

    return TriageModel.load(Path(path))


class TriageAnalyser(Analyser):
    name = "triage"
    languages = ("*",)
    requires = ("products", "prices", "handles", "phones", "payment", "delivery", CUE)
    provides = ("category",)

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(options)
        path = data_dir() / str(self.options.get("model", "models/triage.json.gz"))
        self.model = _load(str(path))
        self.version = str(self.model.meta.get("version", "1"))

    def analyse(self, a: Analysis) -> None:
        facts = fact_features(a)
        facts["bias"] = 1.0
        pred, spans = self.model.predict_tokens(facts, token_shapes(a), TOKEN_WEIGHT, explain=8)
        a.category = pred.category
        a.score = pred.score
        a.notes["triage"] = {"probabilities": pred.probabilities,
                             "features": [(n, round(c, 3)) for n, c in pred.contributions]}
        a.because = self._because(a, pred.contributions, spans, pred.category)

    def _because(self, a: Analysis, contributions: list[tuple[str, float]], spans: dict[str, tuple[int, int]],
                 category: str) -> list[Finding]:
        """The findings behind the features that pushed the verdict most, strongest first."""
        out: list[Finding] = []
        seen: set[tuple[int, int]] = set()
        for name, weight in contributions:
            if name.startswith("f:cue:"):
                value = name.split(":")[2]
                found = [f for f in a.findings if f.value == value and f.kind == CUE]
            elif name.startswith("f:") and name[2:] in _FACT_KINDS:
                kind = name[2:]
                found = [f for f in a.findings if f.kind == kind]
            elif name.startswith(("t:", "b:")) and any(c.isalpha() for c in name[2:]):
                span = spans.get(name)
                if span is None:
                    continue
                word = a.norm.text[span[0]:span[1]]
                found = [a.add_norm(CUE, category, span[0], span[1], analyser=self.name, rule=f"model:{name}",
                                    score=round(weight, 3),
                                    explanation=f"the triage model weighs {word!r} toward {category} (+{weight:.2f})")]
            else:
                continue
            for f in found:
                key = (f.start, f.end)
                if key not in seen:
                    seen.add(key)
                    out.append(f)
        return out
