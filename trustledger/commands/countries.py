"""`trustledger countries [QUERY]`: the states every country argument accepts, by code and name."""

from __future__ import annotations

from typing import Annotated

import typer

from trustledger.cli_common import FmtOpt, app
from trustledger.output import Format, emit_rows

COLUMNS = ["code", "name", "iso2", "iso3", "until", "successor", "also"]


@app.command()
def countries(
    query: Annotated[str | None, typer.Argument(help="Only countries whose code is this, or whose name, other "
                                                     "names or demonym contain it (e.g. korea, RU, soviet).")] = None,
    format: FmtOpt = Format.table,
    territories: Annotated[bool, typer.Option(
        "--territories/--states", help="Also list ISO territories (Hong Kong, Puerto Rico...).")] = True,
) -> None:
    """List the countries every country argument accepts, with their codes and other names.

    CAMEO code (what the store uses), name, ISO2 and ISO3 codes, the last day of a former state and
    the state that continues it, and other names: any of these may be given where a command takes a
    country (assess, compare, events, ledger, votes, agreement, report)."""
    from trustledger.country_names import UnknownCountry, search, suggest

    found = [c for c in search(query) if territories or not c.territory]
    if not found:
        raise UnknownCountry(query or "", suggest(query or ""), "countries")
    rows = [{"code": c.code, "name": c.name, "iso2": c.iso2, "iso3": c.iso3, "until": c.valid_until,
             "successor": c.successor, "territory": c.territory, "also": "; ".join(c.aliases),
             "demonyms": list(c.demonyms)} for c in found]
    if format == Format.table:
        rows = [{**r, "also": r["also"] if len(r["also"]) <= 60 else r["also"][:59] + "…"} for r in rows]
    emit_rows(rows, format, COLUMNS)
