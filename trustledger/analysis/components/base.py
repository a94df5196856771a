"""What every component shares: the dyad and period, country-code expansion, summable counts, Beta
intervals, SQL fragments for "the trustee's acts toward the truster", evidence rows, and the
number formats of the sentences that explain a score."""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass, fields
from typing import Any

from scipy.stats import beta as beta_dist

from trustledger.predecessors import with_predecessors
from trustledger.store import dyad_days
from trustledger.store.db import Store
from trustledger.store.dyad_days import ACT_FILTER as ACT_FILTER
from trustledger.store.dyad_days import COVERED as COVERED
from trustledger.store.dyad_days import NON_STATE_ROLES as NON_STATE_ROLES
from trustledger.store.dyad_days import PRAISE_CODES as PRAISE_CODES
from trustledger.store.dyad_days import STATE_PAIR as STATE_PAIR
from trustledger.store.dyad_days import UNCOVERED as UNCOVERED
from trustledger.store.dyad_days import praise_sql

#: What counts as an act between states (ACT_FILTER, STATE_PAIR, NON_STATE_ROLES, PRAISE_CODES) is defined
#: once, next to the aggregate that counts acts per day (`trustledger.store.dyad_days`), and re-exported here.

#: Equal-tailed credible interval reported everywhere.
INTERVAL_MASS = 0.90


@dataclass(frozen=True)
class Dyad:
    """An ordered pair: can `truster` trust `trustee`, judged on the period [since, until]."""

    truster: str
    trustee: str
    since: dt.date | None = None
    until: dt.date | None = None

    @property
    def truster_codes(self) -> list[str]:
        return with_predecessors(self.truster)

    @property
    def trustee_codes(self) -> list[str]:
        return with_predecessors(self.trustee)

    def period_sql(self, column: str) -> tuple[str, list[Any]]:
        """`column` within the period (rows without a date are left out when a bound is set)."""
        parts, params = [], []
        if self.since:
            parts.append(f"{column} >= ?")
            params.append(self.since)
        if self.until:
            parts.append(f"{column} <= ?")
            params.append(self.until)
        return (" AND ".join(parts) or "TRUE"), params


