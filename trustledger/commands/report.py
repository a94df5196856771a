"""`trustledger report TRUSTER TRUSTEE --html out.html --md out.md`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from trustledger.cli_common import DbOpt, app, country_arg, err, open_store, parse_day
from trustledger.country_prose import in_prose, tidy
from trustledger.errors import UserError
from trustledger.store.db import DEFAULT_DB


@app.command()
def report(
    truster: Annotated[str, typer.Argument(help="Who would trust (name or code, e.g. Iran or IRN).")],
    trustee: Annotated[str, typer.Argument(help="Whose record is read (e.g. Russia or RUS).")],
    html: Annotated[Path | None, typer.Option("--html", help="Write a self-contained HTML report here.")] = None,
    md: Annotated[Path | None, typer.Option("--md", help="Write a Markdown report here.")] = None,
    since: Annotated[str | None, typer.Option(help="Start of the period (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="End of the period (YYYY-MM-DD).")] = None,
    db: DbOpt = Path(DEFAULT_DB),
) -> None:
    """Write a report on whether TRUSTER can trust TRUSTEE: verdict, components, timeline, ledger, votes, evidence."""
    from trustledger.report.content import collect
    from trustledger.report.html import write_html
    from trustledger.report.markdown import render_markdown

    a, b = country_arg(truster, "truster"), country_arg(trustee, "trustee")
    start, end = parse_day(since, "--since"), parse_day(until, "--until")
    if start and end and start > end:
        raise UserError(f"--since {since} is after --until {until}")
    if html is None and md is None:
        html = Path("report.html")
    for out in (html, md):
        if out is not None and not out.parent.exists():
            raise UserError(f"{out}: folder {out.parent} does not exist")
        if out is not None and out.is_dir():
            raise UserError(f"{out}: is a folder, not a file")
    with open_store(db) as store:
        content = collect(store, a, b, start, end)
    try:
        if html is not None:
            write_html(content, html)
            err.print(f"wrote {html}", markup=False, soft_wrap=True)
        if md is not None:
            md.write_text(render_markdown(content), encoding="utf-8")
            err.print(f"wrote {md}", markup=False, soft_wrap=True)
    except OSError as e:
        raise UserError(f"{e.filename or html or md}: cannot write the report ({e.strerror or e})") from None
    verdict = content.assessment.get("verdict")
    score = content.assessment.get("score")
    # The last line a person reads: the question in names, then the answer ("Can Iran trust Russia?
    # mixed record (score 0.51)"); codes are for machine output.
    err.print(tidy(f"Can {in_prose(a)} trust {in_prose(b)}? {verdict}")
              + (f" (score {score:.2f})" if isinstance(score, int | float) else ""), markup=False, soft_wrap=True)
