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


def test_leaders_of_every_region_resolve_and_common_words_do_not():
    """people.csv holds heads of state and government of every state from 1970 (not only the 38 it had):
    "Museveni", "Aliyev" resolve to their governments; a name that is also a common capitalised word
    ("a Meta office") is never a bare-surname alias."""
    import datetime as _dt

    from trustledger.coding.coder import EventCoder

    coder = EventCoder()
    got = [e.source.code for e in coder.code_text("Museveni accused Kenya of arming rebels.", _dt.date(2005, 3, 1))]
    assert got and got[0] == "UGAGOV", got
    got = [(e.source.code, e.target.code if e.target else None)
           for e in coder.code_text("Aliyev met Putin in Sochi.", _dt.date(2019, 5, 10))]
    assert ("AZEGOV", "RUSGOV") in got, got
    got = [e.target.code for e in coder.code_text("Kenyan police shot at protesters outside a Meta office in Nairobi.",
                                                  _dt.date(2024, 6, 25)) if e.target]
    assert not any(t.startswith("ALB") for t in got), got
