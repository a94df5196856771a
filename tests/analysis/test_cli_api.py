"""The assess and compare commands and the Python API, run for real on a hand-built store."""

from __future__ import annotations

import sys

import pandas as pd

import trustledger
from trustledger.analysis.components.combine import WEIGHTS

ASSESSMENT_KEYS = {"truster", "trustee", "period", "score", "interval", "verdict", "explanation", "components",
                   "series", "evidence"}


def test_assess_json_shape(cli, iran_store):
    db = iran_store.close()
    r = cli("assess", "IRN", "RUS", "--db", db, "--format", "json")
    assert r.code == 0, r.stderr
    a = r.json()
    assert ASSESSMENT_KEYS <= set(a)
    assert a["truster"] == "IRN" and a["trustee"] == "RUS"
    assert a["period"] == {"since": "1995-01-08", "until": "2011-05-25"}
    assert 0 <= a["interval"][0] <= a["score"] <= a["interval"][1] <= 1
    assert set(a["components"]) == set(WEIGHTS)
    for name, points in a["series"].items():
        for p in points:
            assert {"year", "value", "n"} <= set(p), name


def test_assess_table_is_a_readable_panel(cli, iran_store):
    db = iran_store.close()
    r = cli("assess", "IRN", "RUS", "--db", db)
    assert r.code == 0, r.stderr
    a = cli("assess", "IRN", "RUS", "--db", db, "-f", "json").json()
    out = r.stdout
    assert "Can Iran (IRN) trust Russia (RUS)?" in out and a["verdict"].upper() in out
    assert f"score {a['score']:.2f}" in out and "Components" in out and "Top evidence" in out
    assert "Russia to finish Bushehr" in out


def test_since_until_on_the_command_line(cli, iran_store):
    db = iran_store.close()
    a = cli("assess", "IRN", "RUS", "--db", db, "--since", "2009-01-01", "--until", "2009-12-31", "-f", "json").json()
    assert a["period"] == {"since": "2009-01-01", "until": "2009-12-31"}
    assert a["components"]["commitments"]["n"] == 0 and a["components"]["alignment"]["joint_votes"] == 6


def test_compare_json_and_table(cli, iran_store):
    db = iran_store.close()
    r = cli("compare", "IRN", "RUS", "USA", "--db", db, "--format", "json")
    assert r.code == 0, r.stderr
    rows = r.json()
    assert isinstance(rows, list) and [x["trustee"] for x in rows] == ["RUS", "USA"]
    assert rows[1]["verdict"] == "insufficient evidence" and rows[1]["score"] is None
    assert {"score", "interval", "verdict", "components", "words", "flag"} <= set(rows[0])
    table = cli("compare", "IRN", "RUS", "USA", "--db", db)
    assert table.code == 0 and "RUS" in table.stdout and "insufficient evidence" in table.stdout


def test_errors_are_one_line(cli, iran_store, tmp_path):
    db = iran_store.close()
    for args, words in [(("assess", "IRN", "XYZ"), "'XYZ' is not a known"),
                        (("assess", "IRN", "RUS", "--since", "2010-13-01"), "--since '2010-13-01' is not a date"),
                        (("assess", "IRN", "RUS", "--since", "2011-01-01", "--until", "2010-01-01"), "after"),
                        (("compare", "IRN", "RUS", "QQQ"), "'QQQ' is not a known")]:
        r = cli(*args, "--db", db)
        assert r.code == 2, (args, r.stdout, r.stderr)
        assert r.stderr.startswith("error:") and words in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = cli("assess", "IRN", "RUS", "--db", tmp_path / "missing.duckdb")
    assert r.code == 2 and "no store here" in r.stderr


def test_python_api_matches_cli_and_makes_frames(cli, iran_store):
    db = iran_store.close()
    tl = trustledger.open(db)
    a = tl.assess("IRN", "RUS")
    assert a == cli("assess", "IRN", "RUS", "--db", db, "-f", "json").json()
    frame = a.to_frame()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame["component"]) == [*WEIGHTS, "combined"]
    assert frame.set_index("component").loc["combined", "score"] == a["score"]
    assert frame.set_index("component").loc["commitments", "n"] == 3

    rows = tl.compare("IRN", ["RUS", "USA"])
    assert rows == cli("compare", "IRN", "RUS", "USA", "--db", db, "-f", "json").json()
    cf = rows.to_frame()
    assert list(cf["trustee"]) == ["RUS", "USA"] and "words.praise" in cf.columns

    s = tl.series("IRN", "RUS")
    assert s == a["series"]
    sf = s.to_frame()
    assert set(sf["component"]) <= set(WEIGHTS) and len(sf) == sum(len(v) for v in a["series"].values())

    assert [r["year"] for r in tl.agreement("IRN", "RUS")] == [2009]
    ev = tl.events(source="RUS", target="IRN")
    assert len(ev) == 4 and ev.to_frame().shape[0] == 4
    assert {e["cameo"] for e in ev} == {"051", "036", "061", "162"}
    led = tl.ledger(promisor="RUS")
    assert {e["status"] for e in led} == {"kept", "kept_late", "broken"}
    assert len(tl.votes(country="RUS")) == 7


def test_open_is_lazy_and_errors_cleanly(tmp_path):
    import subprocess

    code = "import sys, trustledger; print('pandas' in sys.modules, 'scipy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
    try:
        trustledger.open(tmp_path / "none.duckdb")
    except trustledger.errors.UserError as e:
        assert "no store here" in str(e)
    else:
        raise AssertionError("opening a missing store must fail")


def test_series_command_rows_match_the_assessment(cli, iran_store):
    db = iran_store.close()
    a = cli("assess", "IRN", "RUS", "--db", db, "-f", "json").json()
    r = cli("series", "IRN", "RUS", "--db", db, "-f", "json")
    assert r.code == 0, r.stderr
    rows = r.json()
    assert len(rows) == sum(len(v) for v in a["series"].values())
    for row in rows:
        point = next(p for p in a["series"][row["component"]] if p["year"] == row["year"])
        assert (row["value"], row["n"], [row["low"], row["high"]]) == (point["value"], point["n"], point["interval"])
    csv = cli("series", "IRN", "RUS", "--db", db, "-f", "csv").stdout.splitlines()
    assert csv[0] == "component,year,value,n,low,high" and len(csv) == len(rows) + 1
