"""A scheduled transfer told in the passive ("three more vessels are to be given to Tripoli", "the rest will
be handed over to Poland") names its receiver and leaves its giver out (issue 14: real reports of deliveries
in instalments). It is the giver's term as much as the active "Italy is to give", with the giver from the
report's pair. Our own sentences in the shape of real reports."""

from __future__ import annotations

import datetime as dt

from tests.commitments.conftest import mention_rows, text_ledger

ON = dt.date(2009, 5, 20)


def test_a_passive_transfer_to_a_state_is_the_givers_promise(tmp_path):
    ledger = text_ledger(tmp_path, {"boats.md": ("2009-05-20", (
        "Italy handed three patrol boats to Libya on Friday under a deal on migration. "
        "Three more vessels are to be given to Libya within weeks."))})
    assert any(e["promisor"] == "ITA" and e["promisee"] == "LBY" and "vessel" in (e["object"] or "")
               for e in ledger), ledger


def test_a_dative_receiver_is_the_promisee():
    rows = mention_rows("Under the deal, 40 more trucks are to be given to Kenya next month.", ON)
    assert any(r[1] == "KEN" for r in rows), rows


def test_a_forecast_of_a_transfer_is_no_promise():
    rows = mention_rows("Analysts said more vessels could be given to Libya within weeks.", ON)
    assert rows == [], rows
