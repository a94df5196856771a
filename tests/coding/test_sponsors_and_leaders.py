"""A state named as a group's sponsor ("Syrian-backed Amal militiamen") is not the group's state and
localises nothing; a body led by a state ("the coalition led by Saudi Arabia", "the Saudi-led coalition")
acts as that state's, while talks led by a state are not its acts. Our own sentences in the shape of
wire copy."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.coding.conftest import root_triples
from trustledger.coding.coder import EventCoder

DAY = dt.date(2016, 3, 1)


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(require_target=False)


def _triples(coder, text):
    return {(s[:3], r, (t or "")[:3]) for s, r, t in root_triples(coder, text, DAY)}


def test_a_sponsor_is_not_the_groups_state(coder):
    got = _triples(coder, "Syrian-backed Amal militiamen shelled the camp.")
    assert not any("SYR" in (s, t) for s, _, t in got), got


@pytest.mark.parametrize("text", ["The coalition led by Saudi Arabia bombed Sanaa.",
                                  "The Saudi-led coalition bombed Sanaa."])
def test_a_coalition_led_by_a_state_acts_as_that_state(coder, text):
    assert ("SAU", "19", "YEM") in _triples(coder, text)


def test_talks_led_by_a_state_are_not_its_acts(coder):
    assert not any(s == "NOR" for s, _, _ in _triples(coder, "The talks led by Norway ended."))
