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
        ("Smartwhip 2L ➜ 45€, bidon 5L, 1l", "smartwhip 2l ➜ 45€, bidon 5l, 1l"),  # litres, not 21/51/11
        ("l5€ ou 2O€", "15€ ou 20€"),  # a look-alike before the digits or an O after them is still swapped
        ("lol 10g", "lol 10g"),  # words keep their letters
        ("cooooke et beuuuh", "coke et beuh"),  # repeated letters
        ("www.t.me", "www.t.me"),  # except www
        ("c o k e dispo", "coke dispo"),  # spaced-out words
        ("C.O.K.E", "coke"),
        ("a b", "a b"),  # two letters are not a spaced-out word
        ("l’ancien – nouveau", "l'ancien - nouveau"),  # quotes and dashes
        ("ligne 1\r\nligne 2", "ligne 1\nligne 2"),  # line breaks kept, CR dropped
        # OCR and evaders: O and l in numbers before a unit or a currency, 0 for O inside words
        ("WEED : 1Og = 8O€ | 2Og = l5O€", "weed : 10g = 80€ | 20g = 150€"),
        ("C0KE ST0CKT0N Shr00ms $3O", "coke stockton shrooms $30"),
        ("10g 50cl h20 mp3 3mmc 1p-lsd x0", "10g 50cl h20 mp3 3mmc 1p-lsd x0"),  # numbers and codes stay
        # squared and circled letters read as letters; 🅰️🅱️🅾️🅿️ only inside a word of them
        ("3️⃣ 🅼🅼🅲 Ⓦⓔⓔⓓ 🄲🄾🄺🄴", "3 mmc weed coke"),
        ("🅱️🅴🆄🅷 10g", "beuh 10g"),
        ("Oxy 80 🅿️ 20", "oxy 80 🅿 20"),
        ("TEL : O6 4l 27 83 9O", "tel : 06 41 27 83 90"),  # an l among a phone's pairs is a 1
        ("2l 5l coca", "2l 5l coca"),
        # numbers spaced out digit by digit, in a post that spaces a word out or an O or l among them
        ("🍫 l 0 g : 6 O\n🍫 2 5 g : l 3 O", "🍫 10 g : 60\n🍫 25 g : 130"),
        ("B A L M A\n🍫 1 0 g / 7 0 e", "balma\n🍫 10 g / 70 e"),
        ("livraison en 2 3 jours, 1 2 3 soleil", "livraison en 2 3 jours, 1 2 3 soleil"),  # else left
        ("06 12 34 56 78 / 2 3 jours", "06 12 34 56 78 / 2 3 jours"),
        # OCR's l for a leading 1 before digits and O's, and for the 1 of an ounce's fraction
        ("25g → l5O\n3g ..... l7O", "25g → 150\n3g ..... 170"),
        ("l/8 - $4O\nl/2 - $l4O", "1/8 - $40\n1/2 - $140"),
        ("lol, lo, l'eau", "lol, lo, l'eau"),
        # a 1 for an I between letters ("SH1T"); codes and numbers keep theirs
        ("SH1T / BERN1N / LUMB1N", "shit / bernin / lumbin"),
        ("3mmc 1p-lsd a1 k1ng mp3 10g", "3mmc 1p-lsd a1 k1ng mp3 10g"),
        # a 3 for an E and a 4 for an A between letters; "4" for "for" and codes keep theirs
        ("H4UTM0NT sp33d 15 le g, gr33n b4gs, t4z", "hautmont speed 15 le g, green bags, taz"),
        ("3mmc 4x4 b4 a4 ivry4life 4g 3g", "3mmc 4x4 b4 a4 ivry4life 4g 3g"),
        # the dot of a place's abbreviation, not a sentence's
        ("in St. Augustine, Ft. Myers; first. test", "in st augustine, ft myers; first. test"),
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


@pytest.mark.parametrize("text", ["St. James", "Ft. Myers", "SH1T", "l/8 oz", "1/8 oz", "k1ng", "sp33d", "b4gs"])
def test_fold_takes_every_rewrite_a_post_takes(text: str) -> None:
    assert fold(text) == normalise(text).text


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


