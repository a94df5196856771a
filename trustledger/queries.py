"""One query function per question: what `trustledger documents`, `events`, `ledger`, `votes`,
`agreement`, `assess`, `compare` and `series` answer.

The command line (`trustledger/commands/`, `trustledger/cli.py`), the Python API
(`trustledger/api.py`) and the web app's JSON API and pages (`trustledger/web/`) call these
functions, or the function each one names, with the same arguments, so the three always give
the same answer (`tests/test_queries.py` checks it). Each takes an open `Store` and arguments
already parsed (days as `datetime.date` through `trustledger.dates_arg`, the one day parser),
takes every filter its command has, and checks what only it can check (a known country, a period
that does not end before it starts) with a one-line `UserError`.

| question    | function here    | the query it runs                                        |
|-------------|------------------|----------------------------------------------------------|
| documents   | `documents`      | `store.queries.documents`                                |
| events      | `events`         | `store.events_query.list_events`                         |
| ledger      | `ledger`         | `commitments.queries.ledger`                             |
|   one entry | `ledger_entry`   | `commitments.queries.ledger`, narrowed to the entry      |
| votes       | `votes`          | `analysis.votes.votes`                                   |
| agreement   | `agreement`      | `analysis.votes.yearly_agreement`                        |
| assess      | `assess`         | `analysis.assess.assess`                                 |
| compare     | `compare`        | `analysis.compare.compare`                               |
| series      | `series`         | `analysis.components.series.series`                      |

Implementations are imported when called, so that `trustledger --help` and `import trustledger`
stay light.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from trustledger.errors import UserError
from trustledger.store.db import Store

Day = dt.date | None


def check_period(since: Day, until: Day) -> None:
    if since and until and since > until:
        raise UserError(f"since {since} is after until {until}")


def documents(store: Store, story: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Stored documents, oldest first; near-duplicate copies share a `story_id`."""
    from trustledger.store.queries import documents as query

    return query(store, story, limit)


def events(store: Store, source: str | None = None, target: str | None = None, root: str | None = None,
           since: Day = None, until: Day = None, origin: str | None = None, mode: str | None = None,
           quad_class: int | None = None, both: bool = False, dyads: bool = False,
           limit: int | None = None) -> list[dict[str, Any]]:
    """Coded events, oldest first, in the DESIGN.md shape (`store.events_query.list_events`)."""
    from trustledger.store.events_query import list_events

    return list_events(store, source, target, root, since, until, origin, mode, limit, dyads=dyads,
                       quad_class=quad_class, both=both)


def ledger(store: Store, promisor: str | None = None, promisee: str | None = None, status: str | None = None,
           since: Day = None, until: Day = None, origin: str | None = None, show_merged: bool = False,
           limit: int | None = None) -> list[dict[str, Any]]:
    """Commitments with their evidence, outcomes and status, oldest promise first. A SIPRI deal merged
    into the promise found in text about it is one entry (`show_merged` lists it as well)."""
    from trustledger.commitments import queries

    if status is not None and status not in queries.STATUSES:
        raise UserError(f"--status {status!r}: expected one of {', '.join(queries.STATUSES)}")
    check_period(since, until)
    rows = queries.ledger(store, promisor, promisee, status, since, until, origin, show_merged)
    return rows[:limit] if limit else rows


def ledger_entry(store: Store, commitment_id: str) -> dict[str, Any] | None:
    """One entry of `ledger` (a merged SIPRI deal's too), or None when there is no such commitment.

    It is the `ledger` function's own entry, narrowed to the commitment's promisor, promisee,
    origin and date, so the entry and the list always agree on evidence and outcomes."""
    rows = store.query("SELECT promisor, promisee, origin, coalesce(made, due) AS day FROM commitments "
                       "WHERE commitment_id = ?", [commitment_id])
    if not rows:
        return None
    c = rows[0]
    entries = ledger(store, c["promisor"], c["promisee"], since=c["day"], until=c["day"], origin=c["origin"],
                     show_merged=True)
    return next((e for e in entries if e["commitment_id"] == commitment_id), None)


def votes(store: Store, country: str | None = None, about: str | None = None, body: str | None = None,
          issue: str | None = None, rcid: str | None = None, since: Day = None, until: Day = None,
          limit: int | None = None) -> list[dict[str, Any]]:
    """UN roll-call votes with their roll calls, newest first (`analysis.votes.votes`)."""
    from trustledger.analysis.votes import votes as query

    return query(store, country, about, body, issue, limit, rcid=rcid, since=since, until=until)


def agreement(store: Store, a: str, b: str, issue: str | None = None, body: str | None = "UNGA",
              since: Day = None, until: Day = None) -> list[dict[str, Any]]:
    """UN vote agreement of two states by year (`year, agreement, votes, contested_agreement,
    contested_votes`) over the years of the period; General Assembly roll calls by default."""
    from trustledger.analysis.assess import check_country
    from trustledger.analysis.votes import yearly_agreement

    code_a, code_b = check_country(a, "first country"), check_country(b, "second country")
    if code_a == code_b:
        raise UserError(f"agreement needs two different states (got {code_a} twice)")
    check_period(since, until)
    return yearly_agreement(store, code_a, code_b, issue, body, since, until)


def assess(store: Store, truster: str, trustee: str, since: Day = None, until: Day = None) -> dict[str, Any]:
    """Can `truster` trust `trustee`? The assessment dict (`analysis.assess.assess`)."""
    from trustledger.analysis.assess import assess as run

    return run(store, truster, trustee, since, until)


def compare(store: Store, truster: str, trustees: list[str], since: Day = None,
            until: Day = None) -> list[dict[str, Any]]:
    """One row per trustee, in the order given (`analysis.compare.compare`)."""
    from trustledger.analysis.compare import compare as run

    return run(store, truster, trustees, since, until)


def series(store: Store, truster: str, trustee: str, since: Day = None,
           until: Day = None) -> dict[str, list[dict[str, Any]]]:
    """By-year value of every assessment component: `{component: [{year, value, n, interval}]}`."""
    from trustledger.analysis.assess import make_dyad
    from trustledger.analysis.components.series import series as run

    return run(store, make_dyad(truster, trustee, since, until))


#: Columns of `series_rows`.
SERIES_COLUMNS = ["component", "year", "value", "n", "low", "high"]


def series_rows(out: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """`series` in long form, one row per component and year (`trustledger series`, `.to_frame()`)."""
    return [{"component": name, "year": p["year"], "value": p["value"], "n": p["n"],
             "low": (p.get("interval") or [None, None])[0], "high": (p.get("interval") or [None, None])[1]}
            for name, points in out.items() for p in points]
