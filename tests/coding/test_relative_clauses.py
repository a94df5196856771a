"""Relative and participial clauses that tell events: the present progressive is an act going on as the
report is written ("South Africa, which is fighting a bush war against ..."), unlike the simple present
of a standing state ("Morocco, which occupies the territory"); a clause on an apposition tells of the
noun the apposition renames ("Hamas, a group that has attacked Israel"). Our own sentences in the shape
of real reports."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.coding.conftest import root_triples, state_triples

DAY = dt.date(1986, 5, 20)


@pytest.mark.parametrize("text, expected", [
    ("South Africa, which is fighting a bush war against Angola, denied the report.", ("ZAF", "19", "AGO")),
    ("Libya, which is shelling Chadian positions near the border, rejected the charge.", ("LBY", "19", "TCD")),
])
def test_a_progressive_relative_clause_is_an_event(ingest_coder, text, expected):
    assert expected in state_triples(ingest_coder, text, DAY)


@pytest.mark.parametrize("text", [
    "Morocco, which occupies the territory, rejected the plan.",
    "The activists, who are imprisoned in Tehran, were not charged.",
])
def test_a_simple_present_or_passive_relative_clause_stays_background(ingest_coder, text):
    assert not any(r in ("17", "19", "20") for _, r, _ in root_triples(ingest_coder, text, DAY))


def test_a_relative_clause_on_an_apposition_tells_of_the_renamed_noun(ingest_coder):
    triples = state_triples(ingest_coder, "Hamas, a group that has attacked Israel many times, denied the report.", DAY)
    assert ("PSE", "19", "ISR") in triples

