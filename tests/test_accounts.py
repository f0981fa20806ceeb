"""Users, roles, password hashing, throttling, sessions, pseudonyms and reviews (sentinelle.accounts)."""

from __future__ import annotations

import io
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from sentinelle import accounts
from sentinelle.accounts import (
    PERMISSIONS,
    ROLES,
    AccountError,
    LoginThrottled,
    User,
    add_review,
    add_user,
    app_secret,
    authenticate,
    can,
    disable_user,
    enable_user,
    end_session,
    list_users,
    pseudonym,
    reviews,
    session_user,
    set_role,
    start_session,
)
from sentinelle.cli import main
from sentinelle.core import Post, Provenance
from sentinelle.store import FileInfo, Store, open_store

CHEAP = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)  # fast tests; real profile in prod
PW = "correct horse battery"
REAL_HASHER = accounts.HASHER  # the module's own default, before the fixture below swaps it


class Clock:
    def __init__(self, t: float = 1_700_000_000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "HASHER", CHEAP)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()
    monkeypatch.setattr(accounts, "_now", c)
    return c


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "case.db"


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    s = open_store(db)
    yield s
    s.close()


# -- roles and permissions ---------------------------------------------------------------------

# Written out by hand from the contract (issue 7), not derived from PERMISSIONS.
MATRIX = {
    #              view view_raw search review watch import export admin
    "admin":      (1,   1,       1,     1,     1,    1,     1,     1),
    "analyst":    (1,   1,       1,     1,     1,    1,     1,     0),
    "reviewer":   (1,   1,       1,     1,     0,    0,     0,     0),
    "researcher": (1,   0,       1,     0,     0,    0,     0,     0),
}
PERMS = ("view", "view_raw", "search", "review", "watch", "import", "export", "admin")


@pytest.mark.parametrize(("role", "perm", "allowed"),
                         [(r, p, bool(MATRIX[r][i])) for r in MATRIX for i, p in enumerate(PERMS)])
def test_permission_matrix(role: str, perm: str, allowed: bool) -> None:
    assert can(role, perm) is allowed
    assert can(User(1, "u", role), perm) is allowed
    assert can(User(1, "u", role, active=False), perm) is False  # a disabled user can do nothing


def test_roles_and_permissions_are_the_contract() -> None:
    assert ROLES == ("admin", "analyst", "reviewer", "researcher")
    assert set(PERMISSIONS) == set(ROLES)
    assert set().union(*PERMISSIONS.values()) == set(PERMS)


@pytest.mark.parametrize(("who", "perm"), [("root", "view"), ("", "view"), ("admin", "delete"), ("admin", "")])
def test_unknown_role_or_permission_is_refused(who: str, perm: str) -> None:
    assert can(who, perm) is False


# -- users and password hashing ----------------------------------------------------------------

def test_password_is_stored_as_argon2id_only(store: Store, db: Path) -> None:
    u = add_user(store, "alice", "analyst", PW)
    assert u == User(u.id, "alice", "analyst", True)
    row = store.acct_user("alice")
    assert row is not None and row["pw_hash"].startswith("$argon2id$")
    assert PW not in row["pw_hash"]
    raw = db.read_bytes() + (db.with_name(db.name + "-wal").read_bytes() if db.with_name(db.name + "-wal").exists()
                             else b"")
    assert PW.encode() not in raw  # nowhere in the database file
    other = add_user(store, "bob", "analyst", PW)
    assert store.acct_user("bob")["pw_hash"] != row["pw_hash"]  # type: ignore[index]  # salted
    assert other.id != u.id


def test_production_hasher_is_rfc9106_argon2id() -> None:
    real = REAL_HASHER
    assert (real.time_cost, real.memory_cost, real.parallelism) == (3, 65536, 4)
    assert real.type.name == "ID"
    assert real.hash(PW).startswith("$argon2id$v=19$m=65536,t=3,p=4$")


@pytest.mark.parametrize(("name", "role", "password", "where"), [
    ("carol", "superuser", PW, "role"),
    ("carol", "analyst", "short", "password"),
    ("carol", "analyst", "123456789", "password"),  # 9 characters
    ("carol", "analyst", "x" * 2000, "password"),
    ("Carol.Long", "analyst", "carol.long", "password"),  # the name as password
    ("", "analyst", PW, "name"),
    ("has space", "analyst", PW, "name"),
    ("<script>", "analyst", PW, "name"),
    ("-dash", "analyst", PW, "name"),
    ("x" * 65, "analyst", PW, "name"),
])
def test_add_user_rejects_bad_input(store: Store, name: str, role: str, password: str, where: str) -> None:
    with pytest.raises(AccountError) as ei:
        add_user(store, name, role, password)
    assert ei.value.code == "SEN620" and ei.value.where == where
    assert list_users(store) == []


