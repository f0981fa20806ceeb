"""`sentinelle serve`: arguments and the loopback default."""

from __future__ import annotations

from pathlib import Path

import pytest

from sentinelle.cli import build_parser
from sentinelle.cli_web import _loopback, cmd_serve


def test_serve_defaults_to_loopback() -> None:
    args = build_parser().parse_args(["serve", "--db", "x.db"])
    assert (args.command, args.host, args.port, args.db) == ("serve", "127.0.0.1", 8000, "x.db")


@pytest.mark.parametrize("host, loop", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                        ("127.0.0.2", True), ("0.0.0.0", False), ("192.0.2.7", False),
                                        ("example.org", False)])
def test_loopback(host: str, loop: bool) -> None:
    assert _loopback(host) is loop


def test_serve_runs_uvicorn_on_the_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    import uvicorn

    seen: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    args = build_parser().parse_args(["serve", "--db", str(tmp_path / "c.db"), "--host", "0.0.0.0", "--port", "9"])
    assert cmd_serve(args) == 0
    assert (seen["host"], seen["port"]) == ("0.0.0.0", 9) and seen["app"].state.web is not None  # type: ignore[attr-defined]
    err = capsys.readouterr().err
    assert "http://0.0.0.0:9/" in err and "warning" in err
