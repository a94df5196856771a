"""What every structured importer shares: file identity, one transaction, staging, rejects.

An importer describes its layout (columns with explicit DuckDB types) and writes SQL from a
staged copy of the file into the store's tables; `run_import` does the rest the same way for
every layout:

* the file is keyed by the hash of its bytes: a file already in `source_files` is `unchanged`;
* everything happens in one transaction: a failure leaves the store exactly as before;
* rows DuckDB's reader cannot parse land in `rejects` with their line number, and each staged
  row keeps its own line number (`_line`) for the checks that follow and for `source_row`;
* zipped files are extracted (streaming) to a temporary file first, since DuckDB reads gzip
  but not zip;
* memory stays bounded (`limits`): DuckDB runs under the ingest's memory limit and spills to
  `<store>.tmp`; nothing reads the rows into Python. A file with more new events than one
  transaction can index within the limit is inserted in parts (`FileLoad.commit_part`), and it stays
  all or nothing in effect: a failure removes the parts already committed, and a part left by a
  killed process (marked in `meta`) is removed before the file is loaded again;
* with the ingest's progress bars on, a bar advances by the bytes DuckDB has read (`progress`).
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import tempfile
import uuid
import zipfile
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from trustledger.errors import InputError
from trustledger.ingest.pipeline import FileResult, record_source_file
from trustledger.ingest.structured import limits
from trustledger.ingest.structured import progress as progress_mod
from trustledger.ingest.structured import rejects as rejects_mod
from trustledger.store.db import Store


@dataclass(frozen=True)
class CsvSpec:
    """How to read one layout: columns in file order with their DuckDB types, and the dialect."""

    columns: dict[str, str]
    delim: str = ","
    header: bool = True
    skip: int = 0
    quote: str = '"'
    escape: str = '"'
    null_padding: bool = False
    nullstr: tuple[str, ...] = ("",)
    #: Only these columns are kept in the staged copy (all are still parsed and type-checked).
    keep: tuple[str, ...] | None = None


@dataclass
class Staged:
    """A file's accepted rows in a temporary table; `source` is SQL that adds `_line`."""

    table: str
    rows: int
    rejected: int
    source: str


@dataclass
class Loaded:
    """What an importer's body reports back: rows read, rows rejected, what was added."""

    rows: int = 0
    rejected: int = 0
    events: int = 0
    added: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def digest(path: Path) -> tuple[str, int]:
    """(file_id, size): the first 16 hex digits of the SHA-256 of the file's bytes."""
    try:
        with open(path, "rb") as f:
            h = hashlib.file_digest(f, "sha256")
        size = path.stat().st_size
    except OSError as e:
        raise InputError(str(path), f"cannot read ({e.strerror or e})") from None
    if size == 0:
        raise InputError(str(path), "empty file")
    return h.hexdigest()[:16], size  # the same scheme as pipeline.file_id_for


