"""Refusing the promised act ("Ethiopia declined to pull its troops out", "refused to free the men") is a
refusal of the promise, like refusing to deliver (issue 14: withdrawals and prisoner releases are kinds of
promise the refusal verbs did not reach); refusing another act ("refused to halt work") is refusing a demand.
Our own sentences in the shape of real reports."""

from __future__ import annotations

from tests.commitments.conftest import text_ledger


def test_declining_to_withdraw_breaks_the_withdrawal(tmp_path):
    ledger = text_ledger(tmp_path, {
        "a.md": ("2000-12-12", "Ethiopia and Eritrea signed a peace deal on Tuesday under which Ethiopia agreed to "
                               "withdraw its troops from Badme."),
        "b.md": ("2004-05-01", "Ethiopia has declined to pull its troops out of Badme, officials in Asmara said."),
    })
    mine = [e for e in ledger if e["promisor"] == "ETH" and e["object"] == "troop"]
    assert mine and mine[0]["status"] == "broken", ledger


def test_refusing_a_demand_is_no_refusal_of_the_promise(tmp_path):
    ledger = text_ledger(tmp_path, {
        "a.md": ("2000-12-12", "Ethiopia agreed on Tuesday to withdraw its troops from Badme."),
        "b.md": ("2004-05-01", "Ethiopia refused to halt the border talks, officials in Asmara said."),
    })
    assert all(e["status"] != "broken" for e in ledger), ledger
