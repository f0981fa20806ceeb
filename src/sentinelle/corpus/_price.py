"""Money, quantities and price-point phrasing; every rendered price point records its label."""

from __future__ import annotations

import random

from ._lex import Spec
from ._text import Post, ch

# ----------------------------------------------------------------- numbers and money


def nice(x: float) -> float:
    if x < 3:
        return round(x * 2) / 2 or 0.5
    if x < 20:
        return float(round(x))
    if x < 100:
        return float(round(x / 5) * 5)
    if x < 1000:
        return float(round(x / 10) * 10)
    return float(round(x / 50) * 50)


def tier_price(base: float, q: float, ref: float = 1.0) -> float:
    """Price of q units with the usual volume discount (relative to the smallest usual quantity ref)."""
    r = q / ref if ref > 0 else q
    return nice(base * q * (r**-0.15 if r > 1 else 1.0))


def num_fr(x: float) -> str:
    if float(x).is_integer():
        return str(int(x))
    return f"{x:g}".replace(".", ",")


def num_en(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


_EUR_FMT = ("{}€", "{}€", "{}€", "{} €", "{}e", "{} euros", "{} balles", "{}", "{}eu", "{} €")
_GBP_FMT = ("£{}", "£{}", "£{}", "{} quid")
_USD_FMT = ("${}", "${}", "${}", "{}$")


def money(amount: float, cur: str, fmt: int, lang: str = "fr") -> str:
    n = num_fr(amount) if lang == "fr" else num_en(amount)
    if cur == "EUR":
        return _EUR_FMT[fmt % len(_EUR_FMT)].format(n)
    if cur == "GBP":
        return _GBP_FMT[fmt % len(_GBP_FMT)].format(n)
    return _USD_FMT[fmt % len(_USD_FMT)].format(n)


_EN_G = {
    3.5: ("3.5g", "8th", "an 8th", "eighth", "3.5"),
    7: ("7g", "Q", "quarter", "quad", "7"),
    14: ("14g", "half", "half O", "half oz"),
    28: ("28g", "oz", "zip", "O", "an oz", "ounce"),
}


def qty_text(rng: random.Random, spec: Spec, q: float, lang: str, unit_fmt: int) -> str:
    """Quantity phrase for one price point (never empty)."""
    u = spec.unit
    if u == "g":
        if lang == "en":
            if q in _EN_G:
                return ch(rng, _EN_G[q])
            return f"{num_en(q)}g"
        if q == 0.5 and rng.random() < 0.3:
            return ch(rng, ("demi", "le demi", "0,5g", "1/2 g"))
        return num_fr(q) + ("g", "g", "G", " g", "gr", "grs")[unit_fmt % 6]
    if u == "kg":
        return "1kg" if lang == "en" else ch(rng, ("1kg", "le kilo", "1 kilo", "le kg"))
    if u == "ml":
        if q >= 100:
            cl = int(q // 10)
            if lang == "en":
                return f"{int(q)}ml"
            return (
                ch(rng, (f"{cl}cl", f"la bouteille {cl}cl", f"{cl} cl"))
                if q < 1000
                else ch(rng, ("1L", "1 litre", "la bouteille 1L"))
            )
        return f"{num_fr(q)}ml" if lang == "fr" else f"{num_en(q)}ml"
    n = num_fr(q) if lang == "fr" else num_en(q)
    if u == "pill":
        if lang == "en":
            return "1 pill" if q == 1 else f"{n} pills"
        return (
            ch(rng, ("1 cachet", "1 pilule", "l'unité", "1"))
            if q == 1
            else ch(rng, (f"{n} cachets", f"{n} comprimés", f"x{n}", f"{n} pilules", f"les {n}"))
        )
    if u == "blotter":
        if lang == "en":
            return "1 tab" if q == 1 else f"{n} tabs"
        return spec.word[0] if q == 1 else ch(rng, (f"{n} buvards", f"{n} cartons", f"les {n}"))
    if u == "bag":
        if lang == "en":
            return "bag" if q == 1 else f"{n} bags"
        return ch(rng, ("le pochon", "pochon", "1 pochon")) if q == 1 else f"{n} pochons"
    # unit
    w = spec.word[1] if lang == "en" else spec.word[0]
    if q == 1:
        return w or ("1" if lang == "fr" else "each")
    if lang == "en":
        return f"{n} {w}s" if w else f"{n}"
    return ch(rng, (f"les {n}", f"{n} pièces", f"x{n}", f"{n}"))


def price_point(
    rng: random.Random,
    post: Post,
    spec: Spec,
    q: float,
    amount: float,
    cur: str,
    lang: str,
    pat: int,
    arrow: str,
    mfmt: int,
) -> str:
    """Render one quantity/price point and record its label."""
    post.price(spec.pid, q, "kg" if spec.unit == "kg" else spec.unit, amount, cur)
    m = money(amount, cur, mfmt, lang)
    if lang == "en":
        if spec.unit == "g" and q == 1 and pat % 3 == 0:
            return f"{m} a g" if rng.random() < 0.5 else f"{m}/g"
        if spec.unit == "bag" and q == 1:
            return f"{m} bag"
        if spec.unit in ("pill", "blotter", "unit") and q == 1 and pat % 2 == 0:
            return f"{m} each" if spec.unit != "unit" or not spec.word[1] else f"{m} a {spec.word[1]}"
        qt = qty_text(rng, spec, q, lang, pat)
        if q > 1 and spec.unit in ("pill", "blotter", "bag") and pat % 3 == 1:
            return f"{num_en(q)} for {m}"
        if pat % 4 == 3 and not qt[0].isdigit():
            qt = qt.removeprefix("an ")
            return f"{m} {'an' if qt in ('8th', 'eighth', 'oz', 'O') else 'a'} {qt}"
        return f"{qt} {m}" if pat % 2 else f"{qt} {arrow} {m}"
    # French
    if spec.unit == "g" and q == 1 and pat % 3 != 2:
        return ch(rng, (f"{m} le g", f"{m}/g", f"{m} le G", f"le g à {m}", f"{m} le gramme"))
    if spec.unit == "pill" and q == 1 and pat % 2 == 0:
        return ch(rng, (f"{m} l'unité", f"{m} pièce", f"{m} le cachet", f"{m} la pilule"))
    if spec.unit in ("pill", "unit", "blotter") and q > 1 and pat % 4 == 1:
        return f"{num_fr(q)} pour {m}"
    qt = qty_text(rng, spec, q, lang, pat)
    p = pat % 7
    if p == 0:
        return f"{qt} {m}"
    if p == 1:
        return f"{qt} = {m}"
    if p == 2:
        return f"{qt} {arrow} {m}"
    if p == 3:
        return f"{qt}/{m}"
    if p == 4:
        return f"{qt} : {m}"
    if p == 5 and qt[0].isdigit():
        return f"{m} les {qt}"
    return f"{qt} {arrow} {m}"
