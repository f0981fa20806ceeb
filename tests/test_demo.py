"""The README's main job, end to end on the bundled sample corpus."""

from __future__ import annotations

import io
import json
from pathlib import Path

from sentinelle.demo import run_demo, sample_path


def test_demo_ingests_the_sample_and_explains_what_came_out(tmp_path: Path) -> None:
    buf = io.StringIO()
    db = str(tmp_path / "demo.db")
    out = tmp_path / "analysis.jsonl"
    assert run_demo(db, output=str(out), out=buf) == 0
    text = buf.getvalue()
    n = sum(1 for _ in sample_path().open(encoding="utf-8"))
    assert f"{n} synthetic posts" in text
    for heading in ("Verdicts:", "Most advertised products:", "Vendor networks:", "why:"):
        assert heading in text
    posts = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(posts) == n and all(p["category"] in ("sale", "recruitment", "other") for p in posts)
    # a second run adds nothing and still summarises
    buf2 = io.StringIO()
    run_demo(db, out=buf2)
    assert "nothing was added" in buf2.getvalue()
