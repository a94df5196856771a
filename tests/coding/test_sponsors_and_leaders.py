"""A state named as a group's sponsor ("Syrian-backed Amal militiamen") is not the group's state and
localises nothing; a body led by a state ("the coalition led by Saudi Arabia", "the Saudi-led coalition")
acts as that state's, while talks led by a state are not its acts. Our own sentences in the shape of
wire copy."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.coding.conftest import state_triples

DAY = dt.date(2016, 3, 1)


def test_a_sponsor_is_not_the_groups_state(ingest_coder):
    got = state_triples(ingest_coder, "Syrian-backed Amal militiamen shelled the camp.", DAY)
    assert not any("SYR" in (s, t) for s, _, t in got), got


@pytest.mark.parametrize("text", ["The coalition led by Saudi Arabia bombed Sanaa.",
                                  "The Saudi-led coalition bombed Sanaa."])
def test_a_coalition_led_by_a_state_acts_as_that_state(ingest_coder, text):
    assert ("SAU", "19", "YEM") in state_triples(ingest_coder, text, DAY)


def test_talks_led_by_a_state_are_not_its_acts(ingest_coder):
    assert not any(s == "NOR" for s, _, _ in state_triples(ingest_coder, "The talks led by Norway ended.", DAY))
