"""What became of a promise told in other words than the promise's own (issue 14, items 3, 5, 6), on our own
invented reports in the shape of real ones: a deal walked out of that is named only as "the deal", a supply
begun ("began pumping gas to Chad") that settles the promise of the thing it carries, not the pipeline; an
activity restarted ("the country has restarted nuclear work") that breaks the promise to halt it; a buyer's
payment for the thing ("paid in advance for the systems"), which is money paid, not the thing; a later
report naming the thing only by its kind ("the submarine should have been handed over in 2019"); a halt
that goes on ("enrichment, which is to stay suspended"), which keeps the promise to halt so far.
Each test runs the real ingest pipeline on a few short dated reports and reads the ledger."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.commitments.conftest import text_ledger
from trustledger.commitments.stage import find_in_document
from trustledger.nlp.model import load_model
from trustledger.nlp.sentences import sentences_of


@pytest.fixture(scope="module")
def deal_walked_out(tmp_path_factory) -> list[dict]:
    return text_ledger(tmp_path_factory.mktemp("deal"), {
        "a.md": ("2016-03-02", "NDJAMENA, March 2 — On Tuesday Niger and Chad signed an agreement setting up a "
                               "humanitarian river corridor for Chadian cotton exports."),
        "b.md": ("2018-05-10", "NIAMEY, May 10 — Niger said on Thursday it was suspending its participation in "
                               "the deal after an attack on its river patrol boats near the Chadian border."),
    })


def test_a_deal_walked_out_of_breaks_the_promise_made_in_it(deal_walked_out):
    """"Suspending its participation in the deal" names no thing: it is about the promise Niger made in
    the agreement its article pair signed, and breaks it."""
    niger = [e for e in deal_walked_out if e["promisor"] == "NER" and e["promisee"] == "TCD"]
    assert niger and niger[0]["status"] == "broken"
    assert any(o["kind"] == "suspended" for o in niger[0]["outcomes"])


def test_the_other_sides_promise_is_not_broken_by_the_deal_walked_out_of(deal_walked_out):
    """Only the state that walks out breaks its promises: Chad's side of the deal stays as it was."""
    chad = [e for e in deal_walked_out if e["promisor"] == "TCD"]
    assert all(e["status"] != "broken" for e in chad)


def test_a_supply_begun_carries_its_own_thing_to_the_state_it_goes_to():
    """"Began pumping gas to Chad as the pipeline went into operation": what was begun is the supply of
    gas (the object of the act "begin" governs, not the pipeline named beside it), to Chad (whose "to"
    the parser hangs on "pumping")."""
    doc = load_model()("Niger began pumping gas to Chad on Monday as the long-awaited Trans-Sahel pipeline "
                       "went into operation.")
    out = find_in_document(doc, sentences_of(doc), "d", dt.date(2020, 6, 10))[1]
    begun = [o for o in out if o.trigger == "began"]
    assert [(o.kind, o.actor, o.counterpart, o.object) for o in begun] == [("delivered", "NER", "TCD", "gas")]


@pytest.fixture(scope="module")
def gas_begun(tmp_path_factory) -> list[dict]:
    return text_ledger(tmp_path_factory.mktemp("gas"), {
        "a.md": ("2014-05-20", "NIAMEY, May 20 — In 2014 Niger concluded a 20-year agreement with Chad to supply "
                               "Chad with natural gas."),
        "b.md": ("2017-07-01", "NIAMEY, July 1 — Niger agreed on Tuesday to complete the Trans-Sahel pipeline to "
                               "Chad."),
        "c.md": ("2019-12-02", "NIAMEY, Dec. 2 — Niger began pumping gas to Chad on Monday."),
    })


def test_a_supply_begun_settles_the_promise_of_the_same_thing_before_one_of_its_class(gas_begun):
    """"Gas" is not the key of any promise: of the promises it may loosely stand for, the one whose thing
    ends in the same noun ("natural gas") is settled, not the pipeline of the same class made later."""
    by_object = {e["object"]: e for e in gas_begun if e["promisor"] == "NER"}
    assert by_object["natural gas"]["status"] == "kept"
    assert by_object["natural gas"]["fulfilled"] == dt.date(2019, 12, 2)
    assert not any(o["object"] == "gas" for e in gas_begun if e["object"] != "natural gas"
                   for o in e["outcomes"])


def test_an_activity_restarted_by_the_country_the_speakers_belong_to_is_a_resumption_of_that_state():
    """"Chadian officials said the country has restarted nuclear work at its plant": the country is Chad (the
    state of the speakers), and what was restarted is the activity (work), not a thing promised."""
    doc = load_model()("Chadian officials said today that the country has restarted nuclear work at its Abeche "
                       "facility despite warnings from Niger.")
    out = find_in_document(doc, sentences_of(doc), "d", dt.date(2020, 6, 10))[1]
    assert [(o.kind, o.actor, o.object) for o in out] == [("resumed", "TCD", "work")]


@pytest.fixture(scope="module")
def halt_restarted(tmp_path_factory) -> list[dict]:
    return text_ledger(tmp_path_factory.mktemp("halt"), {
        "a.md": ("2016-03-02", "NDJAMENA, March 2 — Chad agreed with Niger on Tuesday to suspend all uranium "
                               "enrichment while talks go on."),
        "b.md": ("2018-05-10", "NDJAMENA, May 10 — Chadian officials said today that the country has restarted "
                               "nuclear work at its Abeche facility despite warnings from Niger."),
    })


