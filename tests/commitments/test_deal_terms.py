"""A state of the article's pair that "is to" do something, in an article that has already named the deal,
states the deal's term ("For the first year Israel is to pay $23.50 a barrel" after "under a deal the two
governments reached"), not its own plan (issue 14: terms retold sentence by sentence). Without a deal named
before, or with a forecast, it stays no promise. Our own sentences in the shape of real reports."""

from __future__ import annotations

import datetime as dt

from tests.commitments.conftest import mention_rows

ON = dt.date(1979, 11, 26)


def test_a_scheduled_act_after_a_named_deal_is_its_term():
    rows = mention_rows("Under a deal the two governments reached recently, Egypt will keep supplying Israel with "
                        "Sinai crude. For the first year Israel is to pay $23.50 a barrel.", ON)
    assert any(r[:2] == ("ISR", "EGY") for r in rows), rows


def test_without_a_deal_named_it_is_no_promise():
    rows = mention_rows("Egypt and Israel held talks on oil. For the first year Israel is to pay $23.50 a barrel.", ON)
    assert not any(r[:2] == ("ISR", "EGY") for r in rows), rows


def test_a_forecast_is_no_term():
    rows = mention_rows("Under a deal the two governments reached recently, Egypt will keep supplying Israel with "
                        "Sinai crude. Analysts say Israel is to pay about $23.50 a barrel.", ON)
    assert not any(r[:2] == ("ISR", "EGY") for r in rows), rows
