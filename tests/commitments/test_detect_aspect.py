"""A future passed on through a verb of aspect (issue 13 names "promised to continue"; issue 14,
detection): "will continue to supply", "will keep supplying", "is going to resume deliveries" promise the
act they govern. Our own sentences in the shape of real reports."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.commitments.conftest import sentence_mentions

ON = dt.date(2017, 2, 7)


@pytest.mark.parametrize("text, promisor, promisee, obj", [
    ("Turkey will continue to supply Georgia with electricity, the energy minister said.", "TUR", "GEO",
     "electricity"),
    ("Syria will keep supplying Iraq with natural gas under the 2004 deal, officials said.", "SYR", "IRQ",
     "natural gas"),
    ("Iran is going to supply Lebanon with oil next month, an official said.", "IRN", "LBN", "oil"),
])
def test_a_future_through_a_verb_of_aspect_promises_the_act(text, promisor, promisee, obj):
    got = sentence_mentions(text, ON)
    assert any((m.promisor, m.promisee, m.object) == (promisor, promisee, obj) for m in got), got


def test_going_somewhere_is_no_future():
    """"were going to the border to deliver aid" is a journey, not the colloquial future."""
    got = sentence_mentions("Turkish trucks were going to the border to deliver aid to Syria, officials said.", ON)
    assert not any(m.promisor == "TUR" and m.kind == "deliver" and m.trigger == "deliver" for m in got), got


@pytest.mark.parametrize("text", [
    "Egypt had notified Jordan it would send 150 million cubic metres of gas a day to the kingdom.",
    "Egypt reiterated on Sunday that it would send gas to Jordan.",
])
def test_a_promise_told_by_any_verb_of_saying_is_reported(text):
    """Verbs of saying beyond "say" and "tell" (notify, reiterate, reaffirm, stress, disclose...) report the
    promise in their complement, as general English uses them."""
    got = sentence_mentions(text, ON)
    assert any((m.promisor, m.promisee, m.object) == ("EGY", "JOR", "gas") for m in got), got


def test_a_thing_that_is_to_be_handed_over_is_promised():
    """"Three more vessels are to be handed over to Libya": the parser makes the thing the subject of "are",
    not of the passive act; it is still what is promised."""
    got = sentence_mentions("Three more vessels are to be handed over to Libya within weeks, Italian officials "
                            "said.", ON)
    assert any((m.promisor, m.promisee, m.object) == ("ITA", "LBY", "vessel") for m in got), got


def test_restarting_a_supply_promises_the_supply():
    from tests.commitments.conftest import mention_rows

    rows = mention_rows("Saudi Arabia is going to restart oil deliveries to Egypt, a ministry spokesman said.",
                        dt.date(2016, 11, 9))
    assert any(r[:2] == ("SAU", "EGY") for r in rows), rows
