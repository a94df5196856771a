"""What became of a promise, read from our own sentences in the shape of real reports (issue 14,
items 3, 5, 6): deliveries and breaches told in other words, what is no outcome at all (a condition,
a permission, a message, a process, an earlier undated delivery), and when an overdue promise is
still open."""

from __future__ import annotations

import datetime as dt

from trustledger.commitments.rules import Outcome, judge
from trustledger.commitments.stage import find_in_document
from trustledger.nlp.model import load_model
from trustledger.nlp.sentences import sentences_of

D = dt.date
REF = D(2025, 1, 1)


def outcomes(text: str, date=dt.date(2020, 6, 10)) -> list:
    doc = load_model()(text)
    return find_in_document(doc, sentences_of(doc), "d", date)[1]


def kinds(text: str) -> list[str]:
    return [o.kind for o in outcomes(text)]


def test_a_condition_and_captives_held_are_no_outcome():
    out = outcomes("Under the accord Chad is to free 12 Sudanese soldiers it has held since March, provided the "
                   "truce lasts for two days.")
    assert not [o for o in out if o.kind in ("observed", "delivered")]


def test_a_beginning_that_is_due_is_not_begun():
    assert not outcomes("Russia is due to begin delivering S-300 missiles to Chad under a contract signed last year.")


def test_a_permission_to_deliver_is_not_a_delivery():
    assert "delivered" not in kinds("The president told his Chadian counterpart on Monday that he would let the "
                                    "Mirage jets be delivered.")


def test_a_delay_foretold_is_a_delay_and_the_act_named_as_subject_is_not_done():
    assert kinds("Putting the first unit of the Abeche plant into service will probably be held up by a year.") \
        == ["delayed"]
    assert kinds("Russia's handover of S-300 missiles to Chad has slipped to 2016.") == ["delayed"]


def test_a_sum_cancelled_is_a_debt_written_off_not_a_broken_promise():
    assert kinds("In May 2014 Russia cancelled $120 million of Chadian debt.") == ["delivered"]
    assert kinds("Russia, for its part, cancelled $50 million in 2015.") == ["delivered"]
    assert kinds("France cancelled the sale of the two warships to Chad in 2015.") == ["cancelled"]


def test_duties_removed_are_the_relief_delivered():
    out = outcomes("Chadian cotton growers have sold more since the penalty duties were removed in August.")
    assert ("delivered", "penalty duty") in {(o.kind, o.object) for o in out}


def test_a_relief_only_in_prospect_is_no_outcome():
    assert not outcomes("The minister says he is optimistic that Chad is near to lifting its sanctions on Sudanese "
                        "cattle.")
    assert [(o.kind, o.object) for o in outcomes("Chad removed the duties after Sudan agreed to drop its complaint.")
            if o.kind == "delivered"] == [("delivered", "duty")]


def test_a_thing_that_should_have_been_handed_over_by_a_date_was_not():
    out = outcomes("Chad promised in 2017 to deliver S-300 missiles to Sudan. The S-300 missiles should have been "
                   "handed to Sudan in 2020 but were halted by an embargo.")
    assert {(o.kind, o.object) for o in out} == {("not_delivered", "s-300"), ("suspended", "s-300")}
    assert [o.kind for o in outcomes("Chad handed the S-300 missiles to Sudan on Monday.")] == ["delivered"]


def test_sanctions_or_tariffs_imposed_undo_a_relief():
    out = outcomes("Chad pledged in March to lift sanctions on Sudan. In May Chad imposed new sanctions on Sudan.")
    assert [(o.kind, o.actor, o.object) for o in out] == [("violated", "TCD", "sanction")]
    assert [(o.kind, o.object) for o in outcomes("Chad slapped penalty tariffs on Sudanese cotton.")] == \
        [("violated", "penalty tariff")]
    assert not outcomes("Chad may impose new sanctions on Sudan.")


