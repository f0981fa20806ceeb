"""Export files: JSONL and CSV round-trips."""

from __future__ import annotations

import csv
import io
import json

import pytest

from sentinelle.store import EXPORT_FIELDS, Store
from sentinelle.store.export import write


def test_jsonl_round_trip(filled: Store) -> None:
    buf = io.StringIO()
    assert write(filled.export_posts(), buf, "jsonl") == 6
    lines = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert lines == list(filled.export_posts())


def test_csv_round_trip(filled: Store) -> None:
    buf = io.StringIO()
    assert write(filled.export_posts(), buf, "csv") == 6
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert tuple(rows[0]) == EXPORT_FIELDS
    t1 = rows[0]
    assert t1["id"] == "t1" and t1["text"] == "Cocaïne pure dispo, livraison Lyon 7j/7"
    assert t1["date"] == "2024-03-01T10:00:00+01:00" and t1["delivery"] == "true"
    assert json.loads(t1["products"]) == ["cocaine"]
    assert json.loads(t1["provenance"])["locator"] == "0"
    assert rows[5]["date"] == "" and rows[5]["min_order"] == ""


def test_unknown_format(filled: Store) -> None:
    with pytest.raises(ValueError, match="jsonl, csv"):
        write(filled.export_posts(), io.StringIO(), "xml")
