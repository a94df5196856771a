"""Mechanisms found on the report-based dev split, on our own sentences in the shape of those
reports: who delivered a thing no subject names, arrival as "reached", a wire dateline in brackets,
promises stated as "an agreement was reached for A to ...", released people and their state."""

from __future__ import annotations

import datetime as dt

from trustledger.commitments.stage import find_in_document
from trustledger.nlp.model import load_model
from trustledger.nlp.sentences import sentences_of


def run(text: str, date=dt.date(2020, 6, 1)):
    doc = load_model()(text)
    return find_in_document(doc, sentences_of(doc), "d", date)


def commitments(text: str) -> list[tuple]:
    return [(c.promisor, c.promisee, c.object) for c in run(text)[0]]


def outcomes(text: str) -> list[tuple]:
    return [(o.kind, o.actor, o.counterpart, o.object) for o in run(text)[1]]


def test_the_nationality_of_what_arrived_is_the_supplier_and_against_is_not_the_counterpart():
    out = outcomes("Kenya's army welcomed the arrival of French K9 howitzers ahead of an offensive "
                   "against Somalia's militias.")
    assert out and out[0][0] == "delivered"
    assert out[0][1] == "FRA" and out[0][2] != "SOM"


def test_arrival_from_a_state_names_the_supplier():
    out = outcomes("Egypt announced the arrival from China of the first batch of Wing Loong drones.")
    assert out and out[0][:2] == ("delivered", "CHN")


def test_things_that_reached_a_place_were_delivered_but_sides_reaching_a_deal_were_not():
    assert outcomes("All the F-16 jets Washington had promised have reached the country, the minister "
                    "said.")[0][:1] == ("delivered",)
    assert not [o for o in outcomes("India and France reached a deal on Rafale jets.") if o[0] == "delivered"]


def test_freed_is_a_delivery_and_each_state_that_freed_people_has_its_own_outcome():
    out = outcomes("In the swap Ethiopia freed 20 Eritrean soldiers, and Eritrea freed 12 Ethiopian soldiers.")
    assert {o[1] for o in out if o[0] == "delivered"} == {"ETH", "ERI"}


def test_a_bracketed_wire_dateline_is_not_a_party():
    found = commitments("BEIJING (Xinhua - 3rd May, 2020) Pakistan's defence minister said the J-10 fighters "
                        "pledged to Islamabad would arrive next year.")
    assert found and all("CHN" not in (a, b) for a, b, _ in found)


def test_an_agreement_reached_for_each_state_to_do_its_part_gives_each_its_promise():
    found = commitments("An agreement was reached for Ethiopia to free 20 Eritrean soldiers and for Eritrea to free "
                        "12 Ethiopian soldiers.")
    assert ("ETH", "ERI") in {(a, b) for a, b, _ in found}
    assert ("ERI", "ETH") in {(a, b) for a, b, _ in found}


def test_a_cancelled_debt_is_a_write_off_carried_out_and_a_cancelled_contract_a_breach():
    assert outcomes("Japan cancelled Myanmar's debt of $3 billion in 2013.")[0][:3] == ("delivered", "JPN", "MMR")
    assert outcomes("France wrote off Senegal's debt last year.")[0][0] == "delivered"
    assert outcomes("Russia cancelled the contract to supply S-300 missiles to Iran.")[0][0] == "cancelled"
