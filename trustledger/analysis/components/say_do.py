"""Say–do gap: does the trustee back its warm words toward the truster with deeds?

From the trustee's acts toward the truster (events, one per story and CAMEO code; see
`base.acts_sql`):
  V  verbal cooperation (quad class 1: statements, consultations, agreements, promises)
  M  material cooperation (quad class 2: deliveries, aid, economic and military cooperation)
  C  material conflict (quad class 4: sanctions, suspensions, refusals, seizures, force)
  P  praise (CAMEO 051 praise or endorse, 052 defend verbally, 053 rally support), part of V
  H  material-conflict acts dated within PRAISE_WINDOW_DAYS after some praise (deeds against
     the truster while praising it), part of C

Words outnumber deeds in any event data, and by how much depends on the source: GDELT codes
about six cooperative statements for every cooperative deed, our text coder about three. So
words are judged against the base rate r of the store: r = cooperative deeds per cooperative
statement over all state-to-state events of the period (BASE_MIN statements at least, else r =
1; never above 1). The deeds the trustee's words would normally bring are r·V; the shortfall
max(0, r·V − M) is talk without follow-through.

Score = mean of Beta(1 + M, 1 + C + H + ½·shortfall): cooperative deeds count for the trustee,
hostile deeds against it (hostile deeds after praise twice), and each missing deed half against
it. The interval is the Beta's 90% equal-tailed interval. Verbal conflict (quad 3) is reported
but does not enter: harsh words are not a broken promise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from trustledger.analysis.components.base import (
    ACT_FILTER,
    STATE_PAIR,
    UNCOVERED,
    Dyad,
    Summable,
    aggregated,
    beta_summary,
    cut,
    day_acts_sql,
    event_evidence,
    f2,
    no_details,
    pick_acts,
    plural,
    r4,
)
from trustledger.analysis.components.base import (
    PRAISE_CODES as PRAISE_CODES,
)
from trustledger.store.db import Store

NAME = "say_do"
WEIGHT = 0.25
LABEL = "Say–do consistency"
UNIT = "acts of the trustee"
SUFFICES_ALONE = True
PRAISE_WINDOW_DAYS = 365
UNBACKED_WORD_WEIGHT = 0.5
PRIOR: tuple[float, float] = (1.0, 1.0)
#: The store-wide base rate needs at least this many cooperative statements; fewer, and r = 1.
BASE_MIN = 50
#: A component score needs at least this many acts (V + M + C).
MIN_ACTS = 2


@dataclass
class Counts(Summable):
    verbal_coop: int = 0
    material_coop: int = 0
    verbal_conflict: int = 0
    material_conflict: int = 0
    praise: int = 0
    conflict_after_praise: int = 0
    base_verbal: int = 0         # cooperative statements between any two states (the base rate's)
    base_material: int = 0       # cooperative deeds between any two states

    @property
    def deeds_per_word(self) -> float:
        """The store's base rate r (1 when there is too little to estimate it)."""
        if self.base_verbal < BASE_MIN:
            return 1.0
        return min(1.0, self.base_material / self.base_verbal)

    @property
    def shortfall(self) -> float:
        """Deeds the trustee's cooperative words would normally have brought but did not."""
        return max(0.0, self.deeds_per_word * self.verbal_coop - self.material_coop)

    @property
    def n(self) -> int:
        return self.verbal_coop + self.material_coop + self.material_conflict


def _days_flagged(store: Store, dyad: Dyad) -> tuple[str, list[Any]]:
    """The trustee's acts toward the truster per day, quad class and praise (`base.day_acts_sql`), each
    group flagged `after_praise` when it is material conflict on a day within PRAISE_WINDOW_DAYS after
    some praise (the same day included): exact at the day level."""
    days, params = day_acts_sql(store, dyad, dyad.trustee_codes, dyad.truster_codes)
    sql = f"""
        WITH acts AS ({days}),
        praise_days AS (SELECT DISTINCT date FROM acts WHERE praise),
        flagged AS (
            SELECT a.*, a.quad_class = 4 AND EXISTS (
                       SELECT 1 FROM praise_days p
                       WHERE p.date <= a.date AND a.date <= p.date + INTERVAL {PRAISE_WINDOW_DAYS} DAY
                   ) AS after_praise
            FROM acts a)
    """
    return sql, params


def yearly(store: Store, dyad: Dyad) -> dict[int | None, Counts]:
    head, params = _days_flagged(store, dyad)
    rows = store.query(head + """
        SELECT year(date) AS year,
               coalesce(sum(n) FILTER (quad_class = 1), 0) AS verbal_coop,
               coalesce(sum(n) FILTER (quad_class = 2), 0) AS material_coop,
               coalesce(sum(n) FILTER (quad_class = 3), 0) AS verbal_conflict,
               coalesce(sum(n) FILTER (quad_class = 4), 0) AS material_conflict,
               coalesce(sum(n) FILTER (praise), 0) AS praise,
               coalesce(sum(n) FILTER (after_praise), 0) AS conflict_after_praise
        FROM flagged GROUP BY 1 ORDER BY 1""", params)
    out = {r.pop("year"): Counts(**{k: int(v) for k, v in r.items()}) for r in rows}
    for r in store.query(*_base_sql(store, dyad)):
        if r["year"] in out:  # the base rate of the years the dyad has acts in
            out[r["year"]].base_verbal, out[r["year"]].base_material = int(r["v"]), int(r["m"])
    return out