@pytest.mark.parametrize("dup", ["alice", "ALICE", " Alice "])
def test_duplicate_name_is_refused_whatever_the_case(store: Store, dup: str) -> None:
    add_user(store, "Alice", "analyst", PW)
    with pytest.raises(AccountError, match="already exists"):
        add_user(store, dup, "admin", PW + "x")
    assert [u.name for u in list_users(store)] == ["Alice"]


@pytest.mark.parametrize(("name", "password", "expected"), [
    ("alice", PW, "alice"),
    ("ALICE", PW, "alice"),  # names compare without case
    ("alice", PW + " ", None),
    ("alice", "", None),
    ("nobody", PW, None),
    ("alice", "x" * 5000, None),
])
def test_authenticate(store: Store, clock: Clock, name: str, password: str, expected: str | None) -> None:
    add_user(store, "alice", "analyst", PW)
    u = authenticate(store, name, password, client="10.0.0.1")
    assert (u.name if u else None) == expected


def test_disabled_user_cannot_log_in_and_enable_restores(store: Store, clock: Clock) -> None:
    add_user(store, "root", "admin", PW)
    add_user(store, "alice", "analyst", PW)
    assert disable_user(store, "alice").active is False
    assert authenticate(store, "alice", PW) is None
    enable_user(store, "alice")
    assert authenticate(store, "alice", PW) == User(2, "alice", "analyst", True)


def test_rehash_on_login_when_parameters_change(store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch) -> None:
    add_user(store, "alice", "analyst", PW)
    old = store.acct_user("alice")["pw_hash"]  # type: ignore[index]
    assert "m=8,t=1,p=1" in old
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=2, memory_cost=16, parallelism=1))
    assert authenticate(store, "alice", "wrong password!") is None
    assert store.acct_user("alice")["pw_hash"] == old  # type: ignore[index]  # not on a failure
    assert authenticate(store, "alice", PW) is not None
    new = store.acct_user("alice")["pw_hash"]  # type: ignore[index]
    assert new != old and "m=16,t=2,p=1" in new and new.startswith("$argon2id$")
    assert authenticate(store, "alice", PW) is not None  # the new hash verifies


def test_set_role_and_last_admin_guard(store: Store) -> None:
    add_user(store, "root", "admin", PW)
    add_user(store, "alice", "analyst", PW)
    assert set_role(store, "alice", "reviewer").role == "reviewer"
    with pytest.raises(AccountError, match="last active admin"):
        set_role(store, "root", "analyst")
    with pytest.raises(AccountError, match="last active admin"):
        disable_user(store, "root")
    set_role(store, "alice", "admin")
    assert disable_user(store, "root").active is False
    with pytest.raises(AccountError, match="no user"):
        set_role(store, "ghost", "analyst")
    with pytest.raises(AccountError, match="unknown role"):
        set_role(store, "alice", "god")


# -- throttling --------------------------------------------------------------------------------

# Each step: (seconds since start, name, password ok?, client, expected: "ok" | "fail" | "throttled")
A, B, C = "10.0.0.1", "10.0.0.2", "10.0.0.3"
THROTTLE_CASES = {
    "five failures lock the name, even with the right password": [
        *[(i, "alice", False, A, "fail") for i in range(5)],
        (10, "alice", True, A, "throttled"),
        (11, "alice", True, B, "throttled"),  # per name: from another client too
        (12, "bob", True, B, "ok"),
    ],
    "the window slides": [
        *[(i * 60, "alice", False, A, "fail") for i in range(5)],  # t = 0, 60, 120, 180, 240
        (899, "alice", True, A, "throttled"),
        (901, "alice", True, A, "ok"),  # the failure at t=0 left the window
    ],
    "five failures from one client lock that client for every name": [
        *[(i, n, False, A, "fail") for i, n in enumerate(["alice", "bob", "x1", "x2", "x3"])],
        (10, "bob", True, A, "throttled"),
        (11, "bob", True, B, "ok"),  # another client
    ],
    "a success does not reset the client's failures for other names": [
        *[(i, "alice", False, A, "fail") for i in range(4)],
        (10, "bob", True, A, "ok"),  # an insider logs in from the same client
        (11, "alice", False, A, "fail"),  # 5th failure for alice from A
        (12, "carol", True, A, "throttled"),
    ],
    "a success forgets the user's own failures from that client": [
        *[(i, "alice", False, A, "fail") for i in range(4)],
        (10, "alice", True, A, "ok"),
        *[(20 + i, "alice", False, A, "fail") for i in range(4)],
        (30, "alice", True, A, "ok"),
    ],
    "unknown names are throttled too (no user enumeration)": [
        *[(i, "ghost", False, C, "fail") for i in range(5)],
        (10, "ghost", False, B, "throttled"),
    ],
}


