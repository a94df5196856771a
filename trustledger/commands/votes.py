"""`trustledger votes` and `trustledger agreement`: UN roll-call votes from the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from trustledger.cli_common import DbOpt, FmtOpt, app, country_arg, open_store
from trustledger.output import Format, emit_rows
from trustledger.store.db import DEFAULT_DB

BodyOpt = Annotated[str | None, typer.Option(help="Only this body: UNGA or UNSC (or all).")]
IssueOpt = Annotated[str | None, typer.Option(help="Only roll calls on this issue (name or short name, "
                                                   "e.g. 'Human rights' or hr).")]


@app.command()
def votes(
    db: DbOpt = Path(DEFAULT_DB), format: FmtOpt = Format.table,
    country: Annotated[str | None, typer.Option(help="Votes of this state (name or code: Russia, RUS, RU).")] = None,
    about: Annotated[str | None, typer.Option(help="Roll calls aimed at or naming this state (e.g. Iran).")] = None,
    body: BodyOpt = None, issue: IssueOpt = None,
    limit: Annotated[int, typer.Option(min=0, help="At most this many rows (0: all).")] = 1000,
) -> None:
    """UN roll-call votes (General Assembly and Security Council), newest first."""
    from trustledger import queries
    from trustledger.analysis.votes import VOTE_COLUMNS, why_no_votes

    with open_store(db) as store:
        rows = queries.votes(store, country_arg(country, "--country"), country_arg(about, "--about"), body, issue,
                             limit=limit or None)
        why = None if rows else why_no_votes(store, country, about)
    emit_rows(rows, format, VOTE_COLUMNS, notes=[why] if why and format == Format.table else None)


@app.command()
def agreement(
    a: Annotated[str, typer.Argument(help="First state (name or code: Iran, IRN, IR).")],
    b: Annotated[str, typer.Argument(help="Second state (e.g. Russia or RUS).")],
    db: DbOpt = Path(DEFAULT_DB), format: FmtOpt = Format.table,
    issue: IssueOpt = None,
    body: Annotated[str, typer.Option(help="UNGA (the default, as in the literature), UNSC or all.")] = "UNGA",
) -> None:
    """UN voting agreement of two states by year (1 same vote, 0.5 one abstains, 0 yes against no), over all
    roll calls and over contested ones (at least 10% of the members present voted no)."""
    from trustledger import queries
    from trustledger.analysis.votes import AGREEMENT_COLUMNS

    with open_store(db) as store:
        rows = queries.agreement(store, a, b, issue, body)
    emit_rows(rows, format, AGREEMENT_COLUMNS)
