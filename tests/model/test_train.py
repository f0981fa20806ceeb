"""The triage model: rebuilt bit for bit, loads without network or pickle, refuses bad files."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from sentinelle.errors import ModelError
from sentinelle.lexicon import data_dir
from sentinelle.model.train import train_default
from sentinelle.model.triage_model import TriageModel


def test_training_is_reproducible(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, b = tmp_path / "a" / "m.json.gz", tmp_path / "b" / "m.json.gz"
    report = train_default(output=str(a), generated=300)
    train_default(output=str(b), generated=300)
    assert a.read_bytes() == b.read_bytes()
    assert report["trained_on"]["handwritten"] > 100 and report["features"] > 100
    assert 0.0 <= report["handwritten_test"]["detection_f1"] <= 1.0
    # the quick model of `--triage-only`, built by the same command next to the full one
    qa, qb = a.with_name("m_quick.json.gz"), b.with_name("m_quick.json.gz")
    assert report["quick"]["model"] == str(qa) and qa.read_bytes() == qb.read_bytes()
    assert report["quick"]["features"] > 100 and 0.0 <= report["quick"]["handwritten_test"]["detection_f1"] <= 1.0
    assert TriageModel.load(qa).meta["features"] == "quick" and "features" not in TriageModel.load(a).meta


def test_bundled_model_is_small_and_plain_json() -> None:
    path = data_dir() / "models" / "triage.json.gz"
    assert path.stat().st_size < 2_000_000
    assert (data_dir() / "models" / "triage_quick.json.gz").stat().st_size < 2_000_000
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        doc = json.load(fh)
    assert doc["format"] == "sentinelle-triage/1" and doc["classes"] == ["sale", "recruitment", "other"]
    model = TriageModel(doc)
    pred = model.predict({"bias": 1.0, "f:prices": 1.0, "f:products": 1.0, "f:phones": 1.0})
    assert pred.category == "sale" and abs(sum(pred.probabilities.values()) - 1) < 1e-9


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not gzip", "cannot read model"),
        (gzip.compress(b"{}"), "unknown model format"),
        (gzip.compress(json.dumps({"format": "sentinelle-triage/1", "classes": ["a", "b", "c"]}).encode()),
         "model classes"),
        (gzip.compress(json.dumps({"format": "sentinelle-triage/1", "classes": ["sale", "recruitment", "other"],
                                   "intercept": [0, 0], "weights": {}}).encode()), "malformed model"),
    ],
)
def test_bad_model_files_are_refused_with_a_reason(tmp_path: Path, content: bytes, message: str) -> None:
    p = tmp_path / "m.json.gz"
    p.write_bytes(content)
    with pytest.raises(ModelError, match=message):
        TriageModel.load(p)


def test_missing_model_says_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="sentinelle train"):
        TriageModel.load(tmp_path / "nope.json.gz")


def test_chatty_copies_wrap_ads_in_chat_and_keep_their_labels(tmp_path: Path) -> None:
    from sentinelle.model.train import CHATTY_SHARE, chatty, repo_corpus

    records = [{"id": f"g{i}", "lang": "fr" if i % 2 else "en", "text": f"🍁 10g 80€ #{i}",
                "category": ("sale", "recruitment", "other")[i % 3]} for i in range(3000)]
    copies = chatty(records, repo_corpus() / "chat_frames.toml")
    assert copies == chatty(records, repo_corpus() / "chat_frames.toml")  # deterministic
    illicit = sum(r["category"] != "other" for r in records)
    assert 0.8 * CHATTY_SHARE * illicit < len(copies) < 1.2 * CHATTY_SHARE * illicit
    by_id = {r["id"]: r for r in records}
    for c in copies:
        original = by_id[c["id"].removesuffix("-chat")]
        assert c["category"] == original["category"] != "other"
        assert original["text"] in c["text"] and len(c["text"]) > len(original["text"]) + 10
    assert chatty(records, tmp_path / "absent.toml") == []
