"""Erik Voeten's UN General Assembly voting data in its numeric layout.

Header names as published on the Harvard Dataverse (`RawVotingdata.tab`: `rcid, ccode, member,
vote`; the full `UNVotes` file adds `Country, Countryname, year, session, date, unres, importantvote,
amend, para, short, descr, ...`). Votes are numbers: 1 yes, 2 abstain, 3 no, 8 absent, 9 not a
member (not stored: a state that was not a member did not vote). Countries are Correlates of War
numbers (`ccode`), mapped to ISO3/CAMEO codes through a small join table; `Countryname` is used
when there is no `ccode`. When the file carries roll-call columns (date, session, unres, ...), the
roll calls are stored too (body 'UNGA', same rcids as the unvotes layout).
"""

from __future__ import annotations

from pathlib import Path

from trustledger.ingest.pipeline import FileResult, IngestOptions
from trustledger.ingest.structured import names
from trustledger.ingest.structured.loader import CsvSpec, FileLoad, Loaded, run_import
from trustledger.ingest.structured.sniff import read_head
from trustledger.store.db import Store

_TYPES = {"rcid": "BIGINT", "ccode": "INTEGER", "member": "INTEGER", "vote": "INTEGER", "session": "DOUBLE",
          "importantvote": "INTEGER", "amend": "INTEGER", "para": "INTEGER", "year": "INTEGER"}
VOTE_CODES = "CASE {v} WHEN 1 THEN 'yes' WHEN 2 THEN 'abstain' WHEN 3 THEN 'no' WHEN 8 THEN 'absent' END"


def _spec(path: Path) -> CsvSpec:
    head = read_head(path, 8192)
    first = head.lines[0] if head and head.lines else ""
    delim = "\t" if first.count("\t") > first.count(",") else ","
    cols = [c.strip().strip('"') for c in first.split(delim)]
    # R's write.csv leaves the row names as a first column with an empty name (UNVotes.csv): name it.
    cols = [c or f"_column{i}" for i, c in enumerate(cols)]
    return CsvSpec({c: _TYPES.get(c.lower(), "VARCHAR") for c in cols}, delim=delim, nullstr=("", "NA", "."))


def _body(load: FileLoad) -> Loaded:
    spec = _spec(load.data_path)
    col = {c.lower(): f'"{c}"' for c in spec.columns}
    staged = load.stage(spec)
    if "ccode" in col:
        table = names.cow_table(load, f"SELECT {col['ccode']} FROM {staged.table}")
        key = col["ccode"]
    else:
        table = names.name_table(load, f"SELECT {col['countryname']} FROM {staged.table}")
        key = col["countryname"]
    src = f"(SELECT s.*, n.code AS _code FROM {staged.source} s LEFT JOIN {table} n ON n.value = s.{key})"
    staged.source = src
    vote = VOTE_CODES.format(v=col["vote"])
    reason = f"""CASE WHEN {col['rcid']} IS NULL THEN 'no rcid'
        WHEN _code IS NULL THEN 'unknown country ' || coalesce(CAST({key} AS VARCHAR), '(empty)')
        WHEN {col['vote']} = 9 THEN NULL
        WHEN {vote} IS NULL THEN 'unknown vote code ' || coalesce(CAST({col['vote']} AS VARCHAR), '(empty)') END"""
    checked = load.reject(staged, reason, f"concat_ws(',', {col['rcid']}, {key}, {col['vote']})")
    added = load.con.execute(f"""
        INSERT OR IGNORE INTO votes (rcid, country, vote, file_id)
        SELECT CAST({col['rcid']} AS VARCHAR), _code, {vote}, '{load.file_id}'
        FROM {src} s WHERE ({reason}) IS NULL AND {col['vote']} <> 9""").fetchone()[0]
    out = Loaded(rows=staged.rows - checked, rejected=staged.rejected + checked, added={"votes": int(added)})
    if "date" in col:
        def opt(name: str, cast: str = "") -> str:
            return (f"CAST({col[name]} AS {cast})" if cast else col[name]) if name in col else "NULL"
        rc = load.con.execute(f"""
            INSERT OR IGNORE INTO roll_calls (rcid, body, session, date, resolution, importantvote, amend, para,
                                              short, descr, file_id)
            SELECT CAST({col['rcid']} AS VARCHAR), 'UNGA', first({opt('session', 'INTEGER')}),
                   first(try_cast({col['date']} AS DATE)), first({opt('unres')}), first({opt('importantvote')} = 1),
                   first({opt('amend')} = 1), first({opt('para')} = 1), first({opt('short')}), first({opt('descr')}),
                   '{load.file_id}'
            FROM {staged.table} WHERE {col['rcid']} IS NOT NULL GROUP BY {col['rcid']}""").fetchone()[0]
        out.added["roll calls"] = int(rc)
    return out


def import_voeten(store: Store, path: Path, options: IngestOptions) -> FileResult:
    return run_import(store, path, "voeten", _body)
