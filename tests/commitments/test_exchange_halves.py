"""A prisoner exchange binds both sides (issue 14: prisoner exchanges are one of the kinds of promise):
"X will hand over 50 Ukrainian soldiers in exchange for 50 Russian prisoners" is X freeing the Ukrainians
and Ukraine freeing the Russians, each to their own state. The people's nationalities say who holds whom;
the speaker or the state named first does not. A price in the for-phrase is no second release. Our own
sentences in the shape of real reports."""

from __future__ import annotations

import datetime as dt

from tests.commitments.conftest import mention_rows

ON = dt.date(1998, 4, 2)


def test_an_exchange_gives_both_halves():
    rows = {(r[0], r[1], r[3]) for r in mention_rows(
        "Russia will hand over 50 Ukrainian soldiers in exchange for 50 Russian prisoners.", ON)}
    assert ("RUS", "UKR", "ukrainian soldier") in rows and ("UKR", "RUS", "russian prisoner") in rows, rows


def test_a_passive_swap_follows_the_nationalities_not_the_speaker():
    rows = {(r[0], r[1]) for r in mention_rows("Iran said 380 Iranians would be swapped for 5,592 Iraqis.", ON)}
    assert rows == {("IRQ", "IRN"), ("IRN", "IRQ")}, rows


def test_a_swap_agreed_by_both_gives_each_its_captives():
    rows = {(r[0], r[1], r[3]) for r in mention_rows(
        "Iran and Iraq agreed to swap 380 Iranian prisoners for 5,592 Iraqi prisoners.", ON)}
    assert ("IRQ", "IRN", "iranian prisoner") in rows and ("IRN", "IRQ", "iraqi prisoner") in rows, rows


def test_a_price_is_no_second_release():
    rows = mention_rows("Russia agreed to release the Ukrainian ship in exchange for $5 million.", ON)
    assert all(r[3] != "$5 million" or r[0] != "UKR" for r in rows), rows
