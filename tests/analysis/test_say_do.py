"""Say–do component: counts per act (one per story and code) and the Beta arithmetic."""

from __future__ import annotations

import pytest

from trustledger.analysis.components import say_do
from trustledger.analysis.components.base import Dyad


def total(store, dyad):
    return sum(say_do.yearly(store, dyad).values(), say_do.Counts())


def test_counts_and_score_by_hand(build):
    # Verbal cooperation: praise (051) on 2010-01-10, a promise (036), an agreement (057) reported by two
    # copies of one story (one act), and a negated statement (not an act).
    build.doc("a1", story="s1")
    build.doc("a2", story="s1")
    build.event("RUS", "IRN", "051", "2010-01-10")
    build.event("RUS", "IRN", "036", "2010-02-01")
    build.event("RUS", "IRN", "057", "2010-03-01", story="s1", doc="a1")
    build.event("RUS", "IRN", "057", "2010-03-02", story="s1", doc="a2")
    build.event("RUS", "IRN", "036", "2010-03-05", negated=True)
    # Material cooperation: one delivery (061). Material conflict: a suspension (162)
    # 100 days after praise (counts twice) and a sanction vote (163) two years later (once).
    build.event("RUS", "IRN", "061", "2010-04-01")
    build.event("RUS", "IRN", "162", "2010-04-20")
    build.event("RUS", "IRN", "163", "2012-06-01")
    # Verbal conflict (quad 3) is reported, not scored; rebels and other dyads are left out.
    build.event("RUS", "IRN", "111", "2010-05-01")
    build.event("RUS", "IRN", "190", "2010-05-01", src_role="REB")
    build.event("RUS", "USA", "163", "2010-05-01")
    build.event("IRN", "RUS", "163", "2010-05-01")
    c = total(build.store, Dyad("IRN", "RUS"))
    assert (c.verbal_coop, c.material_coop, c.verbal_conflict, c.material_conflict) == (3, 1, 1, 2)
    assert (c.praise, c.conflict_after_praise) == (1, 1)
    out = say_do.score(c)
    # a = 1 + M = 2; b = 1 + C + H + 0.5 * (V - M) = 1 + 2 + 1 + 1 = 5
    assert out["posterior"] == [2.0, 5.0]
    assert out["score"] == pytest.approx(2 / 7, abs=1e-4)
    assert out["n"] == 6
    assert out["interval"][0] < out["score"] < out["interval"][1]


def test_deeds_without_conflict_score_high(build):
    for day in ("2001-01-01", "2002-01-01", "2003-01-01", "2004-01-01"):
        build.event("USA", "GBR", "062", day)
    build.event("USA", "GBR", "042", "2001-01-01")
    out = say_do.score(total(build.store, Dyad("GBR", "USA")))
    assert out["score"] == pytest.approx(5 / 6, abs=1e-4)      # Beta(1+4, 1+0)


def test_series_years_sum_to_whole(build):
    build.event("RUS", "IRN", "061", "2009-01-01")
    build.event("RUS", "IRN", "042", "2009-02-01")
    build.event("RUS", "IRN", "163", "2011-01-01")
    y = say_do.yearly(build.store, Dyad("IRN", "RUS"))
    assert sorted(y) == [2009, 2011]
    assert sum(c.n for c in y.values()) == total(build.store, Dyad("IRN", "RUS")).n == 3


def test_evidence_order_and_shape(build):
    build.doc("d1", title="Putin praises Tehran", date="2010-01-10")
    p = build.event("RUS", "IRN", "051", "2010-01-10", doc="d1", text="Putin praised Iran.")
    x = build.event("RUS", "IRN", "162", "2010-04-20", text="Russia suspended the delivery.")
    d = build.event("RUS", "IRN", "061", "2010-04-01")
    ev = say_do.evidence(build.store, Dyad("IRN", "RUS"))
    assert [e["ref"] for e in ev] == [x, p, d]
    assert ev[0]["why"] == "hostile deed after praise"
    assert ev[1]["title"] == "Putin praises Tehran" and ev[1]["text"] == "Putin praised Iran."
    assert set(ev[0]) >= {"component", "doc_id", "sentence_index", "date", "text", "title", "source", "kind", "ref"}


def test_words_are_judged_against_the_store_base_rate(build):
    # Elsewhere in the store (2010): 60 cooperative statements and 12 deeds between other states; the
    # base rate counts all state pairs of the year, the dyad's own acts included: r = 14 / 70 = 0.2.
    for i in range(60):
        build.event("USA", "GBR", "036", f"2010-01-{1 + i % 28:02d}", story=f"u{i}")
    for i in range(12):
        build.event("USA", "GBR", "061", f"2010-02-{1 + i:02d}", story=f"m{i}")
    # The dyad: 10 cooperative statements and 2 deeds by RUS toward IRN in 2010.
    for i in range(10):
        build.event("RUS", "IRN", "036", f"2010-03-{1 + i:02d}", story=f"r{i}")
    for i in range(2):
        build.event("RUS", "IRN", "061", f"2010-04-{1 + i:02d}", story=f"d{i}")
    c = total(build.store, Dyad("IRN", "RUS"))
    assert (c.base_verbal, c.base_material) == (70, 14)
    assert c.deeds_per_word == pytest.approx(0.2)
    assert c.shortfall == pytest.approx(0.0)            # 0.2 x 10 = 2 deeds expected, 2 came
    out = say_do.score(c)
    assert out["posterior"] == [3.0, 1.0] and out["score"] == pytest.approx(0.75)
    # the same words with no deed at all: 2 deeds short, half a failure each
    bare = say_do.Counts(verbal_coop=10, base_verbal=70, base_material=14)
    assert say_do.score(bare)["posterior"] == [1.0, 2.0]


def test_too_little_data_for_a_base_rate_keeps_words_at_one_deed_each():
    c = say_do.Counts(verbal_coop=5, material_coop=1, base_verbal=say_do.BASE_MIN - 1, base_material=1)
    assert c.deeds_per_word == 1.0 and c.shortfall == 4.0
