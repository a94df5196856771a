"""Commitments: a Beta reputation over the trustee's ledger toward the truster.

Model (Jøsang & Ismail 2002, "The Beta Reputation System"): each rated commitment is one
observation with a credit r in [0, 1]; the posterior is Beta(a0 + Σr, b0 + Σ(1 − r)) with the
uniform prior Beta(1, 1). The score is its mean, the interval its 90% equal-tailed interval.

Credit per ledger status:
  kept        1
  kept_late   1 / (1 + delay_years), delay_years = delay_days / 365.25 (a year late earns 1/2,
              three years late 1/4, eleven years late 1/12); a late delivery with no known delay
              is taken as one year late
  broken      0
  pending, unknown: not rated (no evidence either way yet); counted in `n` and `counts`.
Each commitment row is one story: the ledger has already merged copies and paraphrases of a
promise into one commitment (its `commitment_evidence` lists the copies), and a SIPRI deal that is
the same deal as a promise found in text (`same_as`) is counted once, as that promise.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import Any

from trustledger.analysis.components.base import Dyad, Summable, beta_summary, f2, in_list, item, no_details, plural, r4
from trustledger.store.db import Store

NAME = "commitments"
#: Share of the combined score (commitments weigh most: a promise kept or broken is the most direct
#: evidence of trustworthiness).
WEIGHT = 0.40
LABEL = "Commitments kept"
#: What the component counts, for "too little evidence" explanations.
UNIT = "rated commitments"
SUFFICES_ALONE = True
PRIOR: tuple[float, float] = (1.0, 1.0)
DAYS_PER_YEAR = 365.25
UNKNOWN_DELAY_DAYS = 365
#: A component score needs at least this many rated (kept, kept_late, broken) commitments.
MIN_RATED = 1

CREDIT_SQL = f"""CASE l.status WHEN 'kept' THEN 1.0
    WHEN 'kept_late' THEN 1.0 / (1.0 + greatest(coalesce(l.delay_days, {UNKNOWN_DELAY_DAYS}), 0) / {DAYS_PER_YEAR})
    WHEN 'broken' THEN 0.0 END"""


def late_credit(delay_days: float | None) -> float:
    """Partial credit for a promise kept late: 1 / (1 + years of delay)."""
    d = UNKNOWN_DELAY_DAYS if delay_days is None else max(delay_days, 0)
    return 1.0 / (1.0 + d / DAYS_PER_YEAR)


@dataclass
class Counts(Summable):
    kept: int = 0
    kept_late: int = 0
    broken: int = 0
    pending: int = 0
    unknown: int = 0
    credit: float = 0.0          # Σ r over rated commitments

    @property
    def rated(self) -> int:
        return self.kept + self.kept_late + self.broken

    @property
    def n(self) -> int:
        return self.rated + self.pending + self.unknown


def _base(dyad: Dyad, documents: bool = False) -> tuple[str, list[Any]]:
    """FROM/WHERE for the trustee's commitments to the truster in the period (dated by made, else due)."""
    prom, p1 = in_list("c.promisor", dyad.trustee_codes)
    pee, p2 = in_list("c.promisee", dyad.truster_codes)
    period, p3 = dyad.period_sql("coalesce(c.made, c.due)")
    docs = "LEFT JOIN documents d ON d.doc_id = c.doc_id" if documents else ""
    return (f"""FROM commitments c LEFT JOIN ledger l ON l.commitment_id = c.commitment_id {docs}
                WHERE {prom} AND {pee} AND {period} AND c.same_as IS NULL""", p1 + p2 + p3)


def yearly(store: Store, dyad: Dyad) -> dict[int | None, Counts]:
    base, params = _base(dyad)
    rows = store.query(f"""
        SELECT year(coalesce(c.made, c.due)) AS year,
               count(*) FILTER (l.status = 'kept') AS kept,
               count(*) FILTER (l.status = 'kept_late') AS kept_late,
               count(*) FILTER (l.status = 'broken') AS broken,
               count(*) FILTER (l.status = 'pending') AS pending,
               count(*) FILTER (l.status IS NULL OR l.status NOT IN ('kept', 'kept_late', 'broken', 'pending'))
                   AS unknown,
               coalesce(sum({CREDIT_SQL}), 0) AS credit
        {base} GROUP BY 1 ORDER BY 1""", params)
    return {r.pop("year"): Counts(**r) for r in rows}


def score(c: Counts, minimum: bool = True) -> dict[str, Any]:
    """The component from counts; `minimum=False` scores below the evidence minimum (by-year series)."""
    a, b = PRIOR[0] + c.credit, PRIOR[1] + (c.rated - c.credit)
    mean, interval = beta_summary(a, b)
    enough = c.rated >= MIN_RATED or (not minimum and c.rated > 0)
    late_credit_sum = c.credit - c.kept
    return {
        "score": r4(mean) if enough else None,
        "interval": [r4(x) for x in interval] if enough else None,
        "n": c.n, "rated": c.rated,
        "counts": {"kept": c.kept, "kept_late": c.kept_late, "broken": c.broken,
                   "pending": c.pending, "unknown": c.unknown},
        "prior": list(PRIOR), "credit": r4(c.credit), "late_credit": r4(late_credit_sum),
        "posterior": [r4(a), r4(b)],
        "detail": (f"Beta({PRIOR[0]:g}+{c.credit:.2f}, {PRIOR[1]:g}+{c.rated - c.credit:.2f}): "
                   f"{c.kept} kept (credit 1 each), {c.kept_late} kept late (credit {late_credit_sum:.2f} in all, "
                   f"1/(1+years late) each), {c.broken} broken (0); {c.pending} pending and {c.unknown} unknown "
                   "not rated"),
    }


