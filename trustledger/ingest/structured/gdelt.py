"""GDELT 1.0 and 2.0 event exports (tab-separated, no header) → the `events` table.

Column names and order are GDELT's published event codebook: 57 columns in GDELT 1.0
historical files (up to March 2013), 58 in the daily files that added SOURCEURL, and 61 in
GDELT 2.0, which adds an ADM2 code to each of the three geography blocks and stamps
DATEADDED to the second. A GDELT 1.0 file may mix 57- and 58-column rows (the shared sample
does), so its rows are read with null padding: a row shorter than 57 columns is recognised by its
missing DATEADDED (GDELT stamps every row) and rejected, like a longer row and, in GDELT 2.0, any
row that is not 61 columns. A row whose EventCode is not in the CAMEO codebook trustledger ships
(`data/cameo_codes.csv`) is rejected too; both keep their file and line in `rejects`. Zipped
exports (`*.export.CSV.zip`) are extracted to a temporary file first.

Mapping: source/target actor = Actor1/Actor2 (Code, CountryCode, Type1Code as role, Name as
text); cameo = EventCode, root = EventRootCode, quad class and Goldstein as published; date =
SQLDATE (day precision); mode 'said' for quad classes 1 and 3, 'did' for 2 and 4; event id
'gdelt:<GLOBALEVENTID>'; text = SOURCEURL. GDELT already uses CAMEO country codes.
"""

from __future__ import annotations

from pathlib import Path

from trustledger.ingest.pipeline import FileResult, IngestOptions
from trustledger.ingest.structured.events import codebook_table, load_events, mode_sql
from trustledger.ingest.structured.loader import CsvSpec, FileLoad, Loaded, run_import
from trustledger.store.db import Store

_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code"]
_EVENT = ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
          "NumMentions", "NumSources", "NumArticles", "AvgTone"]


def _geo(adm2: bool) -> list[str]:
    parts = ["Type", "FullName", "CountryCode", "ADM1Code"] + (["ADM2Code"] if adm2 else []) + \
        ["Lat", "Long", "FeatureID"]
    return [f"{block}_{p}" for block in ("Actor1Geo", "Actor2Geo", "ActionGeo") for p in parts]


def column_names(version: int) -> list[str]:
    """GDELT's published event columns: 58 for 1.0 (57 without SOURCEURL), 61 for 2.0."""
    return (["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
            + [f"Actor1{c}" for c in _ACTOR] + [f"Actor2{c}" for c in _ACTOR] + _EVENT
            + _geo(adm2=version == 2) + ["DATEADDED", "SOURCEURL"])


#: The columns the events table takes, and DATEADDED (whose absence marks a short row); the others
#: are parsed (and checked) but not kept.
USED = ("GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
        "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "EventCode", "EventRootCode",
        "QuadClass", "GoldsteinScale", "DATEADDED", "SOURCEURL")

_TYPES = {
    "GLOBALEVENTID": "BIGINT", "SQLDATE": "INTEGER", "MonthYear": "INTEGER", "Year": "INTEGER",
    "FractionDate": "DOUBLE", "IsRootEvent": "INTEGER", "QuadClass": "TINYINT", "GoldsteinScale": "DOUBLE",
    "NumMentions": "INTEGER", "NumSources": "INTEGER", "NumArticles": "INTEGER", "AvgTone": "DOUBLE",
    "DATEADDED": "BIGINT",
}


def spec(version: int, header: bool = False) -> CsvSpec:
    """Explicit types for what we use; everything else (codes, names, geography) stays text."""
    cols = {c: _TYPES.get(c, "VARCHAR") for c in column_names(version)}
    return CsvSpec(cols, delim="\t", header=header, quote="", escape="", null_padding=version == 1, keep=USED)


def _has_header(path: Path) -> bool:
    from trustledger.ingest.structured.sniff import read_head

    head = read_head(path, 4096)
    return bool(head and head.lines and head.lines[0].upper().startswith("GLOBALEVENTID"))


def _body(version: int, options: IngestOptions):
    origin = f"gdelt{version}"

    def body(load: FileLoad) -> Loaded:
        staged = load.stage(spec(version, _has_header(load.path)))
        # Null padding (GDELT 1.0) lets a short row through the reader: it has no DATEADDED.
        short = ("WHEN DATEADDED IS NULL THEN 'too few columns (expected 57 or 58; no DATEADDED in column 57)'"
                 if version == 1 else "")
        cb = codebook_table(load)
        staged.source = f"""(SELECT s.*, k.code AS _cameo FROM {staged.source} s
                             LEFT JOIN {cb} k ON k.code = s.EventCode)"""
        reason = f"""CASE WHEN GLOBALEVENTID IS NULL THEN 'no GLOBALEVENTID'
            WHEN try_strptime(CAST(SQLDATE AS VARCHAR), '%Y%m%d') IS NULL THEN 'SQLDATE is not a YYYYMMDD date'
            WHEN EventCode IS NULL THEN 'no EventCode'
            WHEN QuadClass NOT BETWEEN 1 AND 4 OR QuadClass IS NULL THEN 'QuadClass is not 1-4'
            {short}
            WHEN _cameo IS NULL THEN 'unknown CAMEO code ' || EventCode || ' (not in the CAMEO codebook)' END"""
        raw = ("concat_ws(chr(9), GLOBALEVENTID, SQLDATE, Actor1Code, Actor2Code, EventCode, QuadClass, "
               "GoldsteinScale, SOURCEURL)")
        checked = load.reject(staged, reason, raw)
        select = f"""
            SELECT 'gdelt:' || GLOBALEVENTID AS event_id, '{origin}' AS origin, '{load.file_id}' AS file_id,
                   _line AS source_row, SOURCEURL AS text,
                   CAST(strptime(CAST(SQLDATE AS VARCHAR), '%Y%m%d') AS DATE) AS date, 'day' AS date_precision,
                   Actor1Name AS source_text, Actor1Code AS source_code,
                   coalesce(Actor1CountryCode, CASE WHEN Actor1Code LIKE 'IGO%' THEN 'IGO' END) AS source_country,
                   Actor1Type1Code AS source_role,
                   Actor2Name AS target_text, Actor2Code AS target_code,
                   coalesce(Actor2CountryCode, CASE WHEN Actor2Code LIKE 'IGO%' THEN 'IGO' END) AS target_country,
                   Actor2Type1Code AS target_role,
                   EventCode AS cameo, EventRootCode AS root, QuadClass AS quad_class,
                   GoldsteinScale AS goldstein, {mode_sql('QuadClass')} AS mode, GLOBALEVENTID AS _order
            FROM {staged.source} s
            WHERE ({reason}) IS NULL"""
        return load_events(load, select, staged, checked, options.dedupe_events)

    return body


def import_gdelt1(store: Store, path: Path, options: IngestOptions) -> FileResult:
    return run_import(store, path, "gdelt1", _body(1, options))


def import_gdelt2(store: Store, path: Path, options: IngestOptions) -> FileResult:
    return run_import(store, path, "gdelt2", _body(2, options))
