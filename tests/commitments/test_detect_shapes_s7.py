"""Detection of the grammar of promising that unseen reports use (issue 14, session 7): promises named by
what their act governs rather than a thing, terms of an agreement written in the negative, keeping an
agreement's terms, promise nouns with their giver, object-control verbs the parser misreads, the
relative clause whose noun is the thing promised, and contracts won or signed for goods. Our own
sentences in the shape of real reports; each test fails without its mechanism."""

from __future__ import annotations

import datetime as dt

from tests.commitments.conftest import mention_rows, sentence_mentions

#: The date the sentences of this file are read as.
ON = dt.date(2020, 3, 1)


def mentions(text: str) -> list:
    return sentence_mentions(text, ON)


def found(text: str) -> list[tuple]:
    return mention_rows(text, ON)


# -- promises named by the noun their act governs ------------------------------------------------------
def test_a_promise_to_hold_talks_is_named_by_the_talks():
    got = mentions("Ghana and Togo agreed on Friday to hold talks on fishing rights.")
    assert got and got[0].object == "talks" and got[0].what.startswith("hold talks")
    assert {got[0].promisor, got[0].promisee} == {"GHA", "TGO"}


def test_a_promise_to_restore_relations_keeps_the_kind_of_relations():
    got = found("Qatar promised Bahrain to restore diplomatic relations within a month.")
    assert ("QAT", "BHR", "deliver", "diplomatic relations") in got


def test_a_vague_intention_names_no_promise():
    assert all(obj is None for *_, obj in found("Ghana and Togo agreed to consider the matter."))


# -- a term of an agreement written in the negative -----------------------------------------------------
def test_a_negative_term_under_an_agreement_is_a_promise_to_refrain_until_its_date():
    got = mentions("Under the amended accord, Bolivia would not take the matter of the dam to any "
                   "international tribunal, and Chile would owe Bolivia no fee until 2026.")
    held = [c for c in got if c.kind == "refrain"]
    assert held and (held[0].promisor, held[0].promisee) == ("BOL", "CHL")
    assert "tribunal" in held[0].what


def test_a_refusal_held_until_something_happens_is_no_promise():
    assert found("Under the accord, Bolivia would not take the dispute to any tribunal until Chile pays.") == []


def test_a_negative_future_foretold_by_analysts_is_no_promise():
    assert found("Analysts said Bolivia would not take the dispute to any international tribunal.") == []


# -- keeping an agreement's terms ------------------------------------------------------------------------
def test_keeping_the_terms_of_an_agreement_keeps_the_agreement():
    got = mentions("Mali pledged to abide by the terms of the Bamako Accord with Niger.")
    assert got and got[0].object == "bamako accord" and got[0].what.startswith("implement")
    assert (got[0].promisor, got[0].promisee) == ("MLI", "NER")


def test_his_government_is_the_speakers_state_not_a_state_of_another_phrase():
    got = mentions("Malian exiles protested after Nigerien President Mohamed Bazoum promised that his "
                   "government would abide by the terms of the Bamako Accord.")
    assert not any(c.promisor == "MLI" for c in got)


# -- promise nouns ----------------------------------------------------------------------------------------
def test_a_promise_made_to_a_state_takes_the_infinitive_the_parser_hangs_on_the_verb():
    assert ("NOR", "ISL", "deliver", "patrol boat") in found(
        "Norway gave a pledge to Iceland to provide four patrol boats.")


def test_the_owner_of_a_pledge_of_money_is_its_giver_wherever_the_pledge_stands():
    got = found("Kuwait's pledge of $200 million to Jordan was confirmed on Monday.")
    assert got and got[0][:2] == ("KWT", "JOR")


# -- object control and relative clauses ----------------------------------------------------------------
def test_an_object_control_verb_read_as_a_noun_still_binds_its_object():
    got = found("The treaty obliges Peru to return the seized trawlers to Ecuador.")
    assert got and got[0][:2] == ("PER", "ECU") and got[0][3] == "seized trawler"


def test_an_agreement_for_a_state_to_act_names_the_act():
    got = found("A $2 billion agreement for South Korea to build three reactors in Poland was signed in Warsaw.")
    assert got and got[0][:2] == ("KOR", "POL") and got[0][3] == "reactor"


def test_the_noun_a_relative_clause_describes_is_the_thing_promised():
    got = found("The corvettes that Italy agreed to sell to Qatar have not arrived.")
    assert ("ITA", "QAT", "deliver", "corvette") in got


def test_it_in_the_promised_act_is_never_the_person_who_promised():
    got = found("Vietnam has bought only half of the American soybeans that Biden promised it would buy.")
    assert got and got[0][:2] == ("VNM", "USA")


# -- contracts won or signed for goods --------------------------------------------------------------------
def test_a_contract_won_binds_the_winner_to_its_act():
    assert ("ITA", "EGY", "deliver", "frigate") in found("Italy won a contract to supply six frigates to Egypt.")


def test_a_contract_signed_for_goods_with_a_state_binds_that_state_to_supply_them():
    got = found("Chile signed a deal with Spain for eight patrol ships in 2019.")
    assert got and got[0][:2] == ("ESP", "CHL")