def latest_outcomes(store: Store, dyad: Dyad, ids: list[str]) -> dict[str, dict[str, Any]]:
    """The latest outcome the ledger counts for each commitment of `ids` (the trustee's to the truster),
    with its document: the outcomes of the commitment's `trustledger ledger` entry, where a SIPRI
    deal merged into the promise found in text lends the promise its deliveries."""
    from trustledger.commitments.queries import ledger

    outcomes: dict[str, list[dict[str, Any]]] = {}
    for promisor, promisee in itertools.product(dyad.trustee_codes, dyad.truster_codes):
        if len(outcomes) == len(ids):
            break
        for entry in ledger(store, promisor, promisee, since=dyad.since, until=dyad.until):
            if entry["commitment_id"] in ids:
                outcomes[entry["commitment_id"]] = entry["outcomes"]
    latest = {cid: min(outs, key=lambda o: (o["date"] is None, -(o["date"] or dt.date.min).toordinal(),
                                            o["outcome_id"]))
              for cid, outs in outcomes.items() if outs}
    if not latest:
        return {}
    docs = {r["ref"]: r for r in store.query("""
        SELECT o.outcome_id AS ref, coalesce(o.text, o.what, o.kind, '') AS text, d.title,
               coalesce(d.source, d.path, o.origin) AS source
        FROM outcomes o LEFT JOIN documents d ON d.doc_id = o.doc_id
        WHERE o.outcome_id IN (SELECT unnest(?))""", [[o["outcome_id"] for o in latest.values()]])}
    return {cid: {**o, **docs[o["outcome_id"]], "outcome": o["kind"]} for cid, o in latest.items()}


def evidence(store: Store, dyad: Dyad, limit: int = 6) -> list[dict[str, Any]]:
    """Broken promises first, then the latest deliveries, then kept ones; each with its outcome."""
    base, params = _base(dyad, documents=True)
    rows = store.query(f"""
        SELECT c.commitment_id, c.doc_id, c.sentence_index, coalesce(c.made, c.due) AS date,
               coalesce(c.text, c.what, '') AS text, d.title, coalesce(d.source, d.path, c.origin) AS source,
               coalesce(l.status, 'unknown') AS status, l.delay_days, l.reason
        {base}
        ORDER BY CASE coalesce(l.status, 'unknown') WHEN 'broken' THEN 0 WHEN 'kept_late' THEN 1
                 WHEN 'kept' THEN 2 ELSE 3 END, l.delay_days DESC NULLS LAST, date DESC NULLS LAST,
                 c.commitment_id
        LIMIT ?""", params + [limit])
    if not rows:
        return []
    latest = latest_outcomes(store, dyad, [r["commitment_id"] for r in rows])
    items: list[dict[str, Any]] = []
    for r in rows:
        why = r["status"].replace("_", " ") + (f", {r['delay_days']} days late"   # "kept late": words, not a key
                                               if r["status"] == "kept_late" and r["delay_days"]
                                               else "")
        items.append(item(NAME, {**r, "kind": "commitment", "ref": r["commitment_id"]},
                          f"promise ({why})" + (f": {r['reason']}" if r.get("reason") else "")))
        o = latest.get(r["commitment_id"])
        if o:
            items.append(item(NAME, {**o, "kind": "outcome"}, f"outcome: {o['outcome']}"))
    return items[:limit]


details = no_details


def sentence(c: dict[str, Any], truster: str, trustee: str) -> str:
    """The numbers behind the score, in one sentence (each number as it is in `c`)."""
    k = c["counts"]
    return (f"{trustee} kept {k['kept']} of its {plural(c['rated'], 'rated commitment')} to {truster} on time, "
            f"{k['kept_late']} late and broke {k['broken']} (commitment score {f2(c['score'])})")


def plain(c: dict[str, Any], truster: str, trustee: str) -> str:
    """The component's evidence in words a reader without the model follows (the report's summary)."""
    k = c.get("counts") or {}
    open_ = []
    if k.get("pending"):
        open_.append(f"{k['pending']} still open")
    if k.get("unknown"):
        open_.append(f"{k['unknown']} with no known outcome")
    rest = f"; {' and '.join(open_)}" if open_ else ""
    return (f"of {plural(c.get('rated') or 0, 'promise')} to {truster} whose outcome is known, {trustee} kept "
            f"{k.get('kept', 0)} on time and {k.get('kept_late', 0)} late, and broke {k.get('broken', 0)}{rest}")
