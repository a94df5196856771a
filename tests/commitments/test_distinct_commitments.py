"""Distinct commitments of one pair stay apart between detection and the ledger (issue 14, helper M1).

Two mentions are one commitment only when they have the same promisor and promisee, ask for acts
that agree (supplying a thing is not paying for it; lending is not repaying) and name the same
thing; a mention that names no state joins only a promise its own report tells of. Invented
sentences in the shape of the real ones."""

import datetime as dt

from trustledger.commitments.acts import act_of, agree
from trustledger.commitments.link import cluster_mentions


def _m(what: str, made: dt.date, promisor: str | None = "AAA", promisee: str | None = "BBB", *,
       obj: str = "frigate", doc: str = "d1", trigger: str = "agreed", story: str | None = None,
       explicit: bool = False, sentence: int = 0) -> dict:
    return {"made": made, "made_explicit": explicit, "made_precision": "day", "what": what, "terms": [obj],
            "promisor": promisor, "promisee": promisee, "implied": False, "object": obj, "doc_id": doc,
            "sentence_index": sentence, "doc_date": made, "kind": "deliver", "is_new": False,
            "trigger": trigger, "story_id": story, "due": None}


# -- acts ------------------------------------------------------------------------------------


def test_the_act_is_read_from_the_trigger_before_the_detectors_default_reading():
    # "Freedonia said it would repay 7 billion to Ruritania": the money reading says only "give"
    assert act_of({"kind": "deliver", "trigger": "repay", "what": "give $7 billion"}) == "repay"
    assert act_of({"kind": "deliver", "trigger": "freed", "what": "deliver hostage"}) == "release"
    assert act_of({"kind": "deliver", "trigger": "agreed", "what": "pay frigate"}) == "pay"
    # "deliver" and "give" under a verb of promising are the detector's defaults: no act known
    assert act_of({"kind": "deliver", "trigger": "agreed", "what": "deliver frigate"}) is None
    assert act_of({"kind": "deliver", "trigger": "signed:AAA>BBB", "what": "give loan"}) is None
    # a promise to refrain is judged on its own terms
    assert act_of({"kind": "refrain", "trigger": "pay", "what": "observe truce"}) is None


def test_general_acts_agree_with_each_other_and_specific_ones_only_with_themselves():
    assert agree("transfer", "build") and agree("finance", "transfer") and agree(None, "pay")
    assert not agree("transfer", "pay") and not agree("finance", "repay") and not agree("buy", "transfer")
    assert not agree("restructure", "finance") and agree("release", "release")


# -- linking ---------------------------------------------------------------------------------


def test_supplying_ships_and_paying_for_not_supplying_them_are_two_commitments():
    # "Ruritania agreed to supply two frigates to Freedonia" (2011);
    # "Ruritania will pay Freedonia 900 million for the frigates it never handed over" (2015)
    ms = [_m("deliver frigate", dt.date(2011, 6, 1), trigger="supply"),
          _m("pay frigate", dt.date(2015, 8, 1), doc="d2", trigger="pay")]
    clusters = cluster_mentions(ms)
    assert sorted(len(c.mentions) for c in clusters) == [1, 1]
    # told again in a third report, the payment joins the payment
    ms.append(_m("pay frigate", dt.date(2015, 8, 3), doc="d3", trigger="compensate"))
    assert sorted(len(c.mentions) for c in cluster_mentions(ms)) == [1, 2]


def test_a_repayment_told_the_other_way_is_not_folded_into_the_loan():
    # three reports of "Ruritania lent Freedonia 2 billion", one of "Freedonia would repay the 2 billion"
    day = dt.date(2011, 12, 1)
    ms = [_m("give loan", day, obj="loan", doc=f"d{i}") for i in range(3)]
    ms.append(_m("give loan", day, "BBB", "AAA", obj="loan", doc="d9", trigger="repay"))
    clusters = cluster_mentions(ms)
    assert sorted((c.mentions[0]["promisor"], len(c.mentions)) for c in clusters) == [("AAA", 3), ("BBB", 1)]


