"""The library face of Sentinelle: everything the CLI and the web app do goes through here.

    from sentinelle import api
    result = api.analyze_text("🍁 10g = 80€, livraison Lyon")
    result.category, result.score, result.to_record()

Posts: `analyze_text`, `analyze_post`, `analyze_posts`. Batches of JSONL: `analyze_files`,
`run_batch` (see `batch.py`). Collected exports and the store: `ingest`, `reanalyse`, `search`,
`export_posts`, `verify` (see `collect.py`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from .batch import BatchSummary, Item, analyze_files, run_batch
from .collect import IngestReport, export_posts, ingest, open_db, reanalyse, search, verify
from .core import Analysis, Post
from .pipeline import Pipeline

__all__ = ["Analysis", "BatchSummary", "IngestReport", "Item", "Pipeline", "Post", "analyze_files",
           "analyze_post", "analyze_posts", "analyze_text", "default_pipeline", "export_posts", "ingest",
           "open_db", "reanalyse", "run_batch", "search", "verify"]


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return Pipeline()


def analyze_post(post: Post, pipeline: Pipeline | None = None) -> Analysis:
    return (pipeline or default_pipeline()).analyse(post)


def analyze_posts(posts: Iterable[Post], pipeline: Pipeline | None = None) -> Iterator[Analysis]:
    p = pipeline or default_pipeline()
    for post in posts:
        yield p.analyse(post)


def analyze_text(text: str, *, id: str = "1", platform: str = "", author: str = "", date: str = "",
                 lang: str = "") -> Analysis:
    """Analyse one text (handy in notebooks and tests)."""
    return analyze_post(Post(id=id, text=text, platform=platform, author=author, date=date, lang=lang))