def test_a_thing_named_by_its_kind_is_the_promised_thing_of_that_kind():
    out = outcomes("Chad agreed in 2017 to sell 12 F-16 jets to Sudan. The jets were supplied to Sudan in 2019.")
    assert [(o.kind, o.object) for o in out] == [("delivered", "f-16")]
    # nothing of that kind promised: no guess
    assert not outcomes("Chad agreed in 2017 to lend Sudan $2 billion. The jets were supplied to Sudan in 2019.")


def test_failing_to_honour_an_agreement_is_not_keeping_it_and_a_shortfall_is_not_delivered():
    out = outcomes("Sudan has repeatedly failed to honour its agreements with Chad.")
    assert [(o.kind, o.actor, o.object) for o in out] == [("not_delivered", "SDN", "agreement")]
    assert not outcomes("Sudan may fail to honour its agreements with Chad.")
    assert kinds("That left a rice shortfall of two million tons under the accord.") == ["not_delivered"]


def test_an_earlier_undated_delivery_and_a_new_credit_line_are_not_the_promise_kept():
    assert not outcomes("Chad has received Mirage jets before.")
    assert not [o for o in outcomes("India also granted a further 50 million dollar credit line to Chad.")
                if o.kind == "delivered"]


def test_a_part_built_is_a_part_of_the_whole_it_belongs_to():
    out = outcomes("Sudan has already built its own section of the pipeline up to the Chadian border.")
    assert [(o.kind, o.object) for o in out] == [("delivered_partial", "pipeline")]


def test_an_agreement_said_to_be_finished_or_left_is_the_object_not_what_its_clause_names():
    out = outcomes('Moscow said on Monday that the deal allowing fish to be landed in Chad is "de facto" finished.')
    assert [(o.kind, o.object) for o in out] == [("cancelled", "deal")]
    out = outcomes("Russia is suspending its participation in the accord that lets grain leave Chadian ports.")
    assert [(o.kind, o.object) for o in out] == [("suspended", "accord")]


def test_words_processes_and_hours_are_not_things_delivered():
    for text in ("The negotiations are finished, and everything has been settled.",
                 "Chad launched a WTO challenge against Sudan in 2019.",
                 "Chad sent Sudan a letter confirming its intentions.",
                 "Minutes later the ministry released another report of fighting.",
                 "Almost as soon as the set hour arrived, the shelling began again.",
                 "As the principal falls due after ten years, there is no debt burden other than interest "
                 "paid twice a year."):
        assert not [o for o in outcomes(text) if o.kind in ("delivered", "not_delivered")], text


def test_that_pledge_stands_for_each_thing_the_last_promise_named():
    out = outcomes("In 2011 Russia promised to deliver S-300 missiles to Chad. Russia also promised to deliver "
                   "Su-30 jets to Chad. In 2012 Russia promised again to deliver the Su-30 jets and the S-300 "
                   "missiles by 2014. That pledge was never kept.")
    assert {o.object for o in out if o.kind == "not_delivered"} == {"s-300", "su-30"}


def test_an_overdue_promise_is_open_when_work_on_it_is_reported_after_the_deadline():
    late = [Outcome("delivered_partial", D(2023, 2, 1))]
    assert judge("deliver", D(2014, 1, 1), "year", None, late, REF).status == "pending"
    resumed = [Outcome("suspended", D(2013, 6, 1)), Outcome("resumed", D(2016, 3, 1))]
    assert judge("deliver", D(2014, 1, 1), "year", None, resumed, REF).status == "pending"
    # a part delivered before the deadline, nothing since: overdue, no report either way
    early = [Outcome("delivered_partial", D(2014, 3, 1))]
    assert judge("deliver", D(2014, 1, 1), "year", None, early, REF).status == "unknown"
    # a delay alone does not say the work is under way
    assert judge("deliver", D(2014, 1, 1), "year", None, [Outcome("delayed", D(2016, 1, 1))], REF).status \
        == "unknown"
