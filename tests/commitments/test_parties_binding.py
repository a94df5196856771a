"""Who promises whom when an agreement binds one party by a verb of object control, or when a promise is
told from the side that receives it (issue 14, item 4). Our own sentences, in the shapes of real reports."""

from __future__ import annotations

import datetime as dt

from tests.commitments.conftest import sentence_mentions


def pairs(text: str, date=dt.date(2012, 5, 1)) -> set[tuple[str, str]]:
    return {(c.promisor, c.promisee) for c in sentence_mentions(text, date)}


def test_a_pact_committing_one_signer_binds_that_signer_not_the_first_named():
    got = pairs("The Kenyan president and Uganda's prime minister signed a pact committing Uganda to "
                "$2 billion in road investment.")
    assert ("UGA", "KEN") in got and ("KEN", "UGA") not in got


def test_an_accord_concluded_earlier_that_required_a_state_to_build_binds_that_state():
    got = pairs("The transit accord concluded in 2006 required Kazakhstan to lay a 900-kilometre railway "
                "to the Chinese border.")
    assert ("KAZ", "CHN") in got


def test_co_signers_setting_up_relations_each_owe_them_to_the_other():
    got = pairs("Serbia and Kosovo signed a protocol committing them to establish diplomatic relations.")
    assert {("SRB", "KSV"), ("KSV", "SRB")} <= got


def test_a_vow_of_peace_between_them_is_mutual_not_owed_to_a_third_state():
    got = pairs("Ethiopia and Eritrea ended their war at talks brokered by the United States. Eritrea handed "
                "the town back to Ethiopia on Sunday, as both countries vowed that peace between them would be "
                "permanent.")
    assert {("ERI", "ETH"), ("ETH", "ERI")} <= got
    assert not any("USA" in p for p in got)


def test_a_states_allies_promise_to_that_state_not_on_its_behalf():
    got = pairs("Qatar and Sudan signed trade accords in Doha. At a donors' meeting in May, Sudan's Gulf "
                "allies promised $4 billion.")
    assert ("QAT", "SDN") in got and ("SDN", "QAT") not in got


def test_a_hand_over_from_one_state_to_another_is_the_givers_promise():
    got = pairs("Bolivia and Chile quarrelled over the port. The accord to transfer the strip from Chile to "
                "Bolivia was signed in May.")
    assert ("CHL", "BOL") in got and ("BOL", "CHL") not in got
