"""What became of a promise told in other words than the promise's own (issue 14, items 3, 5, 6), on our own
invented reports in the shape of real ones: a deal walked out of by one side, which does not break the other
side's promises; a swap told as each state's deed ("Chad and Niger each freed four prisoners"), which is a
delivery by each to the other. Each test runs the real pipeline on a few short dated reports, or the outcome
finder on one sentence."""

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


def test_the_other_sides_promise_is_not_broken_by_the_deal_walked_out_of(deal_walked_out):
    """Only the state that walks out breaks its promises: Chad's side of the deal stays as it was."""
    chad = [e for e in deal_walked_out if e["promisor"] == "TCD"]
    assert all(e["status"] != "broken" for e in chad)


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
