"""Shared by the three test_real_sentences_* files: every real sentence we have goes through ingest
with zero failures. A sentence a stage cannot analyse would be stored in `stage_errors`; there must be
none, and every record must be stored as a document. One file per corpus so that the two test workers
share the work (the corpora grow with every gold batch)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb

from tests.conftest import ROOT, SHARED_DATA, run_cli

REPORTS = ROOT / "bench" / "gold" / "reports"


def xml_sentences(name: str) -> list[dict]:
    text = (SHARED_DATA / "petrarch" / name).read_text(encoding="utf-8")
    out = []
    for i, m in enumerate(re.finditer(r'<Sentence[^>]*date="(\d{8})"[^>]*>.*?<Text>(.*?)</Text>', text, re.S)):
        d, body = m.group(1), " ".join(m.group(2).split())
        if body:
            out.append({"title": f"{name}-{i}", "date": f"{d[:4]}-{d[4:6]}-{d[6:]}", "text": body})
    return out


def shared_records() -> list[dict]:
    """PLOVER dev and the two PETRARCH suites, read from ../shared/data."""
    assert SHARED_DATA.is_dir(), "../shared/data is missing: these tests need it (CI always has it)"
    records = [{"title": r["id"], "date": "2000-01-01", "text": r["text"]}
               for r in map(json.loads, (SHARED_DATA / "plover" / "plover-gold-dev.jsonl").open(encoding="utf-8"))]
    return records + xml_sentences("PETR2_GSR_validation.xml") + xml_sentences("PETR.UnitTest.records.xml")


def report_records() -> list[dict]:
    """The report-based event set, one record per rewritten report."""
    records = []
    for f in sorted((REPORTS / "events").glob("texts_*.jsonl")):
        for r in map(json.loads, f.open(encoding="utf-8")):
            records.append({"title": r["report"], "date": r["date"][:10] if len(r["date"]) >= 10 else None,
                            "text": " ".join(r["sentences"])})
    return records


def ingest_without_failure(tmp_path: Path, records: list[dict], *paths: Path) -> duckdb.DuckDBPyConnection:
    """Ingest the records (as one JSON-lines file) and any further paths in one CLI run; assert that no
    stage failed and that every distinct record became a document; return the store, read-only."""
    src = tmp_path / "real.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "real.duckdb"
    r = run_cli("ingest", src, *paths, "--db", db)
    assert r.code == 0, r.stderr[-2000:]
    con = duckdb.connect(str(db), read_only=True)
    errors = con.execute("SELECT stage, sentence_index, message FROM stage_errors WHERE kind = 'error'").fetchall()
    assert errors == []
    n_docs = con.execute("SELECT count(*) FROM documents WHERE path LIKE '%real.jsonl'").fetchone()[0]
    assert n_docs == len({" ".join(x["text"].split()).lower() for x in records})  # identical texts once
    return con
