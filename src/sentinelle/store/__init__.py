"""Storage of posts, originals and analysis results behind one interface.

    from sentinelle.store import open_store, FileInfo, Query
    with open_store("case.db") as store:              # SQLite; originals in case.db.evidence/
        sha = store.add_original("export/result.json")  # evidence, byte for byte, by SHA-256
        if not store.file_done(sha):
            res = store.add_posts(posts, file=FileInfo(sha, "export/result.json", format="telegram"))
        run = store.start_run("analyse", {"lexicons": "...", "model": "..."})
        store.save_results(run, ((a.post.id, a.to_record()) for a in analyses))
        store.finish_run(run, {"analysed": n})
        for obj in store.search(Query(text="cocaine", place="Lyon")):
            ...

`Store` is the contract every backend fulfils (SQLite here; PostgreSQL later): no SQL, no
SQLite notion leaks through it, and nothing outside this package writes SQL. Objects returned
by `search()`, `get()` and `export_posts()` are plain dicts, the same for every backend
(`EXPORT_FIELDS` lists their keys in order).
"""

from __future__ import annotations

import hashlib
import json
import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any, NamedTuple

from ..core import Post
from ..errors import ConfigError, SentinelleError
from .query import Query

__all__ = [
    "AddResult", "EXPORT_FIELDS", "FileInfo", "Problem", "Query", "Store", "StoreError",
    "ANALYSIS_FIELDS", "fingerprint_of", "open_store",
]

# The analysis fields of the contract (shared/contract/findings.md), in output order.
ANALYSIS_FIELDS = (
    "category", "score", "products", "prices", "prices_other_currencies", "handles", "former_handles", "phones",
    "places", "departments",
    "min_order", "payment", "delivery", "always_open", "prepayment", "promotion", "scam_signals",
    "minors_signals", "network", "evidence",
)
# Keys of an exported post, in order: the post, where it comes from, then its latest analysis
# (every analysis field is None when the post was never analysed).
EXPORT_FIELDS = (
    "id", "platform", "author", "date", "date_utc", "lang", "text", "source", "case", "provenance",
    "meta", "run_id", *ANALYSIS_FIELDS,
)


class StoreError(SentinelleError):
    """The database or the evidence store cannot be opened, migrated or written."""

    code = "SEN600"


@dataclass(frozen=True, slots=True)
class FileInfo:
    """One ingested unit: a file, or one member of an archive (`member` names it)."""

    sha256: str  # of the original as kept in the evidence store (the archive's, for members)
    path: str  # as given by the user
    member: str = ""
    format: str = ""  # what the importer detected: telegram, whatsapp, jsonl...
    case: str = ""
    rejected: int = 0  # items the importer could not read (quarantined elsewhere)


class AddResult(NamedTuple):
    added: int = 0
    duplicates: int = 0  # posts already stored (same provenance or same id), skipped


@dataclass(frozen=True, slots=True)
class Problem:
    """Something `verify()` found wrong. `kind` is one of:
    missing (an original is gone), modified (its bytes no longer hash to its name),
    unexpected (a file in the evidence folder that no original names), orphan (posts cite an
    original that is not in the store)."""

    kind: str
    sha256: str
    path: str
    message: str

    def to_record(self) -> dict[str, str]:
        return {"kind": self.kind, "sha256": self.sha256, "path": self.path, "message": self.message}


def fingerprint_of(versions: Mapping[str, Any]) -> str:
    """A short stable digest of the lexicon and model versions an analysis ran with."""
    blob = json.dumps(versions, sort_keys=True, ensure_ascii=False, default=str).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


