from __future__ import annotations

import pytest

from sentinelle.language import detect_language


@pytest.mark.parametrize(("text", "expected"), [
    ("livraison sur toute la ville, de 18h à 2h", "fr"),
    ("we drop all over town till 2am, text the number", "en"),
    # no function word, or as many of each: the currency signs tell, then the default
    ("🍭 tabs $15", "en"),
    ("🍁 10g 80€", "fr"),
    ("🍁 £10 bags", "en"),
    ("🍁 10 / 20 / 50", "fr"),
    ("🍁 €50 / $60", "fr"),  # both signs: the default
])
def test_language_by_function_words_then_currency(text: str, expected: str) -> None:
    assert detect_language(text, ["fr", "en"], "fr") == expected
