"""What every command module shares: the Typer app, common options, store opening."""

from __future__ import annotations

import datetime as dt
import enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from trustledger import dates_arg
from trustledger.output import Format
from trustledger.store.db import Store

app = typer.Typer(
    name="trustledger",
    help="Can one state trust another? Evidence-backed answers from news, event data and UN votes.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # click's help: wraps to the terminal, never cuts a default (issue 16.3)
    context_settings={"max_content_width": 160},
    add_completion=False,
)
err = Console(stderr=True, highlight=False)


def _print_version(value: bool) -> None:
    if value:
        from trustledger import __version__

        typer.echo(f"trustledger {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option(
        "--version", help="Print the version and exit.", callback=_print_version, is_eager=True)] = False) -> None:
    # The top-level options (the group's help text is the Typer app's `help`).
    pass

DbOpt = Annotated[Path, typer.Option("--db", help="Store file (DuckDB).", envvar="TRUSTLEDGER_DB")]
FmtOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]


class Engine(enum.StrEnum):
    local = "local"
    spark = "spark"


EngineOpt = Annotated[Engine, typer.Option("--engine", help="Where coding and aggregation run: this process, "
                                                            "or Apache Spark.")]
SparkMasterOpt = Annotated[str | None, typer.Option(
    "--spark-master", help="Spark master URL (default: $SPARK_MASTER, spark-submit's, or local[2]).")]
SparkDirOpt = Annotated[str | None, typer.Option(
    "--spark-dir", envvar="TRUSTLEDGER_SPARK_DIR",
    help="Folder for the Spark engine's Parquet hand-off; on a cluster, storage every node can reach.")]


def parse_day(value: str | None, what: str = "date", end: bool | None = None) -> dt.date | None:
    """A day option (YYYY-MM-DD, YYYY-MM or YYYY) through the one day parser, `trustledger.dates_arg`.

    A year or month alone is its first day, or its last for an `--until` option (or `end=True`).
    """
    if end is None:
        end = what.lstrip("-").startswith("until")
    return dates_arg.parse_day(value, what, end=end)


def country_arg(value: str | None, what: str = "country") -> str | None:
    """A country argument or option as the user typed it (name, demonym, ISO2, ISO3 or CAMEO code)
    → its CAMEO code, through the one resolver (`trustledger.country_names`). An unknown name is a
    one-line error naming the option and the closest names, never a filter that matches nothing."""
    if value is None:
        return None
    from trustledger.country_names import resolve

    return resolve(value, what)


def actor_arg(value: str | None, what: str = "actor") -> str | None:
    """A country (as `country_arg`) or a full CAMEO actor code (RUSGOV, IGOUNO), for the event
    filters (`trustledger.country_names.resolve_actor`)."""
    if value is None:
        return None
    from trustledger.country_names import resolve_actor

    return resolve_actor(value, what)


def open_store(db: Path, write: bool = False) -> Store:
    from trustledger.stages import open_store as open_fresh

    return open_fresh(db, write=write)
