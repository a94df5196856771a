"""Alignment component: UN agreement by year and votes on resolutions aimed at the truster."""

from __future__ import annotations

import datetime as dt

import pytest

from trustledger.analysis.components import alignment
from trustledger.analysis.components.base import Dyad


def total(store, dyad):
    return sum(alignment.yearly(store, dyad).values(), alignment.Counts())


def _iran_store(build):
    # General Assembly: 2006 two joint votes, both alike; 2007 two joint votes, one alike; one roll call
    # where IRN was absent (left out).
    build.roll_call("A1", "2006-10-01", {"IRN": "yes", "RUS": "yes"})
    build.roll_call("A2", "2006-11-01", {"IRN": "no", "RUS": "no"})
    build.roll_call("A3", "2007-10-01", {"IRN": "yes", "RUS": "yes"})
    build.roll_call("A4", "2007-11-01", {"IRN": "yes", "RUS": "no"})
    build.roll_call("A5", "2007-12-01", {"IRN": "absent", "RUS": "yes"})
    # Security Council resolutions aimed at Iran: Russia voted yes on all four.
    for rcid, day in (("UNSC-1737", "2006-12-23"), ("UNSC-1747", "2007-03-24"),
                      ("UNSC-1803", "2008-03-03"), ("UNSC-1929", "2010-06-09")):
        build.roll_call(rcid, day, {"RUS": "yes", "USA": "yes", "CHN": "yes"}, target="IRN", body="UNSC",
                        resolution=f"S/RES/{rcid[5:]}")


def test_by_year_and_targeted_votes_by_hand(build):
    _iran_store(build)
    dyad = Dyad("IRN", "RUS")
    by_year = {r["year"]: (r["agreement"], r["votes"]) for r in alignment.agreement_by_year(build.store, dyad)}
    assert by_year == {2006: (1.0, 2), 2007: (0.5, 2)}
    out = alignment.score(total(build.store, dyad))
    assert (out["joint_votes"], out["targeted"], out["targeted_support"]) == (4, 4, 0.0)
    g, t = (1 + 3) / (2 + 4), (1 + 0) / (2 + 4)                   # Beta(1,1)-smoothed parts
    assert out["general_score"] == pytest.approx(g, abs=1e-4)
    assert out["targeted_score"] == pytest.approx(t, abs=1e-4)
    assert out["score"] == pytest.approx((g + t) / 2, abs=1e-4)
    assert out["n"] == 8
    votes = alignment.targeted_votes(build.store, dyad)
    assert [v["rcid"] for v in votes] == ["UNSC-1737", "UNSC-1747", "UNSC-1803", "UNSC-1929"]
    assert {v["vote"] for v in votes} == {"yes"}


def test_no_on_a_targeted_resolution_supports_the_truster(build):
    build.roll_call("UNSC-X", "2012-01-01", {"RUS": "no"}, target="SYR", body="UNSC")
    build.roll_call("UNSC-Y", "2013-01-01", {"RUS": "abstain"}, target="SYR", body="UNSC")
    out = alignment.score(total(build.store, Dyad("SYR", "RUS")))
    assert out["targeted_support"] == 1.5
    assert out["score"] == pytest.approx((1 + 1.5) / (2 + 2), abs=1e-4)   # targeted part only


def test_agreement_counts_abstention_as_half(build):
    build.roll_call("A1", "2006-10-01", {"IRN": "yes", "RUS": "abstain"})
    build.roll_call("A2", "2006-11-01", {"IRN": "yes", "RUS": "no"})
    build.roll_call("A3", "2006-12-01", {"IRN": "abstain", "RUS": "abstain"})
    rows = alignment.agreement_by_year(build.store, Dyad("IRN", "RUS"))
    assert [(r["year"], r["votes"]) for r in rows] == [(2006, 3)]
    assert rows[0]["agreement"] == pytest.approx((0.5 + 0 + 1) / 3)
    assert rows[0]["agree"] == pytest.approx(0.5 + 0 + 1)
    assert alignment.agreement_by_year(build.store, Dyad("IRN", "RUS", until=dt.date(2005, 12, 31))) == []


def test_period_and_evidence(build):
    _iran_store(build)
    dyad = Dyad("IRN", "RUS", since=dt.date(2007, 1, 1), until=dt.date(2008, 12, 31))
    out = alignment.score(total(build.store, dyad))
    assert (out["joint_votes"], out["targeted"]) == (2, 2)
    ev = alignment.evidence(build.store, dyad)
    assert [e["ref"] for e in ev] == ["UNSC-1803", "UNSC-1747"]
    assert ev[0]["kind"] == "vote" and "Russia voted yes on S/RES/1803, aimed at Iran" in ev[0]["text"]


def test_resolutions_that_endorse_are_not_hostile(build):
    build.roll_call("UNSC-1929", "2010-06-09", {"RUS": "yes"}, target="IRN", body="UNSC")
    build.roll_call("UNSC-2231", "2015-07-20", {"RUS": "yes"}, target="IRN", body="UNSC")
    build.store.con.execute("UPDATE roll_calls SET short = 'Non-proliferation: Iran - endorses the Joint "
                            "Comprehensive Plan of Action' WHERE rcid = 'UNSC-2231'")
    assert [v["rcid"] for v in alignment.targeted_votes(build.store, Dyad("IRN", "RUS"))] == ["UNSC-1929"]
    assert total(build.store, Dyad("IRN", "RUS")).targeted == 1
