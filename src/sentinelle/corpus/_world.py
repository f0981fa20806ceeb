"""The simulated world: vendors (networks) with home areas, accounts, phones, ranges and styles."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import _geo as geo
from ._lex import PRODUCT_W_EN, PRODUCT_W_FR, SPECS, Spec
from ._price import nice
from ._text import Post, Weighted, ch, fr_mobile, keycaps, phone_text, ri, uk_mobile, us_phone

PLATFORMS = ("snapchat", "telegram", "instagram", "twitter", "tiktok", "whatsapp", "facebook")

_WORDS_FR = (
    "Mistral",
    "Tonton",
    "Cabane",
    "Comptoir",
    "Jardin",
    "Potager",
    "Hibou",
    "Corsaire",
    "Baron",
    "Pirate",
    "Panda",
    "Requin",
    "Loup",
    "Renard",
    "Faucon",
    "Lynx",
    "Zèbre",
    "Fennec",
    "Cigale",
    "Caméléon",
    "Marmotte",
    "Coyote",
    "Scorpion",
    "Cobra",
    "Gecko",
    "Kraken",
    "Tornade",
    "Comète",
    "Galaxie",
    "Boussole",
    "Épicerie",
    "Chalet",
    "Grenier",
    "Atelier",
    "Oasis",
    "Mirage",
    "Sahara",
    "Bled",
    "Famille",
    "Hermanos",
    "Narcos",
    "Pablo",
    "Tony",
    "Lune Verte",
    "Nuit Blanche",
    "Hirondelle",
    "Alchimiste",
    "Apothicaire",
    "Marché",
    "Bazar",
    "Plantation",
    "Verger",
    "Récolte",
    "Moisson",
    "Frangins",
    "Cousins",
    "Voisin",
    "Sultan",
    "Pacha",
    "Capitaine",
    "Amiral",
    "Sheriff",
    "Gitan",
    "Tigre",
    "Jaguar",
    "Puma",
    "Ours",
    "Bison",
    "Mamba",
    "Piranha",
    "Orque",
    "Dauphin",
    "Phénix",
    "Cyclone",
    "Tempête",
    "Éclair",
    "Boréal",
    "Bambou",
    "Cactus",
    "Palmier",
    "Baobab",
    "Coffee",
    "Fumoir",
    "Nuage",
    "Brouillard",
    "Colibri",
)
_WORDS_EN = (
    "Kingpin",
    "Smoke",
    "Tree",
    "Gas",
    "Za",
    "Cloud",
    "Loud",
    "Exotic",
    "Top Shelf",
    "Midnight",
    "Street",
    "Corner",
    "Block",
    "Trap",
    "Plug",
    "Candy",
    "Garden",
    "Harvest",
    "Jungle",
    "Lion",
    "Wolf",
    "Fox",
    "Shark",
    "Eagle",
    "Viper",
    "Ghost",
    "Shadow",
    "Phantom",
    "Rocket",
    "Comet",
    "Thunder",
    "Storm",
    "Frost",
    "Blaze",
    "Ember",
    "Royal",
    "Crown",
    "Empire",
    "Dynasty",
    "Family",
    "Brothers",
    "Uncle",
)
_SUFFIX_FR = (
    "Drive",
    "Express",
    "Livraison",
    "Shop",
    "Team",
    "Delivery",
    "Store",
    "Family",
    "Club",
    "Gang",
    "Corp",
    "Service",
    "Lab",
    "Factory",
    "Coffee",
    "Market",
)
_SUFFIX_EN = (
    "Plug",
    "Exotics",
    "Greens",
    "Menu",
    "Drops",
    "Deliveries",
    "Supply",
    "Connect",
    "Kitchen",
    "Finest",
    "Runs",
    "Crew",
)
EMOJI_BRAND = (
    "🌙",
    "🔥",
    "🌴",
    "🦁",
    "🐺",
    "🦊",
    "🐼",
    "⚡",
    "🌊",
    "🏴‍☠️",
    "👑",
    "🌵",
    "🚀",
    "💨",
    "🌈",
    "🎯",
    "🐍",
    "🦂",
    "🦅",
    "🌪️",
    "☀️",
    "🍀",
    "🎩",
    "🧞",
    "🛸",
    "🏝️",
    "🐅",
    "🐻",
    "🦈",
    "🐉",
)

ARROWS = ("➡️", "➜", "→", "->", "=>", "➝", "👉", ":", "—", "-", "|", "⇒", "▶️")
LEADERS = (" .......... ", " ....... ", "...", " ----- ", " _____ ", " · · · ")


_SLUG = str.maketrans("éèêëàâîïôöùûüçœ", "eeeeaaiioouuuco")
_SLUG_CACHE: dict[str, str] = {}


def _slug(s: str) -> str:
    r = _SLUG_CACHE.get(s)
    if r is None:
        r = "".join(ch for ch in s.lower().translate(_SLUG) if ch.isalnum() and ch.isascii())
        if len(_SLUG_CACHE) < 20000:
            _SLUG_CACHE[s] = r
    return r


@dataclass
class Item:
    spec: Spec
    name: str
    emoji: str
    base: float
    tiers: tuple[float, ...]


@dataclass
class Vendor:
    idx: int
    region: str  # fr uk us be ch
    lang: str
    cur: str
    cluster: geo.Cluster
    towns: list[geo.Town]
    brand: str
    bemoji: str
    accounts: dict[str, str]
    phone: str | None
    items: list[Item]
    start: float
    end: float
    events: list[tuple[float, str]]
    # style
    arrow: str
    leader: str
    pat: int
    mfmt: int
    ufmt: int
    layout: int
    emoji_rate: float
    sloppiness: float
    # conditions
    delivery_mode: int  # 0 delivery 1 pickup 2 both 3 unstated
    always_open: bool
    hours: str
    payments: list[str]
    min_order: int | None
    partial: int | None
    loyalty: str | None
    whatsapp: bool
    arr: list[int] = field(default_factory=list)
    gen: int = 0  # account generation (rebrands)
    phone_gen: int = 0
    n_posts: int = 0
    ev_i: int = 0
    extra_contact: tuple[str, str] | None = None
    # its accounts on side platforms (signal, potato, wickr...), kept from post to post: a vendor
    # that changed them every post would look like a rebrand every post
    side_accounts: dict[str, str] = field(default_factory=dict)

    @property
    def vid(self) -> str:
        return f"V{self.idx:04d}"

    @property
    def network(self) -> str:
        return f"N{self.idx:04d}"

    def baseline(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for it in self.items:
            out.setdefault(it.spec.pid, it.base)
        return out


def handle_for(rng: random.Random, platform: str, brand: str, short: str, dept: str) -> str:
    words = [
        w for w in brand.replace("'", " ").split() if w.lower() not in ("le", "la", "les", "l", "du", "de")
    ]
    core = _slug("".join(words)) or "plug"
    first = _slug(words[0]) if words else core
    sep = "_" if platform in ("telegram", "twitter") else ch(rng, "._")
    r = rng.random()
    tag = dept if dept and rng.random() < 0.5 else short
    if r < 0.2:
        h = f"{core}{sep}{tag}"
    elif r < 0.35:
        h = f"{first}{sep}{tag}{ch(rng, ('', '_off', sep + 'off', sep + 'officiel'))}"
    elif r < 0.5:
        h = f"{core}{ch(rng, ('', '_', '.'))}{ch(rng, ('off', 'officiel', 'menu', 'drive', 'plug', 'shop'))}"
    elif r < 0.65:
        h = f"{tag}{sep}{core}"
    elif r < 0.8:
        h = f"{core}{ri(rng, 1, 99)}"
    else:
        h = f"{first}{sep}{ch(rng, ('420', '93', '710', 'xx', 'lv', 'bzh', 'sud', 'nord', 'gang', 'city'))}"
    if platform in ("telegram", "twitter"):
        h = h.replace(".", "_").replace("-", "_")
    if platform == "twitter":
        h = h[:15]
    if len(h) < 5:
        h += "_" + short
    return h


def rebrand_handle(rng: random.Random, old: str, platform: str) -> str:
    base = old
    for suf in ("_v2", ".v2", "_bis", ".bis", "_backup", "2", "_420", "_new"):
        if base.endswith(suf):
            base = base[: -len(suf)]
    sep = "_" if platform in ("telegram", "twitter") else ch(rng, "._")
    cands = (
        f"{base}{sep}v2",
        f"{base}{sep}bis",
        f"{base}{sep}backup",
        f"{base}2",
        f"{base}_420",
        f"{base}{sep}new",
        f"{base}{sep}v3",
        f"{base}x",
        f"{base}_4200",
        f"the{sep}{base}",
        f"{base}{sep}off",
        f"real{sep}{base}",
    )
    h = ch(rng, cands)
    if platform in ("telegram", "twitter"):
        h = h.replace(".", "_")
    return h[:15] if platform == "twitter" else h


_CHEZ = ("Tonton", "Mamie", "Momo", "Karim", "Jojo", "Nico", "Bilal", "Sami", "Dédé", "Lulu", "Fifi", "Papi")


def _brand(rng: random.Random, lang: str, c: geo.Cluster) -> str:
    r = rng.random()
    city = c.main.forms[min(1, len(c.main.forms) - 1)] if rng.random() < 0.3 else c.main.canon
    if lang == "en":
        w = ch(rng, _WORDS_EN)
        if r < 0.35:
            return f"{w} {ch(rng, _SUFFIX_EN)}"
        if r < 0.55:
            return f"{city} {ch(rng, _SUFFIX_EN)}"
        if r < 0.7:
            return f"The {w} {ch(rng, ('Menu', 'Shop', 'Plug', 'Spot'))}"
        if r < 0.85:
            return f"Mr {w}"
        return f"{w} {ch(rng, _SUFFIX_EN)}"
    w = ch(rng, _WORDS_FR)
    if r < 0.25:
        art = "Le" if rng.random() < 0.6 else "La"
        return f"{art} {w}"
    if r < 0.45:
        return f"{w} {ch(rng, _SUFFIX_FR)}"
    if r < 0.6 and c.dept:
        return f"{w} {c.dept}"
    if r < 0.7:
        return f"{ch(rng, _SUFFIX_FR)} {w}"
    if r < 0.8:
        return f"Chez {ch(rng, _CHEZ)}"
    if r < 0.9:
        return f"{ch(rng, ('Le Drive', 'Uber', 'Snap', 'La Plug', 'Le Resto', 'Le Bon Plan'))} {city}"
    return f"Team {w}"


_BIG = [
    c
    for c in geo.FR_CLUSTERS
    if c.arr
    or c.dept
    in ("31", "33", "44", "59", "06", "67", "34", "38", "93", "94", "92", "95", "91", "35", "57", "76")
]
_REGION = Weighted(("fr", "uk", "us", "be", "ch"), (78, 10, 6, 4, 2))
_NPROD = Weighted((1, 2, 3, 4, 5, 6), (10, 20, 30, 22, 12, 6))
_DM = Weighted((0, 1, 2, 3), (60, 8, 12, 20))
_W_FR = Weighted(list(PRODUCT_W_FR), list(PRODUCT_W_FR.values()))
_W_EN = Weighted(list(PRODUCT_W_EN), list(PRODUCT_W_EN.values()))


def _weighted(rng: random.Random, w: Weighted[str], k: int) -> list[str]:
    out: list[str] = []
    while len(out) < k:
        p = w(rng)
        if p not in out:
            out.append(p)
    return out


def make_item(rng: random.Random, spec: Spec, lang: str, cur: str, scale: float = 1.0) -> Item:
    names = spec.en if lang == "en" else spec.fr
    name = ch(rng, names)
    base = spec.eur if cur == "EUR" else spec.gbp if cur == "GBP" else spec.usd
    base *= scale * rng.uniform(0.85, 1.25)
    if spec.unit == "g" and base >= 3:
        base = float(round(base))
    qtys = spec.qty_en if lang == "en" else spec.qty
    k = min(len(qtys), ch(rng, (1, 1, 2, 2, 2, 3, 3, 4)))
    start = rng.randrange(0, len(qtys) - k + 1)
    tiers = qtys[start : start + k]
    return Item(spec, name, ch(rng, spec.emoji), nice(base) if base > 3 else round(base, 2), tiers)


def make_vendor(
    rng: random.Random,
    idx: int,
    region: str | None = None,
    pids: list[str] | None = None,
    light: bool = False,
) -> Vendor:
    if region is None:
        region = _REGION(rng)
    if region == "fr":
        cluster = ch(rng, _BIG) if rng.random() < 0.3 else ch(rng, geo.FR_CLUSTERS)
    else:
        cluster = ch(
            rng,
            {"uk": geo.UK_CLUSTERS, "us": geo.US_CLUSTERS, "be": geo.BE_CLUSTERS, "ch": geo.CH_CLUSTERS}[
                region
            ],
        )
    lang = cluster.lang
    cur = {"uk": "GBP", "us": "USD"}.get(region, "EUR")
    towns = [cluster.main] + rng.sample(cluster.neighbours, min(len(cluster.neighbours), ri(rng, 0, 4)))
    brand = _brand(rng, lang, cluster)
    plats = ["snapchat"] + rng.sample(PLATFORMS[1:], 1 if light else ri(rng, 1, 3))
    if lang == "en" and rng.random() < 0.4:
        plats[0] = "telegram" if "telegram" not in plats else "instagram"
    accounts: dict[str, str] = {}
    used: set[str] = set()
    for p in plats:
        for _ in range(5):
            h = handle_for(rng, p, brand, cluster.short, cluster.dept)
            if h not in used:
                break
        used.add(h)
        accounts[p] = h
    if light:
        phone: str | None = None  # the caller assigns a one-off number
    elif region in ("fr", "be") or region in ("uk", "us"):
        phone = geo_phone(region, idx, 0, cluster)
    else:
        phone = None
    if rng.random() < 0.15:
        phone = None
    if pids is None:
        k = _NPROD(rng)
        pids = _weighted(rng, _W_EN if lang == "en" else _W_FR, k)
    scale = rng.uniform(0.9, 1.15)
    items: list[Item] = []
    for pid in pids:
        specs = SPECS[pid]
        n_items = 2 if pid in ("cannabis_herb", "cannabis_resin") and rng.random() < 0.35 else 1
        for _ in range(n_items):
            spec = specs[0] if len(specs) == 1 else ch(rng, specs)
            if region == "fr" and spec.unit == "bag":
                spec = specs[0]
            items.append(make_item(rng, spec, lang, cur, scale))
    start = 0.0 if rng.random() < 0.7 else rng.uniform(0.05, 0.8)
    end = 1.0 if rng.random() < 0.8 else rng.uniform(start + 0.15, 1.0)
    events: list[tuple[float, str]] = []
    span = end - start
    for kind, lam in (("price_change", 1.2), ("flash_sale", 1.5), ("rebrand", 0.8), ("new_product", 0.6)):
        for _ in range(0 if light else _poisson(rng, lam * span)):
            events.append((rng.uniform(start + 0.02 * span, end), kind))
    events.sort()
    dm = _DM(rng)
    pays = ["cash"] if rng.random() < 0.7 else []
    for meth, prob in (
        ()
        if light
        else (
            ("lydia", 0.25 if lang == "fr" else 0),
            ("crypto", 0.15),
            ("paypal", 0.04),
            ("bank_transfer", 0.12 if lang == "en" else 0.05),
            ("paylib", 0.04 if lang == "fr" else 0),
            ("wero", 0.05 if lang == "fr" else 0),
            ("card", 0.03),
        )
    ):
        if rng.random() < prob:
            pays.append(meth)
    h0, h1 = ch(rng, (10, 11, 12, 14, 16, 17, 18, 19, 20)), ch(rng, (22, 23, 0, 1, 2, 3, 4, 5))
    return Vendor(
        idx=idx,
        region=region,
        lang=lang,
        cur=cur,
        cluster=cluster,
        towns=towns,
        brand=brand,
        bemoji=ch(rng, EMOJI_BRAND),
        accounts=accounts,
        phone=phone,
        items=items,
        start=start,
        end=end,
        events=events,
        arrow=ch(rng, ARROWS),
        leader=ch(rng, LEADERS),
        pat=int(rng.random() * 12),
        mfmt=int(rng.random() * 10),
        ufmt=int(rng.random() * 6),
        layout=int(rng.random() * 8),
        emoji_rate=ch(rng, (0.0, 0.5, 0.9, 1.0, 1.0)),
        sloppiness=ch(rng, (0.0, 0.1, 0.2, 0.4, 0.7)),
        delivery_mode=dm,
        always_open=rng.random() < 0.25,
        hours=f"{h0}h|{h1}h",
        payments=pays,
        min_order=ch(rng, (None, None, None, 20, 30, 40, 50)) if cur == "EUR" else None,
        partial=ch(rng, (None, None, None, 200, 300, 500)),
        loyalty=None,
        whatsapp=rng.random() < 0.2,
        arr=sorted(rng.sample(range(1, cluster.arr + 1), min(3, cluster.arr))) if cluster.arr else [],
    )


def _poisson(rng: random.Random, lam: float) -> int:
    n, p, target = 0, 1.0, pow(2.718281828459045, -lam)
    while True:
        p *= rng.random()
        if p < target:
            return n
        n += 1


def geo_phone(region: str, idx: int, gen: int, cluster: geo.Cluster) -> str:
    slot = (idx * 8 + gen) * 6133 + 17
    if region in ("fr", "be", "ch"):
        return fr_mobile(slot % 8000)
    if region == "uk":
        return uk_mobile(slot % 700)
    return us_phone(cluster.area or "555", slot % 70)


# ---------------------------------------------------------------- writing helpers


def say_places(rng: random.Random, post: Post, v: Vendor, k: int | None = None, arr_ok: bool = True) -> str:
    """A list of served places ('Rennes, Bruz et Pacé'); records place labels."""
    towns = v.towns
    if k is None:
        k = ri(rng, 1, len(towns))
    chosen = (
        towns[:1] + rng.sample(towns[1:], min(len(towns) - 1, k - 1))
        if rng.random() < 0.8
        else rng.sample(towns, min(len(towns), k))
    )
    out = []
    for t in chosen:
        post.place(t.canon)
        form = t.forms[0] if rng.random() < 0.6 else ch(rng, t.forms)
        if t is v.cluster.main and v.arr and arr_ok and rng.random() < 0.45:
            form = arr_text(rng, form, v.arr)
        out.append(form)
    if len(out) == 1:
        return out[0]
    j = rng.random()
    if v.lang == "en":
        return ", ".join(out[:-1]) + " & " + out[-1] if j < 0.5 else " / ".join(out)
    if j < 0.4:
        return ", ".join(out[:-1]) + " et " + out[-1]
    if j < 0.6:
        return " / ".join(out)
    if j < 0.8:
        return ", ".join(out)
    return " + ".join(out)


def arr_text(rng: random.Random, city: str, arrs: list[int]) -> str:
    a = ch(rng, arrs)
    r = rng.random()
    suf = "er" if a == 1 else ch(rng, ("e", "e", "ème", ""))
    if r < 0.6:
        return f"{city} {a}{suf}"
    others = [x for x in arrs if x != a]
    if others:
        return f"{city} {a}{suf}/{others[0]}{suf}"
    return f"{city} {a}{suf}"


def say_dept(rng: random.Random, post: Post, v: Vendor) -> str:
    c = v.cluster
    if not c.dept:
        return ""
    post.dept(c.dept)
    r = rng.random()
    d = c.dept
    if r < 0.3:
        return f"({d})"
    if r < 0.45:
        return f"📍 {d}"
    if r < 0.6:
        return keycaps(d) if d.isdigit() else d
    if r < 0.72:
        return ch(rng, (f"dans le {d}", f"tout le {d}", f"sur le {d}", f"secteur {d}"))
    if r < 0.86:
        pc = c.postcode
        if c.arr and v.arr:
            a = ch(rng, v.arr)
            pc = pc[:3] + f"{a:02d}"
        return pc
    return c.dept_name


def contact_text(rng: random.Random, post: Post, platform: str, handle: str, lang: str) -> str:
    post.handle(platform, handle)
    r = rng.random()
    opts: tuple[str, ...]
    if platform == "snapchat":
        opts = (
            (
                "👻 {h}",
                "snap: {h}",
                "Snap ➡️ {h}",
                "sc: {h}",
                "👻: {h}",
                "snap 👉 {h}",
                "👻 snap : {h}",
                "add le snap {h}",
                "Snapchat : {h}",
            )
            if lang == "fr"
            else ("👻 {h}", "snap: {h}", "Snap 👉 {h}", "add me on snap {h}", "sc: {h}", "👻: {h}")
        )
    elif platform == "telegram":
        opts = (
            (
                "t.me/{h}",
                "tg @{h}",
                "Telegram : @{h}",
                "👉 t.me/{h}",
                "https://t.me/{h}",
                "tg: {h}",
                "télégram @{h}",
                "canal telegram ➡️ @{h}",
            )
            if lang == "fr"
            else ("t.me/{h}", "tg @{h}", "Telegram: @{h}", "👉 t.me/{h}", "tele: @{h}")
        )
    elif platform == "instagram":
        opts = ("insta @{h}", "IG : @{h}", "📸 insta : {h}", "instagram @{h}")
    elif platform == "twitter":
        opts = ("twitter @{h}", "X : @{h}", "twitter: {h}")
    elif platform == "tiktok":
        opts = ("tiktok @{h}", "TT : @{h}")
    elif platform == "signal":
        opts = ("Signal : {h}", "signal ➡️ {h}", "Signal only: {h}")
    elif platform == "potato":
        opts = ("Potato : {h}", "sur Potato 🥔 {h}", "potato ➜ {h}")
    elif platform == "wickr":
        opts = ("wickr: {h}", "Wickr Me : {h}")
    elif platform == "threema":
        opts = ("Threema ID : {h}", "threema {h}")
    elif platform == "session":
        opts = ("Session : {h}", "session id {h}")
    else:
        opts = ("{h}",)
    return opts[int(r * len(opts))].format(h=handle)


def phone_line(rng: random.Random, post: Post, e164: str, lang: str, whatsapp: bool) -> str:
    post.phone(e164)
    num = phone_text(rng, e164)
    opts: tuple[str, ...]
    if whatsapp:
        if rng.random() < 0.25:
            return f"wa.me/{e164[1:]}"
        opts = (
            ("WhatsApp : {n}", "📱 WhatsApp uniquement {n}", "whatsapp ➡️ {n}", "WA {n}")
            if lang == "fr"
            else ("WhatsApp {n}", "WA only {n}", "📱 whatsapp: {n}")
        )
    else:
        opts = (
            (
                "📞 {n}",
                "☎️ {n}",
                "📲 {n}",
                "appel ou sms {n}",
                "tel : {n}",
                "{n}",
                "contact : {n}",
                "📱 {n}",
                "commandes 👉 {n}",
                "sms only {n}",
            )
            if lang == "fr"
            else ("📞 {n}", "call or txt {n}", "📲 {n}", "text {n}", "{n}", "hmu {n}", "ring {n}")
        )
    return ch(rng, opts).format(n=num)


def other_contact(rng: random.Random, v: Vendor, author_platform: str, author: str) -> tuple[str, str] | None:
    """A contact handle on another platform (never the posting account)."""
    cands = [
        (p, h)
        for p, h in v.accounts.items()
        if p not in (author_platform, "whatsapp", "facebook") and h != author
    ]
    if v.extra_contact and v.extra_contact[1] != author:
        cands.append(v.extra_contact)
    if not cands:
        return None
    return ch(rng, cands)


def signal_like(rng: random.Random, platform: str, brand: str) -> str:
    core = _slug(brand)[:12] or "plug"
    if platform == "signal":
        return f"{core}.{ri(rng, 10, 99)}"
    if platform == "threema":
        return "".join(ch(rng, "ABCDEFGHJKMNPQRSTUVWXYZ23456789") for _ in range(8))
    if platform == "session":
        return "05" + "".join(ch(rng, "0123456789abcdef") for _ in range(64))
    return f"{core}{ch(rng, ('', '_', '.'))}{ri(rng, 1, 999)}"


def side_account(rng: random.Random, v: Vendor, platform: str) -> str:
    """The vendor's account on a side platform, made up the first time it is needed."""
    h = v.side_accounts.get(platform)
    if h is None:
        h = v.side_accounts[platform] = signal_like(rng, platform, v.brand)
    return h
