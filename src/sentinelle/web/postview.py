"""A stored post as the pages show it: its findings (with explanation and latest review), its text
with evidence highlighted, and, for researchers, identifiers replaced by pseudonyms.

A post's findings are its stored `evidence` list (the analysis record's contract); a finding's
index in that list is what reviews refer to. The stored evidence keeps kind, span and rule; the
value, analyser and explanation are recovered by analysing the post text again (a fraction of a
millisecond) and matching span and rule; a finding that no longer matches keeps its stored text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..core import Finding, Post
from ..store.query import handle_key
from .render import Masker, Span, author_spans, highlight, url_spans

CONTACT_KINDS = ("phones", "handles")
REVIEW_WORDS = {"confirm": "confirmed", "reject": "rejected", "correct": "corrected"}
_DIGITS = re.compile(r"\D+")


@dataclass(slots=True)
class FindingRow:
    index: int
    kind: str  # the output field it feeds ("category": evidence for the verdict)
    value: Any
    text: str  # the span of the original text (or its pseudonym)
    start: int
    end: int
    analyser: str
    rule: str
    explanation: str
    review: dict[str, Any] | None = None
    raw_text: str = ""  # as stored, before any pseudonym replaced it
    raw_value: Any = None

    @property
    def value_text(self) -> str:
        if isinstance(self.value, str):
            return self.value
        return json.dumps(self.value, ensure_ascii=False, sort_keys=True)

    @property
    def status(self) -> str:
        return REVIEW_WORDS.get(str(self.review.get("action")), "") if self.review else ""


def reanalyse(obj: Mapping[str, Any]) -> list[Finding]:
    """The findings of the stored post's text under the current analysers (empty if that fails)."""
    from ..api import analyze_post

    post = Post(id=str(obj.get("id") or ""), text=str(obj.get("text") or ""), platform=str(obj.get("platform") or ""),
                author=str(obj.get("author") or ""), date=str(obj.get("date") or ""), lang=str(obj.get("lang") or ""))
    try:
        return list(analyze_post(post).findings)
    except Exception:  # noqa: BLE001 - a page must still show the stored evidence
        return []


def _match(ev: Mapping[str, Any], found: Sequence[Finding]) -> Finding | None:
    kind, start, end, rule = ev.get("field"), ev.get("start"), ev.get("end"), ev.get("rule")
    best = None
    for f in found:
        if f.start == start and f.end == end and f.rule == rule:
            if f.kind == kind:
                return f
            if kind == "category" and best is None:
                best = f
    return best


def finding_rows(obj: Mapping[str, Any], found: Sequence[Finding], masker: Masker,
                 reviews: Sequence[Mapping[str, Any]] = ()) -> list[FindingRow]:
    """One row per stored evidence entry, in stored order (index = position)."""
    latest: dict[int, dict[str, Any]] = {}
    for r in reviews:  # newest first
        latest.setdefault(int(r["finding"]), dict(r))
    rows = []
    for i, ev in enumerate(obj.get("evidence") or ()):
        if not isinstance(ev, Mapping):
            continue
        f = _match(ev, found)
        kind = str(ev.get("field") or "")
        text = str(ev.get("text") or "")
        value: Any = f.value if f is not None else text
        rows.append(FindingRow(i, kind, value, text, int(ev.get("start") or 0), int(ev.get("end") or 0),
                               f.analyser if f is not None else "", str(ev.get("rule") or ""),
                               f.explanation if f is not None else "", latest.get(i), text, value))
    if masker.active:
        _mask_rows(obj, rows, masker)
    return rows


def _contact_value(row: FindingRow, obj: Mapping[str, Any]) -> Any:
    """The value of a phone or handle finding when re-analysis did not give it."""
    if row.kind == "phones" or row.rule.startswith("contacts:phone"):
        digits = _DIGITS.sub("", row.raw_text)
        for p in obj.get("phones") or ():
            if isinstance(p, str) and digits and _DIGITS.sub("", p).endswith(digits[-8:]):
                return p
        return "+" + digits if digits else row.raw_text
    key = handle_key(row.raw_text)
    for h in obj.get("handles") or ():
        if isinstance(h, Mapping) and handle_key(str(h.get("handle") or "")) and \
                handle_key(str(h.get("handle") or "")) in key:
            return h
    return {"platform": "other", "handle": row.raw_text}


def _is_contact(row: FindingRow) -> bool:
    return row.kind in CONTACT_KINDS or row.rule.startswith(("contacts:phone", "contacts:handle"))


def _contact_pseudo(row: FindingRow, obj: Mapping[str, Any], masker: Masker) -> tuple[str, str]:
    """(kind, pseudonym) of a phone or handle finding (or of verdict evidence resting on one)."""
    if row.kind == "phones" or row.rule.startswith("contacts:phone"):
        value = row.raw_value if isinstance(row.raw_value, str) and row.raw_value.startswith("+") \
            else _contact_value(row, obj)
        return "phones", masker.value("phones", value)
    value = row.raw_value if isinstance(row.raw_value, Mapping) else _contact_value(row, obj)
    return "handles", masker.value("handles", value)


