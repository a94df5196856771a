"""Fighting told by a noun between or with parties, and the side a group takes: our own sentences in
the shape of real wire copy.

* "Fighting between the army and rebels killed 40": a gerund used as a noun names the fighting as
  "clashes between" does, each side toward the other.
* "Two soldiers died in clashes with rebels", "lost 16 men in fighting with Hezbollah": fighting with
  a party, told as where the clause's subject suffered, is fighting between the subject and that party.
* "the pro-Iranian Hezbollah organization": a state after "pro-"/"anti-" is the side a group takes,
  not the group's state."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.coding.conftest import state_triples

DAY = dt.date(2011, 6, 2)


@pytest.mark.parametrize("text, a, b", [
    ("Fighting between the Sudanese army and Darfur rebels killed 40 people.", "SDN", "SDN"),
    ("Turkish troops lost 16 men in fighting with Syrian government forces.", "TUR", "SYR"),
    ("Two Chadian soldiers died in clashes with Sudanese troops near the border.", "TCD", "SDN"),
])
def test_fighting_named_by_a_noun_goes_both_ways(ingest_coder, text, a, b):
    got = state_triples(ingest_coder, text, DAY)
    assert (a, "19", b) in got and (b, "19", a) in got, got


def test_fighting_with_under_a_future_or_negated_clause_is_no_event(ingest_coder):
    text = "Turkish troops will not lose men in fighting with Syrian government forces."
    got = state_triples(ingest_coder, text, DAY)
    assert ("TUR", "19", "SYR") not in got, got


def test_a_state_after_pro_is_a_side_not_the_actor(ingest_coder):
    got = state_triples(ingest_coder, "The pro-Iranian Shiite Hezbollah organization shelled Israeli positions.", DAY)
    assert ("LBN", "19", "ISR") in got and not any(s == "IRN" for s, _, _ in got), got


@pytest.mark.parametrize("text, expected", [
    ("Sudanese troops used force against the Darfur rebels.", ("SDN", "19", "SDN")),
    ("Kenyan police used force against protesters in Nairobi.", ("KEN", "17", "KEN")),
])
def test_force_used_against_a_party(ingest_coder, text, expected):
    # a crowd as the target makes it repression (175), as tear gas does
    assert expected in state_triples(ingest_coder, text, DAY)


def test_under_fire_from_armed_men_is_gunfire_and_from_critics_is_criticism(ingest_coder):
    got = state_triples(ingest_coder, "An Afghan police post came under fire from Taliban rebels on Monday.", DAY)
    assert ("AFG", "19", "AFG") in got, got
    text = "The Turkish prime minister came under fire from the opposition for his remarks."
    got = state_triples(ingest_coder, text, DAY)
    assert ("TUR", "11", "TUR") in got and not any(r == "19" for _, r, _ in got), got
