"""The combined assessment: weights, verdicts, insufficient evidence, explanation and shape."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from trustledger.analysis.assess import assess
from trustledger.analysis.components.combine import WEIGHTS, combine, verdict
from trustledger.errors import UserError

SCORE_WORDS = {"commitments": "commitment score", "say_do": "say–do score", "alignment": "alignment score",
               "reciprocity": "reciprocity score"}


def test_combined_score_is_weighted_mean_of_available_components():
    comps = {
        "commitments": {"score": 0.2, "interval": [0.1, 0.4], "n": 4},
        "say_do": {"score": 0.6, "interval": [0.4, 0.8], "n": 10},
        "alignment": {"score": None, "interval": None, "n": 0},
        "reciprocity": {"score": 0.5, "interval": [0.3, 0.7], "n": 3},
    }
    score, interval, word = combine(comps)
    w = WEIGHTS["commitments"] + WEIGHTS["say_do"] + WEIGHTS["reciprocity"]
    expect = (0.4 * 0.2 + 0.25 * 0.6 + 0.15 * 0.5) / w
    assert score == pytest.approx(expect, abs=1e-4)
    assert interval == pytest.approx([(0.4 * 0.1 + 0.25 * 0.4 + 0.15 * 0.3) / w,
                                      (0.4 * 0.4 + 0.25 * 0.8 + 0.15 * 0.7) / w], abs=1e-4)
    assert word == verdict(expect) == "low trust"        # 0.305 / 0.8 = 0.381


@pytest.mark.parametrize("score, word", [(0.7, "high trust"), (0.6999, "moderate trust"), (0.55, "moderate trust"),
                                         (0.5499, "mixed record"), (0.4, "mixed record"), (0.3999, "low trust"),
                                         (None, "insufficient evidence")])
def test_verdict_thresholds(score, word):
    assert verdict(score) == word


def test_insufficient_evidence_gives_no_number(build):
    build.event("RUS", "IRN", "061", "2010-04-01")
    build.event("RUS", "IRN", "163", "2010-05-01")      # say–do scored on 2 acts: still < 5 items
    a = assess(build.store, "IRN", "RUS")
    assert a["components"]["say_do"]["score"] is not None
    assert a["score"] is None and a["interval"] is None and a["verdict"] == "insufficient evidence"
    assert a["explanation"].startswith("There is too little evidence")


def test_pending_promises_are_not_evidence(build):
    build.commitment("RUS", "IRN", "2010-01-01", "broken")
    for i in range(5):
        build.commitment("RUS", "IRN", f"201{i + 1}-01-01", "pending")
    a = assess(build.store, "IRN", "RUS")
    assert a["components"]["commitments"]["n"] == 6 and a["components"]["commitments"]["rated"] == 1
    assert a["verdict"] == "insufficient evidence"
    build.commitment("RUS", "IRN", "2009-01-01", "kept")
    build.event("RUS", "IRN", "061", "2010-04-01")
    build.event("RUS", "IRN", "163", "2010-05-01")         # 2 rated + 2 acts + ... = 4 items: still short
    assert assess(build.store, "IRN", "RUS")["verdict"] == "insufficient evidence"
    build.event("RUS", "IRN", "062", "2010-06-01")         # 2 rated + 3 acts = 5 items
    assert assess(build.store, "IRN", "RUS")["score"] is not None


def test_un_votes_alone_are_not_enough(build):
    for i in range(30):
        build.roll_call(f"A{i}", "2009-01-01", {"IRN": "yes", "BRA": "yes"})
    a = assess(build.store, "IRN", "BRA")
    assert a["components"]["alignment"]["score"] is not None and a["components"]["alignment"]["n"] == 30
    assert a["verdict"] == "insufficient evidence" and a["score"] is None


def test_assessment_shape_and_explanation_match_components(iran_store):
    a = assess(iran_store.store, "IRN", "RUS")
    assert list(a)[:9] == ["truster", "trustee", "period", "score", "interval", "verdict", "explanation",
                           "components", "series"] and "evidence" in a
    comps = a["components"]
    assert set(comps) == set(WEIGHTS)
    for name, c in comps.items():
        assert {"score", "weight", "n", "evidence"} <= set(c), name
        assert c["weight"] == WEIGHTS[name]
    assert comps["commitments"]["counts"] == {"kept": 1, "kept_late": 1, "broken": 1, "pending": 0, "unknown": 0}
    assert {"prior", "detail", "interval"} <= set(comps["commitments"])
    assert {"verbal_coop", "material_coop", "material_conflict", "praise"} <= set(comps["say_do"])
    (year,) = comps["alignment"]["by_year"]
    assert {k: year[k] for k in ("year", "agreement", "votes")} == {
        "year": 2009, "agreement": pytest.approx(5 / 6, abs=1e-4), "votes": 6}
    assert 0 <= year["contested_votes"] <= 6 and set(year) >= {"contested_agreement", "contested_votes"}
    assert comps["alignment"]["targeted_votes"][0]["rcid"] == "UNSC-1929"
    assert set(a["series"]) == set(WEIGHTS)
    assert a["score"] is not None and a["verdict"] == verdict(a["score"])
    assert a["period"] == {"since": dt.date(1995, 1, 8), "until": dt.date(2011, 5, 25)}

    text = a["explanation"]
    sentences = [s for s in re.split(r"(?<=[.)])\s+(?=[A-Z])", text) if s]
    assert 2 <= len(sentences) <= 3
    assert f"combined score {a['score']:.2f}" in text
    assert f"90% interval {a['interval'][0]:.2f}–{a['interval'][1]:.2f}" in text
    scored = {k: c["score"] for k, c in comps.items() if c["score"] is not None}
    weakest, strongest = min(scored, key=scored.get), max(scored, key=scored.get)
    assert f"{SCORE_WORDS[weakest]} {scored[weakest]:.2f}" in sentences[1]
    assert f"{SCORE_WORDS[strongest]} {scored[strongest]:.2f}" in sentences[2]
    # Every "X score N" in the explanation is the component's score.
    for word, value in re.findall(r"(commitment|say–do|alignment|reciprocity) score (\d\.\d\d)", text):
        name = {"commitment": "commitments", "say–do": "say_do"}.get(word, word)
        assert value == f"{comps[name]['score']:.2f}"
    # In this store say–do is the weakest part and reciprocity the strongest; their counts are quoted.
    assert (weakest, strongest) == ("say_do", "reciprocity")
    sd, rc = comps["say_do"], comps["reciprocity"]
    counts = (sd["material_coop"], sd["verbal_coop"], sd["material_conflict"], sd["conflict_after_praise"])
    assert counts == (1, 2, 1, 1)
    assert "Russia made 1 cooperative deed against 2 cooperative statements and 1 hostile deed, 1 of them after " \
           "praising it" in sentences[1]
    assert f"Russia answered {rc['answered']} of Iran's {rc['openings']} cooperative acts" in sentences[2]
    assert f"base rate of {round(100 * rc['base_rate'])}%" in sentences[2]


def test_evidence_items_carry_their_sources(iran_store):
    a = assess(iran_store.store, "IRN", "RUS")
    comps = {e["component"] for e in a["evidence"]}
    assert {"commitments", "say_do", "alignment"} <= comps
    for e in a["evidence"]:
        assert set(e) >= {"component", "doc_id", "sentence_index", "date", "text", "title", "source", "kind", "ref"}
        assert e["kind"] in ("event", "commitment", "outcome", "vote")
    bushehr = [e for e in a["evidence"] if e["ref"] and e["kind"] == "commitment" and e["doc_id"] == "d1"]
    assert bushehr and bushehr[0]["title"] == "Russia to finish Bushehr"


def test_since_until_filter_every_component(iran_store):
    a = assess(iran_store.store, "IRN", "RUS", since=dt.date(2009, 1, 1), until=dt.date(2009, 12, 31))
    assert a["period"] == {"since": dt.date(2009, 1, 1), "until": dt.date(2009, 12, 31)}
    comps = a["components"]
    assert comps["commitments"]["n"] == 0 and comps["say_do"]["n"] == 0 and comps["reciprocity"]["n"] == 0
    assert comps["alignment"]["joint_votes"] == 6 and comps["alignment"]["targeted"] == 0


def test_series_points_use_the_component_formula(iran_store):
    from trustledger.analysis.components import commitments_score as cs

    a = assess(iran_store.store, "IRN", "RUS")
    points = {p["year"]: p for p in a["series"]["commitments"]}
    assert sorted(points) == [1995, 2001, 2007]
    assert points[2007]["value"] == pytest.approx(1 / 3, abs=1e-4)        # one broken: Beta(1, 2)
    assert points[2001]["value"] == pytest.approx(2 / 3, abs=1e-4)        # one kept: Beta(2, 1)
    assert points[1995]["value"] == pytest.approx((1 + cs.late_credit(4018)) / 3, abs=1e-4)
    assert sum(p["n"] for p in a["series"]["say_do"]) == a["components"]["say_do"]["n"]


@pytest.mark.parametrize("truster, trustee, message", [
    ("IRN", "XYZ", "'XYZ' is not a known"), ("IRQ1", "RUS", "not a known"), ("IRN", "irn", r"both Iran \(IRN\)"),
])
def test_bad_countries_are_user_errors(build, truster, trustee, message):
    with pytest.raises(UserError, match=message):
        assess(build.store, truster, trustee)


def test_since_after_until_is_a_user_error(build):
    with pytest.raises(UserError, match="after"):
        assess(build.store, "IRN", "RUS", since=dt.date(2010, 1, 1), until=dt.date(2009, 1, 1))


def test_acts_of_society_are_not_the_states_acts():
    from trustledger.analysis.components.base import NON_STATE_ROLES

    for role in ("REB", "OPP", "CVL", "NGO", "MED", "BUS", "REF"):
        assert role in NON_STATE_ROLES
    for role in ("GOV", "MIL", "COP", "JUD", "LEG", "SPY"):
        assert role not in NON_STATE_ROLES
