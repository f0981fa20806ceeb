"""End-to-end: `sentinelle analyze` on a small file, against golden output (tests/golden/)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from sentinelle.cli import main

GOLDEN = Path(__file__).parent / "golden"


def run(tmp_path: Path, *inputs: str) -> tuple[int, list[dict], Path]:
    out = tmp_path / "out.jsonl"
    code = main(["analyze", *inputs, "-o", str(out), "-j", "1"])
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    return code, lines, tmp_path / "out.rejects.jsonl"


def test_golden_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, rejects = run(tmp_path, str(GOLDEN / "analyze.input.jsonl"))
    expected_path = GOLDEN / "analyze.expected.jsonl"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_path.write_text("".join(json.dumps(x, ensure_ascii=False, sort_keys=True) + "\n" for x in lines),
                                 encoding="utf-8")
    expected = [json.loads(x) for x in expected_path.read_text(encoding="utf-8").splitlines()]
    for got, want in zip(lines, expected, strict=True):
        got["score"] = round(got["score"], 2)
        want["score"] = round(want["score"], 2)
        assert got == want, got["id"]
    # two bad lines: reported with file:line, kept in the rejects file, batch went on, status 1
    assert code == 1
    assert [x["id"] for x in lines] == ["g1", "g2", "g3", "g5", "g6", "g7"]
    rej = [json.loads(x) for x in rejects.read_text(encoding="utf-8").splitlines()]
    assert [r["source"].rsplit(":", 1)[1] for r in rej] == ["3", "5"]
    err = capsys.readouterr().err
    assert "analyze.input.jsonl:3: not JSON" in err and "analyze.input.jsonl:5" in err
    assert "8 read, 6 analysed, 2 rejected" in err
    assert "Traceback" not in err


def test_output_fields_follow_the_contract(tmp_path: Path) -> None:
    _, lines, _ = run(tmp_path, str(GOLDEN / "analyze.input.jsonl"))
    fields = {"id", "category", "score", "products", "prices", "handles", "phones", "places", "departments",
              "min_order", "payment", "delivery", "always_open", "prepayment", "promotion", "scam_signals",
              "minors_signals", "network", "evidence"}
    # the contract changes only by adding fields (docs/contract.md)
    added = {"former_handles", "prices_other_currencies"}
    for rec in lines:
        assert set(rec) == fields | added
        assert rec["category"] in ("sale", "recruitment", "other") and 0.0 <= rec["score"] <= 1.0
        for ev in rec["evidence"]:
            assert set(ev) == {"field", "start", "end", "text", "rule"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "0 read, 0 analysed, 0 rejected"),
        (b"\xff\xfe not utf8\n", "not valid UTF-8"),
        (b'{"id": "big", "text": "' + b"x" * (2 << 20) + b'"}\n', "MB limit"),
        (b'{"id": "1", "text": ["a"]}\n', "field 'text' must be a string, got list"),
    ],
)
def test_malformed_input_gives_a_message_never_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          content: bytes, message: str) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(content)
    run(tmp_path, str(bad))
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_missing_input_file_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _ = run(tmp_path, str(tmp_path / "nope.jsonl"))
    assert code == 1 and lines == [] and "nope.jsonl: no such file" in capsys.readouterr().err


def test_parallel_run_keeps_input_order(tmp_path: Path) -> None:
    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": f"🍁 {i % 50}g = {i % 90 + 10}€ livraison"}) + "\n"
                           for i in range(5000)), encoding="utf-8")
    out = tmp_path / "many.out.jsonl"
    assert main(["analyze", str(src), "-o", str(out), "-j", "2", "--quiet"]) == 0
    ids = [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [str(i) for i in range(5000)]


def test_network_ids_are_filled_without_touching_the_text(tmp_path: Path) -> None:
    """Records are re-emitted as lines with the network filled in: a text or id that looks like JSON
    must come out unchanged."""
    src = tmp_path / "net.jsonl"
    posts = [
        {"id": 'a"1', "author": "plug.one", "platform": "snapchat",
         "text": '🍁 10g 80€ livraison 📞 06 39 98 11 22 "network": null'},
        {"id": "b2", "author": "plug.two", "platform": "telegram", "text": "❄️ 1g 70€, appelle le 06 39 98 11 22"},
    ]
    src.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in posts), encoding="utf-8")
    out = tmp_path / "net.out.jsonl"
    assert main(["analyze", str(src), "-o", str(out), "-j", "1", "--quiet"]) == 0
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == ['a"1', "b2"]
    assert recs[0]["network"] and recs[0]["network"] == recs[1]["network"]  # the shared phone links them
    for e in recs[0]["evidence"]:  # spans still index the original text
        assert posts[0]["text"][e["start"]:e["end"]] == e["text"]
    out2 = tmp_path / "net2.out.jsonl"
    assert main(["analyze", str(src), "-o", str(out2), "-j", "1", "--quiet", "--no-networks"]) == 0
    assert all(json.loads(x)["network"] is None for x in out2.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("🍁 Amnesia 10g ➡️ 90€\n❄️ 1g 70\nlivraison Nantes 📞 06 39 98 45 12\n👻 snap: plug.nantes", "sale"),
        ("On recrute guetteurs et charbonneurs sur Nîmes, 120€ la journée, écris en privé", "recruitment"),
        ("Recette du gâteau au chocolat 🍫 : 200 g de chocolat noir, 3 œufs, 100 g de sucre", "other"),
    ],
)
def test_triage_only_gives_the_verdict_and_its_evidence_with_empty_fields(tmp_path: Path, text: str,
                                                                          category: str) -> None:
    src = tmp_path / "t.jsonl"
    src.write_text(json.dumps({"id": "t1", "text": text}, ensure_ascii=False) + "\nnot json\n", encoding="utf-8")
    out = tmp_path / "t.out.jsonl"
    assert main(["analyze", str(src), "-o", str(out), "--triage-only", "--quiet"]) == 1  # the bad line
    (rec,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    full = tmp_path / "full.out.jsonl"
    main(["analyze", str(src), "-o", str(full), "--quiet"])
    assert set(rec) == set(json.loads(full.read_text(encoding="utf-8").splitlines()[0]))  # the same contract
    assert rec["category"] == category and 0.0 <= rec["score"] <= 1.0
    assert rec["products"] == rec["prices"] == rec["handles"] == rec["phones"] == rec["places"] == []
    assert rec["min_order"] is None and rec["network"] is None and rec["prepayment"] == "none"
    assert rec["evidence"], "a verdict always comes with evidence"
    for e in rec["evidence"]:
        assert e["field"] == "category" and text[e["start"]:e["end"]] == e["text"] and e["rule"]
    assert (tmp_path / "t.out.rejects.jsonl").exists()
