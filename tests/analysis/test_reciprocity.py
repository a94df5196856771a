"""Reciprocity component: answered openings against the base rate, by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from trustledger.analysis.components import reciprocity as rc
from trustledger.analysis.components.base import Dyad


def total(store, dyad):
    return sum(rc.yearly(store, dyad).values(), rc.Counts())


def test_answer_rate_against_base_rate_by_hand(build):
    day0 = dt.date(2015, 1, 1)

    def on(n: int) -> str:
        return (day0 + dt.timedelta(days=n)).isoformat()

    build.event("IRN", "RUS", "042", on(0))       # opening, answered on day 10
    build.event("IRN", "RUS", "061", on(100))     # opening, never answered
    build.event("IRN", "RUS", "173", on(150))     # conflict: not an opening, but part of the span
    build.event("RUS", "IRN", "057", on(10))      # the answer
    c = total(build.store, Dyad("IRN", "RUS"))
    assert (c.openings, c.answered) == (2, 1)
    # Span day 0..150 = 151 days; days d with a Russian cooperative act in (d, d+30]: d = 0..9.
    assert (c.days, c.covered_days) == (151, 10)
    out = rc.score(c)
    p0 = 10 / 151
    p1 = (1 + 2 * p0) / (2 + 2)                   # Beta(k + 2 p0, n - k + 2 (1 - p0)) mean
    assert out["base_rate"] == pytest.approx(p0, abs=1e-4)
    assert out["answer_rate_smoothed"] == pytest.approx(p1, abs=1e-4)
    assert out["score"] == pytest.approx((1 + p1 - p0) / 2, abs=1e-4)
    assert out["interval"][0] < out["score"] < out["interval"][1]


def test_one_opening_is_not_enough(build):
    build.event("IRN", "RUS", "042", "2015-01-01")
    build.event("RUS", "IRN", "042", "2015-01-05")
    out = rc.score(total(build.store, Dyad("IRN", "RUS")))
    assert out["n"] == 1 and out["score"] is None
    assert rc.score(total(build.store, Dyad("IRN", "RUS")), minimum=False)["score"] is not None
