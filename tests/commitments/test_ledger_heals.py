"""The ledger heals itself: an ingest killed (kill -9) at any step leaves a store whose next open or
next ingest rebuilds the derived tables, so the ledger and the assessment come out as after a clean
run. The kill points are made deterministic by TRUSTLEDGER_PAUSE_AT (trustledger/debug.py)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT, run_process

pytestmark = pytest.mark.slow

#: A few demo articles with promises and their outcomes (Bushehr, S-300, fuel), plus SIPRI-like votes.
ARTICLES = sorted((ROOT / "examples" / "corpus").glob("*.md"))[:14]
VOTES = ROOT / "trustledger" / "data" / "unsc_iran_votes.csv"
EXE = Path(sys.executable).with_name("trustledger")


def _ledger_rows(db: Path) -> list:
    """The ledger table as stored, read without healing (a raw DuckDB connection)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT commitment_id, status, delay_days FROM ledger ORDER BY commitment_id").fetchall()
    finally:
        con.close()


def _ledger_json(db: Path) -> list:
    r = run_process("ledger", "--db", db, "--format", "json")
    assert r.code == 0, r.stderr
    return sorted(json.loads(r.stdout), key=lambda e: e["commitment_id"])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for a in ARTICLES:
        shutil.copy(a, folder / a.name)
    shutil.copy(VOTES, folder / VOTES.name)
    return folder


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    r = run_process("ingest", corpus, "--db", db)
    assert r.code == 0, r.stderr
    assess = json.loads(run_process("assess", "IRN", "RUS", "--db", db, "--format", "json").stdout)
    rows = _ledger_rows(db)
    assert rows, "the corpus must give a ledger"
    return {"rows": rows, "json": _ledger_json(db), "score": assess["score"]}


def _killed_at(point: str, corpus: Path, db: Path) -> None:
    """Run ingest until it pauses at `point`, then kill -9 it there."""
    env = {**os.environ, "TRUSTLEDGER_PAUSE_AT": point}
    proc = subprocess.Popen([str(EXE), "ingest", str(corpus), "--db", str(db)], env=env,
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        for line in proc.stderr:
            if line.startswith(f"paused at {point}"):
                break
        else:
            pytest.fail(f"ingest never paused at {point} (exit {proc.wait()})")
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
        proc.stderr.close()


@pytest.mark.parametrize("point", ["after-files", "rebuilding"])
def test_a_read_after_a_kill_heals_the_ledger(point, corpus, clean, tmp_path):
    db = tmp_path / "killed.duckdb"
    _killed_at(point, corpus, db)
    assert _ledger_rows(db) != clean["rows"]  # the kill left it stale (empty: never rebuilt or rolled back)
    assert _ledger_json(db) == clean["json"]  # the read heals it first
    assert _ledger_rows(db) == clean["rows"]  # and the healed table is stored
    score = json.loads(run_process("assess", "IRN", "RUS", "--db", db, "--format", "json").stdout)["score"]
    assert score == clean["score"]


@pytest.mark.parametrize("point", ["after-files", "rebuilding", "file-stored"])
def test_the_next_ingest_after_a_kill_heals_the_ledger(point, corpus, clean, tmp_path):
    db = tmp_path / "killed.duckdb"
    _killed_at(point, corpus, db)
    r = run_process("ingest", corpus, "--db", db)  # everything (or all but one file) is there already
    assert r.code == 0, r.stderr
    assert _ledger_rows(db) == clean["rows"]
    assert _ledger_json(db) == clean["json"]


def test_an_unchanged_store_is_not_rebuilt(corpus, clean, tmp_path):
    db = tmp_path / "s.duckdb"
    assert run_process("ingest", corpus, "--db", db).code == 0
    con = duckdb.connect(str(db))
    con.execute("UPDATE ledger SET status = 'marker'")  # a rebuild would overwrite this
    con.close()
    r = run_process("ingest", corpus, "--db", db)
    assert r.code == 0 and "0 file(s) loaded" in r.stderr
    assert {row[1] for row in _ledger_rows(db)} == {"marker"}
