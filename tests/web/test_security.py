"""CSRF, security headers, cookies, XSS-safe rendering, pseudonyms for researchers, hostile search
input, login throttling and the audit trail."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from sentinelle import audit
from sentinelle.store import open_store
from sentinelle.web.app import CSP

from .conftest import PASSWORDS, RAW_HANDLES, RAW_PHONE, RAW_PHONE_TEXT, TestClient, csrf_of, login, token

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "sentinelle" / "web" / "templates"

POSTS_WITH_FORMS: list[tuple[str, dict[str, str]]] = [
    ("/posts/p1/findings/0/review", {"action": "confirm"}),
    ("/watchlists", {"kind": "term", "value": "beuh"}),
    ("/alerts/1/status", {"status": "seen"}),
    ("/export", {"justification": "case 42 file", "format": "csv"}),
    ("/users", {"name": "newbie", "role": "reviewer", "password": "newbie passphrase"}),
    ("/users/reviewer/disable", {}),
    ("/watchlists/1/remove", {}),
    ("/import", {}),
    ("/logout", {}),
]


@pytest.mark.parametrize("path, data", POSTS_WITH_FORMS)
def test_post_without_or_with_a_wrong_csrf_token_is_refused(as_role: Any, path: str, data: dict[str, str]) -> None:
    client = as_role("admin")
    good = token(client)
    for extra, headers in (({}, {}), ({"csrf_token": "0" * 64}, {}), ({}, {"X-CSRF-Token": "nope"}),
                           ({"csrf_token": good[:-1] + ("0" if good[-1] != "0" else "1")}, {})):
        r = client.post(path, data={**data, **extra}, headers=headers, follow_redirects=False)
        assert r.status_code == 403, (path, extra, headers, r.status_code)
    # the same request with the token (form field or htmx header) goes through
    r = client.post(path, data=data, headers={"X-CSRF-Token": good}, follow_redirects=False)
    assert r.status_code not in (401, 403) and r.status_code < 500, (path, r.status_code)


def test_a_token_from_another_session_is_refused(as_role: Any) -> None:
    admin, analyst = as_role("admin"), as_role("analyst")
    r = analyst.post("/watchlists", data={"kind": "term", "value": "x", "csrf_token": token(admin)},
                     follow_redirects=False)
    assert r.status_code == 403


def test_login_needs_the_csrf_token(client: TestClient) -> None:
    client.get("/login")
    r = client.post("/login", data={"username": "admin", "password": PASSWORDS["admin"]}, follow_redirects=False)
    assert r.status_code == 403
    assert "sentinelle_session" not in client.cookies


@pytest.mark.parametrize("path", ["/login", "/feed", "/static/app.js", "/static/vendor/htmx.min.js", "/nowhere",
                                  "/api/overview", "/posts/none"])
def test_security_headers_on_every_response(as_role: Any, path: str) -> None:
    r = as_role("analyst").get(path, follow_redirects=False)
    assert r.headers["content-security-policy"] == CSP
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP and "unsafe-eval" not in CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert r.headers["x-frame-options"] == "DENY"
    if not path.startswith("/static/"):
        assert r.headers["cache-control"] == "no-store"


@pytest.mark.parametrize("base, secure", [("http://testserver", False), ("https://testserver", True)])
def test_session_cookie_flags(app: Any, base: str, secure: bool) -> None:
    with TestClient(app, base_url=base) as c:
        r = login(c, "analyst")
        assert r.status_code == 303
        cookie = next(v for k, v in r.headers.multi_items() if k == "set-cookie" and "sentinelle_session=" in v)
        low = cookie.lower()
        assert "httponly" in low and "samesite=strict" in low and "path=/" in low
        assert ("secure" in low.replace("samesite", "")) is secure


def test_templates_have_no_inline_script_style_or_safe_filter() -> None:
    for t in TEMPLATES.glob("*.html"):
        text = t.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), f"{t.name}: inline script"
        assert not re.search(r"\sstyle\s*=", text), f"{t.name}: style attribute"
        assert "<style" not in text, f"{t.name}: style element"
        assert not re.search(r"\son[a-z]+\s*=", text), f"{t.name}: event handler attribute"
        assert "|safe" not in text.replace(" ", ""), f"{t.name}: |safe"


HOSTILE = ["/feed", "/feed?q=dispo", "/posts/xss1", "/posts/xss2", "/posts/rlo", "/accounts/snapchat:plug.lille",
           "/accounts/telegram:evil"]


@pytest.mark.parametrize("role", ["analyst", "researcher"])
def test_hostile_posts_render_inert(as_role: Any, role: str) -> None:
    client = as_role(role)
    for path in HOSTILE:
        r = client.get(path)
        assert r.status_code == 200, path
        body = r.text
        assert "<script>alert" not in body and "<img src=x" not in body, path
        assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", body, re.IGNORECASE), path
        assert "\u202e" not in body, path
        assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", body) is None, path  # only our own script files
    post = client.get("/posts/xss1").text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in post
    rlo = client.get("/posts/rlo").text
    assert '<span class="ctl">U+202E</span>' in rlo
    xss2 = client.get("/posts/xss2").text
    assert "&lt;img src=x onerror=alert(1)&gt;" in xss2
    if role == "analyst":  # an http(s) link from the importer's metadata is a link; javascript: never
        assert 'href="https://example.org/ok"' in xss2
        assert "javascript:alert(document.cookie)" in xss2  # shown as text


def _researcher_pages(client: TestClient, db: Any) -> dict[str, str]:
    with open_store(db) as s:
        net = s.networks()[0]["id"]
    pages = {p: client.get(p).text for p in (
        "/", "/feed", "/feed?q=beuh", "/feed?q=06", "/posts/p1", "/posts/p2", "/posts/p3", "/networks",
        f"/networks/{net}", f"/api/networks/{net}/graph", "/prices")}
    # account pages are reached through the pseudonymised links the researcher sees
    for key in sorted(set(re.findall(r'href="/accounts/((?:account|phone)-[0-9a-f]{10})"', "".join(pages.values())))):
        r = client.get(f"/accounts/{key}")
        assert r.status_code == 200, key
        pages[f"/accounts/{key}"] = r.text
    assert any(k.startswith("/accounts/phone-") for k in pages) and any(k.startswith("/accounts/account-")
                                                                        for k in pages)
    return pages


def test_researchers_never_see_raw_identifiers(as_role: Any, db: Any) -> None:
    pages = _researcher_pages(as_role("researcher"), db)
    for path, body in pages.items():
        low = body.lower()
        for raw in (RAW_PHONE, RAW_PHONE_TEXT, "0612345678", *RAW_HANDLES):
            assert raw.lower() not in low, f"{raw!r} visible to a researcher on {path}"
    assert "phone-" in pages["/posts/p1"] and "account-" in pages["/posts/p1"]
    # pseudonyms are stable across pages: the phone of p1 is the phone of p2
    ph1 = set(re.findall(r"phone-[0-9a-f]{10}", pages["/posts/p1"]))
    ph2 = set(re.findall(r"phone-[0-9a-f]{10}", pages["/posts/p2"]))
    assert ph1 and ph1 == ph2
    assert as_role("researcher").get("/posts/p1/image").status_code == 403


def test_analysts_see_raw_identifiers(as_role: Any) -> None:
    body = as_role("analyst").get("/posts/p1").text
    assert RAW_PHONE_TEXT in body and "weed.lyon69" in body and "PlugLyon69" in body


@pytest.mark.parametrize("q", ["'; DROP TABLE posts;--", '"', "*", "NEAR(", 'beuh" OR 1=1 --', "%", "_", "\\",
                               "posts_fts MATCH 'x'", "(", ")", "AND", "-", "\x00", "💊", "a" * 2000])
def test_sql_metacharacters_in_search_are_harmless(as_role: Any, db: Any, q: str) -> None:
    client = as_role("analyst")
    r = client.get("/feed", params={"q": q, "place": q, "product": q, "platform": q})
    assert r.status_code == 200, r.text[:300]
    r = client.get("/feed", params={"q": q}, headers={"HX-Request": "true", "HX-Target": "results"})
    assert r.status_code == 200 and r.text.lstrip().startswith('<section id="results"')
    with open_store(db) as s:
        assert s.stats()["posts"] == 7


@pytest.mark.parametrize("params", [{"since": "not a date"}, {"until": "2025-13-45"}, {"before": "x"}])
def test_bad_filters_are_a_clear_400_or_ignored(as_role: Any, params: dict[str, str]) -> None:
    r = as_role("analyst").get("/feed", params=params)
    assert r.status_code in (200, 400)
    if r.status_code == 400:
        assert "ISO 8601" in r.text


def test_login_throttling(client: TestClient, db: Any) -> None:
    for _ in range(5):
        r = login(client, "analyst", "wrong password!!")
        assert r.status_code == 401
    r = login(client, "analyst")  # right password, but throttled
    assert r.status_code == 429
    assert int(r.headers["retry-after"]) > 0
    assert "sentinelle_session" not in client.cookies
    with open_store(db) as s:
        failed = audit.entries(s, action="login_failed")
    assert len(failed) == 6 and failed[0]["detail"].get("throttled") is True


def _actions(db: Any) -> list[tuple[str, str, str]]:
    with open_store(db) as s:
        return [(e["user"], e["action"], e["target"]) for e in audit.entries(s, limit=1000)]


def test_every_view_search_export_and_change_is_audited(as_role: Any, db: Any) -> None:
    with open_store(db) as s:
        net = s.networks()[0]["id"]
    a = as_role("admin")
    csrf = token(a)
    a.get("/posts/p1")
    a.get("/accounts/telegram:pluglyon69")
    a.get(f"/networks/{net}")
    a.get("/feed", params={"q": "beuh"})
    a.post("/export", data={"csrf_token": csrf, "justification": "requisition 2025-17", "format": "jsonl", "q": "beuh"})
    a.post("/posts/p1/findings/0/review", data={"csrf_token": csrf, "action": "reject"})
    a.post("/watchlists", data={"csrf_token": csrf, "kind": "phone", "value": "+33612345678"})
    a.post("/watchlists/1/remove", data={"csrf_token": csrf})
    a.post("/alerts/1/status", data={"csrf_token": csrf, "status": "dismissed"})
    a.post("/users", data={"csrf_token": csrf, "name": "newbie", "role": "reviewer", "password": "newbie passphrase"})
    a.get("/audit")
    got = _actions(db)
    for action, target in (("login", "admin"), ("view_post", "p1"), ("view_account", "telegram:pluglyon69"),
                           ("view_network", net), ("search", "beuh"), ("export", "jsonl"), ("review", "p1"),
                           ("watch_add", "phone:+33612345678"), ("watch_remove", "1"), ("alert_status", "1"),
                           ("user_add", "newbie"), ("view_audit", "")):
        assert ("admin", action, target) in got, (action, target)
    with open_store(db) as s:
        export = audit.entries(s, action="export")[0]
        assert export["justification"] == "requisition 2025-17" and export["detail"]["filters"] == {"q": "beuh"}
        assert audit.verify(s).ok


def test_graph_api_views_are_audited(as_role: Any, db: Any) -> None:
    with open_store(db) as s:
        net = s.networks()[0]["id"]
    as_role("researcher").get(f"/api/networks/{net}/graph")
    with open_store(db) as s:
        (entry,) = audit.entries(s, action="view_network")
    assert (entry["user"], entry["target"], entry["detail"]) == ("researcher", net, {"graph": True})


def test_export_needs_a_justification(as_role: Any, db: Any) -> None:
    a = as_role("analyst")
    r = a.post("/export", data={"csrf_token": token(a), "format": "csv", "justification": "  "})
    assert r.status_code == 400
    assert not [x for x in _actions(db) if x[1] == "export"]


def test_login_form_is_the_contract(client: TestClient) -> None:
    html = client.get("/login").text
    assert 'id="login-form"' in html and 'name="username"' in html and 'name="password"' in html
    assert csrf_of(html)


def test_htmx_is_configured_for_the_csp(client: TestClient) -> None:
    html = client.get("/login").text
    m = re.search(r"""<meta name="htmx-config" content='([^']+)'>""", html)
    assert m
    import json

    cfg = json.loads(m.group(1))
    assert cfg["includeIndicatorStyles"] is False and cfg["allowEval"] is False
    assert cfg["historyCacheSize"] == 0  # no copy of pages (personal data) in the browser's localStorage
