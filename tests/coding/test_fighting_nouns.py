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

from tests.coding.conftest import root_triples
from trustledger.coding.coder import EventCoder

DAY = dt.date(2011, 6, 2)


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(require_target=False)


def _pairs(coder, text):
    return {(s[:3], r, (t or "")[:3]) for s, r, t in root_triples(coder, text, DAY)}


@pytest.mark.parametrize("text, a, b", [
    ("Fighting between the Sudanese army and Darfur rebels killed 40 people.", "SDN", "SDN"),
    ("Turkish troops lost 16 men in fighting with Syrian government forces.", "TUR", "SYR"),
    ("Two Chadian soldiers died in clashes with Sudanese troops near the border.", "TCD", "SDN"),
])
def test_fighting_named_by_a_noun_goes_both_ways(coder, text, a, b):
    got = _pairs(coder, text)
    assert (a, "19", b) in got and (b, "19", a) in got, got


def test_fighting_with_under_a_future_or_negated_clause_is_no_event(coder):
    got = _pairs(coder, "Turkish troops will not lose men in fighting with Syrian government forces.")
    assert ("TUR", "19", "SYR") not in got, got


def test_a_state_after_pro_is_a_side_not_the_actor(coder):
    got = _pairs(coder, "The pro-Iranian Shiite Hezbollah organization shelled Israeli positions.")
    assert ("LBN", "19", "ISR") in got and not any(s == "IRN" for s, _, _ in got), got


@pytest.mark.parametrize("text, expected", [
    ("Sudanese troops used force against the Darfur rebels.", ("SDN", "19", "SDN")),
    ("Kenyan police used force against protesters in Nairobi.", ("KEN", "17", "KEN")),
])
def test_force_used_against_a_party(coder, text, expected):
    # a crowd as the target makes it repression (175), as tear gas does
    assert expected in _pairs(coder, text)


def test_under_fire_from_armed_men_is_gunfire_and_from_critics_is_criticism(coder):
    got = _pairs(coder, "An Afghan police post came under fire from Taliban rebels on Monday.")
    assert ("AFG", "19", "AFG") in got, got
    got = _pairs(coder, "The Turkish prime minister came under fire from the opposition for his remarks.")
    assert ("TUR", "11", "TUR") in got and not any(r == "19" for _, r, _ in got), got
