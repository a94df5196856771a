"""The declared pipeline (trustledger/stages.py) and its failure isolation: a sentence a stage cannot
analyse costs that sentence, never its document."""

from __future__ import annotations

import time

import duckdb
import pytest

from tests.conftest import run_cli
from trustledger.stages import SentenceGuard, derived_tables, importers, text_stages

ARTICLE = """---
title: Three sentences
date: 2015-03-02
---
Russia attacked Georgia on Monday.

Iran thanked Russia for its support on Sunday, saying the BOOM was welcome.

China criticised Japan on Tuesday.
"""


def test_the_pipeline_is_declared_in_order():
    assert [s.name for s in text_stages()] == ["coder", "commitments"]
    assert sorted(importers()) == sorted([
        "gdelt1", "gdelt2", "icews", "cameo_table", "unvotes_votes", "unvotes_roll_calls", "unvotes_issues",
        "voeten", "unsc_votes", "sipri", "unsc_vetoes"])
    assert [d.name for d in derived_tables()] == ["ledger"]


def test_the_commands_are_declared():
    from trustledger.cli import _load_command_modules, app

    _load_command_modules()
    names = {c.name or c.callback.__name__ for c in app.registered_commands}
    for required in ("ingest", "stats", "documents", "events", "ledger", "assess", "compare", "report", "serve",
                     "agreement", "votes", "rejects", "code", "export", "sentences"):
        assert required in names


def test_guard_records_a_failure_and_goes_on():
    guard = SentenceGuard("coder")
    with guard.document("d1"):
        assert guard.run(0, lambda: [1], default=list) == [1]
        assert guard.run(1, lambda: 1 / 0, default=list) == []
        assert guard.run(2, lambda: [3], default=list) == [3]
    [e] = guard.errors
    assert (e.doc_id, e.sentence_index, e.stage, e.kind) == ("d1", 1, "coder", "error")
    assert e.message.startswith("ZeroDivisionError")
    assert guard.failed_sentences() == 1


def test_guard_logs_a_slow_sentence_and_keeps_its_result():
    guard = SentenceGuard("coder", slow_seconds=0.01)
    with guard.document("d1"):
        assert guard.run(4, lambda: time.sleep(0.03) or ["kept"], default=list) == ["kept"]
    [e] = guard.errors
    assert e.kind == "slow" and e.sentence_index == 4 and e.seconds >= 0.03
    assert guard.failed_sentences() == 0


def test_guard_records_a_document_level_failure():
    guard = SentenceGuard("commitments")
    with guard.document("d2"):
        raise RecursionError("maximum recursion depth exceeded")
    [e] = guard.errors
    assert e.sentence_index is None and e.message.startswith("RecursionError")


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "three.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _explode_on_boom(monkeypatch, cls, method):
    original = getattr(cls, method)

    def exploding(self, *args, **kwargs):
        sent = args[0]
        text = getattr(sent, "text", "")
        if "BOOM" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(cls, method, exploding)


def test_a_sentence_the_coder_fails_on_keeps_its_document(tmp_path, article, monkeypatch):
    from trustledger.coding.coder import EventCoder

    _explode_on_boom(monkeypatch, EventCoder, "code_sentence")
    db = tmp_path / "s.duckdb"
    r = run_cli("ingest", article, "--db", db)
    assert r.code == 0, r.stderr
    assert "1 sentence(s) could not be coded" in r.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM sentences").fetchone()[0] == 3
    roots = {r[0] for r in con.execute("SELECT root FROM events").fetchall()}
    assert roots == {"19", "11"}  # the sentences before and after the failure are coded
    con.close()
    rows = run_cli("rejects", "--db", db, "--format", "json").json()
    [row] = [x for x in rows if x["kind"] == "error"]
    assert row["stage"] == "coder" and row["sentence_index"] == 1 and "RecursionError" in row["reason"]
    assert "BOOM" in row["raw"] and row["path"].endswith("three.md")
    # loading the file again adds nothing, and the error is not recorded twice
    again = run_cli("ingest", article, "--db", db)
    assert again.code == 0 and "unchanged" in again.stderr
    assert len([x for x in run_cli("rejects", "--db", db, "--format", "json").json() if x["kind"] == "error"]) == 1


def test_a_sentence_the_commitment_finder_fails_on_keeps_its_document(tmp_path, article, monkeypatch):
    from trustledger.commitments.detect import CommitmentFinder

    def exploding(self, view):
        if "BOOM" in view.text:
            raise ValueError("bad view")
        return []

    monkeypatch.setattr(CommitmentFinder, "find", exploding)
    db = tmp_path / "c.duckdb"
    r = run_cli("ingest", article, "--db", db)
    assert r.code == 0, r.stderr
    stats = run_cli("stats", "--db", db, "--format", "json").json()
    assert stats["documents"] == 1 and stats["events"] >= 2 and stats["stage_errors"] == 1
    [row] = [x for x in run_cli("rejects", "--db", db, "--format", "json").json() if x["kind"] == "error"]
    assert row["stage"] == "commitments" and "ValueError: bad view" in row["reason"]


def test_recoding_replaces_the_recorded_failures(tmp_path, article, monkeypatch):
    from trustledger.coding.coder import EventCoder

    db = tmp_path / "r.duckdb"
    with monkeypatch.context() as m:
        _explode_on_boom(m, EventCoder, "code_sentence")
        assert run_cli("ingest", article, "--db", db).code == 0
    assert run_cli("stats", "--db", db, "--format", "json").json()["stage_errors"] == 1
    r = run_cli("code", "--db", db)  # the bug is fixed: re-coding clears the record and codes the sentence
    assert r.code == 0, r.stderr
    stats = run_cli("stats", "--db", db, "--format", "json").json()
    assert stats["stage_errors"] == 0 and stats["events"] >= 3


def test_recoding_keeps_the_ledger(tmp_path):
    """Re-coding replaces mentions and outcomes by rows with the same ids: the ledger must still be
    rebuilt (its fingerprint cannot see the outcomes' links), so it comes out as before."""
    from tests.conftest import ROOT

    db = tmp_path / "l.duckdb"
    articles = sorted((ROOT / "examples" / "corpus").glob("*.md"))[:10]
    assert run_cli("ingest", *articles, "--db", db).code == 0
    before = run_cli("ledger", "--db", db, "--format", "json").json()
    assert any(e["outcomes"] for e in before)
    assert run_cli("code", "--db", db).code == 0
    assert run_cli("ledger", "--db", db, "--format", "json").json() == before
