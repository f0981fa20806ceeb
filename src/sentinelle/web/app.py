"""The analyst web app: `create_app(db_path)` gives a Starlette application.

    from sentinelle.web.app import create_app
    app = create_app("case.db")          # serve with uvicorn (see `sentinelle serve`)

Every route but /login and /static refuses anonymous users; see `ROUTES` for the permission each
one needs (sentinelle.accounts.PERMISSIONS maps roles to permissions). Every response carries a
strict Content-Security-Policy (no inline script or style), and pages are never cached.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.applications import Starlette
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import accounts
from ..api import default_pipeline
from . import views_admin as admin_views
from . import views_feed as feed_views
from . import views_net as net_views
from . import views_obs as obs_views
from . import views_post as post_views
from .base import DEFAULT_MAX_UPLOAD_MB, STATIC, StorePool, Web, make_env

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)

# (path, methods, endpoint): the permission each endpoint needs is on the endpoint (`@page`).
ROUTES: tuple[tuple[str, tuple[str, ...], Any], ...] = (
    ("/login", ("GET", "POST"), admin_views.login),
    ("/logout", ("POST",), admin_views.logout),
    ("/", ("GET",), feed_views.overview),
    ("/api/overview", ("GET",), feed_views.api_overview),
    ("/feed", ("GET",), feed_views.feed),
    ("/export", ("POST",), feed_views.export),
    ("/posts/{post_id:path}/image", ("GET",), post_views.image),
    ("/posts/{post_id:path}/findings/{index:int}/review", ("POST",), post_views.review),
    ("/posts/{post_id:path}", ("GET",), post_views.post),
    ("/accounts/{key:path}", ("GET",), net_views.account),
    ("/networks", ("GET",), net_views.networks),
    ("/networks/{network_id}", ("GET",), net_views.network),
    ("/api/networks/{network_id}/graph", ("GET",), net_views.api_graph),
    ("/prices", ("GET",), obs_views.prices),
    ("/api/prices", ("GET",), obs_views.api_prices),
    ("/alerts", ("GET",), obs_views.alerts),
    ("/alerts/{alert_id:int}/status", ("POST",), obs_views.alert_status),
    ("/watchlists", ("GET", "POST"), obs_views.watchlists),
    ("/watchlists/{watch_id:int}/remove", ("POST",), obs_views.watch_remove),
    ("/import", ("GET", "POST"), admin_views.import_page),
    ("/import/{job}", ("GET",), admin_views.import_job),
    ("/audit", ("GET",), admin_views.audit_page),
    ("/users", ("GET", "POST"), admin_views.users),
    ("/users/{name}/disable", ("POST",), admin_views.user_disable),
)

ASGIApp = Callable[[MutableMapping[str, Any], Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]],
                   Awaitable[None]]


class SecurityHeaders:
    """Adds the CSP and friends to every response; `Cache-Control: no-store` outside /static."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: MutableMapping[str, Any], receive: Callable[[], Awaitable[Any]],
                       send: Callable[[Any], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = str(scope.get("path", "")).startswith("/static/")

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in
                           {h for h, _ in SECURITY_HEADERS}]
                headers.extend(SECURITY_HEADERS)
                if not static:
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(db_path: str | os.PathLike[str], *, evidence_dir: str | os.PathLike[str] | None = None,
               max_upload_mb: int = DEFAULT_MAX_UPLOAD_MB) -> Starlette:
    """The web app over the store at `db_path` (created and migrated if needed); request bodies
    (uploads) above `max_upload_mb` are refused with 413."""
    pool = StorePool(os.fspath(db_path), os.fspath(evidence_dir) if evidence_dir is not None else None)
    setup = pool.open()
    try:
        secret = accounts.app_secret(setup)
    finally:
        setup.close()
    routes: list[Route | Mount] = [Route(path, endpoint, methods=list(methods)) for path, methods, endpoint in ROUTES]
    routes.append(Mount("/static", app=StaticFiles(directory=STATIC), name="static"))
    # the analysers (about a second to load, once per process) serve the post pages: load them now
    # rather than on the first post page (not in a thread: their registry is filled without a lock)
    default_pipeline()
    app = Starlette(routes=routes)
    app.state.web = Web(pool=pool, env=make_env(), secret=secret, max_body=max_upload_mb << 20)
    app.add_middleware(SecurityHeaders)
    return app
