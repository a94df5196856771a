"""SIGKILL in the middle of a large load: the store opens, holds no half-loaded file, and a
re-run completes with exactly the expected rows and no duplicates."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from tests.conftest import run_cli

N_FILES = 90


def _corpus(folder: Path) -> None:
    folder.mkdir()
    for i in range(N_FILES):
        body = " ".join(
            f"In report {i}, Russia agreed to deliver {j + 2} shipments of fuel to Iran by the end of {2000 + j}."
            for j in range(8)
        )
        (folder / f"a{i:04d}.md").write_text(f"---\ntitle: Article {i}\ndate: 2010-01-{1 + i % 28:02d}\n---\n{body}\n")


def _invariants(db: Path) -> tuple[int, int]:
    con = duckdb.connect(str(db))
    try:
        docs, sents = con.execute("SELECT count(*), coalesce(sum(n_sentences), 0) FROM documents").fetchone()
        assert con.execute("SELECT count(*) FROM sentences").fetchone()[0] == sents
        # every stored document has all its sentences, and every file is all or nothing
        assert con.execute(
            "SELECT count(*) FROM documents d WHERE n_sentences <> "
            "(SELECT count(*) FROM sentences s WHERE s.doc_id = d.doc_id)"
        ).fetchone()[0] == 0
        assert con.execute(
            "SELECT count(*) FROM documents d LEFT JOIN source_files f USING (file_id) WHERE f.file_id IS NULL"
        ).fetchone()[0] == 0
        assert con.execute(
            "SELECT count(*) FROM (SELECT doc_id FROM documents GROUP BY doc_id HAVING count(*) > 1)"
        ).fetchone()[0] == 0
        return docs, sents
    finally:
        con.close()


def test_sigkill_mid_ingest_then_rerun(tmp_path):
    corpus = tmp_path / "corpus"
    _corpus(corpus)
    db = tmp_path / "crash.duckdb"
    exe = Path(sys.executable).with_name("trustledger")
    proc = subprocess.Popen([str(exe), "ingest", str(corpus), "--db", str(db), "--no-progress", "--verbose"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stored = 0
    for line in proc.stderr:  # wait until a few files are committed, then kill mid-load
        stored += line.startswith("loaded:")
        if stored >= 5:
            break
    time.sleep(0.05)
    killed = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert killed, "ingest finished before it could be killed; make the corpus larger"
    partial_docs, _ = _invariants(db)
    assert 0 < partial_docs < N_FILES  # killed between two committed files
    r = run_cli("ingest", corpus, "--db", db)
    assert r.code == 0, r.stderr
    docs, _ = _invariants(db)
    assert docs == N_FILES
    r = run_cli("ingest", corpus, "--db", db)
    assert _invariants(db)[0] == N_FILES and "0 file(s) loaded" in r.stderr
