"""The web app over a sample dyad store (IRN, RUS) holding a hostile payload; in-process client
and a real server (`trustledger serve` in a child process on a free loopback port)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from trustledger.report import sample
from trustledger.web.process import running_server

with warnings.catch_warnings():  # starlette's notice about its httpx-based TestClient, once for all tests
    warnings.simplefilter("ignore")
    import fastapi.testclient  # noqa: F401

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(1)>"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "sample.duckdb"
    return sample.build(path, sample.SampleSpec(hostile=HOSTILE))


@pytest.fixture(scope="session")
def client(sample_db: Path):
    from fastapi.testclient import TestClient

    from trustledger.web.app import create_app

    with TestClient(create_app(sample_db), base_url="http://127.0.0.1") as c:
        yield c


@pytest.fixture(scope="session")
def server(sample_db: Path) -> Iterator[str]:
    with running_server(sample_db, timeout=30) as base:
        yield base


@pytest.fixture(scope="session")
def explore_db(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample store plus what real stores hold and the sample lacks: events of international
    bodies (IGO) and of unknown actors ('---', as GDELT writes them), a Soviet (USR) event, and one
    delivery reported three times (twice in one report, once in a copy of that story)."""
    import duckdb

    db = tmp_path_factory.mktemp("explore") / "explore.duckdb"
    db.write_bytes(sample_db.read_bytes())
    con = duckdb.connect(str(db))
    for i, (src, tgt) in enumerate([("IGO", "IRN"), ("---", "RUS"), ("IRN", "IGO"), ("USR", "IRN")]):
        con.execute("INSERT INTO events (event_id, origin, date, date_precision, source_code, source_country, "
                    "target_code, target_country, cameo, root, quad_class, goldstein, mode) VALUES "
                    "(?, 'gdelt1', DATE '1990-05-01', 'day', ?, ?, ?, ?, '042', '04', 1, 1.9, 'did')",
                    [f"x{i}", src, src, tgt, tgt])
    con.execute("INSERT INTO documents (doc_id, story_id, title, date, source, url, path, text, n_sentences) "
                "SELECT '00000000000010ff', story_id, title || ' (copy)', date + 1, 'wire', url, "
                "'sample/copy.md', text, n_sentences FROM documents WHERE doc_id = '0000000000001001'")
    con.execute("INSERT INTO sentences SELECT '00000000000010ff', sentence_index, start_char, end_char, text "
                "FROM sentences WHERE doc_id = '0000000000001001'")
    con.execute("INSERT INTO outcomes (outcome_id, commitment_id, origin, kind, date, date_precision, doc_id, "
                "sentence_index, story_id, text) SELECT outcome_id || '-' || n, commitment_id, origin, kind, date, "
                "date_precision, d, s, story_id, text FROM outcomes, (VALUES ('a', '0000000000001001', 1), "
                "('b', '00000000000010ff', 0)) v(n, d, s) WHERE outcome_id = 'o000000000000001'")
    con.close()
    return db
