"""`trustledger events` (list coded events) and `trustledger code` (re-code the whole store)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from trustledger.cli_common import (
    DbOpt,
    Engine,
    EngineOpt,
    FmtOpt,
    SparkDirOpt,
    SparkMasterOpt,
    actor_arg,
    app,
    err,
    open_store,
    parse_day,
)
from trustledger.errors import UserError
from trustledger.output import Format, emit_rows
from trustledger.store.db import DEFAULT_DB

#: Columns of the table view (JSON, JSON Lines and CSV carry every key).
TABLE_COLUMNS = ["date", "source", "cameo", "target", "mode", "quote", "negated", "text"]


@app.command()
def events(
    db: DbOpt = Path(DEFAULT_DB), format: FmtOpt = Format.table,
    source: Annotated[str | None, typer.Option(
        help="Source country (name or code: Iran, IRN) or actor code (RUSGOV).")] = None,
    target: Annotated[str | None, typer.Option(help="Target country (name or code) or actor code.")] = None,
    root: Annotated[str | None, typer.Option(help="CAMEO root code, 01–20 (e.g. 03 intents, 16 sanctions).")] = None,
    since: Annotated[str | None, typer.Option(help="First day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Last day (YYYY-MM-DD).")] = None,
    mode: Annotated[str | None, typer.Option(help="said or did.")] = None,
    origin: Annotated[str | None, typer.Option(help="text, gdelt1, gdelt2, icews or table.")] = None,
    limit: Annotated[int | None, typer.Option(min=1)] = None,
    dyads: Annotated[bool, typer.Option("--dyads", help="Only acts between two different states (what the "
                                                        "assessment reads); by default every coded event, "
                                                        "domestic and untargeted ones too.")] = False,
) -> None:
    """Coded events (who did what to whom, when), with their evidence sentence."""
    from trustledger.store.events_query import list_events

    s, u = parse_day(since, "--since"), parse_day(until, "--until")
    with open_store(db) as store:  # the query checks root, mode and period (one place for CLI, API and web)
        rows = list_events(store, actor_arg(source, "--source"), actor_arg(target, "--target"), root,
                           s, u, origin, mode, limit, dyads=dyads)
    emit_rows(rows, format, TABLE_COLUMNS)


@app.command()
def code(
    db: DbOpt = Path(DEFAULT_DB),
    actors: Annotated[list[Path] | None, typer.Option(
        "--actors", help="PETRARCH/Phoenix actor or agent dictionary used on top of ours (repeatable).")] = None,
    verbs: Annotated[list[Path] | None, typer.Option(
        "--verbs", help="PETRARCH verb dictionary (CAMEO.2.0.txt) or verbs.csv extending ours (repeatable).")] = None,
    progress: Annotated[bool | None, typer.Option(help="Show a progress bar (default: on a terminal).")] = None,
    engine: EngineOpt = Engine.local,
    spark_master: SparkMasterOpt = None,
    spark_dir: SparkDirOpt = None,
) -> None:
    """Re-code every stored document (after the dictionaries or rules changed), in one transaction."""
    import sys

    from trustledger.coding.recode import recode

    if not db.exists():
        raise UserError(f"{db}: no store here (run `trustledger ingest ... --db {db}` first)")
    with open_store(db, write=True) as store:
        if engine == Engine.spark:
            from trustledger.spark.recode import spark_recode

            result = spark_recode(store, [str(a) for a in actors or []], [str(v) for v in verbs or []],
                                  master=spark_master, work_dir=spark_dir)
        else:
            result = recode(store, [str(a) for a in actors or []], [str(v) for v in verbs or []],
                            progress=sys.stderr.isatty() if progress is None else progress, console=err)
    err.print(f"re-coded {result.documents} documents ({result.sentences} sentences): {result.removed} text "
              f"events replaced by {result.events}", markup=False, soft_wrap=True)
