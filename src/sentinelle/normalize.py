"""Normalisation, done once per post and shared by every analyser.

`normalise(text)` returns a `Normalised` text for matching, with a map back to the original so
that every finding keeps a character span into the text the user saw. Steps, in order:

1. Unicode NFKC, case folding and accent folding ("É" -> "e", "ﬁ" -> "fi", "œ" -> "oe");
2. emoji: variation selectors, skin tones and ZWJ joins dropped so that each emoji is one
   token; keycap digits ("0️⃣") become digits; flags ("🇫🇷") become words ("flag_fr");
3. letter-for-digit swaps inside numbers ("O6 39" -> "06 39", "1O€" -> "10€", "l5" -> "15"), and
   numbers spaced out digit by digit joined ("l 0 g" -> "10 g") in letter-spaced OCR menus;
4. repeated letters collapsed ("cooooke" -> "coke", "beuuuh" -> "beuh"; "www" kept);
5. spaced-out words joined ("c o k e" -> "coke", "C.O.K.E" -> "coke");
6. common SMS spellings expanded from a data file ("cmd" -> "commande", "jsuis" -> "je suis").

Line breaks are kept, so menus can still be read line by line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, repeat
from typing import Any, NamedTuple

# --- character classes -------------------------------------------------------------------

_DROP = {
    0xFE0E, 0xFE0F,  # variation selectors
    0x200D,  # zero-width joiner: "🏃‍♂️" -> "🏃" "♂"
    0x200B, 0x200C, 0x2060, 0xFEFF,  # zero-width spaces, word joiner, BOM
    0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,  # bidi marks
}
_SKIN_TONES = range(0x1F3FB, 0x1F400)
_KEYCAP = 0x20E3
_REGIONAL = range(0x1F1E6, 0x1F200)
_SPACES = {"\u00a0", "\u202f", "\u2007", "\t", "\u3000", "\u2009", "\u200a", "\u2002", "\u2003"}
_QUOTES = {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "«": '"', "»": '"', "“": '"', "”": '"'}
_DASHES = {"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "―": "-"}

_fold_cache: dict[str, str] = {}
# 🅰️ 🅱️ 🅾️ 🅿️ are emoji (blood types, parking), letters only inside a word of such letters ("🅱️🅴🆄🅷")
_LETTER_EMOJI = {0x1F170: "a", 0x1F171: "b", 0x1F17E: "o", 0x1F17F: "p"}
_MAYBE_LETTER_EMOJI_RE = re.compile("[\U0001F170\U0001F171\U0001F17E\U0001F17F]")
_LETTER_EMOJI_RE = re.compile("(?<=[a-z])[\U0001F170\U0001F171\U0001F17E\U0001F17F]"
                              "|[\U0001F170\U0001F171\U0001F17E\U0001F17F](?=[a-z])")


def fold_char(ch: str) -> str:
    """Fold one character: NFKC, lower case, accents removed. Cached."""
    out = _fold_cache.get(ch)
    if out is not None:
        return out
    cp = ord(ch)
    if cp in _DROP or cp in _SKIN_TONES:
        out = ""
    elif ch in _SPACES:
        out = " "
    elif ch in _QUOTES:
        out = _QUOTES[ch]
    elif ch in _DASHES:
        out = "-"
    elif ch == "\r":
        out = ""
    elif cp < 128:
        out = ch.lower()
    elif ch in "œŒ":
        out = "oe"
    elif ch in "æÆ":
        out = "ae"
    elif 0x1F130 <= cp <= 0x1F189 and (cp - 0x1F130) % 0x20 < 26 and cp not in _LETTER_EMOJI:
        out = chr(0x61 + (cp - 0x1F130) % 0x20)  # squared and negative letters: "🅼🅼🅲" -> "mmc"
    elif 0x24B6 <= cp <= 0x24E9:
        out = chr(0x61 + (cp - 0x24B6) % 26)  # circled letters: "Ⓦⓔⓔⓓ" -> "weed"
    elif unicodedata.category(ch) == "So" or cp >= 0x1F000:
        out = ch  # emoji and symbols stay themselves: one token each
    else:
        decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", ch).casefold())
        out = "".join(c for c in decomposed if not unicodedata.combining(c))
        if ch == "€" or ch == "£":
            out = ch
    _fold_cache[ch] = out
    return out


class _FoldTable(dict[int, str]):
    """str.translate table filled on demand; remembers characters that do not fold 1:1."""

    irregular: set[str] = set()

    def __missing__(self, cp: int) -> str:
        out = fold_char(chr(cp))
        if len(out) != 1:
            _FoldTable.irregular.add(chr(cp))
        self[cp] = out
        return out


_TABLE = _FoldTable()
_SPECIAL = frozenset([chr(_KEYCAP)] + [chr(c) for c in _REGIONAL])


def fold(text: str) -> str:
    """Fold a short string (a lexicon term, a query) the way `normalise` folds a post."""
    # Startup folds some 70,000 names and terms. Most are plain: no character that folds to other
    # than one character and no rewrite's cheap prefilter matching. Then `normalise(text).text` is
    # the translated text, returned here without building a `Normalised` (the same steps, in the
    # same order: the translation first, since it records the irregular characters it meets).
    folded = text.translate(_TABLE)
    if (_irregular_re().search(text) is None and _NEEDS_SWAP_RE.search(folded) is None
            and _MAYBE_ZERO_WORD_RE.search(folded) is None
            and _MAYBE_REPEAT_RE.search(folded) is None and _MAYBE_SPACED_RE.search(folded) is None
            and ". " not in folded and "l/" not in folded and _MAYBE_ONE_WORD_RE.search(folded) is None
            and _MAYBE_E_A_WORD_RE.search(folded) is None):
        return folded
    return normalise(text).text


# --- the normalised text -----------------------------------------------------------------


class Token(NamedTuple):
    text: str
    start: int  # offsets into Normalised.text
    end: int


_TOKEN_RE = re.compile(r"[^\W_]+(?:_[^\W_]+)*|\S", re.UNICODE)
# the same, captured: `split` returns the texts between tokens and the tokens, in turn
_TOKEN_SPLIT_RE = re.compile("(" + _TOKEN_RE.pattern + ")")
# `Token(...)` runs a Python-level `__new__` per token; `tuple.__new__(Token, (text, start, end))`
# builds the very same object in C. With `map` over one `split` of the text (and `repeat(Token)`
# as the first argument, which `map` passes as is, quicker than a `partial`), the tokens of a
# post are built without a Python call (or a match object) per token.
_new_tuple = tuple.__new__
# Without "_" in the text, `\w` is `[^\W_]` and the underscore joins never apply: the same tokens,
# and `re` tests the shorter pattern faster (posts rarely hold an underscore, handles do)
_PLAIN_TOKEN_RE = re.compile(r"\w+|\S")
_PLAIN_TOKEN_SPLIT_RE = re.compile("(" + _PLAIN_TOKEN_RE.pattern + ")")


@dataclass(slots=True)
class Normalised:
    """Folded text plus, for every character, the original span it came from."""

    original: str
    text: str
    _starts: list[int] | None  # starts[i]: original offset where text[i] comes from (None: identity)
    _ends: list[int] | None  # ends[i]: original offset just after what text[i] comes from
    _tokens: list[Token] | None = field(default=None, repr=False)
    _words: list[str] | None = field(default=None, repr=False)

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            self._starts = list(range(len(self.text)))
        return self._starts

    @starts.setter
    def starts(self, value: list[int]) -> None:
        self._starts = value

    @property
    def ends(self) -> list[int]:
        if self._ends is None:
            self._ends = list(range(1, len(self.text) + 1))
        return self._ends

    @ends.setter
    def ends(self, value: list[int]) -> None:
        self._ends = value

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to the original text."""
        starts = self._starts
        # the usual cases first, without the bounds arithmetic below (some fifteen calls a post)
        if starts is None:
            if start < end <= len(self.original):
                return start, end
        elif start < end and self._ends is not None:
            return starts[start], self._ends[end - 1]
        if self._starts is None:  # one character of the original per character of the text
            end = max(end, start)
            return min(start, len(self.original)), min(end, len(self.original))
        if end <= start:
            pos = self._starts[start] if start < len(self._starts) else len(self.original)
            return pos, pos
        return self._starts[start], self.ends[end - 1]

    def original_text(self, start: int, end: int) -> str:
        a, b = self.span(start, end)
        return self.original[a:b]

    @property
    def tokens(self) -> list[Token]:
        if self._tokens is None:
            # The split alternates the text between tokens (spaces, maybe empty) and the tokens:
            # running sums of the part lengths are the tokens' starts and ends, all in C. `zip`
            # takes the sums two at a time from the one iterator (a start, then an end) for each
            # word, without a list of them (the last sum, the text's length, is left over).
            parts = (_TOKEN_SPLIT_RE if "_" in self.text else _PLAIN_TOKEN_SPLIT_RE).split(self.text)
            if self._words is None:
                self._words = parts[1::2]
            bounds = accumulate(map(len, parts))
            self._tokens = list(map(_new_tuple, repeat(Token), zip(self._words, bounds, bounds)))  # noqa: B905
        return self._tokens

    @property
    def words(self) -> list[str]:
        """The texts of `tokens` (built once, shared by the analysers)."""
        if self._words is None:
            self._words = (_TOKEN_RE if "_" in self.text else _PLAIN_TOKEN_RE).findall(self.text)
        return self._words

    def lines(self) -> Iterator[tuple[int, int]]:
        """(start, end) of each line of the normalised text."""
        pos = 0
        text = self.text
        while pos <= len(text):
            nl = text.find("\n", pos)
            if nl < 0:
                yield pos, len(text)
                return
            yield pos, nl
            pos = nl + 1


