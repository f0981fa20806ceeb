"""What every page handler shares: the store per worker thread, the logged-in user, permission and
CSRF checks, template rendering, the audit trail and small caches.

Handlers are plain functions `handler(req: Req) -> Response` registered with `@page(permission)`:
the decorator refuses anonymous users (HTML: redirect to /login; /api: 401), users lacking the
permission (403) and POSTs without the right CSRF token (403), then runs the handler in a worker
thread with `req.store` open on that thread (SQLite connections stay on the thread that made them).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from .. import accounts, audit
from ..accounts import User
from ..errors import SentinelleError
from ..store import Store, open_store
from .render import Masker, esc, finalize, path_part, safe_href

SESSION_COOKIE = "sentinelle_session"
PRE_COOKIE = "sentinelle_pre"  # anonymous CSRF basis for the login form
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
# Largest request body accepted (an uploaded export); larger ones get 413 before any byte is parsed.
DEFAULT_MAX_UPLOAD_MB = 512
TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"


class StorePool:
    """One open store per worker thread (SQLite connections must stay on their thread)."""

    def __init__(self, db: str, evidence_dir: str | None) -> None:
        self.db = db
        self.evidence_dir = evidence_dir
        self._local = threading.local()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db, evidence_dir=self.evidence_dir)
            self._local.store = store
        return store

    def open(self) -> Store:
        """A store of its own, for a background thread (the caller closes it)."""
        return open_store(self.db, evidence_dir=self.evidence_dir)


@dataclass
class Web:
    """Application-wide state (one per `create_app`)."""

    pool: StorePool
    env: Environment
    secret: bytes
    cache: dict[str, tuple[str, Any]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    jobs: dict[str, Any] = field(default_factory=dict)
    max_body: int = DEFAULT_MAX_UPLOAD_MB << 20  # bytes

    def cached(self, store: Store, name: str, compute: Callable[[Store], Any]) -> Any:
        """`compute(store)`, recomputed only when the store's data changed (web_stamp)."""
        stamp = store.web_stamp()
        with self.lock:
            hit = self.cache.get(name)
        if hit is not None and hit[0] == stamp:
            return hit[1]
        value = compute(store)
        with self.lock:
            self.cache[name] = (stamp, value)
        return value

    def csrf_for(self, basis: str) -> str:
        return hmac.new(self.secret, f"csrf:{basis}".encode(), hashlib.sha256).hexdigest()


def make_env() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"], default=True),
                      finalize=finalize, trim_blocks=True, lstrip_blocks=True)
    env.filters["esc"] = esc
    env.filters["href"] = safe_href
    env.filters["seg"] = path_part
    env.filters["q"] = lambda v: quote(str(v), safe="")
    env.filters["json"] = _json_text
    return env


def _json_text(value: Any) -> str:
    import json

    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)


@dataclass
class Req:
    """One request as a handler sees it."""

    request: Request
    web: Web
    user: User | None
    token: str  # the session token ("" when anonymous)
    form: FormData | None = None
    _masker: Masker | None = None

    @property
    def store(self) -> Store:
        return self.web.pool.get()

    @property
    def name(self) -> str:
        return self.user.name if self.user else ""

    def can(self, permission: str) -> bool:
        return self.user is not None and accounts.can(self.user, permission)

    @property
    def raw(self) -> bool:
        """Whether this user sees raw phones, handles, authors and URLs."""
        return self.can("view_raw")

    @property
    def masker(self) -> Masker:
        if self._masker is None:
            self._masker = Masker(None if self.raw else self.web.secret)
        return self._masker

    def arg(self, name: str, default: str = "") -> str:
        """A query-string argument, stripped."""
        return (self.request.query_params.get(name) or default).strip()

    def field(self, name: str, default: str = "") -> str:
        """A form field (text), stripped."""
        v = self.form.get(name) if self.form is not None else None
        return v.strip() if isinstance(v, str) else default

    @property
    def csrf(self) -> str:
        return self.web.csrf_for(self.token or self.request.cookies.get(PRE_COOKIE, ""))

    @property
    def htmx(self) -> bool:
        return self.request.headers.get("hx-request") == "true"

    def render(self, template: str, context: dict[str, Any] | None = None, *, status: int = 200,
               headers: dict[str, str] | None = None) -> HTMLResponse:
        ctx = {"req": self, "user": self.user, "csrf": self.csrf, "path": self.request.url.path, **(context or {})}
        html = self.web.env.get_template(template).render(ctx)
        return HTMLResponse(html, status_code=status, headers=headers)

    def audit(self, action: str, target: str = "", detail: dict[str, Any] | None = None,
              justification: str = "") -> int:
        return audit.record(self.store, user=self.name, action=action, target=target, detail=detail,
                            justification=justification)

    def error(self, status: int, message: str) -> Response:
        if self.request.url.path.startswith("/api/"):
            return JSONResponse({"error": message}, status_code=status)
        return self.render("error.html", {"status": status, "message": message}, status=status)


