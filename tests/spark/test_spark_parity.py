"""The Spark engine (local[2]) and the local engine store the same rows for the same input."""

from __future__ import annotations

import duckdb
import pytest

from tests.conftest import ROOT, run_cli

pytestmark = pytest.mark.spark

#: Per table: the columns compared and the order (ingest-time columns excluded).
TABLES = {
    "documents": ("doc_id, story_id, title, date, source, url, text, n_sentences, minhash", "doc_id"),
    "sentences": ("*", "doc_id, sentence_index"),
    "events": ("* EXCLUDE (file_id)", "event_id"),
    "commitments": ("* EXCLUDE (file_id)", "commitment_id"),
    "outcomes": ("* EXCLUDE (file_id)", "outcome_id"),
    "ledger": ("*", "commitment_id"),
}


@pytest.fixture(scope="module")
def stores(corpus_stores):
    return corpus_stores


@pytest.mark.parametrize("table", list(TABLES))
def test_same_rows(stores, table):
    cols, order = TABLES[table]
    local, spark = (duckdb.connect(str(p), read_only=True) for p in stores)
    q = f"SELECT {cols} FROM {table} ORDER BY {order}"
    a, b = local.execute(q).fetchall(), spark.execute(q).fetchall()
    assert a == b
    if table in ("documents", "sentences"):
        assert len(a) > 0


def test_spark_ingest_is_idempotent(stores):
    _, spark = stores
    before = run_cli("stats", "--db", spark, "--format", "json").json()
    r = run_cli("ingest", ROOT / "examples" / "corpus", "--db", spark, "--engine", "spark")
    assert r.code == 0 and "0 file(s) loaded" in r.stderr
    assert run_cli("stats", "--db", spark, "--format", "json").json() == before


def test_missing_java_is_a_clear_error(monkeypatch, tmp_path):
    from trustledger.errors import UserError
    from trustledger.spark import session

    monkeypatch.setattr(session, "java_version", lambda: None)
    with pytest.raises(UserError, match="Java 17"):
        session.check_java()
    monkeypatch.setattr(session, "java_version", lambda: 11)
    with pytest.raises(UserError, match="found Java 11"):
        session.check_java()


def test_spark_recode_matches_local(stores, tmp_path):
    """`code --engine spark` rebuilds the text-derived rows the local engine made (here removed first)."""
    import shutil

    local, _ = stores
    copy = tmp_path / "recode.duckdb"
    shutil.copy(local, copy)
    con = duckdb.connect(str(copy))
    con.execute("DELETE FROM events WHERE origin = 'text' AND hash(event_id) % 2 = 0")
    con.execute("DELETE FROM sentences WHERE sentence_index > 3")
    con.execute("DELETE FROM ledger")
    con.close()
    r = run_cli("code", "--db", copy, "--engine", "spark", "--spark-master", "local[2]")
    assert r.code == 0, r.stderr
    assert "re-coded" in r.stderr
    a, b = duckdb.connect(str(local), read_only=True), duckdb.connect(str(copy), read_only=True)
    for table in ("sentences", "events", "commitments", "outcomes", "ledger"):
        cols, order = TABLES[table]
        q = f"SELECT {cols} FROM {table} ORDER BY {order}"
        assert a.execute(q).fetchall() == b.execute(q).fetchall(), table
