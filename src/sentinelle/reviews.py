"""Analysts' reviews of findings: confirm, reject or correct one finding of a stored post.

A review never changes the stored analysis: reviews are kept beside it, newest first, so the
history of who said what stays visible (and a re-analysis does not erase it). `finding` is the
index of the finding in the list the post page shows (the post's stored findings list).
"""

from __future__ import annotations

from typing import Any

from .errors import SentinelleError
from .store import Store

__all__ = ["REVIEW_ACTIONS", "add_review", "reviews"]

REVIEW_ACTIONS = ("confirm", "reject", "correct")
MAX_NOTE = 4000


def _error(message: str, where: str) -> SentinelleError:
    from .accounts import AccountError  # the one error type of issue 7's library side

    return AccountError(message, where=where)


def add_review(store: Store, post_id: str, finding: int, action: str, *, user: str, value: Any = None,
               note: str = "") -> int:
    """Record a review of finding number `finding` of post `post_id`; returns the review id.
    `value` (any JSON value) is the corrected value, required for "correct"."""
    if action not in REVIEW_ACTIONS:
        raise _error(f"unknown review action {action!r}; one of {', '.join(REVIEW_ACTIONS)}", "action")
    if isinstance(finding, bool) or not isinstance(finding, int) or finding < 0:
        raise _error(f"finding must be a non-negative index, not {finding!r}", "finding")
    if not user:
        raise _error("a review needs the name of its author", "user")
    if action == "correct" and (value is None or value == ""):
        raise _error("a correction needs the corrected value", "value")
    if len(note) > MAX_NOTE:
        raise _error(f"note too long: at most {MAX_NOTE} characters", "note")
    review_id = store.review_add(post_id, finding, action, value=value, user=user, note=note)
    if review_id is None:
        raise _error(f"no post with id {post_id!r}", "post_id")
    return review_id


def reviews(store: Store, post_id: str) -> list[dict[str, Any]]:
    """Reviews of a post's findings, newest first: id, finding, action, value, user, note, ts."""
    return store.review_list(post_id)
