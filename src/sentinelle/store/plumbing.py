"""What the SQLite store's mixins (observatory, accounts, web reads) may call on `SQLiteStore`."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable
from typing import Any


class SQLPlumbing:
    """The store's own plumbing, declared once for the type checker: `SQLiteStore` defines `_q`
    (one way to query) and `_tx` (one way to write, in a transaction)."""

    conn: sqlite3.Connection
    path: str
    _closed: bool

    def _q(self, sql: str, params: Iterable[Any] = ()) -> sqlite3.Cursor:
        raise NotImplementedError

    def _tx(self) -> contextlib.AbstractContextManager[sqlite3.Cursor]:
        raise NotImplementedError
