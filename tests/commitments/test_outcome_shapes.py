"""Outcome readings on our own sentences in the shape of real reports (issue 14): receiving none of
a thing, a restart that is only a prospect, a group as the subject of what was (not) paid."""

from __future__ import annotations

import datetime as dt

from trustledger.commitments.stage import find_in_document
from trustledger.nlp.model import load_model
from trustledger.nlp.sentences import sentences_of


def outcomes(text: str, date=dt.date(2020, 6, 10)) -> list:
    doc = load_model()(text)
    return find_in_document(doc, sentences_of(doc), "d", date)[1]


def test_receiving_none_of_a_thing_is_not_a_delivery():
    out = outcomes("Chile has received no copper from Peru under the barter deal since March 2019.")
    assert out and not [o for o in out if o.kind == "delivered"]
    assert [o for o in out if o.kind in ("not_delivered", "delayed")]


def test_a_restart_that_is_only_a_prospect_is_not_a_resumption():
    assert not [o for o in outcomes("Inspectors will remove the seals, the first step toward restarting the "
                                    "Arak reactor.") if o.kind == "resumed"]
    assert not [o for o in outcomes("Any attempt to restart the centrifuges would be a grave mistake, "
                                    "Germany said.") if o.kind == "resumed"]
    assert [o.kind for o in outcomes("Iran restarted the Arak reactor on Monday.")
            if o.kind == "resumed"] == ["resumed"]


def test_an_agreement_that_is_finished_or_collapsed_is_ended_but_a_finished_withdrawal_is_done():
    assert [o.kind for o in outcomes("The truce between Chad and Sudan collapsed in March.")] == ["cancelled"]
    assert [o.kind for o in outcomes("Officials in Moscow said on Monday that the fishing accord is finished.")] \
        == ["cancelled"]
    assert [o.kind for o in outcomes("Russia finished the withdrawal of its troops from Chad.")] == ["delivered"]
