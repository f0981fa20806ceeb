"""`sentinelle users` and `sentinelle audit`: accounts of the web app and its audit log (issue 7)."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from typing import Any


def add_admin_parsers(sub: Any, db_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("users", help="web app users: add, list, disable, set role or password")
    usub = p.add_subparsers(dest="users_command", required=True)
    u = usub.add_parser("add", help="add a user (the password is read from stdin or asked for)")
    u.add_argument("name")
    u.add_argument("--role", required=True, choices=["admin", "analyst", "reviewer", "researcher"])
    u.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    db_arg(u)
    u = usub.add_parser("list", help="every user with role and state")
    u.add_argument("--json", action="store_true")
    db_arg(u)
    u = usub.add_parser("disable", help="disable a user and end their sessions")
    u.add_argument("name")
    db_arg(u)
    u = usub.add_parser("enable", help="enable a disabled user")
    u.add_argument("name")
    db_arg(u)
    u = usub.add_parser("role", help="change a user's role")
    u.add_argument("name")
    u.add_argument("role", choices=["admin", "analyst", "reviewer", "researcher"])
    db_arg(u)
    u = usub.add_parser("passwd", help="set a user's password (ends their sessions)")
    u.add_argument("name")
    u.add_argument("--password-stdin", action="store_true")
    db_arg(u)

    p = sub.add_parser("audit", help="the hash-chained audit log: verify it, list entries")
    asub = p.add_subparsers(dest="audit_command", required=True)
    a = asub.add_parser("verify", help="recompute the chain; exit 1 and print each problem if broken")
    a.add_argument("--json", action="store_true")
    db_arg(a)
    a = asub.add_parser("list", help="entries, newest first")
    a.add_argument("--user")
    a.add_argument("--action")
    a.add_argument("--limit", type=int, default=50)
    a.add_argument("--json", action="store_true", help="JSON lines")
    db_arg(a)


def _password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        return line[:-1] if line.endswith("\n") else line
    if not sys.stdin.isatty():
        from .accounts import AccountError

        raise AccountError("no terminal to ask the password on; use --password-stdin", where="password")
    first = getpass.getpass("password: ")
    if getpass.getpass("again: ") != first:
        from .accounts import AccountError

        raise AccountError("the two passwords differ", where="password")
    return first


def _actor() -> str:
    return f"cli:{os.environ.get('USER') or os.environ.get('USERNAME') or 'unknown'}"


def cmd_users(args: argparse.Namespace) -> int:
    from . import accounts, audit
    from .collect import open_db

    if args.users_command in ("add", "passwd"):
        password = _password(args.password_stdin)
    with open_db(args.db) as store:
        if args.users_command == "list":
            for u in accounts.list_users(store):
                if args.json:
                    print(json.dumps({"id": u.id, "name": u.name, "role": u.role, "active": u.active}))
                else:
                    print(f"{u.id:>4}  {u.name:<24} {u.role:<11} {'active' if u.active else 'disabled'}")
            return 0
        if args.users_command == "add":
            u = accounts.add_user(store, args.name, args.role, password)
            audit.record(store, user=_actor(), action="user_add", target=u.name, detail={"role": u.role})
            print(f"user {u.name} added ({u.role})", file=sys.stderr)
        elif args.users_command == "disable":
            u = accounts.disable_user(store, args.name)
            audit.record(store, user=_actor(), action="user_disable", target=u.name)
            print(f"user {u.name} disabled; their sessions ended", file=sys.stderr)
        elif args.users_command == "enable":
            u = accounts.enable_user(store, args.name)
            audit.record(store, user=_actor(), action="user_enable", target=u.name)
            print(f"user {u.name} enabled", file=sys.stderr)
        elif args.users_command == "role":
            u = accounts.set_role(store, args.name, args.role)
            audit.record(store, user=_actor(), action="user_role", target=u.name, detail={"role": u.role})
            print(f"user {u.name} is now {u.role}", file=sys.stderr)
        else:
            u = accounts.set_password(store, args.name, password)
            audit.record(store, user=_actor(), action="user_password", target=u.name)
            print(f"password of {u.name} changed; their sessions ended", file=sys.stderr)
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from . import audit
    from .collect import open_db

    with open_db(args.db) as store:
        if args.audit_command == "list":
            for e in audit.entries(store, user=args.user, action=args.action, limit=args.limit):
                if args.json:
                    print(json.dumps(e, ensure_ascii=False))
                else:
                    detail = json.dumps(e["detail"], ensure_ascii=False) if e["detail"] else ""
                    why = f"  because: {e['justification']}" if e["justification"] else ""
                    print(f"{e['id']:>6}  {e['ts']}  {e['user']:<16} {e['action']:<14} {e['target']}"
                          f"{'  ' + detail if detail else ''}{why}")
            return 0
        report = audit.verify(store)
    if args.json:
        print(json.dumps(report.to_record(), ensure_ascii=False))
    else:
        for problem in report.problems:
            print(f"audit: {problem}")
        head = report.head or {}
        print(f"audit log {'intact' if report.ok else 'BROKEN'}: {report.entries} entries"
              + (f", head {head.get('last_id')} {head.get('last_hash')}" if head else ""),
              file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 1


ADMIN_COMMANDS = {"users": cmd_users, "audit": cmd_audit}
