"""The aggregate tables (DuckDB side; the Spark side runs the same SQL in tests/spark): values
worked out by hand, freshness, and the assessment reading `agg_agreement` only while it is fresh."""

from __future__ import annotations

import pytest

from trustledger.analysis.aggregates import compute_local, is_fresh, stored_agreement
from trustledger.analysis.votes import agreement


@pytest.fixture
def store(build):
    # 2001: IRN/RUS the same vote (1), one abstains (0.5), yes vs no (0), RUS absent (left out); 1990: USR.
    build.roll_call("r1", "2001-03-01", {"IRN": "yes", "RUS": "yes", "USA": "no"})
    build.roll_call("r2", "2001-05-01", {"IRN": "yes", "RUS": "abstain", "USA": "no"})
    build.roll_call("r3", "2001-07-01", {"IRN": "no", "RUS": "yes", "USA": "yes"})
    build.roll_call("r4", "2001-09-01", {"IRN": "no", "RUS": "absent", "USA": "yes"})
    build.roll_call("r5", "1990-09-01", {"IRN": "no", "USR": "no"})
    build.roll_call("s1", "2001-09-01", {"IRN": "no", "RUS": "no"}, body="UNSC")
    # three copies of one story (one act), another act, a negated one and a rebel act (left out)
    for _ in range(3):
        build.event("RUS", "IRN", "0311", "2001-02-01", story="s1")
    build.event("RUS", "IRN", "163", "2001-06-01", story="s2")
    build.event("RUS", "IRN", "163", "2001-06-02", story="s3", negated=True)
    build.event("RUS", "IRN", "190", "2001-06-03", story="s4", src_role="REB")
    return build.store


def test_values_by_hand(store):
    compute_local(store, ["IRN"])
    rows = store.query("SELECT year, quad_class, events, goldstein FROM agg_dyad_year "
                       "WHERE source_country = 'RUS' AND target_country = 'IRN' ORDER BY quad_class")
    assert [(r["year"], r["quad_class"], r["events"]) for r in rows] == [(2001, 1, 1), (2001, 4, 1)]
    assert rows[0]["goldstein"] == pytest.approx(5.2) and rows[1]["goldstein"] == pytest.approx(-8.0)
    agree = store.query("SELECT body, year, votes, agreement FROM agg_agreement WHERE country_a = 'IRN' "
                        "AND country_b IN ('RUS', 'USR') ORDER BY body, year")
    assert [(r["body"], r["year"], r["votes"], r["agreement"]) for r in agree] == [
        ("UNGA", 1990, 1, 1.0), ("UNGA", 2001, 3, 0.5), ("UNSC", 2001, 1, 1.0)]
    # scoped to IRN: no pair starts with another country
    assert store.query("SELECT count(*) AS n FROM agg_agreement WHERE country_a <> 'IRN'")[0]["n"] == 0


def test_stored_agreement_equals_the_direct_query(store):
    assert stored_agreement(store, "IRN", "RUS") is None  # nothing computed yet
    compute_local(store, ["IRN", "RUS"])
    for body in ("UNGA", "UNSC", None):
        assert stored_agreement(store, "IRN", "RUS", body) == agreement(store, "IRN", "RUS", body=body)
    assert stored_agreement(store, "USA", "RUS") is None  # not in the computed scope


def test_assessment_reads_the_table_only_while_fresh(store):
    from trustledger.analysis.components.alignment import agreement_by_year
    from trustledger.analysis.components.base import Dyad

    dyad = Dyad("IRN", "RUS")
    direct = agreement_by_year(store, dyad)
    compute_local(store, ["IRN", "RUS"])
    assert is_fresh(store, "agg_agreement", ["IRN"])
    assert agreement_by_year(store, dyad) == direct
    # a marked value shows which source was read
    store.con.execute("UPDATE agg_agreement SET agree = 0 WHERE year = 2001")
    assert [r["agreement"] for r in agreement_by_year(store, dyad)] == [1.0, 0.0]
    # new votes make the table stale: the direct query again
    store.con.execute("INSERT INTO votes (rcid, country, vote) VALUES ('r4', 'GBR', 'yes')")
    assert not is_fresh(store, "agg_agreement", ["IRN"])
    assert agreement_by_year(store, dyad) == direct
