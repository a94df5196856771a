"""`ingest --engine spark` for event tables (GDELT 1.0/2.0, ICEWS): the big file read in parallel.

The local engine stages a file with DuckDB's CSV reader (`FileLoad.stage`: explicit column types
from the importer's `CsvSpec`, bad lines to `rejects`, each row's line number in `_line`) and then
runs the importer's own SQL — checks, mapping to the `events` layout, `insert_events`. Here Spark
splits the file into blocks of lines, and every partition stages its block with that very same
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


def stage_partition(index: int, lines: Iterator[bytes], spec: CsvSpec, out_dir: str, file_id: str, path: str,
                    kind: str) -> Iterator[tuple[int, int]]:
    """Executor side: one block of lines through `FileLoad.stage`; yields (partition, lines in it)."""
    from trustledger.store.db import Store

    loader.STAGER.set(None)  # in this process the block is staged by DuckDB itself
    tmp = Path(tempfile.mkdtemp(prefix="trustledger-block-"))
    try:
        block = tmp / "block.tsv"
        n = 0
        with open(block, "wb") as f:
            for line in lines:
                f.write(line if isinstance(line, bytes) else line.encode("utf-8"))
                f.write(b"\n")
                n += 1
        if n:
            block_spec = spec if index == 0 else dataclasses.replace(spec, header=False, skip=0)
            store = Store(":memory:")
            load = FileLoad(store, Path(path), block, file_id, kind)
            staged = load.stage(block_spec)
            for sub, sql in (("rows", f"SELECT *, {index} AS _part FROM {staged.source} ORDER BY _line"),
                             ("rejects", f"SELECT line, reason, raw, {index} AS _part FROM rejects")):
                folder = Path(out_dir) / sub
                folder.mkdir(parents=True, exist_ok=True)
                store.con.execute(f"COPY ({sql}) TO '{(folder / f'part-{index:05d}.parquet').as_posix()}' "
                                  "(FORMAT parquet)")
            load.drop_temps()
            store.close()
        yield index, n
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
        data = Path(load.data_path).resolve().as_posix()
        args = (spec, str(out), load.file_id, str(load.path), load.kind)
        # small files in one block; larger ones in at least two blocks per core (Hadoop splits big ones further)
        size = Path(load.data_path).stat().st_size
        blocks = 1 if size < SMALL_FILE else sc.defaultParallelism * 2
        rdd = sc.textFile(data, minPartitions=blocks, use_unicode=False)
        try:
            counts = sorted(rdd.mapPartitionsWithIndex(lambda i, it: stage_partition(i, it, *args)).collect())
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
