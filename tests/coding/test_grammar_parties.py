"""Coordinated parties and one deed told twice (issue 13): "Jordan and Britain have agreed to ..."
is each toward the other; exercises held jointly are military cooperation; a deed coded once with
its target is not repeated without one. Our own sentences in the shape of the real ones."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.coding.conftest import full_codes
from trustledger.coding.coder import EventCoder

DAY = dt.date(1990, 3, 5)


@pytest.fixture(scope="module")
def coder(ingest_coder: EventCoder) -> EventCoder:
    return ingest_coder


def codes(coder: EventCoder, text: str) -> list[tuple[str, str, str | None]]:
    return full_codes(coder, text, DAY)


def test_coordinated_parties_agreeing_act_toward_each_other(coder):
    got = codes(coder, "Egypt and Sudan have agreed to hold joint naval exercises next month.")
    assert ("EGY", "0312", "SDN") in got and ("SDN", "0312", "EGY") in got, got
    got = codes(coder, "Armenia and Azerbaijan said on Monday that they had agreed to a ceasefire.")
    assert ("ARM", "0356", "AZE") in got and ("AZE", "0356", "ARM") in got, got


def test_exercises_alone_are_a_show_of_force(coder):
    got = codes(coder, "China held military exercises near Taiwan.")
    assert got and all(c[1].startswith("15") for c in got), got


def test_one_deed_with_and_without_a_target_is_coded_once(coder):
    got = codes(coder, "Ugandan police fired shots into the air and lobbed tear gas at opposition "
                       "demonstrators in Kampala on Friday.")
    assert got and all(c[2] is not None for c in got), got


def test_an_event_noun_between_parties_is_each_toward_the_other(coder):
    got = codes(coder, "The talks between Morocco and Algeria ended without agreement.")
    assert ("MAR", "040", "DZA") in got and ("DZA", "040", "MAR") in got, got
    got = codes(coder, "Fierce fighting between Chad and Libya broke out along the border.")
    assert ("TCD", "190", "LBY") in got and ("LBY", "190", "TCD") in got, got


def test_a_people_against_its_own_government_is_a_domestic_event(coder):
    got = codes(coder, "Thousands of Chileans protested against the government in Santiago.")
    assert ("CHL", "140", "CHLGOV") in got, got
    # but a state and its own government stay one party
    assert not [c for c in codes(coder, "Chile criticised the Chilean government.") if c[2] == "CHLGOV"]
