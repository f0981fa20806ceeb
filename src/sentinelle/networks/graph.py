"""The evidence graph: accounts and identifiers joined by typed, weighted edges; networks are its clusters.

    from sentinelle.networks import link
    nets = link((post, record) for post, record in items)
    nets.network_of("dev-0007")          # "N-3f2a9c01d4" or None
    for n in nets.networks(): n.to_record()
    nets.to_gexf("nets.gexf"); nets.to_graphml("nets.graphml")

`Linker` accumulates identifiers post by post (no texts are kept) and `Linker.networks()` clusters
what it has seen so far, so a store can keep feeding it as posts arrive. Links:

- advertises_handle (advertiser -> advertised account, 1.0): unless the handle is generic, a place
  name, digits only, advertised in non-illicit posts, or advertised by too many accounts (a hub).
- advertises_phone / advertises_crypto (account -> identifier, 1.0): unless a short, service,
  premium or toll-free number, given in a non-illicit account's post, or shared by too many accounts.
- same_menu (account <-> account, 0.9): Jaccard >= 0.8 over >= 4 informative menu lines.
- rebrand_of (new -> old account, 0.8): the same skeleton once a strong version marker (v2, bis,
  backup) is stripped; with a weak marker (off, officiel) or a short extension, only with the new
  account's rebrand cue or a place in common.
- same_name_variant (account <-> account, 0.6): the same skeleton (letters and digits), long enough,
  not generic, and a place in common; or by itself, the same name with look-alike digits for letters
  ("spatownc0nnect", "spatown_connect"): a disguise, no chance.
- same_image (account <-> account, 0.9): images (OCR'd screenshots, meta "image_phash") whose
  perceptual hashes differ in at most `[image] max_distance` bits (cues.toml, 6 by default), in
  sale or recruitment posts; not a blank image's hash, nor an image whose near-duplicates were
  posted by more than `[image] hub_accounts` unrelated accounts (accounts not already linked
  otherwise, posters of non-illicit posts included): a meme or a prevention visual links nobody.

Network ids derive from the cluster's oldest account (earliest first post, then smallest key):
"N-" + 10 hex digits of its SHA-1, so they survive re-runs and growing batches.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..core import Post
from .identifiers import (
    Cues,
    HashIndex,
    PostIds,
    bands,
    extract,
    jaccard,
    load_cues,
    minhash,
    squash,
    strip_version,
    unleet,
    version_base,
)

WEIGHTS = {"advertises_handle": 1.0, "advertises_phone": 1.0, "advertises_crypto": 1.0, "same_menu": 0.9,
           "rebrand_of": 0.8, "same_name_variant": 0.6, "same_image": 0.9}
HUB_ACCOUNTS = 12  # an identifier shared by more posting accounts than this is a hub
NAME_HUB = 6  # a skeleton shared by more accounts than this is generic
MENU_BUCKET_CAP = 40  # an LSH bucket this full is a common layout, not a fingerprint
MENU_JACCARD = 0.8
MIN_SKELETON = 6  # same_name_variant needs skeletons at least this long
MIN_BASE = 5  # rebrand_of needs an old skeleton at least this long

_CHAIN = {"btc": "bitcoin address", "eth": "ethereum address", "usdt_trc20": "USDT (TRC20) address"}


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside: feeding and clustering allocate millions of small
    objects without reference cycles, and each collection pass would walk them all again."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _utc(date: str) -> str:
    """A sortable UTC form of an ISO 8601 date ("" when absent or unreadable)."""
    if not date:
        return ""
    try:
        d = datetime.fromisoformat(date.replace("Z", "+00:00"))
    except ValueError:
        return date
    if d.tzinfo is not None:
        d = d.astimezone(UTC).replace(tzinfo=None)
    return d.isoformat()


def _pretty(key: str) -> str:
    platform, _, handle = key.partition(":")
    return f"post {handle}" if platform == "post" else f"{platform} {handle}"


@dataclass(slots=True)
class _Account:
    key: str
    posts: list[str] = field(default_factory=list)  # illicit posts
    other_posts: int = 0
    first: str = ""
    last: str = ""
    cue: tuple[str, str] | None = None  # (cue phrase, post id)
    places: Counter[str] = field(default_factory=Counter)
    products: Counter[str] = field(default_factory=Counter)
    menus: list[tuple[frozenset[int], str]] = field(default_factory=list)

    def seen(self, date: str) -> None:
        if date:
            if not self.first or date < self.first:
                self.first = date
            if not self.last or date > self.last:
                self.last = date


@dataclass(frozen=True, slots=True)
class Link:
    """One edge of the evidence graph, with the posts that justify it and why."""

    type: str
    source: str
    target: str
    weight: float
    posts: tuple[str, ...]
    explanation: str

    def to_record(self) -> dict[str, Any]:
        return {"type": self.type, "source": self.source, "target": self.target, "weight": self.weight,
                "posts": list(self.posts), "explanation": self.explanation}


@dataclass(slots=True)
class Network:
    id: str
    accounts: list[dict[str, Any]]
    identifiers: dict[str, list[str]]
    places: list[str]
    products: list[str]
    first_seen: str
    last_seen: str
    posts: list[str]
    links: list[Link]
    blocked: list[dict[str, Any]]

    def to_record(self) -> dict[str, Any]:
        return {"id": self.id, "n_posts": len(self.posts), "n_accounts": len(self.accounts),
                "first_seen": self.first_seen, "last_seen": self.last_seen, "accounts": self.accounts,
                "identifiers": self.identifiers, "places": self.places, "products": self.products,
                "posts": self.posts, "links": [lk.to_record() for lk in self.links], "blocked": self.blocked}


class _UnionFind:
    def __init__(self) -> None:
        self.parent: list[int] = []

    def add(self) -> int:
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, x: int) -> int:
        p = self.parent
        root = x
        while p[root] != root:
            root = p[root]
        while p[x] != root:
            p[x], x = root, p[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if ra < rb:
                self.parent[rb] = ra
            else:
                self.parent[ra] = rb


class Linker:
    """Accumulates identifiers post by post; `networks()` clusters them."""

    def __init__(self, cues: Cues | None = None, is_place: Callable[[str], bool] | None = None) -> None:
        self.cues = cues or load_cues()
        self._is_place = is_place
        self._index: dict[str, int] = {}
        self._accounts: list[_Account] = []
        self._post_account: dict[str, int] = {}  # illicit posts only
        # identifier key -> account index -> post ids (illicit posts)
        self._idents: dict[str, dict[int, list[str]]] = defaultdict(dict)
        self._public: dict[str, set[int]] = defaultdict(set)  # identifier -> non-illicit posting accounts
        self._adverts: dict[tuple[int, int], list[str]] = defaultdict(list)
        # image perceptual hash -> account index -> post ids (illicit posts); -> accounts (other posts)
        self._images: dict[str, dict[int, list[str]]] = defaultdict(dict)
        self._public_images: dict[str, set[int]] = defaultdict(set)
        self._linked_images: dict[int, set[str]] = {}  # account -> its hashes that made a same_image link

    # -- input ------------------------------------------------------------------------------

    def _acct(self, key: str) -> int:
        i = self._index.get(key)
        if i is None:
            i = self._index[key] = len(self._accounts)
            self._accounts.append(_Account(key))
        return i

    def add(self, post: Post, record: Mapping[str, Any]) -> None:
        self.add_ids(extract(post, record, self.cues))

    def add_ids(self, ids: PostIds) -> None:
        a = self._acct(ids.account)
        acc = self._accounts[a]
        if not ids.illicit:
            acc.other_posts += 1
            for k in ids.phones:
                self._public[f"phone:{k}"].add(a)
            for k in ids.crypto:
                self._public[f"crypto:{k}"].add(a)
            for k in ids.handles:
                self._public[f"handle:{k}"].add(a)
            for h in ids.images:
                self._public_images[h].add(a)
            return
        pid = ids.post_id
        self._post_account[pid] = a
        acc.posts.append(pid)
        acc.seen(_utc(ids.date))
        if ids.rebrand_cue and acc.cue is None:
            acc.cue = (ids.rebrand_cue, pid)
        acc.places.update(ids.places)
        acc.products.update(ids.products)
        if ids.menu and all(m != ids.menu for m, _ in acc.menus):
            acc.menus.append((ids.menu, pid))
        for k in ids.phones:
            self._idents[f"phone:{k}"].setdefault(a, []).append(pid)
        for k in ids.crypto:
            self._idents[f"crypto:{k}"].setdefault(a, []).append(pid)
        for k in ids.handles:
            b = self._acct(k)
            self._adverts[(a, b)].append(pid)
        for h in ids.images:
            self._images[h].setdefault(a, []).append(pid)

    # -- guards -----------------------------------------------------------------------------

    def is_place(self, skeleton: str) -> bool:
        if self._is_place is None:
            self._is_place = _gazetteer_lookup()
        return self._is_place(skeleton)

    def _generic_handle(self, key: str) -> str:
        """Why an advertised handle cannot identify a vendor ("" when it can)."""
        platform, _, handle = key.partition(":")
        s = squash(handle)
        if len(s) < 4:
            return "too short"
        if s in self.cues.generic or strip_version(s, self.cues) in self.cues.generic:
            return "generic word"
        if s.isdigit() and platform not in ("threema", "session"):
            return "digits only"
        if self.is_place(s):
            return "a place name"
        return ""

    def _phone_guard(self, phone: str) -> str:
        digits = sum(c.isdigit() for c in phone)
        if digits < self.cues.min_digits:
            return "short or service number"
        if phone.startswith(self.cues.service_prefixes):
            return "service, premium or toll-free number"
        return ""

    # -- clustering -------------------------------------------------------------------------

    def networks(self) -> Networks:
        with paused_gc():
            return self._cluster()

    def _cluster(self) -> Networks:
        uf = _UnionFind()
        for _ in self._accounts:
            uf.add()
        links: list[Link] = []
        blocked: list[tuple[int, dict[str, Any]]] = []
        active = {a for a, acc in enumerate(self._accounts) if acc.posts}
        for (_a, b) in self._adverts:
            active.add(b)

        def block(accounts: Iterable[int], what: str, why: str, posts: Iterable[str]) -> None:
            rec = {"identifier": what, "reason": why, "posts": sorted(set(posts))[:20]}
            for a in accounts:
                blocked.append((a, rec))

        # shared phones and crypto addresses
        for ident, holders in self._idents.items():
            kind, _, value = ident.partition(":")
            why = self._phone_guard(value) if kind == "phone" else ""
            public = self._public.get(ident)
            if not why and public and any(not self._accounts[p].posts for p in public):
                why = "also given in non-illicit posts (a public or legal business's contact)"
            if not why and len(holders) > HUB_ACCOUNTS:
                why = f"shared by {len(holders)} accounts (a hub)"
            if why:
                if len(holders) > 1:
                    block(holders, ident, why, (p for ps in holders.values() for p in ps))
                continue
            ltype = "advertises_phone" if kind == "phone" else "advertises_crypto"
            label = f"phone {value}" if kind == "phone" else \
                f"{_CHAIN.get(value.partition(':')[0], 'crypto address')} {value.partition(':')[2]}"
            first = next(iter(holders))
            for a, ps in holders.items():
                uf.union(first, a)
                others = [f"{_pretty(self._accounts[b].key)} ({', '.join(q[:3])})"
                          for b, q in holders.items() if b != a]
                tail = f"; also given by {', '.join(others[:5])}" if others else ""
                links.append(Link(ltype, self._accounts[a].key, ident, WEIGHTS[ltype], tuple(ps),
                                  f"{', '.join(ps[:3])} ({_pretty(self._accounts[a].key)}) gives {label}{tail}."))

        # advertised handles
        indeg: Counter[int] = Counter(b for (_a, b) in self._adverts)
        for (a, b), ps in self._adverts.items():
            bkey = self._accounts[b].key
            why = self._generic_handle(bkey)
            pub = self._public.get(f"handle:{bkey}")
            if not why and pub and not self._accounts[b].posts and any(not self._accounts[p].posts for p in pub):
                why = "also advertised in non-illicit posts"
            if not why and indeg[b] > HUB_ACCOUNTS:
                why = f"advertised by {indeg[b]} accounts (a hub)"
            if why:
                block((a,), f"handle:{bkey}", why, ps)
                continue
            uf.union(a, b)
            target = self._accounts[b]
            tail = (f", which posted {', '.join(target.posts[:3])}" if target.posts
                    else ", an account not seen posting in this batch")
            links.append(Link("advertises_handle", self._accounts[a].key, bkey, WEIGHTS["advertises_handle"],
                              tuple(ps), f"{', '.join(ps[:3])} ({_pretty(self._accounts[a].key)}) advertises "
                              f"{_pretty(bkey)}{tail}."))

        for lk in self._name_links(active):
            uf.union(self._index[lk.source], self._index[lk.target])
            links.append(lk)
        for lk in self._menu_links():
            uf.union(self._index[lk.source], self._index[lk.target])
            links.append(lk)
        image_links, image_blocks = self._image_links(uf)
        for image_holders, what, why, posts in image_blocks:
            block(image_holders, what, why, posts)
        for lk in image_links:  # after the hub decisions, which count the clusters linked so far
            uf.union(self._index[lk.source], self._index[lk.target])
            links.append(lk)
        return self._build(uf, links, blocked)

    def _name_links(self, active: set[int]) -> list[Link]:
        """Links between accounts whose names are variants of one another.

        A strong version marker (v2, bis, backup, a digit after a letter) links by itself; the same
        skeleton, a weak marker (off, officiel, the, real) or a short extension after a rebrand cue
        need the cue or a place in common, since low-entropy names ("chez_93") recur across vendors.
        """
        cues = self.cues
        by_skel: dict[str, list[int]] = defaultdict(list)
        by_base: dict[str, list[tuple[int, bool]]] = defaultdict(list)
        skel: dict[int, str] = {}
        for a in sorted(active):
            platform, _, handle = self._accounts[a].key.partition(":")
            if platform == "post":
                continue
            s = squash(handle)
            if len(s) < MIN_BASE or s in cues.generic:
                continue
            skel[a] = s
            by_skel[s].append(a)
            base, strong = version_base(s, cues)
            if base != s and len(base) >= MIN_BASE and base not in cues.generic:
                by_base[base].append((a, strong))
        out: list[Link] = []
        done: set[tuple[int, int]] = set()
        accs = self._accounts

        # An account known only from adverts ("👻 tls.fleurs31") serves the places of the posts
        # advertising it, so its name can be corroborated by them.
        advertisers: dict[int, list[int]] = defaultdict(list)
        for (author, advertised) in self._adverts:
            advertisers[advertised].append(author)

        def places_of(x: int) -> set[str]:
            out = set(accs[x].places)
            if not accs[x].posts:
                for author in advertisers.get(x, ()):
                    out.update(accs[author].places)
            return out

        def corroborated(new: int, old: int, cue: bool = True) -> str:
            """Why a name link is believable beyond the name: the new account's rebrand cue, a shared place."""
            c = accs[new].cue
            if cue and c is not None:
                return f"; {c[1]} says \"{c[0]}\""
            common = places_of(new) & places_of(old)
            return f"; both serve {sorted(common)[0]}" if common else ""

        def add(ltype: str, new: int, old: int, why: str) -> None:
            pair = (min(new, old), max(new, old))
            if pair in done or new == old:
                return
            done.add(pair)
            posts = accs[new].posts[:3] + accs[old].posts[:3]
            out.append(Link(ltype, accs[new].key, accs[old].key, WEIGHTS[ltype], tuple(posts), why))

        for s, group in by_skel.items():
            if len(group) < 2 or len(group) > NAME_HUB or len(s) < MIN_SKELETON or self.is_place(s):
                continue
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    extra = corroborated(b, a, cue=False)
                    if extra:
                        add("same_name_variant", b, a, f"{_pretty(accs[b].key)} and {_pretty(accs[a].key)} have "
                            f"the same name once separators are removed ({s}){extra}.")
        for a, s in skel.items():  # "c0nnect" for "connect": look-alike digits, a disguise
            if (u := unleet(s)) != s and len(u) >= MIN_SKELETON and len(by_skel.get(u, ())) <= NAME_HUB:
                for b in by_skel.get(u, ()):
                    add("same_name_variant", a, b, f"{_pretty(accs[a].key)} writes {_pretty(accs[b].key)}'s name "
                        f"with digits for letters ({s} for {u}).")
        for base, variants in by_base.items():
            olds = by_skel.get(base, [])
            if len(variants) + len(olds) > NAME_HUB or self.is_place(base):
                continue
            for b, strong in variants:
                targets = olds or [v for v, _ in variants if v < b]
                for old in targets:
                    sure = strong and len(olds) == 1
                    extra = "" if sure else corroborated(b, old)
                    if sure or extra:
                        add("rebrand_of", b, old, f"{_pretty(accs[b].key)} reads as a new version of "
                            f"{_pretty(accs[old].key)}: the same name ({base}) once version markers like v2, "
                            f"bis, backup or off are stripped{extra}.")
        # a rebrand cue in the new account's posts allows a short free extension of the old name
        extra_len = cues.max_cued_extra
        for a, s in skel.items():
            acc = accs[a]
            if acc.cue is None:
                continue
            cue, pid = acc.cue
            for k in range(max(MIN_BASE, len(s) - extra_len), len(s)):
                for old_s in {s[:k], s[len(s) - k:]}:
                    if old_s in cues.generic or self.is_place(old_s):
                        continue
                    olds = by_skel.get(old_s, [])
                    if len(olds) > NAME_HUB:
                        continue
                    for b in olds:
                        add("rebrand_of", a, b, f"{pid} ({_pretty(acc.key)}) says \"{cue}\" and its name extends "
                            f"{_pretty(accs[b].key)} ({old_s} + {s.replace(old_s, '', 1)}).")
        return out

    def _menu_links(self) -> list[Link]:
        buckets: dict[tuple[int, tuple[int, ...]], list[tuple[int, int]]] = defaultdict(list)
        entries: list[tuple[int, frozenset[int], str]] = []
        for a, acc in enumerate(self._accounts):
            for lines, pid in acc.menus:
                e = len(entries)
                entries.append((a, lines, pid))
                for band in bands(minhash(lines)):
                    buckets[band].append((e, a))
        seen: set[tuple[int, int]] = set()
        done: set[tuple[int, int]] = set()
        out: list[Link] = []
        for members in buckets.values():
            if len(members) < 2 or len(members) > MENU_BUCKET_CAP or len({a for _, a in members}) < 2:
                continue
            for i, (e1, a1) in enumerate(members):
                for e2, a2 in members[i + 1:]:
                    if a1 == a2 or (e1, e2) in seen:
                        continue
                    seen.add((e1, e2))
                    pair = (min(a1, a2), max(a1, a2))
                    if pair in done:
                        continue
                    l1, l2 = entries[e1][1], entries[e2][1]
                    j = jaccard(l1, l2)
                    if j < MENU_JACCARD:
                        continue
                    done.add(pair)
                    p1, p2 = entries[e1][2], entries[e2][2]
                    k1, k2 = self._accounts[a1].key, self._accounts[a2].key
                    out.append(Link("same_menu", k1, k2, WEIGHTS["same_menu"], (p1, p2),
                                    f"{p1} ({_pretty(k1)}) and {p2} ({_pretty(k2)}) post near-identical menus: "
                                    f"{len(l1 & l2)} of {len(l1 | l2)} lines shared (Jaccard {j:.2f})."))
        return out

    def _image_links(self, uf: _UnionFind) -> tuple[list[Link], list[tuple[list[int], str, str, list[str]]]]:
        """same_image links between accounts whose sale or recruitment posts carry near-duplicate images,
        and the (accounts, identifier, reason, posts) of the images the guards block.

        An image's near-duplicates are the hashes within `max_distance` bits (see `HashIndex`);
        it is a hub when they were posted by more than `image_hub` units, a unit being a cluster of
        the links made so far (one vendor reposting its menu from ten linked accounts is one unit)
        or an account of a non-illicit post. A pair links only when neither image is blocked.
        """
        self._linked_images = {}
        if not self._images:
            return [], []
        cues = self.cues
        n_illicit = len(self._images)
        hashes = list(self._images) + [h for h in self._public_images if h not in self._images]
        keys = [int(h, 16) for h in hashes]
        indexes: dict[int, tuple[HashIndex, list[int]]] = {}  # hex length -> index, its positions' hashes
        for i, h in enumerate(hashes):
            if len(h) not in indexes:
                indexes[len(h)] = (HashIndex(4 * len(h), cues.image_distance), [])
            index, where = indexes[len(h)]
            index.add(keys[i])
            where.append(i)
        near: list[list[tuple[int, int]]] = []  # hash -> (other hash, distance)
        bad: list[bool] = []
        blocks: list[tuple[list[int], str, str, list[str]]] = []
        reported: set[frozenset[int]] = set()
        for i in range(n_illicit):
            h = hashes[i]
            index, where = indexes[len(h)]
            near_i = [(where[j], x) for j, x in index.near(keys[i]) if where[j] != i]
            near.append(near_i)
            group = [i, *(j for j, _ in near_i)]
            bits = 4 * len(h)
            low = cues.image_min_bits * bits // 64
            ones = keys[i].bit_count()
            why = ""
            if ones < low or ones > bits - low:
                why = "a blank or near-uniform image (its perceptual hash identifies nothing)"
            else:
                units: set[int] = set()
                for j in group:
                    units.update(uf.find(a) for a in self._images.get(hashes[j], ()))
                    units.update(uf.find(a) for a in self._public_images.get(hashes[j], ()))
                    if len(units) > cues.image_hub:
                        why = (f"an image posted by more than {cues.image_hub} unrelated accounts (a meme, a "
                               f"prevention visual or a widely shared picture, not a vendor's own)")
                        break
            bad.append(bool(why))
            if why:
                holders = {a: ps for j in group for a, ps in self._images.get(hashes[j], {}).items()}
                members = frozenset(holders)
                if len(holders) > 1 and members not in reported:  # near variants of one meme: one record
                    reported.add(members)
                    blocks.append((list(holders), f"image:{h}", why, [p for ps in holders.values() for p in ps]))
        best: dict[tuple[int, int], tuple[int, int, int]] = {}  # account pair -> (distance, hash i, hash j)
        for i in range(n_illicit):
            if bad[i]:
                continue
            holders = self._images[hashes[i]]
            for j, dist in [(i, 0), *near[i]]:
                if j >= n_illicit or bad[j] or j < i:
                    continue
                for a in holders:
                    for b in self._images[hashes[j]]:
                        if a == b:
                            continue
                        pair = (a, b) if a < b else (b, a)
                        cur = best.get(pair)
                        if cur is None or dist < cur[0]:
                            best[pair] = (dist, i, j) if a < b else (dist, j, i)
        out: list[Link] = []
        for (a, b), (dist, i, j) in sorted(best.items()):
            ka, kb = self._accounts[a].key, self._accounts[b].key
            ha, hb = hashes[i], hashes[j]
            self._linked_images.setdefault(a, set()).add(ha)
            self._linked_images.setdefault(b, set()).add(hb)
            pa, pb = self._images[ha][a][:3], self._images[hb][b][:3]
            how = f"identical perceptual hash {ha}" if dist == 0 else f"hashes {ha} and {hb}"
            out.append(Link("same_image", ka, kb, WEIGHTS["same_image"], tuple(pa + pb),
                            f"{', '.join(pa)} ({_pretty(ka)}) and {', '.join(pb)} ({_pretty(kb)}) posted the same "
                            f"image (phash distance {dist}: {how})."))
        return out, blocks

    def _build(self, uf: _UnionFind, links: list[Link], blocked: list[tuple[int, dict[str, Any]]]) -> Networks:
        comps: dict[int, list[int]] = defaultdict(list)
        for a, acc in enumerate(self._accounts):
            if acc.posts:
                comps[uf.find(a)].append(a)
        for a in range(len(self._accounts)):  # advertised-only accounts join their component if it exists
            r = uf.find(a)
            if not self._accounts[a].posts and r in comps:
                comps[r].append(a)
        root_id: dict[int, str] = {}
        nets: dict[str, tuple[list[int], int]] = {}
        for r, members in comps.items():
            n_posts = sum(len(self._accounts[a].posts) for a in members)
            if n_posts < 2:
                continue
            posting = [a for a in members if self._accounts[a].posts]
            oldest = min(posting, key=lambda a: (self._accounts[a].first or "~", self._accounts[a].key))
            nid = "N-" + hashlib.sha1(self._accounts[oldest].key.encode()).hexdigest()[:10]
            root_id[r] = nid
            nets[nid] = (sorted(members, key=lambda a: self._accounts[a].key), r)
        return Networks(self, uf, root_id, nets, links, blocked)


