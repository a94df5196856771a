"""UN agreement on contested roll calls (at least 10% of the members present voted no), worked out
by hand on a tiny unvotes-layout store (tests/fixtures/structured/un_*_contested.csv, ingested by the
real importer): `votes.agreement`, `agg_agreement`, the alignment component, the
explanation sentence and the `agreement` command.

The fixture: 11 members (USA GBR FRA DEU CAN JPN AUS KOR IRN RUS CUB), everyone yes unless said:
  2001  901  all yes                                  0 of 11 no    not contested
        902  IRN no                                   1 of 11 (9%)  not contested
        903  IRN no, CUB absent                       1 of 10 (10%) contested (absent is not present)
        904  USA GBR no, six abstain                  2 of 11       contested (abstentions are present)
        905  USA no, GBR abstain                      1 of 11       not contested
  2002  906  IRN RUS CUB no                           3 of 11       contested
        907  USA CUB no                               2 of 11       contested
        908  USA GBR abstain, IRN CUB no              2 of 11       contested
USA-GBR (same 1, one abstaining 0.5, yes vs no 0):
  2001 all: 1 1 1 1 .5 = 4.5/5; contested (903, 904): 1 1 = 2/2
  2002 all = contested: 906 1, 907 0, 908 1 = 2/3
USA-IRN: 2001 all: 1 0 0 0 0 = 1/5; contested 0/2; 2002: 906 0, 907 0, 908 .5 = .5/3
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from trustledger.analysis.aggregates import compute_local, stored_agreement
from trustledger.analysis.components import alignment
from trustledger.analysis.components.base import Dyad
from trustledger.analysis.votes import CONTESTED_NO_SHARE, agreement
from trustledger.store.db import Store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "structured"
FILES = [FIXTURES / "un_roll_calls_contested.csv", FIXTURES / "un_votes_contested.csv"]


@pytest.fixture
def contested_db(tmp_path, cli):
    """The fixture files through the real `trustledger ingest`."""
    path = tmp_path / "contested.duckdb"
    r = cli("ingest", *FILES, "--db", path)
    assert r.code == 0, r.stderr
    return path


@pytest.fixture
def store(contested_db):
    s = Store(contested_db)
    yield s
    s.close()


def _rows(rows):
    return [(r["year"], r["votes"], r["agreement"], r["contested_votes"], r["contested_agreement"]) for r in rows]


def test_the_definition_is_ten_percent_of_members_present():
    assert CONTESTED_NO_SHARE == 0.10


def test_agreement_on_contested_roll_calls_by_hand(store):
    assert _rows(agreement(store, "USA", "GBR")) == [
        (2001, 5, pytest.approx(4.5 / 5), 2, pytest.approx(1.0)),
        (2002, 3, pytest.approx(2 / 3), 3, pytest.approx(2 / 3))]
    assert _rows(agreement(store, "USA", "IRN")) == [
        (2001, 5, pytest.approx(1 / 5), 2, pytest.approx(0.0)),
        (2002, 3, pytest.approx(0.5 / 3), 3, pytest.approx(0.5 / 3))]
    # the existing keys stay first and unchanged
    assert list(agreement(store, "USA", "GBR")[0])[:3] == ["year", "agreement", "votes"]


def test_a_year_without_contested_roll_calls(build):
    others = {c: "yes" for c in ("FRA", "DEU", "CAN", "JPN", "AUS", "KOR", "RUS", "CUB")}
    build.roll_call("A1", "2005-10-01", {"USA": "yes", "GBR": "yes", **others})
    build.roll_call("A2", "2005-10-02", {"USA": "no", "GBR": "abstain", **others})   # 1 of 10 no: contested
    build.roll_call("A3", "2006-10-01", {"USA": "no", "GBR": "yes", "IRN": "yes", **others})   # 1 of 11: not
    assert _rows(agreement(build.store, "USA", "GBR")) == [(2005, 2, 0.75, 1, 0.5), (2006, 1, 0.0, 0, None)]


def test_security_council_two_no_of_fifteen(build):
    # the same definition for any body: in a 15-member council one no (a veto) is 6.7%, two are 13.3%
    members = ["USA", "GBR", "FRA", "RUS", "CHN", "BRA", "IND", "JPN", "DEU", "ZAF", "NGA", "MEX", "EGY", "IRL",
               "NOR"]
    build.roll_call("S1", "2012-02-04", {m: ("no" if m == "RUS" else "yes") for m in members}, body="UNSC")
    build.roll_call("S2", "2012-07-19", {m: ("no" if m in ("RUS", "CHN") else "yes") for m in members},
                    body="UNSC")
    rows = agreement(build.store, "USA", "FRA", body="UNSC")
    assert _rows(rows) == [(2012, 2, 1.0, 1, 1.0)]
    assert _rows(agreement(build.store, "USA", "RUS", body="UNSC")) == [(2012, 2, 0.0, 1, 0.0)]


def test_aggregate_table_stores_the_contested_counts(store):
    compute_local(store, ["USA"])
    rows = store.query("SELECT year, votes, agree, contested_votes, contested_agree, contested_agreement "
                       "FROM agg_agreement WHERE country_a = 'USA' AND country_b = 'IRN' ORDER BY year")
    assert [(r["year"], r["votes"], float(r["agree"]), r["contested_votes"], float(r["contested_agree"]),
             r["contested_agreement"]) for r in rows] == [(2001, 5, 1.0, 2, 0.0, 0.0),
                                                          (2002, 3, 0.5, 3, 0.5, pytest.approx(0.5 / 3))]
    for b in ("GBR", "IRN", "CUB"):
        assert stored_agreement(store, "USA", b) == agreement(store, "USA", b)


def test_alignment_general_part_over_contested_roll_calls(store):
    out = alignment.score(sum(alignment.yearly(store, Dyad("USA", "GBR")).values(), alignment.Counts()))
    # raw figures stay over all roll calls; g over the 5 contested joint votes, 4 alike
    assert (out["joint_votes"], out["agreement"]) == (8, pytest.approx(6.5 / 8, abs=1e-4))
    assert (out["contested_votes"], out["contested_agreement"]) == (5, pytest.approx(4 / 5, abs=1e-4))
    assert out["general_score"] == pytest.approx((1 + 4) / (2 + 5), abs=1e-4)
    assert out["score"] == out["general_score"]                      # no targeted votes
    assert "5 contested" in out["detail"] and "falls back" not in out["detail"]
    out = alignment.score(sum(alignment.yearly(store, Dyad("USA", "IRN")).values(), alignment.Counts()))
    assert out["general_score"] == pytest.approx((1 + 0.5) / (2 + 5), abs=1e-4)
    assert out["agreement"] == pytest.approx(1.5 / 8, abs=1e-4)


def test_fallback_to_all_roll_calls_below_the_minimum(store):
    # 2001 alone: 2 contested joint votes, fewer than MIN_JOINT_VOTES: g over all 5
    assert alignment.MIN_JOINT_VOTES > 2
    dyad = Dyad("USA", "GBR", since=dt.date(2001, 1, 1), until=dt.date(2001, 12, 31))
    out = alignment.score(sum(alignment.yearly(store, dyad).values(), alignment.Counts()))
    assert (out["joint_votes"], out["contested_votes"]) == (5, 2)
    assert out["general_score"] == pytest.approx((1 + 4.5) / (2 + 5), abs=1e-4)
    assert "falls back to all roll calls" in out["detail"]
    assert alignment.sentence(out, "USA", "GBR").startswith(
        "GBR voted with USA 90% of the time in 5 UN roll calls")


def test_sentence_names_contested_and_all(store):
    out = alignment.score(sum(alignment.yearly(store, Dyad("USA", "GBR")).values(), alignment.Counts()))
    assert alignment.sentence(out, "USA", "GBR").startswith(
        "GBR voted with USA 80% of the time on 5 contested UN roll calls (81% on all 8)")


def test_assessment_carries_the_contested_figures(store):
    from trustledger.analysis.assess import assess

    comp = assess(store, "USA", "IRN")["components"]["alignment"]
    assert (comp["joint_votes"], comp["contested_votes"]) == (8, 5)
    assert comp["contested_agreement"] == pytest.approx(0.1, abs=1e-4)


def test_agreement_command_prints_the_contested_columns(contested_db, cli):
    r = cli("agreement", "USA", "GBR", "--db", contested_db, "--format", "json")
    assert r.code == 0, r.stderr
    assert [(x["year"], x["votes"], x["contested_votes"]) for x in r.json()] == [(2001, 5, 2), (2002, 3, 3)]
    assert r.json()[0]["contested_agreement"] == pytest.approx(1.0)
    table = cli("agreement", "USA", "GBR", "--db", contested_db)
    assert table.code == 0 and "contested_votes" in table.stdout and "contested_agreement" in table.stdout
    csv = cli("agreement", "USA", "IRN", "--db", contested_db, "--format", "csv").stdout.splitlines()
    assert csv[0] == "year,agreement,votes,contested_agreement,contested_votes"
    assert csv[1].startswith("2001,0.2,5,0") and csv[1].endswith(",2")


def test_agreement_chart_draws_both_lines(store):
    from trustledger.report import charts

    rows = agreement(store, "USA", "IRN")
    fig = charts.agreement(rows, "USA", "IRN")
    assert [t.name for t in fig.data] == ["all roll calls", "contested roll calls (≥10% no)"]
    assert list(fig.data[0].y) == [r["agreement"] for r in rows]
    assert list(fig.data[1].y) == [0.0, pytest.approx(0.5 / 3)]
    assert list(fig.data[1].customdata) == [2, 3]