def _base_sql(store: Store, dyad: Dyad) -> tuple[str, list[Any]]:
    """Cooperative statements (v) and deeds (m) between any two states, per year of the period: from
    the dyad-day aggregate and the text events when the aggregate is fresh, else from every event."""
    period, p = dyad.period_sql("date")
    direct = f"""
        SELECT year(date) AS year, count(*) FILTER (quad_class = 1) AS v, count(*) FILTER (quad_class = 2) AS m
        FROM events
        WHERE quad_class IN (1, 2) AND {ACT_FILTER} AND {STATE_PAIR} AND {period} AND {{where}}
        GROUP BY 1"""
    if not aggregated(store):
        return direct.format(where="TRUE"), p
    return f"""
        SELECT year, sum(v) AS v, sum(m) AS m FROM (
            SELECT year(date) AS year, coalesce(sum(events) FILTER (quad_class = 1), 0) AS v,
                   coalesce(sum(events) FILTER (quad_class = 2), 0) AS m
            FROM agg_dyad_day
            WHERE quad_class IN (1, 2) AND source_country <> target_country AND {period}
            GROUP BY 1
            UNION ALL {direct.format(where=UNCOVERED)})
        GROUP BY 1""", p + p


def beta_params(c: Counts) -> tuple[float, float]:
    a = PRIOR[0] + c.material_coop
    b = PRIOR[1] + c.material_conflict + c.conflict_after_praise + UNBACKED_WORD_WEIGHT * c.shortfall
    return a, b


def score(c: Counts, minimum: bool = True) -> dict[str, Any]:
    """The component from counts; `minimum=False` scores below the evidence minimum (by-year series)."""
    a, b = beta_params(c)
    mean, interval = beta_summary(a, b)
    enough = (c.n >= MIN_ACTS) or (not minimum and c.n > 0)
    coop = c.verbal_coop + c.material_coop
    return {
        "score": r4(mean) if enough else None,
        "interval": [r4(x) for x in interval] if enough else None,
        "n": c.n,
        "verbal_coop": c.verbal_coop, "material_coop": c.material_coop,
        "verbal_conflict": c.verbal_conflict, "material_conflict": c.material_conflict,
        "praise": c.praise, "conflict_after_praise": c.conflict_after_praise,
        "words_share": r4(c.verbal_coop / coop) if coop else None,
        "posterior": [r4(a), r4(b)],
        "deeds_per_word": r4(c.deeds_per_word), "shortfall": r4(c.shortfall),
        "detail": (f"Beta(1+{c.material_coop}, 1+{c.material_conflict}+{c.conflict_after_praise}"
                   f"+{UNBACKED_WORD_WEIGHT:g}×{c.shortfall:.4g}): "
                   f"{c.material_coop} cooperative deeds, {c.material_conflict} hostile deeds "
                   f"({c.conflict_after_praise} within {PRAISE_WINDOW_DAYS} days after praise, counted twice), "
                   f"{c.verbal_coop} cooperative statements; at the store's base rate of "
                   f"{c.deeds_per_word:.2f} deeds per statement they would bring "
                   f"{c.deeds_per_word * c.verbal_coop:.4g} deeds, {c.shortfall:.4g} short (half a failure each)"),
    }


def evidence(store: Store, dyad: Dyad, limit: int = 6) -> list[dict[str, Any]]:
    """Hostile deeds after praise, the praise itself, other hostile deeds, then cooperative deeds;
    latest first within each kind. Chosen by top-k over the day counts, then only those days' acts read."""
    head, params = _days_flagged(store, dyad)
    groups = store.query(head + """
        SELECT date, quad_class, praise, n, after_praise AS flag,
               CASE WHEN after_praise THEN 0 WHEN praise THEN 1 WHEN quad_class = 4 THEN 2 ELSE 3 END AS rank
        FROM flagged WHERE quad_class IN (2, 4) OR praise
        ORDER BY rank, date DESC""", params)
    rows = pick_acts(store, dyad, dyad.trustee_codes, dyad.truster_codes, cut(groups, limit), limit)
    why = {}
    for r in rows:
        why[r["ref"]] = ("hostile deed after praise" if r["flag"] else "praise" if r["praise"]
                         else "hostile deed" if r["quad_class"] == 4 else "cooperative deed")
    return event_evidence(store, NAME, [r["ref"] for r in rows], why)


details = no_details


def sentence(c: dict[str, Any], truster: str, trustee: str) -> str:
    """The numbers behind the score, in one sentence (each number as it is in `c`)."""
    return (f"toward {truster}, {trustee} made {plural(c['material_coop'], 'cooperative deed')} against "
            f"{plural(c['verbal_coop'], 'cooperative statement')} and "
            f"{plural(c['material_conflict'], 'hostile deed')}, "
            f"{c['conflict_after_praise']} of them after praising it (say–do score {f2(c['score'])})")


def plain(c: dict[str, Any], truster: str, trustee: str) -> str:
    """The component's evidence in words a reader without the model follows (the report's summary)."""
    deeds, words = plural(c.get("material_coop") or 0, "cooperative deed"), plural(c.get("verbal_coop") or 0,
                                                                             "cooperative statement")
    return (f"toward {truster}, {trustee} made {deeds} (deliveries, aid, agreements carried out) against {words}"
            f", and {plural(c.get('material_conflict') or 0, 'hostile deed')}"
            + (f", {c['conflict_after_praise']} of them within a year after praising {truster}"
               if c.get("conflict_after_praise") else ""))
