"""The DuckDB store: the only state shared between pipeline stages.

One file holds every table. Writers take DuckDB's file lock, so a second writer (or a
reader while a writer is active) gets a clear "store busy" error instead of corrupting
anything. Schema changes are numbered SQL migrations applied in order on open.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import duckdb
import pyarrow as pa

from trustledger.errors import UserError

DEFAULT_DB = "trustledger.duckdb"

#: Tables whose row counts `stats` reports, in this order.
COUNTED_TABLES = (
    "documents", "sentences", "events", "commitments", "outcomes", "ledger",
    "votes", "roll_calls", "vetoes", "rejects", "source_files",
)


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


class Store:
    """A connection to one store file, opened for reading or writing."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False, busy_timeout: float = 5.0):
        self.path = str(path)
        self.read_only = read_only
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise UserError(f"{self.path}: no store here (run `trustledger ingest ... --db {self.path}` first)")
        self.con = self._connect(busy_timeout)
        if not read_only:
            self.migrate()
        elif self.schema_version() < schema_version_available():
            # A read-only open of an old store: migrate it once through a short write open.
            self.con.close()
            Store(self.path, read_only=False).close()
            self.con = self._connect(busy_timeout)

    def _connect(self, busy_timeout: float) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + busy_timeout
        while True:
            try:
                return duckdb.connect(self.path, read_only=self.read_only)
            except duckdb.IOException as e:
                if "lock" not in str(e).lower():
                    raise UserError(f"{self.path}: cannot open store ({str(e).splitlines()[0]})") from e
                if time.monotonic() > deadline:
                    raise UserError(
                        f"{self.path}: store busy (another trustledger process is writing to it); try again"
                    ) from e
                time.sleep(0.2)
            except duckdb.Error as e:
                raise UserError(f"{self.path}: not a trustledger store ({str(e).splitlines()[0]})") from e

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
