"""`trustledger ledger`: every commitment with its status, evidence and outcomes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from trustledger.cli_common import DbOpt, FmtOpt, app, country_arg, open_store, parse_day
from trustledger.errors import UserError
from trustledger.output import Format, emit_rows
from trustledger.store.db import DEFAULT_DB


@app.command()
def ledger(
    db: DbOpt = Path(DEFAULT_DB), format: FmtOpt = Format.table,
    from_: Annotated[str | None, typer.Option("--from", help="Promisor country code (e.g. RUS).")] = None,
    to: Annotated[str | None, typer.Option("--to", help="Promisee country code (e.g. IRN).")] = None,
    status: Annotated[str | None, typer.Option(help="kept, kept_late, broken, pending or unknown.")] = None,
    since: Annotated[str | None, typer.Option(help="Only promises made on or after this day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Only promises made on or before this day.")] = None,
    origin: Annotated[str | None, typer.Option(help="Only one origin: text or sipri.")] = None,
    show_merged: Annotated[bool, typer.Option(
        "--show-merged", "--all",
        help="Also list SIPRI deals merged into the promise found in text about the same deal.")] = False,
) -> None:
    """What each state promised another, and what became of it (kept, kept_late, broken, pending, unknown)."""
    from trustledger.commitments import queries
    from trustledger.report.readable import outcome_groups, outcome_line

    status = status.strip().replace(" ", "_") if status else status  # "kept late" as the table shows it
    if status is not None and status not in queries.STATUSES:
        raise UserError(f"--status {status!r}: expected one of {', '.join(queries.STATUSES)}")
    with open_store(db) as store:
        rows = queries.ledger(store, country_arg(from_, "--from"), country_arg(to, "--to"), status,
                              parse_day(since, "--since"), parse_day(until, "--until"), origin, show_merged)
    if format == Format.table:
        rows = [{**r, "status": r["status"].replace("_", " "), "made": r["made_text"], "due": r["due_text"],
                 "fulfilled": r["fulfilled_text"],
                 "evidence": len(r["evidence"]), "outcomes": "; ".join(   # one line per month, each story once
            outcome_line(g) for g in outcome_groups(r["outcomes"])),
            "corroborated_by": ", ".join(r["corroborated_by"])} for r in rows]
    columns = ["promisor", "promisee", "what", "made", "due", "status", "fulfilled", "delay_days", "outcomes",
               "evidence"]
    if any(r["corroborated_by"] for r in rows):
        columns.append("corroborated_by")  # a SIPRI deal merged into the promise (the same deal)
    emit_rows(rows, format, columns)
