"""Outcomes found and linked to their promise, on our own sentences in the shape of the report-based
dev split (issue 14, helper S): a coordinated clause's date, a party's part in an agreement, the
start of a supply or of a withdrawal, a share of the things promised, a treaty extended, the
promisee's own deed, a sum lent."""

from __future__ import annotations

import datetime as dt

from trustledger.commitments.link import Cluster, _outcome_fits
from trustledger.commitments.stage import find_in_document
from trustledger.nlp.model import load_model
from trustledger.nlp.sentences import sentences_of


def outcomes(text: str, date=dt.date(2020, 6, 10)) -> list:
    doc = load_model()(text)
    return find_in_document(doc, sentences_of(doc), "d", date)[1]


def test_a_date_of_a_coordinated_clause_with_its_own_subject_is_not_the_outcome_date():
    out = outcomes("In the swap Chad freed 20 Sudanese, most of them arrested in early 2018, and Sudan freed "
                   "five Chadian soldiers it had held since March.")
    sudan = [o for o in out if o.actor == "SDN" and o.kind == "delivered"]
    assert sudan and sudan[0].date == dt.date(2020, 6, 10)


def test_suspending_participation_in_a_treaty_acts_on_the_treaty():
    out = outcomes("Moscow said Russia was suspending its participation in the Open Skies treaty.")
    assert [(o.kind, o.actor, o.object) for o in out if o.kind == "suspended"] == \
        [("suspended", "RUS", "open skies treaty")]


def test_beginning_a_supply_delivers_it_but_beginning_a_withdrawal_is_only_under_way():
    gas = outcomes("Turkmenistan began pumping gas to China on Saturday.")
    assert [(o.kind, o.actor, o.object) for o in gas] == [("delivered", "TKM", "gas")]
    troops = outcomes("Russia has started withdrawing its troops from Moldova.")
    assert [o.kind for o in troops] == ["delivered_partial"]


def test_finishing_a_pullout_with_no_object_delivers_the_withdrawal_of_troops():
    out = outcomes("The United States finished pulling out of Somalia on Friday.")
    assert [(o.kind, o.actor, o.object) for o in out] == [("delivered", "USA", "troop")]


def test_a_number_of_the_things_promised_is_a_partial_delivery():
    out = outcomes("Poland had received 12 of the Abrams tanks, the ministry said.")
    assert [o.kind for o in out] == ["delivered_partial"]
    assert [o.kind for o in outcomes("Poland had received all the Abrams tanks, the ministry said.")] == \
        ["delivered"]


def test_extending_a_treaty_is_not_carrying_it_out():
    assert not [o for o in outcomes("Brazil and Argentina extended the nuclear cooperation treaty by ten years.")
                if o.kind == "delivered"]


def _cluster(obj: str, what: str, made=dt.date(2010, 1, 1)) -> Cluster:
    m = {"made": made, "made_explicit": True, "what": what, "terms": [obj], "promisor": "AAA", "promisee": "BBB",
         "implied": False, "object": obj}
    return Cluster("deliver", obj, frozenset({"AAA", "BBB"}), [m])


def _outcome(kind: str, actor, counterpart, obj: str, date=dt.date(2012, 1, 1)) -> dict:
    return {"kind": kind, "actor": actor, "counterpart": counterpart, "object": obj, "date": date}


def test_what_the_promisee_did_itself_never_settles_the_promisors_promise():
    c = _cluster("pipeline", "build pipeline")
    assert not _outcome_fits(c, _outcome("delivered", "BBB", "AAA", "pipeline"), "AAA", "BBB")
    assert _outcome_fits(c, _outcome("delivered", "AAA", "BBB", "pipeline"), "AAA", "BBB")


def test_a_sum_lent_settles_the_pairs_promise_of_money():
    c = _cluster("loan", "lend loan")
    assert _outcome_fits(c, _outcome("delivered", "AAA", "BBB", "2.5 billion euros"), "AAA", "BBB")
    assert not _outcome_fits(_cluster("pipeline", "build pipeline"),
                             _outcome("delivered", "AAA", "BBB", "2.5 billion euros"), "AAA", "BBB")


def _mention(obj: str, what: str, made: dt.date, promisor="AAA", promisee="BBB", doc="d1") -> dict:
    return {"made": made, "made_explicit": True, "what": what, "terms": [obj], "promisor": promisor,
            "promisee": promisee, "implied": False, "object": obj, "doc_id": doc, "sentence_index": 0,
            "doc_date": made, "kind": "refrain" if what.startswith("observe") else "deliver", "is_new": False}