class Store(ABC):
    """Posts, their originals and their analyses. Use as a context manager or call `close()`."""

    # -- evidence ------------------------------------------------------------------------------

    @abstractmethod
    def add_original(self, path: str | os.PathLike[str], *, name: str | None = None) -> str:
        """Keep the file at `path` byte for byte in the evidence store and return its SHA-256.
        Idempotent: the same bytes are stored once, each name they came under is recorded."""

    @abstractmethod
    def add_original_bytes(self, data: bytes, *, name: str) -> str:
        """Same as `add_original` for bytes already in memory (stdin, a decoded attachment)."""

    @abstractmethod
    def original_path(self, sha256: str) -> str | None:
        """Where the original with this hash is kept, or None if the store does not hold it."""

    @abstractmethod
    def verify(self) -> list[Problem]:
        """Re-hash every original and report missing, modified and unexpected files, and posts
        that cite an original the store does not hold. An empty list means all is intact."""

    # -- posts ---------------------------------------------------------------------------------

    @abstractmethod
    def file_done(self, sha256: str, member: str = "") -> bool:
        """True when that file (or archive member) was completely ingested before."""

    @abstractmethod
    def add_posts(self, posts: Iterable[Post], *, file: FileInfo | Callable[[], FileInfo] | None = None,
                  case: str = "") -> AddResult:
        """Store posts; a post already present (same provenance, or same id) is skipped and
        counted as a duplicate. With `file`, all the posts and the record that this file is
        done are written in ONE transaction: after a crash either all of its posts are stored
        and `file_done()` is true, or none is. `posts` is consumed lazily (bounded memory).
        `file` may be a function, called once `posts` is consumed: importers know a file's
        format and reject count only after reading it."""

    @abstractmethod
    def get(self, post_id: str) -> dict[str, Any] | None:
        """One post as an export object (`EXPORT_FIELDS`), or None."""

    @abstractmethod
    def count(self, query: Query | None = None) -> int:
        """How many posts match (all posts without a query); ignores limit and offset."""

    @abstractmethod
    def search(self, query: Query) -> Iterator[dict[str, Any]]:
        """Posts matching every filter of `query`, as export objects."""

    @abstractmethod
    def export_posts(self) -> Iterator[dict[str, Any]]:
        """Every post in insertion order, as export objects (`EXPORT_FIELDS`)."""

    # -- analysis ------------------------------------------------------------------------------

    @abstractmethod
    def start_run(self, kind: str, versions: Mapping[str, Any], *, fingerprint: str | None = None) -> int:
        """Record the start of an analysis run with the lexicon and model versions it uses;
        `fingerprint` defaults to `fingerprint_of(versions)`. Returns the run id."""

    @abstractmethod
    def finish_run(self, run_id: int, counts: Mapping[str, Any]) -> None:
        """Record the end of a run and its counts."""

    @abstractmethod
    def runs(self) -> list[dict[str, Any]]:
        """Every run, oldest first: id, kind, fingerprint, versions, started_at, finished_at, counts."""

    @abstractmethod
    def save_results(self, run_id: int, records: Iterable[tuple[str, Mapping[str, Any]]]) -> tuple[int, int]:
        """Store the analysis record (the contract's output line) of each post id, replacing
        any older one, and index its products, places, departments and identifiers. Returns
        (saved, unknown): records whose post id is not in the store are skipped and counted."""

    @abstractmethod
    def posts_needing_analysis(self, fingerprint: str | None = None) -> Iterator[Post]:
        """Posts never analysed, or (with `fingerprint`) last analysed with other lexicons or
        models: what `sentinelle reanalyse` must run. Safe to save results while iterating."""

    # -- accounts and identifiers (for the networks analysis) -----------------------------------

    @abstractmethod
    def accounts(self) -> Iterator[dict[str, Any]]:
        """Every author account: platform, handle (folded), display, posts."""

    @abstractmethod
    def identifier_links(self) -> Iterator[tuple[str, str, str, str]]:
        """(post id, kind, platform, value) for every phone, handle and link found in a post."""

    # -- vendor networks (persisted; see sentinelle.collect.relink) ------------------------------

    @abstractmethod
    def posts_needing_network_ids(self) -> Iterator[tuple[Post, dict[str, Any]]]:
        """(post, analysis record) of every analysed post whose link identifiers are missing or
        were taken from an older analysis. Safe to call `save_network_ids` while iterating."""

    @abstractmethod
    def save_network_ids(self, items: Iterable[tuple[str, Mapping[str, Any] | None]]) -> int:
        """Keep what the networks analysis reads from each post (a JSON-serialisable mapping; None
        when the post holds nothing to link), stamped with the post's current analysis run.
        Returns how many posts were written (unknown ids are skipped)."""

    @abstractmethod
    def network_ids(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """(post id, identifiers mapping) of every post with something to link, in insertion order."""

    @abstractmethod
    def network_memberships(self) -> Iterator[tuple[str, str]]:
        """(post id, network id) of every post currently in a network."""

    @abstractmethod
    def save_networks(self, networks: Iterable[Mapping[str, Any]],
                      memberships: Iterable[tuple[str, str | None]], *, complete: bool = True) -> dict[str, int]:
        """Persist network records (`Network.to_record()`: id, accounts, ..., links) and set the
        network of each listed post (None: no network) in its stored analysis, in one transaction.
        A network whose record is unchanged is not rewritten. With `complete`, `networks` is the
        whole set: stored networks not in it are removed and posts still pointing to them lose
        their network. Returns counts: added, changed, unchanged, removed, posts."""

    @abstractmethod
    def networks(self) -> list[dict[str, Any]]:
        """Every persisted network record, with its links, by id."""

    @abstractmethod
    def network(self, network_id: str) -> dict[str, Any] | None:
        """One persisted network record with its links, or None."""

    # -- lifecycle -----------------------------------------------------------------------------

    @abstractmethod
    def stats(self) -> dict[str, int]:
        """Counts: posts, originals, files, analysed, runs, accounts, identifiers."""

    @abstractmethod
    def close(self) -> None:
        """Release the database; the store is unusable afterwards."""

    # -- market observatory (sentinelle.observatory; SQLite: store/observatory_sql.py) ----------
    # Price points and posts are normalised when results are saved (migration 5); rows and
    # dicts below use the field names of observatory_sql.PRICE_FIELDS, POST_FIELDS, STATS_FIELDS
    # and EVENT_FIELDS.

    @abstractmethod
    def obs_price_rows(self, *, product: str | None = None, since: float | None = None,
                       until: float | None = None, ordered: bool = True) -> Iterator[tuple[Any, ...]]:
        """Every normalised price point (PRICE_FIELDS order), oldest first; with ordered=False in
        storage order and with an opaque post key instead of the post id (faster)."""

    @abstractmethod
    def obs_post_rows(self, *, since: float | None = None, until: float | None = None,
                      category: str | None = None) -> Iterator[dict[str, Any]]:
        """Every analysed post as the observatory sees it (POST_FIELDS), oldest first."""

    @abstractmethod
    def obs_post_texts(self, ids: Sequence[str]) -> dict[str, str]:
        """The texts of the posts with these ids (those not stored are left out)."""

    @abstractmethod
    def obs_price_stamp(self) -> str:
        """A token that changes whenever price points or analysed posts change."""

    @abstractmethod
    def obs_volume(self, by: str, *, since: float | None = None, until: float | None = None,
                   department: str | None = None) -> list[tuple[str, str, int]]:
        """(week or month, category, posts) counts."""

    @abstractmethod
    def obs_top(self, field: str, *, since: float | None = None, until: float | None = None,
                department: str | None = None, limit: int = 10) -> list[dict[str, Any]]:
        """The most active networks, vendors or departments (sale and recruitment posts)."""

    @abstractmethod
    def obs_state(self, name: str) -> str | None:
        """A named observatory state value (stamps of cached computations)."""

    @abstractmethod
    def obs_set_state(self, name: str, value: str) -> None:
        """Set a named observatory state value."""

    @abstractmethod
    def obs_save_stats(self, stamp: str, rows: Iterable[Sequence[Any]]) -> int:
        """Replace the cached price statistics (STATS_FIELDS rows) computed for `stamp`."""

    @abstractmethod
    def obs_stats(self, by: str, dim: str, dim_value: str = "", *, product: str | None = None,
                  tier: int | None = None, since: str | None = None, until: str | None = None
                  ) -> list[dict[str, Any]]:
        """Cached price statistics of one breakdown (dim: all, place, department, network)."""

    @abstractmethod
    def obs_save_events(self, events: Iterable[Mapping[str, Any]]) -> list[str]:
        """Store events by their idempotent key; returns the keys not stored before."""

    @abstractmethod
    def obs_events(self, *, type: str | None = None, since: float | None = None, until: float | None = None,
                   keys: Sequence[str] | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Stored events, newest first."""

    @abstractmethod
    def obs_watch_add(self, kind: str, value: str, note: str = "") -> int:
        """Add a watchlist entry (idempotent); returns its id."""

    @abstractmethod
    def obs_watch_list(self) -> list[dict[str, Any]]:
        """Every watchlist entry with its hit count."""

    @abstractmethod
    def obs_watch_remove(self, watch_id: int) -> bool:
        """Remove a watchlist entry and its hits."""

    @abstractmethod
    def obs_watch_matches(self, kind: str, value: str) -> list[str]:
        """Ids of the analysed posts a watchlist entry matches."""

    @abstractmethod
    def obs_watch_hit(self, watch_id: int, post_ids: Sequence[str]) -> list[str]:
        """Record matches of a watchlist entry; returns the post ids not recorded before."""

    @abstractmethod
    def obs_rule_add(self, name: str, types: Sequence[str], *, filters: Mapping[str, Any] | None = None,
                     webhook: str = "", email: str = "") -> int:
        """Add or replace an alert rule by name; returns its id."""

    @abstractmethod
    def obs_rules(self) -> list[dict[str, Any]]:
        """Every alert rule."""

    @abstractmethod
    def obs_rule_remove(self, name: str) -> bool:
        """Remove an alert rule."""

    @abstractmethod
    def obs_alert_add(self, key: str, kind: str, title: str, body: Mapping[str, Any],
                      rules: Sequence[str] = ()) -> int | None:
        """Store an alert unless its key exists; returns its id when new, else None."""

    @abstractmethod
    def obs_alerts(self, *, status: str | None = None, ids: Sequence[int] | None = None,
                   limit: int | None = None) -> list[dict[str, Any]]:
        """Stored alerts, newest first."""

    @abstractmethod
    def obs_alert_status(self, ids: Sequence[int], status: str) -> int:
        """Set alerts' status: new, seen or dismissed."""

    @abstractmethod
    def obs_alert_delivery(self, alert_id: int, delivery: Mapping[str, str]) -> None:
        """Record the outcome of an alert's deliveries (channel -> "ok" or the error)."""

    # -- users, sessions, audit log and finding reviews (sentinelle.accounts, .audit, .reviews;
    # SQLite: store/accounts_sql.py). User rows are dicts: id, name, role, pw_hash, active,
    # created_at, updated_at. Session tokens are passed as their SHA-256, never in clear.

    @abstractmethod
    def acct_add_user(self, name: str, role: str, pw_hash: str) -> dict[str, Any] | None:
        """Create an active user; None when the name (compared without case) is taken."""

    @abstractmethod
    def acct_user(self, name: str) -> dict[str, Any] | None:
        """One user by name (without case), with its password hash, or None."""

    @abstractmethod
    def acct_users(self) -> list[dict[str, Any]]:
        """Every user (without password hashes), by id."""

    @abstractmethod
    def acct_update_user(self, name: str, *, role: str | None = None, active: bool | None = None,
                         pw_hash: str | None = None, end_sessions: bool = False) -> dict[str, Any] | None:
        """Change a user's role, active flag or password hash (None: unchanged) and, with
        `end_sessions` or when disabling, delete their sessions in the same transaction.
        Returns the updated user, or None when there is no such user."""

    @abstractmethod
    def acct_failures(self, name: str, client: str, *, since: float, limit: int) -> tuple[list[float], list[float]]:
        """Times of the latest failed logins after `since` for this name and from this client
        (none for client ''), newest first, at most `limit` each."""

    @abstractmethod
    def acct_add_failure(self, name: str, client: str, ts: float, *, prune_before: float) -> None:
        """Record a failed login and forget failures older than `prune_before`."""

    @abstractmethod
    def acct_clear_failures(self, name: str, client: str) -> None:
        """Forget the failed logins of this name from this client (after a success)."""

    @abstractmethod
    def acct_session_add(self, token_hash: str, user_id: int, *, created: float, expires: float) -> None:
        """Store a new session (last use = created)."""

    @abstractmethod
    def acct_session(self, token_hash: str) -> dict[str, Any] | None:
        """A session with its user: id, name, role, active, created, last_seen, expires; or None."""

    @abstractmethod
    def acct_session_touch(self, token_hash: str, ts: float) -> None:
        """Record a use of a session."""

    @abstractmethod
    def acct_session_end(self, token_hash: str) -> None:
        """Delete a session (no error when unknown)."""

    @abstractmethod
    def acct_sessions_purge(self, now: float, *, idle: float) -> int:
        """Delete sessions past their expiry or unused for `idle` seconds; returns how many."""

    @abstractmethod
    def acct_secret(self, name: str, candidate: bytes) -> bytes:
        """The named secret of this database; the first call stores `candidate` (race-safe)."""

    @abstractmethod
    def audit_append(self, fields: Mapping[str, Any], seal: Callable[[int, str], str], *, genesis: str) -> int:
        """Append an audit entry (ts, user, action, target, detail, justification). Inside ONE
        write transaction that excludes other writers: read the head (last id and hash; `genesis`
        when the log is empty), call `seal(new_id, prev_hash)` for the entry's hash, insert the
        entry and update the head. Returns the new id."""

    @abstractmethod
    def audit_head(self) -> dict[str, Any] | None:
        """The head record: last_id, last_hash, count; None before the first entry."""

    @abstractmethod
    def audit_scan(self) -> Iterator[dict[str, Any]]:
        """Every audit entry by increasing id (detail parsed; left as text when not JSON)."""

    @abstractmethod
    def audit_entries(self, *, user: str | None = None, action: str | None = None,
                      limit: int = 200) -> list[dict[str, Any]]:
        """Audit entries, newest first, optionally of one user and/or one action."""

    @abstractmethod
    def review_add(self, post_id: str, finding: int, action: str, *, value: Any, user: str,
                   note: str) -> int | None:
        """Store a review of a post's finding; returns its id, or None when the post is unknown."""

    @abstractmethod
    def review_list(self, post_id: str) -> list[dict[str, Any]]:
        """A post's reviews, newest first: id, finding, action, value, user, note, ts."""

    # -- analyst web app read side (sentinelle.web; SQLite: store/web_sql.py) --------------------

    @abstractmethod
    def web_feed(self, query: Query, *, before: int | None = None, limit: int = 50
                 ) -> list[tuple[int, dict[str, Any]]]:
        """One page of posts matching `query`, most recently collected first, as (cursor, export
        object); the next page is `before=` the last cursor (keyset paging)."""

    @abstractmethod
    def web_stamp(self) -> str:
        """A token that changes whenever posts are added or analysis results change."""

    @abstractmethod
    def web_counts(self) -> dict[str, int]:
        """posts, analysed, sale, recruitment, other (whole-table: cache against web_stamp)."""

    @abstractmethod
    def web_top(self, field: str, *, limit: int = 10) -> list[tuple[str, int]]:
        """Most frequent values of a facet (products, places, departments) with their post counts."""

    @abstractmethod
    def web_account(self, platform: str, handle: str) -> dict[str, Any] | None:
        """An author account: platform, handle, display, posts, first_ts, last_ts; or None."""

    @abstractmethod
    def web_account_identifiers(self, platform: str, handle: str, *, limit: int = 100) -> list[dict[str, Any]]:
        """Phones, handles and links found in an account's posts (kind, platform, value, posts)."""

    @abstractmethod
    def web_account_networks(self, platform: str, handle: str) -> list[tuple[str, int]]:
        """(network id, posts) of the networks an account's posts belong to."""

    @abstractmethod
    def web_identifier_posts(self, kind: str, platform: str, value: str, *, limit: int = 50
                             ) -> list[dict[str, Any]]:
        """Export objects of the posts that give an identifier, newest collected first."""

    @abstractmethod
    def web_identifier_networks(self, kind: str, platform: str, value: str) -> list[tuple[str, int]]:
        """(network id, posts) of the networks of the posts that give an identifier."""

    @abstractmethod
    def web_account_prices(self, account: str, *, limit: int = 500) -> list[dict[str, Any]]:
        """Price points of an account (`platform:handle`), oldest first, the latest `limit`."""

    @abstractmethod
    def web_links_of(self, node: str, *, limit: int = 200) -> list[dict[str, Any]]:
        """Network links whose source or target is `node`, strongest first."""

    @abstractmethod
    def web_identity_keys(self) -> list[tuple[str, str]]:
        """(kind, key) of every account ("account", "platform:handle") and phone ("phone", value)."""

    @abstractmethod
    def web_networks_page(self, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Network summaries, largest first."""

    @abstractmethod
    def web_network_count(self) -> int:
        """How many networks are stored."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def open_store(url_or_path: str | os.PathLike[str], *, evidence_dir: str | os.PathLike[str] | None = None,
               create: bool = True) -> Store:
    """Open (and create or migrate) a store.

    - a path, or `sqlite:///path`: SQLite, originals in `<path>.evidence/` unless `evidence_dir`;
    - `:memory:`: a throw-away SQLite database (originals need an explicit `evidence_dir`);
    - `postgresql://...`: reserved for the PostgreSQL backend (not available yet).
    """
    target = os.fspath(url_or_path)
    if target.startswith(("postgresql://", "postgres://")):
        raise ConfigError("the PostgreSQL store is not available yet; use a SQLite path", where=target)
    if target.startswith("sqlite://"):
        rest = target[len("sqlite://"):]  # sqlite:///rel.db -> rel.db, sqlite:////abs.db -> /abs.db
        target = (rest[1:] if rest.startswith("/") else rest) or ":memory:"
    if "://" in target:
        raise ConfigError(f"unknown store URL scheme in {target!r}", where="--db")
    from .sqlite import SQLiteStore

    return SQLiteStore(target, evidence_dir=evidence_dir, create=create)
