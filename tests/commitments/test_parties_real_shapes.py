"""Who promises whom, on our own sentences in the shapes of real reports (issue 14, items 2 and 4):
several signatories of one guarantee, gapped lists of donors, international bodies as parties of their
own, a payer and a supplier in one sentence, arms bought from the state that makes them, and the side
that gives something "in return"."""

from __future__ import annotations

import datetime as dt

from trustledger.commitments.stage import find_in_document
from trustledger.nlp.model import load_model
from trustledger.nlp.sentences import sentences_of


def commitments(text: str, date=dt.date(2015, 3, 1)) -> list[tuple]:
    doc = load_model()(text)
    return [(c.promisor, c.promisee, c.object) for c in find_in_document(doc, sentences_of(doc), "d", date)[0]]


def pairs(text: str) -> set[tuple[str, str]]:
    return {(a, b) for a, b, _ in commitments(text)}


def test_each_signatory_of_a_declaration_guaranteeing_borders_promises_the_guarded_state():
    got = pairs("Poland, Hungary and Austria signed a declaration guaranteeing Slovakia's borders.")
    assert {("POL", "SVK"), ("HUN", "SVK"), ("AUT", "SVK")} <= got
    assert not got & {("POL", "HUN"), ("HUN", "AUT"), ("SVK", "POL")}


def test_a_gapped_list_of_donors_gives_one_commitment_per_donor_with_its_own_sum():
    found = commitments("At the donors' meeting Norway pledged $80 million, Denmark $40 million and Finland "
                        "$25 million to rebuild Haiti.")
    assert ("NOR", "HTI", "$80 million") in found
    assert ("DNK", "HTI", "$40 million") in found
    assert ("FIN", "HTI", "$25 million") in found


def test_an_international_body_pledges_as_itself():
    assert ("IGO", "HTI") in pairs("The European Union pledged $300 million to Haiti.")


def test_a_pledge_of_a_sum_made_by_a_body_goes_where_the_last_pledge_went():
    found = commitments("Japan pledged $50 million to Haiti. The European Union made a pledge of $400 million.")
    assert ("IGO", "HTI", "$400 million") in found


def test_a_body_promised_is_the_promisee():
    assert ("SDN", "IGO") in pairs("Sudan promised the United Nations to destroy its stockpile of nerve gas.")


def test_a_body_named_in_passing_is_not_the_promisee():
    got = pairs("At a UN conference in Geneva, Japan pledged $50 million to Haiti.")
    assert ("JPN", "HTI") in got and not any("IGO" in p for p in got)


def test_a_donor_outside_the_articles_pair_gives_where_the_last_pledge_went():
    assert ("CAN", "HTI") in pairs("Japan pledged $50 million to Haiti. Canada pledged $30 million.")


def test_payer_and_supplier_each_have_their_own_obligation_to_the_beneficiary():
    found = commitments("Oman has promised $500 million to buy Italian radars for the Jordanian army.")
    assert ("OMN", "JOR", "$500 million") in found
    assert ("ITA", "JOR", "radar") in found
    assert not any(a == "OMN" and b == "ITA" for a, b, _ in found)


def test_a_sum_for_buying_goods_is_not_given_to_the_maker_of_the_goods():
    got = pairs("Saudi Arabia promised $2 billion for purchasing French weapons for the Lebanese army.")
    assert ("SAU", "LBN") in got and ("FRA", "LBN") in got and ("SAU", "FRA") not in got


def test_a_promise_to_buy_arms_binds_their_maker_to_deliver_to_the_buyer():
    assert pairs("Egypt agreed to buy the Russian jets.") == {("RUS", "EGY")}
    assert pairs("Turkey remained committed to the deal to buy the Russian jets.") == {("RUS", "TUR")}


def test_the_side_that_gives_something_in_return_is_the_promisee():
    got = pairs("Chile has agreed to stop mining near the border. In return, the ministers of Peru, Bolivia "
                "and Ecuador recognised Chile's right to the port.")
    assert {("CHL", "PER"), ("CHL", "BOL"), ("CHL", "ECU")} <= got


def test_a_firm_a_contract_is_signed_with_builds_not_the_buyer():
    assert pairs("Egypt signed a contract with a German firm to build forty trains.") == {("DEU", "EGY")}


