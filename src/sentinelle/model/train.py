"""Build the triage model from the project's own corpus: `sentinelle train`.

Training data: posts from the corpus generator (fixed seed) and the hand-written cases of
`corpus/handwritten/train/`. The dev set of the shared folder is never used here. Every post
goes through the same analysers as at run time (all but triage), so the model learns from the
findings it will see. The result is deterministic for the same code, data and library versions.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..core import Post
from ..errors import ModelError
from ..lexicon import data_dir
from ..pipeline import Pipeline, load_config
from .features import features
from .triage_model import CLASSES, FORMAT, TriageModel, save

GENERATED = 30000
GENERATOR_SEED = 20250101
HANDWRITTEN_WEIGHT = 4.0
CHATTY_SHARE = 0.5  # of the generated sale and recruitment posts, also seen wrapped in chat (`chatty`)
MIN_DF = 3
C = 0.5
VERSION = "1"


def repo_corpus() -> Path:
    """`corpus/` at the top of a source checkout."""
    return Path(__file__).resolve().parents[3] / "corpus"


def read_gold(paths: Iterable[Path]) -> Iterator[dict[str, Any]]:
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ModelError(f"not JSON: {exc.msg}", where=f"{path}:{n}") from None
                if rec.get("category") not in CLASSES or not isinstance(rec.get("text"), str):
                    raise ModelError("needs 'text' and a 'category' among sale/recruitment/other",
                                     where=f"{path}:{n}")
                yield rec


def post_of(rec: dict[str, Any]) -> Post:
    return Post(id=str(rec["id"]), text=rec["text"], platform=rec.get("platform", ""),
                author=rec.get("author", ""), date=rec.get("date", ""), lang=rec.get("lang", ""))


def chatty(records: list[dict[str, Any]], frames_path: Path) -> list[dict[str, Any]]:
    """Copies of a share of the sale and recruitment posts among `records`, wrapped in everyday
    chat from `frames_path` ("salut tout le monde, petit message pour vous dire que ... bonne
    soirée"). The generator writes ads tersely and ordinary posts in sentences: without these the
    model learns that function words mean "other" and misses ads written as chat (voice-note
    transcripts, long announcements). Deterministic; none when the file is absent."""
    if not frames_path.exists():
        return []
    import tomllib

    try:
        frames = tomllib.loads(frames_path.read_text(encoding="utf-8"))
        pairs = {lang: (list(f["before"]), list(f["after"])) for lang, f in frames.items()}
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise ModelError(f"malformed chat frames: {exc}", where=str(frames_path)) from None
    rnd = random.Random(GENERATOR_SEED)
    out = []
    for r in records:
        if r["category"] == "other" or rnd.random() >= CHATTY_SHARE:
            continue
        before, after = pairs.get(r.get("lang", "fr"), pairs.get("fr", ([""], [""])))
        sep = rnd.choice((" ", "\n"))
        text = rnd.choice(before) + sep + r["text"] + sep + rnd.choice(after)
        out.append({**r, "id": f"{r['id']}-chat", "text": text})
    return out


def feature_pipeline() -> Pipeline:
    cfg = load_config()
    cfg["analysers"] = [n for n in cfg["analysers"] if n != "triage"]
    cfg["options"] = {k: v for k, v in cfg["options"].items() if k != "triage"}
    return Pipeline(cfg)


def _fit(X: list[dict[str, float]], y: list[str], w: list[float]) -> tuple[Any, Any]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sparse=True, sort=True)
    M = vec.fit_transform(X)
    clf = LogisticRegression(C=C, max_iter=3000, fit_intercept=True)
    clf.fit(M, [CLASSES.index(c) for c in y], sample_weight=w)
    return vec, clf


def _doc(vec: Any, clf: Any, temperature: float, meta: dict[str, Any]) -> dict[str, Any]:
    names = vec.get_feature_names_out()
    coef = clf.coef_  # (3, n_features), rows in CLASSES order (labels 0, 1, 2)
    weights = {}
    for j, name in enumerate(names):
        col = [round(float(coef[i, j]), 4) for i in range(3)]
        if max(abs(c) for c in col) >= 1e-3:
            weights[str(name)] = col
    return {"format": FORMAT, "classes": list(CLASSES), "intercept": [round(float(b), 4) for b in clf.intercept_],
            "temperature": round(temperature, 3), "weights": weights, **meta}


def _nll(model: TriageModel, X: list[dict[str, float]], y: list[str]) -> float:
    total = 0.0
    for x, label in zip(X, y, strict=True):
        p = model.predict(x, explain=0).probabilities[label]
        total -= math.log(max(p, 1e-12))
    return total / max(len(X), 1)


def _prune(X: list[dict[str, float]]) -> list[dict[str, float]]:
    df = Counter(k for x in X for k in x if k.startswith(("t:", "b:")))
    return [{k: v for k, v in x.items() if not k.startswith(("t:", "b:")) or df[k] >= MIN_DF} for x in X]


def _files_digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def train_default(output: str | None = None, corpus: str | None = None, generated: int = GENERATED) -> dict[str, Any]:
    """Build the full triage model and the quick one (`--triage-only`, see `quick.py`) from the
    same posts; the quick one goes next to the full one as `<name>_quick.json.gz`."""
    from ..corpus.generator import generate

    root = Path(corpus) if corpus else repo_corpus()
    hw_files = sorted((root / "handwritten" / "train").glob("*.jsonl"))
    if not hw_files:
        raise ModelError("no hand-written training files (expected handwritten/train/*.jsonl)", where=str(root))
    pipeline = feature_pipeline()
    gen = list(generate(generated, seed=GENERATOR_SEED))
    chat = chatty(gen, root / "chat_frames.toml")
    gen += chat
    hw = list(read_gold(hw_files))
    y = [r["category"] for r in gen] + [r["category"] for r in hw]
    w = [1.0] * len(gen) + [HANDWRITTEN_WEIGHT] * len(hw)
    trained_on = {"generated": generated, "generator_seed": GENERATOR_SEED, "chatty_copies": len(chat),
                  "handwritten": len(hw),
                  "handwritten_sha256": _files_digest(hw_files), "categories": dict(sorted(Counter(y).items()))}
    path = Path(output) if output else data_dir() / "models" / "triage.json.gz"
    quick_path = path.with_name(path.name.removesuffix(".json.gz") + "_quick.json.gz")
    test_files = sorted((root / "handwritten" / "test").glob("*.jsonl"))
    test = list(read_gold(test_files))
    report: dict[str, Any] = {}
    for kind, target in (("full", path), ("quick", quick_path)):
        featurise_one = _full_features(pipeline) if kind == "full" else _quick_features(pipeline)
        X = _prune([featurise_one(post_of(r)) for r in [*gen, *hw]])
        meta: dict[str, Any] = {"version": VERSION, "C": C, "min_df": MIN_DF, "trained_on": trained_on}
        if kind == "quick":
            meta["features"] = "quick"
        doc = _train(X, y, w, meta)
        save(doc, target)
        part: dict[str, Any] = {"model": str(target), "features": len(doc["weights"]),
                                "temperature": doc["temperature"], "size_bytes": target.stat().st_size}
        if test:
            part["handwritten_test"] = evaluate(TriageModel(doc), test, featurise_one)
        if kind == "full":
            report.update(part)
            report.update({k: v for k, v in doc.items() if k in ("version", "C", "min_df", "trained_on")})
        else:
            report["quick"] = part
    return report


def _full_features(pipeline: Pipeline) -> Callable[[Post], dict[str, float]]:
    return lambda post: features(pipeline.analyse(post))


def _quick_features(pipeline: Pipeline) -> Callable[[Post], dict[str, float]]:
    from .quick import quick_features

    quick = quick_features()
    return lambda post: quick.features(pipeline.prepare(post))


def _train(X: list[dict[str, float]], y: list[str], w: list[float], meta: dict[str, Any]) -> dict[str, Any]:
    # temperature: fitted on a held-back fifth, then the model is refitted on everything
    idx = list(range(len(X)))
    random.Random(7).shuffle(idx)
    cut = len(idx) // 5
    back, fit = idx[:cut], idx[cut:]
    vec, clf = _fit([X[i] for i in fit], [y[i] for i in fit], [w[i] for i in fit])
    probe = TriageModel(_doc(vec, clf, 1.0, {}))
    Xb, yb = [X[i] for i in back], [y[i] for i in back]
    best_t = min((t / 20 for t in range(4, 81)), key=lambda t: _nll(_with_t(probe, t), Xb, yb))
    vec, clf = _fit(X, y, w)
    return _doc(vec, clf, best_t, meta)


def _with_t(model: TriageModel, t: float) -> TriageModel:
    model.temperature = t
    return model


def evaluate(model: TriageModel, records: list[dict[str, Any]],
             featurise_one: Callable[[Post], dict[str, float]]) -> dict[str, Any]:
    """Detection and recruitment P/R/F1 and the hard negatives flagged, on labelled records."""
    tp = fp = fn = rtp = rfp = rfn = 0
    flagged = []
    for rec in records:
        pred = model.predict(featurise_one(post_of(rec)), explain=0).category
        gold = rec["category"]
        gi, pi = gold != "other", pred != "other"
        tp += gi and pi
        fp += pi and not gi
        fn += gi and not pi
        rtp += gold == pred == "recruitment"
        rfp += pred == "recruitment" and gold != "recruitment"
        rfn += gold == "recruitment" and pred != "recruitment"
        if pi and not gi:
            flagged.append(rec["id"])
    return {"posts": len(records), "detection_f1": _f1(tp, fp, fn), "recruitment_f1": _f1(rtp, rfp, rfn),
            "hard_negatives_flagged": flagged}


def _f1(tp: int, fp: int, fn: int) -> float:
    return round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0
