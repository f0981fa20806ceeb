"""The triage model artefact: a multinomial logistic regression stored as plain JSON.

The file (`data/models/triage.json.gz`) holds the classes, the intercepts, one weight vector per
feature (see `features.py`) and a temperature fitted on held-back data so that the probabilities
are calibrated. Plain JSON, not pickle: it loads without scikit-learn, cannot run code, diffs
and reviews like any data file, and is rebuilt bit for bit by `sentinelle train`.
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any

from ..errors import ModelError
from .features import TOKEN_WEIGHT, token_shape

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
        # Scoring a post is a sparse dot product over the features it has (see `Feature`).
        self._features: dict[str, Feature] = {name: _feature(name, w) for name, w in self.weights.items()}
        # Token features indexed by shape: unigram feature, and the bigram features it starts by
        # second shape, so that scoring a post builds no feature strings (see `predict_words`).
        shapes: dict[str, tuple[Feature | None, dict[str, Feature] | None]] = {}
        for name, feature in self._features.items():
            if name.startswith("t:"):
                uni, nxt = shapes.get(name[2:], (None, None))
                shapes[name[2:]] = (feature, nxt)
            elif name.startswith("b:") and " " in name[2:]:
                first, second = name[2:].split(" ", 1)
                uni, nxt = shapes.get(first, (None, None))
                if nxt is None:
                    nxt = {}
                    shapes[first] = (uni, nxt)
                nxt[second] = feature
        self._shapes = shapes
        # word of a post -> (its shape, unigram feature, bigram continuations); _SKIPPED for the
        # punctuation that features leave out. Filled as words are met: posts reuse few words.
        self._words: dict[str, WordInfo] = {}
        # (fact feature, value) -> the feature with its terms and contributions for that value
        self._valued: dict[tuple[str, float], Feature] = {}

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

    def predict_words(self, facts: dict[str, float], words: list[str],
                      explain: int = 6) -> tuple[Prediction, dict[str, tuple[int, int]]]:
        """Score fact features plus the unigram and bigram features of a post's words (the texts of
        its normalised tokens, see `features.py`) without building feature strings; the same
        result, to the last bit, as `predict` on `facts` followed by the token features in the order
        of the words. Also returns, for each token feature among the explaining ones, its span as
        (first token index, last token index)."""
        used = self._facts(facts)
        known: list[WordInfo | None] = list(map(self._words.get, words))  # None: a word not met yet
        infos: list[WordInfo] = ([info or self._word_info(w) for info, w in zip(known, words, strict=True)]
                                 if None in known else known)  # type: ignore[assignment]
        # token feature -> (feature, first token, last token) at its first occurrence, in order
        first_at: dict[str, tuple[Feature, int, int]] = {}
        put = first_at.setdefault
        prev_next: dict[str, Feature] | None = None
        prev_i = 0
        for i, info in enumerate(infos):
            if info is _SKIPPED:
                continue
            shape, uni, nxt = info
            if uni is not None:
                put(uni[0], (uni, i, i))
            if prev_next is not None:
                bi = prev_next.get(shape)
                if bi is not None:
                    put(bi[0], (bi, prev_i, i))
            prev_next, prev_i = nxt, i
        used += first_at.values()
        return self._verdict(used, explain)

    def _word_info(self, word: str) -> WordInfo:
        shape = token_shape(word)
        info: WordInfo = _SKIPPED if shape is None else (shape, *self._shapes.get(shape, (None, None)))
        if len(self._words) < 200_000:  # bounded: a stream of new words must not grow memory
            self._words[word] = info
        return info

    def predict(self, feats: dict[str, float], explain: int = 6) -> Prediction:
        return self._verdict(self._facts(feats), explain)[0]

    def _facts(self, feats: dict[str, float]) -> list[tuple[Feature, int, int]]:
        """The known features of a dict, their terms multiplied by their values (no span)."""
        out: list[tuple[Feature, int, int]] = []
        cache = self._valued
        for item in feats.items():
            f = cache.get(item)
            if f is None:
                f = self._valued_feature(*item)
            if f is not _UNKNOWN:
                out.append((f, -1, -1))
        return out

    def _valued_feature(self, name: str, value: float) -> Feature:
        w = self.weights.get(name)
        if w is None:
            f = _UNKNOWN
        else:
            mean = (w[0] + w[1] + w[2]) / 3.0
            f = (name, (value * w[0], value * w[1], value * w[2]),
                 (value * (w[0] - mean), value * (w[1] - mean), value * (w[2] - mean)))
        # fact features take few values (counts, line numbers), so a post's are nearly always here
        if len(self._valued) < 100_000:
            self._valued[(name, value)] = f
        return f

    def _verdict(self, used: list[tuple[Feature, int, int]],
                 explain: int) -> tuple[Prediction, dict[str, tuple[int, int]]]:
        # Class scores: the intercept plus each used term, added in order. `sum` over floats adds
        # one after the other in C, exactly as a Python loop would (Python 3.11), only faster.
        terms = [f[1] for f, _s, _e in used]
        b0, b1, b2 = self.intercept
        z0, z1, z2 = sum(map(_FIRST, terms), b0), sum(map(_SECOND, terms), b1), sum(map(_THIRD, terms), b2)
        t = self.temperature
        m = max(z0, z1, z2)
        e0, e1, e2 = math.exp((z0 - m) / t), math.exp((z1 - m) / t), math.exp((z2 - m) / t)
        total = e0 + e1 + e2
        probs = (e0 / total, e1 / total, e2 / total)
        k = 0 if probs[0] >= probs[1] and probs[0] >= probs[2] else (1 if probs[1] >= probs[2] else 2)
        contributions: list[tuple[str, float]] = []
        spans: dict[str, tuple[int, int]] = {}
        if explain:
            # contribution toward the chosen class, relative to the mean of the three classes;
            # only positive ones explain, so the others are left out before ranking
            scored = [(f[0], c, first, last) for f, first, last in used if (c := f[2][k]) > 0]
            # (heapq.nlargest's documented equivalent, faster on a few dozen items)
            top = sorted(scored, key=_SECOND, reverse=True)[:explain]
            contributions = [(name, c) for name, c, _first, _last in top]
            spans = {name: (first, last) for name, _c, first, last in top if first >= 0}
        pred = Prediction(CLASSES[k], dict(zip(CLASSES, probs, strict=True)), probs[0] + probs[1], contributions)
        return pred, spans


# A feature: (name, its terms per class, its contributions per class) for a value of TOKEN_WEIGHT,
# the value of every token feature; a term is weight * value, a contribution (weight - mean of
# the three weights) * value, which is what the class scores and the explanations add up.
Feature = tuple[str, tuple[float, float, float], tuple[float, float, float]]
# What a word of a post brings: (its shape, its unigram feature, the bigrams it starts by second shape)
WordInfo = tuple[str, "Feature | None", "dict[str, Feature] | None"]
_SKIPPED: WordInfo = ("", None, None)
_UNKNOWN: Feature = ("", (0.0, 0.0, 0.0), (0.0, 0.0, 0.0))  # a fact feature the model does not know
_FIRST, _SECOND, _THIRD = itemgetter(0), itemgetter(1), itemgetter(2)


def _feature(name: str, w: tuple[float, float, float]) -> Feature:
    v = TOKEN_WEIGHT
    mean = (w[0] + w[1] + w[2]) / 3.0
    return (name, (v * w[0], v * w[1], v * w[2]), (v * (w[0] - mean), v * (w[1] - mean), v * (w[2] - mean)))


def save(doc: dict[str, Any], path: Path) -> None:
    """Write a model document reproducibly (sorted keys, rounded weights, gzip without timestamp)."""
    data = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(data)
