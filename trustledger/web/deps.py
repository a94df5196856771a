"""Request-scoped store access and the validated parameter types every route shares.

The web app never keeps a writer out: requests read through a read-only connection that is
opened when one arrives and closed half a second after the last one ends (`StorePool`), and
at once when a writer is waiting for the file (`trustledger ingest` announces itself next to
the store; see `trustledger.store.db`). While a writer waits or holds the file, a request
waits up to `BUSY_WAIT_SECONDS` and then gets a 503 "store busy ..." naming the holder; once
the writer is done, requests are answered again. The app can never modify the store.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any

import duckdb
from fastapi import Path as PathParam
from fastapi import Query, Request
from pydantic import BeforeValidator

from trustledger import country_names
from trustledger.dates_arg import first_day, last_day
from trustledger.errors import StoreBusy, UserError
from trustledger.store.db import Store, waiting_writer

ID_PATTERN = r"^[A-Za-z0-9_.:-]{1,64}$"
DOC_ID_PATTERN = r"^[0-9a-f]{16}$"
#: How long a request waits for a writer to release the store before answering 503.
BUSY_WAIT_SECONDS = 1.0
#: How often a waiting request looks again.
POLL_SECONDS = 0.05


def open_store(db_path: Path) -> Store:
    """One read-only connection, one attempt (the pool does the waiting)."""
    return Store(db_path, read_only=True, busy_timeout=0)


def _writer_waits(db_path: Path, pid: int, command: str) -> StoreBusy:
    return StoreBusy(str(db_path), f"store busy: {command} (pid {pid}) is about to write to it; retry in a moment",
                     holder=f"{command} (pid {pid})", pid=pid, mode="writer")


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
        self._pending: dict[tuple, threading.Event] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """The remembered value, or `compute()` run once for concurrent requests of the same key.

        Requests arriving while the value is being computed wait for it instead of computing it
        again (a cold dyad page costs ~0.5 s; forty at once would hold the store for seconds).
        """
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            pending = self._pending.get(key)
            owner = pending is None
            if owner:
                pending = self._pending[key] = threading.Event()
        if not owner:
            pending.wait()
            with self._lock:
                if key in self._items:
                    return self._items[key]
            return compute()   # the first request failed: this one tries on its own
        try:
            value = compute()
            with self._lock:
                self._items[key] = value
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
            return value
        finally:
            with self._lock:
                self._pending.pop(key, None)
            pending.set()


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
    """Read-only access shared by the requests in flight, released when the app goes idle or a writer waits.

    Opening the store file costs ~30 ms; a cursor on an open connection costs well under 1 ms.
    So while requests overlap they share one read-only connection (one cursor each, as DuckDB
    wants for threads); the connection is closed once none has been in flight for
    `idle_seconds`, or as soon as none is in flight while a writer waits for the file. While a
    writer waits no new request gets a cursor, so the requests in flight drain and the writer
    gets in within the time of the slowest of them.
    """

    def __init__(self, db_path: Path, idle_seconds: float = 0.5, busy_wait: float = BUSY_WAIT_SECONDS) -> None:
        self.db_path = db_path
        self.idle_seconds = idle_seconds
        self.busy_wait = busy_wait
        self._lock = threading.Lock()
        self._base: Store | None = None
        self._users = 0
        self._generation = 0
        self._memo: Memo | None = None

    def acquire(self) -> Store:
        """A cursor for one request; waits up to `busy_wait` s for a writer, then raises `StoreBusy`."""
        deadline = time.monotonic() + self.busy_wait
        while True:
            waiting = waiting_writer(self.db_path)
            with self._lock:
                if waiting is None:
                    try:
                        return self._checkout()
                    except StoreBusy as e:
                        busy = e
                else:
                    busy = _writer_waits(self.db_path, *waiting)
                    self._close_unused()
            if time.monotonic() >= deadline:
                raise busy
            time.sleep(POLL_SECONDS)

    def _checkout(self) -> Store:
        """(Under the lock) open the shared connection if needed and hand out a cursor on it."""
        if self._base is None:
            self._base = open_store(self.db_path)
            signature = file_signature(self.db_path)
            if self._memo is None or self._memo.signature != signature:
                self._memo = Memo(signature)
        cursor = self._base.con.cursor()
        self._users += 1
        return _CursorStore(self._base.path, cursor, self._memo)

    def _close_unused(self) -> None:
        """(Under the lock) close the shared connection if no request is using it."""
        if self._users == 0 and self._base is not None:
            self._base.close()
            self._base = None

    def release(self, store: Store) -> None:
        try:
            store.close()
        finally:
            with self._lock:
                self._users -= 1
                if self._users == 0:
                    self._generation += 1
                    if waiting_writer(self.db_path) is not None:
                        self._close_unused()
                    else:
                        timer = threading.Timer(self.idle_seconds, self._close_if_idle, args=(self._generation,))
                        timer.daemon = True
                        timer.start()

    def _close_if_idle(self, generation: int) -> None:
        with self._lock:
            if generation == self._generation:
                self._close_unused()

    @property
    def is_open(self) -> bool:
        return self._base is not None

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


def _country_validator(optional: bool) -> BeforeValidator:
    """The one country resolver (`trustledger.country_names`) as a pydantic validator, so the JSON API
    takes what the CLI and the pages take ("Iran", "IR", "IRN" are IRN); its message becomes the 422."""

    def validate(value: Any) -> str | None:
        if optional and (value is None or (isinstance(value, str) and not value.strip())):
            return None   # a form's empty field: no filter
        if not isinstance(value, str) or len(value) > 80:
            raise ValueError("expected a country name or code, e.g. Iran or IRN")
        try:
            return country_names.resolve(value)
        except UserError as e:
            raise ValueError(str(e)) from None

    return BeforeValidator(validate)


COUNTRY_HELP = "A country: name or ISO2/ISO3/CAMEO code (Iran, IR, IRN); answered as its CAMEO code."
CountryPath = Annotated[str, _country_validator(False), PathParam(description=COUNTRY_HELP, examples=["IRN"])]
CountryQuery = Annotated[str | None, _country_validator(True), Query(description=COUNTRY_HELP)]


def _day_validator(parse: Callable[[Any, str], dt.date | None], what: str) -> BeforeValidator:
    """The one day parser (`trustledger.dates_arg`) as a pydantic validator: its message becomes the 422."""

    def validate(value: Any) -> dt.date | None:
        if isinstance(value, str) and not value.strip():
            return None    # a form's empty since/until field: no bound
        try:
            return parse(value, what)
        except UserError as e:
            raise ValueError(str(e)) from None

    return BeforeValidator(validate)


Since = Annotated[dt.date | None, _day_validator(first_day, "since"),
                  Query(description="Start of the period: YYYY-MM-DD, or YYYY-MM / YYYY for its first day.",
                        examples=["2001-03-01"])]
Until = Annotated[dt.date | None, _day_validator(last_day, "until"),
                  Query(description="End of the period: YYYY-MM-DD, or YYYY-MM / YYYY for its last day.",
                        examples=["2011-12-31"])]
Limit = Annotated[int, Query(ge=1, le=5000, description="Most rows to return (1–5000).")]
SearchText = Annotated[str | None, Query(max_length=200, description="Words to find (case-insensitive).")]
CommitmentId = Annotated[str, PathParam(pattern=ID_PATTERN, description="A commitment_id from the ledger.")]
DocId = Annotated[str, PathParam(pattern=DOC_ID_PATTERN, description="A doc_id (16 hex digits).")]
#: A country in a page's address as a reader may type it (a name, ISO2, ISO3 or CAMEO code).
CountryWords = Annotated[str, PathParam(max_length=60, description="A country name or code, e.g. Iran or IRN.")]

