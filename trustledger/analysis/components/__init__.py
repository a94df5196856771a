"""The four parts of a trust assessment, each one module with one job, and the tuple that lists them.

Every component module has the shape of `Component`, so that the assessment, the combined score,
the by-year series, the report and the tests loop over `COMPONENTS` and treat them alike:

* ``NAME``, ``WEIGHT`` (its share of the combined score), ``LABEL`` (what reports call it), ``UNIT``
  (what its evidence count counts) and ``SUFFICES_ALONE`` (whether it can carry a combined score
  without any other component);
* ``yearly(store, dyad) -> dict[int, Counts]``: the counts behind the component, aggregated by
  year in SQL (the store does the work; Python only sees one row per year);
* ``score(counts, minimum=True) -> dict``: pure arithmetic on (summed) counts — the score, its 90%
  interval and the numbers an analyst needs to check it by hand;
* ``details(store, dyad) -> dict``: what the component adds to the assessment JSON beyond that;
* ``evidence(store, dyad, limit) -> list[dict]``: the rows that carry the most weight, as
  evidence items (sentence, document, date, title);
* ``sentence(component, truster, trustee) -> str``: the numbers behind the score, in words;
* ``plain(component, truster, trustee) -> str``: the evidence in words a reader without the model
  follows (the report's summary: "what pulls it down most").

Summing the yearly counts gives the whole-period counts, so the by-year series and the overall
score use one formula.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from trustledger.analysis.components import alignment, commitments_score, reciprocity, say_do

if TYPE_CHECKING:
    from trustledger.analysis.components.base import Dyad
    from trustledger.store.db import Store


class Component(Protocol):
    NAME: str
    WEIGHT: float
    LABEL: str
    UNIT: str
    SUFFICES_ALONE: bool
    Counts: type

    def yearly(self, store: Store, dyad: Dyad) -> dict[int | None, Any]: ...

    def score(self, counts: Any, minimum: bool = True) -> dict[str, Any]: ...

    def details(self, store: Store, dyad: Dyad) -> dict[str, Any]: ...

    def evidence(self, store: Store, dyad: Dyad, limit: int = 6) -> list[dict[str, Any]]: ...

    def sentence(self, c: dict[str, Any], truster: str, trustee: str) -> str: ...

    def plain(self, c: dict[str, Any], truster: str, trustee: str) -> str: ...


#: The components, in the order the assessment lists them.
COMPONENTS: tuple[Component, ...] = (commitments_score, say_do, alignment, reciprocity)  # type: ignore[assignment]
BY_NAME: dict[str, Component] = {c.NAME: c for c in COMPONENTS}
