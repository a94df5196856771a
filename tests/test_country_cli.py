"""Country names everywhere (issue 16.1): every country argument and option of the CLI and the Python
API takes names, ISO2, ISO3 and CAMEO codes through the one resolver, gives the same answer as the
code, and refuses an unknown name with one line and a non-zero exit, never an empty result."""

from __future__ import annotations

from pathlib import Path

import pytest

import trustledger
from tests.conftest import run_cli
from trustledger.country_names import UnknownCountry
from trustledger.report import sample


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample.build(tmp_path_factory.mktemp("names") / "sample.duckdb")


def as_json(store: Path, *args: str):
    r = run_cli(*args, "--db", store, "--format", "json")
    assert r.code == 0, r.stderr
    return r.json()


SAME = [  # (by name, by code): the same rows
    (("assess", "Iran", "Russia"), ("assess", "IRN", "RUS")),
    (("assess", "iran", "the Russian Federation"), ("assess", "IR", "RU")),
    (("compare", "Iran", "Russia", "United States"), ("compare", "IRN", "RUS", "USA")),
    (("series", "Iran", "russia"), ("series", "IRN", "RUS")),
    (("events", "--source", "Russia"), ("events", "--source", "RUS")),
    (("events", "--target", "Iran", "--source", "Russian"), ("events", "--target", "IRN", "--source", "RUS")),
    (("ledger", "--from", "Russia", "--to", "Iran"), ("ledger", "--from", "RUS", "--to", "IRN")),
    (("votes", "--country", "Russia"), ("votes", "--country", "RUS")),
    (("votes", "--about", "Iran"), ("votes", "--about", "IRN")),
    (("agreement", "Iran", "Russia"), ("agreement", "IRN", "RUS")),
]


@pytest.mark.parametrize("by_name, by_code", SAME, ids=lambda a: " ".join(a))
def test_names_give_the_codes_answer(store, by_name, by_code):
    expected = as_json(store, *by_code)
    assert expected, "the sample store should answer something"
    assert as_json(store, *by_name) == expected


def test_the_soviet_union_is_a_country_too(store):
    """A former state resolves to its own code, and a filter for it is a valid (here empty) question."""
    r = run_cli("events", "--source", "Soviet Union", "--db", store, "--format", "json")
    assert r.code == 0 and r.json() == []
    assert as_json(store, "events", "--source", "RUSGOV") == [
        e for e in as_json(store, "events", "--source", "Russia") if e["source"]["code"].startswith("RUSGOV")]


BAD = [
    (("assess", "Iran", "Rusia"), "trustee 'Rusia' is not a known country; did you mean Russia (RUS)?"),
    (("compare", "Iran", "Russia", "Untied States"), "did you mean United States (USA)?"),
    (("events", "--source", "Rusia"), "--source 'Rusia' is not a known country; did you mean Russia (RUS)?"),
    (("events", "--target", "Narnia"), "--target 'Narnia' is not a known country"),
    (("ledger", "--from", "Rusia"), "--from 'Rusia' is not a known country; did you mean Russia (RUS)?"),
    (("ledger", "--to", "Iranistan"), "--to 'Iranistan'"),
    (("votes", "--country", "Rusia"), "--country 'Rusia' is not a known country; did you mean Russia (RUS)?"),
    (("votes", "--about", "Xyzzy"), "--about 'Xyzzy' is not a known country"),
    (("agreement", "Iran", "Rusia"), "did you mean Russia (RUS)?"),
    (("series", "Korea", "Russia"), "'Korea' could mean South Korea (KOR) or North Korea (PRK)"),
    (("report", "Iran", "Rusia"), "trustee 'Rusia' is not a known country; did you mean Russia (RUS)?"),
    (("assess", "Iran", "IGO"), "'IGO' is not a known country"),
]


@pytest.mark.parametrize("args, words", BAD, ids=lambda a: " ".join(a) if isinstance(a, tuple) else "")
def test_unknown_names_are_one_line_errors_not_empty_results(store, tmp_path, args, words):
    extra = ("--html", str(tmp_path / "r.html")) if args[0] == "report" else ()
    r = run_cli(*args, *extra, "--db", store)
    assert r.code == 2, (r.stdout, r.stderr)
    assert r.stderr.startswith("error: ") and words in r.stderr, r.stderr
    assert r.stderr.count("\n") == 1 and r.stdout == ""


def test_python_api_takes_names_too(store):
    tl = trustledger.open(store)
    assert tl.assess("Iran", "Russia") == tl.assess("IRN", "RUS")
    assert tl.events(source="Russia", target="iran") == tl.events(source="RUS", target="IRN")
    assert tl.ledger(promisor="Russia") == tl.ledger(promisor="RUS") != []
    assert tl.votes(country="Russia") == tl.votes(country="RUS") != []
    assert tl.agreement("Iran", "Russia") == tl.agreement("IRN", "RUS")
    assert tl.compare("Iran", ["Russia"]) == tl.compare("IRN", ["RUS"])
    for call in (lambda: tl.events(source="Rusia"), lambda: tl.ledger(promisee="Rusia"),
                 lambda: tl.votes(about="Rusia"), lambda: tl.assess("Iran", "Rusia")):
        with pytest.raises(UnknownCountry, match="did you mean Russia"):
            call()


def test_countries_lists_and_filters():
    every = run_cli("countries", "--format", "json").json()
    assert len(every) > 240 and {"code", "name", "iso2", "iso3"} <= set(every[0])
    soviet = run_cli("countries", "soviet", "--format", "json").json()
    assert [(c["code"], c["iso2"], c["iso3"], c["successor"]) for c in soviet] == [("USR", "SU", "SUN", "RUS")]
    table = run_cli("countries", "korea").stdout
    assert "North Korea" in table and "South Korea" in table and "KOR" in table
    assert [c["code"] for c in run_cli("countries", "--states", "--format", "json").json()
            if c["territory"]] == []
    r = run_cli("countries", "Rusia")
    assert r.code == 2 and "did you mean Russia (RUS)?" in r.stderr and r.stderr.count("\n") == 1
