"""The `trustledger` command line: one verb per pipeline stage or question."""

from __future__ import annotations

import os
import sys
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
    app,
    err,
    open_store,
    parse_day,
)
from trustledger.errors import UserError
from trustledger.output import Format, emit_object, emit_rows
from trustledger.store.db import DEFAULT_DB


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders: articles (txt, md, html, jsonl, .gz) "
                                                    "and data sets (GDELT, ICEWS, UN votes, SIPRI...).")],
    db: DbOpt = Path(DEFAULT_DB),
    date: Annotated[str | None, typer.Option(help="Date for documents that carry none (YYYY-MM-DD).")] = None,
    encoding: Annotated[str | None, typer.Option(help="Text encoding when not UTF-8 (e.g. latin-1).")] = None,
    dup_threshold: Annotated[float, typer.Option(
        help="Near-duplicate threshold: share of the shorter text's 3-word shingles found in the other.",
        min=0.05, max=1.0)] = 0.7,
    code: Annotated[bool, typer.Option(help="Code events and commitments while ingesting.")] = True,
    dedupe: Annotated[bool, typer.Option("--dedupe", help="Collapse repeated event rows (one per day, dyad "
                                                           "and code) in event data sets.")] = False,
    map_: Annotated[list[str] | None, typer.Option("--map", help="Column mapping for CAMEO tables, e.g. "
                                                              "source=Actor1CountryCode,target=...")] = None,
    progress: Annotated[bool | None, typer.Option(help="Show progress bars (default: on a terminal).")] = None,
    memory_limit: Annotated[str | None, typer.Option(
        help="Memory for loading data sets, e.g. 4GB or 50% (default: $TRUSTLEDGER_MEMORY_LIMIT, else 60% of "
             "RAM); DuckDB spills the rest to <db>.tmp.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="One line per file as it is stored.")] = False,
    actors: Annotated[list[Path] | None, typer.Option(
        "--actors", help="PETRARCH/Phoenix actor or agent dictionary used on top of ours (repeatable).")] = None,
    verbs: Annotated[list[Path] | None, typer.Option(
        "--verbs", help="PETRARCH verb dictionary (CAMEO.2.0.txt) or verbs.csv extending ours (repeatable).")] = None,
    engine: EngineOpt = Engine.local,
    spark_master: SparkMasterOpt = None,
    spark_dir: SparkDirOpt = None,
) -> None:
    """Load articles and data sets into the store (idempotent; one transaction per file)."""
    from trustledger.ingest.pipeline import IngestOptions, Ingestor

    options = IngestOptions(
        date=parse_day(date, "--date"), encoding=encoding, dup_threshold=dup_threshold, code=code,
        dedupe_events=dedupe, column_map=parse_map(map_ or []),
        progress=sys.stderr.isatty() if progress is None else progress,
        actor_files=[str(a) for a in actors or []], verb_files=[str(v) for v in verbs or []],
    )
    from trustledger.ingest.structured.limits import requested

    with requested(memory_limit), open_store(db, write=True) as store:
        on_file = _print_file if verbose else None
        if engine == Engine.spark:
            from trustledger.spark.documents import spark_ingest

            report = spark_ingest(store, paths, options, err, on_file=on_file, master=spark_master,
                                  work_dir=spark_dir)
        else:
            report = Ingestor(store, options, err, on_file=on_file).run(paths)
        counts = store.counts()
    for f in report.files:
        if f.status == "failed":
            err.print(f"error: {f.path}: {f.message}", markup=False, soft_wrap=True)
        elif f.message:
            err.print(f"warning: {f.path}: {f.message}", markup=False, soft_wrap=True)
    loaded = [f for f in report.files if f.status == "loaded"]
    unchanged = [f for f in report.files if f.status == "unchanged"]
    summary = (f"{len(loaded)} file(s) loaded, {len(unchanged)} unchanged, {len(report.failed)} failed: "
               f"+{report.total('documents')} documents, +{report.total('sentences')} sentences, "
               f"+{report.total('events')} events, +{report.total('rows')} data rows; "
               f"store holds {counts['documents']} documents, {counts['events']} events, {counts['votes']} votes")
    if report.rejected_rows:
        summary += f"; {report.rejected_rows} row(s) rejected (see `trustledger rejects`)"
    failed_sentences = report.total("failed_sentences")
    if failed_sentences:
        summary += (f"; {failed_sentences} sentence(s) could not be coded (their documents are stored; "
                    "see `trustledger rejects`)")
    err.print(summary, markup=False, soft_wrap=True)
    if report.failed or report.rejected_rows:
        raise typer.Exit(1)


def _print_file(f) -> None:
    if f.status != "failed":
        detail = f"+{f.documents} documents, +{f.sentences} sentences, +{f.events} events, +{f.rows} rows"
        err.print(f"{f.status}: {f.path} ({f.kind}): {detail}", markup=False, soft_wrap=True)
    err.file.flush()


def parse_map(items: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for item in items:
        for part in item.split(","):
            if not part.strip():
                continue
            key, sep, value = part.partition("=")
            if not sep or not key.strip() or not value.strip():
                raise UserError(f"--map {part!r}: expected field=Column")
            mapping[key.strip()] = value.strip()
    return mapping


@app.command()
def stats(db: DbOpt = Path(DEFAULT_DB), format: FmtOpt = Format.table) -> None:
    """Row count of every table."""
    with open_store(db) as store:
        emit_object(store.counts(), format)


@app.command()
def documents(
    db: DbOpt = Path(DEFAULT_DB), format: FmtOpt = Format.table,
    story: Annotated[str | None, typer.Option(help="Only the copies of this story_id.")] = None,
    limit: Annotated[int | None, typer.Option(min=1)] = None,
) -> None:
    """List stored documents; near-duplicate copies share a story_id."""
    from trustledger.store import queries

    with open_store(db) as store:
        rows = queries.documents(store, story, limit)
    emit_rows(rows, format, ["doc_id", "story_id", "date", "title", "sentences", "path"])


@app.command()
def sentences(
    doc_id: str, db: DbOpt = Path(DEFAULT_DB), format: FmtOpt = Format.table,
) -> None:
    """The sentences of one document, with character offsets."""
    from trustledger.store import queries

    with open_store(db) as store:
        rows = queries.sentences(store, doc_id)
    if not rows:
        raise UserError(f"no document {doc_id!r} in {db}")
    emit_rows(rows, format)


@app.command()
def rejects(
    db: DbOpt = Path(DEFAULT_DB), format: FmtOpt = Format.table,
    limit: Annotated[int | None, typer.Option(min=1)] = 200,
) -> None:
    """Rows and records that could not be loaded, and sentences a text stage could not analyse.

    Rows and records give their file and line; sentences their document, sentence, stage and error
    (or that they were analysed slowly)."""
    from trustledger.store import queries

    with open_store(db) as store:
        emit_rows(queries.rejects(store, limit), format)


@app.command()
def export(
    to: Annotated[Path, typer.Option("--to", help="Folder for the Parquet files.")],
    db: DbOpt = Path(DEFAULT_DB),
) -> None:
    """Write every table as Parquet (one file per table)."""
    from trustledger.store.export import export_parquet

    with open_store(db) as store:
        written = export_parquet(store, to)
    err.print(f"wrote {len(written)} tables to {to}: " + ", ".join(f"{k} {v}" for k, v in written.items()),
              markup=False, soft_wrap=True)


# The command modules register their verbs on `app` when imported (see `trustledger.commands`).
COMMAND_MODULES: tuple[str, ...] = (
    "trustledger.commands.events",        # events, code
    "trustledger.commands.assess",        # assess, compare, series
    "trustledger.commands.report",        # report
    "trustledger.commands.serve",         # serve
    "trustledger.commands.votes",         # votes, agreement
    "trustledger.commands.countries",     # countries
    "trustledger.commands.ledger",        # ledger
)


def _load_command_modules() -> None:
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(name)


def main() -> None:
    _load_command_modules()
    try:
        app()
    except UserError as e:
        err.print(f"error: {e}", markup=False, soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("interrupted", markup=False)
        sys.exit(130)
    except Exception as e:  # noqa: BLE001 - one line for the user, the traceback on request
        if os.environ.get("TRUSTLEDGER_DEBUG"):
            raise
        err.print(f"internal error: {type(e).__name__}: {e} (set TRUSTLEDGER_DEBUG=1 for the traceback)",
                  markup=False, soft_wrap=True)
        sys.exit(3)


if __name__ == "__main__":
    main()
