from __future__ import annotations

from pathlib import Path

import pytest

from sentinelle.errors import LexiconError
from sentinelle.lexicon import TermMatcher, load_groups, load_lexicon
from sentinelle.normalize import normalise


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "lex.toml"
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("not toml [", "not valid TOML"),
        ("x = 1", "expected one or more [[group]]"),
        ('[[group]]\nterms = ["a"]', "'value' must be a non-empty string"),
        ('[[group]]\nvalue = "cocain"\nterms = ["coke"]', "unknown value 'cocain'"),
        ('[[group]]\nvalue = "cocaine"\nterms = []', "'terms' must be a non-empty list"),
        ('[[group]]\nvalue = "cocaine"\nterms = ["coke", 3]', "term 3 is not a non-empty string"),
        ('[[group]]\nvalue = "cocaine"\nstrength = "medium"\nterms = ["c"]', "'strength' must be one of"),
        ('[[group]]\nvalue = "cocaine"\nterms = ["c"]\ncolour = "red"', "unknown key(s) ['colour']"),
        ('[[group]]\nvalue = "cocaine"\nterms = ["\u200d"]', "empty once normalised"),
    ],
)
def test_bad_lexicons_name_the_file_and_group(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(LexiconError) as err:
        load_groups(write(tmp_path, body), values=["cocaine"])
    assert message in str(err.value)
    assert "lex.toml" in str(err.value)
    assert err.value.code == "SEN200"


def test_group_errors_say_which_group(tmp_path: Path) -> None:
    body = '[[group]]\nvalue = "cocaine"\nterms = ["c"]\n[[group]]\nvalue = "crak"\nterms = ["galette"]'
    with pytest.raises(LexiconError, match=r"group 2 \(value 'crak'\)"):
        load_groups(write(tmp_path, body), values=["cocaine", "crack"])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("De la CÉCÉ dispo", [("cece", "cécé")]),
        ("grosse frappe dispo", [("grosse frappe", "grosse frappe")]),  # longest match wins
        ("la frappe", [("frappe", "frappe")]),
        ("cecemoi", []),  # whole tokens only
        ("❄️❄️", [("❄", "❄"), ("❄", "❄")]),
    ],
)
def test_term_matcher(tmp_path: Path, text: str, found: list[tuple[str, str]]) -> None:
    entries = load_groups(write(tmp_path, '[[group]]\nvalue = "x"\nterms = ["cécé", "frappe", "grosse frappe", "❄️"]'))
    norm = normalise(text)
    got = [(norm.text[m.start:m.end], m.entry.term.replace("\ufe0f", "")) for m in TermMatcher(entries).find(norm)]
    assert [g[0] for g in got] == [f[0] for f in found]


def test_bundled_cue_lexicons_load() -> None:
    matchers = load_lexicon("cues", ["fr", "en"])
    assert len(matchers["fr"]) > 100 and len(matchers["en"]) > 100