def mask_spans(obj: Mapping[str, Any], rows: Sequence[FindingRow], masker: Masker) -> list[Span]:
    """Spans of the text a researcher must not read: contact findings, the author's handle, URLs,
    each with its pseudonym (the masker learns the raw strings, for `scrub`)."""
    text = str(obj.get("text") or "")
    out: list[Span] = []
    author = str(obj.get("author") or "")
    if author:
        pa = masker.account(str(obj.get("platform") or ""), author)
        masker.learn(author, pa)
        out += [Span(a, b, "author", pa) for a, b in author_spans(text, author)]
    for h in obj.get("handles") or ():
        if isinstance(h, Mapping):
            masker.value("handles", h)
    for ph in obj.get("phones") or ():
        if isinstance(ph, str):
            masker.phone(ph)
    for row in rows:
        if _is_contact(row):
            kind, p = _contact_pseudo(row, obj, masker)
            masker.learn(row.raw_text, p)
            out.append(Span(row.start, row.end, kind, p))
    out += [Span(a, b, "url", masker.url(u)) for a, b, u in url_spans(text)]
    return out


def _mask_rows(obj: Mapping[str, Any], rows: list[FindingRow], masker: Masker) -> None:
    masks = mask_spans(obj, rows, masker)
    for row in rows:
        over = [m.replace for m in masks if m.start < row.end and row.start < m.end and m.replace]
        if over:
            row.text = " / ".join(dict.fromkeys(over))
        if _is_contact(row):
            row.value = _contact_pseudo(row, obj, masker)[1]
        else:
            row.value = _scrub_any(masker, row.raw_value)
            row.text = masker.scrub(row.text)
        row.explanation = masker.scrub(row.explanation)
        if row.review is not None:
            row.review = {**row.review, "value": _scrub_any(masker, row.review.get("value"))}


def _scrub_any(masker: Masker, value: Any) -> Any:
    if isinstance(value, str):
        return masker.scrub(value)
    if isinstance(value, Mapping):
        return {k: _scrub_any(masker, v) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub_any(masker, v) for v in value]
    return value


def text_html(obj: Mapping[str, Any], rows: Sequence[FindingRow], masker: Masker, *, limit: int | None = None) -> Any:
    """The post text as safe HTML with evidence marks (and masks for researchers), cut at `limit`."""
    text = str(obj.get("text") or "")
    spans = [Span(r.start, r.end, r.kind) for r in rows]
    if masker.active:
        spans += mask_spans(obj, rows, masker)
    if limit is not None and len(text) > limit:
        return highlight(text[:limit], spans) + "…"
    return highlight(text, spans)


def author_of(obj: Mapping[str, Any], masker: Masker) -> dict[str, str]:
    """The author as shown, and the key of their account page."""
    platform = str(obj.get("platform") or "")
    author = str(obj.get("author") or "")
    if not author:
        return {"name": "", "key": ""}
    key = masker.account(platform, author)
    return {"name": key if masker.active else author, "key": key}


def card(obj: Mapping[str, Any], masker: Masker, *, found: Sequence[Finding] = (), excerpt: int = 600
         ) -> dict[str, Any]:
    """A feed row: id, date, platform, author, category, score, facts and the highlighted excerpt."""
    rows = finding_rows(obj, found, masker)
    return {
        "id": obj.get("id"), "date": obj.get("date_utc") or obj.get("date") or "", "platform": obj.get("platform"),
        "author": author_of(obj, masker), "category": obj.get("category") or "", "score": obj.get("score"),
        "products": obj.get("products") or [], "places": obj.get("places") or [], "network": obj.get("network"),
        "phones": [masker.phone(p) for p in obj.get("phones") or () if isinstance(p, str)],
        "handles": [masker.value("handles", h) if masker.active else f"{h.get('platform')}:{h.get('handle')}"
                    for h in obj.get("handles") or () if isinstance(h, Mapping)],
        "html": text_html(obj, rows, masker, limit=excerpt),
    }


def ocr_boxes(obj: Mapping[str, Any], rows: Sequence[FindingRow]) -> dict[str, Any] | None:
    """The image size and the word boxes under evidence spans of an OCR'd post, or None."""
    meta = obj.get("meta") or {}
    if not isinstance(meta, Mapping) or "ocr_boxes" not in meta:
        return None
    try:
        w, h = (int(x) for x in str(meta.get("image_size", "")).lower().split("x"))
        boxes = json.loads(str(meta["ocr_boxes"]))
    except (ValueError, TypeError):
        return None
    out = []
    for b in boxes:
        if not (isinstance(b, list) and len(b) >= 6 and all(isinstance(x, int | float) for x in b[:6])):
            continue
        kinds = sorted({r.kind for r in rows if r.start < b[1] and b[0] < r.end}, key=lambda k: (k == "category", k))
        if kinds:  # a fact's kind before "evidence for the verdict"
            out.append({"x": b[2], "y": b[3], "w": b[4], "h": b[5], "kind": kinds[0]})
    return {"width": w, "height": h, "boxes": out}
