"""Promises told without their parties that join nothing (issue 14, linking losses).

Invented reports in the shape of the real ones: a report whose promises all run from one state to
another, then a sentence that names neither ("Two more tankers are due on 3 and 4 May", "The frigate
was supposed to reach the navy by the end of next year")."""

import datetime as dt

from trustledger.commitments.link import cluster_mentions

DAY = dt.date(2019, 4, 2)


def _m(obj: str, promisor: str | None = "AAA", promisee: str | None = "BBB", *, doc: str = "d1",
       due: dt.date | None = None, sentence: int = 0) -> dict:
    return {"made": DAY, "made_explicit": False, "made_precision": "day", "what": f"deliver {obj}",
            "terms": [obj], "promisor": promisor, "promisee": promisee, "implied": False, "object": obj,
            "doc_id": doc, "sentence_index": sentence, "doc_date": DAY, "kind": "deliver", "is_new": False,
            "due": due, "trigger": None, "text": ""}


def _directions(clusters) -> list[tuple]:
    return sorted((c.mentions[0]["promisor"], c.mentions[0]["promisee"], c.object, len(c.mentions))
                  for c in clusters)


def test_a_partyless_deadline_in_a_one_way_report_is_a_promise_of_that_pair():
    # "Ruritania agreed to furnish Freedonia with 300,000 tonnes of diesel a month." /
    # "Two more tankers are due on 3 and 4 May."
    ms = [_m("diesel"), _m("tanker", None, None, due=dt.date(2019, 5, 4), sentence=3)]
    assert _directions(cluster_mentions(ms)) == [("AAA", "BBB", "diesel", 1), ("AAA", "BBB", "tanker", 1)]


def test_without_a_deadline_or_in_a_two_way_report_it_stays_out():
    # "ending the war would release 30 brigades": no deadline, a conditional, not a promise of the pair
    assert len(cluster_mentions([_m("diesel"), _m("brigade", None, None, sentence=3)])) == 1
    # promises both ways in the report: which way the partyless one runs is not known
    both = [_m("diesel"), _m("wheat", "BBB", "AAA", sentence=1),
            _m("tanker", None, None, due=dt.date(2019, 5, 4), sentence=3)]
    assert len(cluster_mentions(both)) == 2


def test_a_partyless_retelling_by_another_name_joins_the_known_promise():
    # "The frigate was supposed to reach the navy by the end of next year", in a report on the frigate deal
    ms = [_m("frigate", doc="d1"), _m("stealth frigate", None, None, doc="d2", due=dt.date(2020, 12, 31)),
          _m("corvette", doc="d2", sentence=2)]
    assert _directions(cluster_mentions(ms)) == [("AAA", "BBB", "corvette", 1), ("AAA", "BBB", "frigate", 2)]


def test_a_failing_orphan_step_keeps_the_ledger_and_says_so(monkeypatch, caplog):
    """A malformed mention must not cost the other promises, nor pass unnoticed."""
    import logging

    from trustledger.commitments import link

    def broken(*_args):
        raise KeyError("promisor")

    monkeypatch.setattr(link, "_report_promises", broken)
    ms = [_m("diesel"), _m("tanker", None, None, due=dt.date(2019, 5, 4), sentence=3)]
    with caplog.at_level(logging.WARNING, logger="trustledger.commitments.link"):
        clusters = cluster_mentions(ms)
    assert _directions(clusters) == [("AAA", "BBB", "diesel", 1)]
    assert "orphan promises left unlinked" in caplog.text
