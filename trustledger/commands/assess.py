"""CLI verbs of the assessment: `assess TRUSTER TRUSTEE`, `compare TRUSTER TRUSTEE OTHER...`, `series`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from trustledger.cli_common import (
    DbOpt,
    Engine,
    EngineOpt,
    FmtOpt,
    SparkDirOpt,
    SparkMasterOpt,
    app,
    open_store,
    parse_day,
)
from trustledger.country_names import label
from trustledger.output import Format, console, emit_object, emit_rows
from trustledger.store.db import DEFAULT_DB

SinceOpt = Annotated[str | None, typer.Option("--since", help="First day of the period (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Last day of the period (YYYY-MM-DD).")]


@app.command()
def assess(
    truster: Annotated[str, typer.Argument(help="The state that would trust: a name or code (Iran, IRN, IR).")],
    trustee: Annotated[str, typer.Argument(help="The state whose record is judged (e.g. Russia or RUS).")],
    since: SinceOpt = None, until: UntilOpt = None,
    db: DbOpt = Path(DEFAULT_DB), format: FmtOpt = Format.table,
    engine: EngineOpt = Engine.local, spark_master: SparkMasterOpt = None, spark_dir: SparkDirOpt = None,
) -> None:
    """Can TRUSTER trust TRUSTEE? Score, interval, verdict, components and evidence."""
    from trustledger import queries

    result = _run(queries.assess, db, engine, spark_master, spark_dir, truster, trustee, since, until)
    if format == Format.table:
        print_assessment(result)
    else:
        emit_object(result, format)


@app.command()
def compare(
    truster: Annotated[str, typer.Argument(help="The state that would trust (e.g. IRN).")],
    trustees: Annotated[list[str], typer.Argument(help="Two or more states to put side by side (e.g. Russia US).")],
    since: SinceOpt = None, until: UntilOpt = None,
    db: DbOpt = Path(DEFAULT_DB), format: FmtOpt = Format.table,
    engine: EngineOpt = Engine.local, spark_master: SparkMasterOpt = None, spark_dir: SparkDirOpt = None,
) -> None:
    """Several trustees side by side for one truster; flags praise for the less reliable partner."""
    from trustledger import queries

    rows = _run(queries.compare, db, engine, spark_master, spark_dir, truster, trustees, since, until)
    if format == Format.table:
        flagged = [r for r in rows if r["flag"]]
        emit_rows([_compare_cell(r) for r in rows], format, COMPARE_COLUMNS if flagged else COMPARE_COLUMNS[:-1],
                  title=f"Can {label(rows[0]['truster'])} trust them?", short=COMPARE_SHORT,
                  notes=[f"{FLAG} {r['flag']}." for r in flagged])
    else:
        emit_rows(rows, format)


@app.command()
def series(
    truster: Annotated[str, typer.Argument(help="The state that would trust (e.g. IRN).")],
    trustee: Annotated[str, typer.Argument(help="The state whose record is judged (e.g. Russia or RUS).")],
    since: SinceOpt = None, until: UntilOpt = None,
    db: DbOpt = Path(DEFAULT_DB), format: FmtOpt = Format.table,
) -> None:
    """By-year value of every assessment component (one row per component and year), for trend plots."""
    from trustledger import queries

    s, u = parse_day(since, "--since"), parse_day(until, "--until")
    with open_store(db) as store:
        rows = queries.series_rows(queries.series(store, truster, trustee, s, u))
    emit_rows(rows, format, queries.SERIES_COLUMNS)


def _run(query: Callable[..., Any], db: Path, engine: Engine, master: str | None, work_dir: str | None,
         truster: str, trustees: str | list[str], since: str | None, until: str | None) -> Any:
    """`query(store, truster, trustees, since, until)`; with --engine spark, the aggregates the
    assessment reads are computed by Spark SQL first."""
    s, u = parse_day(since, "--since"), parse_day(until, "--until")
    with open_store(db, write=engine == Engine.spark) as store:
        if engine == Engine.spark:
            from trustledger.analysis.assess import check_country
            from trustledger.spark.aggregate import compute_spark

            others = [trustees] if isinstance(trustees, str) else trustees
            compute_spark(store, [check_country(c) for c in [truster, *others]], master, work_dir, reuse_fresh=True)
        return query(store, truster, trustees, s, u)


def _f(x: float | None) -> str:
    return "—" if x is None else f"{x:.2f}"


#: The compare table's columns; `flag` only when a row is flagged.
COMPARE_COLUMNS = ["trustee", "score", "interval", "verdict", "commitments", "say_do", "alignment", "reciprocity",
                   "praise", "warm_words", "flag"]
#: Header short forms for a narrow terminal (the caption spells them out): the component scores are
#: four-character numbers under eleven-character names, which otherwise wrap mid-word ("commitme/nts").
COMPARE_SHORT = {"commitments": "promises", "say_do": "say–do", "alignment": "UN", "reciprocity": "recip.",
                 "warm_words": "warm"}
#: The mark of a flagged row; the flag's sentence is printed under the table, where it reads whole.
FLAG = "⚑"


def _compare_cell(r: dict[str, Any]) -> dict[str, Any]:
    iv = r["interval"]
    return {"trustee": label(r["trustee"]), "score": _f(r["score"]),
            "interval": f"{_f(iv[0])}–{_f(iv[1])}" if iv else "—",
            "verdict": r["verdict"], **{k: _f(v) for k, v in r["components"].items()},
            "praise": r["words"]["praise"], "warm_words": _f(r["words"]["verbal_coop_share"]),
            "flag": FLAG if r["flag"] else ""}


def _label(component: str) -> str:
    """A component as people call it ("Say–do consistency"), not its JSON key (`say_do`)."""
    from trustledger.analysis.components import BY_NAME

    return BY_NAME[component].LABEL if component in BY_NAME else component


def print_assessment(a: dict[str, Any]) -> None:
    """A readable panel: verdict, score, interval, explanation, component table, top evidence."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    con = console(sys.stdout)
    iv = a["interval"]
    period = a["period"]
    head = Text()
    head.append(f"{a['verdict'].upper()}", style="bold")
    if a["score"] is not None:
        head.append(f"   score {_f(a['score'])}   90% interval {_f(iv[0])}–{_f(iv[1])}")
    head.append(f"\nperiod {period['since'] or '…'} to {period['until'] or '…'}\n\n")
    head.append(a["explanation"])
    comps = Table(title="Components", expand=True)
    comps.add_column("component", max_width=12 if con.width < 120 else None)  # narrow: the detail needs the room
    for col in ("score", "interval", "weight", "n"):
        comps.add_column(col, no_wrap=True)
    comps.add_column("detail", ratio=1, overflow="fold")
    for part, c in a["components"].items():
        ci = c["interval"]
        comps.add_row(_label(part), _f(c["score"]), f"{_f(ci[0])}–{_f(ci[1])}" if ci else "—",
                      f"{c['weight']:.2f}", str(c["n"]), c.get("detail", ""))
    # Two columns, the part and the reason on the evidence's first line: four narrow columns at 80
    # characters cut "promise (kept late, 4691 days late)" into one word a line.
    ev = Table(title="Top evidence", expand=True)
    ev.add_column("date", no_wrap=True)
    ev.add_column("evidence: part, why, the sentence (source)", ratio=1, overflow="fold")
    for e in a["evidence"]:
        src = e.get("title") or e.get("source") or ""
        if e.get("doc_id"):
            src = f"{src} [{e['doc_id']}#{e['sentence_index']}]"
        text = e["text"] if len(e["text"]) <= 300 else e["text"][:299] + "…"
        ev.add_row(str(e["date"] or ""), Text(f"{_label(e['component'])}: {e.get('why') or e['kind']}\n",
                                              style="bold")
                   + Text(text) + Text(f"\n— {src}" if src else "", style="dim"))
    if not a["evidence"]:
        ev.add_row("", "(no evidence in the store for this pair)")
    con.print(Panel(Group(head, comps, ev), title=f"Can {label(a['truster'])} trust {label(a['trustee'])}?"))
