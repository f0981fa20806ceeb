"""A small store with real analyses (sale posts with phones and handles, hostile posts) and one
user per role; `login(client, role)` logs a TestClient in through the real form."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sentinelle import accounts, api
from sentinelle.collect import relink
from sentinelle.core import Post, Provenance
from sentinelle.store import FileInfo, open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from sentinelle.web.app import create_app

SHA = "b" * 64
PASSWORDS = {role: f"{role} passphrase 42" for role in accounts.ROLES}
ROLES = accounts.ROLES

# id, platform, author, date, text, meta
POSTS: list[tuple[str, str, str, str, str, tuple[tuple[str, str], ...]]] = [
    ("p1", "telegram", "PlugLyon69", "2025-03-01T10:00:00+01:00",
     "Beuh cali 10g 80€ livraison Lyon 7j/7, tel 06 12 34 56 78, snap @weed.lyon69 https://t.me/weedlyon69", ()),
    ("p2", "telegram", "PlugLyon69", "2025-03-08T10:00:00+01:00",
     "Cali dispo 10g 90€ Lyon, tel 06 12 34 56 78", ()),
    ("p3", "snapchat", "weed.lyon69", "2025-03-09T12:00:00+01:00",
     "Frappe dispo beuh 10g 85€ Villeurbanne, contact 06 12 34 56 78", ()),
    ("xss1", "telegram", "<script>alert('author')</script>", "2025-03-10T10:00:00+01:00",
     "<script>alert('x')</script> coke dispo 60€ le g livraison Paris, appel 07 11 22 33 44", ()),
    ("xss2", "telegram", "evil", "2025-03-11T10:00:00+01:00",
     "Cocaïne dispo <img src=x onerror=alert(1)> 70€ le g, javascript:alert(document.cookie) Marseille",
     (("url", "javascript:alert(document.cookie)"), ("link", "https://example.org/ok"))),
    ("rlo", "snapchat", "plug.lille", "2025-03-12T10:00:00+01:00",
     "weed dispo \u202egnp.exe 10g 90€ Lille snap plug.lille", ()),
    ("other1", "instagram", "cuisine_maman", "2025-03-13T10:00:00+01:00", "Recette de la tarte aux pommes", ()),
]
RAW_PHONE = "+33612345678"
RAW_PHONE_TEXT = "06 12 34 56 78"
RAW_HANDLES = ("weed.lyon69", "weedlyon69", "PlugLyon69", "https://t.me/weedlyon69")


def build_store(path: Path) -> None:
    posts = [Post(id=i, text=text, platform=pl, author=au, date=d, source=f"fixture.jsonl:{n + 1}",
                  provenance=Provenance(SHA, "fixture.jsonl", "", f"L{n + 1}"), meta=meta)
             for n, (i, pl, au, d, text, meta) in enumerate(POSTS)]
    with open_store(path) as store:
        store.add_posts(posts, file=FileInfo(SHA, "fixture.jsonl", format="jsonl"))
        run = store.start_run("analyse", {"test": 1})
        store.save_results(run, ((p.id, api.analyze_post(p).to_record()) for p in posts))
        store.finish_run(run, {})
        relink(store)
        for role in ROLES:
            accounts.add_user(store, role, role, PASSWORDS[role])
        store.obs_alert_add("k1", "watch", "watch handle weed.lyon69: 2 new posts", {"posts": ["p1"]})


@pytest.fixture(scope="session")
def db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "template.db"
    build_store(path)
    return path


@pytest.fixture
def db(db_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the fixture database for one test (tests write audit entries, reviews...)."""
    import sqlite3

    target = tmp_path / "case.db"
    src = sqlite3.connect(db_template)
    dst = sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    return target


@pytest.fixture
def app(db: Path) -> Any:
    return create_app(db)


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf-token" content="([^"]+)"', html) or re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "no CSRF token in the page"
    return m.group(1)


def login(client: TestClient, role: str, password: str | None = None) -> Any:
    page = client.get("/login")
    return client.post("/login", data={"username": role, "password": password or PASSWORDS[role],
                                       "csrf_token": csrf_of(page.text), "next": "/"}, follow_redirects=False)


@pytest.fixture
def client(app: Any) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


@pytest.fixture
def as_role(app: Any) -> Iterator[Any]:
    """as_role("analyst") -> a TestClient logged in with that role (one client per role)."""
    clients: dict[str, TestClient] = {}

    def get(role: str) -> TestClient:
        if role not in clients:
            c = TestClient(app)
            c.__enter__()
            r = login(c, role)
            assert r.status_code == 303, r.text
            clients[role] = c
        return clients[role]

    yield get
    for c in clients.values():
        c.__exit__(None, None, None)


def token(client: TestClient, path: str = "/") -> str:
    """The CSRF token of the logged-in client (from any page it may open)."""
    return csrf_of(client.get(path).text)
