"""Commitment and outcome forms on real spaCy parses of hand-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from trustledger.commitments.stage import find_in_document
from trustledger.nlp.model import load_model
from trustledger.nlp.sentences import sentences_of


def run(text: str, date=dt.date(2010, 1, 1)):
    doc = load_model()(text)
    return find_in_document(doc, sentences_of(doc), "d", date)


@pytest.mark.parametrize("text, promisor, promisee, obj", [
    ("Russia and Iran signed a contract under which Russia will complete the Bushehr nuclear power plant.",
     "RUS", "IRN", "bushehr"),
    ("Russia agreed to supply Tor-M1 systems to Iran.", "RUS", "IRN", "tor-m1"),
    ("China pledged to lend Pakistan $2 billion under the CPEC programme.", "CHN", "PAK", "cpec loan"),
    ("Poland has ordered 180 K2 tanks from South Korea.", "KOR", "POL", "k2 tanks"),
    ("MOSCOW, Nov. 9 — Russia has signed a new contract to supply S-300 missile systems to Iran.",
     "RUS", "IRN", "s-300"),
])
def test_commitment_forms(text, promisor, promisee, obj):
    cs, _ = run(text)
    assert [(c.promisor, c.promisee, c.object) for c in cs][:1] == [(promisor, promisee, obj)]


def test_deadline_with_implied_parties_from_the_document():
    cs, _ = run("Russia signed a contract with Iran to complete the Bushehr plant. "
                "Officials said the plant was due to come online in 1999.")
    due = [c for c in cs if c.due]
    assert due and due[0].due.year == 1999 and (due[0].promisor, due[0].promisee) == ("RUS", "IRN")


def test_refrain_commitment():
    cs, _ = run("Under the Budapest Memorandum, Russia promised not to use force against Ukraine.")
    assert cs and cs[0].kind == "refrain" and cs[0].promisor == "RUS"


def test_hedges_are_not_commitments():
    cs, _ = run("American officials said they were still considering whether to supply F-16 jets to Ukraine.")
    assert cs == []


@pytest.mark.parametrize("text, kind", [
    ("Russia has delivered Tor-M1 air-defence missile systems to Iran.", "delivered"),
    ("Russia has delivered the first part of the S-300 systems to Iran.", "delivered_partial"),
    ("Russia has postponed the delivery of nuclear fuel for the Bushehr power plant.", "delayed"),
    ("Medvedev signed a decree that bans the delivery of S-300 missile systems to Iran.", "suspended"),
    ("Russia has still not delivered S-300 air-defence missiles to Iran.", "not_delivered"),
    ("Iran argues that Russia refused to deliver the S-300 systems.", "refused"),
    ("Putin signed a decree lifting the ban on delivering S-300 systems to Iran.", "resumed"),
    ("Ukrainian officials said Russia had violated the Budapest Memorandum.", "violated"),
    ("Iran's Bushehr nuclear power plant was connected to the national grid on Saturday.", "delivered"),
])
def test_outcome_forms(text, kind):
    _, outs = run(text)
    assert kind in {o.kind for o in outs}


def test_subordinate_clause_is_not_an_outcome():
    _, outs = run("Iran will withdraw its claim once the missiles are delivered.")
    assert not [o for o in outs if o.kind == "delivered"]


def test_coordinated_objects_are_separate_promises_with_their_own_deadlines():
    cs, _ = run("South Korea signed a contract in July to supply 212 K9 howitzers to Poland by 2026, and 48 FA-50 "
                "light combat aircraft by 2025.", dt.date(2022, 9, 6))
    got = {c.object: c.due.year for c in cs if c.promisor == "KOR" and c.promisee == "POL"}
    assert got == {"k9 howitzers": 2026, "fa-50": 2025}


def test_object_outside_the_alias_table_is_named_by_the_sentence():
    cs, _ = run("Russia will deliver a Pantsir-S1 air-defence system to Serbia next year, President Aleksandar "
                "Vucic said.")
    assert [(c.promisor, c.promisee, c.object) for c in cs] == [("RUS", "SRB", "pantsir-s1")]


def test_abstract_nouns_are_not_deliverables():
    cs, _ = run("Khatami, who won a landslide victory, has promised more openness at home.")
    assert cs == []


def test_money_promise_is_a_loan_and_datelines_are_not_parties():
    cs, _ = run("NEW DELHI, Dec. 12 — Japan agreed on Saturday to lend India about $12 billion.")
    assert [(c.promisor, c.promisee, c.object) for c in cs] == [("JPN", "IND", "loan")]


def test_buying_for_a_third_state_promises_that_state():
    cs, _ = run("Canada promised in January to buy a NASAMS air-defence system from the United States for Ukraine.")
    assert [(c.promisor, c.promisee) for c in cs] == [("CAN", "UKR")]


def test_not_yet_delivered_is_a_delay_not_a_breach():
    _, outs = run("Russia signed a contract to supply Tor-M1 systems to Iran. The Tor-M1 systems have not yet been "
                  "delivered, officials said.")
    assert "delayed" in {o.kind for o in outs} and "not_delivered" not in {o.kind for o in outs}


def test_no_confirmation_of_delivery_is_a_delay_not_a_breach():
    _, outs = run("Iran has ordered Su-35 fighter jets from Russia. There has been no confirmation that any Su-35 "
                  "has been delivered.")
    assert "delayed" in {o.kind for o in outs} and "not_delivered" not in {o.kind for o in outs}
    _, outs = run("Iran has ordered Su-35 fighter jets from Russia. Russia has still not delivered the Su-35 jets.")
    assert "not_delivered" in {o.kind for o in outs}


def test_a_complaint_about_a_delay_does_not_make_the_complainer_the_actor():
    _, outs = run("Some Iranian commentators have complained about slow progress on the loans that Russia "
                  "pledged in March.", dt.date(2017, 11, 2))
    delayed = [o for o in outs if o.kind == "delayed"]
    assert delayed and delayed[0].actor != "IRN"


def test_decade_deadline():
    cs, _ = run("Russia signed a contract with Iran to build the Bushehr plant, due to be completed within "
                "about a decade.", dt.date(2016, 9, 10))
    assert cs and cs[0].due is not None and cs[0].due.year == 2026
