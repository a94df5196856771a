"""By-year series of every component, for trend plots.

Each year's value is the component's own formula applied to that year's counts (the same
counts that, summed, give the whole-period score), without the evidence minimum: a year with a
single rated commitment still gets a point, and `n` says how much it rests on. Years with no
evidence for a component are left out of its series. Reciprocity's base rate is the year's own.
"""

from __future__ import annotations

from typing import Any

from trustledger.analysis.components import COMPONENTS
from trustledger.analysis.components.base import Dyad
from trustledger.store.db import Store


def from_yearly(yearly: dict[str, dict[int | None, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for c in COMPONENTS:
        rows = []
        for year, counts in sorted((kv for kv in yearly[c.NAME].items() if kv[0] is not None), key=lambda kv: kv[0]):
            s = c.score(counts, minimum=False)
            if s["n"] and s["score"] is not None:
                rows.append({"year": year, "value": s["score"], "n": s["n"], "interval": s["interval"]})
        out[c.NAME] = rows
    return out


def yearly_all(store: Store, dyad: Dyad) -> dict[str, dict[int | None, Any]]:
    return {c.NAME: c.yearly(store, dyad) for c in COMPONENTS}


def series(store: Store, dyad: Dyad) -> dict[str, list[dict[str, Any]]]:
    return from_yearly(yearly_all(store, dyad))
