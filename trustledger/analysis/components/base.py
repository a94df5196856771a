"""What every component shares: the dyad and period, country-code expansion, summable counts, Beta
intervals, SQL fragments for "the trustee's acts toward the truster", evidence rows, and the
number formats of the sentences that explain a score."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from scipy.stats import beta as beta_dist

from trustledger.predecessors import with_predecessors
from trustledger.store.db import Store

#: Roles whose acts are not the state's own (CAMEO agent codes): rebels, opposition,
#: insurgents, separatists, criminals, unaligned armed forces, and society at large. A trust
#: assessment is about what a state does, so these are left out.
NON_STATE_ROLES: tuple[str, ...] = ("REB", "OPP", "INS", "SEP", "CRM", "UAF",
                                     # society, not the state: civilians and protesters, refugees, settlers,
                                     # NGOs, media, schools, labour, business, religion, health, former elites
                                     "CVL", "REF", "SET", "NGO", "MED", "EDU", "LAB", "BUS", "REL", "HLH", "ELI")
_ROLES_SQL = ", ".join(f"'{r}'" for r in NON_STATE_ROLES)
#: What counts as an act between states, in SQL over `events`: dated and coded, not negated ("did not
#: deliver" is no act), and no rebel, opposition or other non-state party on either side.
ACT_FILTER = ("date IS NOT NULL AND quad_class IS NOT NULL AND NOT coalesce(negated, false) "
              f"AND coalesce(source_role, '') NOT IN ({_ROLES_SQL}) "
              f"AND coalesce(target_role, '') NOT IN ({_ROLES_SQL})")
#: Both sides named and different states.
STATE_PAIR = "source_country IS NOT NULL AND target_country IS NOT NULL AND source_country <> target_country"

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


def acts_sql(dyad: Dyad, source: list[str], target: list[str]) -> tuple[str, list[Any]]:
    """One row per *act* from `source` countries toward `target` countries in the period.

    Copies of one story (same `story_id`) that report the same CAMEO code are one act, so a wire
    story reprinted ten times counts once; structured rows (no story) are each their own act.
    Negated events ("Russia did not deliver") are not acts. Columns: unit, cameo, quad_class,
    date, ref (an event_id that stands for the act).
    """
    src, p1 = in_list("source_country", source)
    tgt, p2 = in_list("target_country", target)
    period, p3 = dyad.period_sql("date")
    sql = f"""
        SELECT coalesce(story_id, event_id) AS unit, cameo, any_value(quad_class) AS quad_class,
               min(date) AS date, min(event_id) AS ref
        FROM events
        WHERE {src} AND {tgt} AND {ACT_FILTER} AND {period}
        GROUP BY coalesce(story_id, event_id), cameo
    """
    return sql, p1 + p2 + p3


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
