"""The Python API: the CLI's verbs for notebooks.

    import trustledger
    tl = trustledger.open("demo.duckdb")
    a = tl.assess("IRN", "RUS")            # the same dict as `trustledger assess --format json`
    a["verdict"], a.to_frame()             # components as a DataFrame
    tl.compare("IRN", ["RUS", "USA"]).to_frame()
    tl.series("IRN", "RUS").to_frame()     # year × component, ready to plot

Each call opens the store read-only and closes it again, so a notebook never holds the file
lock that `trustledger ingest` needs. Results are plain lists and dicts (they compare equal to
the JSON the CLI prints) with a `.to_frame()` that returns a pandas DataFrame.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from trustledger.errors import UserError
from trustledger.output import flatten, to_json
from trustledger.store.db import Store

T = TypeVar("T")


def _day(value: str | dt.date | None, what: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UserError(f"{what} {value!r} is not a date (expected YYYY-MM-DD)") from None


class ResultList(list):
    """A list of JSON-shaped rows; `.to_frame()` flattens nested objects into dotted columns."""

    def to_frame(self):
        import pandas as pd

        return pd.DataFrame([flatten(r) for r in self])

    def to_json(self) -> str:
        return to_json(list(self))


class ResultDict(dict):
    """A JSON-shaped object; `.to_frame()` gives its most useful table (see each method)."""

    def __init__(self, data: dict[str, Any], frame: Callable[[dict[str, Any]], Any] | None = None) -> None:
        super().__init__(data)
        self._frame = frame

    def to_frame(self):
        import pandas as pd

        if self._frame is not None:
            return self._frame(self)
        return pd.DataFrame([flatten(dict(self))])

    def to_json(self) -> str:
        return to_json(dict(self))


def assessment_frame(a: dict[str, Any]):
    """One row per component: score, interval bounds, weight, n (plus the combined row)."""
    import pandas as pd

    rows = [{"component": name, "score": c["score"], "low": (c["interval"] or [None, None])[0],
             "high": (c["interval"] or [None, None])[1], "weight": c["weight"], "n": c["n"],
             "detail": c.get("detail")} for name, c in a["components"].items()]
    iv = a["interval"] or [None, None]
    rows.append({"component": "combined", "score": a["score"], "low": iv[0], "high": iv[1], "weight": None,
                 "n": sum(c["n"] for c in a["components"].values()), "detail": a["verdict"]})
    return pd.DataFrame(rows)


def series_frame(s: dict[str, Any]):
    """Long format: one row per component and year (value, n, interval bounds)."""
    import pandas as pd

    rows = [{"component": name, "year": p["year"], "value": p["value"], "n": p["n"],
             "low": (p.get("interval") or [None, None])[0], "high": (p.get("interval") or [None, None])[1]}
            for name, points in s.items() for p in points]
    return pd.DataFrame(rows, columns=["component", "year", "value", "n", "low", "high"])


def _jsonable(o: Any) -> Any:
    """Dates become ISO strings, as in the CLI's JSON, so API results equal the JSON output."""
    return json.loads(to_json(o, indent=None))


