"""`ingest --engine spark` for event tables (GDELT 1.0/2.0, ICEWS): the big file read in parallel.

The local engine stages a file with DuckDB's CSV reader (`FileLoad.stage`: explicit column types
from the importer's `CsvSpec`, bad lines to `rejects`, each row's line number in `_line`) and then
runs the importer's own SQL — checks, mapping to the `events` layout, `insert_events`. Here the
file is cut into byte ranges (whole lines each, like Hadoop's line reader, but the bytes never
pass through the JVM), one Spark task per range, and every task stages its block with that very same
`FileLoad.stage` and `CsvSpec` on an in-memory DuckDB, writing typed Parquet (rows and rejects
with block-local line numbers). The driver shifts the line numbers by the lines of the blocks
before, loads the Parquet as the staged table, and hands it back to the importer: the mapping,
checks and inserts that follow are the local engine's, unchanged. Same rows, same rejects, same
idempotence (the file's hash is checked before anything is read).

Only layouts without quoting take this path (a line is then a record); quoted CSV (UN votes,
SIPRI, CAMEO tables) stays with DuckDB's reader, which is fast enough for files of that size.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from trustledger.errors import InputError
from trustledger.ingest.structured import loader
from trustledger.ingest.structured.loader import CsvSpec, FileLoad, Staged, one_line

#: Files smaller than this are read as one block (a Spark task costs more than reading them).
SMALL_FILE = 256 * 1024
#: Target size of one block of a large file.
BLOCK_BYTES = 32 * 1024 * 1024


@dataclasses.dataclass(frozen=True)
class Block:
    """Lines of a file whose first byte lies in [start, end); a compressed file is one whole block."""

    index: int
    path: str
    start: int
    end: int
    gzip: bool = False


def blocks_of(path: Path, parallelism: int) -> list[Block]:
    """Split a file into byte ranges: one for small or gzipped files, else at least two per core."""
    size = path.stat().st_size
    if path.name.lower().endswith(".gz") or size < SMALL_FILE:
        return [Block(0, str(path), 0, size, path.name.lower().endswith(".gz"))]
    n = max(parallelism * 2, -(-size // BLOCK_BYTES))
    bounds = [size * k // n for k in range(n + 1)]
    return [Block(k, str(path), bounds[k], bounds[k + 1]) for k in range(n)]


def read_block(block: Block, into: Path) -> int:
    """Copy the block's lines into a file (whole lines, as bytes); returns the number of lines.

    A line belongs to the block its first byte falls in: a block skips the end of a line begun
    in the block before it and completes its own last line from the next block's bytes.
    """
    import gzip

    if block.gzip:
        with gzip.open(block.path, "rb") as src, open(into, "wb") as dst:
            shutil.copyfileobj(src, dst, 1024 * 1024)
        data_end = into.stat().st_size
        with open(into, "rb") as f:
            return _count_lines(f, data_end)
    with open(block.path, "rb") as f:
        if block.start > 0:
            f.seek(block.start - 1)
            f.readline()  # the rest of the line that began before this block
        pos = f.tell()
        data = f.read(max(0, block.end - pos)) if pos < block.end else b""
        if data and not data.endswith(b"\n"):
            data += f.readline()
    into.write_bytes(data)
    return data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)


def _count_lines(f, size: int) -> int:
    n, last = 0, b"\n"
    for chunk in iter(lambda: f.read(1024 * 1024), b""):
        n += chunk.count(b"\n")
        last = chunk[-1:]
    return n + (1 if size and last != b"\n" else 0)


def stage_partition(blocks: Iterator[Block], spec: CsvSpec, out_dir: str, file_id: str, path: str,
                    kind: str) -> Iterator[tuple[int, int]]:
    """Executor side: each block through `FileLoad.stage`; yields (block, lines in it)."""
    from trustledger.store.db import Store

    loader.STAGER.set(None)  # in this process the block is staged by DuckDB itself
    for block in blocks:
        tmp = Path(tempfile.mkdtemp(prefix="trustledger-block-"))
        try:
            data = tmp / "block.tsv"
            n = read_block(block, data)
            if n:
                block_spec = spec if block.index == 0 else dataclasses.replace(spec, header=False, skip=0)
                store = Store(":memory:")
                load = FileLoad(store, Path(path), data, file_id, kind)
                staged = load.stage(block_spec)
                k = block.index
                for sub, sql in (("rows", f"SELECT *, {k} AS _part FROM {staged.source} ORDER BY _line"),
                                 ("rejects", f"SELECT line, reason, raw, {k} AS _part FROM rejects")):
                    folder = Path(out_dir) / sub
                    folder.mkdir(parents=True, exist_ok=True)
                    store.con.execute(f"COPY ({sql}) TO '{(folder / f'part-{k:05d}.parquet').as_posix()}' "
                                      "(FORMAT parquet)")
                load.drop_temps()
                store.close()
            yield block.index, n
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def spark_stage(load: FileLoad, spec: CsvSpec, base: str, master: str | None = None,
                work_dir: str | None = None) -> Staged | None:
    """Stage `load`'s file through Spark into a temporary table in the store, like `FileLoad.stage`."""
    if spec.quote:
        return None  # quoted fields may hold line breaks: lines are not records
    from trustledger.spark.session import get_spark

    spark = get_spark(master)
    sc = spark.sparkContext
    with tempfile.TemporaryDirectory(dir=work_dir, prefix="trustledger-spark-") as tmp:
        out = Path(tmp)
        blocks = blocks_of(Path(load.data_path).resolve(), sc.defaultParallelism)
        args = (spec, str(out), load.file_id, str(load.path), load.kind)
        try:
            counts = sorted(sc.parallelize(blocks, len(blocks))
                            .mapPartitions(lambda it: stage_partition(it, *args)).collect())
        except Exception as e:  # noqa: BLE001 - a Spark job failure is this file's failure, told in one line
            raise InputError(str(load.path), f"not loaded (Spark: {one_line(e)})") from None
        offsets, total = [], 0
        for index, n in counts:
            offsets.append((index, total))
            total += n
        con = load.con
        table = load.temp_name(base)
        # the staged copy's columns, as FileLoad.stage keeps them
        kept = getattr(spec, "keep", None) or tuple(spec.columns)
        names = ", ".join(f'"{c}"' for c in kept)
        rows_glob = (out / "rows" / "*.parquet").as_posix()
        rej_glob = (out / "rejects" / "*.parquet").as_posix()
        off = load.temp_name("off")
        con.execute(f"CREATE TEMP TABLE {off} (_part INTEGER, _offset BIGINT)")
        con.executemany(f"INSERT INTO {off} VALUES (?, ?)", offsets)
        if (out / "rows").exists():
            con.execute(f"""CREATE TEMP TABLE {table} AS
                SELECT {names}, s._line + o._offset AS _line FROM read_parquet('{rows_glob}') s
                JOIN {off} o ON o._part = s._part ORDER BY _line""")
            rejected = con.execute(f"""INSERT INTO rejects (file_id, path, line, reason, raw)
                SELECT ?, ?, r.line + o._offset, r.reason, r.raw FROM read_parquet('{rej_glob}') r
                JOIN {off} o ON o._part = r._part ORDER BY 3""", [load.file_id, str(load.path)]).fetchone()[0]
        else:  # an empty file: the same empty staging DuckDB's reader gives
            cols = ", ".join(f'"{c}" {spec.columns[c]}' for c in kept)
            con.execute(f"CREATE TEMP TABLE {table} ({cols}, _line BIGINT)")
            rejected = 0
    rows = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return Staged(table, int(rows), int(rejected), f"(SELECT * FROM {table})")


@contextlib.contextmanager
def spark_staging(master: str | None = None, work_dir: str | None = None) -> Iterator[None]:
    """Within this block, structured importers stage unquoted layouts through Spark."""
    def stager(load: FileLoad, spec: CsvSpec, base: str) -> Staged | None:
        return spark_stage(load, spec, base, master, work_dir or os.environ.get("TRUSTLEDGER_SPARK_DIR"))

    token = loader.STAGER.set(stager)
    try:
        yield
    finally:
        loader.STAGER.reset(token)
