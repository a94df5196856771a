"""One answer per question: the CLI's JSON, the Python API and the web app's JSON API give identical
answers for the same arguments (they all call `trustledger.queries`), on the sample dyad store."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import trustledger
from tests.conftest import run_cli
from trustledger import queries
from trustledger.report import sample

with warnings.catch_warnings():  # starlette's notice about its httpx-based TestClient
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample.build(tmp_path_factory.mktemp("queries") / "sample.duckdb")


@pytest.fixture(scope="module")
def web(sample_db: Path):
    from trustledger.web.app import create_app

    with TestClient(create_app(sample_db), base_url="http://127.0.0.1") as client:
        yield client


def cli_json(db: Path, *args: str):
    r = run_cli(*args, "--db", db, "--format", "json")
    assert r.code == 0, r.stderr
    return r.json()


def web_json(client, url: str, params=None):
    r = client.get(url, params=params)
    assert r.status_code == 200, r.text
    return r.json()


# (CLI arguments, Python API call, web URL and parameters): the same question three ways.
CASES = {
    "documents": (["documents", "--limit", "5"], lambda tl: tl.documents(limit=5),
                  ("/api/documents", {"limit": 5})),
    "events": (["events", "--source", "RUS", "--target", "IRN", "--since", "1998", "--until", "2006-06",
                "--limit", "20"],
               lambda tl: tl.events(source="RUS", target="IRN", since="1998", until="2006-06", limit=20),
               ("/api/events", {"source": "RUS", "target": "IRN", "since": "1998", "until": "2006-06",
                                "limit": 20})),
    "events_mode": (["events", "--mode", "did", "--dyads", "--limit", "30"],
                    lambda tl: tl.events(mode="did", dyads=True, limit=30),
                    ("/api/events", {"mode": "did", "dyads": "true", "limit": 30})),
    "ledger": (["ledger", "--from", "RUS", "--to", "IRN"], lambda tl: tl.ledger(promisor="RUS", promisee="IRN"),
               ("/api/ledger", {"promisor": "RUS", "promisee": "IRN"})),
    "ledger_status": (["ledger", "--status", "kept_late", "--since", "1990"],
                      lambda tl: tl.ledger(status="kept_late", since="1990"),
                      ("/api/ledger", {"status": "kept_late", "since": "1990"})),
    "votes": (["votes", "--country", "RUS", "--body", "UNGA", "--limit", "15"],
              lambda tl: tl.votes(country="RUS", body="UNGA", limit=15),
              ("/api/votes", {"country": "RUS", "body": "UNGA", "limit": 15})),
    "agreement": (["agreement", "IRN", "RUS"], lambda tl: tl.agreement("IRN", "RUS"),
                  ("/api/agreement/IRN/RUS", None)),
    "agreement_all": (["agreement", "IRN", "RUS", "--body", "all"], lambda tl: tl.agreement("IRN", "RUS", body="all"),
                      ("/api/agreement/IRN/RUS", {"body": "all"})),
    "assess": (["assess", "IRN", "RUS", "--since", "1996", "--until", "2010-12-31"],
               lambda tl: tl.assess("IRN", "RUS", since="1996", until="2010-12-31"),
               ("/api/assess/IRN/RUS", {"since": "1996", "until": "2010-12-31"})),
    "compare": (["compare", "IRN", "RUS", "USA"], lambda tl: tl.compare("IRN", ["RUS", "USA"]),
                ("/api/compare/IRN", [("trustee", "RUS"), ("trustee", "USA")])),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_cli_api_and_web_give_one_answer(name, sample_db, web):
    args, call, (url, params) = CASES[name]
    expected = cli_json(sample_db, *args)
    assert expected, f"{name}: the sample store should answer something"
    assert call(trustledger.open(sample_db)) == expected
    assert web_json(web, url, params) == expected


def test_series_is_one_answer_in_two_shapes(sample_db, web):
    expected = cli_json(sample_db, "series", "IRN", "RUS")
    api = trustledger.open(sample_db).series("IRN", "RUS")
    assert expected and queries.series_rows(api) == expected
    assert list(api.to_frame().columns) == queries.SERIES_COLUMNS and len(api.to_frame()) == len(expected)
    assert web_json(web, "/api/series/IRN/RUS") == api


def test_the_ledger_entry_is_the_ledgers_own(sample_db, web):
    """The web app's entry view shows the entry `trustledger ledger` lists, its sentences and outcomes
    cited with their documents (title, path, url, and the document's date where the item has none)."""
    entries = cli_json(sample_db, "ledger")
    assert entries
    for entry in entries:
        shown = web_json(web, f"/api/ledger/{entry['commitment_id']}")
        # The page adds two reading aids and nothing else: the promise's own sentences (a subset of
        # the evidence) and the outcomes grouped per date (each outcome in one group).
        assert set(shown) - set(entry) == {"promise_evidence", "outcome_groups"}
        assert {k: v for k, v in shown.items() if k in entry and k not in ("evidence", "outcomes")} == {
            k: v for k, v in entry.items() if k not in ("evidence", "outcomes")}
        said = {(e["doc_id"], e["sentence_index"]) for e in entry["evidence"]}
        assert {(e["doc_id"], e["sentence_index"]) for e in shown["promise_evidence"]} <= said
        assert len({g["date"] for g in shown["outcome_groups"]}) == len(shown["outcome_groups"])
        assert {g["date"] for g in shown["outcome_groups"]} == {o["date"] for o in shown["outcomes"]}
        for key in ("evidence", "outcomes"):
            assert len(shown[key]) == len(entry[key])
            for cited, item in zip(shown[key], entry[key], strict=True):
                assert {k: v for k, v in cited.items() if k in item and item[k] is not None} == {
                    k: v for k, v in item.items() if v is not None}
                assert {"title", "path", "url"} <= set(cited)


@pytest.mark.parametrize("args, words", [
    (("agreement", "IRN", "XYZ"), "'XYZ' is not a known"),
    (("agreement", "RUS", "rus"), "two different states"),
    (("votes", "--body", "UNGX"), "expected UNGA, UNSC or all"),
    (("ledger", "--status", "lost"), "--status 'lost'"),
])
def test_the_queries_check_their_arguments(sample_db, args, words):
    r = run_cli(*args, "--db", sample_db)
    assert r.code == 2 and r.stderr.startswith("error:") and words in r.stderr, r.stderr
