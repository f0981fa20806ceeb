"""Users, roles, permissions, sessions, login throttling and pseudonyms (issue 7).

    from sentinelle.accounts import add_user, authenticate, start_session, session_user, can
    add_user(store, "alice", "analyst", "a long passphrase")
    user = authenticate(store, "alice", "a long passphrase", client="203.0.113.7")  # None if wrong
    token = start_session(store, user)          # give to the browser; only sha256(token) is stored
    session_user(store, token)                  # the User, or None (unknown, expired, disabled)
    can(user, "export")                         # role -> permissions (PERMISSIONS)

- Passwords are hashed with argon2id (argon2-cffi, RFC 9106 low-memory profile); a hash made with
  older parameters is replaced at the next successful login. Passwords are never stored plain.
- Sessions end after `SESSION_IDLE` seconds without use or `ttl` seconds after login, whichever
  comes first; disabling a user ends their sessions.
- Throttling: failed logins are kept in the database (so every server worker sees them) and
  counted per user name and per client over a sliding `THROTTLE_WINDOW`; at `THROTTLE_LIMIT`
  failures for the name or for the client, `authenticate` raises `LoginThrottled`, also when the
  password is right. A success forgets only the failures of that name from that client.
- Pseudonyms (for the researcher role) are keyed HMACs with a per-database secret
  (`app_secret`): stable within one database, unlinkable across databases, not reversible
  without the secret.

All storage goes through the `Store` (SQLite: store/accounts_sql.py); no SQL here.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError

from .errors import SentinelleError
from .reviews import add_review, reviews
from .store import Store

__all__ = [
    "ROLES", "PERMISSIONS", "User", "AccountError", "LoginThrottled", "add_user", "authenticate",
    "start_session", "session_user", "end_session", "list_users", "get_user", "set_role", "set_password",
    "disable_user", "enable_user", "can", "pseudonym", "app_secret", "add_review", "reviews",
    "SESSION_IDLE", "SESSION_TTL", "THROTTLE_LIMIT", "THROTTLE_WINDOW", "MIN_PASSWORD",
]

ROLES = ("admin", "analyst", "reviewer", "researcher")
PERMISSIONS: dict[str, frozenset[str]] = {
    "admin": frozenset({"view", "view_raw", "search", "review", "watch", "import", "export", "admin"}),
    "analyst": frozenset({"view", "view_raw", "search", "review", "watch", "import", "export"}),
    "reviewer": frozenset({"view", "view_raw", "search", "review"}),
    # pseudonymised identifiers only: no raw phones, handles, authors or URLs
    "researcher": frozenset({"view", "search"}),
}

MIN_PASSWORD = 10
MAX_PASSWORD = 1024
SESSION_TTL = 8 * 3600.0  # absolute lifetime of a session (seconds)
SESSION_IDLE = 2 * 3600.0  # a session unused this long is over
SESSION_TOUCH = 60.0  # last use is written at most this often (one write per minute per session)
THROTTLE_LIMIT = 5  # failures ...
THROTTLE_WINDOW = 15 * 60.0  # ... within this many seconds, per name or per client

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")

# RFC 9106 "second recommended option" (argon2id, t=3, m=64 MiB, p=4). Tests may swap HASHER for
# cheaper parameters; hashes made with other parameters are upgraded at login.
HASHER = PasswordHasher.from_parameters(profiles.RFC_9106_LOW_MEMORY)
_dummy: dict[tuple[int, int, int], str] = {}


class AccountError(SentinelleError):
    """Bad role, duplicate or unknown user, weak password, bad session or review."""

    code = "SEN620"


class LoginThrottled(AccountError):
    """Too many failed logins for this name or from this client; retry after `retry_after` s."""

    code = "SEN621"

    def __init__(self, message: str, *, retry_after: float, where: str = "") -> None:
        super().__init__(message, where=where)
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class User:
    id: int
    name: str
    role: str
    active: bool = True


def _now() -> float:
    return time.time()


def _user(row: dict[str, Any]) -> User:
    return User(id=int(row["id"]), name=str(row["name"]), role=str(row["role"]), active=bool(row["active"]))


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}; one of {', '.join(ROLES)}", where="role")
    return role


def _check_name(name: str) -> str:
    name = name.strip()
    if not _NAME.fullmatch(name):
        raise AccountError(f"invalid user name {name!r}: 1 to 64 letters, digits, '.', '_', '-' or '@', "
                           "starting with a letter or digit", where="name")
    return name


def _check_password(name: str, password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password too short: at least {MIN_PASSWORD} characters", where="password")
    if len(password) > MAX_PASSWORD:
        raise AccountError(f"password too long: at most {MAX_PASSWORD} characters", where="password")
    if password.strip().casefold() == name.casefold():
        raise AccountError("password must not be the user name", where="password")
    return password


def _key(name: str) -> str:
    """The throttling key of a user name (names are unique without case)."""
    return name.strip().casefold()


# -- users ---------------------------------------------------------------------------------------

def add_user(store: Store, name: str, role: str, password: str) -> User:
    """Create an active user; the password (>= MIN_PASSWORD characters) is kept as an argon2id hash."""
    name = _check_name(name)
    _check_role(role)
    _check_password(name, password)
    row = store.acct_add_user(name, role, HASHER.hash(password))
    if row is None:
        raise AccountError(f"a user named {name!r} already exists", where="name")
    return _user(row)


def get_user(store: Store, name: str) -> User | None:
    row = store.acct_user(name.strip())
    return _user(row) if row else None


def list_users(store: Store) -> list[User]:
    return [_user(r) for r in store.acct_users()]


def _update(store: Store, name: str, **changes: Any) -> User:
    row = store.acct_update_user(name.strip(), **changes)
    if row is None:
        raise AccountError(f"no user named {name!r}", where="name")
    return _user(row)


def _last_admin_guard(store: Store, name: str) -> None:
    target = store.acct_user(name.strip())
    if target is None:
        raise AccountError(f"no user named {name!r}", where="name")
    if target["role"] == "admin" and target["active"]:
        admins = [u for u in list_users(store) if u.role == "admin" and u.active]
        if len(admins) <= 1:
            raise AccountError(f"{target['name']!r} is the last active admin; add another admin first",
                               where="name")


def set_role(store: Store, name: str, role: str) -> User:
    _check_role(role)
    if role != "admin":
        _last_admin_guard(store, name)
    return _update(store, name, role=role)


def set_password(store: Store, name: str, password: str) -> User:
    """Replace a user's password; their open sessions end."""
    _check_password(name.strip(), password)
    return _update(store, name, pw_hash=HASHER.hash(password), end_sessions=True)


