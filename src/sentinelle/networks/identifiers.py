"""What identifies a vendor in one post: accounts, handles, phones, crypto addresses, menus, cues.

Everything here is per post and cheap (a few regexes with prefilters); nothing keeps the text.
The cue words and guards are data (`cues.toml` next to this file).
"""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..core import Post

ILLICIT = ("sale", "recruitment")
_DATA = Path(__file__).with_name("cues.toml")


@dataclass(frozen=True)
class Cues:
    rebrand: re.Pattern[str]
    suffixes: tuple[str, ...]
    strong: frozenset[str]
    prefixes: tuple[str, ...]
    max_cued_extra: int
    generic: frozenset[str]
    service_prefixes: tuple[str, ...]
    min_digits: int
    image_distance: int = 6  # near-duplicate images: perceptual hashes at most this many bits apart
    image_hub: int = 8  # an image posted by more unrelated accounts than this is a hub
    image_min_bits: int = 12  # a hash with fewer set (or unset) bits than this is a blank image's


@lru_cache(maxsize=4)
def load_cues(path: str | None = None) -> Cues:
    data = tomllib.loads(Path(path or _DATA).read_text(encoding="utf-8"))
    terms: list[str] = []
    for g in data.get("rebrand", []):
        terms.extend(fold(t) for t in g["terms"])
    terms.sort(key=len, reverse=True)
    rebrand = re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(t) for t in terms) + r")(?![a-z0-9])")
    ver = data.get("version", {})
    strong = [squash(s) for s in ver.get("strong_suffixes", [])]
    suffixes = tuple(sorted(strong + [squash(s) for s in ver.get("weak_suffixes", [])], key=len, reverse=True))
    prefixes = tuple(sorted((squash(s) for s in ver.get("prefixes", [])), key=len, reverse=True))
    generic = frozenset(squash(t) for t in data.get("generic", {}).get("terms", []))
    svc = data.get("service", {})
    img = data.get("image", {})
    return Cues(rebrand, suffixes, frozenset(strong), prefixes, int(ver.get("max_cued_extra", 5)), generic,
                tuple(svc.get("prefixes", [])), int(svc.get("min_digits", 10)),
                int(img.get("max_distance", 6)), int(img.get("hub_accounts", 8)), int(img.get("min_set_bits", 12)))


# -- normalisation --------------------------------------------------------------------------

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower case, accents removed, typographic apostrophes made plain, non-Latin dropped."""
    t = text.lower().replace("’", "'")
    if t.isascii():
        return t
    return unicodedata.normalize("NFKD", t).encode("ascii", "ignore").decode("ascii")


def squash(handle: str) -> str:
    """A handle's skeleton: its letters and digits only ("la.ferme.rns" -> "lafermerns")."""
    h = handle.lower()
    if not h.isascii():
        h = fold(h)
    return _NON_ALNUM.sub("", h)


_LEET = str.maketrans("013457", "oieast")
_LEET_RE = re.compile(r"(?<=[a-z])[013457]+(?=[a-z])")


def unleet(skeleton: str) -> str:
    """The skeleton with digits written for the letters they look like, between letters ("spatownc0nnect"
    -> "spatownconnect", "deliv3ry" -> "delivery"); digits elsewhere stay ("drive93")."""
    return _LEET_RE.sub(lambda m: m.group().translate(_LEET), skeleton)


def norm_handle(handle: str) -> str:
    return handle.strip().lstrip("@").strip().lower()


def account_key(platform: str, handle: str) -> str:
    return f"{(platform or 'other').strip().lower()}:{norm_handle(handle)}"


def strip_version(s: str, cues: Cues) -> str:
    """Remove version markers ("v2", "bis", "backup", "off"...) from both ends of a skeleton."""
    return version_base(s, cues)[0]


