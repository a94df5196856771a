"""A progress bar by bytes for structured imports, on stderr, fed by DuckDB's own query progress.

Why: a GDELT year loads for minutes, and the bar of files done says nothing while one big file is
read. DuckDB knows how far its CSV reader is (`query_progress()`, a percentage of the current
query) but draws its own bar on stdout, which is for results; so its drawing stays off
(`enable_progress_bar_print = false`) and a thread asks every `POLL_SECONDS` how far the staging
query is, mapping the percentage onto the file's bytes. One bar covers every structured file of
the run (their total size); its description names the file and what is happening to it.

The ingest command turns it on with its progress bars (`--progress`, default: stderr is a
terminal); when off, nothing here runs, so it costs an ingest nothing.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from pathlib import Path

import duckdb
from rich.progress import Progress, TaskID

#: How often the reading thread asks DuckDB for its progress.
POLL_SECONDS = 0.2


class ByteProgress:
    """One rich task counting the bytes of the run's structured files."""

    def __init__(self, progress: Progress, total: int):
        self.progress = progress
        self.task: TaskID = progress.add_task("data files", total=max(total, 1))
        self.done = 0  # bytes of the files finished before the current one
        self.total = total

    @contextlib.contextmanager
    def file(self, path: Path, size: int) -> Iterator[None]:
        """Around one file: whatever happens inside, the bar ends at the end of its bytes."""
        if self.done + size > self.total:  # a file the plan did not count (e.g. found structured late)
            self.total = self.done + size
            self.progress.update(self.task, total=self.total)
        self.progress.update(self.task, description=f"{path.name}: hashing", completed=self.done)
        try:
            yield
        finally:
            self.done += size
            self.progress.update(self.task, completed=self.done)

    def phase(self, path: Path, what: str) -> None:
        self.progress.update(self.task, description=f"{path.name}: {what}")

    @contextlib.contextmanager
    def reading(self, con: duckdb.DuckDBPyConnection, path: Path, size: int) -> Iterator[None]:
        """While the query inside runs, advance through this file's bytes as DuckDB reads it."""
        self.phase(path, "reading")
        con.execute("SET enable_progress_bar_print = false")
        con.execute("SET enable_progress_bar = true")  # DuckDB computes query_progress only with it on
        stop = threading.Event()
        base = self.done

        def poll() -> None:
            while not stop.wait(POLL_SECONDS):
                try:
                    pct = con.query_progress()
                except duckdb.Error:
                    return
                if pct >= 0:
                    self.progress.update(self.task, completed=base + size * min(pct, 100.0) / 100.0)

        watcher = threading.Thread(target=poll, name="trustledger-byte-progress", daemon=True)
        watcher.start()
        try:
            yield
        finally:
            stop.set()
            watcher.join()
            with contextlib.suppress(duckdb.Error):
                con.execute("SET enable_progress_bar = false")
            self.progress.update(self.task, completed=base + size)
            self.phase(path, "storing")


#: The running ingest's byte bar, or None (no bar: nothing is polled).
CURRENT: ContextVar[ByteProgress | None] = ContextVar("trustledger_byte_progress", default=None)


@contextlib.contextmanager
def byte_bar(progress: Progress, files: Iterable[Path], structured: Iterable[str], enabled: bool) -> Iterator[None]:
    """Make a byte bar for the structured files among `files` current for the duration (when enabled).
    Which files are structured is sniffed from their first bytes (`detect`), only when the bar shows."""
    if not enabled:
        yield
        return
    from trustledger.ingest import detect

    kinds = set(structured)
    total = 0
    for f in files:
        with contextlib.suppress(OSError):
            if detect.detect(f) in kinds:
                total += f.stat().st_size
    token = CURRENT.set(ByteProgress(progress, total))
    try:
        yield
    finally:
        CURRENT.reset(token)


def watch_file(path: Path, size: int) -> contextlib.AbstractContextManager[None]:
    bar = CURRENT.get()
    return bar.file(path, size) if bar is not None else contextlib.nullcontext()


def watch_reading(con: duckdb.DuckDBPyConnection, path: Path, size: int) -> contextlib.AbstractContextManager[None]:
    bar = CURRENT.get()
    return bar.reading(con, path, size) if bar is not None else contextlib.nullcontext()


def phase(path: Path, what: str) -> None:
    bar = CURRENT.get()
    if bar is not None:
        bar.phase(path, what)
