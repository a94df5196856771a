"""UN Security Council votes in a simple layout: `resolution, date, country, vote` (+ optional
`target`, `short`/`title`, `descr`). One row per member and resolution; e.g. our
`trustledger/data/unsc_iran_votes.csv`.

Each resolution becomes a roll call `UNSC-<number>` (body 'UNSC', resolution 'S/RES/<n> (<year>)',
`target` the state it is aimed at when given) and each row a vote with an ISO3/CAMEO country
code, whatever the file used (names, ISO2 or ISO3).
"""

from __future__ import annotations

from pathlib import Path

from trustledger.ingest.pipeline import FileResult, IngestOptions
from trustledger.ingest.structured import names
from trustledger.ingest.structured.loader import CsvSpec, FileLoad, Loaded, run_import
from trustledger.ingest.structured.sniff import read_head
from trustledger.ingest.structured.unvotes import vote_sql
from trustledger.store.db import Store

_TYPES = {"resolution": "INTEGER", "date": "DATE", "country": "VARCHAR", "vote": "VARCHAR", "target": "VARCHAR",
          "short": "VARCHAR", "title": "VARCHAR", "descr": "VARCHAR"}


def _spec(path: Path) -> CsvSpec:
    head = read_head(path, 4096)
    first = head.lines[0] if head and head.lines else ""
    delim = "\t" if first.count("\t") > first.count(",") else ","
    cols = [c.strip().strip('"') for c in first.split(delim)]
    return CsvSpec({c: _TYPES.get(c.lower(), "VARCHAR") for c in cols}, delim=delim, nullstr=("", "NA"))


def _body(load: FileLoad) -> Loaded:
    spec = _spec(load.data_path)
    lower = {c.lower(): c for c in spec.columns}
    col = {k: f'"{v}"' for k, v in lower.items()}
    staged = load.stage(spec)
    countries = names.name_table(load, f"SELECT {col['country']} FROM {staged.table}")
    target_expr = col.get("target", "NULL")
    targets = names.name_table(load, f"SELECT {target_expr} FROM {staged.table}")
    src = (f"(SELECT s.*, n.code AS _code, t.code AS _target FROM {staged.source} s "
           f"LEFT JOIN {countries} n ON n.value = s.{col['country']} "
           f"LEFT JOIN {targets} t ON t.value = {('s.' + target_expr) if 'target' in col else 'NULL'})")
    staged.source = src
    reason = f"""CASE WHEN {col['resolution']} IS NULL THEN 'no resolution number'
        WHEN {col['date']} IS NULL THEN 'no date'
        WHEN _code IS NULL THEN 'unknown country ' || coalesce({col['country']}, '(empty)')
        WHEN {vote_sql(col['vote'])} IS NULL THEN 'unknown vote ' || coalesce({col['vote']}, '(empty)') END"""
    raw = f"concat_ws(',', {col['resolution']}, {col['date']}, {col['country']}, {col['vote']})"
    checked = load.reject(staged, reason, raw)
    short = col.get("short", col.get("title", "NULL"))
    descr = col.get("descr", "NULL")
    rc = load.con.execute(f"""
        INSERT OR IGNORE INTO roll_calls (rcid, body, date, resolution, short, descr, target, file_id)
        SELECT 'UNSC-' || r, 'UNSC', min(d), 'S/RES/' || r || ' (' || year(min(d)) || ')', first(sh), first(de),
               first(tg), '{load.file_id}'
        FROM (SELECT {col['resolution']} AS r, {col['date']} AS d, {short} AS sh, {descr} AS de, _target AS tg
              FROM {src} s WHERE ({reason}) IS NULL)
        GROUP BY r""").fetchone()[0]
    added = load.con.execute(f"""
        INSERT OR IGNORE INTO votes (rcid, country, vote, file_id)
        SELECT 'UNSC-' || {col['resolution']}, _code, {vote_sql(col['vote'])}, '{load.file_id}'
        FROM {src} s WHERE ({reason}) IS NULL""").fetchone()[0]
    return Loaded(rows=staged.rows - checked, rejected=staged.rejected + checked,
                  added={"roll calls": int(rc), "votes": int(added)})


def import_unsc_votes(store: Store, path: Path, options: IngestOptions) -> FileResult:
    return run_import(store, path, "unsc_votes", _body)