def tokenize(text: str) -> list[str]:
    """Tokens of an already-folded string, as `Normalised.tokens` cuts them."""
    return _TOKEN_RE.findall(text)


# --- the steps ---------------------------------------------------------------------------

Rewrite = Callable[[re.Match[str]], str]


def _rewrite(norm: Normalised, pattern: re.Pattern[str], repl: Rewrite, pos: int = 0) -> None:
    """Apply a regex rewrite to the normalised text, keeping the offset map right.

    A replacement of the same length keeps the per-character map; any other replacement maps
    each new character to the span of the whole match. `pos`: where the first match may start
    (a search already found it there; look-behinds still see the text before `pos`).
    """
    text = norm.text
    # an identity map is read as ranges (sliced without building the lists)
    starts: Sequence[int] = norm._starts if norm._starts is not None else range(len(text))
    ends: Sequence[int] = norm._ends if norm._ends is not None else range(1, len(text) + 1)
    out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    last = 0
    changed = False
    for m in pattern.finditer(text, pos):
        a, b = m.span()
        new = repl(m)
        if new == m.group():
            continue
        changed = True
        out.append(text[last:a])
        new_starts.extend(starts[last:a])
        new_ends.extend(ends[last:a])
        if len(new) == b - a:
            new_starts.extend(starts[a:b])
            new_ends.extend(ends[a:b])
        else:
            o_start, o_end = starts[a], ends[b - 1]
            new_starts.extend([o_start] * len(new))
            new_ends.extend([o_end] * len(new))
        out.append(new)
        last = b
    if not changed:
        if norm._starts is None:  # as when the map was read as lists: a rewrite leaves them built
            norm.starts, norm.ends = list(starts), list(ends)
        return
    out.append(text[last:])
    new_starts.extend(starts[last:])
    new_ends.extend(ends[last:])
    norm.text = "".join(out)
    norm.starts = new_starts
    norm.ends = new_ends


