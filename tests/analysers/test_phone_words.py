"""Phone numbers written in words: the digits they stand for and the span they cover."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentinelle.analysers import phone_words
from sentinelle.analysers.phone_words import spelt_numbers
from sentinelle.errors import LexiconError


@pytest.mark.parametrize(
    "text,expected",
    [
        ("☎️ zero six . 44 . 81 . 20 . 39 / lydia", [("zero six . 44 . 81 . 20 . 39", "0644812039")]),
        ("le zéro six, quarante-quatre, quatre-vingt-un, vingt, trente-neuf", [
            ("zéro six, quarante-quatre, quatre-vingt-un, vingt, trente-neuf", "0644812039")]),
        ("zéro six vingt et un trente 44 12", [("zéro six vingt et un trente 44 12", "0621304412")]),
        ("zéro sept soixante-treize quatre-vingt-dix-sept 10 11", [
            ("zéro sept soixante-treize quatre-vingt-dix-sept 10 11", "0773971011")]),
        ("ring oh eight seven four one two three three nine eight", [
            ("oh eight seven four one two three three nine eight", "0874123398")]),
        ("oh seven seven double oh nine triple one two three", [
            ("oh seven seven double oh nine triple one two three", "07700911123")]),
        ("06 12 34 56 78", []),  # digits only: the digit reader's job
        ("un gars de confiance, deux ou trois potes", []),
        ("zéro six douze", []),  # too short for a phone
        ("et et et", []),
    ],
)
def test_spelt_numbers(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(text[s:e], d) for s, e, d in spelt_numbers(text)] == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["zéro", "six", "vingt", "et", "un", "quatre", "dix", "sept", "double",
                                 "oh", "12", "-", " ", ", ", ".", "x", "\n"]), max_size=40))
def test_spans_always_index_the_text(parts: list[str]) -> None:
    text = " ".join(parts)
    for s, e, digits in spelt_numbers(text):
        assert 0 <= s < e <= len(text)
        assert digits.isdigit() and 9 <= len(digits) <= 13


def test_a_bad_value_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "common").mkdir()
    (tmp_path / "common" / "spoken_digits.toml").write_text(
        "[units]\nzero = 0\n[teens]\ndix = 10\n[tens]\nvingt = 200\n[repeat]\ndouble = 2\n", encoding="utf-8")
    monkeypatch.setattr(phone_words, "data_dir", lambda: tmp_path)
    phone_words.spoken_digits.cache_clear()
    try:
        with pytest.raises(LexiconError) as err:
            phone_words.spoken_digits()
        assert "spoken_digits.toml" in str(err.value) and "vingt" in str(err.value)
    finally:
        phone_words.spoken_digits.cache_clear()


@pytest.mark.parametrize(("text", "expected"), [
    # "nine hundred" is three digits, in a British mobile read out
    ("ring me on oh seven seven double oh nine hundred one three seven",
     [("oh seven seven double oh nine hundred one three seven", "07700900137")]),
    ("two for one fifty, nine hundred a nine bar", []),  # prices, no phone
])
def test_hundreds_in_spelt_numbers(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(text[s:e], d) for s, e, d in spelt_numbers(text)] == expected
