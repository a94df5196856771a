"""Request-scoped store access and the validated parameter types every route shares.

The web app never holds the store open while it is idle: requests read through a read-only
connection that is opened when one arrives and closed half a second after the last one ends
(`StorePool`). So `trustledger ingest` can write between uses, a request that arrives while a
writer holds the file gets a clear 503 "store busy" (DuckDB's file lock refuses it; nothing
is read half-written), and the app can never modify the store.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any

import duckdb
from fastapi import Path as PathParam
from fastapi import Query, Request

from trustledger.errors import UserError
from trustledger.store.db import Store

COUNTRY_PATTERN = r"^[A-Z]{3}$"
ID_PATTERN = r"^[A-Za-z0-9_.:-]{1,64}$"
DOC_ID_PATTERN = r"^[0-9a-f]{16}$"
#: How long a request waits for a writer to release the store before answering 503.
BUSY_WAIT_SECONDS = 1.0


class StoreUnavailable(Exception):
    """The store cannot be opened for reading right now (a writer holds it, or it is gone)."""

    def __init__(self, message: str, busy: bool) -> None:
        super().__init__(message)
        self.busy = busy


def open_store(db_path: Path) -> Store:
    try:
        return Store(db_path, read_only=True, busy_timeout=BUSY_WAIT_SECONDS)
    except UserError as e:
        busy = "busy" in str(e)
        raise StoreUnavailable(
            "store busy: trustledger is writing to the store; try again in a moment" if busy
            else f"store unavailable: {e}", busy) from e


class _CursorStore(Store):
    """A Store over one cursor of a shared read-only connection (each request gets its own)."""

    def __init__(self, path: str, con: duckdb.DuckDBPyConnection, memo: Memo | None = None) -> None:
        self.path = path
        self.read_only = True
        self.con = con
        self.memo = memo


class Memo:
    """Results of expensive analyses (an assessment runs ~17 queries) for one state of the store file.

    Valid while the read-only connection it belongs to is open: no writer can change the file
    then (DuckDB's lock), and a new connection starts a new Memo unless the file's size and
    modification time (and its WAL's) are unchanged.
    """

    def __init__(self, signature: tuple, size: int = 128) -> None:
        self.signature = signature
        self.size = size
        self._items: OrderedDict[tuple, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


def file_signature(path: Path) -> tuple:
    out = []
    for p in (path, path.with_name(path.name + ".wal")):
        try:
            st = p.stat()
            out.append((st.st_mtime_ns, st.st_size, st.st_ino))
        except OSError:
            out.append(None)
    return tuple(out)


def memo(store: Store, key: tuple, compute: Callable[[], Any]) -> Any:
    """`compute()`, remembered for this state of the store when the store comes from the pool."""
    m = getattr(store, "memo", None)
    return m.get(key, compute) if m is not None else compute()


class StorePool:
    """Read-only access shared by the requests in flight, released when the app goes idle.

    Opening the store file costs ~30 ms; a cursor on an open connection costs well under 1 ms.
    So while requests overlap they share one read-only connection (one cursor each, as DuckDB
    wants for threads), and once none has been in flight for `idle_seconds` the connection is
    closed and the file lock released, so `trustledger ingest` can write between bursts of use.
    """

    def __init__(self, db_path: Path, idle_seconds: float = 0.5) -> None:
        self.db_path = db_path
        self.idle_seconds = idle_seconds
        self._lock = threading.Lock()
        self._base: Store | None = None
        self._users = 0
        self._generation = 0
        self._memo: Memo | None = None

    def acquire(self) -> Store:
        with self._lock:
            if self._base is None:
                self._base = open_store(self.db_path)
                signature = file_signature(self.db_path)
                if self._memo is None or self._memo.signature != signature:
                    self._memo = Memo(signature)
            self._users += 1
            try:
                return _CursorStore(self._base.path, self._base.con.cursor(), self._memo)
            except Exception:
                self._users -= 1
                raise

    def release(self, store: Store) -> None:
        try:
            store.close()
        finally:
            with self._lock:
                self._users -= 1
                if self._users == 0:
                    self._generation += 1
                    timer = threading.Timer(self.idle_seconds, self._close_if_idle, args=(self._generation,))
                    timer.daemon = True
                    timer.start()

    def _close_if_idle(self, generation: int) -> None:
        with self._lock:
            if self._users == 0 and generation == self._generation and self._base is not None:
                self._base.close()
                self._base = None

    def close(self) -> None:
        with self._lock:
            if self._base is not None:
                self._base.close()
                self._base = None


def store(request: Request) -> Iterator[Store]:
    """FastAPI dependency: a read-only store for this request only."""
    pool: StorePool = request.app.state.store_pool
    s = pool.acquire()
    try:
        yield s
    finally:
        pool.release(s)


CountryPath = Annotated[str, PathParam(pattern=COUNTRY_PATTERN, description="Three-letter CAMEO/ISO3 code, e.g. IRN.",
                                       examples=["IRN"])]
CountryQuery = Annotated[str | None, Query(pattern=COUNTRY_PATTERN, description="Three-letter CAMEO/ISO3 code.")]
Since = Annotated[dt.date | None, Query(description="Start of the period (YYYY-MM-DD).")]
Until = Annotated[dt.date | None, Query(description="End of the period (YYYY-MM-DD).")]
Limit = Annotated[int, Query(ge=1, le=5000, description="Most rows to return (1–5000).")]
SearchText = Annotated[str | None, Query(max_length=200, description="Words to find (case-insensitive).")]
CommitmentId = Annotated[str, PathParam(pattern=ID_PATTERN, description="A commitment_id from the ledger.")]
DocId = Annotated[str, PathParam(pattern=DOC_ID_PATTERN, description="A doc_id (16 hex digits).")]


def check_period(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise UserError(f"since {since} is after until {until}")
