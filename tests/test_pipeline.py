from __future__ import annotations

from typing import Any

import pytest

from sentinelle.analysers.base import Analyser, register
from sentinelle.core import Analysis, Post
from sentinelle.errors import ConfigError
from sentinelle.pipeline import Pipeline, load_config, validate_config


class Shouter(Analyser):
    name = "test_shouter"
    provides = ("cue",)

    def analyse(self, a: Analysis) -> None:
        i = a.norm.text.find("help")
        if i >= 0:
            a.add_norm("cue", "sale", i, i + 4, analyser=self.name, rule="test:help", explanation="says help")


class NeedsShout(Analyser):
    name = "test_needs_shout"
    requires = ("cue",)
    provides = ("category",)

    def analyse(self, a: Analysis) -> None:
        a.category = "sale" if a.has("cue") else "other"


class Broken(Analyser):
    name = "test_broken"
    languages = ("fr",)

    def analyse(self, a: Analysis) -> None:
        raise ValueError("boom")


for cls in (Shouter, NeedsShout, Broken):
    register(cls)


def config(*names: str, **extra: Any) -> dict[str, Any]:
    return {"languages": ["fr", "en"], "analysers": list(names), **extra}


def test_plugins_run_in_order_and_keep_spans() -> None:
    p = Pipeline(config("test_shouter", "test_needs_shout"))
    a = p.analyse(Post(id="1", text="Œuf… please HÉLP"))  # "Œ" and "…" fold to two and three characters
    assert a.category == "sale"
    f = a.of("cue")[0]
    assert (f.start, f.end) == (12, 16) and a.text_of(f) == "HÉLP"


@pytest.mark.parametrize(
    ("cfg", "message"),
    [
        (config("test_needs_shout", "test_shouter"), "requires ['cue'], which no analyser before it provides"),
        (config("nope"), "unknown analyser 'nope'"),
        (config("test_shouter", "test_shouter"), "names an analyser twice"),
        (config("test_shouter", options={"other": {}}), "options given for analysers not in the list"),
        ({"analysers": ["test_shouter"], "colour": 1}, "unknown key(s) ['colour']"),
        ({"analysers": []}, "'analysers' must be a non-empty list"),
        ({"analysers": ["test_shouter"], "languages": "fr"}, "'languages' must be a non-empty list"),
        ({"analysers": ["test_shouter"], "default_language": "de"}, "'default_language' 'de'"),
    ],
)
def test_invalid_configs_are_refused_before_any_post(cfg: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError) as err:
        Pipeline(cfg)
    assert message in str(err.value)


def test_one_failing_analyser_is_recorded_and_the_post_goes_on() -> None:
    p = Pipeline(config("test_broken", "test_shouter", "test_needs_shout"))
    a = p.analyse(Post(id="7", text="au secours help", lang="fr"))
    assert a.category == "sale"
    assert a.errors and "test_broken" in a.errors[0] and "boom" in a.errors[0] and "'7'" in a.errors[0]
    # the broken analyser only declares French: an English post never reaches it
    assert not p.analyse(Post(id="8", text="help", lang="en")).errors


def test_language_is_detected_when_absent() -> None:
    p = Pipeline(config("test_shouter"))
    assert p.analyse(Post(id="1", text="the plug is open for all orders")).lang == "en"
    assert p.analyse(Post(id="2", text="on livre sur toute la ville")).lang == "fr"


def test_validate_config_fills_defaults() -> None:
    cfg = validate_config({"analysers": ["a"]})
    assert cfg["languages"] == ["fr", "en"] and cfg["default_language"] == "fr" and cfg["options"] == {}


@pytest.mark.parametrize("text", [
    "slt jte vend d la beuh pr 10e le g, tkt c de la bonne",  # French SMS spellings
    "yo got that loud, 10 a g, hmu",  # English: the French spellings must not apply
    "Recette de la tarte aux pommes",
])
def test_language_free_pipeline_detects_language_only_for_sms_spellings(text: str) -> None:
    """The triage-only pipeline (no analyser reads the language) normalises exactly as the default
    one, detecting the language only when an SMS spelling could apply."""
    from sentinelle.core import Post
    from sentinelle.pipeline import triage_only_config_path

    quick = Pipeline(load_config(triage_only_config_path()))
    full = Pipeline()
    assert quick._language_free and not full._language_free
    post = Post(id="t", text=text)
    assert quick.prepare(post).norm.text == full.prepare(post).norm.text


class Counter(Analyser):
    """Numbers the posts it sees, in the order it sees them (state kept between posts)."""

    name = "test_counter"

    def __init__(self, options: Any = None) -> None:
        super().__init__(options)
        self.seen = 0

    def analyse(self, a: Analysis) -> None:
        self.seen += 1
        a.notes["order"] = self.seen


register(Counter)


def _outcome(a: Analysis | Exception) -> Any:
    if isinstance(a, Exception):
        return repr(a)
    return (a.lang, a.category, a.findings, a.errors, a.notes.get("order"))


@pytest.mark.parametrize("texts", [
    ["au secours help", "nothing here", "help help", "the plug is open, help"],
    ["help"],
    [],
])
def test_analyse_many_gives_what_analyse_gives_post_by_post(texts: list[str]) -> None:
    names = ("test_broken", "test_shouter", "test_needs_shout", "test_counter")
    posts = [Post(id=str(i), text=t) for i, t in enumerate(texts)]
    single = Pipeline(config(*names))
    one_by_one = [_outcome(single.analyse(p)) for p in posts]
    many = [_outcome(a) for a in Pipeline(config(*names)).analyse_many(posts)]
    assert many == one_by_one
    assert [o[4] for o in many] == list(range(1, len(posts) + 1))  # each analyser saw the posts in order


def test_analyse_many_returns_the_exception_of_a_post_that_cannot_be_prepared() -> None:
    p = Pipeline(config("test_shouter"))
    bad = Post(id="x", text=None)  # type: ignore[arg-type]
    out = p.analyse_many([Post(id="a", text="help"), bad, Post(id="b", text="no")])
    assert isinstance(out[1], Exception)
    assert [a.has("cue") for a in (out[0], out[2]) if isinstance(a, Analysis)] == [True, False]