def version_base(s: str, cues: Cues) -> tuple[str, bool]:
    """(the skeleton without version markers, whether a strong marker such as v2 or bis was among them)."""
    changed = True
    strong = False
    while changed and len(s) > 4:
        changed = False
        for suf in cues.suffixes:
            if s.endswith(suf) and len(s) - len(suf) >= 4 and not (suf.isdigit() and s[-len(suf) - 1].isdigit()):
                s = s[: -len(suf)]
                strong = strong or suf in cues.strong
                changed = True
                break
        for pre in cues.prefixes:
            if s.startswith(pre) and len(s) - len(pre) >= 4:
                s = s[len(pre):]
                changed = True
                break
    return s, strong


# -- crypto addresses -----------------------------------------------------------------------

_CRYPTO = (
    ("btc", re.compile(r"(?<![A-Za-z0-9])bc1[ac-hj-np-z02-9]{11,71}(?![A-Za-z0-9])")),
    ("btc", re.compile(r"(?<![A-Za-z0-9])[13][a-km-zA-HJ-NP-Z1-9]{25,34}(?![A-Za-z0-9])")),
    ("eth", re.compile(r"(?<![A-Za-z0-9])0x[a-fA-F0-9]{40}(?![A-Za-z0-9])")),
    ("usdt_trc20", re.compile(r"(?<![A-Za-z0-9])T[a-km-zA-HJ-NP-Z1-9]{33}(?![A-Za-z0-9])")),
)
_SESSION = re.compile(r"(?<![A-Za-z0-9])05[0-9a-f]{64}(?![A-Za-z0-9])")
_LONG_TOKEN = re.compile(r"[A-Za-z0-9]{26,}")


def crypto_addresses(text: str) -> list[tuple[str, str]]:
    """(chain, address) pairs; base58 candidates need mixed case and digits to count."""
    if not _LONG_TOKEN.search(text):
        return []
    out: list[tuple[str, str]] = []
    for chain, rx in _CRYPTO:
        for m in rx.finditer(text):
            a = m.group(0)
            if chain in ("btc", "usdt_trc20") and not a.startswith("bc1") and not (
                    any(c.isdigit() for c in a) and any(c.islower() for c in a) and any(c.isupper() for c in a[1:])):
                continue
            key = a.lower() if chain == "eth" or a.startswith("bc1") else a
            if (chain, key) not in out:
                out.append((chain, key))
    return out


def session_ids(text: str) -> list[str]:
    if len(text) < 66 or "05" not in text:  # every ID starts with 05 (lower() leaves digits alone)
        return []
    return [m.group(0) for m in _SESSION.finditer(text.lower())]


# -- menu fingerprints ----------------------------------------------------------------------

_TOKENS = re.compile(r"[a-z]+|[0-9]+(?:[.,][0-9]+)?")
_STOP_WORDS = ("g gr grs gramme grammes kg le la les l de du des un une the a an of for each pour et ou eur euro "
               "euros e balles boules pc pcs piece unite unit x par per avec with au aux en")
_STOP = frozenset(_STOP_WORDS.split())
MIN_MENU_LINES = 4


def menu_lines(text: str) -> frozenset[int]:
    """Hashes of the informative menu lines of a text (empty unless it looks like a menu).

    A line is folded, stripped of emoji and punctuation (a layout says nothing about who wrote
    it), and counts only with a word of 3+ letters beyond units and function words, plus at
    least one other token (a name with its price). Fewer than MIN_MENU_LINES such lines: none.
    """
    if text.count("\n") < MIN_MENU_LINES - 1:
        return frozenset()
    out: set[int] = set()
    for line in text.split("\n"):
        if len(line) < 6:
            continue
        toks = _TOKENS.findall(fold(line))
        if len(toks) < 2 or not any(len(t) >= 3 and t.isalpha() and t not in _STOP for t in toks):
            continue
        if not any(t[0].isdigit() for t in toks):
            continue
        d = hashlib.blake2b(" ".join(toks).encode(), digest_size=8).digest()
        out.add(int.from_bytes(d, "big"))
    return frozenset(out) if len(out) >= MIN_MENU_LINES else frozenset()


