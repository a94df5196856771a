"""An act a sentence lays down "under the agreement" ("Under the agreement, Egypt must pay Israel $50
million", "Under the accord, Egypt will return the prisoners to Israel") is the deal's term for that party,
with or without a date to be done by; a return of people or land is a promised act like a hand-over. A
"must" with no deal named stays someone's demand (issue 14). Our own sentences in the shape of real
reports."""

from __future__ import annotations

import datetime as dt

from tests.commitments.conftest import mention_rows, sentence_mentions

ON = dt.date(1989, 3, 1)


def test_must_under_a_named_deal_is_a_term_without_a_date():
    assert mention_rows("Under the agreement, Egypt must pay Israel $50 million.", ON)[:1] == [
        ("EGY", "ISR", "deliver", "$50 million")]
    rows = mention_rows("Under the terms of the accord, Israel must withdraw its troops from Lebanon.", ON)
    assert rows and rows[0][:2] == ("ISR", "LBN"), rows


def test_a_promised_return_is_a_promise():
    for text in ("Under the agreement, Egypt will return the prisoners to Israel.",
                 "Under the agreement, Egypt is to return the prisoners to Israel.",
                 "The agreement requires Egypt to return the prisoners to Israel."):
        got = sentence_mentions(text, ON)
        assert [(c.promisor, c.promisee, c.what) for c in got] == [("EGY", "ISR", "return prisoner")], text


def test_a_return_that_is_a_journey_or_a_demand_is_none():
    assert mention_rows("The minister will return to Moscow on Friday.", ON) == []
    assert mention_rows("Iran said it would return to the negotiating table next month.", ON) == []
    assert mention_rows("Egypt must pay Israel $50 million, the Israeli cabinet said.", ON) == []


def test_a_return_to_a_deal_is_no_hand_over():
    assert mention_rows("President Biden has said the United States will return to the agreement if Iran returns "
                        "to full compliance.", dt.date(2021, 4, 7)) == []
    assert mention_rows("Under the accord, the refugees must return to their villages by May.", ON) == []


def test_the_what_names_the_promised_act():
    got = sentence_mentions("Under the protocols, Turkey agreed to open its border with Armenia.", ON)
    assert [(c.promisor, c.promisee, c.what) for c in got][:1] == [("TUR", "ARM", "open border")]
    got = sentence_mentions("Russia agreed to restart gas deliveries to Ukraine.", ON)
    assert [c.what.split(" ")[0] for c in got][:1] == ["restart"]


def test_a_part_counted_of_a_thing_is_the_thing():
    got = sentence_mentions("China pledged to lend Venezuela $20 billion and to buy more of its oil.", ON)
    assert ("CHN", "VEN", "oil") in {(c.promisor, c.promisee, c.object) for c in got}, got


def test_taking_forces_out_is_a_withdrawal():
    got = sentence_mentions("Syria has pledged to Lebanon to take all of its forces out of Lebanon by 30 April.", ON)
    assert [(c.promisor, c.promisee, c.what.split(" ")[0]) for c in got][:1] == [("SYR", "LBN", "withdraw")]


def test_sending_goods_straight_away_is_a_delivery():
    # "away" in "straight away" is when, not where to: the gas is delivered, nothing is withdrawn
    found = sentence_mentions("Gazprom, Russia's state gas firm, will start sending gas to China straight away.",
                              dt.date(2019, 12, 2))
    assert [m.what for m in found] == ["deliver gas"]