class Client:
    """A store, read-only, with the CLI's verbs as methods."""

    def __init__(self, db: str | Path) -> None:
        self.db = Path(db)
        if not self.db.exists():
            raise UserError(f"{self.db}: no store here (run `trustledger ingest ... --db {self.db}` first)")

    def __repr__(self) -> str:
        return f"trustledger.Client({str(self.db)!r})"

    @contextmanager
    def _store(self) -> Iterator[Store]:
        from trustledger.stages import open_store

        store = open_store(self.db)
        try:
            yield store
        finally:
            store.close()

    # -- lists -------------------------------------------------------------------------
    def documents(self, story: str | None = None, limit: int | None = None) -> ResultList:
        from trustledger.store import queries

        with self._store() as s:
            return ResultList(_jsonable(queries.documents(s, story, limit)))

    def events(self, source: str | None = None, target: str | None = None, root: str | None = None,
               since: str | dt.date | None = None, until: str | dt.date | None = None, origin: str | None = None,
               mode: str | None = None, limit: int | None = 1000) -> ResultList:
        """Coded events in the CLI's JSON shape (`trustledger events`), oldest first."""
        s_, u_ = _day(since, "since"), _day(until, "until")
        with self._store() as s:
            try:
                from trustledger.store.events_query import list_events
            except ImportError:                      # the coder's query module not installed
                from trustledger.report.data import events as report_events

                rows = report_events(s, _code(source), _code(target), s_, u_, limit=limit)
            else:
                rows = list_events(s, _code(source), _code(target), root, s_, u_, origin, mode, limit)
        return ResultList(_jsonable(rows))

    def ledger(self, promisor: str | None = None, promisee: str | None = None, status: str | None = None,
               since: str | dt.date | None = None, until: str | dt.date | None = None,
               limit: int | None = None) -> ResultList:
        """Commitments with their outcomes and status, in the CLI's JSON shape (`trustledger ledger`)."""
        args = (_code(promisor), _code(promisee), status, _day(since, "since"), _day(until, "until"))
        try:
            from trustledger.commitments.queries import ledger
        except ImportError:
            from trustledger.report.data import ledger
        with self._store() as s:
            rows = ledger(s, *args)
        return ResultList(_jsonable(rows[:limit] if limit else rows))

    def votes(self, country: str | None = None, about: str | None = None, body: str | None = None,
              issue: str | None = None, limit: int | None = 1000) -> ResultList:
        """Roll-call votes, newest first (`trustledger votes`); `about` = roll calls aimed at that state."""
        from trustledger.analysis.votes import votes

        with self._store() as s:
            return ResultList(_jsonable(votes(s, _code(country), _code(about), body, issue, limit)))

    def agreement(self, a: str, b: str, issue: str | None = None, since: str | dt.date | None = None,
                  until: str | dt.date | None = None) -> ResultList:
        """UN vote agreement by year: `year, agreement, votes, contested_agreement, contested_votes`
        (`trustledger agreement A B`)."""
        from trustledger.analysis.assess import make_dyad
        from trustledger.analysis.components.alignment import agreement_by_year, agreement_row

        dyad = make_dyad(a, b, _day(since, "since"), _day(until, "until"))
        with self._store() as s:
            if issue:
                from trustledger.analysis.votes import agreement

                rows = [r for r in agreement(s, dyad.truster, dyad.trustee, issue)
                        if (dyad.since is None or r["year"] >= dyad.since.year)
                        and (dyad.until is None or r["year"] <= dyad.until.year)]
            else:
                rows = agreement_by_year(s, dyad)
        return ResultList([agreement_row(r) for r in rows])

    # -- questions ---------------------------------------------------------------------
    def assess(self, truster: str, trustee: str, since: str | dt.date | None = None,
               until: str | dt.date | None = None) -> ResultDict:
        """The assessment dict; `.to_frame()` is the component table."""
        from trustledger.analysis.assess import assess

        with self._store() as s:
            a = assess(s, truster, trustee, _day(since, "since"), _day(until, "until"))
        return ResultDict(_jsonable(a), assessment_frame)

    def compare(self, truster: str, trustees: list[str] | str, since: str | dt.date | None = None,
                until: str | dt.date | None = None) -> ResultList:
        """One row per trustee (a single code or a list)."""
        from trustledger.analysis.compare import compare

        names = [trustees] if isinstance(trustees, str) else list(trustees)
        with self._store() as s:
            return ResultList(_jsonable(compare(s, truster, names, _day(since, "since"), _day(until, "until"))))

    def series(self, truster: str, trustee: str, since: str | dt.date | None = None,
               until: str | dt.date | None = None) -> ResultDict:
        """By-year series of every component: `{component: [{year, value, n, interval}]}`."""
        from trustledger.analysis.assess import make_dyad
        from trustledger.analysis.components.series import series

        with self._store() as s:
            out = series(s, make_dyad(truster, trustee, _day(since, "since"), _day(until, "until")))
        return ResultDict(_jsonable(out), series_frame)


def _code(value: str | None) -> str | None:
    return value.strip().upper() if value else None


def open(db: str | Path = "trustledger.duckdb") -> Client:  # noqa: A001 - the verb users expect
    """Open a store for reading: `trustledger.open("demo.duckdb").assess("IRN", "RUS")`."""
    return Client(db)
