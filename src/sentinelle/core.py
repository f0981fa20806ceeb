"""The core objects: a `Post` in, `Finding`s about it, one `Analysis` per post.

A `Post` is what an importer read, frozen. Analysers add `Finding`s to the post's `Analysis`;
each finding names its kind (the output field it feeds), its value, the character span of the
original text it rests on, a score, the analyser and rule that produced it, and a sentence that
explains it. `Analysis.to_record()` renders the `sentinelle analyze` contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .normalize import Normalised

PRODUCTS = (
    "cannabis_herb", "cannabis_resin", "cannabis_concentrate", "cocaine", "crack", "heroin", "mdma",
    "ketamine", "lsd", "psilocybin", "amphetamine", "methamphetamine", "cathinones", "ghb",
    "nitrous_oxide", "prescription_drugs", "counterfeit_money",
)
UNITS = ("g", "kg", "pill", "blotter", "ml", "unit", "bag")
CURRENCIES = ("EUR", "GBP", "USD", "CHF")
HANDLE_PLATFORMS = (
    "snapchat", "telegram", "instagram", "whatsapp", "signal", "potato", "wickr", "threema", "session",
    "twitter", "tiktok", "other",
)
PAYMENTS = ("cash", "lydia", "paypal", "crypto", "bank_transfer", "coupon", "card", "paylib", "wero")
CATEGORIES = ("sale", "recruitment", "other")
PREPAYMENTS = ("none", "partial", "full")

# The kinds of finding that feed an output field of the contract, in output order.
LIST_FIELDS = ("products", "prices", "handles", "phones", "places", "departments", "payment")
BOOL_FIELDS = ("delivery", "always_open", "promotion", "scam_signals", "minors_signals")
# Fields that only make sense on a sale (the schema leaves them empty elsewhere).
SALE_ONLY = ("products", "prices", "min_order", "payment", "delivery", "always_open", "prepayment",
             "promotion", "scam_signals")
# Kinds that explain the verdict rather than feed a field.
CUE = "cue"
# The currencies of the contract's prices; prices in others are output under OTHER_PRICES.
CONTRACT_CURRENCIES = frozenset({"EUR", "GBP", "USD", "CHF"})
OTHER_PRICES = "prices_other_currencies"


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a post comes from, precisely enough to find it again in the original file."""

    sha256: str  # of the original file as collected (the evidence store keeps it byte for byte)
    path: str  # the file's name as given to the importer (an archive's, for members)
    member: str = ""  # path inside an archive, "" for a plain file
    locator: str = ""  # message id, line number, tweet id... inside that file


@dataclass(frozen=True, slots=True)
class Post:
    """One social-media item as an importer read it. Never modified after creation."""

    id: str
    text: str
    platform: str = ""
    author: str = ""
    date: str = ""  # ISO 8601, with offset when the source gives one; "" when unknown
    lang: str = ""  # as declared by the source; "" when unknown
    source: str = ""  # short human-readable origin: "file:line", "archive.zip!chat.json#msg 42"
    provenance: Provenance | None = None
    meta: tuple[tuple[str, str], ...] = ()  # importer extras: (key, value) pairs, e.g. ("forwarded_from", "x")


class Finding(NamedTuple):
    """One fact found in a post, with the evidence behind it (immutable; a tuple, cheap to make)."""

    kind: str  # an output field ("products", "prices", ...) or "cue" for triage evidence
    value: Any  # str, dict or bool, as the output field wants it
    start: int  # span in the ORIGINAL text
    end: int
    analyser: str
    rule: str  # the rule or lexicon entry that fired, e.g. "fr/products.toml:cocaine:coke"
    score: float = 1.0
    explanation: str = ""


