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
from typing import Any

from trustledger import queries
from trustledger.country_names import resolve, resolve_actor
from trustledger.dates_arg import first_day, last_day
from trustledger.errors import UserError
from trustledger.output import flatten, to_json
from trustledger.store.db import Store

#: A day: a `datetime.date`, or YYYY-MM-DD (YYYY-MM and YYYY for a month's or year's first day in
#: `since`, its last in `until`), read by `trustledger.dates_arg`, the one day parser.
Day = str | dt.date | None


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
    """Long format: one row per component and year (value, n, interval bounds), as `trustledger series`."""
    import pandas as pd

    return pd.DataFrame(queries.series_rows(s), columns=queries.SERIES_COLUMNS)


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
        """Stored documents (`trustledger documents`)."""
        with self._store() as s:
            return ResultList(_jsonable(queries.documents(s, story, limit)))

    def events(self, source: str | None = None, target: str | None = None, root: str | None = None,
               since: Day = None, until: Day = None, origin: str | None = None, mode: str | None = None,
               limit: int | None = 1000, quad_class: int | None = None, both: bool = False,
               dyads: bool = False) -> ResultList:
        """Coded events in the CLI's JSON shape (`trustledger events`), oldest first."""
        args = (_actor(source, "source"), _actor(target, "target"), root, first_day(since), last_day(until),
                origin, mode)
        with self._store() as s:
            return ResultList(_jsonable(queries.events(s, *args, quad_class=quad_class, both=both, dyads=dyads,
                                                       limit=limit)))

    def ledger(self, promisor: str | None = None, promisee: str | None = None, status: str | None = None,
               since: Day = None, until: Day = None, limit: int | None = None, origin: str | None = None,
               show_merged: bool = False) -> ResultList:
        """Commitments with their outcomes and status, in the CLI's JSON shape (`trustledger ledger`)."""
        args = (_code(promisor, "promisor"), _code(promisee, "promisee"), status, first_day(since),
                last_day(until), origin, show_merged)
        with self._store() as s:
            return ResultList(_jsonable(queries.ledger(s, *args, limit=limit)))

    def votes(self, country: str | None = None, about: str | None = None, body: str | None = None,
              issue: str | None = None, limit: int | None = 1000, rcid: str | None = None, since: Day = None,
              until: Day = None) -> ResultList:
        """Roll-call votes, newest first (`trustledger votes`); `about` = roll calls aimed at that state."""
        args = (_code(country, "country"), _code(about, "about"), body, issue, rcid, first_day(since), last_day(until))
        with self._store() as s:
            return ResultList(_jsonable(queries.votes(s, *args, limit=limit)))

    def agreement(self, a: str, b: str, issue: str | None = None, since: Day = None, until: Day = None,
                  body: str | None = "UNGA") -> ResultList:
        """UN vote agreement by year: `year, agreement, votes, contested_agreement, contested_votes`
        (`trustledger agreement A B`)."""
        with self._store() as s:
            return ResultList(_jsonable(queries.agreement(s, a, b, issue, body, first_day(since), last_day(until))))

    # -- questions ---------------------------------------------------------------------
    def assess(self, truster: str, trustee: str, since: Day = None, until: Day = None) -> ResultDict:
        """The assessment dict; `.to_frame()` is the component table."""
        with self._store() as s:
            a = queries.assess(s, truster, trustee, first_day(since), last_day(until))
        return ResultDict(_jsonable(a), assessment_frame)

    def compare(self, truster: str, trustees: list[str] | str, since: Day = None, until: Day = None) -> ResultList:
        """One row per trustee (a single code or a list)."""
        names = [trustees] if isinstance(trustees, str) else list(trustees)
        with self._store() as s:
            return ResultList(_jsonable(queries.compare(s, truster, names, first_day(since), last_day(until))))

    def series(self, truster: str, trustee: str, since: Day = None, until: Day = None) -> ResultDict:
        """By-year series of every component: `{component: [{year, value, n, interval}]}`."""
        with self._store() as s:
            out = queries.series(s, truster, trustee, first_day(since), last_day(until))
        return ResultDict(_jsonable(out), series_frame)


def _code(value: str | None, what: str = "country") -> str | None:
    """A country given by name, demonym, ISO2, ISO3 or CAMEO code → its CAMEO code (the CLI's
    resolver); an unknown one raises `UnknownCountry`, a UserError, rather than matching nothing."""
    return resolve(value, what) if value is not None else None


def _actor(value: str | None, what: str) -> str | None:
    """A country (as `_code`) or a full CAMEO actor code (RUSGOV), for the event filters."""
    return resolve_actor(value, what) if value is not None else None


def open(db: str | Path = "trustledger.duckdb") -> Client:  # noqa: A001 - the verb users expect
    """Open a store for reading: `trustledger.open("demo.duckdb").assess("IRN", "RUS")`."""
    return Client(db)
