"""`assess(store, truster, trustee)`: can `truster` trust `trustee`? A score in [0, 1] with a 90%
interval, a verdict word, the components that made it, by-year series and the evidence.

The JSON shape is the contract of docs/interfaces.md ("Assessment"); the report, the web app,
the Python API and `trustledger assess --format json` all return this one dict.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from trustledger.analysis.components import COMPONENTS
from trustledger.analysis.components.alignment import agreement_by_year
from trustledger.analysis.components.base import UNCOVERED, Dyad, aggregated, in_list
from trustledger.analysis.components.combine import combine, explain, top_evidence
from trustledger.analysis.components.series import from_yearly, yearly_all
from trustledger.country_names import label, resolve
from trustledger.errors import UserError
from trustledger.store.db import Store

EVIDENCE_PER_COMPONENT = 6
TOP_EVIDENCE = 10


def check_country(code: str, what: str = "country") -> str:
    """The CAMEO code of a country given by name, demonym, ISO2, ISO3 or CAMEO code
    (`trustledger.country_names.resolve`), else a one-line UserError naming `what` and the closest
    names. The assessment, compare, series and agreement all check their states here."""
    return resolve(code, what)


def make_dyad(truster: str, trustee: str, since: dt.date | None, until: dt.date | None) -> Dyad:
    a, b = check_country(truster, "truster"), check_country(trustee, "trustee")
    if a == b:
        raise UserError(f"truster and trustee are both {label(a)}: trust is between two states")
    if since and until and since > until:
        raise UserError(f"--since {since} is after --until {until}")
    return Dyad(a, b, since, until)


def _span(store: Store, dyad: Dyad) -> tuple[dt.date | None, dt.date | None]:
    """First and last date of anything the assessment used (when the period is open-ended)."""
    e1, p1 = in_list("source_country", dyad.trustee_codes + dyad.truster_codes)
    e2, p2 = in_list("target_country", dyad.trustee_codes + dyad.truster_codes)
    c1, p3 = in_list("promisor", dyad.trustee_codes)
    c2, p4 = in_list("promisee", dyad.truster_codes)
    period_e, p5 = dyad.period_sql("date")
    period_c, p6 = dyad.period_sql("coalesce(made, due)")
    # Events of the pair, either way: from the dyad-day aggregate (structured) and the text events when the
    # aggregate is fresh, else from every event.
    events = f"SELECT date AS d FROM events WHERE {e1} AND {e2} AND source_country <> target_country AND {period_e}"
    params = p1 + p2 + p5
    if aggregated(store):
        events = (f"SELECT date AS d FROM agg_dyad_day WHERE {e1} AND {e2} AND source_country <> target_country "
                  f"AND {period_e} UNION ALL {events} AND {UNCOVERED}")
        params = params + params
    row = store.query(f"""
        SELECT min(d) AS first, max(d) AS last FROM (
            {events}
            UNION ALL SELECT coalesce(made, due) FROM commitments
                      WHERE {c1} AND {c2} AND {period_c} AND same_as IS NULL)""",
                      params + p3 + p4 + p6)[0]
    first, last = row["first"], row["last"]
    years = [r["year"] for r in agreement_by_year(store, dyad)]
    if years:
        y0, y1 = dt.date(years[0], 1, 1), dt.date(years[-1], 12, 31)
        first = min(first, y0) if first else y0
        last = max(last, y1) if last else y1
    return first, last


def assess(store: Store, truster: str, trustee: str, since: dt.date | None = None,
           until: dt.date | None = None) -> dict[str, Any]:
    """The assessment of the dyad (truster, trustee) over [since, until] (open-ended when None)."""
    dyad = make_dyad(truster, trustee, since, until)
    yearly = yearly_all(store, dyad)
    components: dict[str, dict[str, Any]] = {}
    for c in COMPONENTS:
        body = c.score(sum(yearly[c.NAME].values(), c.Counts()))
        components[c.NAME] = {"score": body.pop("score"), "interval": body.pop("interval"), "weight": c.WEIGHT,
                              "n": body.pop("n"), **body, **c.details(store, dyad),
                              "evidence": c.evidence(store, dyad, EVIDENCE_PER_COMPONENT)}
    score, interval, word = combine(components)
    first, last = _span(store, dyad)
    return {
        "truster": dyad.truster, "trustee": dyad.trustee,
        "period": {"since": (since or first), "until": (until or last)},
        "score": score, "interval": interval, "verdict": word,
        "explanation": explain(dyad.truster, dyad.trustee, score, interval, word, components),
        "components": components,
        "series": from_yearly(yearly),
        "evidence": top_evidence(components, TOP_EVIDENCE),
    }
