"""The triage model artefact: a multinomial logistic regression stored as plain JSON.

The file (`data/models/triage.json.gz`) holds the classes, the intercepts, one weight vector per
feature (see `features.py`) and a temperature fitted on held-back data so that the probabilities
are calibrated. Plain JSON, not pickle: it loads without scikit-learn, cannot run code, diffs
and reviews like any data file, and is rebuilt bit for bit by `sentinelle train`.
"""

from __future__ import annotations

import gzip
import heapq
import json
import math
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any

from ..errors import ModelError

FORMAT = "sentinelle-triage/1"
CLASSES = ("sale", "recruitment", "other")


@dataclass(frozen=True, slots=True)
class Prediction:
    category: str
    probabilities: dict[str, float]
    score: float  # P(sale) + P(recruitment): confidence that the post is illicit
    contributions: list[tuple[str, float]]  # (feature, contribution toward the category), largest first


class TriageModel:
    def __init__(self, doc: dict[str, Any], where: str = "triage model") -> None:
        if doc.get("format") != FORMAT:
            raise ModelError(f"unknown model format {doc.get('format')!r}, expected {FORMAT!r}", where=where)
        classes = tuple(doc.get("classes", ()))
        if classes != CLASSES:
            raise ModelError(f"model classes {classes} differ from {CLASSES}", where=where)
        try:
            self.intercept = [float(x) for x in doc["intercept"]]
            self.temperature = float(doc.get("temperature", 1.0))
            self.weights: dict[str, tuple[float, float, float]] = {
                k: (float(v[0]), float(v[1]), float(v[2])) for k, v in doc["weights"].items()}
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise ModelError(f"malformed model: {exc}", where=where) from None
        if len(self.intercept) != 3 or not self.temperature > 0:
            raise ModelError("malformed model: intercept or temperature", where=where)
        self.meta = {k: v for k, v in doc.items() if k not in ("weights", "intercept")}
        # token features indexed by token: unigrams by shape, bigrams by first then second shape,
        # so that scoring a post builds no feature strings (see predict_tokens)
        self.unigrams: dict[str, tuple[float, float, float]] = {}
        self.bigrams: dict[str, dict[str, tuple[float, float, float]]] = {}
        for name, w in self.weights.items():
            if name.startswith("t:"):
                self.unigrams[name[2:]] = w
            elif name.startswith("b:") and " " in name[2:]:
                first, second = name[2:].split(" ", 1)
                self.bigrams.setdefault(first, {})[second] = w

    @classmethod
    def load(cls, path: Path) -> TriageModel:
        try:
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                doc = json.load(fh)
        except FileNotFoundError:
            raise ModelError("model file not found; build it with `sentinelle train`", where=str(path)) from None
        except (OSError, json.JSONDecodeError, EOFError) as exc:
            raise ModelError(f"cannot read model: {exc}", where=str(path)) from None
        return cls(doc, str(path))

    def predict_tokens(self, facts: dict[str, float], shapes: list[tuple[str, int, int]], token_weight: float,
                       explain: int = 6) -> tuple[Prediction, dict[str, tuple[int, int]]]:
        """Score fact features plus the post's tokens (shape, start, end) without building the token
        feature strings; the same result as `predict` on `features()`. Also returns the spans of the
        token features that were used, by feature name."""
        weights = self.weights
        used = [(name, value, weights[name]) for name, value in facts.items() if name in weights]
        spans: dict[str, tuple[int, int]] = {}
        uni, bi = self.unigrams, self.bigrams
        prev = ""
        prev_start = 0
        for s, start, end in shapes:
            w = uni.get(s)
            if w is not None:
                name = "t:" + s
                if name not in spans:
                    spans[name] = (start, end)
                    used.append((name, token_weight, w))
            if prev:
                nxt = bi.get(prev)
                if nxt is not None:
                    w = nxt.get(s)
                    if w is not None:
                        name = "b:" + prev + " " + s
                        if name not in spans:
                            spans[name] = (prev_start, end)
                            used.append((name, token_weight, w))
            prev, prev_start = s, start
        return self._score(used, explain), spans

    def predict(self, feats: dict[str, float], explain: int = 6) -> Prediction:
        weights = self.weights
        return self._score([(name, value, weights[name]) for name, value in feats.items() if name in weights],
                           explain)

    def _score(self, used: list[tuple[str, float, tuple[float, float, float]]], explain: int) -> Prediction:
        z0, z1, z2 = self.intercept
        for _name, value, w in used:
            z0 += value * w[0]
            z1 += value * w[1]
            z2 += value * w[2]
        z = [z0, z1, z2]
        t = self.temperature
        m = max(z)
        exps = [math.exp((x - m) / t) for x in z]
        total = sum(exps)
        probs = [e / total for e in exps]
        k = max(range(3), key=lambda i: probs[i])
        contributions: list[tuple[str, float]] = []
        if explain:
            # contribution toward the chosen class, relative to the mean of the three classes
            scored = [(name, value * (w[k] - (w[0] + w[1] + w[2]) / 3.0)) for name, value, w in used]
            contributions = [x for x in heapq.nlargest(explain, scored, key=itemgetter(1)) if x[1] > 0]
        return Prediction(CLASSES[k], dict(zip(CLASSES, probs, strict=True)), probs[0] + probs[1], contributions)


def save(doc: dict[str, Any], path: Path) -> None:
    """Write a model document reproducibly (sorted keys, rounded weights, gzip without timestamp)."""
    data = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(data)
