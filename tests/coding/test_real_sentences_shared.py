"""PLOVER dev, PETR2_GSR and the PETRARCH unit suite (../shared/data), and the demo corpus, go
through ingest with no stage failure and every record stored."""

from __future__ import annotations

import pytest

from tests.coding.real_sentences import ingest_without_failure, shared_records
from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def test_every_shared_sentence_is_coded_without_failure(tmp_path):
    records = shared_records()
    con = ingest_without_failure(tmp_path, records, ROOT / "examples")
    assert con.execute("SELECT count(*) FROM sentences").fetchone()[0] > 1000
    assert con.execute("SELECT count(*) FROM documents WHERE path NOT LIKE '%real.jsonl'").fetchone()[0] > 10
    con.close()