def _gazetteer_lookup() -> Callable[[str], bool]:
    try:
        from ..gazetteer import load_gazetteer

        g = load_gazetteer()
    except Exception:  # no gazetteer: no place guard
        return lambda s: False
    names: set[str] = set(g.joined)
    for key in list(g.by_key) + list(g.aliases) + list(g.abroad):
        names.add("".join(key))
    return lambda s: s in names


class Networks:
    """The vendor networks of a batch: lookups, records and graph exports."""

    def __init__(self, linker: Linker, uf: _UnionFind, root_id: dict[int, str],
                 nets: dict[str, tuple[list[int], int]], links: list[Link],
                 blocked: list[tuple[int, dict[str, Any]]]) -> None:
        self._l = linker
        self._uf = uf
        self._root_id = root_id
        self._nets = nets
        self.links = links
        self._blocked = blocked

    def network_of(self, post_id: str) -> str | None:
        a = self._l._post_account.get(str(post_id))
        return None if a is None else self._root_id.get(self._uf.find(a))

    def account_network(self, platform: str, handle: str) -> str | None:
        from .identifiers import account_key

        a = self._l._index.get(account_key(platform, handle))
        return None if a is None else self._root_id.get(self._uf.find(a))

    def ids(self) -> list[str]:
        return sorted(self._nets)

    def memberships(self) -> Iterator[tuple[str, str | None]]:
        """(post id, network id or None) for every sale or recruitment post seen."""
        find, root_id = self._uf.find, self._root_id
        for pid, a in self._l._post_account.items():
            yield pid, root_id.get(find(a))

    def posts_of(self, network_id: str) -> list[str]:
        members = self._nets[network_id][0]
        return [p for a in members for p in self._l._accounts[a].posts]

    def rename(self, mapping: Mapping[str, str]) -> None:
        """Give networks other ids (old id -> new id); the new ids must be distinct."""
        if not mapping:
            return
        self._root_id = {r: mapping.get(nid, nid) for r, nid in self._root_id.items()}
        self._nets = {mapping.get(nid, nid): v for nid, v in self._nets.items()}
        if len(set(self._root_id.values())) != len(self._root_id):
            raise ValueError("network ids must stay distinct")

    def keep_ids(self, previous: Mapping[str, str]) -> dict[str, str]:
        """Keep the ids a store already gave: `previous` maps post id -> its stored network id.

        A network whose posts were (mostly) in a stored network keeps that network's id; when
        stored networks merge, the largest share wins; a stored id goes to one network only.
        New networks get the id derived from their oldest account (suffixed if that id is taken).
        Returns the renames applied (derived id -> kept id).
        """
        if not previous:
            return {}
        claimed: set[str] = set()
        final: dict[str, str] = {}
        order = sorted(self._nets, key=lambda nid: (-len(self.posts_of(nid)), nid))
        for nid in order:
            votes = Counter(previous[p] for p in self.posts_of(nid) if p in previous)
            for old, _n in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0] != nid, kv[0])):
                if old not in claimed:
                    final[nid] = old
                    claimed.add(old)
                    break
        for nid in order:
            if nid in final:
                continue
            new, k = nid, 1
            while new in claimed:
                new = nid + "-" + str(k)
                k += 1
            final[nid] = new
            claimed.add(new)
        mapping = {a: b for a, b in final.items() if a != b}
        self.rename(mapping)
        return mapping

    def __len__(self) -> int:
        return len(self._nets)

    def networks(self) -> list[Network]:
        with paused_gc():
            return self._networks()

    def records(self) -> list[dict[str, Any]]:
        """`to_record()` of every network, by id."""
        with paused_gc():
            return [n.to_record() for n in self._networks()]

    def _networks(self) -> list[Network]:
        by_net: dict[str, list[Link]] = defaultdict(list)
        for lk in self.links:
            nid = self._root_id.get(self._uf.find(self._l._index[lk.source]))
            if nid:
                by_net[nid].append(lk)
        blocked_by: dict[str, list[dict[str, Any]]] = defaultdict(list)
        seen: set[tuple[str, int]] = set()
        for a, rec in self._blocked:  # one record is shared by every account it blocks
            nid = self._root_id.get(self._uf.find(a))
            if nid and (nid, id(rec)) not in seen:
                seen.add((nid, id(rec)))
                blocked_by[nid].append(rec)
        return [self._network(nid, by_net[nid], blocked_by[nid]) for nid in sorted(self._nets)]

    def _network(self, nid: str, links: list[Link], blocked: list[dict[str, Any]]) -> Network:
        accs = [self._l._accounts[a] for a in self._nets[nid][0]]
        places: Counter[str] = Counter()
        products: Counter[str] = Counter()
        accounts: list[dict[str, Any]] = []
        posts: list[str] = []
        advertised: list[str] = []
        for acc in accs:
            platform, _, handle = acc.key.partition(":")
            places.update(acc.places)
            products.update(acc.products)
            posts.extend(acc.posts)
            if acc.posts:
                accounts.append({"account": acc.key, "platform": platform, "handle": handle,
                                 "posts": list(acc.posts), "first_seen": acc.first, "last_seen": acc.last})
            else:
                advertised.append(acc.key)
        phones = sorted({lk.target[6:] for lk in links if lk.type == "advertises_phone"})
        crypto = sorted({lk.target[7:] for lk in links if lk.type == "advertises_crypto"})
        firsts = [a["first_seen"] for a in accounts if a["first_seen"]]
        lasts = [a["last_seen"] for a in accounts if a["last_seen"]]
        order = {"advertises_handle": 0, "advertises_phone": 1, "advertises_crypto": 2, "rebrand_of": 3,
                 "same_menu": 4, "same_image": 5, "same_name_variant": 6}
        links = sorted(links, key=lambda lk: (order.get(lk.type, 9), lk.source, lk.target))
        idents: dict[str, list[str]] = {"phones": phones, "handles": advertised, "crypto": crypto}
        linked = self._l._linked_images
        images = sorted({h for a in self._nets[nid][0] for h in linked.get(a, ())})
        if images:  # only when some: records of networks without images stay as they were
            idents["images"] = images
        return Network(nid, accounts, idents,
                       [p for p, _ in places.most_common()], [p for p, _ in products.most_common()],
                       min(firsts) if firsts else "", max(lasts) if lasts else "", sorted(posts), links, blocked)

    # -- exports ----------------------------------------------------------------------------

    def to_networkx(self, with_posts: bool = False) -> Any:
        """A networkx MultiDiGraph of the networks' accounts and identifiers (needs networkx)."""
        return records_graph(self.records(), with_posts)

    def to_gexf(self, path: str, with_posts: bool = False) -> None:
        import networkx as nx

        nx.write_gexf(self.to_networkx(with_posts), path)

    def to_graphml(self, path: str, with_posts: bool = False) -> None:
        import networkx as nx

        nx.write_graphml(self.to_networkx(with_posts), path)


