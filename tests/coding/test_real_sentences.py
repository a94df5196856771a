"""Every real sentence we have goes through ingest with zero failures: the PETRARCH suites, PLOVER
dev and PETR2_GSR (read from ../shared/data), our report-based sets and the demo corpus. A sentence
a stage cannot analyse would be stored in `stage_errors`; here there must be none, and every record
must be stored as a document."""

from __future__ import annotations

import json
import re

import duckdb
import pytest

from tests.conftest import ROOT, SHARED_DATA, run_cli

pytestmark = pytest.mark.slow


def _xml_sentences(name: str) -> list[dict]:
    text = (SHARED_DATA / "petrarch" / name).read_text(encoding="utf-8")
    out = []
    for i, m in enumerate(re.finditer(r'<Sentence[^>]*date="(\d{8})"[^>]*>.*?<Text>(.*?)</Text>', text, re.S)):
        d, body = m.group(1), " ".join(m.group(2).split())
        if body:
            out.append({"title": f"{name}-{i}", "date": f"{d[:4]}-{d[4:6]}-{d[6:]}", "text": body})
    return out


def _records() -> list[dict]:
    records = [{"title": r["id"], "date": "2000-01-01", "text": r["text"]}
               for r in map(json.loads, (SHARED_DATA / "plover" / "plover-gold-dev.jsonl").open(encoding="utf-8"))]
    records += _xml_sentences("PETR2_GSR_validation.xml")
    records += _xml_sentences("PETR.UnitTest.records.xml")
    for f in sorted((ROOT / "bench" / "gold" / "reports" / "events").glob("texts_*.jsonl")):
        for r in map(json.loads, f.open(encoding="utf-8")):
            records.append({"title": r["report"], "date": r["date"][:10] if len(r["date"]) >= 10 else None,
                            "text": " ".join(r["sentences"])})
    return records


def test_every_real_sentence_is_coded_without_failure(tmp_path):
    assert SHARED_DATA.is_dir(), "../shared/data is missing: these tests need it (CI always has it)"
    records = _records()
    src = tmp_path / "real.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    reports = ROOT / "bench" / "gold" / "reports" / "commitments" / "docs"
    paths = [src, ROOT / "examples"] + ([reports] if reports.is_dir() else [])
    db = tmp_path / "real.duckdb"
    r = run_cli("ingest", *paths, "--db", db)
    assert r.code == 0, r.stderr[-2000:]
    con = duckdb.connect(str(db), read_only=True)
    errors = con.execute("SELECT stage, sentence_index, message FROM stage_errors WHERE kind = 'error'").fetchall()
    assert errors == []
    n_docs = con.execute("SELECT count(*) FROM documents WHERE path LIKE '%real.jsonl'").fetchone()[0]
    distinct = len({" ".join(x["text"].split()).lower() for x in records})
    assert n_docs == distinct  # every record is stored (identical texts once)
    assert con.execute("SELECT count(*) FROM sentences").fetchone()[0] > 1500
    con.close()