def test_an_activity_restarted_breaks_the_promise_to_halt_it(halt_restarted):
    """Resuming "work" names no promised thing: it is the activity Chad promised Niger to halt, and breaks
    that promise."""
    halt = [e for e in halt_restarted if e["promisor"] == "TCD" and e["promisee"] == "NER"]
    assert halt and halt[0]["status"] == "broken"
    assert [o["kind"] for o in halt[0]["outcomes"]] == ["resumed"]


def test_a_payment_for_the_thing_bought_is_money_paid_not_the_thing():
    """"Chad has already paid in advance for the systems" is the buyer's payment: its object is the payment,
    so it neither settles nor turns round the seller's promise to deliver the systems."""
    doc = load_model()("Russia's handover of the S-300 missiles to Chad has slipped to 2014, although Chad has "
                       "already paid in advance for the systems.")
    out = find_in_document(doc, sentences_of(doc), "d", dt.date(2013, 12, 1))[1]
    paid = [o for o in out if o.trigger == "paid"]
    assert [(o.actor, o.object) for o in paid] == [("TCD", "payment")]
    assert ("delayed", "s-300") in {(o.kind, o.object) for o in out}


@pytest.fixture(scope="module")
def kind_only(tmp_path_factory) -> list[dict]:
    return text_ledger(tmp_path_factory.mktemp("kind"), {
        "a.md": ("2016-04-12", "PARIS, April 12 — France agreed on Tuesday to sell an attack submarine to Chad."),
        "b.md": ("2021-02-03", "NDJAMENA, Feb. 3 — Chadian media report that France will not sell the engines "
                               "Chad wanted. The submarine should have been handed to the Chadian navy in 2019 "
                               "but was halted by the embargo on the engines."),
    })


def test_a_later_report_naming_the_thing_only_by_its_kind_settles_the_promise_of_that_thing(kind_only):
    """The later report names no promise, only "the submarine": that is the thing itself, and linking finds
    the promise of a submarine the pair made in the earlier report, overdue and undone (broken)."""
    sub = [e for e in kind_only if e["promisor"] == "FRA" and e["promisee"] == "TCD"]
    assert sub and sub[0]["status"] == "broken"
    assert "not_delivered" in [o["kind"] for o in sub[0]["outcomes"]]


def test_a_halt_that_goes_on_is_a_suspension_of_the_thing_that_stays_halted():
    """"Uranium enrichment, which is to stay suspended": what stays halted is the subject of "stay" (through
    "which", the noun it describes)."""
    for text in ("Reprocessing uranium is one step short of uranium enrichment, which is to stay suspended, the "
                 "minister said.",):
        doc = load_model()(text)
        out = find_in_document(doc, sentences_of(doc), "d", dt.date(2020, 6, 10))[1]
        assert [(o.kind, o.object) for o in out] == [("suspended", "uranium enrichment")], text


@pytest.fixture(scope="module")
def halt_goes_on(tmp_path_factory) -> list[dict]:
    return text_ledger(tmp_path_factory.mktemp("halt_on"), {
        "a.md": ("2016-03-02", "NDJAMENA, March 2 — Chad agreed with Niger on Tuesday to suspend uranium "
                               "enrichment while talks go on."),
        "b.md": ("2018-05-10", "NDJAMENA, May 10 — Chad will restart the conversion of ore at its Abeche "
                               "plant next week. Reprocessing uranium is one step short of uranium enrichment, "
                               "which is to stay suspended, the minister said."),
    })


def test_a_halt_reported_as_going_on_keeps_the_promise_to_halt_so_far(halt_goes_on):
    halt = [e for e in halt_goes_on if e["promisor"] == "TCD" and e["promisee"] == "NER"]
    assert halt and halt[0]["status"] == "kept"
    assert halt[0]["fulfilled"] == dt.date(2018, 5, 10)


def _delivered(text: str) -> list[tuple]:
    doc = load_model()(text)
    out = find_in_document(doc, sentences_of(doc), "d", dt.date(2021, 4, 12))[1]
    return sorted((o.actor, o.counterpart, o.object) for o in out if o.kind == "delivered")


def test_a_swap_told_as_each_states_deed_is_a_delivery_by_each_to_the_other():
    """"Chad and Niger each freed four prisoners": one verb, two deeds, each state's to the other, so
    both sides' promises in the swap find their outcome (not only the state named first)."""
    assert _delivered("Chad and Niger on Monday each freed four prisoners in a swap.") == [
        ("NER", "TCD", "prisoner"), ("TCD", "NER", "prisoner")]


def test_both_also_splits_the_deed_even_when_the_pair_hangs_under_a_describing_noun():
    """"both" is distributive as "each" is; "old foes Chad and Niger each ..." still names the pair."""
    assert _delivered("Mali and Niger on Friday both released the captured soldiers.") == [
        ("MLI", "NER", "captured soldier"), ("NER", "MLI", "captured soldier")]
    assert len(_delivered("Old foes the Chad and Niger on Monday each freed four prisoners in a swap.")) == 2


def test_a_joint_deed_without_each_or_both_is_not_split():
    """"Mali and Niger released the soldiers" may be one joint deed: without the distributive word the
    outcome stays one."""
    assert len(_delivered("Mali and Niger released the captured soldiers.")) == 1
