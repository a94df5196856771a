"""assess/compare with --engine spark give the local engine's JSON, on the demo corpus plus a
generated GDELT event set plus UN votes (the shared UNGA votes when present, and the bundled
UNSC votes on Iran); the Spark-computed aggregate tables equal DuckDB's."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from tests.conftest import FIXTURES, ROOT, SHARED_DATA, run_cli
from trustledger.spark.synthetic import write_gdelt

pytestmark = pytest.mark.spark


def vote_files() -> list:
    shared = SHARED_DATA / "unvotes"
    if (shared / "un_votes.csv.gz").exists():
        files = [shared / "un_roll_calls.csv.gz", shared / "un_votes.csv.gz"]
    else:
        files = [FIXTURES / "structured" / "un_roll_calls.csv", FIXTURES / "structured" / "un_votes.csv"]
    return [*files, ROOT / "trustledger" / "data" / "unsc_iran_votes.csv"]


@pytest.fixture(scope="module")
def stores(corpus_stores, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("assess")
    gdelt = write_gdelt(tmp / "20120101.export.CSV", 3000, version=2, seed=12, first_id=500_000)
    local, spark = tmp / "local.duckdb", tmp / "spark.duckdb"
    shutil.copy(corpus_stores[0], local)
    shutil.copy(corpus_stores[1], spark)
    r = run_cli("ingest", gdelt, *vote_files(), "--db", local)
    assert r.code == 0, r.stderr
    r = run_cli("ingest", gdelt, *vote_files(), "--db", spark, "--engine", "spark", "--spark-master", "local[2]")
    assert r.code == 0, r.stderr
    return local, spark


@pytest.mark.parametrize("query", [
    "SELECT * EXCLUDE (file_id) FROM events ORDER BY event_id",
    "SELECT * FROM ledger ORDER BY commitment_id",
    "SELECT * EXCLUDE (file_id) FROM votes ORDER BY rcid, country",
])
def test_same_events_ledger_votes(stores, query):
    a, b = (duckdb.connect(str(p), read_only=True).execute(query).fetchall() for p in stores)
    assert a == b and len(a) > 0


def test_assess_and_compare_same_json(stores):
    local, spark = stores
    a = run_cli("assess", "IRN", "RUS", "--db", local, "--format", "json")
    b = run_cli("assess", "IRN", "RUS", "--db", spark, "--format", "json", "--engine", "spark",
                "--spark-master", "local[2]")
    assert a.code == 0 and b.code == 0, a.stderr + b.stderr
    assert a.json() == b.json()
    assert a.json()["components"]["alignment"]["by_year"], "the votes reach the assessment"
    # the Spark run left its aggregates, fresh, and the assessment read them
    con = duckdb.connect(str(spark), read_only=True)
    runs = dict(con.execute("SELECT aggregate, engine FROM agg_runs").fetchall())
    con.close()
    assert runs == {"agg_dyad_year": "spark", "agg_dyad_quad": "spark", "agg_agreement": "spark"}
    a = run_cli("compare", "IRN", "RUS", "USA", "--db", local, "--format", "json")
    b = run_cli("compare", "IRN", "RUS", "USA", "--db", spark, "--format", "json", "--engine", "spark")
    assert a.code == 0 and b.code == 0, a.stderr + b.stderr
    assert a.json() == b.json()


def test_spark_aggregates_equal_duckdb(stores, tmp_path):
    """The same SQL text in both engines: DuckDB's tables on a copy equal Spark's."""
    from trustledger.analysis.aggregates import AGGREGATES, compute_local
    from trustledger.store.db import Store

    _, spark = stores
    copy = tmp_path / "local-agg.duckdb"
    shutil.copy(spark, copy)
    with Store(copy) as store:
        compute_local(store, ["IRN", "RUS", "USA"])
    a, b = duckdb.connect(str(copy), read_only=True), duckdb.connect(str(spark), read_only=True)
    for agg in AGGREGATES:
        q = f"SELECT * FROM {agg.table} ORDER BY ALL"
        rows = a.execute(q).fetchall()
        assert rows == b.execute(q).fetchall(), agg.table
        assert rows, agg.table
    # the contested figures (roll calls where >= 10% of members present voted no) are computed by both
    q = ("SELECT country_a, country_b, body, year, contested_votes, contested_agree, contested_agreement "
         "FROM agg_agreement ORDER BY ALL")
    contested = a.execute(q).fetchall()
    assert contested == b.execute(q).fetchall()
    assert all(r[4] is not None and r[5] is not None for r in contested)
    assert sum(r[4] for r in contested) > 0
    assert a.execute("SELECT DISTINCT engine FROM agg_runs").fetchall() == [("local",)]
