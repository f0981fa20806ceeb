"""Near-duplicate images grouped by perceptual hash.

The same menu is re-posted again and again: re-encoded, re-cropped, screenshotted from another
phone. Its perceptual hash (`imagehash.phash`, 64 bits, stored by the OCR importer in meta
`image_phash` as 16 hex digits) barely moves; a different menu's moves a lot. Two images whose
hashes differ in at most `max_distance` bits are near-duplicates, and groups are the connected
components of that relation (so A~B and B~C put A, B, C together even if A and C are a little
further apart).

    group_near_duplicates([("a", "c3d1..."), ("b", "c3d0..."), ("c", "0f9e...")])
    -> [["a", "b"], ["c"]]

Neighbours are found with a BK-tree over the Hamming distance (exact duplicates share one node),
so grouping n images costs about n * log(n) distance computations rather than n * n.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

Id = TypeVar("Id", bound=Hashable)

DEFAULT_MAX_DISTANCE = 6


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def parse_hash(value: str) -> int:
    """A hex perceptual hash (as `str(imagehash.phash(img))`) to an int; ValueError if it is not hex."""
    s = value.strip().lower()
    if not s or any(c not in "0123456789abcdef" for c in s):
        raise ValueError(f"not a hexadecimal perceptual hash: {value!r}")
    return int(s, 16)


class _Node:
    __slots__ = ("children", "key", "members")

    def __init__(self, key: int, member: int) -> None:
        self.key = key
        self.members = [member]  # indexes of the items with exactly this hash
        self.children: dict[int, _Node] = {}


class BKTree:
    """A metric tree over 64-bit hashes: `find(h, d)` returns the items within distance d of h."""

    def __init__(self) -> None:
        self.root: _Node | None = None

    def add(self, key: int, member: int) -> None:
        if self.root is None:
            self.root = _Node(key, member)
            return
        node = self.root
        while True:
            d = hamming(key, node.key)
            if d == 0:
                node.members.append(member)
                return
            child = node.children.get(d)
            if child is None:
                node.children[d] = _Node(key, member)
                return
            node = child

    def find(self, key: int, max_distance: int) -> list[int]:
        out: list[int] = []
        if self.root is None:
            return out
        stack = [self.root]
        while stack:
            node = stack.pop()
            d = hamming(key, node.key)
            if d <= max_distance:
                out.extend(node.members)
            lo, hi = d - max_distance, d + max_distance
            stack.extend(c for k, c in node.children.items() if lo <= k <= hi)
        return out


def group_near_duplicates(items: Iterable[tuple[Id, str]],
                          max_distance: int = DEFAULT_MAX_DISTANCE) -> list[list[Id]]:
    """Partition `(id, phash_hex)` pairs into groups of near-duplicate images.

    Every id appears in exactly one group (singletons included: keep `len(g) > 1` for the
    duplicates); groups are in order of their first member, members in input order. An item whose
    hash is empty (an image that could not be hashed) is a group of its own. Hashes of different
    lengths are never compared. Raises ValueError on a hash that is not hexadecimal.
    """
    if max_distance < 0:
        raise ValueError("max_distance must be >= 0")
    ids: list[Id] = []
    parent: list[int] = []

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    trees: dict[int, BKTree] = {}  # one tree per hash length (in hex digits)
    for ident, hx in items:
        i = len(ids)
        ids.append(ident)
        parent.append(i)
        if not hx.strip():
            continue
        key = parse_hash(hx)
        tree = trees.setdefault(len(hx.strip()), BKTree())
        for j in tree.find(key, max_distance):
            ri, rj = root(i), root(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)  # the earliest item stays the root
        tree.add(key, i)
    groups: dict[int, list[Id]] = {}
    for i, ident in enumerate(ids):
        groups.setdefault(root(i), []).append(ident)
    return list(groups.values())
