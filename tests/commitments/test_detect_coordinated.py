"""Detection mechanisms of the promises the detector missed or filed under the wrong thing (issue 14,
branch detect): what a promise to pay for something promises, and the parties of acts coordinated
under one promising verb. Our own sentences in the shape of real reports; each test fails without its
mechanism."""

from __future__ import annotations

import datetime as dt

from tests.commitments.conftest import sentence_mentions

#: The date the sentences of this file are read as.
ON = dt.date(2012, 6, 1)


def mentions(text: str) -> list:
    return sentence_mentions(text, ON)


# -- what is paid for is the thing promised --------------------------------------------------------------
def test_a_promise_to_pay_for_a_road_promises_the_road():
    got = mentions("Portugal promised to give Angola $3 billion and to pay for a coastal railway in Angola.")
    road = [c for c in got if c.object and "railway" in c.object]
    assert road and (road[0].promisor, road[0].promisee) == ("PRT", "AGO")
    assert road[0].what.startswith("fund")


def test_footing_the_bill_for_a_thing_promises_the_thing_not_the_bill():
    got = mentions("Norway agreed to foot the bill for a new hospital in Malawi.")
    assert [c.object for c in got] == ["hospital"]


def test_paying_a_sum_still_promises_the_sum():
    got = mentions("Portugal pledged to pay Angola $40 million.")
    assert got and got[0].object != "angola" and "40" in (got[0].object or got[0].what)