_P = (1 << 61) - 1
_PERMS = tuple(((i * 0x9E3779B97F4A7C15 + 0x1234567) % _P | 1, (i * 0xC2B2AE3D27D4EB4F + 0x165667B1) % _P)
               for i in range(1, 19))
BANDS, ROWS = 6, 3  # 18 hash functions: P(candidate) ~0.99 at Jaccard 0.8, ~0.15 at 0.3


def minhash(lines: Iterable[int]) -> tuple[int, ...]:
    """A small MinHash signature of a set of line hashes (stdlib; deterministic across runs)."""
    ls = list(lines)
    return tuple(min((a * h + b) % _P for h in ls) for a, b in _PERMS)


def bands(sig: tuple[int, ...]) -> list[tuple[int, tuple[int, ...]]]:
    return [(i, sig[i * ROWS:(i + 1) * ROWS]) for i in range(BANDS)]


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


# -- image perceptual hashes ----------------------------------------------------------------

IMAGE_META = "image_phash"  # the meta key under which the OCR importer stores an image's hash
_HEX = frozenset("0123456789abcdef")


def image_hashes(meta: Iterable[tuple[str, str]]) -> list[str]:
    """The perceptual hashes (lower-case hex, 8 to 64 digits) in a post's meta; malformed ones are skipped."""
    out: list[str] = []
    for item in meta or ():
        if not isinstance(item, tuple | list) or len(item) != 2 or item[0] != IMAGE_META:
            continue
        h = str(item[1]).strip().lower()
        if 8 <= len(h) <= 64 and _HEX.issuperset(h) and h not in out:
            out.append(h)
    return out


