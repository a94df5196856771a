"""A list of promised acts after one promising verb ("agreed to supply gas, pay transit fees and build a
pipeline") is often parsed with the later bare infinitives hung on the promising verb, not on the first
act; each is still one more promise of the same parties (issue 14: real agreements list several
obligations in one sentence). A finite second clause ("... and signed a deal") is no promise. Our own
sentences in the shape of real reports."""

from __future__ import annotations

import datetime as dt

from tests.commitments.conftest import mention_rows

ON = dt.date(2010, 5, 1)


def test_each_listed_act_is_a_promise_of_the_same_parties():
    rows = mention_rows("Under the deal, Russia agreed to supply gas to Ukraine, pay transit fees and build a new "
                        "pipeline.", ON)
    objects = {r[3] for r in rows if r[:2] == ("RUS", "UKR")}
    assert {"gas", "transit fee", "pipeline"} <= objects, rows


def test_object_control_lists_bind_the_controlled_state():
    rows = mention_rows("The agreement requires Iraq to withdraw its troops, release all prisoners and pay "
                        "compensation to Kuwait.", ON)
    assert {r[3] for r in rows if r[0] == "IRQ"} >= {"troop", "prisoner", "compensation"}, rows


def test_a_finite_second_clause_is_no_listed_act():
    rows = mention_rows("Russia agreed to supply gas to Ukraine and signed a deal on transit.", ON)
    assert [r[3] for r in rows] == ["gas"], rows