@pytest.mark.parametrize("steps", list(THROTTLE_CASES.values()), ids=list(THROTTLE_CASES))
def test_throttling(store: Store, clock: Clock, steps: list[tuple[int, str, bool, str, str]]) -> None:
    for name in ("alice", "bob", "carol"):
        add_user(store, name, "analyst", PW)
    start = clock.t
    for t, name, good, client, expected in steps:
        clock.t = start + t
        try:
            got = "ok" if authenticate(store, name, PW if good else "wrong password", client=client) else "fail"
        except LoginThrottled as e:
            got = "throttled"
            assert e.code == "SEN621" and 0 < e.retry_after <= accounts.THROTTLE_WINDOW
        assert got == expected, (t, name, client)


def test_throttle_is_shared_between_store_connections(db: Path, clock: Clock) -> None:
    with open_store(db) as s1, open_store(db) as s2:  # two server workers
        add_user(s1, "alice", "analyst", PW)
        for i in range(5):
            assert authenticate(s1 if i % 2 else s2, "alice", "nope nope nope", client=A) is None
        with pytest.raises(LoginThrottled) as ei:
            authenticate(s1, "alice", PW, client=A)
        assert ei.value.retry_after == pytest.approx(accounts.THROTTLE_WINDOW)


# -- sessions ----------------------------------------------------------------------------------

def test_session_lifecycle(store: Store, db: Path, clock: Clock) -> None:
    u = add_user(store, "alice", "analyst", PW)
    token = start_session(store, u)
    assert len(token) >= 40 and session_user(store, token) == u
    assert session_user(store, token + "x") is None and session_user(store, "") is None
    dump = "\n".join(sqlite3.connect(db).iterdump())
    assert token not in dump  # only its hash is kept
    end_session(store, token)
    assert session_user(store, token) is None
    end_session(store, token)  # twice: no error


@pytest.mark.parametrize(("ttl", "uses", "at", "alive"), [
    (8 * 3600, [], 3600, True),
    (8 * 3600, [], 2 * 3600 + 1, False),  # idle for over 2 h
    (8 * 3600, [3600, 7200, 10800], 10800 + 3600, True),  # used every hour: stays
    (8 * 3600, [3600 * h for h in range(1, 8)], 8 * 3600 + 1, False),  # absolute ttl, however busy
    (600, [], 599, True),
    (600, [], 601, False),
])
def test_session_expiry(store: Store, clock: Clock, ttl: float, uses: list[int], at: int, alive: bool) -> None:
    u = add_user(store, "alice", "analyst", PW)
    start = clock.t
    token = start_session(store, u, ttl=ttl)
    for t in uses:
        clock.t = start + t
        assert session_user(store, token) == u
    clock.t = start + at
    assert (session_user(store, token) == u) is alive
    if not alive:  # removed, and stays dead when the clock goes back
        clock.t = start
        assert session_user(store, token) is None


def test_disabling_a_user_ends_their_sessions_only(store: Store, clock: Clock) -> None:
    root = add_user(store, "root", "admin", PW)
    alice = add_user(store, "alice", "analyst", PW)
    tokens = [start_session(store, alice) for _ in range(2)]
    keep = start_session(store, root)
    disable_user(store, "alice")
    assert [session_user(store, t) for t in tokens] == [None, None]
    enable_user(store, "alice")
    assert [session_user(store, t) for t in tokens] == [None, None]  # not resurrected
    assert session_user(store, keep) == root
    with pytest.raises(AccountError):
        start_session(store, User(alice.id, "alice", "analyst", active=False))


def test_role_change_applies_to_open_sessions(store: Store, clock: Clock) -> None:
    add_user(store, "root", "admin", PW)
    alice = add_user(store, "alice", "analyst", PW)
    token = start_session(store, alice)
    set_role(store, "alice", "researcher")
    u = session_user(store, token)
    assert u is not None and u.role == "researcher" and not can(u, "view_raw")


# -- pseudonyms ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "value"), [("phone", "+33612345678"), ("handle", "pluglyon"),
                                             ("author", "Plug Lyon 🍀"), ("url", "https://t.me/plug")])