def _sql_str(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


class FileLoad:
    """One file being loaded inside one transaction: staging helpers bound to its identity."""

    def __init__(self, store: Store, path: Path, data_path: Path, file_id: str, kind: str, size: int = 0,
                 chunk_rows: int | None = None):
        self.store = store
        self.con = store.con
        self.path = path
        self.data_path = data_path
        self.file_id = file_id
        self.kind = kind
        self.size = size  # bytes of the file as given (zipped: the zip), for the progress bar
        #: Most events one transaction adds (`limits.chunk_rows`); None: no limit.
        self.chunk_rows = chunk_rows
        #: Parts of this file already committed (`commit_part`); run_import removes them on failure.
        self.parts = 0
        self._temps: list[str] = []
        self._tag = uuid.uuid4().hex[:8]
        # DuckDB draws a progress bar on stdout for long queries; our stdout is for results only.
        self.con.execute("SET enable_progress_bar = false")

    def temp_name(self, base: str) -> str:
        name = f"_tl_{base}{len(self._temps)}_{self._tag}"
        self._temps.append(name)
        return name

    def read_csv_sql(self, spec: CsvSpec, errors: str | None = None, scans: str | None = None) -> str:
        cols = "{" + ", ".join(f"{_sql_str(k)}: {_sql_str(v)}" for k, v in spec.columns.items()) + "}"
        opts = [
            f"delim={_sql_str(spec.delim)}", f"header={str(spec.header).lower()}", f"skip={spec.skip}",
            f"quote={_sql_str(spec.quote)}", f"escape={_sql_str(spec.escape)}", f"columns={cols}",
            f"null_padding={str(spec.null_padding).lower()}", "auto_detect=false",
            "nullstr=[" + ", ".join(_sql_str(s) for s in spec.nullstr) + "]",
            "strict_mode=true",  # too many columns is an error even where short rows are padded
        ]
        if errors:
            opts += ["store_rejects=true", f"rejects_table={_sql_str(errors)}", f"rejects_scan={_sql_str(scans)}"]
        return f"read_csv({_sql_str(str(self.data_path))}, {', '.join(opts)})"

    def stage(self, spec: CsvSpec, base: str = "stg") -> Staged:
        """Read the file into a temporary table with explicit types; bad lines go to rejects."""
        other = STAGER.get()
        staged = other(self, spec, base) if other is not None else None
        if staged is not None:
            return staged
        table, errors, scans = self.temp_name(base), self.temp_name("rej"), self.temp_name("scan")
        cols = ", ".join(f'"{c}"' for c in spec.keep) if spec.keep else "*"
        with progress_mod.watch_reading(self.con, self.path, self.size):
            self.con.execute(
                f"CREATE TEMP TABLE {table} AS SELECT {cols} FROM {self.read_csv_sql(spec, errors, scans)}")
        rows = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        has_errors = self.con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [errors]).fetchone()[0]
        rejected = 0
        if has_errors:
            rejected = rejects_mod.copy_reader_rejects(self.con, errors, self.file_id, str(self.path))
        # Temporary tables number their rows from an offset: rebase so row k (file order) is k.
        base = self.con.execute(f"SELECT coalesce(min(rowid), 0) FROM {table}").fetchone()[0]
        first = spec.skip + (2 if spec.header else 1) - base
        if rejected:
            # Row k (0-based, file order) sits after the rejected lines that precede it: an ASOF
            # join on "accepted rows before this rejected line" counts them without a row loop.
            shifts = self.temp_name("shift")
            self.con.execute(f"""
                CREATE TEMP TABLE {shifts} AS
                SELECT a, max(i) AS c FROM (
                    SELECT line - {first} - (row_number() OVER (ORDER BY line) - 1) AS a,
                           row_number() OVER (ORDER BY line) AS i
                    FROM (SELECT DISTINCT line FROM {errors})
                ) GROUP BY a""")
            source = (f"(SELECT r.*, r.rowid + {first} + coalesce(sh.c, 0) AS _line FROM {table} r "
                      f"ASOF LEFT JOIN {shifts} sh ON r.rowid >= sh.a)")
        else:
            source = f"(SELECT r.*, r.rowid + {first} AS _line FROM {table} r)"
        return Staged(table, int(rows), rejected, source)

    def reject(self, staged: Staged, reason_sql: str, raw_sql: str) -> int:
        """Rows of the staged file failing a check (reason_sql not null) go to rejects."""
        return rejects_mod.reject_checked(self.con, staged.source, reason_sql, raw_sql, self.file_id, str(self.path))

    def commit_part(self) -> None:
        """Commit what this file added so far and go on in a new transaction (a large file's insert in
        parts, see `limits`). The first part marks the file in `meta` as partly loaded, so that a process
        killed before the last part leaves a mark `run_import` clears before loading the file again."""
        if not self.parts:
            self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [partial_key(self.file_id), str(self.path)])
        self.con.execute("COMMIT")
        self.parts += 1
        # Written to the store file, the index of the events added so far can leave memory.
        self.con.execute("CHECKPOINT")
        self.con.execute("BEGIN TRANSACTION")

    def drop_temps(self) -> None:
        for name in self._temps:
            try:
                self.con.execute(f"DROP TABLE IF EXISTS {name}")
            except duckdb.Error:
                pass