def test_one_promise_named_in_other_words_the_same_day_is_one_commitment():
    from trustledger.commitments.link import cluster_mentions, merge_reworded

    day = dt.date(2021, 3, 1)
    ms = [_mention("detainee", "release detainee", day), _mention("serviceman", "release serviceman", day),
          _mention("serviceman", "release serviceman", day, "BBB", "AAA")]
    merged = merge_reworded(cluster_mentions(ms))
    assert sorted(len(c.mentions) for c in merged) == [1, 2]  # each direction its own promise
    assert not [c for c in merge_reworded(cluster_mentions(
        [_mention("detainee", "release detainee", day), _mention("pipeline", "build pipeline", day)]))
        if len(c.mentions) > 1]


def test_a_ceasefire_restated_after_it_was_broken_is_a_new_commitment():
    from trustledger.commitments.link import cluster_mentions, split_renewed

    ms = [_mention("ceasefire", "observe ceasefire", dt.date(2003, 11, 1)),
          _mention("ceasefire", "observe ceasefire", dt.date(2021, 2, 25), doc="d2")]
    broke = {"kind": "violated", "actor": "BBB", "counterpart": "AAA", "object": "ceasefire",
             "date": dt.date(2019, 5, 1)}
    assert len(split_renewed(cluster_mentions(ms), [broke])) == 2
    # agreed again with its own date years later: a new commitment even unbroken (test_merging.py)
    assert len(split_renewed(cluster_mentions(ms), [])) == 2


def test_that_pledge_was_never_kept_is_about_the_promise_the_article_named_last():
    out = outcomes("Britain promised in 1995 to withdraw its garrison from Belize. "
                   "That pledge, set out in a treaty signed by the two prime ministers, was never kept.")
    assert [(o.kind, o.actor, o.object) for o in out] == [("not_delivered", "GBR", "garrison")]


def test_will_not_honour_an_agreement_is_a_refusal_of_what_it_promised():
    out = outcomes("He said Russia will not honour a 2001 agreement with Georgia to remove its 800 troops.")
    assert [(o.kind, o.actor) for o in out] == [("refused", "RUS")]
    assert out[0].object in ("troop", "800 troop")


def test_coming_up_short_of_the_goods_is_not_delivering_them():
    out = outcomes("The study found that India came up $40 billion short of the goods it had committed to buy.")
    assert [(o.kind, o.actor, o.object) for o in out] == [("not_delivered", "IND", "good")]


def test_an_action_named_inside_a_prepositional_phrase_is_not_a_reported_deed():
    out = outcomes("The schedule has been in doubt amid difficulties in forming a coalition and building up "
                   "security forces.")
    assert not [o for o in out if o.kind == "delivered"]


def test_a_delivery_before_the_report_that_all_arrived_was_a_part_of_it():
    from trustledger.commitments.ledger import first_deliveries_as_parts

    rows = [{"commitment_id": "c", "kind": "delivered", "date": dt.date(2023, 3, 28),
             "text": "Kyiv welcomed the arrival of the tanks."},
            {"commitment_id": "c", "kind": "delivered", "date": dt.date(2023, 5, 11),
             "text": "All the tanks promised have reached the country."},
            {"commitment_id": "d", "kind": "delivered", "date": dt.date(2023, 3, 1), "text": "The jets arrived."}]
    assert [o["kind"] for o in first_deliveries_as_parts(rows)] == ["delivered_partial", "delivered", "delivered"]


def test_an_outcome_before_a_promise_dated_only_by_its_article_can_settle_it():
    c = _cluster("pipeline", "build pipeline", made=dt.date(2012, 6, 1))
    c.mentions[0]["made_explicit"] = False
    assert _outcome_fits(c, _outcome("cancelled", "AAA", "BBB", "pipeline", dt.date(2012, 5, 30)), "AAA", "BBB")
    c.mentions[0]["made_explicit"] = True
    assert not _outcome_fits(c, _outcome("cancelled", "AAA", "BBB", "pipeline", dt.date(2012, 5, 30)), "AAA", "BBB")


def test_a_ceasefire_that_holds_is_observed_and_talks_held_are_not():
    out = outcomes("Armenia and Azerbaijan agreed in May to observe the ceasefire. The ceasefire is holding, "
                   "monitors said. Both countries have stuck to it.")
    assert [o.kind for o in out] == ["observed", "observed"]
    assert out[0].actor is None and out[0].object == "ceasefire"
    assert not outcomes("The two armies have held talks on the ceasefire.")