def test_pseudonym_stable_and_secret(kind: str, value: str) -> None:
    s1, s2 = b"\x01" * 32, b"\x02" * 32
    p = pseudonym(s1, kind, value)
    assert re.fullmatch(rf"{kind}-[0-9a-f]{{10}}", p)
    assert pseudonym(s1, kind, value) == p  # stable
    assert pseudonym(s2, kind, value) != p  # another secret, another pseudonym
    assert pseudonym(s1, kind, value + "1") != p
    assert pseudonym(s1, "other", value).split("-", 1)[1] != p.split("-", 1)[1]  # kind is keyed in
    assert value not in p


def test_app_secret_is_kept_per_database(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.db") as a:
        sa = app_secret(a)
        assert len(sa) == 32 and app_secret(a) == sa
    with open_store(tmp_path / "a.db") as a:
        assert app_secret(a) == sa  # survives reopening
    with open_store(tmp_path / "b.db") as b:
        assert app_secret(b) != sa
        assert pseudonym(app_secret(b), "phone", "+33612345678") != pseudonym(sa, "phone", "+33612345678")


# -- finding reviews ---------------------------------------------------------------------------

@pytest.fixture
def with_post(store: Store) -> Store:
    store.add_posts([Post(id="p1", text="coke 60 le g", platform="telegram", author="plug",
                          provenance=Provenance("b" * 64, "x.json", "", "1"))], file=FileInfo("b" * 64, "x.json"))
    return store


def test_reviews_newest_first(with_post: Store) -> None:
    r1 = add_review(with_post, "p1", 0, "confirm", user="alice")
    r2 = add_review(with_post, "p1", 1, "correct", user="bob", value={"price": 70}, note="70 not 60")
    r3 = add_review(with_post, "p1", 0, "reject", user="carol")
    got = reviews(with_post, "p1")
    assert [r["id"] for r in got] == [r3, r2, r1]
    assert got[1] == {"id": r2, "finding": 1, "action": "correct", "value": {"price": 70}, "user": "bob",
                      "note": "70 not 60", "ts": got[1]["ts"]}
    assert got[0]["value"] is None and got[0]["ts"] >= got[2]["ts"]
    assert reviews(with_post, "nope") == []


@pytest.mark.parametrize(("post", "finding", "action", "kw", "where"), [
    ("p1", 0, "approve", {}, "action"),
    ("p1", -1, "confirm", {}, "finding"),
    ("p1", True, "confirm", {}, "finding"),
    ("p1", 0, "correct", {}, "value"),
    ("p1", 0, "confirm", {"user": ""}, "user"),
    ("zz", 0, "confirm", {}, "post_id"),
])
def test_review_errors(with_post: Store, post: str, finding: int, action: str, kw: dict[str, str],
                       where: str) -> None:
    with pytest.raises(AccountError) as ei:
        add_review(with_post, post, finding, action, **{"user": "alice", **kw})
    assert ei.value.where == where
    assert reviews(with_post, "p1") == []


# -- CLI ---------------------------------------------------------------------------------------

def _cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], db: Path, *argv: str,
         stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main([*argv, "--db", str(db)])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_users(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, _, err = _cli(monkeypatch, capsys, db, "users", "add", "alice", "--role", "admin", "--password-stdin",
                        stdin=PW + "\n")
    assert code == 0 and "alice" in err
    code, _, err = _cli(monkeypatch, capsys, db, "users", "add", "Alice", "--role", "analyst", "--password-stdin",
                        stdin="another password\n")
    assert code == 2 and "SEN620" in err and "a user named 'Alice' already exists" in err
    code, _, err = _cli(monkeypatch, capsys, db, "users", "add", "bob", "--role", "analyst", "--password-stdin",
                        stdin="short\n")
    assert code == 2 and "at least 10 characters" in err
    _cli(monkeypatch, capsys, db, "users", "add", "bob", "--role", "reviewer", "--password-stdin", stdin=PW)
    code, out, _ = _cli(monkeypatch, capsys, db, "users", "list")
    assert code == 0 and re.search(r"alice\s+admin\s+active", out) and re.search(r"bob\s+reviewer\s+active", out)
    assert _cli(monkeypatch, capsys, db, "users", "disable", "bob")[0] == 0
    code, out, _ = _cli(monkeypatch, capsys, db, "users", "list", "--json")
    assert '"name": "bob", "role": "reviewer", "active": false' in out
    code, _, err = _cli(monkeypatch, capsys, db, "users", "disable", "ghost")
    assert code == 2 and "no user named 'ghost'" in err
    with open_store(db) as s:
        assert authenticate(s, "alice", PW) is not None  # the password is exactly the stdin line
        actions = [e["action"] for e in __import__("sentinelle.audit").audit.entries(s)]
    assert actions[:1] == ["user_disable"] and actions.count("user_add") == 2
