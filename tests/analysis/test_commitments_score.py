"""Commitments component: Beta reputation arithmetic on hand-built ledgers."""

from __future__ import annotations

import datetime as dt

import pytest

from trustledger.analysis.components import commitments_score as cs
from trustledger.analysis.components.base import Dyad


def total(store, dyad):
    return sum(cs.yearly(store, dyad).values(), cs.Counts())


def test_beta_posterior_and_interval_by_hand(build):
    # Two kept and one broken: Beta(1+2, 1+1) = Beta(3, 2), mean 3/5. Its CDF is 4x^3 - 3x^4,
    # so the 90% interval's bounds are where that polynomial is 0.05 and 0.95.
    build.commitment("RUS", "IRN", "2001-01-01", "kept")
    build.commitment("RUS", "IRN", "2002-01-01", "kept")
    build.commitment("RUS", "IRN", "2003-01-01", "broken")
    build.commitment("RUS", "IRN", "2004-01-01", "pending")
    build.commitment("RUS", "IRN", "2005-01-01", None)           # no ledger row yet: unknown
    build.commitment("RUS", "USA", "2003-01-01", "broken")        # another promisee
    build.commitment("IRN", "RUS", "2003-01-01", "broken")        # the other direction
    out = cs.score(total(build.store, Dyad("IRN", "RUS")))
    assert out["counts"] == {"kept": 2, "kept_late": 0, "broken": 1, "pending": 1, "unknown": 1}
    assert out["n"] == 5 and out["rated"] == 3
    assert out["score"] == pytest.approx(0.6, abs=1e-4)
    lo, hi = out["interval"]
    cdf = lambda x: 4 * x**3 - 3 * x**4  # noqa: E731
    assert cdf(lo) == pytest.approx(0.05, abs=2e-4)
    assert cdf(hi) == pytest.approx(0.95, abs=2e-4)
    assert out["prior"] == [1.0, 1.0]


def test_late_credit_shrinks_with_delay(build):
    # One year late earns 1/(1 + 365/365.25); eleven years late (Bushehr: due 2000, online 2011) far less.
    build.commitment("RUS", "IRN", "1995-01-08", "kept_late", delay_days=365)
    build.commitment("RUS", "IRN", "1995-01-09", "kept_late", delay_days=4018)
    out = cs.score(total(build.store, Dyad("IRN", "RUS")))
    c1, c2 = 1 / (1 + 365 / 365.25), 1 / (1 + 4018 / 365.25)
    assert c2 < 0.1 < 0.49 < c1
    assert out["late_credit"] == pytest.approx(c1 + c2, abs=1e-4)
    assert out["score"] == pytest.approx((1 + c1 + c2) / (2 + 2), abs=1e-4)
    assert cs.late_credit(0) == 1.0 and cs.late_credit(None) == pytest.approx(1 / (1 + 365 / 365.25))


def test_soviet_commitments_count_for_russia_and_period_filters(build):
    build.commitment("USR", "IRN", "1989-06-20", "broken")
    build.commitment("RUS", "IRN", "2010-01-01", "kept")
    assert cs.score(total(build.store, Dyad("IRN", "RUS")))["counts"]["broken"] == 1
    early = cs.score(total(build.store, Dyad("IRN", "RUS", until=dt.date(1999, 12, 31))))
    late = cs.score(total(build.store, Dyad("IRN", "RUS", since=dt.date(2000, 1, 1))))
    assert (early["counts"]["broken"], early["counts"]["kept"]) == (1, 0)
    assert (late["counts"]["broken"], late["counts"]["kept"]) == (0, 1)


def test_no_rated_commitment_means_no_score(build):
    build.commitment("RUS", "IRN", "2004-01-01", "pending")
    out = cs.score(total(build.store, Dyad("IRN", "RUS")))
    assert out["score"] is None and out["interval"] is None and out["n"] == 1
    empty = cs.score(total(build.store, Dyad("IRN", "CHN")))
    assert empty["score"] is None and empty["n"] == 0


def test_evidence_puts_broken_first_with_outcome(build):
    build.doc("d1", title="Russia pledges S-300", date="2007-12-26")
    ok = build.commitment("RUS", "IRN", "2001-01-01", "kept")
    bad = build.commitment("RUS", "IRN", "2007-12-26", "broken", doc="d1", what="S-300")
    o = build.outcome(bad, "cancelled", "2010-09-22", "Medvedev banned the S-300 delivery.")
    ev = cs.evidence(build.store, Dyad("IRN", "RUS"))
    assert [e["ref"] for e in ev] == [bad, o, ok]
    assert ev[0]["kind"] == "commitment" and ev[0]["title"] == "Russia pledges S-300" and ev[0]["doc_id"] == "d1"
    assert ev[1]["kind"] == "outcome" and ev[1]["text"].startswith("Medvedev") and ev[1]["date"] == "2010-09-22"
