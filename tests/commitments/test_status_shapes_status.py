"""What became of a promise told in words the outcome finder and the linker did not read (issue 14,
status work), on our own invented sentences in the shape of real reports: a legislature approving or
backing an agreement it was to ratify, and one agreement named by two of its names (accord, agreement,
protocol) across reports."""

from __future__ import annotations

import datetime as dt

from tests.commitments.conftest import text_ledger
from trustledger.commitments.link import same_agreement
from trustledger.commitments.stage import find_in_document
from trustledger.nlp.model import load_model
from trustledger.nlp.sentences import sentences_of


def outcomes(text: str) -> list[tuple]:
    """(kind, actor, object) of the outcomes found in `text`, read as an article of 2020-06-10."""
    doc = load_model()(text)
    return [(o.kind, o.actor, o.object) for o in find_in_document(doc, sentences_of(doc), "d", dt.date(2020, 6, 10))[1]]


def test_a_parliament_approving_an_accord_ratifies_it():
    found = outcomes("On Tuesday the Nigerien parliament approved a fisheries accord with Chad.")
    assert [(k, a) for k, a, _ in found] == [("delivered", "NER")]
    assert found[0][2].endswith("accord")


def test_lawmakers_backing_a_protocol_ratify_it():
    found = outcomes("Late on Tuesday lawmakers in Niger backed the border protocol by 90 votes to 40.")
    assert [(k, o) for k, _, o in found] == [("delivered", "border protocol")]


def test_approving_a_loan_is_no_ratification():
    assert outcomes("On Tuesday the Nigerien parliament approved a new loan for Chad.") == []


def test_one_agreement_under_two_names():
    assert same_agreement("fisheries accord", "fisheries agreement")
    assert same_agreement("border protocol", "border treaty")
    assert not same_agreement("fisheries accord", "border agreement")
    assert not same_agreement("accord", "agreement")  # a bare noun names no particular agreement
    assert not same_agreement("fisheries accord", "fisheries plant")


def test_a_protocol_backed_settles_the_promise_to_ratify_the_agreement(tmp_path):
    ledger = text_ledger(tmp_path, {
        "a.md": ("2019-03-04", "Niger is due to ratify Chad's ECOWAS accession agreement this month."),
        "b.md": ("2019-03-22", "Late on Friday Nigerien lawmakers backed the ECOWAS protocol on Chad's accession "
                               "by 90 votes to 40."),
    })
    mine = [e for e in ledger if e["promisor"] == "NER" and e["promisee"] == "TCD"]
    assert [e["status"] for e in mine] == ["kept"]
    assert str(mine[0]["fulfilled"]).startswith("2019-03-22")


def test_a_supply_begun_is_the_supply_s_thing_to_its_receiver():
    """"Began pumping gas to Chad": the gas, delivered to Chad (the parser hangs "to Chad" on "pumping")."""
    found = outcomes("In 2014 Niger agreed to supply Chad with natural gas for 30 years. Niger began pumping gas "
                     "to Chad on Monday as the long-awaited Sahel Link pipeline went into operation.")
    assert ("delivered", "NER", "gas") in found
    doc = load_model()("Niger began pumping gas to Chad on Monday.")
    found = find_in_document(doc, sentences_of(doc), "d", dt.date(2019, 12, 2))[1]
    assert [(o.kind, o.actor, o.counterpart, o.object) for o in found] == [("delivered", "NER", "TCD", "gas")]


def test_gas_pumped_settles_the_gas_promise_before_the_pipeline_one(tmp_path):
    """A loosely named outcome ("gas") settles the promise whose thing has its head word ("natural gas")
    before one that only shares its class (the gas pipeline), however newer that one is."""
    ledger = text_ledger(tmp_path, {
        "a.md": ("2014-05-21", "Niger agreed to supply Chad with natural gas for 30 years."),
        "b.md": ("2017-07-04", "Niger pledged to Chad on Tuesday that it would build the Sahel Link gas pipeline "
                               "by December 2019."),
        "c.md": ("2019-12-02", "Niger began pumping gas to Chad on Monday as the long-awaited Sahel Link pipeline "
                               "went into operation."),
    })
    gas = [e for e in ledger if e["promisor"] == "NER" and "natural gas" in e["what"]]
    assert [e["status"] for e in gas] == ["kept"]


def test_work_restarted_is_a_resumption_of_the_activity():
    found = outcomes("Officials said today that Niger has restarted nuclear work at its Arlit conversion plant.")
    assert [(k, o) for k, _, o in found] == [("resumed", "activity")]


def test_work_restarted_breaks_the_newest_halt_promised(tmp_path):
    """A generic activity restarted ("restarted nuclear work") breaks the actor's halt in force, whatever
    the halt promise named the activity; an older halt is left to its own outcomes."""
    ledger = text_ledger(tmp_path, {
        "a.md": ("2004-11-15", "Niger agreed with Chad on Monday to suspend uranium enrichment activity while "
                               "talks proceed."),
        "b.md": ("2005-08-08", "Officials said today that Niger has restarted nuclear work at its Arlit "
                               "conversion plant, despite warnings from Chad."),
    })
    halt = [e for e in ledger if e["promisor"] == "NER" and e["promisee"] == "TCD"]
    assert [e["status"] for e in halt] == ["broken"]
