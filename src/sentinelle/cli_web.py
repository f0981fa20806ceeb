"""`sentinelle serve`: the analyst web app (sentinelle.web) on uvicorn, loopback by default."""

from __future__ import annotations

import argparse
import ipaddress
import sys
from collections.abc import Callable
from typing import Any


def add_web_parsers(sub: Any, db_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("serve", help="serve the analyst web app (log in with a user from `sentinelle users add`)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--max-upload-mb", type=int, default=512,
                   help="largest upload (an export to import) accepted, in MB (default: 512)")
    p.add_argument("--evidence-dir", default=None, help="where the originals are kept (default: <db>.evidence/)")
    db_arg(p)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .web.app import create_app

    app = create_app(args.db, evidence_dir=args.evidence_dir, max_upload_mb=args.max_upload_mb)
    if not _loopback(args.host):
        print(f"sentinelle: warning: listening on {args.host}, reachable from other machines; put it behind "
              "HTTPS (the session cookie is marked Secure only over https)", file=sys.stderr)
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"Sentinelle web app on http://{shown}:{args.port}/ (database {args.db}); Ctrl-C to stop", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", proxy_headers=False, server_header=False)
    return 0


WEB_COMMANDS = {"serve": cmd_serve}
