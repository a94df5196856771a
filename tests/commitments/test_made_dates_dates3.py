"""Made dates carried through a report's discourse (issue 14, item 5): the second half of a bargain told
"in return" was made when the first half was. Our own sentences in the shape of real reports."""

from __future__ import annotations

from pathlib import Path

from tests.commitments.conftest import text_ledger
from trustledger.commitments.link import exchange_dated


def _mention(i: int, promisor: str | None, promisee: str | None, text: str, made=None, explicit=False) -> dict:
    import datetime as dt

    return {"doc_id": "d", "sentence_index": i, "promisor": promisor, "promisee": promisee, "text": text,
            "made": made or dt.date(2012, 5, 3), "made_precision": "year" if explicit else "day",
            "made_explicit": explicit}


def test_a_promise_in_return_takes_the_made_date_of_the_one_it_answers():
    import datetime as dt

    first = _mention(3, "CHL", "BOL", "Under a 1999 accord, Chile agreed to open a port to Bolivia.",
                     dt.date(1999, 1, 1), True)
    second = _mention(4, "BOL", "CHL", "Bolivia in exchange promised to sell Chile its gas.")
    exchange_dated([first, second])
    assert (second["made"], second["made_precision"], second["made_explicit"]) == (dt.date(1999, 1, 1), "year", True)


def test_a_promise_in_return_far_from_any_dated_one_keeps_its_article_date():
    import datetime as dt

    first = _mention(1, "CHL", "BOL", "Under a 1999 accord, Chile agreed to open a port to Bolivia.",
                     dt.date(1999, 1, 1), True)
    second = _mention(9, "BOL", "CHL", "In return, Bolivia promised to sell Chile its gas.")
    exchange_dated([first, second])
    assert not second["made_explicit"] and second["made"] == dt.date(2012, 5, 3)


def test_the_ledger_dates_the_second_half_of_a_retold_bargain_by_the_first(tmp_path: Path):
    entries = text_ledger(tmp_path, {"a.md": ("2012-05-03", (
        "Chile and Bolivia were at odds again on Thursday. "
        "In a 1999 accord, Chile undertook to build a railway for Bolivia. "
        "In return, Bolivia pledged to supply natural gas to Chile."))})
    gas = [e for e in entries if e["promisor"] == "BOL"]
    assert gas and str(gas[0]["made"]).startswith("1999")


def test_a_date_of_the_act_announced_for_the_future_is_not_when_it_was_promised():
    import datetime as dt

    from tests.commitments.conftest import sentence_mentions

    cs = sentence_mentions("At a briefing on Monday, the minister announced that France would deliver Rafale jets "
                           "to Greece in the next three weeks.", dt.date(2021, 5, 10))
    rafale = [c for c in cs if c.promisor == "FRA"]
    assert rafale and rafale[0].made <= dt.date(2021, 5, 10)


def test_the_future_act_date_under_an_announcement_reads_as_due():
    import datetime as dt

    from trustledger.commitments.timex import date_mentions
    from trustledger.nlp.model import load_model

    doc = load_model()("The ministry announced that Spain would hand over the frigates on Saturday.")
    roles = {m.text: m.role for m in date_mentions(doc[:], dt.date(2020, 6, 2))}
    assert roles.get("Saturday") == "due"