# 3. letter-for-digit swaps: a run of digits and look-alike letters that has at least two digits
#    and stands alone (not inside a word)
#    (or before a unit or a currency: "1Og", "8O€")
_DIGITISH_RE = re.compile(r"(?<![^\W\d_])[0-9oil|]*[0-9][0-9oil|]*"
                          r"(?=(?:g|gr|e|h|k|ml|cl|mg|am|pm)(?![^\W\d_])|[€$£]|(?![^\W\d_]))")
_PHONE_GROUP_BEFORE = re.compile(r"[\dol|][ .\-]$")
_PHONE_GROUP_AFTER = re.compile(r"[ .\-][\dol|]{2}")
_LOOKALIKE = str.maketrans({"o": "0", "i": "1", "l": "1", "|": "1"})


# 3a. a number spaced out digit by digit, as OCR reads a letter-spaced menu ("1 0 g", "6 O", "£1 0"):
# joined (and its look-alike letters made digits) when the post spaces out a word too ("B A L M A")
# or one of its spaced numbers holds a look-alike letter; otherwise "2 3 jours" stays as written
_SPACED_NUM_RE = re.compile(r"(?<![\w.,'])(?:[0-9ol] ){1,3}[0-9ol](?![\w.,'])")
_MAYBE_SPACED_NUM_RE = re.compile(r"[0-9ol] [0-9ol](?![\w.,'])")


