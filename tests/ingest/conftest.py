from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sentinelle.core import Post
from sentinelle.ingest import FileInfo, Rejected, read_path

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "exports"


class Result:
    def __init__(self, path: Path | str, **kw: Any) -> None:
        self.items = list(read_path(path, **kw))
        self.posts: list[Post] = [i.post for i in self.items if i.kind == "post" and i.post]
        self.rejects: list[Rejected] = [i.reject for i in self.items if i.kind == "reject" and i.reject]
        self.files: list[FileInfo] = [i.file for i in self.items if i.kind == "file" and i.file]

    def meta(self, n: int) -> dict[str, str]:
        return dict(self.posts[n].meta)

    def by_locator(self, loc: str) -> Post:
        return next(p for p in self.posts if p.provenance and p.provenance.locator == loc)


@pytest.fixture
def run():
    return Result
