"""The audit log: who did what, when, to what and why, hash-chained (issue 7).

    from sentinelle import audit
    audit.record(store, user="alice", action="view_post", target="t1")
    audit.record(store, user="alice", action="export", detail={"posts": 120}, justification="case 42")
    report = audit.verify(store)        # .ok, .entries, .problems (each names the entry id)

Each entry keeps ts (UTC ISO 8601), user, action, target, detail (a JSON object), justification,
prev_hash and hash = SHA-256 of the canonical JSON (sorted keys, no spaces, UTF-8) of
{id, ts, user, action, target, detail, justification, prev_hash}; prev_hash is the hash of the
entry before (64 zeros for the first). The store appends entries only, and keeps a head record
(last id, last hash, number of entries) in a separate table written in the same transaction.
The next id and prev_hash are read inside the write transaction (SQLite: BEGIN IMMEDIATE), so
concurrent writers (several server workers, a CLI) never fork the chain.

`verify()` recomputes the chain and reports:
- an edited entry: its stored hash no longer matches its content;
- a deleted entry: a gap in the ids, or an entry whose prev_hash is not the hash before it;
- a deleted tail: the last entry is not the one the head record names;
- an entry added behind the store's back (after the head, or out of the chain).

What it cannot detect: someone with write access to the database who rewrites the whole chain
from the edit onwards AND the head record (the hashes are not secret nor signed). Export the
head (`sentinelle audit verify` prints it) to somewhere the database's users cannot write, and
compare, to close that gap.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from .errors import SentinelleError
from .store import Store
from .store.query import utf8_safe

__all__ = ["ACTIONS", "GENESIS", "AuditError", "AuditReport", "record", "verify", "entries", "entry_hash"]

# Actions used by the web app and the CLI (others are accepted: the log is open-ended).
ACTIONS = ("login", "login_failed", "logout", "view_post", "view_account", "view_network", "search", "export",
           "review", "watch_add", "watch_remove", "alert_status", "import", "user_add", "user_disable",
           "user_role", "view_audit")
GENESIS = "0" * 64
MAX_FIELD = 2000  # characters of user, action, target
MAX_TEXT = 10000  # characters of the justification and of the detail JSON


class AuditError(SentinelleError):
    """An audit entry cannot be written (missing field, detail not a JSON object, too long)."""

    code = "SEN610"


@dataclass(slots=True)
class AuditReport:
    ok: bool
    entries: int
    problems: list[str] = field(default_factory=list)
    head: dict[str, Any] | None = None  # last id, last hash, count as recorded by the store

    def to_record(self) -> dict[str, Any]:
        return {"ok": self.ok, "entries": self.entries, "problems": list(self.problems), "head": self.head}


def _canonical(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)


def entry_hash(entry: Mapping[str, Any]) -> str:
    """The hash of one entry (id, ts, user, action, target, detail, justification, prev_hash)."""
    body = {k: entry[k] for k in ("id", "ts", "user", "action", "target", "detail", "justification",
                                   "prev_hash")}
    return hashlib.sha256(_canonical(body).encode("utf-8", "surrogatepass")).hexdigest()


def _clean(value: str, name: str, limit: int) -> str:
    if not isinstance(value, str):
        raise AuditError(f"{name} must be a string", where=name)
    if len(value) > limit:
        raise AuditError(f"{name} too long: at most {limit} characters", where=name)
    return utf8_safe(value)


def record(store: Store, *, user: str, action: str, target: str = "",
           detail: Mapping[str, Any] | None = None, justification: str = "") -> int:
    """Append one entry to the audit log; returns its id."""
    user = _clean(user, "user", MAX_FIELD)
    action = _clean(action, "action", MAX_FIELD)
    if not action:
        raise AuditError("an audit entry needs an action", where="action")
    target = _clean(target, "target", MAX_FIELD)
    justification = _clean(justification, "justification", MAX_TEXT)
    if detail is not None and not isinstance(detail, Mapping):
        raise AuditError("detail must be a mapping", where="detail")
    try:  # round-trip so that the hash is computed over exactly what verify() will read back
        text = json.dumps(dict(detail or {}), ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                          default=str, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise AuditError(f"detail is not JSON-serialisable: {e}", where="detail") from e
    text = utf8_safe(text)
    if len(text) > MAX_TEXT:
        raise AuditError(f"detail too long: at most {MAX_TEXT} characters of JSON", where="detail")
    fields = {"ts": datetime.now(UTC).isoformat(timespec="microseconds"), "user": user, "action": action,
              "target": target, "detail": json.loads(text), "justification": justification}

    def seal(entry_id: int, prev_hash: str) -> str:
        return entry_hash({**fields, "id": entry_id, "prev_hash": prev_hash})

    return store.audit_append(fields, seal, genesis=GENESIS)


def entries(store: Store, *, user: str | None = None, action: str | None = None,
            limit: int = 200) -> list[dict[str, Any]]:
    """Audit entries, newest first: id, ts, user, action, target, detail, justification, prev_hash, hash."""
    return store.audit_entries(user=user, action=action, limit=max(0, int(limit)))


def verify(store: Store) -> AuditReport:
    """Recompute the chain; `.problems` names each entry where it breaks (see the module doc)."""
    problems: list[str] = []
    prev_id = 0
    prev_hash = GENESIS
    n = 0
    last: dict[str, Any] | None = None
    for e in store.audit_scan():
        n += 1
        eid = e["id"]
        if eid != prev_id + 1:
            gap = f"entry {prev_id + 1}" if eid == prev_id + 2 else f"entries {prev_id + 1} to {eid - 1}"
            problems.append(f"{gap} missing (deleted) before entry {eid}")
        elif e["prev_hash"] != prev_hash:
            problems.append(f"entry {eid}: prev_hash does not match the hash of entry {prev_id} "
                            "(an entry was deleted, replaced or inserted)")
        detail = e["detail"]
        if isinstance(detail, str):  # the store could not parse it: edited
            problems.append(f"entry {eid}: detail is not valid JSON (edited)")
        else:
            try:
                recomputed = entry_hash(e)
            except (TypeError, ValueError):
                recomputed = ""
            if recomputed != e["hash"]:
                problems.append(f"entry {eid}: content does not match its hash (edited)")
        prev_id, prev_hash, last = eid, e["hash"], e
    head = store.audit_head()
    if head is None:
        if n:
            problems.append(f"head record missing while the log holds {n} entries (deleted)")
    else:
        hid, hhash, hcount = head["last_id"], head["last_hash"], head["count"]
        if last is None:
            if hid:
                problems.append(f"entries 1 to {hid} missing: the log is empty but its head names entry {hid}")
        elif last["id"] < hid:
            gap = f"entry {hid}" if hid == last["id"] + 1 else f"entries {last['id'] + 1} to {hid}"
            problems.append(f"{gap} missing at the end (tail deleted): the head names entry {hid}")
        elif last["id"] > hid:
            problems.append(f"entry {last['id']}: after the head record's last entry {hid} "
                            "(added outside Sentinelle)")
        elif last["hash"] != hhash:
            problems.append(f"entry {last['id']}: hash differs from the head record (replaced)")
        if hcount != n and not problems:
            problems.append(f"the head record counts {hcount} entries, the log holds {n}")
    return AuditReport(ok=not problems, entries=n, problems=problems, head=head)
