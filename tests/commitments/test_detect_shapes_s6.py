"""Detection of promise shapes real reports use (issue 14, items 1, 2, 6): an order with no seller
named, a passive promise, and coordinated acts that are each their
own promise with their own thing and sum. Our own sentences in the shape of real reports."""

from __future__ import annotations

import datetime as dt

from tests.commitments.conftest import mention_rows, sentence_mentions

#: The date the sentences of this file are read as.
ON = dt.date(2016, 3, 1)


def mentions(text: str) -> list:
    return sentence_mentions(text, ON)


def found(text: str) -> list[tuple]:
    return mention_rows(text, ON)


def test_an_order_with_no_seller_named_binds_the_other_state_of_the_article():
    got = mentions("Spain has delayed the patrol ships for Brazil. Brazil ordered the four patrol ships in 2012 "
                   "for $900 million.")
    order = [c for c in got if c.trigger == "ordered"]
    assert order and (order[0].promisor, order[0].promisee) == ("ESP", "BRA")
    assert order[0].made == dt.date(2012, 1, 1) and order[0].made_explicit


def test_an_order_of_something_that_is_not_goods_is_no_promise():
    assert found("Spain and Brazil argue. Brazil ordered its troops to the border in 2012.") == []


def test_a_passive_promise_is_the_agents_promise_to_the_subject():
    assert found("Estonia was promised 20 armoured vehicles by Norway.")[0][:3] == ("NOR", "EST", "deliver")


def test_a_coordinated_act_tagged_as_an_adjective_is_its_own_promise_with_its_own_thing_and_no_shared_sum():
    got = mentions("Canada and Chile reached a deal on Friday. According to officials, the Canadian government "
                   "will move $2 billion in formerly frozen Chilean assets and free several imprisoned Chilean "
                   "citizens in return for five Canadians wrongfully held in Chile.")
    freed = [c for c in got if c.trigger == "free"]
    assert freed, "the release coordinated with the transfer was lost"
    assert freed[0].what.startswith("release") and "citizen" in (freed[0].object or "")
    assert freed[0].amount is None  # the $2 billion is the transfer's, not the release's
    assert not any("asset" in t or "fund" in t for t in freed[0].terms)
    moved = [c for c in got if c.trigger == "move"]
    assert moved and moved[0].amount == "$2 billion"


def test_a_coordinated_act_keeps_the_sum_in_its_own_words():
    got = mentions("Qatar agreed on Monday to deposit $2 billion in Jordan's central bank and to supply gas worth "
                   "up to $1 billion on deferred payment.")
    sums = {c.object: c.amount for c in got}
    assert sums.get("gas") == "up to $1 billion" and "$2 billion" in sums.values()


def test_a_contract_named_by_its_thing_is_the_suppliers_promise():
    got = found("France promised to deliver the Mistral warships to Russia by 2014. The contract for the two "
                "Mistral ships is worth 1.2 billion euros.")
    assert [g for g in got if g[3] == "mistral"] and all(g[:2] == ("FRA", "RUS") for g in got)
    assert len(mentions("France promised to deliver the Mistral warships to Russia by 2014. The contract for the "
                        "two Mistral ships is worth 1.2 billion euros.")) == 2
    # the thing named before the noun, the supplier after "with"
    assert found("Thailand and China argue. The navy defended the $402 million submarine deal with China.") == \
        [("CHN", "THA", "deliver", "submarine")]


def test_a_deal_only_wished_for_denied_or_for_no_goods_is_no_promise():
    assert found("Thailand and China argue. The navy defended a possible submarine deal with China.") == []
    assert found("Chile and Peru talked. There is no deal for the Exocet missiles.") == []
    assert found("Chile and Peru talked. The deal for closer ties was praised.") == []


def test_a_sum_reserved_for_a_state_is_promised_to_it():
    assert found("Japan earmarked $50 million for Haiti's reconstruction in 2010.") == \
        [("JPN", "HTI", "deliver", "$50 million")]
    got = mentions("Qatar and Jordan talked. The minister said Doha had cancelled what was left of $400 million "
                   "in aid it had set aside for Jordan's police force.")
    assert [(c.promisor, c.promisee, c.what) for c in got] == [("QAT", "JOR", "give $400 million aid")]


def test_a_sum_only_possibly_reserved_is_no_promise():
    assert found("Japan may allocate $50 million for Haiti.") == []


def test_an_obligation_to_withdraw_by_a_date_under_an_accord_is_the_troops_states_promise():
    got = mentions("Under the pact signed with Kabul, all British troops have to be out of Afghanistan by the "
                   "end of 2014.")
    assert [(c.promisor, c.promisee, c.what) for c in got] == [("GBR", "AFG", "withdraw troop")]
    assert got[0].due == dt.date(2014, 12, 31)
    got = found("By March 2015, every Canadian soldier must leave Mali, under the accord Canada signed with Mali.")
    assert got and got[0][:2] == ("CAN", "MLI")


def test_a_timeline_date_line_heads_the_obligation_after_it():
    got = mentions("Britain and Afghanistan signed the Kabul pact. Key dates in the pact: May 2013: British combat "
                   "troops have to be out of Afghan towns. December 2014: Every British soldier has to be out of "
                   "Afghanistan.")
    assert [(c.promisor, c.promisee, c.due) for c in got] == [
        ("GBR", "AFG", dt.date(2013, 5, 1)), ("GBR", "AFG", dt.date(2014, 12, 1))]


def test_must_said_by_another_state_or_with_no_deal_is_a_demand_not_a_promise():
    assert found("Russian troops must leave Georgia by Friday, the United States said.") == []
    assert found("Iran must cut its enrichment by March, the United States said.") == []
    assert found("Talks went on. By December 2014, every British soldier has to be out of Afghanistan.") == []
    assert found("British troops may have to stay in Afghanistan until 2015.") == []


def test_what_reads_the_designation_as_the_report_writes_it():
    got = mentions("Russia agreed to supply S-300 systems to Syria.")
    assert got and got[0].object == "s-300" and got[0].what == "deliver S-300"


def test_a_sum_a_legislature_approves_for_a_state_is_promised_to_it():
    got = found("The US Congress approved $400 million in aid for Jordan to buy helicopters.")
    assert got and got[0][:3] == ("USA", "JOR", "deliver")
    assert found("Japan's parliament authorized a 500 million dollar loan for Vietnam.")[0][:2] == ("JPN", "VNM")


def test_a_budget_approved_or_a_sum_only_possibly_approved_is_no_promise():
    assert found("Congress approved the budget.") == []
    assert found("The council may approve $50 million for Chad.") == []


def test_an_order_reads_its_designation_as_written():
    got = mentions("Egypt ordered 24 Rafale jets from France.")
    assert got and got[0].object == "rafale" and got[0].what == "deliver Rafale"


def test_goods_bought_from_a_state_under_a_contract_were_its_promise():
    assert found("Chile bought 200 tanks from Germany under a 1998 contract.")[0][:3] == ("DEU", "CHL", "deliver")
    got = found("Three of the frigates, purchased from France under a 2 billion euro deal mired in scandal, "
                "sailed past the crowds in Greece.")
    assert got and got[0][:2] == ("FRA", "GRC")


def test_goods_bought_with_no_contract_or_no_seller_are_no_promise():
    assert found("Chile bought 200 tanks from Germany.") == []
    assert found("Chile bought 200 tanks under a 1998 contract.") == []
