from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sentinelle.core import Post, Provenance, empty_record
from sentinelle.store import FileInfo, Store, open_store

SHA = "a" * 64

# id, platform, author, date, text
POSTS = [
    ("t1", "telegram", "@PlugLyon", "2024-03-01T10:00:00+01:00", "Cocaïne pure dispo, livraison Lyon 7j/7"),
    ("t2", "telegram", "pluglyon", "2024-03-15T23:30:00+01:00", "COCAINE 60€ le g, Villeurbanne"),
    ("s1", "snapchat", "weed.paris", "2024-04-02T08:00:00Z", "Beuh cali 10g 80€ Paris 18"),
    ("s2", "Snapchat", "weed.paris", "2024-04-03T12:00:00", "Recrute charbonneur, 150€/jour, Saint-Étienne"),
    ("i1", "instagram", "cuisine_maman", "2024-05-01T09:00:00+02:00", "Recette de la tarte aux pommes"),
    ("x1", "twitter", "observatoire", "", "Article: la cocaïne en hausse à Marseille"),
]

RECORDS: dict[str, dict[str, Any]] = {
    "t1": {"category": "sale", "score": 0.97, "products": ["cocaine"], "places": ["Lyon"],
           "departments": ["69"],
           "delivery": True, "always_open": True, "phones": ["+33612345678"],
           "handles": [{"platform": "snapchat", "handle": "PlugLyon"}]},
    "t2": {"category": "sale", "score": 0.95, "products": ["cocaine"], "places": ["Villeurbanne"],
           "departments": ["69"], "prices": [{"product": "cocaine", "quantity": 1, "unit": "g", "price": 60,
                                              "currency": "EUR"}], "phones": ["+33612345678"]},
    "s1": {"category": "sale", "score": 0.9, "products": ["cannabis_herb"], "places": ["Paris"],
           "departments": ["75"]},
    "s2": {"category": "recruitment", "score": 0.8, "places": ["Saint-Étienne"], "departments": ["42"]},
    "i1": {"category": "other", "score": 0.02},
    "x1": {"category": "other", "score": 0.1, "places": ["Marseille"]},
}


def make_posts(sha: str = SHA, path: str = "export.json") -> list[Post]:
    return [Post(id=i, text=text, platform=pl, author=au, date=d, source=f"{path}#{n}",
                 provenance=Provenance(sha, path, "", str(n)),
                 meta=(("chat", "Plug"),) if pl == "telegram" else ())
            for n, (i, pl, au, d, text) in enumerate(POSTS)]


def record(post_id: str) -> dict[str, Any]:
    return {**empty_record(post_id), **RECORDS[post_id]}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "case.db")
    yield s
    s.close()


@pytest.fixture
def filled(store: Store, tmp_path: Path) -> Store:
    original = tmp_path / "export.json"
    original.write_text("{}")
    sha = store.add_original(original)
    store.add_posts(make_posts(sha, "export.json"),
                    file=FileInfo(sha, "export.json", format="test", case="op-lyon"))
    run = store.start_run("analyse", {"lexicons": "v1", "model": "m1"})
    store.save_results(run, ((i, record(i)) for i in RECORDS))
    return store
