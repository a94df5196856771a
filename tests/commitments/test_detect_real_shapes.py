"""Detection recall on shapes of promise that real reports use without a verb of promising, or with
parties and objects spread over a list (issue 14). Our own sentences in the shape of real reports."""

from __future__ import annotations

import datetime as dt

import pytest

from trustledger.commitments.stage import find_in_document
from trustledger.nlp.model import load_model
from trustledger.nlp.sentences import sentences_of


def found(text: str, date=dt.date(2016, 3, 1)):
    doc = load_model()(text)
    cs, _ = find_in_document(doc, sentences_of(doc), "d", date)
    return [(c.promisor, c.promisee, c.kind, c.object) for c in cs]


@pytest.mark.parametrize("text, expected", [
    # a state's future act toward another state, with no verb of saying around it
    ("Norway is to hand over 20 armoured vehicles to Estonia within weeks.", ("NOR", "EST", "deliver")),
    ("Kuwait will provide $500 million in aid for Jordan's water network.", ("KWT", "JOR", "deliver")),
    # a unilateral halt is a promise even with no other state named
    ("Pakistan will halt missile testing for a year.", ("PAK", None, "refrain")),
])
def test_a_states_announced_future_act_is_a_commitment(text, expected):
    got = found(text)
    assert got and got[0][:3] == expected


@pytest.mark.parametrize("text", [
    "Analysts expect that Brazil will sell more soybeans to China next year.",  # a forecast
    "India will build more coal plants this decade.",  # a state's own plans, no one promised
    "Moscow said Russia will suspend its participation in the fishing accord with Norway.",  # a breach
])
def test_forecasts_own_plans_and_announced_breaches_are_not(text):
    assert found(text) == []


def test_each_coordinated_future_act_is_its_own_promise():
    got = found("Iran will stop uranium enrichment at Fordow and will close the Arak reactor, Tehran said.")
    assert [g[2:] for g in got] == [("refrain", "uranium enrichment"), ("deliver", "arak reactor")]


def test_committed_to_a_gerund_or_to_an_agreement_to_act():
    assert found("Britain has committed itself to supplying Latvia with anti-tank missiles.")[0][:3] == \
        ("GBR", "LVA", "deliver")
    got = found("Egypt remained committed to the agreement to buy the Rafale jets from France.")
    assert got and got[0][:2] == ("FRA", "EGY")


def test_people_named_by_nationality_are_the_captives_freed_and_go_home():
    got = found("Moscow and Washington struck a deal to free three jailed Russians in exchange for a US reporter.")
    assert ("USA", "RUS", "deliver", "russian prisoner") in got
    assert not any(g[:2] == ("RUS", "USA") and g[3] == "russian prisoner" for g in got)


def test_a_hyphenated_cease_fire_is_the_agreement():
    got = found("Sudan and South Sudan agreed to a cease-fire on Tuesday.")
    assert ("SDN", "SSD", "refrain", "ceasefire") in got and ("SSD", "SDN", "refrain", "ceasefire") in got


def test_a_gapped_list_of_donors_gives_one_pledge_each_to_the_same_beneficiary():
    got = found("Norway pledged $300 million to Haiti, Canada $150 million and Brazil $80 million.")
    assert ("NOR", "HTI", "deliver", "$300 million") in got
    assert ("CAN", "HTI", "deliver", "$150 million") in got
    assert ("BRA", "HTI", "deliver", "$80 million") in got
    assert not any(g[1] in ("CAN", "BRA") for g in got)  # a co-donor never receives


def test_an_indefinite_generic_thing_with_its_route_is_the_object():
    got = found("Turkey and Azerbaijan signed an agreement on Monday to build a new pipeline linking Baku "
                "with Ceyhan.")
    assert got and got[0][3] == "pipeline"


def test_a_clause_before_a_semicolon_is_not_the_promised_act():
    got = found("Beijing calls the island a province; Washington has committed itself to supplying Manila with "
                "patrol boats.")
    assert got == [("USA", "PHL", "deliver", "patrol boat")]
    assert found("Russia will deliver the jets to India next year, Putin promised.")[0][:2] == ("RUS", "IND")


def test_the_state_supplied_by_a_project_is_its_promisee():
    got = found("Under the deal Azerbaijan and Georgia signed in 2012, the Azerbaijan-Georgia gas pipeline "
                "was to supply Georgia with two billion cubic metres of gas a year.")
    assert got and got[0][:2] == ("AZE", "GEO")


def test_a_deadline_after_a_passive_is_not_its_agent_and_the_owner_state_acts():
    got = found("The minister added that Turkish checkpoints around the town will be removed by next week.")
    assert got and got[0][0] == "TUR"


def test_forces_that_will_move_are_withdrawn():
    got = found("The two presidents said every Armenian force will move out within one month.")
    assert got and got[0][0] == "ARM" and got[0][3] == "force"


@pytest.mark.parametrize("text", [
    "Because of the missile purchase, India will not be allowed to buy the American jets.",  # another's decision
    "The two states reaffirmed their intention to conclude a peace treaty based on respect for borders.",  # intent
    "The ministry is likely to conclude contracts this week with Sweden to buy artillery shells.",  # likelihood
    "Cairo said the deal it has struck with a supplier from France was final.",  # a party is not the thing
])
def test_decisions_about_a_state_intentions_likelihoods_and_parties_are_not_promises(text):
    assert found(text) == []


def test_the_press_is_no_party_and_a_purpose_names_the_beneficiary():
    got = found("Reuters reports that Japan pledged $300 million to help rebuild Haiti after the storm.")
    assert got == [("JPN", "HTI", "deliver", "$300 million")]


def test_unnamed_donors_are_not_the_articles_other_state():
    got = found("Israel's offensive left Gaza in ruins. Donors promised $5.4 billion to help rebuild Gaza.")
    assert not any(g[0] == "ISR" for g in got)


@pytest.mark.parametrize("text", [
    "Officials in Caracas said they would not suspend oil drilling.",  # a refusal
    "Diplomats praised the accord, which Germany hopes will close off Syria's routes to chemical arms.",  # a hope
    "The minister said the goal was to cut Venezuela's oil exports to zero.",  # an aim
])
def test_refusals_hopes_and_aims_in_the_future_are_not_promises(text):
    assert found(text) == []