def _spaced_numbers(norm: Normalised) -> None:
    text = norm.text
    runs = [r for r in _SPACED_NUM_RE.findall(text) if any(c.isdigit() for c in r)]
    if not any("o" in r or "l" in r for r in runs) and not (
            _MAYBE_SPACED_RE.search(text) is not None and _SPACED_RE.search(text) is not None):
        return

    def join(m: re.Match[str]) -> str:
        s = m.group()
        return s.replace(" ", "").translate(_LOOKALIKE) if any(c.isdigit() for c in s) else s

    _rewrite(norm, _SPACED_NUM_RE, join)


def _swap_digits(m: re.Match[str]) -> str:
    s = m.group()
    digits = sum(c.isdigit() for c in s)
    if digits == len(s) or len(s) < 2:
        return s
    text, start, end = m.string, m.start(), m.end()
    if s[-1] == "l" and s[:-1].isdigit() and not (
            _PHONE_GROUP_BEFORE.search(text, max(0, start - 3), start) and _PHONE_GROUP_AFTER.match(text, end)):
        return s  # "2l", "5l": litres after a number, not "21" (but "O6 4l 27": a phone's digits)
    only_o = all(c.isdigit() or c == "o" for c in s)  # "9ooo7o": a number typed with O for 0
    priced = (start and text[start - 1] in "€$£") or (end < len(text) and text[end] in "€$£gekh")
    # "l5o", "l4o": OCR's l for a leading 1, then digits and O for 0
    l_first = len(s) >= 3 and s[0] in "il|" and all(c.isdigit() or c == "o" for c in s[1:])
    if not only_o and not priced and not l_first and digits < (len(s) + 1) // 2:  # mostly letters: a word
        return s
    return s.translate(_LOOKALIKE)


# 3b. a zero for an O inside a word, as OCR and evaders write it ("C0KE", "ST0CKT0N", "shr00ms"): a
#     word of two letters or more with no other digit
_ZERO_WORD_RE = re.compile(r"(?<![^\W_])[^\W1-9_]*[^\W\d_]0[^\W1-9_]*(?![^\W_])"
                           r"|(?<![^\W_])0[^\W\d_][^\W1-9_]*(?![^\W_])")
# a 0 after a letter, or starting a word of letters (not "10g", "20e"); written to start with the 0,
# which the engine skips to
_MAYBE_ZERO_WORD_RE = re.compile(r"0(?:(?<=[a-z]0)|(?<!\w0)(?=[a-z]{2}))")


# 3c. a one for an I between letters, as evaders write it ("SH1T", "BERN1N"): two letters or more
#     before it, one or more after, no other digit
_ONE_WORD_RE = re.compile(r"(?<![^\W_])[^\W\d_]{2,}1[^\W\d_]+(?![^\W_])")
_MAYBE_ONE_WORD_RE = re.compile(r"1(?<=[a-z]{2}1)(?=[a-z])")


# 3d. a three for an E and a four for an A between letters, as evaders write it ("sp33d", "gr33n b4gs",
#     "H4UTM0NT", "t4z"): a word of letters and look-alike digits, two letters or more, a 3 or a 4
#     between two letters (not "3mmc", "4x4", "b4": none between letters; not "ivry4life")
_E_A_WORD_RE = re.compile(r"(?<![^\W_])[^\W\d_]+(?:[0134]+[^\W\d_]+)+(?![^\W_])")
_MAYBE_E_A_WORD_RE = re.compile(r"[34](?<=[a-z][34])(?=[0134]*[a-z])")


_FOUR_AS_FOR_RE = re.compile(r"4(?:life|ever|you|real|sale|the)")  # "ivry4life": "for", not an A


def _e_a_to_letters(m: re.Match[str]) -> str:
    s = m.group()
    if sum(c.isalpha() for c in s) < 2 or not _MAYBE_E_A_WORD_RE.search(s) or _FOUR_AS_FOR_RE.search(s):
        return s
    return s.replace("3", "e").replace("4", "a")


