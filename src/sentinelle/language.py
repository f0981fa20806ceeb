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
    words = _WORD.findall(text.lower())
    best, best_count = default, 0
    for lang in languages:
        vocab = function_words(lang)
        count = sum(map(vocab.__contains__, words))  # the words in the list, counted in C
        if count > best_count:
            best, best_count = lang, count
    return best
