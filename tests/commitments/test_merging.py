"""Merging mentions into commitments (issue 14): one promisor toward one promisee, one making.

Invented sentences in the shape of the real ones: a loan and its repayment, two truces a week
apart, a ceasefire agreed again years later, and retellings that must still merge."""

import datetime as dt

from trustledger.commitments.link import cluster_mentions


def _m(what: str, made: dt.date, promisor: str | None = "AAA", promisee: str | None = "BBB", *,
       explicit: bool = True, precision: str = "day", doc_date: dt.date | None = None, obj: str = "loan",
       doc: str = "d1") -> dict:
    return {"made": made, "made_explicit": explicit, "made_precision": precision, "what": what, "terms": [obj],
            "promisor": promisor, "promisee": promisee, "implied": False, "object": obj, "doc_id": doc,
            "sentence_index": 0, "doc_date": doc_date or made, "kind": "deliver", "is_new": False}


def test_a_loan_and_its_repayment_run_opposite_ways_and_are_two_commitments():
    # "Ruritania lent Freedonia 2 billion" / "Freedonia agreed to repay the loan by 2016"
    day = dt.date(2011, 12, 1)
    clusters = cluster_mentions([_m("lend loan", day), _m("repay loan", day, "BBB", "AAA", doc="d2")])
    assert sorted((c.mentions[0]["promisor"], len(c.mentions)) for c in clusters) == [("AAA", 1), ("BBB", 1)]


def test_two_truces_a_week_apart_are_two_commitments_and_a_retelling_merges():
    first, second = dt.date(2020, 10, 10), dt.date(2020, 10, 18)
    ms = [_m("observe ceasefire", first, obj="ceasefire"),
          _m("observe ceasefire", second, obj="ceasefire", doc="d2"),
          # "the truce agreed on 10 October", retold in a later article
          _m("observe ceasefire", first, obj="ceasefire", doc="d3", doc_date=dt.date(2020, 10, 20))]
    clusters = cluster_mentions(ms)
    assert sorted(len(c.mentions) for c in clusters) == [1, 2]


def test_a_ceasefire_agreed_again_years_later_is_new_but_under_the_old_accord_it_merges():
    ms = [_m("observe ceasefire", dt.date(2003, 11, 1), obj="ceasefire", precision="month"),
          _m("observe ceasefire", dt.date(2021, 2, 25), obj="ceasefire", doc="d2")]
    assert len(cluster_mentions(ms)) == 2
    # "under the 2003 accord, the two armies observe the ceasefire", written in 2015
    retold = _m("observe ceasefire", dt.date(2003, 1, 1), obj="ceasefire", precision="year", doc="d3",
                doc_date=dt.date(2015, 6, 1))
    assert len(cluster_mentions(ms[:1] + [retold])) == 1


def test_a_mention_dated_only_by_its_article_still_merges():
    made = _m("deliver tanks", dt.date(2023, 1, 9), obj="tank")
    later = _m("deliver tanks", dt.date(2023, 3, 28), obj="tank", explicit=False, doc="d2")
    assert len(cluster_mentions([made, later])) == 1


def test_the_articles_own_month_is_not_a_new_making():
    # "(11th May 2023) the defence secretary said every tank promised had arrived": the dateline's month
    made = _m("deliver tanks", dt.date(2023, 1, 9), obj="tank")
    now = _m("deliver tanks", dt.date(2023, 5, 1), obj="tank", precision="month", doc="d2",
             doc_date=dt.date(2023, 5, 11))
    assert len(cluster_mentions([made, now])) == 1
    stated = _m("deliver tanks", dt.date(2023, 5, 10), obj="tank", doc="d2", doc_date=dt.date(2023, 5, 11))
    assert len(cluster_mentions([made, stated])) == 2


def test_a_mention_naming_one_party_joins_the_commitment_where_it_stands_on_the_same_side():
    day = dt.date(2011, 12, 1)
    ms = [_m("lend loan", day), _m("repay loan", day, "BBB", "AAA", doc="d2"),
          _m("repay loan", day, "BBB", None, doc="d3")]
    by_promisor = {c.mentions[0]["promisor"]: len(c.mentions) for c in cluster_mentions(ms)}
    assert by_promisor == {"AAA": 1, "BBB": 2}


def test_a_minority_read_the_other_way_round_folds_into_the_promise_but_a_mutual_one_does_not():
    # "Russia will deliver the plant" (twice) beside "Iran ... deliver the plant" read with swapped parties
    day = dt.date(1995, 1, 8)
    ms = [_m("complete plant", day, obj="plant"), _m("complete plant", day, obj="plant", doc="d2"),
          _m("deliver plant", day, "BBB", "AAA", obj="plant", doc="d3")]
    assert [len(c.mentions) for c in cluster_mentions(ms)] == [3]
    # "AAA and BBB agreed to a truce": both ways in one sentence, each side its own promise
    truce = [_m("observe ceasefire", day, obj="ceasefire"), _m("observe ceasefire", day, obj="ceasefire", doc="d2"),
             _m("observe ceasefire", day, "BBB", "AAA", obj="ceasefire", doc="d2")]
    assert sorted(len(c.mentions) for c in cluster_mentions(truce)) == [1, 2]


def test_a_later_date_with_the_same_deadline_or_a_deadline_already_past_is_a_retelling():
    made = _m("deliver fuel", dt.date(2006, 9, 26), obj="fuel") | {"due": dt.date(2007, 3, 1)}
    same_due = _m("deliver fuel", dt.date(2007, 1, 10), obj="fuel", doc="d2") | {"due": dt.date(2007, 3, 1)}
    past_due = _m("deliver fuel", dt.date(2007, 9, 1), obj="fuel", doc="d3") | {"due": dt.date(2007, 3, 1)}
    assert len(cluster_mentions([made, same_due])) == 1
    assert len(cluster_mentions([made, past_due])) == 1