def test_a_swapped_reading_of_the_same_act_is_still_folded():
    # "Freedonia obtained the loan" read with the receiver as promisor, beside three of the lender
    day = dt.date(2011, 12, 1)
    ms = [_m("give loan", day, obj="loan", doc=f"d{i}") for i in range(3)]
    ms.append(_m("give loan", day, "BBB", "AAA", obj="loan", doc="d9"))
    assert [len(c.mentions) for c in cluster_mentions(ms)] == [4]


def test_a_mention_naming_no_state_joins_only_a_promise_of_its_own_report():
    # "Repayment of the loan was due by 2016" beside "Ruritania lent Freedonia 2.5 billion" (d1), while
    # another article tells of a loan between two other states, promised years earlier
    lend = _m("give loan", dt.date(2011, 12, 1), obj="loan", doc="d1", explicit=True)
    other = _m("give loan", dt.date(2005, 3, 1), "CCC", "DDD", obj="loan", doc="d7", explicit=True)
    due = _m("give loan", dt.date(2013, 2, 4), None, None, obj="loan", doc="d1", trigger="due", sentence=3)
    stray = _m("give loan", dt.date(2005, 3, 1), None, None, obj="loan", doc="d8", trigger="due",
               explicit=True)
    clusters = {c.mentions[0]["promisor"]: c for c in cluster_mentions([lend, other, due, stray])}
    assert [m["doc_id"] for m in clusters["AAA"].mentions] == ["d1", "d1"]
    assert [m["doc_id"] for m in clusters["CCC"].mentions] == ["d7"]  # the stray report tells of no promise
    assert clusters["AAA"].made == dt.date(2011, 12, 1)


def test_a_mention_naming_one_state_still_joins_that_states_promise_told_elsewhere():
    # "Ruritania has delivered the first of the frigates it promised" retold with no recipient named
    made = _m("deliver frigate", dt.date(2011, 6, 1), doc="d1", explicit=True)
    retold = _m("deliver frigate", dt.date(2014, 1, 1), "AAA", None, doc="d5")
    assert [len(c.mentions) for c in cluster_mentions([made, retold])] == [2]


def test_a_mention_naming_no_state_joins_a_promise_of_the_same_story():
    made = _m("deliver frigate", dt.date(2011, 6, 1), doc="d1", story="s1", explicit=True)
    copy = _m("deliver frigate", dt.date(2011, 6, 2), None, None, doc="d2", story="s1")
    assert [len(c.mentions) for c in cluster_mentions([made, copy])] == [2]


def test_an_act_named_only_as_a_noun_is_read_from_the_noun_governing_the_thing():
    from trustledger.commitments.acts import nominal_act

    # "Repayment of the credit fell due in March": the deadline names the act as a noun
    assert nominal_act("Repayment of the credit fell due in March.", "credit") == "repay"
    assert act_of({"kind": "deliver", "trigger": "due", "what": "give credit", "object": "credit",
                   "text": "Repayment of the credit fell due in March."}) == "repay"
    # "agreed on compensation for the cancelled sale of the frigates": the outer noun is the act
    assert nominal_act("The two governments agreed on compensation for the cancelled sale of the frigates.",
                       "frigate") == "pay"
    # a verb of acting in the sentence is the act (read by the detector), not a noun beside it
    assert nominal_act("Ruritania agreed to supply the frigates, with payment for the frigates in 2020.",
                       "frigate") is None
    # the noun must govern the promised thing
    assert nominal_act("Repayment of an older debt was due, officials said of the frigate deal.", "frigate") is None


def test_a_repayment_named_as_a_noun_stays_apart_from_the_loan():
    day = dt.date(2011, 12, 1)
    ms = [_m("give loan", day, obj="loan", doc=f"d{i}") for i in range(3)]
    due = _m("give loan", dt.date(2013, 2, 4), "BBB", "AAA", obj="loan", doc="d9", trigger="due")
    due["text"] = "Repayment of the loan fell due in 2016."
    assert sorted(len(c.mentions) for c in cluster_mentions([*ms, due])) == [1, 3]


