"""Whole-store aggregates that both engines compute from one SQL text (DuckDB and Spark SQL).

Three small tables summarise the big ones, so that on a cluster the expensive scans run on
Spark and the assessment then reads a few thousand rows from the DuckDB store:

* `agg_dyad_year`: acts per (source country, target country, year, quad class) with the mean
  Goldstein weight. An act is what `components.base.acts_sql` counts: the copies of one story
  (`story_id`) reporting one CAMEO code count once; negated events, events without a date or
  quad class, and acts of non-state actors (rebels, opposition...) are left out.
* `agg_dyad_quad`: the same acts per (source, target, quad class) over all years.
* `agg_agreement`: UN vote agreement per (body, country a, country b, year), the definition of
  `analysis.votes.agreement`: over roll calls both voted on (absences left out), the same vote
  scores 1, one abstaining 0.5, yes against no 0; and the same over the contested roll calls
  among them (`analysis.votes.CONTESTED_SQL`: at least 10% of the members present voted no).

The SQL below uses only what DuckDB and Spark SQL both read the same way; sums are DECIMAL so
that the two engines give identical numbers whatever order they add in. `agg_runs` records which
engine computed each table, when, for which countries, and a fingerprint of its input tables:
a table is *fresh* while the fingerprint still matches, and only then is it read in place of the
direct query (`stored_agreement`).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from trustledger.analysis.components.base import ACT_FILTER, STATE_PAIR
from trustledger.analysis.votes import AGREE_SQL, CONTESTED_SQL, codes_for
from trustledger.store import dyad_days
from trustledger.store.db import Store

#: One row per act (see module doc), the common part of the two event aggregates.
ACTS = f"""
    SELECT source_country, target_country, coalesce(story_id, event_id) AS unit, cameo,
           min(quad_class) AS quad_class, min(goldstein) AS goldstein, CAST(year(min(date)) AS INT) AS year
    FROM events
    WHERE {STATE_PAIR} AND {ACT_FILTER}
    GROUP BY source_country, target_country, coalesce(story_id, event_id), cameo"""

DYAD_YEAR_SQL = f"""
    SELECT source_country, target_country, year, quad_class, count(*) AS events,
           sum(CAST(goldstein AS DECIMAL(18, 6))) AS goldstein_sum
    FROM ({ACTS}) acts
    GROUP BY source_country, target_country, year, quad_class"""

DYAD_QUAD_SQL = f"""
    SELECT source_country, target_country, quad_class, count(*) AS events,
           sum(CAST(goldstein AS DECIMAL(18, 6))) AS goldstein_sum
    FROM ({ACTS}) acts
    GROUP BY source_country, target_country, quad_class"""

#: `{scope}` is a condition on `a.country` (the countries asked about), or TRUE for every pair.
AGREEMENT_SQL = f"""
    SELECT r.body, a.country AS country_a, b.country AS country_b, CAST(year(r.date) AS INT) AS year,
           count(*) AS votes, sum({AGREE_SQL}) AS agree,
           count(c.rcid) AS contested_votes,
           sum(CASE WHEN c.rcid IS NOT NULL THEN {AGREE_SQL} ELSE 0.0 END) AS contested_agree
    FROM votes a JOIN votes b ON a.rcid = b.rcid AND a.country <> b.country
         JOIN roll_calls r ON r.rcid = a.rcid
         LEFT JOIN ({CONTESTED_SQL}) c ON c.rcid = a.rcid
    WHERE a.vote <> 'absent' AND b.vote <> 'absent' AND r.date IS NOT NULL AND {{scope}}
    GROUP BY r.body, a.country, b.country, CAST(year(r.date) AS INT)"""

#: What a store's input tables looked like, per aggregate (cheap: one scan of the columns used).
_FINGERPRINTS = {
    "events": "SELECT count(*) || ':' || coalesce(sum(hash(event_id, story_id, date, quad_class, goldstein, "
              "source_country, target_country, negated)), 0) FROM events",
    "votes": "SELECT (SELECT count(*) || ':' || coalesce(sum(hash(rcid, country, vote)), 0) FROM votes) || '/' || "
             "(SELECT count(*) || ':' || coalesce(sum(hash(rcid, body, date)), 0) FROM roll_calls)",
}


@dataclass(frozen=True)
class Aggregate:
    """One aggregate table: the SQL both engines run, the store tables it reads, and how it is loaded."""

    table: str
    sql: str
    inputs: tuple[str, ...]
    fingerprint: str
    #: Columns added in DuckDB when loading (the same for both engines' results).
    derived: str

    def query(self, scope: list[str] | None = None) -> str:
        cond = "TRUE" if not scope else "a.country IN (" + ", ".join(f"'{c}'" for c in sorted(scope)) + ")"
        return self.sql.replace("{scope}", cond)


_MEAN = "CAST(goldstein_sum AS DOUBLE) / events AS goldstein"
AGGREGATES: tuple[Aggregate, ...] = (
    Aggregate("agg_dyad_year", DYAD_YEAR_SQL, ("events",), "events", _MEAN),
    Aggregate("agg_dyad_quad", DYAD_QUAD_SQL, ("events",), "events", _MEAN),
    Aggregate("agg_agreement", AGREEMENT_SQL, ("votes", "roll_calls"), "votes",
              "CAST(agree AS DOUBLE) / votes AS agreement, "
              "CAST(contested_agree AS DOUBLE) / nullif(contested_votes, 0) AS contested_agreement"),
)
#: Columns each engine reads from the store's input tables (the Spark engine exports only these).
INPUT_COLUMNS = {
    "events": "event_id, story_id, date, cameo, quad_class, goldstein, source_country, target_country, "
              "source_role, target_role, negated",
    "votes": "rcid, country, vote",
    "roll_calls": "rcid, body, date",
}


def scope_codes(countries: Iterable[str] | None) -> list[str] | None:
    """The countries asked about and the codes their votes were cast under before (RUS ← USR)."""
    if countries is None:
        return None
    return sorted({code for c in countries for code in codes_for(c)})


def fingerprint(store: Store, agg: Aggregate) -> str:
    return str(store.con.execute(_FINGERPRINTS[agg.fingerprint]).fetchone()[0])


def load_result(store: Store, agg: Aggregate, source_sql: str, engine: str, scope: list[str] | None,
                inputs: str, seconds: float) -> int:
    """Replace `agg.table` with the rows of `source_sql` and record the run (caller holds the transaction)."""
    store.con.execute(f"DELETE FROM {agg.table}")
    store.con.execute(f"INSERT INTO {agg.table} BY NAME SELECT *, {agg.derived} FROM ({source_sql})")
    rows = store.con.execute(f"SELECT count(*) FROM {agg.table}").fetchone()[0]
    store.con.execute(
        "INSERT OR REPLACE INTO agg_runs (aggregate, engine, computed_at, seconds, scope, inputs, rows) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [agg.table, engine, dt.datetime.now(dt.UTC).replace(tzinfo=None), seconds, scope, inputs, rows])
    return int(rows)


def compute_local(store: Store, countries: Iterable[str] | None = None) -> dict[str, int]:
    """Every aggregate computed by DuckDB in the store itself, in one transaction; rows per table. The
    dyad-day aggregate (`store.dyad_days`, kept by every structured import) is rebuilt if it is not exact."""
    scope = scope_codes(countries)
    out = {}
    with store.transaction():
        for agg in AGGREGATES:
            t0 = time.perf_counter()
            prints = fingerprint(store, agg)
            store.con.execute(f"CREATE OR REPLACE TEMP TABLE _agg AS {agg.query(scope)}")
            out[agg.table] = load_result(store, agg, "SELECT * FROM _agg", "local", scope, prints,
                                         time.perf_counter() - t0)
            store.con.execute("DROP TABLE _agg")
        if not dyad_days.fresh(store):  # the dyad-day counts too, where an import did not keep them
            out["agg_dyad_day"] = dyad_days.rebuild(store)
    return out


def runs(store: Store) -> dict[str, dict[str, Any]]:
    """The recorded run of each aggregate table (engine, computed_at, seconds, scope, rows)."""
    if not _has_tables(store):
        return {}
    return {r["aggregate"]: r for r in store.query("SELECT * FROM agg_runs")}


def _has_tables(store: Store) -> bool:
    return bool(store.con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'agg_runs'").fetchone()[0])


def is_fresh(store: Store, table: str, codes: Iterable[str] = ()) -> bool:
    """Whether `table` was computed from the store's current input tables and covers `codes`."""
    run = runs(store).get(table)
    if run is None:
        return False
    if run["scope"] is not None and not set(codes) <= set(run["scope"]):
        return False
    agg = next(a for a in AGGREGATES if a.table == table)
    return run["inputs"] == fingerprint(store, agg)


def stored_agreement(store: Store, a: str, b: str, body: str | None = "UNGA",
                     check: Callable[[Store, str, list[str]], bool] = is_fresh) -> list[dict] | None:
    """`analysis.votes.agreement(store, a, b, body=body)` read from `agg_agreement` (the contested
    figures too), or None when that table is missing, stale, or does not cover `a`."""
    a_codes, b_codes = codes_for(a), codes_for(b)
    if not check(store, "agg_agreement", a_codes):
        return None
    where, params = ["country_a IN (SELECT unnest(?))", "country_b IN (SELECT unnest(?))"], [a_codes, b_codes]
    if body:
        where.append("body = ?")
        params.append(body.upper())
    return store.query(f"""
        SELECT year, CAST(sum(agree) AS DOUBLE) / sum(votes) AS agreement, sum(votes) AS votes,
               CAST(sum(contested_agree) AS DOUBLE) / nullif(sum(contested_votes), 0) AS contested_agreement,
               sum(contested_votes) AS contested_votes
        FROM agg_agreement WHERE {' AND '.join(where)}
        GROUP BY year ORDER BY year""", params)
