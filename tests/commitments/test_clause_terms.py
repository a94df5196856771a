"""Promises stated as an agreement's terms ("under the deal, X will ...") that the detector once misread
(issue 14): acts of conceding among the future acts. Our own invented sentences."""

from __future__ import annotations

import datetime as dt

from trustledger.commitments.stage import find_in_document
from trustledger.nlp.model import load_model
from trustledger.nlp.sentences import sentences_of


def found(text: str, date=dt.date(2016, 3, 1)):
    doc = load_model()(text)
    cs, _ = find_in_document(doc, sentences_of(doc), "d", date)
    return [(c.promisor, c.promisee, c.kind, c.object, c.what) for c in cs]


def test_recognising_under_a_deal_is_a_promise():
    got = found("Under the accord signed on Friday, Moldova will recognise Georgia's driving licences.")
    assert [(a, b, k) for a, b, k, *_ in got] == [("MDA", "GEO", "deliver")]


def test_a_limiting_verb_words_its_refrain_promise_without_a_doubled_negation():
    got = found("Pyongyang agreed to cap its plutonium enrichment at current levels.")
    assert [(k, w.split()[0]) for _, _, k, _, w in got] == [("refrain", "cap")]


def test_will_limit_under_a_deal_is_a_promise_to_refrain():
    got = found("Under the accord, Pakistan will limit uranium enrichment at Kahuta.")
    assert [(a, k, w.split()[0]) for a, _, k, _, w in got] == [("PAK", "refrain", "limit")]


def test_a_guarantee_stated_as_a_deal_term_binds_its_subject():
    got = found("Under the deal, Georgia will guarantee free transit for Armenian lorries.")
    assert [(a, b, k) for a, b, k, *_ in got] == [("GEO", "ARM", "deliver")]
    assert found("Georgia will guarantee free transit for Armenian lorries.") == []


def test_obliges_read_as_a_noun_still_binds_the_party_after_it():
    got = found("The treaty obliges Chile to compensate Bolivia.")
    assert [(a, b, k) for a, b, k, *_ in got] == [("CHL", "BOL", "deliver")]
