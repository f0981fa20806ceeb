"""Background imports: an uploaded export is read into the store by `sentinelle.collect.ingest` in a
thread of its own (with its own store connection) while the page polls its progress."""

from __future__ import annotations

import re
import secrets
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..collect import FileReport, ingest, reanalyse
from ..errors import SentinelleError
from .base import StorePool

_SAFE = re.compile(r"[^A-Za-z0-9._-]+")
MAX_REJECTS = 1000  # shown on the page; the counts stay exact


@dataclass
class ImportJob:
    id: str
    user: str
    filename: str
    state: str = "queued"  # queued, reading, analysing, done, failed
    started: float = field(default_factory=time.time)
    finished: float | None = None
    files: int = 0
    added: int = 0
    duplicates: int = 0
    rejected: int = 0
    analysed: int = 0
    rejects: list[dict[str, str]] = field(default_factory=list)
    error: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def running(self) -> bool:
        return self.state in ("queued", "reading", "analysing")

    def on_file(self, fr: FileReport) -> None:
        with self.lock:
            self.files += 1
            self.added += fr.added
            self.duplicates += fr.duplicates
            self.rejected += len(fr.rejected)
            where = fr.path.rsplit("/", 1)[-1] + (f"!{fr.member}" if fr.member else "")
            for r in fr.rejected:
                if len(self.rejects) < MAX_REJECTS:
                    self.rejects.append({"file": where, "where": r.get("where", ""), "code": r.get("code", ""),
                                         "message": r.get("message", "")})

    def summary(self) -> dict[str, Any]:
        return {"file": self.filename, "files": self.files, "added": self.added, "duplicates": self.duplicates,
                "rejected": self.rejected, "analysed": self.analysed, "state": self.state}


def safe_name(name: str) -> str:
    """An uploaded file's name reduced to a harmless base name (importers detect formats by content)."""
    base = _SAFE.sub("_", name.replace("\\", "/").rsplit("/", 1)[-1]).strip("._") or "upload"
    return base[:100]


def start(pool: StorePool, jobs: dict[str, ImportJob], *, user: str, filename: str, data: IO[bytes],
          case: str = "", on_done: Any = None) -> ImportJob:
    """Copy the upload to a temporary folder and ingest it in a background thread."""
    job = ImportJob(secrets.token_urlsafe(9), user, safe_name(filename))
    folder = Path(tempfile.mkdtemp(prefix=f"sentinelle-import-{job.id[:6]}-"))
    path = folder / job.filename
    with path.open("wb") as out:
        shutil.copyfileobj(data, out, 1 << 20)
    jobs[job.id] = job

    def run() -> None:
        try:
            with pool.open() as store:
                job.state = "reading"
                ingest([path], store, case=case, analyse=False, on_file=job.on_file)
                job.state = "analysing"
                job.analysed = int(reanalyse(store)["analysed"])
                job.state = "done"
                if on_done is not None:
                    on_done(store, job)
        except SentinelleError as e:
            job.error = str(e)
            job.state = "failed"
        except Exception as e:  # noqa: BLE001 - a background job reports any failure on its page
            job.error = f"{type(e).__name__}: {e}"
            job.state = "failed"
        finally:
            job.finished = time.time()
            shutil.rmtree(folder, ignore_errors=True)

    threading.Thread(target=run, name=f"import-{job.id}", daemon=True).start()
    return job
