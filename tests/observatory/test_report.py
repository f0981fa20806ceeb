from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from sentinelle.cli import main
from sentinelle.corpus.generator import generate
from sentinelle.store import open_store

from .conftest import load_gold

ARTEFACTS = Path(__file__).resolve().parents[2] / "artefacts" / "observatory"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("report")
    db = tmp / "r.db"
    gold: list[dict[str, Any]] = list(generate(4000, seed=21))
    with open_store(db) as store:
        load_gold(store, gold)
    out = tmp / "report.html"
    assert main(["events", "--db", str(db)]) == 0
    assert main(["report", "trends", "--db", str(db), "--since", "2025-02-01", "--until", "2025-11-30",
                 "-o", str(out)]) == 0
    return out


def test_report_is_self_contained(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert page.count("<svg") >= 3 and "<table id='departments'>" in page and "<table id='events'>" in page
    assert "Unit price over time" in page and "reference 66" in page  # cocaine's reference line


def test_report_renders_in_chromium_offline(report: Path, chromium: Any) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    ctx = chromium.new_context(offline=True, viewport={"width": 1280, "height": 900})
    try:
        page = ctx.new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(report.as_uri())
        charts = page.locator("svg.chart")
        assert charts.count() >= 3
        for i in range(charts.count()):
            box = charts.nth(i).bounding_box()
            assert box is not None and box["width"] > 100 and box["height"] > 50
        assert page.locator("#prices svg polyline").count() >= 1
        assert page.locator("#volume svg rect").count() >= 10
        assert page.locator("#networks svg rect").count() >= 1
        assert page.locator("#events tr").count() >= 2
        assert all(u.startswith("file:") for u in requests), requests
        page.screenshot(path=str(ARTEFACTS / "trends-report.png"), full_page=True)
    finally:
        ctx.close()
    assert (ARTEFACTS / "trends-report.png").stat().st_size > 10_000
