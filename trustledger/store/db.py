"""The DuckDB store: the only state shared between pipeline stages.

One file holds every table. DuckDB locks the file: one writer process, or any number of
read-only processes, never both. Opening a store that another process holds raises
`StoreBusy` naming the holder where it can be known ("held by trustledger serve (pid 1234), a
reader"); a missing store raises `StoreMissing` and anything else at the path `NotAStore`.

Readers and writers: a writer that finds the store held keeps retrying for `busy_timeout`
seconds and meanwhile announces itself in a small file next to the store
(`<store>.writer-waiting`: its pid and command, refreshed every retry). Long-lived readers
(the web app) check `waiting_writer()` and let go of the file as soon as their requests in
flight end, so a busy `trustledger serve` cannot keep `trustledger ingest` out.

Schema changes are numbered SQL migrations applied in order on open.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import duckdb
import pyarrow as pa

from trustledger.errors import NotAStore, StoreBusy, StoreError, StoreMissing

DEFAULT_DB = "trustledger.duckdb"

#: Tables whose row counts `stats` reports, in this order.
COUNTED_TABLES = (
    "documents", "sentences", "events", "commitments", "outcomes", "ledger",
    "votes", "roll_calls", "vetoes", "rejects", "stage_errors", "source_files",
)

#: Next to the store: the file in which a writer waiting for the lock announces itself.
WAITING_SUFFIX = ".writer-waiting"
#: A waiting writer refreshes its file every retry; one older than this is a leftover.
WAITING_FRESH_SECONDS = 3.0
#: How often a blocked open tries again.
RETRY_SECONDS = 0.1


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("trustledger.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        m = re.match(r"(\d+)_.*\.sql$", entry.name)
        if m:
            found.append((int(m.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(found)


def schema_version_available() -> int:
    return max(n for n, _ in _migrations())


# -- who holds the store ----------------------------------------------------------------
def describe_process(pid: int) -> str | None:
    """'trustledger serve' for a trustledger command, else the program's name; None if unknown."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    args = [a.decode("utf-8", "replace") for a in raw.split(b"\0") if a]
    for i, arg in enumerate(args):
        name = os.path.basename(arg)
        ours = (name in ("trustledger", "trustledger.exe")
                or (name == "cli.py" and "trustledger" in arg)
                or (arg in ("trustledger", "trustledger.cli") and i > 0 and args[i - 1] == "-m"))
        if ours:
            command = next((a for a in args[i + 1:] if not a.startswith("-")), None)
            return f"trustledger {command}" if command else "trustledger"
    return os.path.basename(args[0]) if args else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _is_lock_conflict(text: str) -> bool:
    return ("Could not set lock on file" in text or "Conflicting lock is held" in text
            or "same database file with a different configuration" in text)


def busy_error(path: str, text: str, read_only: bool, waited: float | None = None) -> StoreBusy:
    """A `StoreBusy` for DuckDB's lock error `text`, naming the holder and whether it reads or writes.

    DuckDB names the holding process ("Conflicting lock is held in /usr/bin/python3 (PID 1234)")
    and, when that process only reads, adds that a read-only open would work.
    """
    pid = holder = mode = None
    m = re.search(r"Conflicting lock is held in (.*?) \(PID (\d+)\)", text)
    if m:
        pid = int(m.group(2))
        holder = f"{describe_process(pid) or os.path.basename(m.group(1)) or 'another process'} (pid {pid})"
        mode = "writer" if read_only or "read-only mode" not in text else "reader"
    elif "different configuration" in text:
        pid = os.getpid()
        holder = f"this process (pid {pid})"
        mode = "reader" if not read_only else "writer"
    if holder is None:
        reason = "store busy: held by another process"
    else:
        reason = f"store busy: held by {holder}, a {mode}"
    if mode == "reader" and waited is not None:
        reason += f" that did not let go within {waited:g} s; try again, or stop it"
    else:
        reason += "; try again when it has finished"
    return StoreBusy(path, reason, holder=holder, pid=pid, mode=mode)