Handler = Callable[[Req], Response]


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _login_redirect(request: Request) -> Response:
    nxt = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    if request.headers.get("hx-request") == "true":  # htmx follows HX-Redirect with a full page load
        return Response(status_code=401, headers={"HX-Redirect": "/login"})
    return RedirectResponse(f"/login?next={quote(nxt, safe='')}", status_code=303)


def _resolve(web: Web, request: Request) -> tuple[User | None, str]:
    token = request.cookies.get(SESSION_COOKIE, "")
    if not token:
        return None, ""
    user = accounts.session_user(web.pool.get(), token)
    return (user, token) if user is not None else (None, "")


def csrf_ok(req: Req) -> bool:
    sent = req.request.headers.get(CSRF_HEADER) or req.field(CSRF_FIELD)
    return bool(sent) and hmac.compare_digest(sent, req.csrf)


def page(permission: str | None) -> Callable[[Handler], Callable[[Request], Awaitable[Response]]]:
    """Register a handler behind a permission: None = public (login), "" = any logged-in user."""

    def deco(fn: Handler) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            web: Web = request.app.state.web
            user, token = await run_in_threadpool(_resolve, web, request)
            if permission is not None:
                if user is None:
                    if _is_api(request):
                        return JSONResponse({"error": "login required"}, status_code=401)
                    return _login_redirect(request)
                if permission and not accounts.can(user, permission):
                    req = Req(request, web, user, token)
                    return await run_in_threadpool(req.error, 403, f"your role ({user.role}) may not do this")
            if request.method == "POST":
                refused = _body_refused(request, web.max_body)
                if refused is not None:
                    req = Req(request, web, user, token)
                    return await run_in_threadpool(req.error, *refused)
            form = await request.form(max_files=4, max_fields=200) if request.method == "POST" else None
            req = Req(request, web, user, token, form)
            try:
                if request.method == "POST" and not csrf_ok(req):
                    return await run_in_threadpool(req.error, 403, "missing or wrong CSRF token; reload the page")
                return await run_in_threadpool(_call, fn, req)
            finally:
                if form is not None:
                    await form.close()

        endpoint.__name__ = fn.__name__
        endpoint.__doc__ = fn.__doc__
        endpoint.permission = permission  # type: ignore[attr-defined]
        return endpoint

    return deco


def _body_refused(request: Request, limit: int) -> tuple[int, str] | None:
    """(status, message) when a POST body must not be read: no declared length (411) or a length
    above the limit (413). The server reads no more than the declared length, so checking the
    header bounds what is spooled to disk."""
    declared = request.headers.get("content-length")
    if declared is None or not declared.isdigit():
        return 411, "the request must state its length (Content-Length)"
    if int(declared) > limit:
        return 413, (f"the upload is {int(declared) / (1 << 20):,.0f} MB; this server accepts at most "
                     f"{limit / (1 << 20):,.0f} MB (sentinelle serve --max-upload-mb); split the export "
                     "or ingest it with `sentinelle ingest`")
    return None


def _call(fn: Handler, req: Req) -> Response:
    try:
        return fn(req)
    except SentinelleError as e:  # bad input (a date, a value): say what and where, never a 500
        return req.error(400, str(e))


def new_token() -> str:
    return secrets.token_urlsafe(32)


def markup(html: str) -> Markup:
    return Markup(html)
