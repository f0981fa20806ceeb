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


def test_demo_admin_is_created_then_reset_with_a_new_password(tmp_path: Path) -> None:
    from sentinelle import accounts, audit
    from sentinelle.demo import DEMO_ADMIN, demo_admin
    from sentinelle.store import open_store

    db = str(tmp_path / "demo.db")
    name, first = demo_admin(db)
    name2, second = demo_admin(db)
    assert name == name2 == DEMO_ADMIN and first != second and len(second) >= 12
    with open_store(db) as store:
        assert accounts.authenticate(store, name, first) is None  # the old password no longer works
        user = accounts.authenticate(store, name, second)
        assert user is not None and user.role == "admin" and user.active
        assert [e["action"] for e in audit.entries(store, user="demo")] == ["user_password", "user_add"]


def test_main_job_without_serving_returns_and_creates_no_login(tmp_path: Path) -> None:
    from sentinelle import accounts
    from sentinelle.demo import run_main_job
    from sentinelle.store import open_store

    db = str(tmp_path / "demo.db")
    buf = io.StringIO()
    assert run_main_job(db, serve=False, out=buf) == 0
    assert "Verdicts:" in buf.getvalue() and "http://" not in buf.getvalue()
    with open_store(db) as store:
        assert accounts.list_users(store) == []


def test_port_free_sees_a_port_in_use() -> None:
    import socket

    from sentinelle.demo import port_free

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        assert not port_free("127.0.0.1", s.getsockname()[1])
