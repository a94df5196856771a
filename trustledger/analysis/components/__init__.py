"""The four parts of a trust assessment, each a small module with one job.

Every component module has the same shape, so that the assessment, the by-year series and the
tests treat them alike:

* ``yearly(store, dyad) -> dict[int, Counts]``: the counts behind the component, aggregated by
  year in SQL (the store does the work; Python only sees one row per year);
* ``score(counts, dyad) -> dict``: pure arithmetic on (summed) counts — the score, its 90%
  interval and the numbers an analyst needs to check it by hand;
* ``evidence(store, dyad, limit) -> list[dict]``: the rows that carry the most weight, as
  evidence items (sentence, document, date, title).

Summing the yearly counts gives the whole-period counts, so the by-year series and the overall
score use one formula.
"""

COMPONENTS: tuple[str, ...] = ("commitments", "say_do", "alignment", "reciprocity")