def records_graph(records: Iterable[Mapping[str, Any]], with_posts: bool = False) -> Any:
    """A networkx MultiDiGraph of network records (`Network.to_record()`, or the store's)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for net in records:
        nid = str(net["id"])
        for acc in net.get("accounts") or ():
            g.add_node(acc["account"], kind="account", network=nid, posts=len(acc["posts"]),
                       first_seen=acc.get("first_seen") or "", last_seen=acc.get("last_seen") or "")
            if with_posts:
                for p in acc["posts"]:
                    g.add_node(f"post:{p}", kind="post", network=nid)
                    g.add_edge(f"post:{p}", acc["account"], type="posted_by", weight=1.0, posts=p,
                               explanation=f"{p} was posted by {_pretty(acc['account'])}.")
        for key in (net.get("identifiers") or {}).get("handles") or ():
            g.add_node(key, kind="account", network=nid, posts=0, first_seen="", last_seen="")
        for lk in net.get("links") or ():
            if lk["target"] not in g:
                g.add_node(lk["target"], kind=str(lk["target"]).partition(":")[0], network=nid)
            g.add_edge(lk["source"], lk["target"], type=lk["type"], weight=float(lk["weight"]),
                       posts=" ".join(lk["posts"]), explanation=lk["explanation"])
    return g


def write_gexf(records: Iterable[Mapping[str, Any]], path: str, with_posts: bool = False) -> None:
    """Network records as GEXF (Gephi)."""
    import networkx as nx

    nx.write_gexf(records_graph(records, with_posts), path)


def write_graphml(records: Iterable[Mapping[str, Any]], path: str, with_posts: bool = False) -> None:
    """Network records as GraphML."""
    import networkx as nx

    nx.write_graphml(records_graph(records, with_posts), path)


def link(items: Iterable[tuple[Post, Mapping[str, Any]]], cues: Cues | None = None,
         is_place: Callable[[str], bool] | None = None) -> Networks:
    """Link a batch: (post, analysis record) pairs in, vendor networks out."""
    linker = Linker(cues, is_place)
    for post, record in items:
        linker.add(post, record)
    return linker.networks()
