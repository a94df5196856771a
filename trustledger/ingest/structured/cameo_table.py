"""Any CAMEO-coded event table (CSV, TSV or Parquet) → the `events` table, given its columns.

`--map field=Column,...` names the columns; a table whose header already uses our field names
needs no map. Fields: `source`, `target` (country codes, names, or full CAMEO actor codes such as
IRNGOV), `cameo`, `date` (required); `event_id`, `goldstein`, `quad_class`, `root`,
`source_role`, `target_role`, `source_text`, `target_text`, `text` (optional). Missing Goldstein
weights, roots and quad classes come from the CAMEO codebook. A file that matches no known layout
and has no usable map is refused with one line saying which layouts were expected.
"""

from __future__ import annotations

from pathlib import Path

from trustledger.errors import InputError
from trustledger.ingest.pipeline import FileResult, IngestOptions
from trustledger.ingest.structured import names
from trustledger.ingest.structured.events import codebook_table, load_events, mode_sql, quad_sql
from trustledger.ingest.structured.loader import CsvSpec, FileLoad, Loaded, Staged, run_import
from trustledger.ingest.structured.sniff import EXPECTED, data_suffix, read_head
from trustledger.store.db import Store

REQUIRED = ("source", "target", "cameo", "date")
OPTIONAL = ("event_id", "goldstein", "quad_class", "root", "source_role", "target_role", "source_text",
            "target_text", "text")


def _header(load: FileLoad) -> tuple[list[str], str]:
    if data_suffix(load.path) == ".parquet":
        rows = load.con.execute("SELECT name FROM parquet_schema(?) WHERE num_children IS NULL",
                                [str(load.data_path)]).fetchall()
        return [r[0] for r in rows], ""
    head = read_head(load.data_path, 8192)
    first = head.lines[0] if head and head.lines else ""
    delim = "\t" if first.count("\t") > first.count(",") else ";" if first.count(";") > first.count(",") else ","
    return [c.strip().strip('"') for c in first.split(delim)], delim


def resolve_map(columns: list[str], column_map: dict[str, str], path: Path) -> dict[str, str]:
    """field → column name in the file; refuses the file with one line when it cannot be read."""
    by_lower = {c.lower(): c for c in columns}
    if not column_map and not all(f in by_lower for f in REQUIRED):
        raise InputError(str(path), f"unknown layout: {EXPECTED}")
    unknown_fields = sorted(set(column_map) - set(REQUIRED) - set(OPTIONAL))
    if unknown_fields:
        raise InputError(str(path), f"--map: unknown field(s) {', '.join(unknown_fields)} "
                                    f"(fields: {', '.join(REQUIRED + OPTIONAL)})")
    out: dict[str, str] = {}
    for f in REQUIRED + OPTIONAL:
        col = column_map.get(f) or by_lower.get(f)
        if col is None:
            continue
        real = col if col in columns else by_lower.get(col.lower())
        if real is None:
            raise InputError(str(path), f"--map {f}={col}: no column {col!r} in the file "
                                        f"(columns: {', '.join(columns[:12])}{' ...' if len(columns) > 12 else ''})")
        out[f] = real
    missing = [f for f in REQUIRED if f not in out]
    if missing:
        raise InputError(str(path), f"CAMEO table needs columns for {', '.join(missing)}; "
                                    f"give --map {missing[0]}=COLUMN,...")
    return out


def _stage_parquet(load: FileLoad) -> Staged:
    table = load.temp_name("stg")
    load.con.execute(f"CREATE TEMP TABLE {table} AS SELECT * FROM read_parquet(?)", [str(load.data_path)])
    rows, base = load.con.execute(f"SELECT count(*), coalesce(min(rowid), 0) FROM {table}").fetchone()
    return Staged(table, int(rows), 0, f"(SELECT r.*, r.rowid + {1 - base} AS _line FROM {table} r)")


