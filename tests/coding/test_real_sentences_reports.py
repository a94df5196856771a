"""Every rewritten report of the report-based event set goes through ingest with no stage failure
and every report stored."""

from __future__ import annotations

import pytest

from tests.coding.real_sentences import ingest_without_failure, report_records

pytestmark = pytest.mark.slow


def test_every_report_sentence_is_coded_without_failure(tmp_path):
    records = report_records()
    assert len(records) > 300
    con = ingest_without_failure(tmp_path, records)
    assert con.execute("SELECT count(*) FROM sentences").fetchone()[0] > 3000
    con.close()