def _zero_to_o(m: re.Match[str]) -> str:
    s = m.group()
    return s.replace("0", "o") if sum(c.isalpha() for c in s) >= 2 else s


# 4. three or more of the same letter -> one ("www" is kept for links)
_REPEAT_RE = re.compile(r"([^\W\d_])\1{2,}")


def _collapse(m: re.Match[str]) -> str:
    return m.group() if m.group() == "www" else m.group(1)


# 5. spaced-out words: at least four single letters separated by one space, dot, dash or star
_SPACED_RE = re.compile(r"(?<![^\W\d_])(?:[^\W\d_][ .*\-]){3,}[^\W\d_](?![^\W\d_])")


def _join_spaced(m: re.Match[str]) -> str:
    return re.sub(r"[ .*\-]", "", m.group())


_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


def normalise(text: str, sms: Mapping[str, str] | None = None) -> Normalised:
    """Normalise a post's text. `sms` maps folded SMS spellings to their expansion."""
    folded = text.translate(_TABLE)  # also records in `_FoldTable.irregular` any new character
    if _irregular_re().search(text) is None:
        norm = Normalised(text, folded, None, None)  # the common case: offsets are the identity
    elif _SPECIAL_RE.search(text) is None and len(kept := _kept(text)) == len(folded):
        # The next most common case: the only irregular characters are dropped ones (emoji
        # variation selectors, joiners). The kept characters (non-empty fold) are as many as
        # the folded characters, so each folded to exactly one: folded[k] comes from text[i]
        # for the k-th kept i, the map `_normalise_segments` would build one match at a time.
        norm = Normalised(text, folded, kept, list(map(_plus_one, kept)))
    elif set(text).isdisjoint(_FoldTable.irregular - _KNOWN_IRREGULAR):
        norm = _normalise_segments(text)
    else:
        norm = _normalise_slow(text)
    return _rewrites(norm, sms)


_irregular_cache: tuple[int, re.Pattern[str]] = (-1, re.compile("(?!)"))


def _irregular_re() -> re.Pattern[str]:
    """One character class of every character that does not fold one to one (as far as
    `_FoldTable` has met them) and of the keycap and flag characters: one C-speed scan tells
    whether a post needs the offset map. Rebuilt only when a new irregular character shows up."""
    global _irregular_cache
    known = len(_FoldTable.irregular)
    if _irregular_cache[0] != known:
        _irregular_cache = (known, re.compile(_char_class(_FoldTable.irregular | _SPECIAL)))
    return _irregular_cache[1]


def _char_class(chars: Iterable[str]) -> str:
    """A regex character class of `chars`, consecutive code points written as ranges: the
    engine tests characters beyond U+FFFF (emoji) one class item at a time, so fewer is faster."""
    cps = sorted(map(ord, chars))
    items: list[str] = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        first, last = re.escape(chr(cps[i])), re.escape(chr(cps[j]))
        items.append(first if i == j else f"{first}-{last}")
        i = j + 1
    return "[" + "".join(items) + "]"


# Characters that do not fold one to one and are common in posts: handled one match at a time,
# the text between them folded in bulk.
_KNOWN_IRREGULAR = frozenset(
    [chr(c) for c in _DROP] + [chr(c) for c in _SKIN_TONES] + ["\r", "…", "œ", "Œ", "æ", "Æ", "ß", "ﬁ", "ﬂ", "™", "½"])
_IRREGULAR_RE = re.compile(
    "[0-9#*]\ufe0f?\u20e3|[\U0001F1E6-\U0001F1FF]{2}|"
    + _char_class([*_KNOWN_IRREGULAR, *map(chr, _REGIONAL)]))

_SPECIAL_RE = re.compile(_char_class(_SPECIAL))  # keycaps and flags: never a 1:1 fold
_plus_one = (1).__add__


def _kept(text: str) -> list[int]:
    """Offsets of the characters of `text` that do not fold to nothing, a run between two
    dropped characters at a time (a post has a few)."""
    kept: list[int] = []
    for m in _kept_runs_re().finditer(text):
        kept.extend(range(m.start(), m.end()))
    return kept


_kept_runs_cache: tuple[int, re.Pattern[str]] = (-1, re.compile("(?!)"))


