from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentinelle.normalize import fold, normalise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Amnésia CÉCÉ", "amnesia cece"),  # case and accents
        ("ﬁne Œuf", "fine oeuf"),  # NFKC and ligatures
        ("0️⃣6️⃣3️⃣9️⃣", "0639"),  # keycap digits
        ("envoi 🇫🇷", "envoi  flag_fr "),  # flags become words
        ("🏃‍♂️ go", "🏃♂ go"),  # ZWJ and variation selectors dropped
        ("👍🏽", "👍"),  # skin tones dropped
        ("appel O6 39 98 I7 42", "appel 06 39 98 17 42"),  # letter-for-digit inside numbers
        ("1O€ le g", "10€ le g"),
        ("07700 9OOO7O", "07700 900070"),  # O for 0, even repeated
        ("lol 10g", "lol 10g"),  # words keep their letters
        ("cooooke et beuuuh", "coke et beuh"),  # repeated letters
        ("www.t.me", "www.t.me"),  # except www
        ("c o k e dispo", "coke dispo"),  # spaced-out words
        ("C.O.K.E", "coke"),
        ("a b", "a b"),  # two letters are not a spaced-out word
        ("l’ancien – nouveau", "l'ancien - nouveau"),  # quotes and dashes
        ("ligne 1\r\nligne 2", "ligne 1\nligne 2"),  # line breaks kept, CR dropped
    ],
)
def test_normalised_text(text: str, expected: str) -> None:
    assert normalise(text).text == expected


@pytest.mark.parametrize(
    ("text", "token", "original"),
    [
        ("appel O6 39", "06", "O6"),
        ("0️⃣6️⃣ 39", "06", "0️⃣6️⃣"),
        ("du cooooke", "coke", "cooooke"),
        ("Amnésia 10g", "amnesia", "Amnésia"),
        ("🇫🇷 ENVOI", "flag_fr", "🇫🇷"),
        ("la c.o.k.e", "coke", "c.o.k.e"),
    ],
)
def test_tokens_map_back_to_the_original(text: str, token: str, original: str) -> None:
    n = normalise(text)
    tok = next(t for t in n.tokens if t.text == token)
    assert n.original_text(tok.start, tok.end) == original


def test_sms_spellings_are_expanded_with_spans() -> None:
    n = normalise("cmd mini 30", {"cmd": "commande"})
    assert n.text.startswith("commande mini 30")
    tok = n.tokens[0]
    assert n.original_text(tok.start, tok.end) == "cmd"


def test_fold_matches_post_normalisation() -> None:
    assert fold("Cécé") == normalise("CÉCÉ").text == "cece"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_offsets_always_index_the_original(text: str) -> None:
    n = normalise(text, {"cmd": "commande"})
    assert len(n.starts) == len(n.ends) == len(n.text)
    for i in range(len(n.text)):
        assert 0 <= n.starts[i] <= n.ends[i] <= len(text)
    for t in n.tokens:
        a, b = n.span(t.start, t.end)
        assert 0 <= a <= b <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["0️⃣", "6️⃣", "O", "l", " ", "ooo", "c o k e", "🇫🇷", "é", "\u200d", "x"]),
                max_size=40))
def test_tricky_sequences_never_break_the_map(parts: list[str]) -> None:
    text = "".join(parts)
    n = normalise(text)
    assert all(0 <= s <= e <= len(text) for s, e in zip(n.starts, n.ends, strict=True))


@pytest.mark.parametrize("text", ["plain ascii text", "accentué", "Œuf… ok", "0️⃣6️⃣ 🇫🇷"])
def test_span_works_whichever_offset_list_was_read_first(text: str) -> None:
    for touch in ("starts", "ends", None):
        n = normalise(text)
        if touch:
            getattr(n, touch)
        a, b = n.span(0, len(n.text))
        assert (a, b) == (0, len(text.rstrip()) if text.endswith(" ") else len(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ab1 é…œ\r\u200d\ufe0f\u20e3🇫🇷❄🍁O") + ["6\ufe0f\u20e3", "🏽"]), max_size=60))
def test_bulk_and_character_paths_agree(parts: list[str]) -> None:
    from sentinelle import normalize as nz

    text = "".join(parts)
    fast, slow = nz._normalise_segments(text), nz._normalise_slow(text)
    assert (fast.text, fast.starts, fast.ends) == (slow.text, slow.starts, slow.ends)
