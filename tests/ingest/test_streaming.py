"""A big Telegram export is read one message at a time: memory stays far below the file size."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from sentinelle.ingest import read_path


def _write_export(path: Path, n: int, pad: int = 0) -> None:
    filler = "x" * pad
    with path.open("w", encoding="utf-8") as fh:
        fh.write('{\n "name": "Gros Canal",\n "type": "public_channel",\n "id": 1,\n "messages": [\n')
        for i in range(n):
            if i:
                fh.write(",\n")
            fh.write(f'  {{"id": {i}, "type": "message", "date": "2024-03-12T14:00:00", '
                     f'"date_unixtime": "{1710248400 + i}", "from": "Canal", "from_id": "channel1", '
                     f'"text": ["Menu {i} ", {{"type": "bold", "text": "10€ le g"}}, " livraison 7j/7"], '
                     f'"text_entities": [{{"type": "plain", "text": "Menu {i} "}}, '
                     f'{{"type": "bold", "text": "10€ le g"}}, '
                     f'{{"type": "plain", "text": " livraison 7j/7"}}], '
                     f'"reactions": [{{"type": "emoji", "count": 1, "emoji": "{filler}"}}]}}')
        fh.write("\n ]\n}\n")


def test_big_telegram_export_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    n = 20_000  # ~3 KB each: tracemalloc makes every allocation slow, so fewer, bigger messages
    _write_export(path, n, pad=2500)
    size = path.stat().st_size
    assert size > 50_000_000
    count = 0
    last = None
    tracemalloc.start()
    try:
        for item in read_path(path):
            if item.kind == "post":
                count += 1
                last = item.post
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == n
    assert last is not None and last.text == f"Menu {n - 1} 10€ le g livraison 7j/7"
    assert peak < 3_000_000, f"peak {peak:,} bytes for a {size:,}-byte file"
