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


@pytest.mark.parametrize(("role", "ok"), [("tucked_offer", True), ("reported_offer", True), ("tucked", False)])
def test_a_key_with_choices_takes_only_those(tmp_path: Path, role: str, ok: bool) -> None:
    path = write(tmp_path, f'[[group]]\nvalue = "sale"\nrole = "{role}"\nterms = ["also got green"]')
    choices = {"role": ("tucked_offer", "reported_offer")}
    if ok:
        assert load_groups(path, extra_keys=choices)[0].get("role") == role
    else:
        with pytest.raises(LexiconError, match=r"'role' must be one of tucked_offer, reported_offer, not 'tucked'"):
            load_groups(path, extra_keys=choices)


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


@pytest.mark.parametrize(("term", "text", "matches"), [
    ("c'est dispo ?", "cc c'est dispo ? 10 de beuh", True),  # posts read "dispo" as "disponible"
    ("tout dispo", "tout dispo ce soir", True),
    ("jsuis a sec", "jsuis a sec depuis hier", True),  # "jsuis" reads "je suis"
    ("jsuis a sec", "je suis a sec depuis hier", True),  # and people who type it out
    ("tout dispo", "tout est dispo", False),
])
def test_terms_typed_as_sms_match_the_expanded_post(tmp_path: Path, term: str, text: str, matches: bool) -> None:
    folder = tmp_path / "fr"
    folder.mkdir()
    (folder / "sms.toml").write_text('[sms]\ndispo = "disponible"\njsuis = "je suis"\n', encoding="utf-8")
    path = folder / "cues.toml"
    path.write_text(f'[[group]]\nvalue = "x"\nterms = ["{term}"]\n', encoding="utf-8")
    entries = load_groups(path)
    assert len({e.rule for e in entries}) == 1 and entries[0].rule.endswith(f":x:{term}")  # one rule, as written
    norm = normalise(text, {"dispo": "disponible", "jsuis": "je suis"})
    assert bool(TermMatcher(entries).find(norm)) is matches


def test_bundled_cue_lexicons_load() -> None:
    from sentinelle.analysers.cues import CUE_KEYS

    matchers = load_lexicon("cues", ["fr", "en"], extra_keys=CUE_KEYS)
    assert len(matchers["fr"]) > 100 and len(matchers["en"]) > 100


@pytest.mark.parametrize("text", [
    '[[group]]\nvalue = "x"\nterms = ["a", "b",]  # c\n',
    '  [[ group ]]  # hi\n  k  =  "v\tw"\n[[group]]\nk = []\n',
    'top = "1"\n[[group]]\nterms = [ ]\n',
    'v = "é😀"',
    'a = "x"\na = "y"',  # a key twice: an error
    'group = "x"\n[[group]]\nv = "1"',  # a key, then an array of tables of that name: an error
    'v = [,]', 'v = "a\x01"', '# \x01', 'v = "x" "y"', 'v = ',  # errors
    'v = "a\\tb"', 'x = 1', 'v = ["a"\n, "b"]', 'é = "x"', '[[g]]\n[g]\n', 'a = "x"\r\n',  # other shapes
])
def test_simple_toml_reads_as_tomllib_does(text: str) -> None:
    """The fast reader of lexicon files gives tomllib's document, or leaves the file to tomllib."""
    import tomllib

    from sentinelle.lexicon import _simple_toml

    try:
        expected: object = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        expected = None  # the fast reader must leave it to tomllib, which reports the error
    got = _simple_toml(text.encode())
    assert got is None or got == expected


def test_simple_toml_reads_the_bundled_lexicons() -> None:
    import tomllib

    from sentinelle.lexicon import _simple_toml, data_dir

    path = data_dir() / "places" / "abroad.toml"
    raw = path.read_bytes()
    assert _simple_toml(raw) == tomllib.loads(raw.decode())