@dataclass(slots=True)
class Analysis:
    """Everything known about one post as it goes through the pipeline."""

    post: Post
    norm: Normalised
    lang: str
    findings: list[Finding] = field(default_factory=list)
    category: str = "other"
    score: float = 0.0
    network: str | None = None
    because: list[Finding] | None = None  # the findings that carried the verdict (set by triage)
    errors: list[str] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)  # analysers' shared scratch space

    def add(self, kind: str, value: Any, start: int, end: int, *, analyser: str, rule: str,
            score: float = 1.0, explanation: str = "") -> Finding:
        f = Finding(kind, value, start, end, analyser, rule, score, explanation)
        self.findings.append(f)
        return f

    def add_norm(self, kind: str, value: Any, nstart: int, nend: int, **kw: Any) -> Finding:
        """Add a finding whose span is given in normalised-text offsets."""
        start, end = self.norm.span(nstart, nend)
        return self.add(kind, value, start, end, **kw)

    def of(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]

    def has(self, kind: str) -> bool:
        return any(f.kind == kind for f in self.findings)

    def values(self, kind: str) -> list[Any]:
        """Distinct values of a kind, in order of first appearance."""
        seen: list[Any] = []
        for f in self.findings:
            if f.kind == kind and f.value not in seen:
                seen.append(f.value)
        return seen

    def text_of(self, f: Finding) -> str:
        return self.post.text[f.start:f.end]

    # -- the output contract ----------------------------------------------------------------

    def to_record(self) -> dict[str, Any]:
        """The `sentinelle analyze` output line (shared/contract/findings.md)."""
        category = self.category
        # findings are indexed rather than named below (f[0] is f.kind, f[1] f.value, f[2:4]
        # (f.start, f.end), f[5] f.rule): quicker, for the dozen findings of every post
        # one pass over the findings: kept ones by kind, in order (sale-only fields only on a sale)
        dropped = _DROPPED.get(category, _DROPPED_OTHER)
        by_kind: dict[str, list[Finding]] = {}
        get = by_kind.get
        for f in self.findings:
            k = f[0]
            if k in dropped:
                continue
            fs = get(k)
            if fs is None:
                by_kind[k] = [f]
            else:
                fs.append(f)
        rec: dict[str, Any] = {"id": self.post.id, "category": category, "score": round(self.score, 4)}
        for name in _LIST_HEAD:
            fs = get(name)
            rec[name] = _distinct([f[1] for f in fs]) if fs else []
            if name == "prices":
                # the contract's prices are in EUR, GBP, USD or CHF; one in another currency ("$" in
                # Calgary is CAD) goes to Sentinelle's added field, which contract readers ignore
                rec[OTHER_PRICES] = [v for v in rec[name] if v["currency"] not in CONTRACT_CURRENCIES]
                if rec[OTHER_PRICES]:
                    rec[name] = [v for v in rec[name] if v["currency"] in CONTRACT_CURRENCIES]
        mins = get("min_order")
        rec["min_order"] = mins[0][1] if mins else None
        fs = get("payment")
        rec["payment"] = _distinct([f[1] for f in fs]) if fs else []
        for name in BOOL_FIELDS:
            fs = get(name)
            rec[name] = any(f[1] for f in fs) if fs else False
        fs = get("prepayment")
        pre = {f[1] for f in fs} if fs else ()
        rec["prepayment"] = "full" if "full" in pre else ("partial" if "partial" in pre else "none")
        rec["network"] = self.network
        text = self.post.text
        why = self.because if self.because is not None else get(CUE, [])
        evidence = [{"field": "category", "start": f[2], "end": f[3], "text": text[f[2]:f[3]], "rule": f[5]}
                    for f in why]
        for k, fs in by_kind.items():
            if k != CUE:
                evidence += [{"field": k, "start": f[2], "end": f[3], "text": text[f[2]:f[3]], "rule": f[5]}
                             for f in fs]
        rec["evidence"] = evidence
        return rec


_SALE_ONLY = frozenset(SALE_ONLY)
# the kinds of finding a verdict leaves out of the output (see SALE_ONLY); minors' signals only on
# an illicit post
_DROPPED_OTHER = _SALE_ONLY | {"minors_signals"}
_DROPPED = {"sale": frozenset(), "recruitment": _SALE_ONLY, "other": _DROPPED_OTHER}


def _distinct(values: list[Any]) -> list[Any]:
    if len(values) == 1:
        return values
    out: list[Any] = []
    for v in values:
        if v not in out:
            out.append(v)
    return out


# the list fields that come before min_order in the output, in output order
# ("former_handles", Sentinelle's addition to the contract: accounts the post says are gone)
_LIST_HEAD = ("products", "prices", "handles", "former_handles", "phones", "places", "departments")


def empty_record(post_id: str) -> dict[str, Any]:
    """The output line for a post that could not be analysed (every field present, empty)."""
    return {
        "id": post_id, "category": "other", "score": 0.0, "products": [], "prices": [], OTHER_PRICES: [],
        "handles": [],
        "former_handles": [], "phones": [], "places": [], "departments": [], "min_order": None, "payment": [],
        "delivery": False, "always_open": False, "promotion": False, "scam_signals": False, "minors_signals": False,
        "prepayment": "none", "network": None, "evidence": [],
    }