def test_a_contract_that_commits_the_manufacturer_binds_the_manufacturer():
    found = commitments("Egypt signed a contract that commits the Spanish manufacturer CAF to build forty trains.")
    assert found == [("ESP", "EGY", "train")]


def test_a_deal_named_by_its_thing_promises_the_thing_from_the_state_owned_firm():
    found = commitments("In 2019 the Peruvian navy signed the $300 million frigate deal with Hanjin Heavy Industries, "
                        "a South Korean state-owned shipbuilder.")
    assert ("KOR", "PER", "frigate") in found


def test_a_deal_named_by_no_thing_promises_no_thing():
    assert commitments("Japan signed a trade deal with Vietnam.") == []


def test_the_parts_a_thing_requires_are_not_a_promise():
    assert commitments("Germany will not allow the export of the engines required to complete the frigate.") == []


def test_a_firm_that_signs_supplies_the_state_its_partner_firm_belongs_to():
    found = commitments("In 2016 Gazprom concluded a 20-year agreement with China's oil corporation CNPC to supply "
                        "China with 2 trillion cubic feet of gas.")
    assert found == [("RUS", "CHN", "gas")]


def test_the_state_where_a_plant_is_built_receives_it():
    assert pairs("Hungary signed a deal with Russia to build two reactors at Paks.") == {("RUS", "HUN")}
    assert pairs("Iran agreed with Russia to complete the Bushehr plant.") == {("RUS", "IRN")}


def test_each_coordinated_weapon_is_a_promise_of_its_own():
    found = commitments("Washington said it will hand over the F-15 jets, the Stinger missiles and the Bradley "
                        "vehicle kits to Jordan.")
    objects = {o for _, _, o in found}
    assert len(objects) >= 3 and {(a, b) for a, b, _ in found} == {("USA", "JOR")}


def test_goods_of_one_trade_stay_one_promise():
    found = commitments("Under the accord China will buy soybeans, corn and sorghum from Brazil.")
    assert len(found) <= 1


def test_what_a_condition_names_is_not_the_promised_thing():
    found = commitments("Under the deal Armenia is to free 12 Azerbaijani soldiers, provided the ceasefire holds "
                        "for a week.")
    assert found and found[0][:2] == ("ARM", "AZE") and found[0][2] != "ceasefire"


def test_the_maker_of_a_designation_named_in_the_sentence_supplies_it():
    """"Russia signed a deal with India for S-400 systems": the signer is not always the buyer; the S-400
    is Russian, and Russia is named, so Russia supplies India, whichever side the sentence names first."""
    assert pairs("Russia signed a deal with India for five S-400 systems.") == {("RUS", "IND")}
    assert pairs("India signed a deal with Russia for five S-400 systems.") == {("RUS", "IND")}
    assert pairs("France signed a contract with Qatar for 24 Rafale fighter jets.") == {("FRA", "QAT")}


def test_a_designation_family_names_its_maker_only_by_its_own_words():
    from trustledger.commitments.detect import designation_maker

    assert designation_maker("f-16") == "USA" and designation_maker("su-35") == "RUS"
    assert designation_maker("leopard tanks") == "DEU" and designation_maker("apr-1400") == "KOR"
    assert designation_maker("f-word") is None and designation_maker("gas") is None and designation_maker(None) is None


def test_a_deal_that_will_see_a_state_act_binds_that_state():
    """"The deal will see Russia supply India with S-400s": "see" with an agreement as subject lays down the
    act of the state it names, like "provides for"; with a thing and no act it says nothing."""
    assert pairs("The deal will see Russia supply India with five S-400 systems by 2023.") == {("RUS", "IND")}
    assert pairs("Rome said the agreement would see Italy invest $200 million a year in Libya.") == {("ITA", "LBY")}
    assert not commitments("The agreement saw heavy criticism from Iran.")


def test_an_agreement_on_doing_something_promises_that_act_to_each_signatory():
    """"signed a protocol on establishing diplomatic relations": an agreement named by the act it is about
    (a gerund after "on") promises that act, each signatory to the other."""
    got = commitments("Armenia and Turkey signed a protocol on establishing diplomatic relations on Saturday.")
    assert {(a, b) for a, b, _ in got} == {("ARM", "TUR"), ("TUR", "ARM")}
    assert all("relations" in (o or "") for _, _, o in got)
