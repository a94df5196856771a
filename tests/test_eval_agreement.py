"""bench/eval_agreement.py: agreement figures on tiny hand-made annotations with answers worked out by hand."""

from __future__ import annotations

import math

import pytest

from tests.conftest import load_bench


@pytest.fixture(scope="module")
def ag():
    return load_bench("eval_agreement")


def ev(s, t, root, mode="did", date="2015-06-01", prec="day"):
    return {"source": s, "target": t, "root": root, "mode": mode, "date": date, "precision": prec}


def rec(i, *events):
    return {"id": i, "doc_date": "2015-06-01", "text": f"sentence {i}", "events": list(events)}


def test_kappa_identical_is_one(ag):
    assert ag.cohen_kappa([("03", "03"), ("11", "11"), ("04", "04")]) == 1.0
    assert ag.cohen_kappa([("03", "03"), ("03", "03")]) == 1.0  # one category only: no chance correction


def test_kappa_by_hand(ag):
    # p_o = 3/4; rater 1: a 2/4, b 2/4; rater 2: a 1/4, b 3/4; p_e = .5*.25 + .5*.75 = .5; kappa = .25/.5
    assert ag.cohen_kappa([("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")]) == pytest.approx(0.5)
    # total disagreement on two balanced categories: p_o = 0, p_e = .5 -> -1
    assert ag.cohen_kappa([("a", "b"), ("b", "a")]) == pytest.approx(-1.0)
    assert math.isnan(ag.cohen_kappa([]))


def test_identical_annotations_agree_fully(ag):
    first = [rec("g1", ev("RUS", "IRN", "07")), rec("g2"), rec("g3", ev("USA", "IRN", "16"), ev("IGO", "IRN", "16"))]
    a = ag.agreement(first, [dict(r) for r in first])
    assert (a["precision"], a["recall"], a["f1"]) == (1.0, 1.0, 1.0)
    assert a["kappa"] == 1.0
    assert a["sentences_exact"] == a["shared"] == 3
    assert a["mode_agree"] == a["date_agree"] == a["matched"] == 3
    assert a["disagreements"] == []


def test_disagreements_counted_by_hand(ag):
    first = [
        rec("g1", ev("RUS", "IRN", "07"), ev("IRN", "RUS", "05", mode="said")),
        rec("g2", ev("USA", "IRN", "19")),
        rec("g3"),
        rec("g4", ev("IRN", "USA", "11", mode="said")),
        rec("g9", ev("CHN", "USA", "02")),  # not annotated by 2: ignored
    ]
    second = [
        rec("g1", ev("RUS", "IRN", "07", date="2015-05-31"), ev("IRN", "RUS", "05", mode="did")),
        rec("g2", ev("USA", "IRN", "18")),  # same dyad, other root
        rec("g3", ev("SAU", "IRN", "16")),  # extra event
        rec("g4", ev("IRN", "USA", "11", mode="said")),
    ]
    a = ag.agreement(first, second)
    assert a["shared"] == 4 and a["n_first"] == 4 and a["n_second"] == 5
    assert a["matched"] == 3
    assert a["precision"] == pytest.approx(3 / 5) and a["recall"] == pytest.approx(3 / 4)
    assert a["f1"] == pytest.approx(2 * 0.6 * 0.75 / 1.35)
    assert a["mode_agree"] == 2 and a["date_agree"] == 2
    # dyad pairs: 07/07, 05/05, 19/18, 11/11 -> p_o = 3/4; p_e = (1*1 + 1*1 + 1*0 + 1*1) / 16 = 3/16
    assert a["kappa_pairs"] == 4
    assert a["kappa"] == pytest.approx((3 / 4 - 3 / 16) / (1 - 3 / 16))
    assert a["sentences_exact"] == 2  # g1 (same triples despite mode/date) and g4
    assert [d["id"] for d in a["disagreements"]] == ["g1", "g2", "g3"]
    assert a["disagreements"][1]["only_first"] == [("USA", "IRN", "19")]
    assert a["disagreements"][2]["only_second"] == [("SAU", "IRN", "16")]


def test_matching_is_one_to_one(ag):
    pairs, missed, extra = ag.match_events([ev("IRN", "RUS", "04"), ev("IRN", "RUS", "04")], [ev("IRN", "RUS", "04")])
    assert len(pairs) == 1 and len(missed) == 1 and extra == []