class Summable:
    """A dataclass of counts that adds field by field: the yearly counts summed are the period's."""

    def __add__(self, other: Any) -> Any:
        return type(self)(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


def in_list(column: str, values: list[str]) -> tuple[str, list[Any]]:
    return f"{column} IN ({', '.join('?' for _ in values)})", list(values)


def acts_sql(dyad: Dyad, source: list[str], target: list[str], where: str = "TRUE") -> tuple[str, list[Any]]:
    """One row per *act* from `source` countries toward `target` countries in the period.

    Copies of one story (same `story_id`) that report the same CAMEO code are one act, so a wire
    story reprinted ten times counts once; structured rows (no story) are each their own act.
    Negated events ("Russia did not deliver") are not acts. Columns: unit, cameo, quad_class,
    date, ref (an event_id that stands for the act). `where` narrows the events read.
    """
    src, p1 = in_list("source_country", source)
    tgt, p2 = in_list("target_country", target)
    period, p3 = dyad.period_sql("date")
    sql = f"""
        SELECT coalesce(story_id, event_id) AS unit, cameo, any_value(quad_class) AS quad_class,
               min(date) AS date, min(event_id) AS ref
        FROM events
        WHERE {src} AND {tgt} AND {ACT_FILTER} AND {period} AND {where}
        GROUP BY coalesce(story_id, event_id), cameo
    """
    return sql, p1 + p2 + p3


_FRESH: weakref.WeakKeyDictionary[Store, tuple[tuple[int, int | None], bool]] = weakref.WeakKeyDictionary()


def aggregated(store: Store) -> bool:
    """Whether the dyad-day aggregate counts exactly the store's structured events, so that it can be
    read in place of them. Checked once per state of the store (its event count and the aggregate's
    record), since the check itself reads a column of every event."""
    key = (int(store.con.execute("SELECT count(*) FROM events").fetchone()[0]), dyad_days.recorded(store))
    hit = _FRESH.get(store)
    if hit is None or hit[0] != key:
        hit = (key, key[1] is not None and dyad_days.fresh(store))
        _FRESH[store] = hit
    return hit[1]


def day_acts_sql(store: Store, dyad: Dyad, source: list[str], target: list[str]) -> tuple[str, list[Any]]:
    """The acts of `acts_sql` counted per day: rows (date, quad_class, praise, n), one per day, quad class
    and whether the act is praise (CAMEO 051-053).

    Every event-based component needs only these counts, and they are exact at the day level. Read
    from `agg_dyad_day` for structured events when it is fresh (text events, grouped by story, are
    read directly: they are few), else from the events themselves.
    """
    if not aggregated(store):
        acts, params = acts_sql(dyad, source, target)
        return (f"SELECT date, quad_class, coalesce({praise_sql()}, false) AS praise, count(*) AS n "
                f"FROM ({acts}) GROUP BY ALL"), params
    src, p1 = in_list("source_country", source)
    tgt, p2 = in_list("target_country", target)
    period, p3 = dyad.period_sql("date")
    text, p4 = acts_sql(dyad, source, target, UNCOVERED)
    sql = f"""
        SELECT date, quad_class, praise, sum(n) AS n FROM (
            SELECT date, quad_class, praise, events AS n FROM agg_dyad_day
            WHERE {src} AND {tgt} AND quad_class > 0 AND {period}
            UNION ALL
            SELECT date, quad_class, coalesce({praise_sql()}, false) AS praise, count(*) AS n
            FROM ({text}) GROUP BY ALL)
        GROUP BY ALL"""
    return sql, p1 + p2 + p3 + p4


def pick_acts(store: Store, dyad: Dyad, source: list[str], target: list[str], groups: list[dict[str, Any]],
              limit: int) -> list[dict[str, Any]]:
    """Top-k evidence: the first `limit` acts of the day groups in `groups`, in their order.

    `groups` are rows (date, quad_class, praise, rank, flag) already sorted by (rank, date desc) and
    cut where the acts before them reach `limit`; within a group acts go by ref, as the components
    always ordered them. Only those days' events are read (the store's row groups are pruned by
    date); text acts are grouped first, since a story's act takes the date of its first copy.
    """
    if not groups:
        return []
    dates = sorted({g["date"] for g in groups})
    src, p1 = in_list("source_country", source)
    tgt, p2 = in_list("target_country", target)
    period, p3 = dyad.period_sql("date")
    on_days, p4 = in_list("date", dates)
    text, p5 = acts_sql(dyad, source, target, UNCOVERED)
    on_days_text, p6 = in_list("date", dates)
    keys = ", ".join(f"(DATE '{g['date'].isoformat()}', {int(g['quad_class'])}, {bool(g['praise'])}, "
                     f"{int(g['rank'])}, {bool(g['flag'])})" for g in groups)
    return store.query(f"""
        WITH chosen(date, quad_class, praise, rank, flag) AS (VALUES {keys}),
        acts AS (
            SELECT event_id AS ref, date, quad_class, cameo FROM events
            WHERE {COVERED} AND {src} AND {tgt} AND {ACT_FILTER} AND {period} AND {on_days}
            UNION ALL
            SELECT ref, date, quad_class, cameo FROM ({text}) WHERE {on_days_text})
        SELECT a.ref, a.date, a.quad_class, c.praise, c.flag FROM acts a
        JOIN chosen c ON c.date = a.date AND c.quad_class = a.quad_class
                     AND c.praise = coalesce({praise_sql('a.cameo')}, false)
        ORDER BY c.rank, a.date DESC, a.ref
        LIMIT ?""", p1 + p2 + p3 + p4 + p5 + p6 + [limit])


def cut(groups: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """The day groups (sorted by rank, then date desc) up to where the acts before them reach `limit`:
    every act that can be among the first `limit` lies in one of them."""
    out, before, key = [], 0, None
    for g in groups:
        k = (g["rank"], g["date"])
        if k != key and before >= limit:
            break
        key = k
        out.append(g)
        before += int(g["n"])
    return out


def beta_summary(a: float, b: float) -> tuple[float, list[float]]:
    """Posterior mean and the 90% equal-tailed interval of Beta(a, b)."""
    tail = (1 - INTERVAL_MASS) / 2
    lo, hi = beta_dist.ppf([tail, 1 - tail], a, b)
    return a / (a + b), [float(lo), float(hi)]


def r4(x: float | None) -> float | None:
    return None if x is None else round(float(x), 4)


EVENT_EVIDENCE_SQL = """
    SELECT e.doc_id, e.sentence_index, e.date, coalesce(e.text, '') AS text, d.title,
           coalesce(d.source, d.path, e.origin) AS source, 'event' AS kind, e.event_id AS ref,
           e.cameo, e.quad_class
    FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id
    WHERE e.event_id IN ({refs})
"""


def event_evidence(store: Store, component: str, refs: list[str], why: dict[str, str]) -> list[dict[str, Any]]:
    """Evidence items for event rows, in the order of `refs`; `why` says why each one counts."""
    if not refs:
        return []
    rows = store.query(EVENT_EVIDENCE_SQL.format(refs=", ".join("?" for _ in refs)), refs)
    by_ref = {r["ref"]: r for r in rows}
    out = []
    for ref in refs:
        r = by_ref.get(ref)
        if r:
            out.append(item(component, r, why.get(ref)))
    return out


def item(component: str, row: dict[str, Any], why: str | None = None) -> dict[str, Any]:
    """The EVIDENCE shape of docs/interfaces.md (plus `why`)."""
    date = row.get("date")
    return {
        "component": component, "doc_id": row.get("doc_id"), "sentence_index": row.get("sentence_index"),
        "date": date.isoformat() if isinstance(date, dt.date) else date, "text": row.get("text") or "",
        "title": row.get("title"), "source": row.get("source"), "kind": row["kind"], "ref": row["ref"],
        "why": why,
    }


def no_details(store: Store, dyad: Dyad) -> dict[str, Any]:
    """`details` of a component that adds nothing to the assessment JSON beyond its score's keys."""
    return {}


def f2(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"


def pct(x: float | None) -> str:
    return "n/a" if x is None else f"{round(100 * x)}%"


def plural(n: int | float, word: str, many: str | None = None) -> str:
    """'1 rated commitment', '3 rated commitments'."""
    return f"{n:g} {word if n == 1 else (many or word + 's')}"
