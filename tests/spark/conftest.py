"""Stores shared by the Spark tests: the demo corpus ingested once by each engine (Spark starts once)."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, run_cli


@pytest.fixture(scope="session")
def corpus_stores(tmp_path_factory):
    """(local store, Spark store) of examples/corpus; tests copy them before changing anything."""
    tmp = tmp_path_factory.mktemp("parity")
    corpus = ROOT / "examples" / "corpus"
    local, spark = tmp / "local.duckdb", tmp / "spark.duckdb"
    r = run_cli("ingest", corpus, "--db", local)
    assert r.code == 0, r.stderr
    r = run_cli("ingest", corpus, "--db", spark, "--engine", "spark", "--spark-master", "local[2]")
    assert r.code == 0, r.stderr
    return local, spark
