"""What became of a promise told in words the outcome finder did not read (issue 14, session 7), on our own
invented sentences in the shape of real reports: things set free, loans repaid (and only the borrower's
promise settled by it), deals walked out of with a phrasal verb ("backed out of", "called off"), troops
leaving a country, building work begun (progress, not delivery), a plant that began operating, a pullout
completed, what was left of a sum scrapped (and linked to the promise of that sum), a schedule revised
("will now enter service in 2019"), a weapon fired against a halt, a breach named as a noun, a purchase of
only a share of the goods. And the grammar that keeps a duty from reading as a deed ("must be repaid")."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.commitments.conftest import text_ledger
from trustledger.commitments.stage import find_in_document
from trustledger.nlp.model import load_model
from trustledger.nlp.sentences import sentences_of

LOAN = "In 2019 Niger lent Chad $200 million."
BOATS = "In 2015 Niger agreed to supply Chad with four patrol boats."
PLANT = "In 2012 Niger agreed to build a power plant for Chad."
TROOPS = "In 2008 Niger agreed to withdraw all its troops from Chad by 2011."
JETS = "In 2015 Niger agreed to sell 12 fighter jets to Chad."


def outcomes(context: str, sentence: str) -> list[tuple]:
    """(kind, actor, counterpart, object) of the outcomes found in `sentence`, read after `context`."""
    doc = load_model()(f"{context} {sentence}".strip())
    found = find_in_document(doc, sentences_of(doc), "d", dt.date(2020, 6, 10))[1]
    return [(o.kind, o.actor, o.counterpart, o.object) for o in found if o.text.startswith(sentence[:20])]


def kinds(context: str, sentence: str) -> list[str]:
    return [k for k, *_ in outcomes(context, sentence)]


def test_people_set_free_are_released():
    assert kinds("In 2019 Chad agreed to release 12 Nigerien sailors.",
                 "The 12 sailors were set free in January.") == ["delivered"]


def test_a_loan_repaid_is_paid_by_the_borrower():
    doc = load_model()(f"{LOAN} Chad repaid the loan in full in 2021.")
    found = [o for o in find_in_document(doc, sentences_of(doc), "d", dt.date(2022, 1, 1))[1]
             if o.trigger == "repaid"]
    assert [(o.kind, o.actor, o.object) for o in found] == [("delivered", "TCD", "loan")]
    assert found[0].what.startswith("repaid")  # linking reads the act from it


def test_a_duty_to_repay_is_no_repayment():
    """"Must be repaid by 2025" says what is owed; like "will be repaid", it is no deed."""
    assert kinds(LOAN, "The loan must be repaid by 2025.") == []


def test_a_sum_of_the_whole_repaid_is_a_part():
    assert kinds(LOAN, "Chad repaid $50 million of the loan in 2021.") == ["delivered_partial"]


def test_repaying_since_a_date_is_under_way():
    assert kinds(LOAN, "Chad has been repaying the loan since 2021.") == ["delivered_partial"]


@pytest.mark.parametrize("sentence", ["Niger backed out of the deal in 2017.",
                                      "Niger walked away from the deal in 2017.",
                                      "Niger reneged on the deal in 2017.", "Niger called off the sale in 2017."])
def test_a_deal_walked_out_of_with_a_phrasal_verb_is_cancelled(sentence):
    assert outcomes(JETS, sentence)[:1] == [("cancelled", "NER", None, sentence.split()[-3])]


def test_backing_a_candidate_is_no_cancellation():
    assert kinds(JETS, "Niger backed out of the race for the council seat in 2017.") == []


def test_soldiers_leaving_the_country_are_the_withdrawal_done():
    assert outcomes(TROOPS, "The last Nigerien soldiers left Chad in December 2010.") == [
        ("delivered", "NER", "TCD", "troop")]


def test_troops_said_to_be_pulling_out_are_under_way():
    assert kinds(TROOPS, "Nigerien troops are said to be pulling out of areas along the border.") == [
        "delivered_partial"]


def test_a_state_leaving_talks_withdraws_no_troops():
    assert kinds(TROOPS, "Niger left the talks in Geneva on Monday.") == []


def test_a_pullout_completed_moves_troops():
    assert outcomes(TROOPS, "The withdrawal was completed in December 2010.")[0][3] == "troop"


def test_building_work_begun_is_progress_on_the_thing_built():
    assert outcomes(PLANT, "Construction of the plant began in 2014.") == [
        ("delivered_partial", "NER", None, "power plant")]
    assert kinds(PLANT, "Niger broke ground on the plant in 2014.") == ["delivered_partial"]


def test_a_plant_that_began_operating_is_delivered():
    assert outcomes(PLANT, "The plant began operating in 2019.") == [("delivered", "NER", None, "power plant")]


def test_gas_that_started_flowing_is_the_supply_begun():
    assert kinds("In 2014 Niger agreed to supply Chad with natural gas.", "Gas started flowing in 2019.") == [
        "delivered"]


def test_what_was_left_of_a_sum_scrapped_is_that_sum():
    found = outcomes("In 2013 Niger pledged $500 million in aid for Chad's police.",
                     "The official said Niamey had also scrapped what was left of $500 million in aid it had set "
                     "aside for Chad's police.")
    assert [(k, a) for k, a, _, _ in found] == [("cancelled", "NER")]
    assert "500 million" in found[0][3]


def test_a_delivery_now_due_later_is_a_delay():
    assert outcomes(PLANT, "The company said on 3 July that Unit 1 of the plant will now enter service in late "
                           "2019.") == [("delayed", "NER", None, "power plant")]
    assert kinds(JETS, "The jets are now expected to arrive in 2021.") == ["delayed"]


def test_a_delivery_promised_again_without_now_is_no_delay():
    assert kinds(JETS, "Niger will deliver the jets in 2021.") == []


def test_a_missile_fired_is_what_a_halt_ruled_out():
    assert kinds("In 2017 Chad agreed to halt ballistic missile tests.",
                 "Chad fired a ballistic missile on Thursday, Niger said.") == ["violated"]
    assert kinds(JETS, "Niger fired the minister in charge of the sale.") == []


def test_a_breach_named_as_a_noun_is_a_violation_of_what_the_halt_is_on():
    found = outcomes("In 2017 Chad agreed to halt ballistic missile launches.",
                     "Niger said it was a breach of the halt on ballistic missile launches.")
    assert [k for k, *_ in found] == ["violated"] and "launch" in found[0][3]


def test_goods_bought_in_part_are_a_part_of_the_purchase_promised():
    buy = "In 2020 Chad agreed to buy $200 billion of Nigerien goods over two years."
    assert outcomes(buy, "Chad has bought only 58% of the Nigerien goods.") == [
        ("delivered_partial", "TCD", None, "good")]


@pytest.fixture(scope="module")
def two_sums(tmp_path_factory) -> list[dict]:
    return text_ledger(tmp_path_factory.mktemp("sums"), {
        "a.md": ("2013-12-29", "NIAMEY, Dec 29 — Niger pledged a $3 billion grant to Chad's army on Sunday. "
                               "Niger also pledged $1 billion in aid for Chad's police on Sunday."),
        "b.md": ("2016-02-20", "NDJAMENA, Feb 20 — An official said Niamey had scrapped what was left of "
                               "$1 billion in aid it had set aside for Chad's police."),
    })


def test_a_sum_scrapped_breaks_the_promise_of_that_sum(two_sums):
    """The outcome names $1 billion: it breaks the $1 billion promise, not the first money promise of the pair."""
    by_sum = {("1 billion" in (e["amount"] or "")): e["status"] for e in two_sums if e["promisor"] == "NER"}
    assert by_sum.get(True) == "broken"
    assert by_sum.get(False) != "broken"


@pytest.fixture(scope="module")
def loan_repaid(tmp_path_factory) -> list[dict]:
    return text_ledger(tmp_path_factory.mktemp("loan"), {
        "a.md": ("2019-03-01", "NIAMEY, March 1 — Niger agreed on Friday to lend Chad $200 million."),
        "b.md": ("2021-06-01", "NDJAMENA, June 1 — The loan was repaid in full in May, officials said."),
    })


def test_a_repayment_does_not_keep_the_lenders_promise(loan_repaid):
    """"The loan was repaid" names no one: it is the borrower's act, never the lender's loan delivered."""
    lender = [e for e in loan_repaid if e["promisor"] == "NER"]
    assert lender and all(e["status"] not in ("kept", "kept_late") for e in lender)
