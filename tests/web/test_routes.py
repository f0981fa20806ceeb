"""Route-by-role matrix: every route refuses anonymous users (HTML: redirect to /login, /api: 401),
a logged-in user lacking the permission gets 403, and one holding it gets past both checks."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.routing import Mount, Route

from sentinelle.accounts import PERMISSIONS
from sentinelle.store import open_store

from .conftest import ROLES, TestClient, token

# method, path (with {network} filled in at run time), permission the route needs ("" = any user)
MATRIX: list[tuple[str, str, str]] = [
    ("GET", "/", "view"),
    ("GET", "/api/overview", "view"),
    ("GET", "/feed", "search"),
    ("GET", "/feed?q=beuh", "search"),
    ("POST", "/export", "export"),
    ("GET", "/posts/p1", "view"),
    ("GET", "/posts/p1/image", "view_raw"),
    ("POST", "/posts/p1/findings/0/review", "review"),
    ("GET", "/accounts/telegram:pluglyon69", "view"),
    ("GET", "/networks", "view"),
    ("GET", "/networks/{network}", "view"),
    ("GET", "/api/networks/{network}/graph", "view"),
    ("GET", "/prices", "view"),
    ("GET", "/api/prices", "view"),
    ("GET", "/alerts", "view_raw"),
    ("POST", "/alerts/1/status", "watch"),
    ("GET", "/watchlists", "watch"),
    ("POST", "/watchlists", "watch"),
    ("POST", "/watchlists/999/remove", "watch"),
    ("GET", "/import", "import"),
    ("POST", "/import", "import"),
    ("GET", "/import/nojob", "import"),
    ("GET", "/audit", "admin"),
    ("GET", "/users", "admin"),
    ("POST", "/users", "admin"),
    ("POST", "/users/nobody/disable", "admin"),
    ("POST", "/logout", ""),
]
PUBLIC = {("GET", "/login"), ("POST", "/login")}


def _network(db: Any) -> str:
    with open_store(db) as s:
        return str(s.networks()[0]["id"])


def _route_of(app: Any, path: str) -> Route:
    path = path.split("?")[0]
    for r in app.routes:
        if isinstance(r, Route) and r.path_regex.match(path):
            return r
    raise AssertionError(f"no route for {path}")


def test_matrix_covers_every_route(app: Any, db: Any) -> None:
    """Every route of the app (but /login and /static) is in the matrix, with the permission its
    endpoint declares."""
    net = _network(db)
    covered = {(m, _route_of(app, p.format(network=net)).path) for m, p, _ in MATRIX}
    for r in app.routes:
        if isinstance(r, Mount):
            assert r.path == "/static"
            continue
        for method in r.methods - {"HEAD"}:
            if (method, r.path) in PUBLIC:
                assert r.endpoint.permission is None
                continue
            assert (method, r.path) in covered, f"{method} {r.path} is not in the route matrix"
    for m, p, perm in MATRIX:
        assert _route_of(app, p.format(network=net)).endpoint.permission == perm, (m, p)


def _send(client: TestClient, method: str, path: str, csrf: str | None = None) -> Any:
    if method == "GET":
        return client.get(path, follow_redirects=False)
    data = {"csrf_token": csrf} if csrf else {}
    return client.post(path, data=data, follow_redirects=False)


def test_anonymous_users_are_refused_everywhere(client: TestClient, db: Any) -> None:
    net = _network(db)
    for method, path, _ in MATRIX:
        path = path.format(network=net)
        r = _send(client, method, path)
        if path.startswith("/api/"):
            assert r.status_code == 401, (method, path, r.status_code)
            assert r.json() == {"error": "login required"}
        else:
            assert r.status_code == 303, (method, path, r.status_code)
            assert r.headers["location"].startswith("/login?next="), (method, path)


def test_anonymous_with_a_forged_cookie_is_refused(client: TestClient) -> None:
    client.cookies.set("sentinelle_session", "forged-token")
    assert client.get("/api/overview").status_code == 401
    assert client.get("/feed", follow_redirects=False).status_code == 303


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(as_role: Any, db: Any, role: str) -> None:
    net = _network(db)
    client = as_role(role)
    csrf = token(client)
    wrong = []
    for method, path, perm in MATRIX:
        if path == "/logout":
            continue  # would end the session used by the other rows; see test_logout
        path = path.format(network=net)
        r = _send(client, method, path, csrf)
        allowed = perm == "" or perm in PERMISSIONS[role]
        if allowed and (r.status_code in (401, 403) or r.status_code >= 500):
            wrong.append(f"{method} {path}: {r.status_code}, expected access")
        if not allowed and r.status_code != 403:
            wrong.append(f"{method} {path}: {r.status_code}, expected 403")
    assert not wrong, f"{role}: " + "; ".join(wrong)


def test_logout_ends_the_session(as_role: Any) -> None:
    client = as_role("researcher")
    assert client.get("/feed").status_code == 200
    old = client.cookies.get("sentinelle_session")
    r = client.post("/logout", data={"csrf_token": token(client)}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login"
    assert client.get("/feed", follow_redirects=False).status_code == 303
    client.cookies.set("sentinelle_session", old)  # replaying the old token does not work either
    assert client.get("/api/overview").status_code == 401