class HashIndex:
    """Near-duplicate lookup over perceptual hashes of one length (multi-index hashing).

    The hash is cut into chunks of about 16 bits; two hashes at most d bits apart have, by the
    pigeonhole principle, some chunk at most d // chunks bits apart, so a query looks up every
    chunk value within that radius (17 lookups per chunk at d = 6 over 64 bits) and checks the
    candidates' full distance. Random 64-bit hashes almost never share a 16-bit chunk, so a
    query costs a few dozen dictionary lookups, where a BK-tree would visit most of its nodes.
    """

    def __init__(self, bits: int, max_distance: int) -> None:
        n = max(1, bits // 16)
        edges = [bits * i // n for i in range(n + 1)]
        self.chunks = [(lo, (1 << (hi - lo)) - 1, hi - lo) for lo, hi in zip(edges, edges[1:], strict=False)]
        self.max_distance = max_distance
        radius = max_distance // n
        self._flips: dict[int, list[int]] = {}  # chunk width -> xor masks of at most `radius` bits
        for _lo, _mask, width in self.chunks:
            if width not in self._flips:
                masks = [0]
                for _ in range(radius):
                    masks = sorted({m | (1 << b) for m in masks for b in range(width)} | set(masks))
                self._flips[width] = masks
        self._buckets: list[dict[int, list[int]]] = [{} for _ in self.chunks]  # per chunk: value -> positions
        self.keys: list[int] = []

    def add(self, key: int) -> int:
        """Index a hash; returns its position."""
        i = len(self.keys)
        self.keys.append(key)
        for (lo, mask, _width), bucket in zip(self.chunks, self._buckets, strict=True):
            bucket.setdefault((key >> lo) & mask, []).append(i)
        return i

    def near(self, key: int) -> list[tuple[int, int]]:
        """(position, distance) of the indexed hashes at most `max_distance` bits from `key`."""
        found: set[int] = set()
        for (lo, mask, width), bucket in zip(self.chunks, self._buckets, strict=True):
            v = (key >> lo) & mask
            get = bucket.get
            for f in self._flips[width]:
                hit = get(v ^ f)
                if hit:
                    found.update(hit)
        keys, d = self.keys, self.max_distance
        return [(j, x) for j in found if (x := (keys[j] ^ key).bit_count()) <= d]


# -- one post -------------------------------------------------------------------------------


@dataclass(slots=True)
class PostIds:
    """The identifiers of one post, without its text."""

    post_id: str
    account: str  # "platform:handle", or "post:<id>" when the author is unknown
    illicit: bool
    date: str
    handles: list[str] = field(default_factory=list)  # account keys of advertised handles
    phones: list[str] = field(default_factory=list)
    crypto: list[str] = field(default_factory=list)  # "chain:address"
    menu: frozenset[int] = frozenset()
    rebrand_cue: str = ""  # the cue phrase found, "" when none
    places: list[str] = field(default_factory=list)
    products: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)  # perceptual hashes (hex) of the post's images


def extract(post: Post, record: Mapping[str, Any], cues: Cues | None = None) -> PostIds:
    """The identifiers of a post from its `Post` and its `sentinelle analyze` record."""
    cues = cues or load_cues()
    author = norm_handle(post.author or "")
    acct = account_key(post.platform or "other", author) if author else f"post:{post.id}"
    illicit = record.get("category") in ILLICIT
    ids = PostIds(str(post.id), acct, illicit, post.date or "")
    # a former account the post says is gone links it too: the same seller, rebranded
    for h in [*(record.get("handles") or []), *(record.get("former_handles") or [])]:
        if isinstance(h, Mapping) and h.get("handle"):
            k = account_key(str(h.get("platform") or "other"), str(h["handle"]))
            if k != acct and k not in ids.handles:
                ids.handles.append(k)
    for p in record.get("phones") or []:
        if isinstance(p, str) and p and p not in ids.phones:
            ids.phones.append(p)
    ids.images = image_hashes(post.meta)
    text = post.text or ""
    for chain, addr in crypto_addresses(text):
        ids.crypto.append(f"{chain}:{addr}")
    for sid in session_ids(text):
        k = account_key("session", sid)
        if k not in ids.handles:
            ids.handles.append(k)
    if illicit:
        ids.menu = menu_lines(text)
        m = cues.rebrand.search(fold(text))
        if m:
            ids.rebrand_cue = m.group(0)
        ids.places = [p for p in record.get("places") or [] if isinstance(p, str)]
        ids.products = [p for p in record.get("products") or [] if isinstance(p, str)]
    return ids


def ids_to_dict(ids: PostIds) -> dict[str, Any] | None:
    """A compact JSON-serialisable form of a post's identifiers (None: nothing to link).

    A non-illicit post only matters for the hub guards (its phones, handles and crypto addresses
    mark them public, its images count towards an image's hub count); without any, it is dropped.
    """
    if not ids.illicit and not (ids.phones or ids.crypto or ids.handles or ids.images):
        return None
    d: dict[str, Any] = {"a": ids.account, "i": 1 if ids.illicit else 0}
    for key, value in (("d", ids.date), ("h", ids.handles), ("p", ids.phones), ("c", ids.crypto),
                       ("r", ids.rebrand_cue), ("pl", ids.places), ("pr", ids.products), ("im", ids.images)):
        if value:
            d[key] = value
    if ids.menu:
        d["m"] = sorted(ids.menu)
    return d


def ids_from_dict(post_id: str, d: Mapping[str, Any]) -> PostIds:
    """The inverse of `ids_to_dict`."""
    return PostIds(str(post_id), str(d.get("a") or f"post:{post_id}"), bool(d.get("i")), str(d.get("d") or ""),
                   list(d.get("h") or ()), list(d.get("p") or ()), list(d.get("c") or ()),
                   frozenset(d.get("m") or ()), str(d.get("r") or ""), list(d.get("pl") or ()),
                   list(d.get("pr") or ()), [str(h) for h in d.get("im") or ()])