def test_the_lenders_few_mentions_are_not_folded_into_a_repayment_told_more_often():
    # two reports of "Ruritania lent Freedonia the money" beside three told from Freedonia's side, one of
    # them "repayment of the loan was due by 2016": the repayment is a promise back, not the loan swapped
    day = dt.date(2013, 2, 4)
    lent = [_m("give loan", day, obj="loan", doc=f"d{i}") for i in range(2)]
    back = [_m("give loan", day, "BBB", "AAA", obj="loan", doc=f"e{i}") for i in range(2)]
    due = _m("give loan", day, "BBB", "AAA", obj="loan", doc="e9", trigger="due")
    due["text"] = "Repayment of the loan fell due in 2016."
    clusters = cluster_mentions([*lent, *back, due])
    assert sorted((c.mentions[0]["promisor"], len(c.mentions)) for c in clusters) == [("AAA", 2), ("BBB", 3)]


def test_a_purchase_told_from_the_sellers_side_is_still_folded():
    # three "Freedonia promised to buy Ruritanian grain", one read as Ruritania's promise of the grain
    day = dt.date(2020, 1, 15)
    buys = [_m("buy grain", day, "BBB", "AAA", obj="grain", doc=f"d{i}", trigger="buy") for i in range(3)]
    sale = _m("deliver grain", day, obj="grain", doc="d9")
    assert [len(c.mentions) for c in cluster_mentions([*buys, sale])] == [4]


def test_a_halt_read_as_a_delivery_is_a_promise_to_refrain():
    from trustledger.commitments.link import halts_read_as_refrain

    ms = [_m("suspend fuel reprocessing", dt.date(2003, 10, 21), obj="fuel reprocessing"),
          _m("deliver frigate", dt.date(2003, 10, 21))]
    halts_read_as_refrain(ms)
    assert [m["kind"] for m in ms] == ["refrain", "deliver"]


def test_a_halt_of_two_activities_named_together_is_one_promise_but_two_deliveries_stay_two():
    from trustledger.commitments.link import merge_reworded

    day = dt.date(2003, 10, 21)
    # "Freedonia agreed to suspend its enrichment"; "it would suspend all enrichment and the
    # reprocessing of spent fuel" (the same day, the same three partners)
    a = _m("suspend enrichment", day, obj="enrichment")
    a["text"], a["kind"] = "Freedonia agreed to suspend its enrichment.", "refrain"
    b = _m("suspend spent fuel", day, obj="spent fuel", doc="d1", sentence=4)
    b["text"], b["kind"] = "It would suspend all enrichment and the reprocessing of spent fuel.", "refrain"
    assert [len(c.mentions) for c in merge_reworded(cluster_mentions([a, b]))] == [2]
    # "agreed to supply tanks and howitzers": two deliveries, however close in one sentence
    t = _m("deliver tank", day, obj="tank", trigger="supply")
    h = _m("deliver howitzer", day, obj="howitzer", trigger="supply")
    t["text"] = h["text"] = "Ruritania agreed to supply tanks and howitzers to Freedonia."
    assert sorted(len(c.mentions) for c in merge_reworded(cluster_mentions([t, h]))) == [1, 1]


def test_a_promise_retold_with_its_sum_is_one_whatever_the_words_for_the_thing():
    from trustledger.commitments.link import merge_same_sum

    made = _m("buy $150 billion", dt.date(2020, 1, 15), "BBB", "AAA", obj="$150 billion", trigger="buy",
              explicit=True)
    made["amount"] = "$150 billion"
    # two years on: "fell more than $150 billion short of the goods it had committed to buy"
    retold = _m("deliver good", dt.date(2022, 11, 29), "BBB", "AAA", obj="good", doc="d2", explicit=True)
    retold["amount"] = "more than $150 billion"
    other = _m("buy grain", dt.date(2020, 1, 15), "BBB", "AAA", obj="grain", doc="d3", trigger="buy")
    other["amount"] = "$32 billion"
    clusters = merge_same_sum(cluster_mentions([made, retold, other]))
    assert sorted(len(c.mentions) for c in clusters) == [1, 2]
    # the same sum the other way round, or for an act that does not agree, is another promise
    back = _m("repay $150 billion", dt.date(2024, 1, 1), "AAA", "BBB", obj="$150 billion", doc="d4",
              trigger="repay")
    back["amount"] = "$150 billion"
    assert sorted(len(c.mentions) for c in merge_same_sum(cluster_mentions([made, back]))) == [1, 1]
