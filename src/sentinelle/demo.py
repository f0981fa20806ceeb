"""The README's main job: analyse the bundled sample corpus and tell a newcomer what came out."""

from __future__ import annotations

import json
import sys
import textwrap
from collections import Counter
from pathlib import Path
from typing import Any

from .api import run_batch
from .jsonl import Reject
from .lexicon import data_dir

SAMPLE = "sample/sample.jsonl"


def sample_path() -> Path:
    return data_dir() / SAMPLE


def run_demo(db: str | None = None, output: str | None = None, examples: int = 3) -> int:
    path = sample_path()
    records: list[dict[str, Any]] = []
    rejects: list[Reject] = []
    summary = run_batch([str(path)], records.append, rejects.append)
    if output:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        with open(output, "w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    gold = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            g = json.loads(line)
            gold[str(g["id"])] = g
    texts = {k: g["text"] for k, g in gold.items()}
    agree = sum(1 for r in records if gold.get(r["id"], {}).get("category") == r["category"])
    products = Counter(p for r in records for p in r["products"])
    out = sys.stdout
    print(f"Sentinelle analysed the bundled sample corpus ({path.name}, {summary.read} synthetic posts) "
          f"in {summary.seconds:.1f} s ({summary.rate:,.0f} posts/s).", file=out)
    print("\nVerdicts:", file=out)
    for cat in ("sale", "recruitment", "other"):
        print(f"  {cat:12} {summary.categories.get(cat, 0):6}", file=out)
    print(f"  agreement with the generator's labels: {agree / max(len(records), 1):.1%}", file=out)
    print("\nMost advertised products:", file=out)
    for name, n in products.most_common(6):
        print(f"  {name:22} {n:6} posts", file=out)
    for cat in ("sale", "recruitment", "other"):
        shown = [r for r in records if r["category"] == cat][:examples if cat == "sale" else 1]
        for r in shown:
            _show(r, texts.get(r["id"], ""), out)
    if rejects:
        print(f"\n{len(rejects)} lines rejected: {rejects[0].message}", file=out)
    if output:
        print(f"\nEvery verdict with its evidence: {output}", file=out)
    return 0


def _show(r: dict[str, Any], text: str, out: Any) -> None:
    print(f"\n── {r['id']}: {r['category'].upper()} (score {r['score']:.2f})", file=out)
    print(textwrap.indent(textwrap.shorten(text.replace("\n", " ⏎ "), 220), "   "), file=out)
    facts = []
    if r["products"]:
        facts.append("products " + ", ".join(r["products"]))
    if r["prices"]:
        p = r["prices"][0]
        facts.append(f"price {p['price']:g} {p['currency']} for {p['quantity']:g} {p['unit']} of {p['product']}")
    for key in ("phones", "places"):
        if r[key]:
            facts.append(f"{key} " + ", ".join(map(str, r[key][:3])))
    if facts:
        print("   facts: " + "; ".join(facts), file=out)
    why = [e for e in r["evidence"] if e["field"] == "category"][:4]
    if why:
        print("   why:   " + "; ".join(f"{e['text']!r} ({e['rule']})" for e in why), file=out)
