"""ICEWS coded event files (tab-separated, one header line) → the `events` table.

Columns as published on the Harvard Dataverse: `Event ID, Event Date, Source Name, Source Sectors,
Source Country, Event Text, CAMEO Code, Intensity, Target Name, Target Sectors, Target Country,
Story ID, Sentence Number, Publisher, City, District, Province, Country, Latitude, Longitude`.
Countries are names ("Russian Federation", "Iran") and are mapped to ISO3/CAMEO codes by a SQL
join with a small name table; the role comes from the sectors (Military → MIL, Government → GOV,
...); `Intensity` is the Goldstein weight; the CAMEO code is normalised against the codebook
(files read by some tools lose the leading zero: 43 → 043), and quad class and mode follow from
its root. Event id 'icews:<Event ID>'.
"""

from __future__ import annotations

from pathlib import Path

from trustledger.ingest.pipeline import FileResult, IngestOptions
from trustledger.ingest.structured import names
from trustledger.ingest.structured.events import codebook_table, load_events, mode_sql, quad_sql
from trustledger.ingest.structured.loader import CsvSpec, FileLoad, Loaded, run_import
from trustledger.ingest.structured.sniff import read_head
from trustledger.store.db import Store

_TYPES = {"Event ID": "VARCHAR", "Event Date": "DATE", "CAMEO Code": "VARCHAR", "Intensity": "DOUBLE",
          "Story ID": "VARCHAR", "Sentence Number": "INTEGER", "Latitude": "DOUBLE", "Longitude": "DOUBLE"}

#: ICEWS sectors → CAMEO role codes, first match wins (SQL regular expressions on the sector list).
ROLE_SQL = """CASE WHEN {s} SIMILAR TO '.*(Military|Army|Navy|Air Force).*' THEN 'MIL'
    WHEN {s} SIMILAR TO '.*(Police).*' THEN 'COP'
    WHEN {s} SIMILAR TO '.*(Legislative|Parliament).*' THEN 'LEG'
    WHEN {s} SIMILAR TO '.*(Judicial).*' THEN 'JUD'
    WHEN {s} SIMILAR TO '.*(Rebel|Insurgent).*' THEN 'REB'
    WHEN {s} SIMILAR TO '.*(Government|Executive|Cabinet|Ministry).*' THEN 'GOV'
    WHEN {s} SIMILAR TO '.*(Business).*' THEN 'BUS'
    WHEN {s} SIMILAR TO '.*(Media|News).*' THEN 'MED' END"""


def _spec(path: Path) -> CsvSpec:
    head = read_head(path, 8192)
    cols = [c.strip().strip('"') for c in (head.lines[0] if head and head.lines else "").split("\t")]
    return CsvSpec({c: _TYPES.get(c, "VARCHAR") for c in cols}, delim="\t", quote="", escape="")


def _body(options: IngestOptions):
    def body(load: FileLoad) -> Loaded:
        staged = load.stage(_spec(load.data_path))
        t = staged.table
        countries = names.name_table(
            load, f'SELECT "Source Country" FROM {t} UNION SELECT "Target Country" FROM {t}')
        cb = codebook_table(load)
        codes = load.temp_name("codes")
        load.con.execute(f"""
            CREATE TEMP TABLE {codes} AS
            SELECT v, coalesce(a.code, b.code, c.code) AS code, coalesce(a.root, b.root, c.root) AS root
            FROM (SELECT DISTINCT trim("CAMEO Code") AS v FROM {t} WHERE "CAMEO Code" IS NOT NULL) d
            LEFT JOIN {cb} a ON a.code = v AND length(v) >= 3
            LEFT JOIN {cb} b ON b.code = lpad(v, 3, '0')
            LEFT JOIN {cb} c ON c.code = lpad(v, 4, '0')""")
        staged.source = f"""(SELECT s.*, sc.code AS _src, tc.code AS _tgt, k.code AS _cameo, k.root AS _root
            FROM {staged.source} s
            LEFT JOIN {countries} sc ON sc.value = s."Source Country"
            LEFT JOIN {countries} tc ON tc.value = s."Target Country"
            LEFT JOIN {codes} k ON k.v = trim(s."CAMEO Code"))"""
        reason = """CASE WHEN "Event ID" IS NULL THEN 'no Event ID'
            WHEN "Event Date" IS NULL THEN 'no Event Date'
            WHEN _cameo IS NULL THEN 'unknown CAMEO Code ' || coalesce("CAMEO Code", '(empty)') END"""
        raw = ('concat_ws(chr(9), "Event ID", "Event Date", "Source Name", "Source Country", "CAMEO Code", '
               '"Target Name", "Target Country")')
        checked = load.reject(staged, reason, raw)
        role_src, role_tgt = ROLE_SQL.format(s='"Source Sectors"'), ROLE_SQL.format(s='"Target Sectors"')
        quad = quad_sql("_root")
        select = f"""
            SELECT 'icews:' || "Event ID" AS event_id, 'icews' AS origin, '{load.file_id}' AS file_id,
                   _line AS source_row,
                   concat_ws(' ', "Source Name", '—', "Event Text", '—', "Target Name",
                             '(' || concat_ws(', ', "Publisher", 'story ' || "Story ID",
                                              'sentence ' || "Sentence Number") || ')') AS text,
                   "Event Date" AS date, 'day' AS date_precision,
                   "Source Name" AS source_text, _src || coalesce({role_src}, '') AS source_code,
                   _src AS source_country, {role_src} AS source_role,
                   "Target Name" AS target_text, _tgt || coalesce({role_tgt}, '') AS target_code,
                   _tgt AS target_country, {role_tgt} AS target_role,
                   _cameo AS cameo, _root AS root, {quad} AS quad_class, "Intensity" AS goldstein,
                   {mode_sql(quad)} AS mode, _line AS _order
            FROM {staged.source} s WHERE ({reason}) IS NULL"""
        added = load_events(load, select, staged, checked, options.dedupe_events)
        added.notes[:0] = [n for n in [names.unmapped_note(load, countries)] if n]
        return added

    return body


def import_icews(store: Store, path: Path, options: IngestOptions) -> FileResult:
    return run_import(store, path, "icews", _body(options))
