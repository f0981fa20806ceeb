"""Language detection for short, slangy posts: function words counted per language.

Word lists live in `data/<lang>/language.toml` (`words = [...]`). Posts are short and mix
emoji, numbers and slang, so a general-purpose detector does worse than counting the words that
every sentence needs ("le", "la", "the", "and"...). Ties go to the default language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .errors import LexiconError
from .lexicon import lexicon_file, read_toml, rel
from .normalize import fold

_WORD = re.compile(r"[^\W\d_]+")


@cache
def function_words(lang: str) -> frozenset[str]:
    path = lexicon_file(lang, "language")
    if not path.exists():
        return frozenset()
    words = read_toml(path).get("words")
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise LexiconError("'words' must be a list of non-empty strings", where=rel(path))
    return frozenset(w.lower() for w in words) | frozenset(fold(w) for w in words)


def detect_language(text: str, languages: Sequence[str], default: str) -> str:
    """The language whose function words the text holds most; on a tie (a menu of emoji and
    prices often holds none), the one its currency signs point to ("$", "£": English; "€":
    French), else `default`."""
    words = _WORD.findall(text.lower())
    counts = {lang: sum(map(function_words(lang).__contains__, words)) for lang in languages}  # (counted in C)
    top = max(counts.values(), default=0)
    tied = [lang for lang in languages if counts[lang] == top]
    if len(tied) == 1:
        return tied[0]
    sign = _currency_language(text)
    if sign in tied:
        return sign
    return default if default in tied or not tied else tied[0]


def _currency_language(text: str) -> str:
    dollar_or_pound = "$" in text or "£" in text
    if dollar_or_pound and "€" not in text:
        return "en"
    if "€" in text and not dollar_or_pound:
        return "fr"
    return ""
