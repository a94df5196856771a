"""Agreements as first-class objects (issue 14, item 2): signing any agreement noun binds its
signatories to each other; an agreement's mediator is never its act nor its party. Our own
invented sentences in the shape of real reports."""

from __future__ import annotations

import datetime as dt

import pytest

from trustledger.commitments.stage import find_in_document
from trustledger.nlp.model import load_model
from trustledger.nlp.sentences import sentences_of


def found(text: str, date=dt.date(2016, 3, 1)):
    doc = load_model()(text)
    cs, _ = find_in_document(doc, sentences_of(doc), "d", date)
    return [(c.promisor, c.promisee, c.kind, c.object, c.what) for c in cs]


@pytest.mark.parametrize("text", [
    "Chad and Sudan signed a truce on Tuesday.",
    "Peru and Ecuador concluded a ceasefire in the border hills.",
])
def test_signing_an_agreement_noun_binds_both_signatories(text):
    got = {(a, b, k) for a, b, k, *_ in found(text)}
    pair = sorted({a for a, *_ in got})
    assert len(pair) == 2 and got == {(pair[0], pair[1], "refrain"), (pair[1], pair[0], "refrain")}


def test_a_mediator_is_neither_the_act_nor_a_party():
    got = found("Chad and Sudan signed a truce agreement brokered by Qatar.")
    assert got
    assert all("QAT" not in (a, b) and "broker" not in (w or "") for a, b, _, _, w in got)
    assert {(a, b) for a, b, *_ in got} == {("TCD", "SDN"), ("SDN", "TCD")}


@pytest.mark.parametrize("text, expected", [
    # the parser hangs the second clause's subject on the first clause's object
    ("Under the agreement, Kenya will respect Uganda's borders and Uganda will grant Kenya access to the lake.",
     {("KEN", "UGA", "border"), ("UGA", "KEN", "access")}),
    # ... or on the first clause's recipient: that state is no second recipient
    ("Under the treaty, Norway will supply gas to Poland and Denmark will build the pipeline.",
     {("NOR", "POL", "gas"), ("DNK", "NOR", "pipeline")}),
    # a clause coordinated with the one the agreement governs is its own subject's promise
    ("The pact provides that Chile will cut tariffs and Peru will lift its import quotas.",
     {("CHL", "PER", "tariff"), ("PER", "CHL", "import quota")}),
])
def test_each_clause_of_an_agreement_binds_its_own_subject(text, expected):
    assert {(a, b, o) for a, b, _, o, _ in found(text)} == expected


def test_a_pledge_to_respect_under_an_agreement_is_kept_by_holding_back():
    got = found("Under the accord, Laos will respect Cambodia's territorial integrity.")
    assert [(a, b, k) for a, b, k, *_ in got] == [("LAO", "KHM", "refrain")]


def test_its_neighbour_under_a_deal_is_the_other_state_of_the_pair():
    got = found("Peru and Chile settled their border dispute in March. The Peruvian cabinet nearly fell over "
                "the deal, under which its neighbour will hand over the disputed valley before 2020.")
    assert ("CHL", "PER") in {(a, b) for a, b, *_ in got}


def test_due_to_ratify_an_agreement_is_a_promise_about_that_agreement():
    got = found("Hungary is due to ratify Sweden's NATO accession protocol next week.")
    assert [(a, b) for a, b, *_ in got] == [("HUN", "SWE")]


def test_will_ratify_an_agreement_is_a_promise():
    got = found("Under the settlement, Hungary will ratify Sweden's NATO accession protocol this month.")
    assert [(a, b) for a, b, *_ in got] == [("HUN", "SWE")]


def test_a_promise_to_ratify_reads_as_ratifying_not_implementing():
    got = found("Under the deal, Hungary will ratify Sweden's NATO accession protocol.")
    assert [w.split()[0] for *_, w in got] == ["ratify"]


@pytest.mark.parametrize("text, who, obj", [
    ("Moscow and Beijing signed an accord under which Russia is to supply 38 billion cubic metres of gas a year.",
     ("RUS", "CHN"), "gas"),
    ("Tehran and Moscow signed a contract under which Russia is to build two reactors at Bushehr.",
     ("RUS", "IRN"), "bushehr"),
])
def test_a_be_to_clause_under_an_agreement_is_its_act(text, who, obj):
    assert [c[3] for c in found(text) if c[:2] == who] == [obj]
