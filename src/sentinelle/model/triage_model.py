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
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import compress, count, repeat
from operator import gt, itemgetter
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
        # Scoring a post is a sparse dot product over the features it has. Fact features (see
        # `Feature`) are few per post; token features are many, so they are numbered and their terms
        # and contributions kept in one array of doubles per class (8 bytes each, no float objects),
        # filled in one go: scoring a post then reads a few compact blocks of memory instead of
        # objects scattered over the whole model (fetching those costs more than the arithmetic).
        # The six doubles of a feature (its three terms, then its three contributions) lie side by
        # side in one array, read through one strided view per term and per contribution: a post's
        # features are spread over the whole array, and the other analysers push it out of the CPU
        # caches between posts, so each feature costs one memory fetch rather than one per array.
        self._names: list[str] = []  # token feature number -> name
        self._values = array("d")  # feature number i -> its terms and contributions at [6i, 6i + 6)
        # Token features indexed by shape: unigram feature, and the bigram features it starts by
        # second shape, so that scoring a post builds no feature strings (see `predict_words`).
        shapes: dict[str, tuple[int | None, dict[str, int] | None]] = {}
        canonical: dict[str, str] = {}  # one string object per shape (see `_word_info`)
        for name, w in self.weights.items():
            if name.startswith("t:"):
                number = self._number(name, w)
                shape = canonical.setdefault(name[2:], name[2:])
                uni, nxt = shapes.get(shape, (None, None))
                shapes[shape] = (number, nxt)
            elif name.startswith("b:") and " " in name[2:]:
                number = self._number(name, w)
                first, second = (canonical.setdefault(x, x) for x in name[2:].split(" ", 1))
                uni, nxt = shapes.get(first, (None, None))
                if nxt is None:
                    nxt = {}
                    shapes[first] = (uni, nxt)
                nxt[second] = number
        self._shapes = shapes
        self._canonical = canonical
        # (views made once the array is full: an array with views can no longer grow)
        view = memoryview(self._values)
        self._terms: tuple[Sequence[float], ...] = (view[0::6], view[1::6], view[2::6])
        self._contribs: tuple[Sequence[float], ...] = (view[3::6], view[4::6], view[5::6])
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

    def _number(self, name: str, w: tuple[float, float, float]) -> int:
        """Number a token feature: its name, terms and contributions (value TOKEN_WEIGHT) in the lists."""
        v = TOKEN_WEIGHT
        mean = (w[0] + w[1] + w[2]) / 3.0
        self._values.extend([v * w[0], v * w[1], v * w[2], v * (w[0] - mean), v * (w[1] - mean), v * (w[2] - mean)])
        self._names.append(name)
        return len(self._names) - 1

    def predict_words(self, facts: dict[str, float], words: list[str],
                      explain: int = 6) -> tuple[Prediction, dict[str, tuple[int, int]]]:
        """Score fact features plus the unigram and bigram features of a post's words (the texts of
        its normalised tokens, see `features.py`) without building feature strings; the same
        result, to the last bit, as `predict` on `facts` followed by the token features in the order
        of the words. Also returns, for each token feature among the explaining ones, its span as
        (first token index, last token index)."""
        used = self._facts(facts)
        try:  # posts reuse few words: nearly always all met before (no test per word)
            infos = list(map(self._words.__getitem__, words))
        except KeyError:  # a word not met yet
            known = self._words.get
            infos = [known(w) or self._word_info(w) for w in words]
        # token feature number -> where it first occurs, in order: 2 * the index of its (last) word,
        # + 1 for a bigram (a small int rather than a (first, last) tuple per feature: the spans of
        # the few features that explain are worked out from it below)
        first_at: dict[int, int] = {}
        put = first_at.setdefault
        prev_next: dict[str, int] = _NO_BIGRAMS
        for at, info in zip(count(0, 2), infos):
            if info is _SKIPPED:
                continue
            shape, uni, nxt = info
            if uni is not None:
                put(uni, at)
            bi = prev_next.get(shape)
            if bi is not None:
                put(bi, at + 1)
            prev_next = nxt
        tokens = list(first_at)
        pred, top = self._verdict(used, tokens, explain)
        n = len(used)
        spans: dict[str, tuple[int, int]] = {}
        for j in top:
            if j >= n:
                number = tokens[j - n]
                at = first_at[number]
                last = first = at >> 1
                if at & 1:  # a bigram: it starts at the word before, punctuation left out
                    first -= 1
                    while infos[first] is _SKIPPED:
                        first -= 1
                spans[self._names[number]] = (first, last)
        return pred, spans

    def _word_info(self, word: str) -> WordInfo:
        shape = token_shape(word)
        if shape is None:
            info = _SKIPPED
        else:
            # the shape as the very string object the bigram tables hold: a dict lookup that finds
            # the same object skips comparing the characters
            shape = self._canonical.get(shape, shape)
            uni, nxt = self._shapes.get(shape, (None, None))
            info = (shape, uni, _NO_BIGRAMS if nxt is None else nxt)
        if len(self._words) < 200_000:  # bounded: a stream of new words must not grow memory
            self._words[word] = info
        return info

    def predict(self, feats: dict[str, float], explain: int = 6) -> Prediction:
        return self._verdict(self._facts(feats), [], explain)[0]

    def _facts(self, feats: dict[str, float]) -> list[Feature]:
        """The known features of a dict, their terms multiplied by their values."""
        items = feats.items()
        out: list[Feature] = list(map(self._valued.get, items))  # type: ignore[arg-type]
        if None in out:  # None: a (feature, value) not met yet
            out = [f or self._valued_feature(*item) for f, item in zip(out, items, strict=True)]
        return [f for f in out if f is not _UNKNOWN] if _UNKNOWN in out else out

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

    def _verdict(self, used: list[Feature], tokens: list[int], explain: int) -> tuple[Prediction, list[int]]:
        """The prediction from the fact features of a post then its token features (numbers), and the
        indexes in `used` + `tokens` of the features that explain it, strongest first."""
        # Class scores: the intercept plus each used term, added in order. `sum` over floats adds
        # one after the other in C, exactly as a Python loop would (Python 3.11), only faster; the
        # sum of the facts is the start of the sum of the tokens, which continues it.
        terms = list(map(_SECOND, used))
        b0, b1, b2 = self.intercept
        t0, t1, t2 = self._terms
        pick = _picker(tokens)
        z0 = sum(pick(t0), sum(map(_FIRST, terms), b0))
        z1 = sum(pick(t1), sum(map(_SECOND, terms), b1))
        z2 = sum(pick(t2), sum(map(_THIRD, terms), b2))
        t = self.temperature
        m = max(z0, z1, z2)
        e0, e1, e2 = math.exp((z0 - m) / t), math.exp((z1 - m) / t), math.exp((z2 - m) / t)
        total = e0 + e1 + e2
        probs = (e0 / total, e1 / total, e2 / total)
        k = 0 if probs[0] >= probs[1] and probs[0] >= probs[2] else (1 if probs[1] >= probs[2] else 2)
        contributions: list[tuple[str, float]] = []
        top: list[int] = []
        if explain:
            # contribution toward the chosen class, relative to the mean of the three classes;
            # only positive ones explain, so the others are left out before ranking (a stable
            # sort: equal contributions keep their order)
            cs = list(map(_BY_CLASS[k], map(_THIRD, used)))
            cs += pick(self._contribs[k])
            positive = compress(range(len(cs)), map(gt, cs, repeat(0.0)))
            top = sorted(positive, key=cs.__getitem__, reverse=True)[:explain]
            n, names = len(used), self._names
            contributions = [(used[j][0] if j < n else names[tokens[j - n]], cs[j]) for j in top]
        pred = Prediction(CLASSES[k], dict(zip(CLASSES, probs, strict=True)), probs[0] + probs[1], contributions)
        return pred, top


