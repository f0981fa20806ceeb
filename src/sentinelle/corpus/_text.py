"""Post builder: text and gold labels are produced together from the same choices.

Text is accumulated as parts of three kinds: FREE (styling may change case, spelling, add typos),
SOFT (case and accents only: place names, slang) and KEEP (byte-exact: handles, phone numbers,
prices, department numbers). Labels are recorded by the same calls that write the text.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

T = TypeVar("T")

FREE, SOFT, KEEP = 0, 1, 2

KEYCAP = "\ufe0f\u20e3"
_DEACCENT = str.maketrans("éèêëàâäîïôöùûüçÉÈÊÀÂÎÔÙÛÇœ", "eeeeaaaiioouuucEEEAAIOUUCo")

# SMS / sloppy spellings (single words and short phrases); applied to FREE parts only.
_SMS_FR = {
    "je suis": "jsuis",
    "c'est": "c",
    "t'es": "t",
    "quand": "qd",
    "disponible": "dispo",
    "commande": "cmd",
    "commandes": "cmd",
    "livraison": "lvr",
    "salut": "slt",
    "tout": "tt",
    "pour": "pr",
    "beaucoup": "bcp",
    "rendez-vous": "rdv",
    "vous": "vs",
    "avec": "avc",
    "message": "msg",
    "s'il vous plaît": "svp",
    "aujourd'hui": "ajd",
    "quoi": "koi",
    "qui": "ki",
    "bonjour": "bjr",
    "merci": "mrc",
    "maintenant": "mtn",
    "toujours": "tjrs",
    "rien": "r1",
    "ce soir": "ce soir",
    "je me déplace": "jme déplace",
    "je livre": "jlivre",
    "j'arrive": "jarrive",
    "tranquille": "tranquil",
    "vraiment": "vrmt",
    "quelqu'un": "qlq1",
    "les gens": "lé gens",
    "minimum": "mini",
    "téléphone": "tel",
    "numéro": "num",
    "nouveau": "nv",
    "nouvelle": "nvl",
    "rapide": "rapid",
    "qualité": "qualiter",
    "wesh": "wsh",
    "beaucoup de": "bcp de",
}
_SMS_EN = {
    "you": "u",
    "your": "ur",
    "are": "r",
    "for": "4",
    "to": "2",
    "please": "pls",
    "message": "msg",
    "tonight": "2nite",
    "before": "b4",
    "people": "ppl",
    "because": "cuz",
    "with": "wiv",
    "delivery": "delivery",
    "available": "avail",
    "thanks": "thx",
    "anyone": "any1",
}


class Post:
    """Accumulates text parts and the gold labels written alongside them."""

    __slots__ = (
        "parts",
        "kinds",
        "products",
        "prices",
        "handles",
        "phones",
        "places",
        "departments",
        "min_order",
        "payment",
        "delivery",
        "always_open",
        "prepayment",
        "promotion",
        "scam",
        "minors",
    )

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.kinds: list[int] = []
        self.products: list[str] = []
        self.prices: list[dict[str, Any]] = []
        self.handles: list[dict[str, str]] = []
        self.phones: list[str] = []
        self.places: list[str] = []
        self.departments: list[str] = []
        self.min_order: float | None = None
        self.payment: list[str] = []
        self.delivery = False
        self.always_open = False
        self.prepayment = "none"
        self.promotion = False
        self.scam = False
        self.minors = False

    # -- text
    def t(self, s: str) -> Post:
        self.parts.append(s)
        self.kinds.append(FREE)
        return self

    def s(self, s: str) -> Post:
        self.parts.append(s)
        self.kinds.append(SOFT)
        return self

    def k(self, s: str) -> Post:
        self.parts.append(s)
        self.kinds.append(KEEP)
        return self

    def nl(self, n: int = 1) -> Post:
        self.parts.append("\n" * n)
        self.kinds.append(KEEP)
        return self

    def trim_nl(self) -> None:
        while self.parts and self.parts[-1].strip() == "":
            self.parts.pop()
            self.kinds.pop()

    # -- labels
    def product(self, pid: str) -> None:
        if pid not in self.products:
            self.products.append(pid)

    def price(self, pid: str, qty: float, unit: str, amount: float, cur: str) -> None:
        q: float = int(qty) if float(qty).is_integer() else qty
        a: float = int(amount) if float(amount).is_integer() else amount
        self.prices.append({"product": pid, "quantity": q, "unit": unit, _CUR_KEY[cur]: a})
        self.product(pid)

    def place(self, canon: str) -> None:
        if canon not in self.places:
            self.places.append(canon)

    def dept(self, code: str) -> None:
        if code not in self.departments:
            self.departments.append(code)

    def phone(self, e164: str) -> None:
        if e164 not in self.phones:
            self.phones.append(e164)

    def handle(self, platform: str, h: str) -> None:
        d = {"platform": platform, "handle": h}
        if d not in self.handles:
            self.handles.append(d)

    def pay(self, *methods: str) -> None:
        for m in methods:
            if m not in self.payment:
                self.payment.append(m)

    # -- rendering
    def render(self, rng: random.Random, style: Style) -> str:
        if style.plain:
            return "".join(self.parts).strip()
        out = []
        for s, kind in zip(self.parts, self.kinds, strict=True):
            if kind == KEEP or not s.strip():
                out.append(s)
                continue
            if kind == FREE:
                if style.noemoji and KEYCAP not in s:
                    s = _strip_emoji(s)
                if style.sms:
                    s = _sms(s, style.lang)
                if style.typo and len(s) > 6:
                    s = _typos(rng, s, style.typo)
            if style.deaccent:
                s = s.translate(_DEACCENT)
            if style.case == 1:
                s = s.lower()
            elif style.case == 2:
                s = s.upper()
            out.append(s)
        return "".join(out).strip()


_CUR_KEY = {"EUR": "price_eur", "GBP": "price_gbp", "USD": "price_usd"}


class Style:
    __slots__ = ("plain", "sms", "typo", "deaccent", "case", "lang", "noemoji")

    def __init__(
        self,
        sms: bool = False,
        typo: float = 0.0,
        deaccent: bool = False,
        case: int = 0,
        lang: str = "fr",
        noemoji: bool = False,
    ) -> None:
        self.sms, self.typo, self.deaccent, self.case, self.lang = sms, typo, deaccent, case, lang
        self.noemoji = noemoji
        self.plain = not (sms or typo or deaccent or case or noemoji)


PLAIN = Style()


def random_style(rng: random.Random, lang: str, sloppiness: float) -> Style:
    """Draw a writing style; sloppiness in [0, 1] raises the odds of SMS, typos, lower case."""
    r = rng.random
    if r() > sloppiness:
        return Style(case=2 if r() < 0.04 else 0, lang=lang) if r() < 0.1 else PLAIN
    return Style(
        sms=r() < 0.6,
        typo=0.04 if r() < 0.5 else 0.0,
        deaccent=r() < 0.4,
        case=1 if r() < 0.5 else (2 if r() < 0.1 else 0),
        lang=lang,
    )


def _strip_emoji(s: str) -> str:
    """Drops emoji and pictographs (keeps letters, digits, €, £, $ and ordinary punctuation)."""
    if s.isascii():
        return s
    out = "".join(ch for ch in s if ord(ch) < 0x2190 and ch != "\u200d")
    return out.replace("  ", " ") if out != s else s


def _sms(s: str, lang: str) -> str:
    table = _SMS_FR if lang == "fr" else _SMS_EN
    words = s.split(" ")
    changed = False
    for i, w in enumerate(words):
        rep = table.get(w.lower())
        if rep is not None:
            words[i] = rep
            changed = True
    s2 = " ".join(words) if changed else s
    if lang == "fr":
        for a, b in (("je suis", "jsuis"), ("c'est", "c"), ("s'il vous plaît", "svp"), ("je me ", "jme ")):
            if a in s2:
                s2 = s2.replace(a, b)
    return s2


def _typos(rng: random.Random, s: str, rate: float) -> str:
    words = s.split(" ")
    for i, w in enumerate(words):
        if len(w) >= 5 and w.isalpha() and rng.random() < rate:
            j = rng.randrange(1, len(w) - 2)
            op = rng.random()
            if op < 0.35:
                w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
            elif op < 0.7:
                w = w[:j] + w[j + 1 :]
            elif op < 0.85:
                w = w[:j] + w[j] + w[j:]
            else:
                w = w + w[-1] * ri(rng, 2, 4)
            words[i] = w
    return " ".join(words)


def keycaps(digits: str) -> str:
    return "".join(ch + KEYCAP if ch.isdigit() else ch for ch in digits)


def spaced(word: str) -> str:
    return " ".join(word)


# ------------------------------------------------------------------------- phones


def fr_phone_text(rng: random.Random, national: str) -> str:
    """national: 10 digits starting with 0. Returns one of many written forms."""
    n = national
    pairs = [n[i : i + 2] for i in range(0, 10, 2)]
    r = rng.random()
    if r < 0.30:
        return " ".join(pairs)
    if r < 0.45:
        return n
    if r < 0.55:
        return ".".join(pairs)
    if r < 0.60:
        return "-".join(pairs)
    if r < 0.68:
        return "+33 " + n[1] + " " + " ".join(pairs[1:])
    if r < 0.73:
        return "+33" + n[1:]
    if r < 0.77:
        return "0033 " + n[1] + " " + " ".join(pairs[1:])
    if r < 0.84:
        return keycaps(n) if rng.random() < 0.5 else " ".join(keycaps(p) for p in pairs)
    if r < 0.92:  # letter O for zero
        return " ".join(pairs).replace("0", "O") if rng.random() < 0.5 else n.replace("0", "O", 2)
    if r < 0.96:
        return f"{n[:4]} {n[4:7]} {n[7:]}"
    return "+33 (0)" + n[1] + " " + " ".join(pairs[1:])


def uk_phone_text(rng: random.Random, national: str) -> str:
    """national: 11 digits 07700900xxx."""
    n = national
    r = rng.random()
    if r < 0.45:
        return f"{n[:5]} {n[5:]}"
    if r < 0.6:
        return n
    if r < 0.75:
        return f"+44 {n[1:5]} {n[5:]}"
    if r < 0.82:
        return "+44" + n[1:]
    if r < 0.9:
        return f"{n[:5]}-{n[5:8]}-{n[8:]}"
    if r < 0.95:
        return keycaps(n)
    return f"{n[:5]} {n[5:]}".replace("0", "O")


def us_phone_text(rng: random.Random, digits: str) -> str:
    """digits: 10 digits AAA555 01xx."""
    a, b, c = digits[:3], digits[3:6], digits[6:]
    r = rng.random()
    if r < 0.35:
        return f"({a}) {b}-{c}"
    if r < 0.6:
        return f"{a}-{b}-{c}"
    if r < 0.72:
        return f"{a}.{b}.{c}"
    if r < 0.82:
        return f"+1 {a} {b} {c}"
    if r < 0.92:
        return digits
    return f"1-{a}-{b}-{c}"


def phone_text(rng: random.Random, e164: str) -> str:
    if e164.startswith("+33"):
        return fr_phone_text(rng, "0" + e164[3:])
    if e164.startswith("+44"):
        return uk_phone_text(rng, "0" + e164[3:])
    return us_phone_text(rng, e164[2:])


def fr_mobile(slot: int) -> str:
    """Fictional ARCEP range 06 39 98 xx xx. slot in [0, 10000)."""
    return f"+3363998{slot % 10000:04d}"


def uk_mobile(slot: int) -> str:
    """Ofcom drama range 07700 900000-900999."""
    return f"+447700900{slot % 1000:03d}"


def us_phone(area: str, slot: int) -> str:
    """Fictional 555-0100..0199."""
    return f"+1{area}55501{slot % 100:02d}"


_FR_LANDLINE = ("19900", "26191", "35301", "46571", "53649", "97598")


def fr_landline(rng: random.Random) -> str:
    """ARCEP fiction ranges for geographic / VoIP numbers."""
    return "+33" + ch(rng, _FR_LANDLINE) + f"{int(rng.random() * 10000):04d}"


def ch(rng: random.Random, seq: Sequence[T]) -> T:
    """Fast uniform choice (random.choice is ~5x slower)."""
    return seq[int(rng.random() * len(seq))]


def ri(rng: random.Random, a: int, b: int) -> int:
    """Fast randint(a, b)."""
    return a + int(rng.random() * (b - a + 1))


class Weighted(Generic[T]):
    """Precomputed weighted choice (random.choices rebuilds cumulative weights on every call)."""

    __slots__ = ("items", "cum", "total")

    def __init__(self, items: Sequence[T], weights: Sequence[float]) -> None:
        self.items = tuple(items)
        acc = 0.0
        cum = []
        for w in weights:
            acc += w
            cum.append(acc)
        self.cum, self.total = cum, acc

    def __call__(self, rng: random.Random) -> T:
        return self.items[bisect_right(self.cum, rng.random() * self.total)]