def _body(options: IngestOptions):
    def body(load: FileLoad) -> Loaded:
        columns, delim = _header(load)
        fmap = resolve_map(columns, options.column_map, load.path)
        if delim:
            staged = load.stage(CsvSpec({c: "VARCHAR" for c in columns}, delim=delim, nullstr=("", "NA")))
        else:
            staged = _stage_parquet(load)

        def f(name: str, default: str = "NULL", p: str = "s.") -> str:
            return f'CAST({p}"{fmap[name]}" AS VARCHAR)' if name in fmap else default

        t = staged.table
        actors = names.name_table(load, f"""
            SELECT v FROM (SELECT {f('source', p='')} AS v FROM {t} UNION SELECT {f('target', p='')} FROM {t}
                           UNION SELECT left({f('source', p='')}, 3) FROM {t}
                           UNION SELECT left({f('target', p='')}, 3) FROM {t})""")
        cb = codebook_table(load)
        date_sql = f"""coalesce(try_cast({f('date')} AS DATE),
            try_cast(try_strptime({f('date')}, '%Y%m%d') AS DATE),
            try_cast(try_strptime({f('date')}, '%d/%m/%Y') AS DATE))"""
        staged.source = f"""(SELECT s.*,
                coalesce(a1.code, a1b.code) AS _src, coalesce(a2.code, a2b.code) AS _tgt,
                CASE WHEN a1.code IS NULL AND length({f('source')}) >= 6
                     THEN substr(upper({f('source')}), 4, 3) END AS _srole,
                CASE WHEN a2.code IS NULL AND length({f('target')}) >= 6
                     THEN substr(upper({f('target')}), 4, 3) END AS _trole,
                k.code AS _cameo, coalesce({f('root')}, k.root) AS _root, k.goldstein AS _gold, {date_sql} AS _date
            FROM {staged.source} s
            LEFT JOIN {actors} a1 ON a1.value = {f('source')}
            LEFT JOIN {actors} a1b ON a1b.value = left({f('source')}, 3)
            LEFT JOIN {actors} a2 ON a2.value = {f('target')}
            LEFT JOIN {actors} a2b ON a2b.value = left({f('target')}, 3)
            LEFT JOIN {cb} k ON k.code = trim({f('cameo')}))"""
        reason = f"""CASE WHEN _date IS NULL THEN 'date ' || coalesce({f('date')}, '(empty)') || ' is not a date'
            WHEN _cameo IS NULL THEN 'unknown CAMEO code ' || coalesce({f('cameo')}, '(empty)')
            WHEN _src IS NULL AND _tgt IS NULL THEN 'neither source nor target is a known country' END"""
        raw = f"concat_ws(',', {f('source')}, {f('target')}, {f('cameo')}, {f('date')})"
        checked = load.reject(staged, reason, raw)
        quad = f"coalesce(try_cast({f('quad_class')} AS TINYINT), {quad_sql('_root')})"
        event_id = (f"'table:' || {f('event_id')}" if "event_id" in fmap
                    else f"'table:{load.file_id}:' || _line")
        select = f"""
            SELECT {event_id} AS event_id, 'table' AS origin, '{load.file_id}' AS file_id, _line AS source_row,
                   {f('text')} AS text, _date AS date, 'day' AS date_precision,
                   coalesce({f('source_text')}, {f('source')}) AS source_text,
                   _src || coalesce({f('source_role')}, _srole, '') AS source_code, _src AS source_country,
                   coalesce({f('source_role')}, _srole) AS source_role,
                   coalesce({f('target_text')}, {f('target')}) AS target_text,
                   _tgt || coalesce({f('target_role')}, _trole, '') AS target_code, _tgt AS target_country,
                   coalesce({f('target_role')}, _trole) AS target_role,
                   _cameo AS cameo, _root AS root, {quad} AS quad_class,
                   coalesce(try_cast({f('goldstein')} AS DOUBLE), _gold) AS goldstein, {mode_sql(quad)} AS mode,
                   _line AS _order
            FROM {staged.source} s WHERE ({reason}) IS NULL"""
        return load_events(load, select, staged, checked, options.dedupe_events)

    return body


def import_cameo_table(store: Store, path: Path, options: IngestOptions) -> FileResult:
    return run_import(store, path, "cameo_table", _body(options))
