"""How much memory a structured import may use, and how many rows one of its transactions may add.

Why: a GDELT year is tens of gigabytes; an import must not need the file in memory. DuckDB reads the
file, stages it and checks it within `memory_limit`, spilling the rest to its temporary directory
(next to the store: `<store>.tmp`). One structure cannot spill inside a transaction: the `events`
primary-key index of the rows a transaction adds, held once for the transaction and again while
it is merged at commit (about 40 bytes per event each, measured on GDELT ids). So a file whose
new events would need more than a share of the limit is inserted in several transactions of
`chunk_rows` events each (`events.insert_events`); see `loader.run_import` for how that stays all
or nothing.

The limit: `--memory-limit` (ingest), else `TRUSTLEDGER_MEMORY_LIMIT`, else 60% of the machine's
memory; any DuckDB size ('300MB', '4GB') or a share of memory ('50%').
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from contextvars import ContextVar

import duckdb

from trustledger.errors import UserError

ENV = "TRUSTLEDGER_MEMORY_LIMIT"
DEFAULT_SHARE = 0.6
#: Bytes of memory budgeted per event a transaction adds: its index entry twice at commit (~80 B)
#: and headroom for the insert's own pipeline, which shares the limit.
BYTES_PER_EVENT = 1000
MIN_CHUNK_ROWS = 100_000

#: The limit asked for by the running ingest (`--memory-limit`); None: the environment or the default.
REQUESTED: ContextVar[str | None] = ContextVar("trustledger_memory_limit", default=None)

_UNITS = {"": 1, "b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12,
          "kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40}


def physical_memory() -> int:
    """The machine's memory in bytes (0 where it cannot be known)."""
    try:
        return int(os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE"))
    except (ValueError, OSError, AttributeError):
        return 0


def parse_size(text: str) -> int:
    """Bytes for '300MB', '4 GiB', '60%' (of the machine's memory) or a plain number of bytes."""
    s = text.strip().lower()
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(%|[kmgt]i?b|b|)", s)
    if not m:
        raise UserError(f"memory limit {text!r}: expected a size such as 300MB, 4GB or 60%")
    value, unit = float(m.group(1)), m.group(2)
    if unit == "%":
        if not 0 < value <= 100:
            raise UserError(f"memory limit {text!r}: a share must be between 0% and 100%")
        return int(physical_memory() * value / 100)
    return int(value * _UNITS[unit])


def limit_bytes() -> int:
    """The memory limit for this ingest in bytes (see module doc for where it comes from)."""
    asked = REQUESTED.get() or os.environ.get(ENV)
    if asked:
        return parse_size(asked)
    return int(physical_memory() * DEFAULT_SHARE) or 4 * 10**9


def chunk_rows(limit: int) -> int:
    """Most events one transaction adds under `limit` bytes (see BYTES_PER_EVENT)."""
    return max(MIN_CHUNK_ROWS, limit // BYTES_PER_EVENT)


@contextlib.contextmanager
def memory_limit(con: duckdb.DuckDBPyConnection, limit: int) -> Iterator[None]:
    """DuckDB's `memory_limit` set to `limit` bytes for the duration; the previous value comes back
    after, so queries that follow an ingest in the same process keep their own setting."""
    before = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    con.execute(f"SET memory_limit = '{max(limit // 2**20, 16)}MiB'")
    try:
        yield
    finally:
        with contextlib.suppress(duckdb.Error):
            con.execute("RESET memory_limit")  # the default exactly (the shown value is rounded)
            if con.execute("SELECT current_setting('memory_limit')").fetchone()[0] != before:
                con.execute(f"SET memory_limit = '{before}'")


@contextlib.contextmanager
def requested(limit: str | None) -> Iterator[None]:
    """Use `limit` (`--memory-limit`, checked here) for the structured imports run inside."""
    if limit is not None:
        parse_size(limit)
    token = REQUESTED.set(limit)
    try:
        yield
    finally:
        REQUESTED.reset(token)


@contextlib.contextmanager
def one_thread(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """DuckDB on one thread for the duration: an insert in parts runs near the memory limit, and every
    thread keeps its own row-group buffers (a 1M-row GDELT file at 100 MB: out of memory on two threads,
    loaded on one)."""
    before = con.execute("SELECT current_setting('threads')").fetchone()[0]
    con.execute("SET threads = 1")
    try:
        yield
    finally:
        with contextlib.suppress(duckdb.Error):
            con.execute(f"SET threads = {int(before)}")
