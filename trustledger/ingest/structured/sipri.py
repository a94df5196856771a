"""The SIPRI Arms Transfers Database trade register (CSV export with its preamble) → commitments
and outcomes, so the ledger holds structured arms deals beside the promises found in text.

The export starts with a preamble (title, notes, "Data generated: ..."), then the header
`SIPRI AT Database ID, Supplier, Recipient, Designation, Description, Armament category, Order date,
Order date is estimate, Numbers delivered, Numbers delivered is estimate, Delivery year, ...`, one
row per deal and delivery year.

* Each deal (SIPRI AT Database ID) is one commitment: origin 'sipri', promisor = supplier,
  promisee = recipient (ISO3/CAMEO codes through a SQL join with a name table; non-state actors,
  which SIPRI marks with '*', stay null), what = designation and description, terms = the
  lower-cased designation tokens plus their family ("s-300pmu2" → also "s-300"), quantity = number
  ordered when the export has it, made = order year (year precision), due = null (SIPRI gives none).
* Each delivery row is an outcome linked to its commitment, dated by its delivery year:
  'delivered' for the deal's last delivery year, 'delivered_partial' for earlier years (or, when the
  number ordered is known, while the running total is short of it) and for deliveries in the
  register's last year, which may go on. A status that says cancelled gives 'cancelled'.
The ledger itself is rebuilt by the commitments stage after ingest.
"""

from __future__ import annotations

from pathlib import Path

from trustledger.errors import InputError
from trustledger.ingest.pipeline import FileResult, IngestOptions
from trustledger.ingest.structured import names
from trustledger.ingest.structured.loader import CsvSpec, FileLoad, Loaded, run_import
from trustledger.ingest.structured.sniff import SIPRI_HEADER, read_head
from trustledger.store.db import Store

_REQUIRED = ("SIPRI AT Database ID", "Supplier", "Recipient", "Designation", "Order date")


def _spec(path: Path) -> CsvSpec:
    head = read_head(path, 16384)
    lines = head.lines if head else []
    for i, line in enumerate(lines):
        if line.startswith(SIPRI_HEADER):
            cols = [c.strip().strip('"') for c in line.split(",")]
            missing = [c for c in _REQUIRED if c not in cols]
            if missing:
                raise InputError(str(path), f"SIPRI trade register without column(s) {', '.join(missing)}")
            types = {c: "VARCHAR" for c in cols}
            types[SIPRI_HEADER] = "BIGINT"
            return CsvSpec(types, skip=i)
    raise InputError(str(path), f"no '{SIPRI_HEADER}' header line in the first lines")


def _year(expr: str) -> str:
    return f"try_cast(regexp_extract({expr}, '(\\d{{4}})', 1) AS INTEGER)"


def _number(expr: str) -> str:
    return f"try_cast(regexp_extract({expr}, '(\\d+)', 1) AS INTEGER)"