# A fact feature with its value: (name, its terms per class, its contributions per class); a term
# is weight * value, a contribution (weight - mean of the three weights) * value, which is what the
# class scores and the explanations add up. Token features, whose value is always TOKEN_WEIGHT,
# keep theirs in the model's lists instead (see `TriageModel.__init__`).
Feature = tuple[str, tuple[float, float, float], tuple[float, float, float]]
# What a word of a post brings: (its shape, its unigram feature, the bigrams it starts by second shape),
# token features as their numbers
WordInfo = tuple[str, "int | None", "dict[str, int]"]
_NO_BIGRAMS: dict[str, int] = {}  # shared by the words that start no bigram feature; never filled
_SKIPPED: WordInfo = ("", None, _NO_BIGRAMS)
_UNKNOWN: Feature = ("", (0.0, 0.0, 0.0), (0.0, 0.0, 0.0))  # a fact feature the model does not know
_FIRST, _SECOND, _THIRD = itemgetter(0), itemgetter(1), itemgetter(2)
_BY_CLASS = (_FIRST, _SECOND, _THIRD)


def _picker(numbers: list[int]) -> Callable[[Sequence[float]], Sequence[float]]:
    """A function that picks the values at `numbers` from an array, in that order: an `itemgetter`,
    which does it in one C call (it returns a lone value rather than a tuple for one number)."""
    if len(numbers) > 1:
        return itemgetter(*numbers)
    return lambda values: [values[i] for i in numbers]


def save(doc: dict[str, Any], path: Path) -> None:
    """Write a model document reproducibly (sorted keys, rounded weights, gzip without timestamp)."""
    data = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(data)
