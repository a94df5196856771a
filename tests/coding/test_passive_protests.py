"""A protest told in the passive with no one named as its doer ("rallies that had been organized to
...", "demonstrations held in defiance of a ban") is the protest of the people of the state the report
is in (issue 13: a verb with the right rule and no source); one whose organisers are named but not
known is left alone."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.coding.conftest import root_triples
from trustledger.coding.coder import EventCoder

DAY = dt.date(2008, 4, 14)


def test_a_protest_organised_by_no_one_named_is_the_peoples(ingest_coder: EventCoder) -> None:
    got = root_triples(ingest_coder, "HARARE, Zimbabwe — Riot police broke up three rallies on Sunday that had "
                                     "been organized to protest against food prices.", DAY)
    assert any(s.startswith("ZWE") and r == "14" for s, r, _ in got)


def test_a_protest_by_unknown_organisers_is_not_guessed(ingest_coder: EventCoder) -> None:
    got = root_triples(ingest_coder, "SOFIA, Bulgaria — The march, organised by two nurses' unions, took place "
                                     "on Friday in front of the health ministry.", DAY)
    assert not any(r == "14" for _, r, _ in got)


@pytest.mark.parametrize("text", [
    "LIMA, Peru — Thousands marched through the capital on Saturday against the new mining law.",
    "NAIROBI, Kenya — About 2,000 rallied outside parliament on Tuesday to denounce the tax increases.",
])
def test_a_protest_by_a_number_of_people_is_the_populations(ingest_coder: EventCoder, text: str) -> None:
    got = root_triples(ingest_coder, text, DAY)
    home = "PER" if "LIMA" in text else "KEN"
    assert any(s.startswith(home) and r == "14" for s, r, _ in got), got


def test_a_number_of_named_people_keeps_its_actor(ingest_coder: EventCoder) -> None:
    got = root_triples(ingest_coder, "LIMA, Peru — Hundreds of Bolivian miners marched on the embassy on Monday.", DAY)
    assert not any(s.startswith("PER") and r == "14" for s, r, _ in got), got