def waiting_writer(path: str | Path) -> tuple[int, str] | None:
    """(pid, command) of a live writer waiting for this store's lock, or None."""
    marker = Path(str(path) + WAITING_SUFFIX)
    try:
        if time.time() - marker.stat().st_mtime > WAITING_FRESH_SECONDS:
            return None
        info = json.loads(marker.read_text(encoding="utf-8"))
        pid = int(info["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not _alive(pid):
        return None
    return pid, str(info.get("command") or "a writer")


def _announce_waiting(path: str) -> None:
    marker = Path(path + WAITING_SUFFIX)
    tmp = marker.with_name(f"{marker.name}.{os.getpid()}.tmp")
    info = {"pid": os.getpid(), "command": describe_process(os.getpid()) or "trustledger"}
    with contextlib.suppress(OSError):
        tmp.write_text(json.dumps(info), encoding="utf-8")
        os.replace(tmp, marker)


def _withdraw_waiting(path: str) -> None:
    marker = Path(path + WAITING_SUFFIX)
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        if int(json.loads(marker.read_text(encoding="utf-8"))["pid"]) == os.getpid():
            marker.unlink()


class Store:
    """A connection to one store file, opened for reading or writing.

    Raises `StoreMissing`, `StoreBusy` (after retrying for `busy_timeout` seconds) or
    `NotAStore` (all `StoreError`, so the CLI prints one line).
    """

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False, busy_timeout: float = 5.0):
        self.path = str(path)
        self.read_only = read_only
        if self.path != ":memory:":
            self._check_path()
        self.con = self._connect(busy_timeout)
        try:
            self._check_ours()
            if not read_only:
                self.migrate()
            elif self.schema_version() < schema_version_available():
                # A read-only open of an old store: migrate it once through a short write open.
                self.con.close()
                Store(self.path, read_only=False, busy_timeout=busy_timeout).close()
                self.con = self._connect(busy_timeout)
        except BaseException:
            with contextlib.suppress(duckdb.Error):
                self.con.close()
            raise

    def _check_path(self) -> None:
        p = Path(self.path)
        if p.is_dir():
            raise NotAStore(self.path, "not a trustledger store (a folder; give the store file)")
        if self.read_only and not p.exists():
            raise StoreMissing(self.path, f"no store here (run `trustledger ingest ... --db {self.path}` first)")
        if not self.read_only and not p.parent.exists():
            raise StoreMissing(self.path, f"no store here, and no folder {p.parent} to create one in")

    def _connect(self, busy_timeout: float) -> duckdb.DuckDBPyConnection:
        started = time.monotonic()
        announced = False
        try:
            while True:
                try:
                    return duckdb.connect(self.path, read_only=self.read_only)
                except duckdb.Error as e:
                    text = str(e)
                    if not _is_lock_conflict(text):
                        raise self._open_error(e) from e
                    if time.monotonic() - started >= busy_timeout:
                        raise busy_error(self.path, text, self.read_only, busy_timeout) from e
                if not self.read_only:
                    _announce_waiting(self.path)   # readers that check it let go (refreshed every retry)
                    announced = True
                time.sleep(RETRY_SECONDS)
        finally:
            if announced:
                _withdraw_waiting(self.path)

    def _open_error(self, e: duckdb.Error) -> StoreError:
        first = str(e).splitlines()[0] if str(e) else type(e).__name__
        if "does not exist" in first or "No such file or directory" in first:
            return StoreMissing(self.path, f"no store here ({first})")
        if "not a valid DuckDB database file" in first or "Is a directory" in first:
            return NotAStore(self.path, f"not a trustledger store ({first})")
        if isinstance(e, duckdb.IOException):
            return StoreError(self.path, f"cannot open store ({first})")
        return NotAStore(self.path, f"not a trustledger store ({first})")

    def _check_ours(self) -> None:
        """A DuckDB database with tables but none of ours is someone else's: never migrate it."""
        names = {r[0] for r in self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        if names and not names & {"meta", "migrations"}:
            raise NotAStore(self.path, "not a trustledger store (a DuckDB database with other tables: "
                                       f"{', '.join(sorted(names)[:3])}{', ...' if len(names) > 3 else ''})")

    # -- schema -----------------------------------------------------------------------
    def schema_version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
        ).fetchone()[0]
        if not exists:
            return 0
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def migrate(self) -> None:
        """Apply, in order, every numbered migration this store has not had yet."""
        self.con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        self.con.execute("CREATE TABLE IF NOT EXISTS migrations (number INTEGER PRIMARY KEY, "
                         "applied_at TIMESTAMP DEFAULT current_timestamp)")
        applied = {r[0] for r in self.con.execute("SELECT number FROM migrations").fetchall()}
        for number, sql in _migrations():
            if number in applied:
                continue
            with self.transaction():
                self.con.execute(sql)
                self.con.execute("INSERT INTO migrations (number) VALUES (?)", [number])
                self.con.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                    [str(max(number, self.schema_version()))],
                )

    # -- transactions -----------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All-or-nothing: a file that fails half-way leaves the store as it was."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        else:
            self.con.execute("COMMIT")

    # -- helpers ----------------------------------------------------------------------
    def insert_arrow(self, table: str, data: pa.Table) -> int:
        """Bulk insert by column name through Arrow (no Python row loop)."""
        cols = ", ".join(f'"{c}"' for c in data.column_names)
        return self._with_incoming(data, f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _incoming")

    def update_arrow(self, table: str, key: str, data: pa.Table) -> int:
        """Set the other columns of `data` on the rows of `table` whose `key` matches (no row loop)."""
        sets = ", ".join(f'"{c}" = _incoming."{c}"' for c in data.column_names if c != key)
        return self._with_incoming(
            data, f'UPDATE {table} SET {sets} FROM _incoming WHERE {table}."{key}" = _incoming."{key}"')

    def _with_incoming(self, data: pa.Table, sql: str) -> int:
        """Run `sql` with `data` visible as the view `_incoming`; returns the number of rows given."""
        if data.num_rows == 0:
            return 0
        self.con.register("_incoming", data)
        try:
            self.con.execute(sql)
        finally:
            self.con.unregister("_incoming")
        return data.num_rows

    def arrow(self, sql: str, params: list | None = None) -> pa.Table:
        return self.con.sql(sql, params=params).to_arrow_table()

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED_TABLES}

    def query(self, sql: str, params: list | None = None) -> list[dict]:
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