#: Another engine's staging, set for the duration of a run (`trustledger.spark.events` reads big files
#: with Spark into the same typed rows, `_line` and rejects); it answers None for layouts it leaves
#: to DuckDB's reader above.
STAGER: ContextVar[Callable[[FileLoad, CsvSpec, str], Staged | None] | None] = ContextVar(
    "trustledger_stager", default=None)


def _extract_zip(path: Path, into: Path) -> Path:
    try:
        with zipfile.ZipFile(path) as zf:
            members = [m for m in zf.infolist() if not m.is_dir()]
            if len(members) != 1:
                raise InputError(str(path), f"zip holds {len(members)} files; expected one data file")
            target = into / Path(members[0].filename).name
            with zf.open(members[0]) as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst, 1024 * 1024)
    except zipfile.BadZipFile as e:
        raise InputError(str(path), f"not a valid zip file ({e})") from None
    except (OSError, EOFError) as e:
        raise InputError(str(path), f"cannot extract zip ({e})") from None
    return target


def one_line(e: BaseException) -> str:
    text = str(e).strip().splitlines()
    return text[0] if text else type(e).__name__


def partial_key(file_id: str) -> str:
    """The `meta` key marking a file whose insert in parts has begun and not finished."""
    return f"partial_load:{file_id}"


def remove_parts(store: Store, file_id: str) -> None:
    """Remove what committed parts of a file added (its events and rejects; the dyad-day counts are
    only added with the last part) and its mark, in one transaction."""
    with store.transaction():
        store.con.execute("DELETE FROM events WHERE file_id = ?", [file_id])
        store.con.execute("DELETE FROM rejects WHERE file_id = ?", [file_id])
        store.con.execute("DELETE FROM meta WHERE key = ?", [partial_key(file_id)])


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def run_import(store: Store, path: Path, kind: str, body: Callable[[FileLoad], Loaded]) -> FileResult:
    """Load one file with `body` in one transaction, keyed by the file's hash (see module doc)."""
    with progress_mod.watch_file(path, _file_size(path)):
        return _run_import(store, path, kind, body)


def _run_import(store: Store, path: Path, kind: str, body: Callable[[FileLoad], Loaded]) -> FileResult:
    file_id, size = digest(path)
    known = store.con.execute("SELECT rows_loaded FROM source_files WHERE file_id = ?", [file_id]).fetchone()
    if known is not None:
        return FileResult(str(path), kind, "unchanged")
    if store.con.execute("SELECT count(*) FROM meta WHERE key = ?", [partial_key(file_id)]).fetchone()[0]:
        remove_parts(store, file_id)  # left by a process killed in the middle of this file
    limit = limits.limit_bytes()
    with tempfile.TemporaryDirectory(prefix="trustledger-") as tmp, limits.memory_limit(store.con, limit):
        data_path = _extract_zip(path, Path(tmp)) if path.name.lower().endswith(".zip") else path
        load = FileLoad(store, path, data_path, file_id, kind, size, limits.chunk_rows(limit))
        try:
            with store.transaction():
                out = body(load)
                record_source_file(store, file_id, path, kind, size, out.rows, out.rejected)
                if load.parts:
                    store.con.execute("DELETE FROM meta WHERE key = ?", [partial_key(file_id)])
        except BaseException as e:
            if load.parts:
                with contextlib.suppress(duckdb.Error):  # else the mark stays, and the next run clears it
                    remove_parts(store, file_id)
            if isinstance(e, duckdb.Error):
                raise InputError(str(path), f"not loaded ({one_line(e)})") from None
            raise
        finally:
            load.drop_temps()
    return _result(store, path, kind, file_id, out)


def _result(store: Store, path: Path, kind: str, file_id: str, out: Loaded) -> FileResult:
    # The CLI prints a message as a warning, so it carries only what the user should look at.
    message = "; ".join(out.notes)
    if out.rejected:
        first = rejects_mod.first_reject(store.con, file_id)
        where = f", first at line {first[0]}: {first[1]}" if first else ""
        message = f"{out.rejected} row(s) rejected{where}" + (f" ({message})" if message else "")
    return FileResult(str(path), kind, "loaded", rows=out.rows, rejected=out.rejected, events=out.events,
                      message=message)