def disable_user(store: Store, name: str) -> User:
    """Disable a user (they can no longer log in) and end their sessions."""
    _last_admin_guard(store, name)
    return _update(store, name, active=False, end_sessions=True)


def enable_user(store: Store, name: str) -> User:
    return _update(store, name, active=True)


# -- login -----------------------------------------------------------------------------------------

def _retry_after(stamps: list[float], now: float) -> float:
    """Seconds until fewer than THROTTLE_LIMIT of `stamps` (newest first) are inside the window."""
    if len(stamps) < THROTTLE_LIMIT:
        return 0.0
    return max(0.0, stamps[THROTTLE_LIMIT - 1] + THROTTLE_WINDOW - now)


def _dummy_hash() -> str:
    key = (HASHER.time_cost, HASHER.memory_cost, HASHER.parallelism)
    if key not in _dummy:
        _dummy[key] = HASHER.hash(secrets.token_urlsafe(16))
    return _dummy[key]


def authenticate(store: Store, name: str, password: str, *, client: str = "") -> User | None:
    """The user when `name` and `password` match an active user, else None (the failure is counted).

    Raises LoginThrottled (with `retry_after` seconds) when THROTTLE_LIMIT failures were counted
    for this name or for this client within THROTTLE_WINDOW, whether or not the password is right.
    """
    now = _now()
    key = _key(name)
    by_name, by_client = store.acct_failures(key, client, since=now - THROTTLE_WINDOW, limit=THROTTLE_LIMIT)
    wait = max(_retry_after(by_name, now), _retry_after(by_client, now) if client else 0.0)
    if wait > 0:
        raise LoginThrottled(f"too many failed logins; try again in {int(wait) + 1} s",
                             retry_after=wait, where=name)
    row = store.acct_user(name.strip()) if len(password) <= MAX_PASSWORD else None
    ok = False
    try:
        ok = HASHER.verify(row["pw_hash"] if row else _dummy_hash(), password)  # same cost when unknown
    except (VerificationError, InvalidHashError):
        ok = False
    if row is None or not ok or not row["active"]:
        store.acct_add_failure(key, client, now, prune_before=now - THROTTLE_WINDOW)
        return None
    store.acct_clear_failures(key, client)
    if HASHER.check_needs_rehash(row["pw_hash"]):
        store.acct_update_user(row["name"], pw_hash=HASHER.hash(password))
    return _user(row)


# -- sessions --------------------------------------------------------------------------------------

def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def start_session(store: Store, user: User, *, ttl: float = SESSION_TTL) -> str:
    """A new session for `user`: returns the token for the browser (only its SHA-256 is kept)."""
    if not user.active:
        raise AccountError(f"user {user.name!r} is disabled", where="user")
    if ttl <= 0:
        raise AccountError("session ttl must be positive", where="ttl")
    token = secrets.token_urlsafe(32)
    now = _now()
    store.acct_session_add(_token_hash(token), user.id, created=now, expires=now + ttl)
    return token


def session_user(store: Store, token: str) -> User | None:
    """The user of a live session; None when the token is unknown, expired (idle or absolute)
    or its user disabled. Expired sessions are removed."""
    if not token or len(token) > 256:
        return None
    th = _token_hash(token)
    row = store.acct_session(th)
    if row is None:
        return None
    now = _now()
    if now >= row["expires"] or now - row["last_seen"] >= SESSION_IDLE or not row["active"]:
        store.acct_session_end(th)
        store.acct_sessions_purge(now, idle=SESSION_IDLE)
        return None
    if now - row["last_seen"] >= SESSION_TOUCH:
        store.acct_session_touch(th, now)
    return _user(row)


def end_session(store: Store, token: str) -> None:
    if token:
        store.acct_session_end(_token_hash(token))


# -- permissions and pseudonyms --------------------------------------------------------------------

def can(user: User | str, permission: str) -> bool:
    """Whether a user (an active one) or a role name holds `permission`."""
    if isinstance(user, User):
        if not user.active:
            return False
        role = user.role
    else:
        role = user
    return permission in PERMISSIONS.get(role, frozenset())


def pseudonym(secret: bytes, kind: str, value: str) -> str:
    """A stable stand-in for an identifier: f"{kind}-" + the first 10 hex digits of
    HMAC-SHA256(secret, f"{kind}:{value}"). Pass canonical values (e.g. a folded handle) so
    that spellings of the same identifier share a pseudonym."""
    mac = hmac.new(secret, f"{kind}:{value}".encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()
    return f"{kind}-{mac[:10]}"


def app_secret(store: Store) -> bytes:
    """This database's random 32-byte secret (pseudonyms, CSRF), created on first use."""
    return store.acct_secret("app", secrets.token_bytes(32))