def _body(load: FileLoad) -> Loaded:
    spec = _spec(load.data_path)
    staged = load.stage(spec)
    t = staged.table
    table = names.name_table(load, f'SELECT "Supplier" FROM {t} UNION SELECT "Recipient" FROM {t}')
    has = set(spec.columns)
    ordered = _number('"Number ordered"') if "Number ordered" in has else "NULL::INTEGER"
    delivered = _number('"Numbers delivered"') if "Numbers delivered" in has else "NULL::INTEGER"
    dyear = _year('"Delivery year"') if "Delivery year" in has else "NULL::INTEGER"
    status = '"Status"' if "Status" in has else "NULL"
    est = '"Order date is estimate"' if "Order date is estimate" in has else "NULL"
    desc = '"Description"' if "Description" in has else "NULL"
    staged.source = f"""(SELECT s.*, sup.code AS _sup, rec.code AS _rec,
            "SIPRI AT Database ID" AS _id, {_year('"Order date"')} AS _oyear, {dyear} AS _dyear,
            {delivered} AS _ndel, {ordered} AS _nord,
            trim(regexp_replace(coalesce("Designation", ''), '\\s+-\\s*$', '')) AS _desig,
            {desc} AS _desc, {status} AS _status,
            coalesce({est}, '') ILIKE 'yes' OR coalesce("Order date", '') LIKE '%?%' AS _oest
        FROM {staged.source} s
        LEFT JOIN {table} sup ON sup.value = s."Supplier"
        LEFT JOIN {table} rec ON rec.value = s."Recipient")"""
    reason = """CASE WHEN _id IS NULL THEN 'no SIPRI AT Database ID'
        WHEN _oyear IS NULL THEN 'Order date is not a year: ' || coalesce("Order date", '(empty)') END"""
    raw = 'concat_ws(\',\', "SIPRI AT Database ID", "Supplier", "Recipient", "Designation", "Order date")'
    checked = load.reject(staged, reason, raw)
    good = load.temp_name("good")
    load.con.execute(f"CREATE TEMP TABLE {good} AS SELECT * FROM {staged.source} s WHERE ({reason}) IS NULL")
    last_year = load.con.execute(f"SELECT max(_dyear) FROM {good}").fetchone()[0]
    terms = """list_distinct(list_concat(
            list_filter(string_split(regexp_replace(lower(_desig), '[^a-z0-9./-]+', ' ', 'g'), ' '),
                        lambda x: length(x) > 1 AND x <> '-'),
            list_filter([regexp_extract(lower(_desig), '^([a-z]+-?[0-9]+)', 1)], lambda x: length(x) > 1)))"""
    what = "_desig || coalesce(' (' || _desc || ')', '')"
    n_commit = load.con.execute(f"""
        INSERT OR IGNORE INTO commitments (commitment_id, origin, file_id, source_row, promisor, promisee, kind,
                                           what, terms, quantity, made, made_precision, due, due_precision, text)
        SELECT 'sipri:' || _id, 'sipri', '{load.file_id}', min(_line), first(_sup), first(_rec), 'deliver',
               first({what}), first({terms}), max(_nord), make_date(min(_oyear), 1, 1), 'year', NULL, NULL,
               first("Supplier") || ' to supply ' || first({what}) || ' to ' || first("Recipient") || ', ordered '
                 || min(_oyear) || CASE WHEN bool_or(_oest) THEN ' (order year estimated)' ELSE '' END
                 || ' (SIPRI AT Database ID ' || _id || ')'
        FROM {good} GROUP BY _id""").fetchone()[0]
    kind = f"""CASE WHEN coalesce(_status, '') ILIKE '%cancel%' THEN 'cancelled'
        WHEN _nord IS NOT NULL AND _running < _nord THEN 'delivered_partial'
        WHEN _nord IS NOT NULL THEN 'delivered'
        WHEN _dyear < _lastyear OR _dyear >= {last_year or 0} THEN 'delivered_partial'
        ELSE 'delivered' END"""
    n_out = load.con.execute(f"""
        INSERT OR IGNORE INTO outcomes (outcome_id, commitment_id, origin, file_id, source_row, actor, counterpart,
                                        kind, what, terms, quantity, date, date_precision, text)
        SELECT 'sipri:' || _id || ':' || _dyear || ':' || _n, 'sipri:' || _id, 'sipri', '{load.file_id}', _line,
               _sup, _rec, {kind}, {what}, {terms}, _ndel, make_date(_dyear, 1, 1), 'year',
               "Supplier" || CASE WHEN coalesce(_status, '') ILIKE '%cancel%' THEN ' cancelled '
                                  ELSE ' delivered ' || coalesce(_ndel || ' ', '') END
                 || {what} || ' to ' || "Recipient" || ' in ' || _dyear
                 || ' (SIPRI AT Database ID ' || _id || ')'
        FROM (SELECT *, max(_dyear) OVER (PARTITION BY _id) AS _lastyear,
                     sum(_ndel) OVER (PARTITION BY _id ORDER BY _dyear, _line) AS _running,
                     row_number() OVER (PARTITION BY _id, _dyear ORDER BY _line) AS _n
              FROM {good} WHERE _dyear IS NOT NULL)""").fetchone()[0]
    # Non-state parties (SIPRI marks them with '*') have no country code by design: no warning.
    return Loaded(rows=staged.rows - checked, rejected=staged.rejected + checked,
                  added={"commitments": int(n_commit), "outcomes": int(n_out)})


def import_sipri(store: Store, path: Path, options: IngestOptions) -> FileResult:
    return run_import(store, path, "sipri", _body)
