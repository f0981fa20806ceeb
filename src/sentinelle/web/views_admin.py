"""Login and logout, the import page, the audit log and user management."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import UploadFile
from starlette.responses import RedirectResponse, Response

from .. import accounts, audit
from ..accounts import AccountError, LoginThrottled
from . import jobs
from .base import PRE_COOKIE, SESSION_COOKIE, Req, new_token, page


def _safe_next(target: str) -> str:
    """Only a local path is followed after login (no //host, no scheme, no backslash tricks)."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target or any(ord(c) < 32 for c in target):
        return "/"
    return target


def _cookie(req: Req, response: Response, name: str, value: str, max_age: int | None) -> None:
    response.set_cookie(name, value, max_age=max_age, path="/", httponly=True, samesite="strict",
                        secure=req.request.url.scheme == "https")


@page(None)
def login(req: Req) -> Response:
    """GET: the login form. POST: check the password (throttled), start a session."""
    nxt = _safe_next(req.field("next") or req.arg("next") or "/")
    if req.request.method == "GET":
        if req.user is not None:
            return RedirectResponse(nxt, status_code=303)
        pre = req.request.cookies.get(PRE_COOKIE, "")
        fresh = not pre
        if fresh:
            pre = new_token()
        resp = req.render("login.html", {"next": nxt, "error": "", "csrf": req.web.csrf_for(pre)})
        if fresh:
            _cookie(req, resp, PRE_COOKIE, pre, None)
        return resp
    name = req.field("username")
    password = req.form.get("password") if req.form is not None else None
    password = password if isinstance(password, str) else ""
    client = req.request.client.host if req.request.client else ""
    store = req.store
    try:
        user = accounts.authenticate(store, name, password, client=client)
    except LoginThrottled as e:
        audit.record(store, user=name[:200], action="login_failed", target=name[:200],
                     detail={"client": client, "throttled": True})
        return req.render("login.html", {"next": nxt, "error": f"Too many failed logins. {e.message}"}, status=429,
                          headers={"Retry-After": str(int(e.retry_after) + 1)})
    if user is None:
        audit.record(store, user=name[:200], action="login_failed", target=name[:200], detail={"client": client})
        return req.render("login.html", {"next": nxt, "error": "Wrong user name or password."}, status=401)
    token = accounts.start_session(store, user)
    audit.record(store, user=user.name, action="login", target=user.name, detail={"client": client})
    done = RedirectResponse(nxt, status_code=303)
    _cookie(req, done, SESSION_COOKIE, token, None)
    return done


@page("")
def logout(req: Req) -> Response:
    accounts.end_session(req.store, req.token)
    req.audit("logout", req.name)
    resp = RedirectResponse("/login", status_code=303)
    resp.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict",
                       secure=req.request.url.scheme == "https")
    return resp


# -- import ------------------------------------------------------------------------------------

def _imported(store: Any, job: jobs.ImportJob) -> None:
    audit.record(store, user=job.user, action="import", target=job.filename, detail=job.summary())


@page("import")
def import_page(req: Req) -> Response:
    """GET: the upload form and recent imports. POST: start an import, then show its progress."""
    if req.request.method == "POST":
        upload = req.form.get("file") if req.form is not None else None
        if not isinstance(upload, UploadFile) or not upload.filename:
            return req.render("import.html", {"jobs": _jobs(req), "error": "Choose a file to import."}, status=400)
        job = jobs.start(req.web.pool, req.web.jobs, user=req.name, filename=upload.filename, data=upload.file,
                         case=req.field("case")[:200], on_done=_imported)
        return RedirectResponse(f"/import/{job.id}", status_code=303)
    return req.render("import.html", {"jobs": _jobs(req), "error": ""})


def _jobs(req: Req) -> list[jobs.ImportJob]:
    return sorted(req.web.jobs.values(), key=lambda j: j.started, reverse=True)[:20]


@page("import")
def import_job(req: Req) -> Response:
    job = req.web.jobs.get(req.request.path_params["job"])
    if job is None:
        return req.error(404, "no such import (imports are kept until the server restarts)")
    template = "_import_job.html" if req.htmx else "import_job.html"
    return req.render(template, {"job": job})


# -- audit and users ---------------------------------------------------------------------------

@page("admin")
def audit_page(req: Req) -> Response:
    user = req.arg("user") or None
    action = req.arg("action") or None
    try:
        limit = max(1, min(int(req.arg("limit", "200")), 5000))
    except ValueError:
        limit = 200
    report = audit.verify(req.store) if req.arg("verify") else None
    rows = audit.entries(req.store, user=user, action=action, limit=limit)
    req.audit("view_audit", "", {"user": user, "action": action, "verify": bool(report)})
    return req.render("audit.html", {"rows": rows, "report": report, "f_user": user or "", "f_action": action or "",
                                     "limit": limit, "actions": audit.ACTIONS})


@page("admin")
def users(req: Req) -> Response:
    error = ""
    status = 200
    if req.request.method == "POST":
        name, role = req.field("name"), req.field("role")
        password = req.form.get("password") if req.form is not None else ""
        try:
            accounts.add_user(req.store, name, role, password if isinstance(password, str) else "")
            req.audit("user_add", name, {"role": role})
            return RedirectResponse("/users", status_code=303)
        except AccountError as e:
            error, status = str(e), 400
    return req.render("users.html", {"users": accounts.list_users(req.store), "roles": accounts.ROLES,
                                     "error": error}, status=status)


@page("admin")
def user_disable(req: Req) -> Response:
    name = req.request.path_params["name"]
    try:
        accounts.disable_user(req.store, name)
    except AccountError as e:
        return req.error(400, str(e))
    req.audit("user_disable", name)
    return RedirectResponse("/users", status_code=303)
