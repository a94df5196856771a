"""Property-based tests of the ledger status rules (hypothesis): whatever the outcomes, the
verdict is well formed, independent of the order outcomes are listed in, and follows the rules."""

from __future__ import annotations

import datetime as dt

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from trustledger.commitments.rules import Outcome, judge

STATUSES = {"kept", "kept_late", "broken", "pending", "unknown"}
KINDS = ["delivered", "delivered_partial", "delayed", "suspended", "refused", "cancelled", "not_delivered",
         "violated", "resumed"]
REFERENCE = dt.date(2024, 1, 1)

dates = st.dates(min_value=dt.date(1985, 1, 1), max_value=dt.date(2030, 12, 31))
outcomes = st.lists(
    st.builds(Outcome, kind=st.sampled_from(KINDS), date=dates, explicit=st.booleans(),
              id=st.text(alphabet="abcdef0123456789", min_size=4, max_size=4),
              precision=st.sampled_from(["day", "month", "year"])),
    max_size=6,
)
precisions = st.sampled_from(["day", "month", "year"])


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(["deliver", "refrain"]), due=st.none() | dates, prec=precisions,
       grace=st.none() | st.integers(0, 400), outs=outcomes, data=st.data())
def test_verdict_is_well_formed_and_order_free(kind, due, prec, grace, outs, data):
    v = judge(kind, due, prec if due else None, grace, outs, REFERENCE)
    assert v.status in STATUSES
    assert v.reason
    if v.status in ("kept", "kept_late") and kind == "deliver":
        assert v.fulfilled is not None
    if v.status == "kept_late":
        assert v.delay_days is not None and v.delay_days > 0
    if v.status in ("broken", "pending", "unknown"):
        assert v.fulfilled is None and v.delay_days is None
    shuffled = data.draw(st.permutations(outs))
    assert judge(kind, due, prec if due else None, grace, list(shuffled), REFERENCE) == v


@settings(deadline=None)  # timing is not under test; a loaded machine must not fail it
@given(due=dates)
def test_no_outcome_means_pending_before_the_due_date_and_unknown_after(due):
    v = judge("deliver", due, "day", None, [], REFERENCE)
    assert v.status == ("pending" if due >= REFERENCE else "unknown")


def test_no_outcome_no_due_date_is_unknown():
    assert judge("deliver", None, None, None, [], REFERENCE).status == "unknown"


@settings(max_examples=200, deadline=None)
@given(due=dates, delivered=dates, grace=st.integers(0, 120))
def test_delivery_against_the_deadline(due, delivered, grace):
    v = judge("deliver", due, "day", grace, [Outcome("delivered", delivered)], REFERENCE)
    if delivered <= due + dt.timedelta(days=grace):
        assert v.status == "kept"
    else:
        assert v.status == "kept_late" and v.delay_days == (delivered - due).days


@settings(max_examples=200, deadline=None)
@given(due=st.none() | dates, setbacks=st.lists(st.tuples(st.sampled_from(["suspended", "refused", "cancelled"]),
                                                       dates), min_size=1, max_size=4),
       gap=st.integers(1, 3000))
def test_a_later_delivery_turns_a_break_into_kept_late_or_kept(due, setbacks, gap):
    last = max(d for _, d in setbacks)
    delivered = last + dt.timedelta(days=gap)
    outs = [Outcome(k, d) for k, d in setbacks]
    assert judge("deliver", due, "day" if due else None, None, outs, REFERENCE).status == "broken"
    v = judge("deliver", due, "day" if due else None, None, outs + [Outcome("delivered", delivered)], REFERENCE)
    assert v.status in ("kept", "kept_late") and v.fulfilled == delivered
    if due is None:  # no deadline: the delay counts from the first setback
        assert v.status == "kept_late" and v.delay_days == (delivered - min(d for _, d in setbacks)).days


@settings(max_examples=100, deadline=None)
@given(due=dates, early=dates, late_gap=st.integers(1, 2000))
def test_later_delivery_is_never_judged_better(due, early, late_gap):
    late = early + dt.timedelta(days=late_gap)
    a = judge("deliver", due, "day", None, [Outcome("delivered", early)], REFERENCE)
    b = judge("deliver", due, "day", None, [Outcome("delivered", late)], REFERENCE)
    rank = {"kept": 0, "kept_late": 1}
    assert rank[a.status] <= rank[b.status]
    assert (a.delay_days or 0) <= (b.delay_days or 0)


@settings(deadline=None)
@given(end=dates, violation=st.none() | dates)
def test_refrain_commitments(end, violation):
    outs = [Outcome("violated", violation)] if violation else []
    v = judge("refrain", end, "day", None, outs, REFERENCE)
    if violation:
        assert v.status == "broken"
    else:
        assume(end != REFERENCE)
        assert v.status == ("kept" if end < REFERENCE else "pending")
