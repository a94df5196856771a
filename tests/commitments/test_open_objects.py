"""Detection recall and parties on the shapes of real reports (issue 14), on our own sentences:
co-donors who give to a third state, a floating "each", the other side of a document's dealings as
the promisee (one commitment per member of a group), "his country" as the speaker's state."""

from __future__ import annotations

import datetime as dt

from trustledger.commitments.stage import find_in_document
from trustledger.nlp.model import load_model
from trustledger.nlp.sentences import sentences_of


def commitments(text: str, date=dt.date(2015, 3, 1)) -> list[tuple]:
    doc = load_model()(text)
    return [(c.promisor, c.promisee, c.object) for c in find_in_document(doc, sentences_of(doc), "d", date)[0]]


def test_co_donors_give_to_the_recipient_of_the_last_pledge_not_to_each_other():
    found = commitments("Japan said it would give Haiti $90 million in aid. Canada and Norway each pledged $US "
                        "50 million, and Sweden pledged $US 30 million.")
    pairs = {(a, b) for a, b, _ in found}
    assert {("CAN", "HTI"), ("NOR", "HTI"), ("SWE", "HTI")} <= pairs
    assert not pairs & {("SWE", "CAN"), ("CAN", "SWE"), ("CAN", "NOR"), ("SWE", "NOR")}


def test_a_promise_without_recipient_goes_to_the_other_side_of_the_documents_talks():
    found = commitments("Belgrade has agreed to halt the construction of new military posts. The move follows "
                        "weeks of talks between Serbia and Austria, Hungary and Slovenia.")
    pairs = {(a, b) for a, b, _ in found}
    assert {("SRB", "AUT"), ("SRB", "HUN"), ("SRB", "SVN")} <= pairs


def test_his_country_is_the_state_of_the_speaker():
    found = commitments("Ahmed Nasser, Egypt's chief negotiator, says his country has agreed to supply "
                        "500,000 tonnes of wheat to Sudan.")
    assert found and found[0][:2] == ("EGY", "SDN")
