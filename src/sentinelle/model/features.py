"""Features of one analysed post for the triage model, shared by training and inference.

Two families, in one sparse dict:
- facts found by the analysers before triage (`f:` features): products, prices, contacts,
  conditions, and cue counts by meaning and strength. They carry most of the weight and
  generalise across cities and writers because the lexicons do;
- the post's own words (`t:` unigrams and `b:` bigrams of normalised tokens, digits shaped to
  0 so that "10g" and "25g" are one feature), which let the model learn phrasings the
  lexicons miss. Token features are scaled down so that they refine rather than decide.

Each feature also knows which findings or tokens it came from, so a verdict can be explained.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..core import CUE, Analysis, Finding

TOKEN_WEIGHT = 0.35
_DIGITS = re.compile(r"\d")
_SKIP = set(".,;:!?()[]{}\"'-_/|*#@&+=~<>")

FACT_KINDS = ("products", "prices", "handles", "phones", "places", "departments", "min_order", "payment",
              "delivery", "always_open", "prepayment", "promotion", "scam_signals", "minors_signals")


_shapes: dict[str, str] = {}


def _shape(tok: str) -> str:
    """Digits become 0 ("10g" and "25g" are one feature); cached, tokens repeat a lot."""
    s = _shapes.get(tok)
    if s is None:
        s = _DIGITS.sub("0", tok)
        if len(_shapes) < 200_000:
            _shapes[tok] = s
    return s


def token_shape(word: str) -> str | None:
    """The shape a token feature is made of, None for punctuation that features leave out."""
    return None if word in _SKIP else _shape(word)


def token_features(a: Analysis) -> list[tuple[str, int, int]]:
    """(feature, norm start, norm end) for the unigrams and bigrams of the post."""
    out: list[tuple[str, int, int]] = []
    append = out.append
    prev = ""
    prev_start = 0
    for t in a.norm.tokens:
        text = t.text
        if text in _SKIP:
            continue
        s = _shape(text)
        append(("t:" + s, t.start, t.end))
        if prev:
            append(("b:" + prev + " " + s, prev_start, t.end))
        prev, prev_start = s, t.start
    return out


# A complaint, a warning or a news post that quotes dealer ads in guillemets ("mes notifs :
# « 🔌🍁❄️ livraison 24/7 » ...") reports them: the findings inside the quotes are not facts of
# the post when a negative cue stands outside them.
# Straight quotes count too: double ones, and single ones that open after a non-letter and close
# before one (so that apostrophes, "l'argent", "kids' phones", never pair up).
_QUOTED_RE = re.compile(r"«[^«»]*»|“[^“”]*”|\"[^\"\n]{4,}\"|(?<![^\W\d_])'[^'\n]{6,}'(?![^\W\d_])")
_REPORTING_CUES = frozenset({"buyer", "news", "prevention", "harm_reduction", "humor", "health"})
_COLON_REPORTING = frozenset({"buyer", "news", "prevention"})  # jokes say "mdr :" before their own offers
_REPORT_END = re.compile(r"\s[—–]\s|\n|[.!?](?:\s|$)")


def quoted_spans(a: Analysis) -> list[tuple[int, int]]:
    """Spans of the post's « » / “ ” quotes, when the text outside them reports (a negative cue)."""
    text = a.post.text
    if "«" not in text and "“" not in text and '"' not in text and "'" not in text and ":" not in text:
        return []
    # apostrophes are common ("l'argent"): the quotes are only looked for when a cue could report
    reporting = [fd for fd in a.findings if fd.kind == CUE and fd.value in _REPORTING_CUES]
    if not reporting:
        return []
    spans = [m.span() for m in _QUOTED_RE.finditer(text)]
    # "le mec m'envoie son menu en story : 🍁 10g 90 / ❄️ 80 le g — bloqué": what follows a colon
    # after a complaint or a warning, to the end of its sentence, is reported too
    first = min((fd.start for fd in reporting if fd.value in _COLON_REPORTING and fd.score >= 1.0), default=-1)
    if first >= 0:
        colon = text.find(":", first)
        if colon >= 0 and "\n" not in text[first:colon]:
            end = _REPORT_END.search(text, colon + 1)
            spans.append((colon + 1, end.start() if end else len(text)))
    outside = any(not any(s <= fd.start and fd.end <= e for s, e in spans) for fd in reporting)
    return spans if outside else []


def fact_features(a: Analysis) -> dict[str, float]:
    findings = a.findings
    counts, reports = _counts(findings)
    if reports:  # a cue that could report: the findings inside quotes may not count (see quoted_spans)
        quoted = quoted_spans(a)
        if quoted:
            findings = [fd for fd in findings if not any(s <= fd.start and fd.end <= e for s, e in quoted)]
            counts, reports = _counts(findings)
    value = _COUNT_VALUE
    f = {key: value[n if n < 4 else 4] for key, n in counts.items()}
    if "f:products" in counts:
        products = {fd.value for fd in findings if fd.kind == "products"}
        f["f:distinct_products"] = min(len(products), 4) / 4.0
    text = a.post.text
    lines = text.count("\n") + 1
    f["f:lines"] = min(lines, 12) / 12.0
    if len(text) < 60:
        f["f:short"] = 1.0
    return f


def _counts(findings: list[Finding]) -> tuple[dict[str, int], bool]:
    """How many findings each fact feature has, in order of first appearance (the order in which
    the model adds their terms), and whether a cue could report (see `quoted_spans`)."""
    counts: dict[str, int] = {}
    get = counts.get
    cue_keys = _CUE_KEYS
    reports = False
    for fd in findings:
        kind = fd[0]  # fd.kind: indexing a tuple is quicker than its named attribute
        if kind == CUE:
            ck = (fd[1], fd[6] >= 1.0)  # (value, strong)
            key = cue_keys.get(ck)
            if key is None:
                key = f"f:cue:{fd.value}:{'strong' if fd.score >= 1.0 else 'weak'}"
                if len(cue_keys) < 1000:
                    cue_keys[ck] = key
            if not reports and fd[1] in _REPORTING_CUES:
                reports = True
        else:
            key = _KIND_KEYS.get(kind) or "f:" + kind
            if kind == "phones" and isinstance(fd[1], str) and fd[1].startswith(LANDLINE_PREFIXES):
                key = "f:landline"  # a shop's or a firm's number: dealers give mobiles
        counts[key] = get(key, 0) + 1
    return counts, reports


# The value of a feature found n times: presence counts most, more mentions add a little
_COUNT_VALUE = tuple(min(n, 4) / 4.0 + 0.25 for n in range(5))
# feature names of finding kinds and of cue meanings, made once rather than per finding
_KIND_KEYS = {k: "f:" + k for k in FACT_KINDS}
# E.164 prefixes of fixed lines: French geographic numbers (01-05) and British ones (01, 02). A
# restaurant, a garage or an off-licence gives one; a dealer gives a mobile. They count apart
# ("f:landline"), not as the contact that weighs most toward a sale.
LANDLINE_PREFIXES = ("+331", "+332", "+333", "+334", "+335", "+441", "+442")
_CUE_KEYS: dict[tuple[object, bool], str] = {}


def features(a: Analysis, tokens: list[tuple[str, int, int]] | None = None) -> dict[str, float]:
    f = fact_features(a)
    for name, _s, _e in tokens if tokens is not None else token_features(a):
        f[name] = TOKEN_WEIGHT
    f["bias"] = 1.0
    return f


def feature_names(rows: Iterable[dict[str, float]]) -> list[str]:
    names: set[str] = set()
    for r in rows:
        names.update(r)
    return sorted(names)
