"""Event-table imports: Spark (local[2], several partitions per file) and DuckDB store the same rows.

Same events (every column, including each row's line number), same rejects (line, reason, raw
text), same source_files bookkeeping, and a second load adds nothing.
"""

from __future__ import annotations

import shutil

import duckdb
import pytest

from tests.conftest import ROOT, run_cli, run_process
from trustledger.spark.synthetic import write_gdelt

pytestmark = pytest.mark.spark

FIXTURES = ROOT / "tests" / "fixtures" / "structured"
SHARED_GDELT = ROOT.parent / "shared" / "data" / "gdelt" / "gdelt1-events-sample-710.tsv"

QUERIES = {
    "events": "SELECT * EXCLUDE (event_id), event_id FROM events ORDER BY event_id",
    "rejects": "SELECT file_id, path, line, reason, raw FROM rejects ORDER BY file_id, line, reason",
    "source_files": "SELECT file_id, path, kind, bytes, rows_loaded, rows_rejected FROM source_files ORDER BY file_id",
    # the dyad-day aggregate (issue 17) is kept by the same insert in both engines
    "agg_dyad_day": "SELECT * FROM agg_dyad_day ORDER BY ALL",
}


@pytest.fixture(scope="module")
def event_files(tmp_path_factory):
    d = tmp_path_factory.mktemp("events")
    files = [
        write_gdelt(d / "20150101.export.CSV", 4000, version=2, broken_every=400, seed=1),
        # overlaps the first file's GLOBALEVENTIDs 3001-4000: those rows add nothing, in both engines
        write_gdelt(d / "20150102.export.CSV", 2000, version=2, broken_every=0, seed=2, first_id=3001),
        write_gdelt(d / "20100101.export.CSV", 1500, version=1, broken_every=300, seed=3, first_id=90_000),
    ]
    for name in ("20100610.export.CSV", "20150413120000.export.CSV.zip", "events.2010.sample.tab"):
        shutil.copy(FIXTURES / name, d / name)
        files.append(d / name)
    if SHARED_GDELT.exists():
        files.append(SHARED_GDELT)
    return files


@pytest.fixture(scope="module")
def stores(event_files, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("event-stores")
    local, spark = tmp / "local.duckdb", tmp / "spark.duckdb"
    r_local = run_cli("ingest", *event_files, "--db", local)
    r_spark = run_cli("ingest", *event_files, "--db", spark, "--engine", "spark", "--spark-master", "local[2]")
    return local, spark, r_local, r_spark


def test_same_outcome_per_file(stores):
    *_, r_local, r_spark = stores
    assert r_local.code == r_spark.code == 1  # the broken lines are reported as rejects
    assert r_local.stderr.splitlines()[-1] == r_spark.stderr.splitlines()[-1]
    assert "row(s) rejected" in r_spark.stderr


def test_spark_start_is_quiet(tmp_path):
    """A user's terminal shows our messages, not Spark's log banner (a child process, as a user runs it)."""
    events = write_gdelt(tmp_path / "20150101.export.CSV", 50, version=2, broken_every=0, seed=5)
    r = run_process("ingest", events, "--db", tmp_path / "s.duckdb", "--engine", "spark", "--spark-master", "local[1]")
    assert r.code == 0, r.stderr
    assert "Setting default log level" not in r.stderr and "setLogLevel" not in r.stderr, r.stderr
    assert "file(s) loaded" in r.stderr


@pytest.mark.parametrize("table", list(QUERIES))
def test_same_rows(stores, table):
    local, spark, *_ = stores
    a, b = (duckdb.connect(str(p), read_only=True).execute(QUERIES[table]).fetchall() for p in (local, spark))
    assert a == b
    assert len(a) > 0


def test_rejects_cover_each_kind_of_broken_line(stores):
    _, spark, *_ = stores
    con = duckdb.connect(str(spark), read_only=True)
    reasons = {r[0].split(":")[0].split(" in column")[0] for r in con.execute("SELECT reason FROM rejects").fetchall()}
    assert {"SQLDATE is not a YYYYMMDD date", "QuadClass is not 1-4", "no EventCode", "missing_columns",
            "cast"} <= reasons, reasons
    # lines are the file's own: line 402 of the first generated file is its first short line (i = 401)
    line = con.execute("SELECT min(line) FROM rejects r JOIN source_files f USING (file_id) "
                       "WHERE f.path LIKE '%20150101.export.CSV'").fetchone()[0]
    assert line == 402


def test_spark_event_import_is_idempotent(stores, event_files):
    _, spark, *_ = stores
    before = run_cli("stats", "--db", spark, "--format", "json").json()
    r = run_cli("ingest", *event_files, "--db", spark, "--engine", "spark")
    assert r.code == 0, r.stderr
    assert f"0 file(s) loaded, {len(event_files)} unchanged" in r.stderr
    assert run_cli("stats", "--db", spark, "--format", "json").json() == before


@pytest.mark.parametrize("ending", [b"\n", b""])
def test_blocks_cover_every_line_once(tmp_path, monkeypatch, ending):
    """Byte ranges cut anywhere (mid-line, on a newline) still give each line to exactly one block."""
    import random

    from trustledger.spark import events

    rng = random.Random(3)
    lines = [b"x" * rng.randint(0, 90) + b"\t" + str(i).encode() for i in range(3000)]
    path = tmp_path / "big.tsv"
    path.write_bytes(b"\n".join(lines) + ending)
    monkeypatch.setattr(events, "SMALL_FILE", 0)
    monkeypatch.setattr(events, "BLOCK_BYTES", 997)
    blocks = events.blocks_of(path, 2)
    assert len(blocks) > 100
    parts, total = [], 0
    for b in blocks:
        out = tmp_path / f"b{b.index}"
        total += events.read_block(b, out)
        parts.append(out.read_bytes())
    assert b"".join(parts) == path.read_bytes()
    assert total == len(lines)


def test_both_engines_keep_the_dyad_day_aggregate_exact(stores):
    from trustledger.store import dyad_days
    from trustledger.store.db import Store

    for db in stores[:2]:
        with Store(db, read_only=True) as s:
            assert dyad_days.fresh(s) and dyad_days.rows(s) > 0
