"""A commitment's made date is when the promise was made, as the text states it, not the date of the
article that mentions it (issue 14). Our own sentences in the shape of real reports."""

from __future__ import annotations

import datetime as dt

from trustledger.commitments.stage import find_in_document
from trustledger.nlp.model import load_model
from trustledger.nlp.sentences import sentences_of


def mentions(text: str, date=dt.date(2016, 3, 10)):
    doc = load_model()(text)
    cs, _ = find_in_document(doc, sentences_of(doc), "d", date)
    return cs


def test_a_two_digit_year_of_the_contract_dates_the_promise():
    cs = mentions("Finland said it will honour its '92 contract to provide ammunition to Estonia.")
    assert cs and (cs[0].made, cs[0].made_precision, cs[0].made_explicit) == (dt.date(1992, 1, 1), "year", True)


def test_the_agreement_dated_elsewhere_in_the_article_dates_a_promise_under_it():
    cs = mentions("Under the agreement Chile and Peru signed in 2011, the power line was due for completion by 2014. "
                  "A penalty clause in the Power Supply Agreement obliges Peru to pay Chile $2 million a month.")
    pay = [c for c in cs if c.promisor == "PER"]
    assert pay and pay[0].made == dt.date(2011, 1, 1) and pay[0].made_explicit


def test_a_new_agreement_is_not_dated_by_the_old_one():
    cs = mentions("Under the agreement Chile and Peru signed in 2011, the power line was due by 2014. "
                  "Under a new agreement, Peru will pay Chile $2 million a month.")
    pay = [c for c in cs if c.promisor == "PER"]
    assert pay and pay[0].made == dt.date(2016, 3, 10) and not pay[0].made_explicit


def test_when_the_promised_act_starts_is_not_when_it_was_promised():
    cs = mentions("Kuwait has agreed to resume fuel aid worth $1 billion for Jordan starting in July.")
    assert cs and not cs[0].made_explicit


def test_a_future_act_dated_later_is_not_made_then():
    cs = mentions("Japan will build a new bridge for the Philippines next year.")
    assert cs and not cs[0].made_explicit


def test_a_day_of_a_month_only_dateline_is_in_that_month():
    cs = mentions("Meeting the Georgian president on November 18, Russia's president agreed that Russia would "
                  "remove its troops from Georgia by 2001.", date=dt.date(1999, 11, 1))
    assert cs and cs[0].made == dt.date(1999, 11, 18)


def test_refusing_to_honour_an_agreement_is_no_promise():
    assert mentions("He said Russia will not honor a 1999 agreement to remove its troops from Georgia.") == []


def test_an_agreement_that_provides_for_a_party_to_act_binds_that_party():
    cs = mentions("The accord provides for Japan to buy about $20 billion of American beef.")
    assert cs and (cs[0].promisor, cs[0].promisee) == ("JPN", "USA") and cs[0].what.startswith("buy")
