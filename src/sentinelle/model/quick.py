"""Cheap features for triage alone (`sentinelle analyze --triage-only`, the `quick_triage` analyser).

The full triage model weighs the findings of every extraction analyser (prices parsed, phones
validated, places looked up...), which is what makes a full analysis cost what it does. Triage
alone needs only the signs, so this module reads them in one cheap pass over a normalised post:

- lexicon hits (`q:` features): every term of the project lexicons that starts at a token
  (cues by meaning and strength, product terms by strength, product contexts, payment,
  delivery, hours, prepayment, promotion, scam and minors terms, platform cues, contact words),
  matched on the post's words with one table lookup per word, with no grammar;
- a few regular expressions over the normalised text (`q:re:` features): an amount of money,
  a drug quantity, a phone-shaped number, an @handle or a messaging link, pay per unit of time;
- the post's shape (lines, length) and its words (`t:` unigrams and `b:` bigrams, as in
  `features.py`).

The `triage_quick` model (`data/models/triage_quick.json.gz`) is trained on these features by
`sentinelle train`, from the same corpus as the full model. Each `q:` feature remembers where it
was found, so the verdict is explained by the words that carried it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from itertools import compress

from ..analysers.conditions import VALUES
from ..analysers.contacts import WORD_KINDS
from ..core import HANDLE_PLATFORMS, PRODUCTS, Analysis
from ..lexicon import Entry, lexicon_file, load_groups
from ..normalize import fold, tokenize
from .features import TOKEN_WEIGHT, token_features

LANGS = ("fr", "en")
CUE_VALUES = ("sale", "recruitment", "buyer", "news", "prevention", "harm_reduction", "cbd_legal",
              "food_delivery", "humor", "legit_commerce", "health", "personal")
# extra keys the product lexicons may carry (read by the products analyser, ignored here)
_PRODUCT_KEYS = ("kind", "unit", "unless", "unless_always", "alt", "alt_if", "own_language_only", "needs", "support")
_CONDITION_LEXICONS = ("payment", "delivery", "hours", "prepayment", "promotion", "scam", "minors")
_CONTACT_KINDS = WORD_KINDS  # the word kinds of <lang>/contacts.toml, as the contacts analyser reads them
# contact words that are everyday function words ("le", "sur", "pour"), or words about a gone
# account ("banned", "ancien"): no sign of anything here
_CONTACT_SKIP = ("filler", "not_handle", "dead_after", "former_before")

# name -> patterns; each found adds `q:re:<name>` with the first match as its evidence. Every
# pattern starts with a plain character or class and puts its look-behind after it: the regex
# engine then jumps from candidate to candidate instead of trying the whole pattern at each
# position (several times faster on a post).
_PER_TIME = (r"\s?(?:/|par|la|le|per|a|an|each|chaque|/ ?)\s?"
             r"(?:j|jour|jours|journee|soir|soiree|soirees|nuit|semaine|sem|mois|week|wk|day|night|shift|month|h|heure)\b")
_PATTERNS = {
    "money": (r"\d(?<![\w.]\d)\d*(?:[.,]\d+)?\s?(?:€|e|eur|euros?|balles|boules|£|\$|chf|k)(?![^\W\d_])",
              r"[€£$💶💷💵]\s?\d"),
    "quantity": (r"\d(?<![\w.]\d)\d*(?:[.,]\d+)?\s?(?:g|gr|grs|grammes?|kg|kilos?|oz|ml|pills?|tabs?|"
                 r"cachets?|comprimes?|taz|buvards?|pochons?|bags?)(?![^\W\d_])",
                 r"(?:le|la|/|a|an|per)\s?(?:g|gramme|8th|zip|oz)(?![^\W\d_])"),
    "phone": (r"\+(?<![\d+]\+)\s?\d{2,3}(?:[ .\-]?\d){8,10}(?!\d)", r"0(?<![\d+]0)\d(?:[ .\-]?\d){8,10}(?!\d)"),
    "handle": (r"@(?<![\w@]@)[a-z0-9_][a-z0-9_.]{2,}",
               r"(?:t\.me|wa\.me|snapchat\.com|instagram\.com|signal\.me|telegram\.me)/"),
    "pay_per_time": (r"[€£$]\s?\d[\d ]{0,5}(?:[.,]\d+)?" + _PER_TIME,
                     r"\d[\d ]{0,5}(?:[.,]\d+)?\s?(?:€|e\b|eur\b|euros?\b|balles\b|£|\$|k\b)" + _PER_TIME),
}
PATTERNS = {name: tuple(re.compile(p) for p in ps) for name, ps in _PATTERNS.items()}
# The second pay pattern is the slowest of all (it starts at every digit and backtracks). Any match
# of it holds a currency unit followed by a unit of time, which this quicker search looks for:
# when it finds none, that pattern is not tried (most posts with an amount state no pay).
_PAY_GATE = re.compile(r"(?:€|e\b|eur\b|euros?\b|balles\b|£|\$|k\b)" + _PER_TIME)
_PATTERN_SIGN = re.compile(r"[\d@/]")
_DIGIT_TO_EOL = re.compile(r"\d[^\n]*")  # one match per line that holds a digit
# The value of a `q:` feature found n times (n capped at 4): min(n, 4) / 4 + 0.25, looked up
_COUNT_VALUE = tuple(n / 4.0 + 0.25 for n in range(5))
# Where a feature was found: (True, first token index, last token index, rule) for a lexicon term,
# (False, normalised start, normalised end, rule) for a pattern. Token offsets are only looked up
# for the few spans an explanation shows.
Found = tuple[bool, int, int, str]


class QuickFeatures:
    """The lexicons of the project as one table of word sequences, and the patterns above."""

    def __init__(self) -> None:
        groups: list[tuple[str, list[Entry]]] = [("cue", _merged("cues", CUE_VALUES, ("role",))),
                                                 ("products", _merged("products", PRODUCTS, _PRODUCT_KEYS)),
                                                 ("context", _merged("product_context", None))]
        groups += [(name, _merged(name, VALUES[name])) for name in _CONDITION_LEXICONS]
        groups.append(("platform", load_groups(lexicon_file("common", "platforms"), values=HANDLE_PLATFORMS,
                                               extra_keys=("domains",))))
        groups.append(("contacts", _merged("contacts", _CONTACT_KINDS)))
        # word sequence -> (feature, rule) of every term written so; first word -> sequence lengths
        self.table: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        for lexicon, entries in groups:
            for e in entries:
                if lexicon == "contacts" and e.value in _CONTACT_SKIP:
                    continue
                key = tuple(tokenize(fold(e.term)))
                hit = (_feature(lexicon, e, key), e.rule)
                bucket = self.table.setdefault(key, [])
                if key and hit not in bucket:
                    bucket.append(hit)
        # first word -> (its one-word hits or None, second words of its longer terms, their lengths)
        self.first: dict[str, tuple[list[tuple[str, str]] | None, frozenset[str], tuple[int, ...]]] = {}
        for key in self.table:
            one, seconds, lengths = self.first.get(key[0], (None, frozenset(), ()))
            if len(key) == 1:
                one = self.table[key]
            else:
                seconds, lengths = seconds | {key[1]}, tuple(sorted({*lengths, len(key)}))
            self.first[key[0]] = (one, seconds, lengths)

    def facts(self, a: Analysis, words: list[str]) -> tuple[dict[str, float], dict[str, list[Found]]]:
        """(`q:` features and the post's shape, where each `q:` feature was found). `words` are the
        texts of the post's normalised tokens."""
        where: defaultdict[str, list[Found]] = defaultdict(list)
        table, first, n = self.table, self.first, len(words)
        # most words start no term: the indexes of those that do are picked in C (compress over
        # the membership tests), so the Python loop below runs only on the few that matter
        for i in compress(range(n), map(first.__contains__, words)):
            one, seconds, lengths = first[words[i]]
            if one is not None:
                for feature, rule in one:
                    where[feature].append((True, i, i, rule))
            if i + 1 < n and words[i + 1] in seconds:  # the usual word starts no longer term here
                for size in lengths:
                    if i + size > n:
                        break
                    hits = table.get(tuple(words[i:i + size]))
                    if hits:
                        for feature, rule in hits:
                            where[feature].append((True, i, i + size - 1, rule))
        text = a.norm.text
        if _PATTERN_SIGN.search(text) is not None:  # patterns are only read with a digit, an @ or a /
            for name, rxs in PATTERNS.items():
                if (name == "pay_per_time" and "q:re:money" not in where) or (name == "handle" and "@" not in text
                                                                                and "/" not in text):
                    continue  # pay needs an amount; a handle an @ or a link
                if name == "pay_per_time" and _PAY_GATE.search(text) is None:
                    rxs = rxs[:1]
                earliest = None
                for rx in rxs:
                    m = rx.search(text)
                    if m is not None and (earliest is None or m.start() < earliest.start()):
                        earliest = m
                if earliest is not None:
                    where["q:re:" + name] = [(False, earliest.start(), earliest.end(), "triage-only:" + name)]
            if len(_DIGIT_TO_EOL.findall(text)) >= 3:
                where["q:re:menu"] = []
        value = _COUNT_VALUE
        f = {name: value[min(len(spans), 4)] for name, spans in where.items()}
        # a product named next to an amount or a quantity is what a price finding would say
        if "q:products:strong" in f or "q:products:weak" in f:
            for sign in ("money", "quantity"):
                if "q:re:" + sign in f:
                    f["q:products+" + sign] = 1.0
        original = a.post.text
        f["q:lines"] = min(original.count("\n") + 1, 12) / 12.0
        if len(original) < 60:
            f["q:short"] = 1.0
        return f, where

    def features(self, a: Analysis) -> dict[str, float]:
        """Every feature of a post as one dict (training; inference scores words directly)."""
        words = [t.text for t in a.norm.tokens]
        f, _where = self.facts(a, words)
        for name, _s, _e in token_features(a):
            f[name] = TOKEN_WEIGHT
        f["bias"] = 1.0
        return f


def _merged(name: str, values: tuple[str, ...] | None, extra_keys: tuple[str, ...] = ()) -> list[Entry]:
    out: list[Entry] = []
    for lang in ("common", *LANGS):
        path = lexicon_file(lang, name)
        if path.exists():
            out.extend(load_groups(path, values=values, extra_keys=extra_keys))
    return out


def _feature(lexicon: str, e: Entry, key: tuple[str, ...]) -> str:
    if lexicon == "cue":
        return f"q:cue:{e.value}:{e.strength}"
    if lexicon == "products":
        # one-letter codes ("c", "k", "h") only mean a product in a menu slot, which this pass
        # does not read: they get a feature of their own
        letter = len(key) == 1 and len(key[0]) == 1 and key[0].isalpha()
        return "q:products:letter" if letter else f"q:products:{e.strength}"
    if lexicon == "platform":
        return f"q:platform:{e.strength}"
    return f"q:{lexicon}:{e.value}"


@lru_cache(maxsize=1)
def quick_features() -> QuickFeatures:
    return QuickFeatures()
