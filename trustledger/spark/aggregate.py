"""The aggregates of `trustledger.analysis.aggregates` as Spark SQL over Parquet.

The store's input tables (only the columns the aggregates read) leave DuckDB as Parquet; Spark
registers them under their own names and runs the very SQL text the local engine runs; the
small results come back as Parquet and replace the aggregate tables in one transaction, with
the engine, time and input fingerprint recorded in `agg_runs`. On a cluster the Parquet folder
(`--spark-dir`) must be shared storage; with the data already in Parquet there, only the
aggregation itself needs the cluster.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from trustledger.analysis.aggregates import (
    AGGREGATES,
    INPUT_COLUMNS,
    fingerprint,
    is_fresh,
    load_result,
    runs,
    scope_codes,
)
from trustledger.spark.documents import work_dir_default
from trustledger.store.db import Store


def compute_spark(store: Store, countries: Iterable[str] | None = None, master: str | None = None,
                  work_dir: str | None = None, reuse_fresh: bool = False) -> dict[str, float]:
    """Every aggregate computed by Spark and loaded into the store; returns seconds per step.
    With `reuse_fresh`, nothing is computed while the stored aggregates are fresh for these countries."""
    from trustledger.spark.session import get_spark

    scope = scope_codes(countries)
    timings: dict[str, float] = {}
    if reuse_fresh and _all_fresh(store, scope):
        return timings  # computed from these very input tables already: nothing to do
    t0 = time.perf_counter()
    spark = get_spark(master)
    timings["spark_start"] = time.perf_counter() - t0
    with tempfile.TemporaryDirectory(dir=work_dir or work_dir_default(), prefix="trustledger-spark-") as tmp:
        out = Path(tmp)
        t0 = time.perf_counter()
        prints = {agg.table: fingerprint(store, agg) for agg in AGGREGATES}
        for table, cols in INPUT_COLUMNS.items():
            target = (out / "in" / f"{table}.parquet").as_posix()
            (out / "in").mkdir(exist_ok=True)
            store.con.execute(f"COPY (SELECT {cols} FROM {table}) TO '{target}' (FORMAT parquet)")
            spark.read.parquet(target).createOrReplaceTempView(table)
        timings["export"] = time.perf_counter() - t0
        seconds = {}
        for agg in AGGREGATES:
            t0 = time.perf_counter()
            spark.sql(agg.query(scope)).write.mode("overwrite").parquet((out / agg.table).as_posix())
            seconds[agg.table] = time.perf_counter() - t0
        timings["aggregate"] = sum(seconds.values())
        t0 = time.perf_counter()
        with store.transaction():
            for agg in AGGREGATES:
                glob = (out / agg.table / "*.parquet").as_posix()
                load_result(store, agg, f"SELECT * FROM read_parquet('{glob}')", "spark", scope, prints[agg.table],
                            seconds[agg.table])
        timings["load"] = time.perf_counter() - t0
    for table in INPUT_COLUMNS:
        spark.catalog.dropTempView(table)
    return timings


def _all_fresh(store: Store, scope: list[str] | None) -> bool:
    """Every aggregate computed from the current input tables, for these countries (None: for all)."""
    stored = runs(store)
    return all(is_fresh(store, agg.table, scope or ()) and (scope is not None or stored[agg.table]["scope"] is None)
               for agg in AGGREGATES)
