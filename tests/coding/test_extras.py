"""Events the coder made that the reports' annotators (and CAMEO) do not count: a noun's standing
state told by a participle the parser took for a clause's verb (issue 13, extra events). Our own
sentences in the shape of real wire copy."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.coding.conftest import full_codes
from trustledger.coding.coder import EventCoder

DAY = dt.date(2016, 3, 9)


@pytest.fixture(scope="module")
def coder(ingest_coder: EventCoder) -> EventCoder:
    return ingest_coder


def roots(coder: EventCoder, text: str) -> list[str]:
    return [c[:2] for _, c, _ in full_codes(coder, text, DAY)]


ALLIED = ("A Western coalition and France have been carrying out air strikes on the Islamists and the Malian army "
          "units allied with them.")


def test_a_participle_after_a_noun_tells_its_state_not_an_act(coder):
    # the parser hangs "allied" on the main verb as a clause of the coalition's: France allied with no one here
    got = roots(coder, ALLIED)
    assert "05" not in got and "19" in got, full_codes(coder, ALLIED, DAY)


def test_a_meeting_or_call_verb_with_a_thing_for_object_is_no_consultation(coder):
    """"met the deadline", "called early elections": a meeting or a call is with someone (CAMEO 04)."""
    assert not [r for r in roots(coder, "Kenya's president called early elections for March.") if r == "04"]
    assert not [r for r in roots(coder, "Ghana has not met its obligations under the loan agreement.") if r == "04"]
    assert "04" in roots(coder, "Ghana's president met the Nigerian foreign minister in Accra.")
    assert "14" in roots(coder, "Nigerian unions called a general strike over fuel prices.")
