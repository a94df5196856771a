"""What every command module shares: the Typer app, common options, store opening."""

from __future__ import annotations

import datetime as dt
import enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from trustledger import dates_arg
from trustledger.errors import UserError
from trustledger.output import Format
from trustledger.store.db import Store

app = typer.Typer(
    name="trustledger",
    help="Can one state trust another? Evidence-backed answers from news, event data and UN votes.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
err = Console(stderr=True, highlight=False)

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
    """A CAMEO/ISO3 code as given on the command line, upper-cased and checked for shape."""
    if value is None:
        return None
    code = value.strip().upper()
    if not (code.isalpha() and 3 <= len(code) <= 6):
        raise UserError(f"{what} {value!r} is not a CAMEO/ISO3 country code (e.g. IRN, RUS, USA)")
    return code


def open_store(db: Path, write: bool = False) -> Store:
    from trustledger.stages import open_store as open_fresh

    return open_fresh(db, write=write)
