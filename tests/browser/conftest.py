"""Browser tests: Playwright for Python driving Debian's chromium against the real app served by uvicorn.

The session builds a small case in a temporary directory through the normal library (a JSONL export
and a screenshot rendered here with Pillow, ingested and analysed by `sentinelle.collect.ingest`,
networks linked, observatory refreshed), adds one user per role with `sentinelle.accounts`, and
serves `create_app` with uvicorn on 127.0.0.1 and a free port in a background thread.

Every test gets a fresh browser context whose page fails the test when a JavaScript dialog opens
(alert/confirm/prompt: what an executed hostile post would do), when the page throws, or when the
console reports a Content-Security-Policy violation. Screenshots go to tests/browser/artifacts/.

Skipped (with the reason) only when /usr/bin/chromium is missing; `./run setup` installs it.
`playwright install` is never needed: the browser is Debian's.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
PASSWORDS = {role: f"{role} browser passphrase 7" for role in ("admin", "analyst", "reviewer", "researcher")}
TIMEOUT_MS = 30_000

# The vendor network: two accounts on two platforms sharing a phone and advertising each other.
NET_PHONE_TEXT = "06 12 34 56 78"
NET_PHONE = "+33612345678"
NET_HANDLES = ("pluglyon69", "weed.lyon69")
# Hostile posts (post text and author names are attacker-controlled).
HOSTILE = {
    "script": "<script>alert(1)</script> coke dispo 60€ le g livraison Paris",
    "img": "Cocaïne dispo <img src=x onerror=alert(1)> 70€ le g Marseille",
    "js": "weed 10g 90€ Lille, menu ici javascript:alert(1) et [clique](javascript:alert(1))",
    "rlo": "weed dispo \u202egnp.exe 10g 90€ Lille snap plug.lille",
}
HOSTILE_AUTHOR = "<img src=x onerror=alert('author')>"


def _posts() -> list[dict[str, Any]]:
    """A few dozen posts: weekly sales with prices in Lyon (69) and Marseille (13), a cross-platform
    vendor network, recruitment and other posts, and the hostile ones."""
    posts: list[dict[str, Any]] = []

    def add(pid: str, platform: str, author: str, date: str, text: str, **extra: Any) -> None:
        posts.append({"id": pid, "platform": platform, "author": author, "date": date, "text": text, **extra})

    for week in range(8):
        day = 3 + 7 * week
        month, dom = (3, day) if day <= 31 else (4, day - 31)
        d = f"2025-{month:02d}-{dom:02d}T1{week % 10}:00:00+01:00"
        add(f"lyon-tg-{week}", "telegram", "PlugLyon69", d,
            f"Beuh 10g {80 + week}€ dispo Lyon (69), livraison 7j/7, tel {NET_PHONE_TEXT}, snap @weed.lyon69")
        add(f"lyon-snap-{week}", "snapchat", "weed.lyon69", d.replace("T1", "T2", 1),
            f"Frappe dispo beuh 10g {85 + week}€ Villeurbanne 69, contact {NET_PHONE_TEXT}, tg @PlugLyon69")
        add(f"mrs-{week}", "telegram", "coke_marseille13", d,
            f"Coke pure 1g {60 + 2 * week}€ Marseille 13 livraison rapide, tel 07 55 44 33 {20 + week}")
    add("recruit-1", "telegram", "PlugLyon69", "2025-03-20T18:00:00+01:00",
        "On recrute guetteur et livreur sur Lyon, 150€ la journée, contact en privé")
    add("other-1", "instagram", "cuisine_maman", "2025-03-13T10:00:00+01:00",
        "Recette de la tarte aux pommes du dimanche")
    add("other-2", "twitter", "meteo_lyon", "2025-03-14T08:00:00+01:00", "Grand soleil sur Lyon aujourd'hui, 18 degrés")
    for n, (key, text) in enumerate(HOSTILE.items()):
        extra = {"url": "javascript:alert(1)"} if key == "js" else {}
        add(f"hostile-{key}", "telegram", HOSTILE_AUTHOR if key == "img" else f"evil_{key}",
            f"2025-04-1{n}T10:00:00+02:00", text, **extra)
    return posts


def _screenshot(path: Path) -> None:
    """A menu screenshot as a story would show it (large dark text on white)."""
    from PIL import Image, ImageDraw, ImageFont

    font: Any
    for d in ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu"):
        if (Path(d) / "DejaVuSans.ttf").exists():
            font = ImageFont.truetype(str(Path(d) / "DejaVuSans.ttf"), 44)
            break
    else:
        font = ImageFont.load_default(size=44)
    im = Image.new("RGB", (720, 900), (255, 255, 255))
    draw = ImageDraw.Draw(im)
    for i, line in enumerate(("MENU LYON", "Beuh cali 10g 80€", "Coke 1g 70€", "Livraison 7j/7")):
        draw.text((60, 100 + 80 * i), line, font=font, fill=(10, 10, 10))
    im.save(path, "PNG")


@dataclass
class Case:
    """The served case: its address, database, the post ids by fixture name, what the OCR read."""

    url: str
    db: Path
    ids: dict[str, str]
    ocr_id: str | None
    networks: list[dict[str, Any]] = field(default_factory=list)

    def store(self) -> Any:
        from sentinelle.store import open_store

        return open_store(self.db)


def _build(root: Path) -> tuple[Path, dict[str, str], str | None, list[dict[str, Any]]]:
    from sentinelle import accounts, observatory
    from sentinelle.collect import ingest, networks
    from sentinelle.ingest.ocr import ocr_hook
    from sentinelle.store import open_store

    export = root / "export" / "posts.jsonl"
    export.parent.mkdir(parents=True)
    export.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in _posts()), encoding="utf-8")
    shot = root / "export" / "story.png"
    _screenshot(shot)
    db = root / "case.db"
    with open_store(db) as store:
        report = ingest([export], store)
        assert report.added == len(_posts()) and not report.rejected, report.to_record()
        ocr_id = None
        try:
            ocr_report = ingest([shot], store, ocr_hook=ocr_hook)
            ocr_id = next((p["id"] for p in store.export_posts() if p["id"].endswith(":ocr")), None)
            if ocr_report.rejected:
                ocr_id = None
        except Exception:  # no tesseract: the OCR test says so and skips
            ocr_id = None
        ids = {}
        for p in store.export_posts():
            sid = (p.get("meta") or {}).get("source_id")
            if sid:
                ids[str(sid)] = p["id"]
        nets = networks(store, relink_first=True)
        observatory.refresh(store, force=True)
        for role, password in PASSWORDS.items():
            accounts.add_user(store, role, role, password)
    return db, ids, ocr_id, nets


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Case]:
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing (Debian package chromium; `./run setup` installs it)")
    import uvicorn

    from sentinelle.web.app import create_app

    root = tmp_path_factory.mktemp("browser")
    db, ids, ocr_id, nets = _build(root)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning",
                                           access_log=False, lifespan="off"))
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the web app did not start")
        time.sleep(0.05)
    try:
        yield Case(f"http://127.0.0.1:{port}", db, ids, ocr_id, nets)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser(case: Case, chromium: Any) -> Iterator[Any]:
    ARTIFACTS.mkdir(exist_ok=True)
    yield chromium  # the run's one browser (tests/conftest.py)


@dataclass
class Watch:
    """What a page did that a test must not allow: dialogs, uncaught errors, CSP violations."""

    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)

    @property
    def csp_violations(self) -> list[str]:
        return [m for m in self.console if "Content Security Policy" in m or "Content-Security-Policy" in m]

    def assert_clean(self) -> None:
        assert not self.dialogs, f"a JavaScript dialog opened (a post ran code?): {self.dialogs}"
        assert not self.errors, f"uncaught page errors: {self.errors}"
        assert not self.csp_violations, f"CSP violations: {self.csp_violations}"


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def page(browser: Any, case: Case, watch: Watch, request: pytest.FixtureRequest) -> Iterator[Any]:
    context = browser.new_context(base_url=case.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    pg = context.new_page()

    def on_dialog(dialog: Any) -> None:
        watch.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.on("pageerror", lambda err: watch.errors.append(str(err)))
    pg.on("console", lambda msg: watch.console.append(f"{msg.type}: {msg.text}"))
    try:
        yield pg
        watch.assert_clean()
    finally:
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
        with contextlib.suppress(Exception):  # a screenshot is a keepsake, never why a test fails
            pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        context.close()


@pytest.fixture
def login(page: Any) -> Callable[[str], Any]:
    """login(role): log the page in through the real form; returns the page."""

    def do(role: str) -> Any:
        page.goto("/login")
        page.fill("#login-form input[name=username]", role)
        page.fill("#login-form input[name=password]", PASSWORDS[role])
        page.click("#login-form button[type=submit]")
        page.wait_for_url(lambda url: "/login" not in url)
        return page

    return do
