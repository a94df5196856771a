"""Territories that became states later (issue 13): before its independence a territory's actors
are the state it belonged to (countries.csv valid_from/part_of), as CAMEO codes them on that date."""

from __future__ import annotations

import datetime as dt

import pytest

from trustledger.coding.actors import ActorResolver


@pytest.mark.parametrize("text, on, code", [
    ("the Democratic League of Kosovo", dt.date(1998, 3, 5), "SRBOPP"),
    ("Kosovo", dt.date(1998, 3, 5), "SRB"),
    ("Kosovo", dt.date(2010, 1, 1), "KSV"),
    ("South Sudan", dt.date(2005, 1, 1), "SDN"),
    ("South Sudan", dt.date(2012, 1, 1), "SSD"),
    ("Eritrea", dt.date(1990, 1, 1), "ETH"),
])
def test_a_territory_is_its_former_states_before_independence(text, on, code):
    assert ActorResolver.default().resolve(text, on).code == code


def test_an_armed_group_takes_the_country_it_fights_in():
    assert ActorResolver.default().resolve("the Polisario Front", dt.date(2013, 1, 1)).country == "ESH"
