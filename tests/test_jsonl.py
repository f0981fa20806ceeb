from __future__ import annotations

import json
from pathlib import Path

import pytest

from sentinelle.core import Post
from sentinelle.jsonl import Reject, dumps, read_posts


def lines_of(tmp_path: Path, data: bytes) -> list[Post | Reject]:
    p = tmp_path / "in.jsonl"
    p.write_bytes(data)
    return list(read_posts(str(p), max_line_bytes=1000))


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b"not json", "not JSON"),
        (b"[1, 2]", "expected a JSON object, got list"),
        (b'{"text": "x"}', "missing field 'id'"),
        (b'{"id": "1"}', "missing field 'text'"),
        (b'{"id": "1", "text": 5}', "field 'text' must be a string, got int"),
        (b'{"id": "1", "text": null}', "field 'text' must be a string, got NoneType"),
        (b'{"id": true, "text": "x"}', "field 'id' must be a non-empty string or an integer"),
        (b'{"id": "", "text": "x"}', "field 'id' must be a non-empty string or an integer"),
        (b'{"id": "1", "text": "x", "date": 2025}', "field 'date' must be a string, got int"),
        (b'{"id": "1", "text": "caf\xe9"}', "not valid UTF-8"),
        (b'{"id": "1", "text": "\\ud800"}', "not JSON"),  # a lone surrogate is no text
        (b'{"id": "1", "text": "x", "score": NaN}', "not JSON"),
        (b'{"id": "1", "text": "x"} trailing', "not JSON"),
        (b'{"id": "1", "text": "' + b"a" * 5000 + b'"}', "over the 0.0 MB limit"),
    ],
)
def test_each_bad_line_is_rejected_with_file_and_line(tmp_path: Path, line: bytes, message: str) -> None:
    good = b'{"id": 1, "text": "ok"}\n'
    items = lines_of(tmp_path, good + line + b"\n" + good)
    assert [type(x).__name__ for x in items] == ["Post", "Reject", "Post"]
    rej = items[1]
    assert isinstance(rej, Reject)
    assert message in rej.message
    assert rej.source.endswith("in.jsonl:2")
    json.dumps(rej.to_record())  # always serialisable


def test_empty_file_and_blank_lines(tmp_path: Path) -> None:
    assert lines_of(tmp_path, b"") == []
    assert [x.id for x in lines_of(tmp_path, b'\n\n{"id": 3, "text": "a"}\n  \n') if isinstance(x, Post)] == ["3"]


def test_posts_keep_their_fields_and_provenance(tmp_path: Path) -> None:
    rec = {"id": "a1", "text": "t", "platform": "snapchat", "author": "x", "date": "2025-01-01T00:00:00+01:00",
           "lang": "fr", "category": "sale"}
    (post,) = lines_of(tmp_path, json.dumps(rec).encode() + b"\n")
    assert isinstance(post, Post)
    assert (post.platform, post.author, post.lang) == ("snapchat", "x", "fr")
    assert post.source.endswith("in.jsonl:1")


def test_missing_file_is_a_reject_not_a_crash(tmp_path: Path) -> None:
    (rej,) = list(read_posts(str(tmp_path / "nope.jsonl")))
    assert isinstance(rej, Reject) and "cannot open" in rej.message


@pytest.mark.parametrize(
    "record",
    [
        {"id": 'p"1é', "text": "🍁 10g ➡️ 90€\n\tok \\ \u2028", "score": 0.1235, "network": None},
        {"id": 7, "prices": [{"quantity": 3.5, "price": 25}], "flags": [True, False]},
        {},
    ],
)
def test_output_lines_are_one_line_of_utf8_json(record: dict[str, object]) -> None:
    line = dumps(record)
    assert "\n" not in line  # one record, one line
    assert json.loads(line) == record
    if "id" in record and isinstance(record["id"], str):
        assert "é" in line