def test_a_refrain_promise_observed_and_never_broken_is_kept_as_of_the_last_report():
    from trustledger.commitments.ledger import _kept_so_far
    from trustledger.commitments.rules import Outcome, judge

    seen = [Outcome("observed", dt.date(2021, 5, 1)), Outcome("observed", dt.date(2022, 3, 1))]
    v = judge("refrain", None, None, None, seen, dt.date(2023, 1, 1))
    assert v.status == "unknown"
    kept = _kept_so_far("refrain", v, seen)
    assert (kept.status, kept.fulfilled) == ("kept", dt.date(2022, 3, 1))
    broke = seen + [Outcome("violated", dt.date(2022, 6, 1))]
    assert _kept_so_far("refrain", judge("refrain", None, None, None, broke, dt.date(2023, 1, 1)), broke).status \
        == "broken"


def test_a_promise_known_to_its_year_is_the_same_as_one_dated_that_year_unless_the_sums_differ():
    from trustledger.commitments.link import cluster_mentions, merge_reworded

    year = _mention("aid package", "give aid package", dt.date(2013, 1, 1))
    year["made_precision"] = "year"
    day = _mention("$3 billion", "give $3 billion", dt.date(2013, 12, 29))
    day["made_precision"] = "day"
    assert len(merge_reworded(cluster_mentions([year, day]))) == 1
    other = dict(day, made=dt.date(2014, 2, 1))
    assert len(merge_reworded(cluster_mentions([year, other]))) == 2
    one, two = dict(day, amount="$3 billion"), dict(day, object="$1 billion", amount="$1 billion")
    assert len(merge_reworded(cluster_mentions([one, two]))) == 2


def test_before_a_year_is_due_by_the_end_of_the_year_before():
    doc = load_model()("Obama had pledged to bring the soldiers home from Iraq before 2012.")
    from trustledger.commitments.timex import date_mentions

    dues = [(d.date, d.precision) for d in date_mentions(doc[:], dt.date(2011, 12, 18)) if d.role == "due"]
    assert dues == [(dt.date(2011, 1, 1), "year")]
    doc = load_model()("Obama had pledged to bring the soldiers home from Iraq by 2012.")
    assert [(d.date, d.precision) for d in date_mentions(doc[:], dt.date(2011, 12, 18)) if d.role == "due"] == \
        [(dt.date(2012, 1, 1), "year")]


def test_a_bare_part_or_a_pronoun_stands_for_the_thing_last_promised():
    out = outcomes("Russia signed a deal in 2018 to supply S-400 systems to India. The first batch arrived in "
                   "December 2021.")
    assert [(o.kind, o.object) for o in out] == [("delivered_partial", "s-400")]
    out = outcomes("China agreed in 2007 to build the Hambantota port for Sri Lanka. It was commissioned in 2010.")
    assert [(o.kind, o.date.year) for o in out if o.kind == "delivered"] == [("delivered", 2010)]


def test_finishing_a_step_is_not_delivering_the_promise():
    assert not outcomes("Gazprom says it has finished filling the Power of Siberia pipeline.")


def test_paying_nothing_so_far_is_a_delay_and_paying_nothing_is_not_delivering():
    out = outcomes("Qatar pledged $1 billion for Gaza in October. Up to now Qatar has paid nothing, the minister said.")
    assert [(o.kind, o.actor, o.object) for o in out] == [("delayed", "QAT", "$1 billion")]
    out = outcomes("Qatar pledged $1 billion for Gaza in October. Qatar has paid nothing, the minister said.")
    assert [o.kind for o in out] == ["not_delivered"]


def test_two_designations_or_two_kinds_of_weapon_signed_the_same_day_stay_two_commitments():
    from trustledger.commitments.link import cluster_mentions, merge_reworded

    day = dt.date(2022, 7, 27)
    ms = [_mention("k2 tanks", "deliver k2 tanks", day), _mention("k9 howitzers", "deliver k9 howitzers", day)]
    assert len(merge_reworded(cluster_mentions(ms))) == 2
    ms = [_mention("tank", "deliver tank", day), _mention("howitzer", "deliver howitzer", day)]
    assert len(merge_reworded(cluster_mentions(ms))) == 2
