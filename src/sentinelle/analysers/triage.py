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

from ..core import CUE, Analysis
from ..lexicon import data_dir
from ..model.features import features, token_features
from ..model.triage_model import TriageModel
from .base import Analyser


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
        pred = self.model.predict(features(a))
        a.category = pred.category
        a.score = pred.score
        a.notes["triage"] = {"probabilities": pred.probabilities,
                             "features": [(n, round(c, 3)) for n, c in pred.contributions]}
        tokens = None
        for name, weight in pred.contributions:
            if name.startswith(("t:", "b:")):
                if tokens is None:
                    tokens = {n: (s, e) for n, s, e in token_features(a)}
                span = tokens.get(name)
                if span is None:
                    continue
                word = a.norm.text[span[0]:span[1]]
                a.add_norm(CUE, pred.category, span[0], span[1], analyser=self.name,
                           rule=f"model:{name}", score=round(weight, 3),
                           explanation=f"the triage model weighs {word!r} toward {pred.category} (+{weight:.2f})")