# --- the fast paths agree with the plain forms they replace ---------------------------------

_REWRITE_ALPHABET = list("abcoil|O01 .-*\n_é") + ["ooo", "c o k e", "cmd", "jsuis", "dispo", "www"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_REWRITE_ALPHABET), max_size=40))
def test_prefilters_never_miss_a_rewrite(parts: list[str]) -> None:
    """Each rewrite runs only when its cheap pre-search matches: it must match whenever the
    exact pattern does (and the swap pre-search is exactly the old "\\d[oil|]|[oil|]\\d")."""
    import re

    from sentinelle import normalize as nz

    text = "".join(parts)
    old_swap = re.compile(r"\d[oil|]|[oil|]\d")
    assert bool(nz._NEEDS_SWAP_RE.search(text)) == bool(old_swap.search(text))
    if nz._REPEAT_RE.search(text):
        assert nz._MAYBE_REPEAT_RE.search(text)
    if nz._SPACED_RE.search(text):
        assert nz._MAYBE_SPACED_RE.search(text)


_SMS = {"cmd": "commande", "cmde": "commande", "jsuis": "je suis", "pr": "pour", "c": "c'est"}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["cmd", "cmde", "cmdes", "jsuis", "pr", "prix", "c", "_", " ", "é", "\n", "1",
                                 "x"]), max_size=30))
def test_sms_trie_finds_what_a_flat_alternation_finds(parts: list[str]) -> None:
    import re

    from sentinelle.normalize import _sms_pattern

    text = "".join(parts)
    words = sorted(_SMS, key=len, reverse=True)
    flat = re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, words)) + r")(?![^\W_])")
    trie = _sms_pattern(dict(_SMS))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


@pytest.mark.parametrize(
    ("words", "text", "found"),
    [
        (["g", "gr", "gramme"], "1 gramme 2 gr 3 g", ["gramme", "gr", "g"]),  # the longest first
        (["a.b", "a+"], "x a.b a+ a", ["a.b", "a+"]),  # regex characters are literal
        (["oz"], "OZ oz", ["oz"]),
    ],
)
def test_alternation_is_a_longest_first_list_of_literals(words: list[str], text: str, found: list[str]) -> None:
    import re

    from sentinelle.normalize import alternation

    assert re.findall(alternation(words), text) == found


@pytest.mark.parametrize(
    ("chars", "inside", "outside"),
    [
        ("abcx", "abcx", "dw"),  # a run becomes a range, and "x" stays alone
        (["\U0001F3FB", "\U0001F3FC", "\U0001F3FD", "-", "]"], "\U0001F3FC-]", "\U0001F3FE^"),
        (["\\", "^"], "\\^", "a"),
    ],
)
def test_char_class(chars: list[str], inside: str, outside: str) -> None:
    import re

    from sentinelle.normalize import _char_class

    cls = re.compile(_char_class(chars))
    assert all(cls.fullmatch(c) for c in inside)
    assert not any(cls.fullmatch(c) for c in outside)


@pytest.mark.parametrize("text", ["", "Amnésia 10g, dispo 🍁 @vendeur_75 a_b _", "ligne 1\n\nligne 3 6️⃣ 🇫🇷"])
def test_tokens_and_words(text: str) -> None:
    import re

    from sentinelle.normalize import Token

    n = normalise(text)
    expected = [Token(m.group(), m.start(), m.end()) for m in re.finditer(r"[^\W_]+(?:_[^\W_]+)*|\S", n.text)]
    assert n.tokens == expected and all(type(t) is Token for t in n.tokens)
    assert n.words == [t.text for t in expected]


def test_a_new_irregular_character_takes_the_offset_map() -> None:
    """The identity fast path must notice characters first met in this very post."""
    n = normalise("x \u0301 y ﬀ z")  # a lone combining accent (dropped) and a ligature (two letters)
    assert n.text == "x  y ff z"
    assert n.original_text(n.text.index("z"), len(n.text)) == "z"
    assert n.original_text(n.text.index("ff"), n.text.index("ff") + 2) == "ﬀ"
