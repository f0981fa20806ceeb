"""Price tables: menus laid out in columns, as screenshots and channel posts show them.

Two layouts, read by `prices.PriceAnalyser.analyse` before the line grammar:

- quantities head the columns, a product heads each row::

      PRIX         1g     5g     10g
      🍫 Jaune     10     45     80
      ❄️ Coco      70     320    --

- products head the columns, a quantity heads each row::

      QTY     FLOWER    SOLID
      4oz     £560      £420
      9oz     £1100     £850

A cell may be empty ("--", "-", "x", "n/a"): it takes its column and gives no price.
"""

from __future__ import annotations

import re

from .price_grammar import Point, Tok

# an empty cell of a table
_EMPTY_CELL_RE = re.compile(r"^(?:-+|—+|–+|x|n/?a|/|\.+|…)$", re.IGNORECASE)
# a cell holding a price: digits with a currency sign before or after, or none
_PRICE_CELL_RE = re.compile(r"^[£$€]?\d+(?:[.,]\d+)?k?(?:€|e|£|\$|eur|chf)?$", re.IGNORECASE)
# what a column header may hold besides products: a label for the quantity column, bullets
_HEADER_WORDS = frozenset({"qty", "qte", "quantite", "quantity", "weight", "poids", "prix", "price", "prices",
                           "tarif", "tarifs", "amount", "size", "taille", "grammage"})


def cells(text: str, start: int, end: int) -> list[str]:
    """The whitespace-separated cells of text[start:end], the bars of a table dropped."""
    return [c for c in re.split(r"[\s|]+", text[start:end]) if c]


def quantity_row(toks: list[Tok], header: list[Tok], text: str, start: int, end: int) -> list[Point] | None:
    """The points of a row under a header of quantities ("🍫 Jaune  10  45  80" under "1g 5g 10g"),
    one per cell, an empty cell ("--") taking its column; None when the row does not fit."""
    if any(t.kind in ("QTY", "COUNT", "NAMED") for t in toks):
        return None
    values = [t for t in toks if t.kind in ("PRICE", "NUM")]
    if len(values) == len(header):
        return [Point(c.start, c.end, q.value, q.unit, c.value, c.unit if c.kind == "PRICE" else None, "price_table")
                for q, c in zip(header, values, strict=True)]
    # fewer values than columns: the row's last cells, read from the text, must be its values and
    # its empty cells, one per column
    row = cells(text, start, end)[-len(header):]
    if len(row) != len(header) or not values or not all(_EMPTY_CELL_RE.match(c) or _PRICE_CELL_RE.match(c)
                                                         for c in row):
        return None
    if sum(1 for c in row if _PRICE_CELL_RE.match(c)) != len(values):
        return None
    out: list[Point] = []
    it = iter(values)
    for q, c in zip(header, row, strict=True):
        if _EMPTY_CELL_RE.match(c):
            continue
        v = next(it)
        out.append(Point(v.start, v.end, q.value, q.unit, v.value, v.unit if v.kind == "PRICE" else None,
                         "price_table"))
    return out


def product_columns(text: str, start: int, end: int, products: list[str]) -> list[str] | None:
    """The products heading the columns of a table ("QTY  FLOWER  SOLID", "Quantité 🍫 Hash 🌿 Beuh"),
    in order, one per column (an emoji and its word are one column): None unless the line names two
    different products and holds nothing else but a label, bullets and bars."""
    cols: list[str] = []
    for p in products:
        if not cols or cols[-1] != p:
            cols.append(p)
    if len(set(cols)) < 2 or len(cols) != len(set(cols)):
        return None
    words = [w for w in re.findall(r"[^\W\d_]+", text[start:end]) if w not in _HEADER_WORDS]
    return cols if len(words) <= 2 * len(cols) else None  # ("Jaune mousseux", "Lemon Haze": two words a column)


def product_row(toks: list[Tok], cols: list[str], text: str) -> list[tuple[Point, str]] | None:
    """The points of a row under a header of products ("4oz  £560  £420" under "QTY FLOWER SOLID"),
    each with its column's product; None when the row does not fit (a quantity first, then one cell
    a column: a price or an empty cell)."""
    if not toks or toks[0].kind not in ("QTY", "NAMED") or any(t.kind == "PROD" for t in toks):
        return None
    qty = toks[0]
    row = cells(text, qty.end, toks[-1].end)
    values = [t for t in toks[1:] if t.kind in ("PRICE", "NUM")]
    if (len(row) != len(cols) or not values
            or not all(_EMPTY_CELL_RE.match(c) or _PRICE_CELL_RE.match(c) for c in row)
            or sum(1 for c in row if _PRICE_CELL_RE.match(c)) != len(values)):
        return None
    out: list[tuple[Point, str]] = []
    it = iter(values)
    for product, c in zip(cols, row, strict=True):
        if _EMPTY_CELL_RE.match(c):
            continue
        v = next(it)
        out.append((Point(v.start, v.end, qty.value, qty.unit, v.value, v.unit if v.kind == "PRICE" else None,
                          "price_table"), product))
    return out
