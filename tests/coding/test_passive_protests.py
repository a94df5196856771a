"""A protest told in the passive with no one named as its doer ("rallies that had been organized to
...", "demonstrations held in defiance of a ban") is the protest of the people of the state the report
is in (issue 13: a verb with the right rule and no source); one whose organisers are named but not
known is left alone."""

from __future__ import annotations

import datetime as dt

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
