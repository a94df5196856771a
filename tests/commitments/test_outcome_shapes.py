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


def test_what_the_verb_itself_freed_is_the_object_not_a_sum_in_a_clause_beyond():
    out = outcomes("Chad and Sudan on Monday each freed four detainees in a swap that also lets Sudan reach "
                   "$2 billion in revenue held abroad.")
    # one deed of each state ("each freed"), both about the detainees
    assert {(o.kind, o.object) for o in out if o.kind == "delivered"} == {("delivered", "detainee")}


def test_what_a_thing_had_been_in_an_undated_relative_clause_is_no_outcome():
    assert not outcomes("The swap lets Chad reach $2 billion in oil revenue that had been frozen for years.")
    assert [o.kind for o in outcomes("Chad had frozen the oil revenue.")] == ["suspended"]


def test_a_thing_built_that_opened_or_went_into_service_is_delivered_but_talks_opened_are_not():
    for text in ("The Ndjamena-Abeche railway, opened on May 31, carried 5,000 passengers in its first week.",
                 "The Ndjamena-Abeche railway opened on Friday.",
                 "The Arak reactor went into operation on Monday.",
                 "The Rooppur power plant was put into service in 2024."):
        out = outcomes(text)
        assert [o.kind for o in out] == ["delivered"], text
        assert out[0].actor is None, text  # the thing opened, not a state that did it
    for text in ("Chad and Sudan opened talks on the railway on Friday.", "Chad opened its border with Sudan.",
                 "Chad unveiled a plan for the railway."):
        assert not outcomes(text), text


def test_taking_delivery_is_receiving_and_a_first_consignment_is_a_part():
    out = outcomes("Chad took delivery of the first consignment of locomotives from China on Tuesday.")
    assert [(o.kind, o.actor, o.counterpart) for o in out] == [("delivered_partial", "CHN", "TCD")]


def test_troops_withdrawn_are_a_withdrawal_carried_out_from_the_state_left():
    out = outcomes("The last Russian troops were withdrawn from Moldova in May.")
    assert [(o.kind, o.actor, o.counterpart) for o in out] == [("delivered", "RUS", "MDA")]
    assert [(o.kind, o.actor, o.counterpart) for o in outcomes("Chad withdrew its troops from Sudan on Monday.")] \
        == [("delivered", "TCD", "SDN")]
    assert not outcomes("Chad will withdraw its troops from Sudan.")


def test_withdrawing_from_an_agreement_with_a_long_name_ends_it():
    out = outcomes("Chad withdrew from the Lake Chad fishing accord on Monday.")
    assert [(o.kind, o.actor) for o in out] == [("cancelled", "TCD")]


def test_what_is_demanded_is_not_what_was_done():
    for text in ("The council adopted a resolution on Monday demanding that Chad suspend all oil exports by May.",
                 "The council reaffirmed its demands that Chad halt the oil exports.",
                 "The council imposed sanctions on Chad for refusing to suspend oil exports.",
                 "The United States pressed for sanctions against Chad over its refusal to suspend oil exports."):
        assert not [o for o in outcomes(text) if o.kind == "suspended"], text
    assert [o.kind for o in outcomes("Chad suspended its oil exports on Monday.")] == ["suspended"]


def test_a_thing_put_on_hold_is_suspended_not_handed_over():
    """"on hold" is a suspension, whether the parser makes "hold" a noun or a verb of its own; the handover
    said to be on hold was read as the handover done."""
    sale = "In 2019 Norway agreed to sell two frigates to Chile. "
    put = outcomes(sale + "Norway has put on hold the handover to Chile of the first frigate.")
    assert [(o.kind, o.actor) for o in put] == [("suspended", "NOR")]
    held = outcomes(sale + "The handover of the frigates to Chile is on hold until further notice.")
    assert [o.kind for o in held] == ["suspended"]
    assert not outcomes("The talks are on hold.")  # talks are no promised thing


def test_an_agreement_suspended_or_revived_is_the_outcome_object():
    """The agreement itself is what a suspension or revival names, also when the subject hangs on the
    copula ("the treaty ... was, in practice, suspended") or the state's participation in it is suspended."""
    out = outcomes("The foreign minister declared on Sunday that the treaty of friendship with Chile was, in "
                   "practice, suspended.")
    assert [(o.kind, o.object) for o in out] == [("suspended", "treaty")]
    part = outcomes("Norway suspended its participation in the fisheries accord on Monday.")
    assert [(o.kind, o.actor) for o in part] == [("suspended", "NOR")] and "accord" in part[0].object
    revived = outcomes("The first cargo since the supply contract was revived arrived in Chile on Friday.")
    assert [o.kind for o in revived if o.kind == "resumed"] == ["resumed"]


def test_a_pledged_thing_now_in_the_state_is_delivered_though_the_parser_splits_the_clause():
    """"Every tank pledged to Kyiv is now in Ukraine": the parser makes "tank pledged to Kyiv" a clause and
    leaves "is" without a subject; the thing is still the subject of being in the state."""
    out = outcomes("In January Britain pledged 14 Challenger 2 tanks to Ukraine. Every Challenger 2 tank pledged "
                   "to Kiev is now in Ukraine, the ministry said.")
    assert [(o.kind, o.actor, o.counterpart) for o in out] == [("delivered", "GBR", "UKR")]


def test_cargoes_that_arrive_are_the_promised_supply():
    """A cargo is a part of a supply named bare, like a batch or a shipment (the tagger even makes
    "cargoes" a verb): its arrival delivers what the article last named as promised."""
    out = outcomes("In April Saudi Arabia agreed to supply Egypt with 700,000 tonnes of oil products a month. "
                   "The two cargoes arrived in Egypt on Friday and Saturday.")
    assert [(o.kind, o.actor) for o in out] == [("delivered", "SAU")]
