"""Conditions of sale: minimum order, payment methods, delivery, 24/7, prepayment, promotions.

Lexicons (data files, French + English + common, all applied to every post because ads mix
the two languages):

    payment.toml     method ids of core.PAYMENTS ("none" = blocker)
    delivery.toml    delivery / postal / meetup / pickup / pickup_only ("none" = blocker)
    hours.toml       always_open ("none" = blocker: "livraison en 24h" is a delay)
    prepayment.toml  advance / prepaid / partial / share / pay_word / on_delivery / remainder
    promotion.toml   promotion ("none" = blocker; "free_delivery" = a promotion only when limited in time)
    conditions.toml  grammar words: negators, "only", minimum-order cues, currency words

Grammar rules (rule ids "conditions:<rule>"):

- negation: a term is negated by a negator up to two content words before it in the same
  clause ("pas de livraison", "no cash", "sans rdv", "❌ cash") or right after it
  ("on livre pas", "cash ❌", "cash not accepted"). A clause ends at a line break or at
  , . ; ! ? | / and a positive mark (✅, "ok") closes the window. Negated terms give no finding;
  negated meet-ups are kept in `a.notes["conditions"]["no_meetup"]` for the signals analyser.
- min_order: an amount with a currency (or a bare number after an explicit "commande mini")
  right after a minimum cue ("mini 40€", "minimum order £50"), right before one ("20€ minimum"),
  after a negated "below" cue ("pas de commande en dessous de 20e", "no orders under £20"), or
  after "à partir de / dès" when a delivery or order word precedes ("livraison à partir de 30€")
  and nothing on the line makes it a promotion or prepayment threshold.
- prepayment: "partial" for a deposit or a share paid up front ("moitié d'avance", "50% avant",
  "half upfront", or any advance followed by "le reste à la livraison"); "full" for a stated
  prepayment ("paiement avant envoi", "payment upfront only", "paiement ... à l'avance").
  A bare "à l'avance / upfront" needs a payment word within four words.
- promotion: lexicon terms plus discount notations ("-15%", "20% off", "(was £180)").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from ..core import PAYMENTS, Analysis
from ..lexicon import Entry, lexicon_file, load_groups
from ..normalize import Normalised, fold
from .base import Analyser, new_finding
from .money import dollar_code
from .terms import Match, MultiMatcher, token_words

LANGS = ("fr", "en")

# The values each lexicon file may use (validated on load).
VALUES: dict[str, tuple[str, ...]] = {
    "payment": (*PAYMENTS, "none"),
    "delivery": ("delivery", "postal", "meetup", "handover", "pickup", "pickup_only", "none"),
    "hours": ("always_open", "none"),
    "prepayment": ("advance", "prepaid", "partial", "share", "pay_word", "on_delivery", "remainder", "none"),
    "promotion": ("promotion", "free_delivery", "none"),
    "conditions": (
        "neg_pre",
        "neg_post",
        "affirm",
        "only",
        "min_cue",
        "from_cue",
        "below_cue",
        "order",
        "free",
        "cur_eur",
        "cur_gbp",
        "cur_usd",
        "cur_chf",
        "cur_xpf",
    ),
    # read by analysers/signals.py
    "scam": ("nationwide", "no_meetup", "no_prescription", "guarantee", "counterfeit"),
    "minors": ("accept", "minor", "school", "adult", "age_unit"),
}

# Lexicons of the signals analyser, matched in the same pass (see analysers/signals.py).
SIGNAL_LEXICONS = ("scam", "minors")
SIGNAL_SKIP = ("age_unit",)

# Tokens that end a clause (negation and qualifier windows never cross them).
SEPARATORS = frozenset(',.;!?|/•·➡➜➝→=()[]{}"')
# Short function words skipped when counting the words between a negator and its term.
FILLERS = frozenset(
    {
        "de",
        "d",
        "'",
        "du",
        "des",
        "la",
        "le",
        "les",
        "l",
        "en",
        "a",
        "of",
        "the",
        "any",
        "par",
        "by",
        "in",
        "pour",
        "for",
        "to",
        "avec",
        "with",
        "un",
        "une",
        "et",
        "and",
        ":",
        "-",
        "paiement",
        "payment",
        "accepte",
        "accepted",
        "mon",
        "ma",
        "mes",
        "my",
        "your",
        "ton",
    }
)
# A one-word negator after a term counts only at the end of the clause ("cash ❌", "livraison : non"),
# not when it starts the next phrase ("livraison pas cher", "drop-offs no time wasters").
WEAK_POST = frozenset({"pas", "non", "no", "not", "jamais"})
WEAK_POST_OK_NEXT = frozenset(
    {
        "possible",
        "accepte",
        "acceptes",
        "accepted",
        "dispo",
        "disponible",
        "available",
        "svp",
        "merci",
        "thanks",
        # a new clause starts: "je bouge pas tu viens", "on livre pas c'est toi qui viens"
        "tu",
        "toi",
        "vous",
        "c",
        "you",
        "u",
    }
)

CURRENCY_CODES = {"cur_eur": "EUR", "cur_gbp": "GBP", "cur_usd": "USD", "cur_chf": "CHF", "cur_xpf": "XPF"}
_NUM = r"\d{1,5}(?:[.,]\d{1,2})?"
_UNIT_PRICE_AFTER = re.compile(
    r"\s*(?:/\s*(?:g|gr|u|unit|pc)\b|le\s+g\b|la\s|l'|les\s+\d|le\s+gramme|the\s+g\b|"
    r"a\s+g\b|per\s|each\b|pi[eè]ce|piece|chaque)"
)
# "mini" is also an adjective ("mini fridge $60"): a minimum only when no other word than these
# stands between it and the amount ("mini 40€", "mini de commande 30€", "mini pour livrer 20€")
_MINI_GAP_WORDS = frozenset({"commande", "cmd", "order", "de", "d", "spend", "a", "pour", "pr", "la", "le", "du",
                             "livraison", "livrer", "delivery", "dans", "panier", "the", "for", "to", "drop", "achat",
                             "achats", "d'achat", "per", "par", "is", "c", "est", "c'est", "cest"})
_BARE_AMOUNT = re.compile(
    r"\s*(\d{1,4})(?![\d.,]*\s?(?:g|gr|kg|h|min|mn|%|x|ml|cl|mg|p|k)\b)(?![\d.,]*[^\W\d_])"
)
# free in one town of a delivery fee list ("Luzy gratuit • Moulins +5€", "Hanley free, Stoke +£5")
_FREE_WORDS = frozenset({"gratuit", "gratuite", "gratuits", "gratuites", "free", "gratos"})
_FEE_RE = re.compile(r"\+ ?(?:£|\$|€) ?\d+|\+ ?\d+ ?(?:€|e\b|eur\b|£|\$)")  # "+5€", "+£5", "+10e"


def _line_of(text: str, start: int, end: int) -> str:
    return text[text.rfind("\n", 0, start) + 1:(text.find("\n", end) + 1 or len(text) + 1) - 1]


# a limit in time that makes free delivery an offer ("ce soir seulement livraison offerte", "free
# delivery all week", "Mercredi = livraison gratuite") on the normalised text
_LIMITED_RE = re.compile(
    r"\b(?:ce soir|cette nuit|toute la nuit|ce (?:week-?end|we)|seulement|exceptionnel\w*|aujourd'hui|ojd|auj"
    r"|only|tonight|today|this week(?:end)?|all week|all weekend|after \d+|apres \d+|jusqu'a|until|till|til"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|noel|xmas|christmas|halloween|valentin\w*|nouvel an|new year|reveillon|15 aout|fete)\b")
_PERCENT_OFF = re.compile(
    r"(?<![\w%])-\s?(\d{1,2})\s?%|(?<!\d)(\d{1,2})\s?%\s?(?:off|de\s+(?:r[eé]duc|remise|moins)|"
    r"discount|reduc|en\s+moins|offerts?|sur\s+(?:ta|ton|votre|vos|la|le|les|tout|toute|chaque)\b)"
)
# a cheap prefilter: what each _PERCENT_OFF match holds ("%" is mostly a THC rate or a purity)
_MAYBE_PERCENT_OFF = re.compile(r"-\s?\d{1,2}\s?%|%\s?(?:off|de\s|discount|reduc|en\s|sur\s)")
# an amount off ("-5€ sur la bonbonne", "£5 off every 8th", "$10 off"), read in a post naming a product:
# 60 of 60 hand-written sales holding one are promotions
_AMOUNT_OFF = re.compile(r"(?<![\w-])-\s?\d{1,3}\s?(?:€|e|eur|euros|£|\$)\s?(?:sur|on|off|de reduc|de réduc)\b"
                         r"|(?<![\w-])[£$€]\s?\d{1,3}\s?off\b|\b\d{1,3}\s?(?:€|£|\$)\s?off\b")
# a cheap prefilter (see `_promotion`): _AMOUNT_OFF's alternatives, without their look-behinds
_MAYBE_AMOUNT_OFF_RE = re.compile(r"[\d€£$]\s?off|-\s?\d{1,3}\s?(?:€|e|eur|euros|£|\$)\s?(?:sur|on|off|de r)")
_OLD_PRICE = re.compile(
    r"\(\s*(?:was|were|normally|usually|normalement|ancien prix|prix normal|avant|c'etait|c'était|before)"
    r"\s*:?\s*[£€$]?\s?\d|"
    r"\b(?:was|were|instead of)\s+[£€$]\s?\d"
)

_OLD_PRICE_WORDS = ("was", "were", "instead", "normal", "usually", "ancien", "avant", "etait", "était", "before", "~~")
_STRIKE = re.compile(r"~~\s*[£€$]?\s?(\d+(?:[.,]\d+)?)[^~\n]{0,8}~~")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
OLD_PRICE_TERMS = frozenset({"au lieu de", "instead of"})
_DELIVERY_WHAT = {"postal": "postal shipping", "meetup": "in-person meet-up"}


@lru_cache(maxsize=4096)
def _folded(term: str) -> str:
    return fold(term)


def _is_price_rise(text: str, start: int, end: int) -> bool:
    """An old price next to a new one ("12€ au lieu de 10", "£30 (was £25)", "20€ ~~16€~~") that is
    lower than the new one: a price rise, not a promotion."""
    line_start = text.rfind("\n", 0, start) + 1
    before = _NUMBER.findall(text[max(line_start, start - 18) : start])
    first_digit = next((i for i in range(start, end) if text[i].isdigit()), None)
    m_old = (
        _NUMBER.match(text, first_digit)
        if first_digit is not None
        else _NUMBER.search(text, end, min(len(text), end + 14))
    )
    old = m_old.group() if m_old else None
    if not before or old is None:
        return False
    try:
        return float(before[-1].replace(",", ".")) > float(old.replace(",", "."))
    except ValueError:
        return False


def load_lexicons(
    names: Sequence[str], langs: Sequence[str] = LANGS, skip_values: Iterable[str] = ()
) -> MultiMatcher:
    """`<lang>/<name>.toml` and `common/<name>.toml` for each name, validated."""
    lex: dict[str, list[Entry]] = {}
    for name in names:
        entries: list[Entry] = []
        for lang in ("common", *langs):
            path = lexicon_file(lang, name)
            if path.exists():
                entries.extend(load_groups(path, values=VALUES.get(name)))
        lex[name] = entries
    return MultiMatcher(lex, skip_values)


def currency_regex(entries: Iterable[Entry]) -> tuple[re.Pattern[str], dict[str, str]]:
    """An amount with a currency before ("£50") or after ("40€", "40e", "30 balles")."""
    words: dict[str, str] = {}
    for e in entries:
        if e.value in CURRENCY_CODES:
            words[fold(e.term).strip()] = CURRENCY_CODES[e.value]
    alts = sorted(words, key=len, reverse=True)
    syms = [w for w in alts if len(w) == 1 and not w.isalnum()]
    after = "|".join(re.escape(w) + (r"(?![^\W\d_])" if w[-1].isalnum() else "") for w in alts)
    before = "|".join(re.escape(s) for s in syms) or "£"
    pattern = re.compile(
        rf"(?:(?P<sym>{before})\s?(?P<a1>{_NUM})(?!\d)|(?<![\d.,])(?P<a2>{_NUM})\s?(?P<cur>{after}))"
    )
    return pattern, words


class Clause:
    """Token-level helpers over one post: clause boundaries and negation windows."""

    __slots__ = ("norm", "toks", "words", "neg_pre_end", "neg_post_start", "affirm", "by_value")

    def __init__(self, norm: Normalised, grammar: list[Match], words: list[str] | None = None) -> None:
        self.norm = norm
        self.toks = norm.tokens
        self.words = words if words is not None else [t.text for t in self.toks]
        self.neg_pre_end: set[int] = set()
        self.neg_post_start: dict[int, int] = {}
        self.affirm: set[int] = set()
        self.by_value: dict[str, list[Match]] = {}
        for m in grammar:
            v = m.entry.value
            self.by_value.setdefault(v, []).append(m)
            if v == "neg_pre":
                self.neg_pre_end.add(m.first_token + m.n_tokens - 1)
            elif v == "neg_post":
                self.neg_post_start[m.first_token] = max(
                    self.neg_post_start.get(m.first_token, 0), m.n_tokens
                )
            elif v == "affirm":
                self.affirm.add(m.first_token)

    def breaks(self, i: int, j: int) -> bool:
        """True when a clause boundary lies between tokens i and j (i < j)."""
        if i < 0 or j >= len(self.toks):
            return True
        if self.words[i] in SEPARATORS or self.words[j] in SEPARATORS:
            return True
        return "\n" in self.norm.text[self.toks[i].end : self.toks[j].start]

    def negated(self, first: int, n_tokens: int) -> bool:
        if not self.neg_pre_end and not self.neg_post_start:
            return False  # no negator in the post (the usual case)
        last = first + n_tokens - 1
        if last + 1 < len(self.toks) and last + 1 in self.affirm and not self.breaks(last, last + 1):
            return False  # "lydia ✅"
        # before: up to two content words back in the same clause
        content = 0
        j = first - 1
        while j >= 0 and first - j <= 6:
            if self.breaks(j, j + 1) or j in self.affirm:
                break
            if j in self.neg_pre_end:
                # a mark after another word ends that word's phrase: "cash ❌ lydia"
                return self.words[j][:1].isalnum() or self.breaks(j - 1, j)
            if self.words[j] not in FILLERS:
                content += 1
                if content >= 3:
                    break
            j -= 1
        # after: the next one or two tokens of the clause
        j = last + 1
        while j < len(self.toks) and j - last <= 3:
            if self.breaks(j - 1, j):
                break
            size = self.neg_post_start.get(j)
            if size:
                w = self.words[j]
                if size > 1 or w not in WEAK_POST:
                    return True
                nxt = j + 1
                if self.breaks(j, nxt) or self.words[nxt] in WEAK_POST_OK_NEXT:
                    return True
                # "on bouge pas 70", "cash no 💵": a number or an emoji starts the next phrase
                return not self.words[nxt][:1].isalpha()
            if self.words[j] not in (":", "-", "=") and self.words[j] not in FILLERS:
                break
            j += 1
        return False

    def near(self, ms: Iterable[Match], first: int, before: int, after: int) -> Match | None:
        """A match starting within `before` tokens before or `after` tokens after token `first`,
        in the same line."""
        for m in ms:
            if first - before <= m.first_token <= first + after and self.same_line(
                m.start, self.toks[first].start
            ):
                return m
        return None

    def same_line(self, p: int, q: int) -> bool:
        lo, hi = (p, q) if p <= q else (q, p)
        return "\n" not in self.norm.text[lo:hi]

    def line_of(self, pos: int) -> tuple[int, int]:
        text = self.norm.text
        return text.rfind("\n", 0, pos) + 1, (
            text.find("\n", pos) if text.find("\n", pos) >= 0 else len(text)
        )


def amount_value(raw: str) -> float | int:
    v = float(raw.replace(",", "."))
    return int(v) if v.is_integer() else v


class ConditionAnalyser(Analyser):
    name = "conditions"
    languages = ("fr", "en")
    requires = ("products", "places", "phones")  # an amount off needs a product; which dollar "$" is (money.py)
    provides = ("min_order", "payment", "delivery", "always_open", "prepayment", "promotion")
    version = "1"

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(options)
        # the signals analyser's lexicons ride along, so that a post's tokens are walked once
        self.matcher = load_lexicons(
            ("payment", "delivery", "hours", "prepayment", "promotion", "conditions", *SIGNAL_LEXICONS),
            skip_values=(*CURRENCY_CODES, *SIGNAL_SKIP),
        )  # currency words feed the amount regex
        grammar = [
            e
            for lang in ("common", *LANGS)
            if lexicon_file(lang, "conditions").exists()
            for e in load_groups(lexicon_file(lang, "conditions"), values=VALUES["conditions"])
        ]
        self.money, self.currency_words = currency_regex(grammar)

    # -- driver ------------------------------------------------------------------------------

    def analyse(self, a: Analysis) -> None:
        if not a.norm.text or a.norm.text.isspace():
            return
        words = token_words(a)
        found = self.matcher.find(a.norm, words)
        places = [(f.start, f.end) for f in a.findings if f.kind == "places"]
        if places:  # a word of a town's name is no condition ("Le Tampon" no loyalty stamp, "Le Port" no postage)
            span = a.norm.span
            for key, ms in found.items():
                if ms and key != "conditions":
                    found[key] = [m for m in ms if not any(ps <= s and e <= pe for ps, pe in places
                                                          for s, e in (span(m.start, m.end),))]
        cl = Clause(a.norm, found["conditions"], words)
        # shared with the signals analyser: the clause helper, its lexicons' matches and the
        # delivery details
        notes: dict[str, Any] = {
            "clause": cl,
            "found": found,
            "no_meetup": [],
            "postal": False,
            "meetup": False,
            "pickup_only": False,
        }
        a.notes["conditions"] = notes
        # each step is skipped when the post has none of its words (most posts lack most; a
        # Python call costs more than these tests)
        paid = self._payment(a, cl, found["payment"]) if found["payment"] else False
        if found["delivery"]:
            self._delivery(a, cl, found["delivery"], notes)
        if found["hours"]:
            self._hours(a, cl, found["hours"])
        text = a.norm.text
        old_price = (
            "was" in text or "were" in text or "instead" in text or "normal" in text or "usually" in text
            or "ancien" in text or "avant" in text or "etait" in text or "était" in text or "before" in text
            or "~~" in text
        )  # _OLD_PRICE_WORDS, spelt out: the usual post has none
        if found["promotion"] or old_price or "%" in text or "off" in text or "-" in text:
            self._promotion(a, cl, found["promotion"], old_price)
        stated = self._prepayment(a, cl, found["prepayment"]) if found["prepayment"] else False
        if paid and not stated:
            self._implicit_prepayment(a, found["prepayment"], notes)
        g = cl.by_value
        if g and ("min_cue" in g or "from_cue" in g or "below_cue" in g):  # (by_value holds no empty list)
            self._min_order(a, cl, found)

    def _add(self, a: Analysis, kind: str, value: Any, m: Match, why: str) -> None:
        e = m.entry
        start, end = a.norm.span(m.start, m.end)  # (what a.add_norm does, without its two calls)
        a.findings.append(new_finding((kind, value, start, end, self.name, e.rule, 1.0,
                                       f"{why} {e.term!r} ({e.source or 'project lexicon'})")))

    # -- payment -----------------------------------------------------------------------------

    def _payment(self, a: Analysis, cl: Clause, ms: list[Match]) -> bool:
        """Payment methods offered; True when one was found."""
        paid = False
        for m in ms:
            v = m.entry.value
            if v == "none":
                continue
            if (
                m.entry.term.lower() == "pcs"
                and m.first_token > 0
                and cl.words[m.first_token - 1].isdigit()
                and not cl.breaks(m.first_token - 1, m.first_token)
            ):
                continue  # "10 pcs": pieces, not PCS coupons
            if cl.negated(m.first_token, m.n_tokens):
                continue
            self._add(a, "payment", v, m, f"payment method {v}:")
            paid = True
        return paid

    # -- delivery ----------------------------------------------------------------------------

    def _delivery(self, a: Analysis, cl: Clause, ms: list[Match], notes: dict[str, Any]) -> None:
        positives: list[Match] = []
        pickup_only = False
        only = cl.by_value.get("only", [])
        below = cl.by_value.get("below_cue", [])  # "no meet-ups under €50" is a threshold, not a refusal
        for m in ms:
            v = m.entry.value
            if v == "none":
                continue
            if v == "pickup_only":
                pickup_only = True
                continue
            if v == "pickup":
                if cl.near(only, m.first_token, 1, m.n_tokens + 1):
                    pickup_only = True
                continue
            if (
                m.first_token > 0
                and cl.words[m.first_token - 1].isdigit()
                and _folded(m.entry.term) in ("livre", "livres")
                and not cl.breaks(m.first_token - 1, m.first_token)
            ):
                continue  # "2 livres": a weight or a price (not "le 7 a 65 / livré Berck")
            if cl.negated(m.first_token, m.n_tokens) and not cl.near(below, m.first_token + m.n_tokens, 0, 2):
                if v in ("meetup", "handover"):
                    notes["no_meetup"].append((m.start, m.end, m.entry.rule))
                continue
            if v != "handover":  # "main propre" alone may be a pickup
                positives.append(m)
        notes["pickup_only"] = pickup_only
        for m in positives:
            v = m.entry.value
            if pickup_only and v != "postal":
                continue
            if v == "postal":
                notes["postal"] = True
            elif v == "meetup":
                notes["meetup"] = True
            what = _DELIVERY_WHAT.get(v, "delivery")
            self._add(a, "delivery", True, m, f"{what} offered:")

    # -- always open -------------------------------------------------------------------------

    def _hours(self, a: Analysis, cl: Clause, ms: list[Match]) -> None:
        for m in ms:
            if m.entry.value == "always_open" and not cl.negated(m.first_token, m.n_tokens):
                self._add(a, "always_open", True, m, "round-the-clock availability:")

    # -- promotion ---------------------------------------------------------------------------

    def _promotion(self, a: Analysis, cl: Clause, ms: list[Match], old_price: bool) -> None:
        """Promotions; `old_price`: the text holds a word of _OLD_PRICE_WORDS."""
        text = a.norm.text
        for m in ms:
            if m.entry.value == "free_delivery":
                if _LIMITED_RE.search(_line_of(text, m.start, m.end)) and not cl.negated(m.first_token, m.n_tokens):
                    self._add(a, "promotion", True, m, "promotion:")  # "ce soir seulement livraison offerte"
                continue  # free delivery as a standing term ("livraison offerte dès 50€") is no promotion
            if m.entry.value != "promotion" or cl.negated(m.first_token, m.n_tokens):
                continue
            if m.entry.term in _FREE_WORDS and _FEE_RE.search(_line_of(text, m.start, m.end)):
                continue  # "Luzy gratuit • Moulins +5€": a delivery fee list, free in one town
            if _folded(m.entry.term) in OLD_PRICE_TERMS and _is_price_rise(text, m.start, m.end):
                continue
            self._add(a, "promotion", True, m, "promotion:")
        if "%" in text and _MAYBE_PERCENT_OFF.search(text):
            for rm in _PERCENT_OFF.finditer(text):
                pct = int(rm.group(1) or rm.group(2))
                if 0 < pct < 100:
                    a.add_norm(
                        "promotion",
                        True,
                        rm.start(),
                        rm.end(),
                        analyser=self.name,
                        rule="conditions:promotion:percent_off",
                        explanation=f"discount notation {rm.group().strip()!r}",
                    )
        # (every _AMOUNT_OFF match holds "off" after an amount, or a minus sign before an amount and
        # the word after it: "offert" and hyphens are common)
        if ("off" in text or "-" in text) and _MAYBE_AMOUNT_OFF_RE.search(text) and any(
                f.kind == "products" for f in a.findings):
            # (with a product named: "£100 off first month" is a landlord's)
            for rm in _AMOUNT_OFF.finditer(text):
                a.add_norm("promotion", True, rm.start(), rm.end(), analyser=self.name,
                           rule="conditions:promotion:amount_off", explanation=f"an amount off {rm.group().strip()!r}")
        if not old_price:
            return
        for rm in _STRIKE.finditer(text):
            if not _is_price_rise(text, rm.start(), rm.end()):
                a.add_norm(
                    "promotion",
                    True,
                    rm.start(),
                    rm.end(),
                    analyser=self.name,
                    rule="conditions:promotion:struck_price",
                    explanation=f"struck-through old price {rm.group()!r}",
                )
        for rm in _OLD_PRICE.finditer(text):
            if _is_price_rise(text, rm.start(), rm.end()):
                continue
            a.add_norm(
                "promotion",
                True,
                rm.start(),
                rm.end(),
                analyser=self.name,
                rule="conditions:promotion:old_price",
                explanation=f"old price shown next to the new one: {rm.group().strip()!r}",
            )

    # -- prepayment --------------------------------------------------------------------------

    def _implicit_prepayment(self, a: Analysis, ms: list[Match], notes: Mapping[str, Any]) -> None:
        """Payment means that only work up front: coupon codes are sent before anything ships,
        and goods posted against crypto or coupons only are paid before they leave."""
        if any(m.entry.value == "on_delivery" for m in ms):
            return
        pays = a.of("payment")
        methods = {f.value for f in pays}
        coupon = next((f for f in pays if f.value == "coupon"), None)
        if coupon is not None:
            a.add(
                "prepayment",
                "full",
                coupon.start,
                coupon.end,
                analyser=self.name,
                rule="conditions:prepayment:coupon",
                explanation="paid by coupon or gift-card codes, which are always sent up front",
            )
            return
        if (
            notes.get("postal")
            and methods
            and methods <= {"crypto", "coupon", "bank_transfer", "paypal"}
            and "crypto" in methods
        ):
            f = next(f for f in pays if f.value == "crypto")
            a.add(
                "prepayment",
                "full",
                f.start,
                f.end,
                analyser=self.name,
                rule="conditions:prepayment:remote_payment",
                explanation="goods shipped by post against crypto only: paid before shipping",
            )

    def _prepayment(self, a: Analysis, cl: Clause, ms: list[Match]) -> bool:
        """Stated prepayment; True when one was found."""
        if not ms:
            return False
        by: dict[str, list[Match]] = {}
        for m in ms:
            by.setdefault(m.entry.value, []).append(m)
        shares, pays = by.get("share", []), by.get("pay_word", [])
        remainder = by.get("remainder", [])
        for m in by.get("partial", []):
            if not cl.negated(m.first_token, m.n_tokens):
                self._add(a, "prepayment", "partial", m, "part of the payment up front:")
                return True
        candidates: list[tuple[Match, bool]] = []
        for m in by.get("prepaid", []):
            candidates.append((m, True))
        for m in by.get("advance", []):
            nxt = m.first_token + m.n_tokens
            if nxt < len(cl.words) and cl.words[nxt][:1].isdigit() and not cl.breaks(nxt - 1, nxt):
                continue  # "avant 10": an old price or a time, not an advance
            candidates.append((m, False))
        for m, explicit in sorted(candidates, key=lambda c: c[0].start):
            if cl.negated(m.first_token, m.n_tokens):
                continue
            share = cl.near(shares, m.first_token, 5, 0)
            if share is not None and share.first_token < m.first_token:
                self._add(a, "prepayment", "partial", m, f"a share ({share.entry.term!r}) paid up front:")
                return True
            if not explicit and cl.near(pays, m.first_token, 4, 4) is None:
                continue
            if remainder:
                self._add(a, "prepayment", "partial", m, "up-front payment with the rest paid later:")
            else:
                self._add(a, "prepayment", "full", m, "full payment up front:")
            return True
        return False

    # -- minimum order -----------------------------------------------------------------------

    def _min_order(self, a: Analysis, cl: Clause, found: dict[str, list[Match]]) -> None:
        g = cl.by_value
        if not (g.get("min_cue") or g.get("from_cue") or g.get("below_cue")):
            return
        text = a.norm.text
        default_cur = "GBP" if ("£" in text or a.lang == "en") else ("USD" if "$" in text else "EUR")
        for m in g.get("min_cue", []):
            amt = self._amount_after(text, m.end, cl, strong=True)
            gap = text[m.end:amt[0]].replace(":", " ").split() if amt else []
            if m.entry.term == "mini" and not _MINI_GAP_WORDS.issuperset(gap):
                amt = None  # "mini fridge $60": a small fridge
            amt = amt or self._amount_before(text, m.start)
            if amt and self._emit_min(
                a, m, amt, default_cur, "conditions:min_order:minimum", "minimum order stated"
            ):
                return
        for m in g.get("below_cue", []):
            if not self._negation_before(cl, m.first_token):
                continue
            amt = self._amount_after(text, m.end, cl, strong=False)
            if amt and self._emit_min(
                a,
                m,
                amt,
                default_cur,
                "conditions:min_order:nothing_below",
                "no order accepted below an amount",
            ):
                return
        lead = [x for x in found["delivery"] if x.entry.value in ("delivery", "postal", "meetup")] + g.get(
            "order", []
        )
        blockers = (
            [x for x in found["promotion"] if x.entry.value != "none"]
            + g.get("free", [])
            + [x for x in found["prepayment"] if x.entry.value not in ("pay_word", "none")]
        )
        for m in g.get("from_cue", []):
            if cl.near(lead, m.first_token, 4, -1) is None:
                continue
            line = cl.line_of(m.start)
            if any(line[0] <= b.start < line[1] for b in blockers):
                continue
            amt = self._amount_after(text, m.end, cl, strong=False)
            if amt and self._emit_min(
                a,
                m,
                amt,
                default_cur,
                "conditions:min_order:from_amount",
                "delivery or orders only from an amount",
            ):
                return

    def _negation_before(self, cl: Clause, first: int) -> bool:
        for j in range(first - 1, max(-1, first - 5), -1):
            if cl.breaks(j, j + 1):
                return False
            if j in cl.neg_pre_end:
                return True
        return False

    def _amount_after(
        self, text: str, pos: int, cl: Clause, *, strong: bool
    ) -> tuple[int, int, Any, str | None] | None:
        window = text[pos : pos + 28]
        nl = window.find("\n")
        if nl >= 0:
            window = window[:nl]
        rm = self.money.search(window)
        if rm is not None:
            gap = window[: rm.start()]
            if (
                len(gap) <= 20
                and not any(c.isdigit() for c in gap)
                and not _UNIT_PRICE_AFTER.match(text, pos + rm.end())
            ):
                return self._amount(rm, pos)
        if strong:
            bm = _BARE_AMOUNT.match(window)
            if bm is not None and not _UNIT_PRICE_AFTER.match(text, pos + bm.end()):
                return pos + bm.start(1), pos + bm.end(1), amount_value(bm.group(1)), None
        return None

    def _amount_before(self, text: str, pos: int) -> tuple[int, int, Any, str | None] | None:
        start = max(0, pos - 14)
        window = text[start:pos]
        last = None
        for rm in self.money.finditer(window):
            last = rm
        if last is None or window[last.end() :].strip(" :-") != "":
            return None
        return self._amount(last, start)

    def _amount(self, rm: re.Match[str], offset: int) -> tuple[int, int, Any, str | None]:
        raw = rm.group("a1") or rm.group("a2")
        word = rm.group("sym") or rm.group("cur") or ""
        return offset + rm.start(), offset + rm.end(), amount_value(raw), self.currency_words.get(word)

    def _emit_min(
        self,
        a: Analysis,
        m: Match,
        amt: tuple[int, int, Any, str | None],
        default_cur: str,
        rule: str,
        why: str,
    ) -> bool:
        s, e, value, cur = amt
        if not 5 <= value <= 5000:
            return False
        currency = cur or default_cur
        if currency == "USD" and "usd" not in a.norm.text:
            currency = dollar_code(a)  # "$": the dollar of the post's country (money.py)
        a.add_norm(
            "min_order",
            {"amount": value, "currency": currency},
            min(s, m.start),
            max(e, m.end),
            analyser=self.name,
            rule=rule,
            explanation=f"{why}: {value} {currency} (cue {m.entry.term!r}, {m.entry.rule})",
        )
        return True
