"""Reciprocity: does the trustee answer the truster's cooperation in kind?

For every cooperative act (quad class 1 or 2) of the truster toward the trustee, look whether
the trustee made a cooperative act toward the truster within the next WINDOW_DAYS days
(day 1 to day N after it). k of the truster's n cooperative acts were answered.

Cooperation that comes anyway is not an answer, so k/n is set against a base rate p0: the share
of all days in the dyad's observed span (first to last act between the two, either direction)
after which a trustee cooperative act follows within WINDOW_DAYS days.

The answer rate p1 is the mean of Beta(k + s·p0, n − k + s·(1 − p0)), a prior of strength
s = PRIOR_STRENGTH centred on the base rate (p0 clipped to [0.05, 0.95]), so that little
evidence gives p1 ≈ p0. Score = (1 + p1 − p0) / 2: 0.5 when the trustee answers no more
often than it cooperates anyway, towards 1 when it answers reliably, towards 0 when cooperation
from the truster is followed by less cooperation than usual. The interval maps the Beta's 90%
interval the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from trustledger.analysis.components.base import (
    Dyad,
    Summable,
    beta_summary,
    cut,
    day_acts_sql,
    event_evidence,
    f2,
    no_details,
    pct,
    pick_acts,
    plural,
    r4,
)
from trustledger.store.db import Store

NAME = "reciprocity"
WEIGHT = 0.15
LABEL = "Reciprocity"
UNIT = "cooperative openings of the truster"
SUFFICES_ALONE = True
WINDOW_DAYS = 30
PRIOR_STRENGTH = 2.0
#: A component score needs at least this many cooperative acts by the truster.
MIN_OPENINGS = 2


@dataclass
class Counts(Summable):
    openings: int = 0        # n: truster's cooperative acts toward the trustee
    answered: int = 0        # k: of them followed by trustee cooperation within WINDOW_DAYS
    days: int = 0            # days in the observed span
    covered_days: int = 0    # of them followed by trustee cooperation within WINDOW_DAYS

    @property
    def n(self) -> int:
        return self.openings

    @property
    def base_rate(self) -> float | None:
        return self.covered_days / self.days if self.days else None


def _head(store: Store, dyad: Dyad) -> tuple[str, list[Any]]:
    """Both directions' acts per day (`base.day_acts_sql`); each day's openings flagged `answered` when a
    trustee cooperative act falls on day 1 to WINDOW_DAYS after it: exact at the day level."""
    mine, p1 = day_acts_sql(store, dyad, dyad.truster_codes, dyad.trustee_codes)
    theirs, p2 = day_acts_sql(store, dyad, dyad.trustee_codes, dyad.truster_codes)
    sql = f"""
        WITH mine AS ({mine}),
        opening AS (SELECT * FROM mine WHERE quad_class IN (1, 2)),
        theirs AS ({theirs}),
        answer AS (SELECT DISTINCT date FROM theirs WHERE quad_class IN (1, 2)),
        span AS (SELECT least((SELECT min(date) FROM mine), (SELECT min(date) FROM theirs)) AS first,
                        greatest((SELECT max(date) FROM mine), (SELECT max(date) FROM theirs)) AS last),
        opening_days AS (SELECT DISTINCT date FROM opening),
        answered_days AS (
            SELECT o.date, EXISTS (SELECT 1 FROM answer a WHERE a.date > o.date
                                   AND a.date <= o.date + INTERVAL {WINDOW_DAYS} DAY) AS answered
            FROM opening_days o),
        marked AS (SELECT o.*, d.answered FROM opening o JOIN answered_days d USING (date))
    """
    return sql, p1 + p2


def yearly(store: Store, dyad: Dyad) -> dict[int | None, Counts]:
    head, params = _head(store, dyad)
    rows = store.query(head + f"""
        , days AS (
            SELECT CAST(d AS DATE) AS day FROM span,
                   generate_series(CAST(span.first AS TIMESTAMP), CAST(span.last AS TIMESTAMP), INTERVAL 1 DAY) g(d)
            WHERE span.first IS NOT NULL),
        covered AS (
            SELECT year(day) AS year, count(*) AS days,
                   count(*) FILTER (EXISTS (SELECT 1 FROM answer a WHERE a.date > day
                                           AND a.date <= day + INTERVAL {WINDOW_DAYS} DAY)) AS covered_days
            FROM days GROUP BY 1),
        opened AS (SELECT year(date) AS year, sum(n) AS openings, coalesce(sum(n) FILTER (answered), 0) AS answered
                   FROM marked GROUP BY 1)
        SELECT coalesce(c.year, o.year) AS year, coalesce(o.openings, 0) AS openings,
               coalesce(o.answered, 0) AS answered, coalesce(c.days, 0) AS days,
               coalesce(c.covered_days, 0) AS covered_days
        FROM covered c FULL JOIN opened o ON o.year = c.year ORDER BY 1""", params)
    return {r.pop("year"): Counts(**{k: int(v) for k, v in r.items()}) for r in rows}


def score(c: Counts, minimum: bool = True) -> dict[str, Any]:
    """The component from counts; `minimum=False` scores below the evidence minimum (by-year series)."""
    p0 = c.base_rate
    enough = (c.openings >= MIN_OPENINGS or (not minimum and c.openings > 0)) and p0 is not None
    mean = interval = None
    p1 = None
    if enough:
        centre = min(max(p0, 0.05), 0.95)
        a = c.answered + PRIOR_STRENGTH * centre
        b = c.openings - c.answered + PRIOR_STRENGTH * (1 - centre)
        p1, (lo, hi) = beta_summary(a, b)
        mean = (1 + p1 - p0) / 2
        interval = [r4((1 + lo - p0) / 2), r4((1 + hi - p0) / 2)]
    return {
        "score": r4(mean), "interval": interval, "n": c.openings,
        "openings": c.openings, "answered": c.answered, "window_days": WINDOW_DAYS,
        "answer_rate": r4(c.answered / c.openings) if c.openings else None,
        "answer_rate_smoothed": r4(p1), "base_rate": r4(p0),
        "detail": (f"{c.answered} of {c.openings} cooperative acts of the truster answered by trustee cooperation "
                   f"within {WINDOW_DAYS} days; base rate {(p0 or 0):.2f} over {c.days} days; "
                   "score = (1 + smoothed answer rate − base rate) / 2"),
    }


def evidence(store: Store, dyad: Dyad, limit: int = 6) -> list[dict[str, Any]]:
    """The truster's cooperative acts that went unanswered, then answered ones, latest first. Chosen
    by top-k over the day counts, then only those days' acts read."""
    head, params = _head(store, dyad)
    groups = store.query(head + """
        SELECT date, quad_class, praise, n, answered AS flag, CAST(answered AS INTEGER) AS rank
        FROM marked ORDER BY rank, date DESC""", params)
    rows = pick_acts(store, dyad, dyad.truster_codes, dyad.trustee_codes, cut(groups, limit), limit)
    why = {r["ref"]: f"answered within {WINDOW_DAYS} days" if r["flag"]
           else f"not answered within {WINDOW_DAYS} days" for r in rows}
    return event_evidence(store, NAME, [r["ref"] for r in rows], why)


details = no_details


def sentence(c: dict[str, Any], truster: str, trustee: str) -> str:
    """The numbers behind the score, in one sentence (each number as it is in `c`)."""
    return (f"{trustee} answered {c['answered']} of {truster}'s {plural(c['openings'], 'cooperative act')} with "
            f"cooperation within {WINDOW_DAYS} days, against a base rate of {pct(c['base_rate'])} "
            f"(reciprocity score {f2(c['score'])})")


def plain(c: dict[str, Any], truster: str, trustee: str) -> str:
    """The component's evidence in words a reader without the model follows (the report's summary)."""
    acts = plural(c.get("openings") or 0, "cooperative act")
    return (f"{trustee} answered {c.get('answered', 0)} of {truster}'s {acts} with cooperation within "
            f"{c.get('window_days', 30)} days, where {pct(c.get('base_rate'))} of days are followed by such an "
            f"act anyway")
