"""Writing export objects (`Store.export_posts()`, `Store.search()`) as JSONL or CSV.

JSONL keeps every object as is, one per line. CSV has one column per key of `EXPORT_FIELDS`;
nested values (provenance, meta, lists, objects) are written as compact JSON in their cell, so
the file opens in a spreadsheet and still loses nothing.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from . import EXPORT_FIELDS

FORMATS = ("jsonl", "csv")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_jsonl(objects: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for obj in objects:
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(objects: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """CSV with a header row; keys beyond EXPORT_FIELDS (later contract fields) are dropped."""
    w = csv.writer(out, lineterminator="\n")
    w.writerow(EXPORT_FIELDS)
    n = 0
    for obj in objects:
        w.writerow([_cell(obj.get(k)) for k in EXPORT_FIELDS])
        n += 1
    return n


def write(objects: Iterable[dict[str, Any]], out: IO[str], fmt: str = "jsonl") -> int:
    """Write objects in `fmt` (jsonl or csv); returns how many were written."""
    if fmt == "jsonl":
        return write_jsonl(objects, out)
    if fmt == "csv":
        return write_csv(objects, out)
    raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
