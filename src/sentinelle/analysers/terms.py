"""Lexicon terms found in a post's tokens: several lexicons matched in one pass.

Shared by the conditions and signals analysers (and triage reads `token_words`): each term is
folded and cut into tokens as the post's text is, so that matching is a walk over the post's
words with a dictionary lookup per candidate.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial
from itertools import compress

from ..core import Analysis
from ..lexicon import Entry, Match
from ..normalize import Normalised, fold, tokenize


def _in_handle(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is glued into a handle or a link ("drive.23", "lafe.drive", "@drive")."""
    if start > 1 and text[start - 1] in "@._" and text[start - 2].isalnum():
        return True
    if start > 0 and text[start - 1] == "@":
        return True
    return end + 1 < len(text) and text[end] in "._@" and text[end + 1].isalnum()


# `Match(...)` runs a Python-level `__new__`; this builds the same tuple in C (as normalize.Token)
_new_match = partial(tuple.__new__, Match)


class MultiMatcher:
    """Several lexicons matched in one pass over a post's tokens: longest match per lexicon, so
    a term of one lexicon never hides a term of another ("livraison offerte" is both delivery
    and promotion)."""

    def __init__(self, lexicons: Mapping[str, Iterable[Entry]], skip_values: Iterable[str] = ()) -> None:
        skip = frozenset(skip_values)
        self._table: dict[tuple[str, ...], list[tuple[str, Entry]]] = {}
        self.names = tuple(lexicons)
        for name, entries in lexicons.items():
            for e in entries:
                key = tuple(tokenize(fold(e.term)))
                if not key or e.value in skip:
                    continue
                bucket = self._table.setdefault(key, [])
                if all(not (n == name and x.value == e.value) for n, x in bucket):
                    bucket.append((name, e))
        # first word -> the term lengths that start with it, longest first
        sizes: dict[str, set[int]] = {}
        for k in self._table:
            sizes.setdefault(k[0], set()).add(len(k))
        self._sizes = {w: tuple(sorted(v, reverse=True)) for w, v in sizes.items()}
        # one-word terms by word, their entries grouped by lexicon: (lexicon, entries)
        singles: dict[str, list[tuple[str, list[Entry]]]] = {}
        for k, v in self._table.items():
            if len(k) == 1:
                groups: dict[str, list[Entry]] = {}
                for name, e in v:
                    groups.setdefault(name, []).append(e)
                singles[k[0]] = list(groups.items())
        # first word -> the second words of its longer terms (prunes most multi-word lookups)
        self._seconds: dict[str, frozenset[str]] = {}
        for k in self._table:
            if len(k) > 1:
                self._seconds[k[0]] = self._seconds.get(k[0], frozenset()) | {k[1]}
        # first word -> (second words of its longer terms, its one-word terms or None)
        self._info: dict[str, tuple[frozenset[str], list[tuple[str, list[Entry]]] | None]] = {
            w: (self._seconds.get(w, frozenset()), singles.get(w)) for w in self._sizes
        }

    def find(self, norm: Normalised, words: list[str] | None = None) -> dict[str, list[Match]]:
        """Matches per lexicon; `words` are the texts of `norm.tokens` when the caller has them."""
        out: dict[str, list[Match]] = {n: [] for n in self.names}
        toks = norm.tokens
        if words is None:
            words = [t.text for t in toks]
        info = self._info
        n = len(words)
        idx = list(compress(range(n), map(info.__contains__, words)))  # in C: most words start no term
        if not idx:
            return out
        covered = dict.fromkeys(self.names, 0)  # token index up to which each lexicon is matched
        table, sizes_of, text = self._table, self._sizes, norm.text
        tlen = len(text)
        nexts = words[1:]
        nexts.append("")  # nexts[i]: the word after token i ("" after the last one)
        for i in idx:
            second, one = info[words[i]]
            if nexts[i] not in second:  # the usual case: a one-word term, or a first word not followed by its term
                if one is None:
                    continue
                _, start, end = toks[i]
                prev = text[start - 1] if start else " "
                if (prev in "@._" and (prev == "@" or (start > 1 and text[start - 2].isalnum()))) or (
                    end + 1 < tlen and text[end] in "._@" and text[end + 1].isalnum()
                ):
                    continue  # glued into a handle or a link (_in_handle, inlined: a call costs more)
                for name, es in one:
                    if covered[name] <= i:
                        for e in es:
                            out[name].append(_new_match((e, start, end, i, 1)))
                        covered[name] = i + 1
                continue
            w = words[i]
            done: dict[str, int] = {}
            for size in sizes_of[w]:
                if i + size > n:
                    continue
                hits = table.get(tuple(words[i : i + size]) if size > 1 else (w,))
                if not hits:
                    continue
                start, end = toks[i].start, toks[i + size - 1].end
                prev = text[start - 1] if start else " "
                if (prev in "@._" and (prev == "@" or (start > 1 and text[start - 2].isalnum()))) or (
                    end + 1 < tlen and text[end] in "._@" and text[end + 1].isalnum()
                ):
                    continue  # glued into a handle or a link (_in_handle, inlined)
                for name, e in hits:
                    if covered[name] > i or done.get(name, size) != size:
                        continue
                    out[name].append(_new_match((e, start, end, i, size)))
                    done[name] = size
            for name, size in done.items():
                if covered[name] < i + size:
                    covered[name] = i + size
        return out


def token_words(a: Analysis) -> list[str]:
    """The texts of `a.norm.tokens` (`Normalised.words`), shared through `a.notes`."""
    cached = a.notes.get("token_words")
    if isinstance(cached, tuple) and cached[0] is a.norm:
        words: list[str] = cached[1]
        return words
    words = a.norm.words
    a.notes["token_words"] = (a.norm, words)
    return words
