"""The status rules of the ledger, as one pure function so that each rule can be tested alone.

Given a commitment (kind, due date and its precision, grace days) and its outcomes in date
order, and the reference date (the newest evidence date in the store, or today):

* deliver commitments — outcomes are read in date order:
  - `delivered` fulfils; `delivered_partial` is progress, not fulfilment;
  - `refused`, `cancelled`, `suspended`, `violated` break it, and so does `not_delivered` once
    the due date has passed (or when there is none) — unless a later `delivered` fulfils it
    (suspension then delivery is kept_late); a `resumed` reopens it (see below);
  - a `resumed` or `delivered_partial` reopens a broken promise only when its date is stated in its
    sentence or the break's is not: a retelling ("sales restarted after the war", dated by a later
    article) never outranks a dated report of the break;
  - a break after fulfilment (a reversal, e.g. sanctions lifted and then re-imposed) breaks it
    again when the outcome's date is stated in its sentence; retellings dated only by their
    article ("Russia did not deliver...", written later) do not undo a delivery;
  - fulfilled by the end of the due period plus grace → `kept`; after it → `kept_late` with
    `delay_days` counted from the end of the due period; fulfilled with no due date → `kept`,
    or `kept_late` if a setback (delay, suspension, refusal...) came first, with `delay_days`
    counted from that setback;
  - a deadline stated for the first delivery only ("the first due in 2019", "deliveries due to
    start by 2019") is met by the first delivery, partial or not;
  - not fulfilled, not broken: due date after the reference date → `pending`; due date passed →
    `pending` when work on it is reported after the deadline (a part delivered or a resumption:
    "construction of the first section has begun"), else `unknown` (overdue, and nothing done since
    the deadline is reported; a delay alone does not say it is under way); no due date → `pending`
    when some progress or delay was reported (still open), or when the newest report on the pair came
    within a year of the promise (the news has not moved past it: `open_as_of`), else `unknown`.
* refrain commitments: `violated`, `cancelled` or `refused` (and a `delivered` of the thing
  ruled out, or a `resumed` of the activity halted: a pledge to halt tests is broken by resuming
  them) → `broken`; else an end date that has passed → `kept`, one still ahead → `pending`;
  no end date and no outcome → `unknown`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from trustledger.commitments.timex import period_end

NEGATIVE = {"refused", "cancelled", "suspended", "violated"}
SETBACK = NEGATIVE | {"delayed", "not_delivered"}


@dataclass(frozen=True)
class Outcome:
    kind: str
    date: dt.date | None
    explicit: bool = True
    id: str = ""
    precision: str = "day"


@dataclass(frozen=True)
class Verdict:
    status: str
    fulfilled: dt.date | None
    delay_days: int | None
    reason: str


def _finest(o: Outcome, seq: list[Outcome]) -> dt.date:
    """A delivery known only to the year ("completed in 2011") takes the exact date of another
    report of a delivery inside that period ("connected to the grid on 3 September 2011")."""
    if o.precision == "day":
        return o.date
    end = period_end(o.date, o.precision)
    finer = [x.date for x in seq if x.kind == "delivered" and x.precision == "day" and o.date <= x.date <= end]
    return min(finer) if finer else o.date


def judge(kind: str, due: dt.date | None, due_precision: str | None, grace_days: int | None,
          outcomes: list[Outcome], reference: dt.date, due_first: bool = False,
          still_open: dt.date | None = None) -> Verdict:
    """`still_open`: the date of the newest report on the pair when it came within OPEN_WINDOW of the
    promise (see `open_as_of`): a promise to act, with no term and nothing reported on it, is then still
    in play (`pending`), not beyond telling (`unknown`). A promise to refrain with no end date stays
    `unknown`: that nothing was reported against it shortly after says little."""
    due_end = period_end(due, due_precision) if due else None
    deadline = due_end + dt.timedelta(days=grace_days or 0) if due_end else None
    # ties on a date are broken by kind and id, so that the verdict (and its reason) never depends on
    # the order in which the outcomes were found
    seq = sorted((o for o in outcomes if o.date is not None),
                 key=lambda o: (o.date, o.kind != "delivered", o.kind, o.id, o.precision, o.explicit))
    if kind == "refrain":
        for o in seq:
            if o.kind in ("violated", "cancelled", "refused", "delivered", "resumed"):
                return Verdict("broken", None, None, f"{o.kind} on {o.date.isoformat()}")
        if deadline and deadline < reference:
            return Verdict("kept", deadline, None, f"no violation reported up to {deadline.isoformat()}")
        if deadline:
            return Verdict("pending", None, None, f"in force until {deadline.isoformat()}, no violation reported")
        return Verdict("unknown", None, None, "no end date and no outcome reported")

    if due_first:
        # the deadline is for the first delivery ("the first aircraft due in 2019"): the first
        # delivery, partial or not, is what is judged against it
        seq = [Outcome("delivered", o.date, o.explicit, o.id, o.precision) if o.kind == "delivered_partial" else o
               for o in seq]
    state = "open"
    fulfilled: dt.date | None = None
    setback: Outcome | None = None
    progress = False
    under_way: Outcome | None = None  # progress after the deadline: an overdue promise still open
    last_negative: Outcome | None = None
    for o in seq:
        k = o.kind
        if k == "delivered":
            if state != "fulfilled":
                fulfilled = _finest(o, seq)
            state = "fulfilled"
        elif k in ("delivered_partial", "resumed"):
            progress = True
            if deadline is not None and o.date > deadline:
                under_way = o  # "Iran has built its own stretch", told years after the deadline: still open
            if state == "broken" and (o.explicit or last_negative is None or not last_negative.explicit):
                state = "open"  # a retelling dated only by its article never reopens a dated breach
        elif k in NEGATIVE or k == "not_delivered":
            if k == "not_delivered" and deadline and o.date <= deadline:
                setback = setback or o
                continue
            if state == "fulfilled":
                if k == "not_delivered" or not o.explicit or (fulfilled and o.date <= fulfilled):
                    continue
                state, fulfilled = "broken", None
            else:
                state = "broken"
            setback = setback or o
            last_negative = o
        elif k == "delayed":
            if state != "fulfilled":
                setback = setback or o
                progress = True
    if state == "fulfilled" and fulfilled is not None:
        if deadline is not None:
            if fulfilled <= deadline:
                return Verdict("kept", fulfilled, 0, f"fulfilled on {fulfilled.isoformat()}, due by "
                                                     f"{deadline.isoformat()}")
            delay = (fulfilled - due_end).days
            return Verdict("kept_late", fulfilled, delay, f"fulfilled on {fulfilled.isoformat()}, {delay} days "
                                                          f"after the due date {due_end.isoformat()}")
        if setback is not None and setback.date < fulfilled:
            delay = (fulfilled - setback.date).days
            return Verdict("kept_late", fulfilled, delay,
                           f"fulfilled on {fulfilled.isoformat()} after a setback ({setback.kind}) on "
                           f"{setback.date.isoformat()}; no due date stated, delay counted from the setback")
        return Verdict("kept", fulfilled, 0, f"fulfilled on {fulfilled.isoformat()}, no due date stated")
    if state == "broken" and last_negative is not None:
        return Verdict("broken", None, None, f"{last_negative.kind} on {last_negative.date.isoformat()}, "
                                             "nothing later fulfilled it")
    if deadline is not None:
        if deadline >= reference:
            return Verdict("pending", None, None, f"due by {deadline.isoformat()}, not yet due")
        if under_way:
            return Verdict("pending", None, None, f"due by {deadline.isoformat()}, overdue but under way "
                                                  f"({under_way.kind} on {under_way.date.isoformat()})")
        return Verdict("unknown", None, None, f"due by {deadline.isoformat()}; no report of fulfilment or breach")
    if progress:
        return Verdict("pending", None, None, "no due date; under way (progress or delays reported), "
                                              "nothing against it")
    if still_open is not None:
        return Verdict("pending", None, None, f"no due date; nothing reported against it up to the newest "
                                              f"report on the pair ({still_open.isoformat()}), made shortly before")
    return Verdict("unknown", None, None, "no outcome and no due date")


#: How soon after a promise with no term the newest report on its pair must come for the promise to
#: count as still open: the news of the pair has not moved past it. Later than that, silence about
#: it says nothing either way (`unknown`).
OPEN_WINDOW = dt.timedelta(days=365)


def open_as_of(made: dt.date | None, newest_on_pair: dt.date | None,
               last_told: dt.date | None = None) -> dt.date | None:
    """The newest report on the pair, when it is within OPEN_WINDOW of the promise, or when it still
    tells the promise (the news of the pair ends with it open), else None."""
    if newest_on_pair is not None and last_told is not None and last_told >= newest_on_pair:
        return newest_on_pair
    if made is None or newest_on_pair is None or newest_on_pair < made:
        return None
    return newest_on_pair if newest_on_pair - made <= OPEN_WINDOW else None
