from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sentinelle.corpus.generator import generate
from sentinelle.observatory.gold import post_from_gold, record_from_gold
from sentinelle.store import Store, open_store


def load_gold(store: Store, gold: list[dict[str, Any]]) -> None:
    store.add_posts(post_from_gold(d) for d in gold)
    run = store.start_run("gold", {"source": "generator"})
    store.save_results(run, ((d["id"], record_from_gold(d)) for d in gold))


@pytest.fixture(scope="session")
def gold20k() -> list[dict[str, Any]]:
    return list(generate(20000, seed=11))


@pytest.fixture(scope="session")
def gold_store(tmp_path_factory: pytest.TempPathFactory, gold20k: list[dict[str, Any]]) -> Iterator[Store]:
    path = Path(tmp_path_factory.mktemp("obs")) / "gold.db"
    store = open_store(path)
    load_gold(store, gold20k)
    yield store
    store.close()


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "t.db")
    yield s
    s.close()