def _kept_runs_re() -> re.Pattern[str]:
    """Runs of characters that do not fold to nothing. Every character that folds to nothing is
    in `_FoldTable.irregular` once `_TABLE` has met it: rebuilt when that set grows."""
    global _kept_runs_cache
    known = len(_FoldTable.irregular)
    if _kept_runs_cache[0] != known:
        dropped = [c for c in _FoldTable.irregular if _TABLE[ord(c)] == ""]
        body = _char_class(dropped)[1:-1] if dropped else ""
        _kept_runs_cache = (known, re.compile(f"[^{body}]+" if body else "(?s:.+)"))
    return _kept_runs_cache[1]


def _normalise_segments(text: str) -> Normalised:
    """Fold runs of regular characters with str.translate; map only the irregular ones by hand."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last = 0
    for m in _IRREGULAR_RE.finditer(text):
        a, b = m.span()
        if a > last:
            chars.append(text[last:a].translate(_TABLE))
            starts.extend(range(last, a))
            ends.extend(range(last + 1, a + 1))
        s = m.group()
        if s[-1] == chr(_KEYCAP):
            out = s[0]
        elif len(s) == 2 and ord(s[0]) in _REGIONAL:
            out = f" flag_{chr(ord(s[0]) - 0x1F1E6 + 97)}{chr(ord(s[1]) - 0x1F1E6 + 97)} "
        else:
            out = fold_char(s)
        if out:
            chars.append(out)
            starts.extend([a] * len(out))
            ends.extend([b] * len(out))
        last = b
    if last < len(text):
        chars.append(text[last:].translate(_TABLE))
        starts.extend(range(last, len(text)))
        ends.extend(range(last + 1, len(text) + 1))
    return Normalised(text, "".join(chars), starts, ends)


def _normalise_slow(text: str) -> Normalised:
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        cp = ord(ch)
        # keycap digit: "6" (+ U+FE0F) + U+20E3
        if ch.isdigit() or ch in "#*":
            j = i + 1
            if j < n and ord(text[j]) == 0xFE0F:
                j += 1
            if j < n and ord(text[j]) == _KEYCAP:
                chars.append(ch)
                starts.append(i)
                ends.append(j + 1)
                i = j + 1
                continue
        if cp in _REGIONAL:
            j = i + 1
            if j < n and ord(text[j]) in _REGIONAL:
                code = chr(cp - 0x1F1E6 + 97) + chr(ord(text[j]) - 0x1F1E6 + 97)
                word = f" flag_{code} "
                chars.extend(word)
                starts.extend([i] * len(word))
                ends.extend([j + 1] * len(word))
                i = j + 1
                continue
        out = fold_char(ch)
        if len(out) == 1:
            chars.append(out)
            starts.append(i)
            ends.append(i + 1)
        elif out:
            chars.extend(out)
            starts.extend([i] * len(out))
            ends.extend([i + 1] * len(out))
        i += 1
    return Normalised(text, "".join(chars), starts, ends)


def needs_sms(norm: Normalised, sms: Mapping[str, str]) -> bool:
    """Whether `apply_sms` would change a text normalised without SMS spellings."""
    return bool(sms) and _sms_pattern(sms).search(norm.text) is not None


def apply_sms(norm: Normalised, sms: Mapping[str, str]) -> Normalised:
    """The last step of `normalise`, on a text normalised without SMS spellings:
    `apply_sms(normalise(t), sms)` is `normalise(t, sms)`."""
    first = _sms_pattern(sms).search(norm.text) if sms else None
    if first is not None:
        _rewrite(norm, _sms_pattern(sms), lambda m: sms.get(m.group(), m.group()), first.start())
    return norm


def _rewrites(norm: Normalised, sms: Mapping[str, str] | None) -> Normalised:
    # Each step first runs a cheap search that any text the step changes must match (a pattern
    # whose first character the regex engine can skip to), then the exact one: most posts need
    # no rewrite at all, and the exact patterns try every position of the text.
    if _MAYBE_SPACED_NUM_RE.search(norm.text) and _SPACED_NUM_RE.search(norm.text):
        _spaced_numbers(norm)
    if _NEEDS_SWAP_RE.search(norm.text):
        _rewrite(norm, _DIGITISH_RE, _swap_digits)
    if ". " in norm.text and _ABBREV_DOT_RE.search(norm.text):
        _rewrite(norm, _ABBREV_DOT_RE, lambda m: m.group(1))
    if "l/" in norm.text and _L_FRACTION_RE.search(norm.text):
        _rewrite(norm, _L_FRACTION_RE, lambda m: "1")
    if _MAYBE_E_A_WORD_RE.search(norm.text):
        _rewrite(norm, _E_A_WORD_RE, _e_a_to_letters)
    if _MAYBE_ZERO_WORD_RE.search(norm.text) and _ZERO_WORD_RE.search(norm.text):
        _rewrite(norm, _ZERO_WORD_RE, _zero_to_o)
    if _MAYBE_ONE_WORD_RE.search(norm.text):
        _rewrite(norm, _ONE_WORD_RE, lambda m: m.group().replace("1", "i"))
    if _MAYBE_LETTER_EMOJI_RE.search(norm.text) and _LETTER_EMOJI_RE.search(norm.text):
        _rewrite(norm, _LETTER_EMOJI_RE, lambda m: _LETTER_EMOJI[ord(m.group())])
    if _MAYBE_REPEAT_RE.search(norm.text) and _REPEAT_RE.search(norm.text):
        _rewrite(norm, _REPEAT_RE, _collapse)
    if _MAYBE_SPACED_RE.search(norm.text) and _SPACED_RE.search(norm.text):
        _rewrite(norm, _SPACED_RE, _join_spaced)
    if sms:
        pattern = _sms_pattern(sms)
        first = pattern.search(norm.text)
        if first is not None:
            _rewrite(norm, pattern, lambda m: sms.get(m.group(), m.group()), first.start())
    return norm


# "\d[oil|]|[oil|]\d", written to start with the look-alike letter so that the engine skips
# straight to the o, i, l and | of the text
# the dot of a place name's abbreviation ("St. Augustine", "Mt. Pleasant", "Ft. Myers"): dropped, so
# the name reads as its words
_ABBREV_DOT_RE = re.compile(r"(?<![^\W_])(st|ste|mt|ft)\.(?= [a-z])")
# an l for the 1 of a fraction of an ounce, as OCR reads it ("l/8 - $40", "l/4")
_L_FRACTION_RE = re.compile(r"(?<![\w/])l(?=/(?:2|4|8|16)(?!\d))")
_NEEDS_SWAP_RE = re.compile(r"[oil|](?:\d|(?<=\d.))")
# any character three times: what every repeated letter matches (`_REPEAT_RE` tries a letter
# class at every position, four times slower)
_MAYBE_REPEAT_RE = re.compile(r"(.)\1\1", re.DOTALL)
# the middle of any spaced-out word: separator, letter, separator, letter, separator
_MAYBE_SPACED_RE = re.compile(r"[ .*\-][^\W\d_][ .*\-][^\W\d_][ .*\-]")
_sms_patterns: dict[int, tuple[Mapping[str, str], re.Pattern[str]]] = {}


def _sms_pattern(sms: Mapping[str, str]) -> re.Pattern[str]:
    """One regex of all SMS spellings, whole words only (cached per mapping).

    The spellings are a trie (`alternation`), and the "no word character before" test comes
    after the first character, so that the engine skips to the letters a spelling can start
    with instead of trying every spelling at every position."""
    hit = _sms_patterns.get(id(sms))
    if hit is None or hit[0] is not sms:
        words = list(sms)
        if all(words):
            body = alternation(words, after_first=r"(?<![^\W_](?s:.))")
            pattern = re.compile(r"(?:" + body + r")(?![^\W_])")
        else:  # an empty spelling cannot start with a character: the plain form
            words.sort(key=len, reverse=True)
            pattern = re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, words)) + r")(?![^\W_])")
        hit = (sms, pattern)
        _sms_patterns[id(sms)] = hit
    return hit[1]


def alternation(words: Iterable[str], *, after_first: str = "") -> str:
    """A regex alternation of literal words, as a trie (one branch per character), which the
    regex engine walks far faster than a flat list; at every branch the longer word is tried
    first, as in a flat list sorted by length. `after_first` is inserted after each word's
    first character (a look-behind that then costs nothing at positions no word starts at)."""
    trie: dict[str, Any] = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any], extra: str) -> str:
        branches = [re.escape(ch) + extra + build(sub, "") for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            body = f"(?:{body})?"
        return body

    return build(trie, after_first)
