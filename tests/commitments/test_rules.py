"""Each ledger status rule, on hand-built outcomes (trustledger.commitments.rules.judge)."""

from __future__ import annotations

import datetime as dt

from trustledger.commitments.rules import Outcome, judge

D = dt.date
REF = D(2020, 1, 1)


def test_kept_by_due_date():
    v = judge("deliver", D(2010, 1, 1), "year", None, [Outcome("delivered", D(2010, 6, 1))], REF)
    assert (v.status, v.fulfilled, v.delay_days) == ("kept", D(2010, 6, 1), 0)


def test_kept_within_grace_period():
    v = judge("deliver", D(2010, 3, 1), "month", 60, [Outcome("delivered", D(2010, 5, 20))], REF)
    assert v.status == "kept"


def test_kept_late_counts_days_after_due_period():
    v = judge("deliver", D(1999, 1, 1), "year", None, [Outcome("delivered", D(2011, 9, 3))], REF)
    assert v.status == "kept_late" and v.delay_days == (D(2011, 9, 3) - D(1999, 12, 31)).days


def test_broken_when_cancelled_and_nothing_later():
    v = judge("deliver", None, None, None, [Outcome("not_delivered", D(2010, 5, 1)),
                                            Outcome("cancelled", D(2010, 9, 22))], REF)
    assert v.status == "broken"


def test_suspension_then_delivery_is_kept_late():
    outs = [Outcome("suspended", D(2010, 9, 22)), Outcome("resumed", D(2015, 4, 13)),
            Outcome("delivered", D(2016, 10, 1))]
    v = judge("deliver", None, None, None, outs, REF)
    assert v.status == "kept_late" and v.delay_days == (D(2016, 10, 1) - D(2010, 9, 22)).days


def test_reversal_after_fulfilment_breaks_it():
    outs = [Outcome("delivered", D(2016, 1, 16)), Outcome("cancelled", D(2018, 5, 8))]
    assert judge("deliver", None, None, None, outs, REF).status == "broken"


def test_later_retelling_does_not_undo_delivery():
    outs = [Outcome("delivered", D(2016, 10, 1)), Outcome("not_delivered", D(2017, 1, 1), explicit=False)]
    assert judge("deliver", None, None, None, outs, REF).status == "kept"


def test_pending_when_not_yet_due():
    assert judge("deliver", D(2025, 1, 1), "year", None, [], REF).status == "pending"
    assert judge("deliver", D(2025, 1, 1), "year", None, [Outcome("delayed", D(2019, 1, 1))], REF).status == "pending"


def test_unknown_without_outcome_or_due_date():
    assert judge("deliver", None, None, None, [], REF).status == "unknown"


def test_partial_without_due_date_is_pending():
    assert judge("deliver", None, None, None, [Outcome("delivered_partial", D(2019, 1, 1))], REF).status == "pending"


def test_refrain_broken_by_violation():
    assert judge("refrain", None, None, None, [Outcome("violated", D(2014, 3, 18))], REF).status == "broken"
    assert judge("refrain", None, None, None, [], REF).status == "unknown"


def test_year_precision_delivery_takes_exact_date():
    outs = [Outcome("delivered", D(2011, 1, 1), precision="year"), Outcome("delivered", D(2011, 9, 3))]
    assert judge("deliver", D(1999, 1, 1), "year", None, outs, REF).fulfilled == D(2011, 9, 3)


def test_deadline_for_the_first_delivery_is_met_by_a_partial_delivery():
    outs = [Outcome("delivered_partial", D(2019, 10, 8)), Outcome("delivered", D(2022, 12, 15))]
    assert judge("deliver", D(2019, 1, 1), "year", None, outs, REF, due_first=True).status == "kept"
    late = [Outcome("delivered_partial", D(2015, 7, 13))]
    v = judge("deliver", D(2014, 1, 1), "year", None, late, REF, due_first=True)
    assert v.status == "kept_late" and v.delay_days == (D(2015, 7, 13) - D(2014, 12, 31)).days
    # without the flag a first shipment is only progress: after the deadline, the promise is under way
    assert judge("deliver", D(2014, 1, 1), "year", None, late, REF).status == "pending"


def test_a_pledge_to_halt_is_broken_by_resuming():
    v = judge("refrain", None, None, None, [Outcome("resumed", D(2019, 5, 4))], REF)
    assert v.status == "broken" and "resumed" in v.reason
