"""Every dated report of the report-based commitment set goes through ingest (coding and the
ledger) with no stage failure and every report stored as a document."""

from __future__ import annotations

import duckdb
import pytest

from tests.coding.real_sentences import REPORTS
from tests.conftest import run_cli

pytestmark = pytest.mark.slow


def test_every_commitment_report_is_ingested_without_failure(tmp_path):
    docs = REPORTS / "commitments" / "docs"
    n = len(list(docs.glob("*.md")))
    assert n > 500
    db = tmp_path / "docs.duckdb"
    r = run_cli("ingest", docs, "--db", db)
    assert r.code == 0, r.stderr[-2000:]
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT stage, sentence_index, message FROM stage_errors WHERE kind = 'error'").fetchall() == []
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == n
    assert con.execute("SELECT count(*) FROM commitments").fetchone()[0] > 100
    con.close()
