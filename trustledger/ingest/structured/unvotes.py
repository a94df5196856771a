"""UN General Assembly roll calls in the layout of the `unvotes` R package (Voeten's data).

Three files, each recognised by its header:
* `un_votes`: `rcid, country, country_code, vote` — ISO2 codes (a few historical states have
  none and are mapped by name), votes yes/abstain/no → `votes` (ISO3/CAMEO codes);
* `un_roll_calls`: `rcid, session, importantvote, date, unres, amend, para, short, descr` → `roll_calls`
  (body 'UNGA'; `target` filled for "human rights in <country>" resolutions);
* `un_roll_call_issues`: `rcid, short_name, issue` → `roll_call_issues`.
The files may come in any order; `votes` and `agreement` join them in SQL.
"""

from __future__ import annotations

from pathlib import Path

from trustledger.ingest.pipeline import FileResult, IngestOptions
from trustledger.ingest.structured import names
from trustledger.ingest.structured.loader import CsvSpec, FileLoad, Loaded, run_import
from trustledger.store.db import Store

#: Vote words of the data sets we read → our four values, in SQL.
VOTE_SQL = """CASE lower(trim({v}))
    WHEN 'yes' THEN 'yes' WHEN 'y' THEN 'yes' WHEN 'in favour' THEN 'yes' WHEN 'in favor' THEN 'yes'
    WHEN 'for' THEN 'yes' WHEN 'no' THEN 'no' WHEN 'n' THEN 'no' WHEN 'against' THEN 'no'
    WHEN 'abstain' THEN 'abstain' WHEN 'abstention' THEN 'abstain' WHEN 'a' THEN 'abstain'
    WHEN 'absent' THEN 'absent' WHEN 'non-voting' THEN 'absent' WHEN 'nv' THEN 'absent'
    WHEN 'x' THEN 'absent' END"""

VOTES_SPEC = CsvSpec({"rcid": "BIGINT", "country": "VARCHAR", "country_code": "VARCHAR", "vote": "VARCHAR"},
                     nullstr=("", "NA"))
ROLL_CALLS_SPEC = CsvSpec(
    {"rcid": "BIGINT", "session": "DOUBLE", "importantvote": "INTEGER", "date": "DATE", "unres": "VARCHAR",
     "amend": "INTEGER", "para": "INTEGER", "short": "VARCHAR", "descr": "VARCHAR"},
    nullstr=("", "NA"),
)
ISSUES_SPEC = CsvSpec({"rcid": "BIGINT", "short_name": "VARCHAR", "issue": "VARCHAR"}, nullstr=("", "NA"))


def vote_sql(expr: str) -> str:
    return VOTE_SQL.format(v=expr)


def _votes(load: FileLoad) -> Loaded:
    staged = load.stage(VOTES_SPEC)
    table = names.name_table(load, f"SELECT coalesce(country_code, country) FROM {staged.table}")
    src = (f"(SELECT s.*, n.code AS _code FROM {staged.source} s "
           f"LEFT JOIN {table} n ON n.value = coalesce(s.country_code, s.country))")
    staged.source = src
    reason = f"""CASE WHEN rcid IS NULL THEN 'no rcid'
        WHEN _code IS NULL THEN 'unknown country ' || coalesce(country_code, country, '(empty)')
        WHEN {vote_sql('vote')} IS NULL THEN 'unknown vote ' || coalesce(vote, '(empty)') END"""
    checked = load.reject(staged, reason, "concat_ws(',', rcid, country, country_code, vote)")
    added = load.con.execute(f"""
        INSERT OR IGNORE INTO votes (rcid, country, vote, file_id)
        SELECT CAST(rcid AS VARCHAR), _code, {vote_sql('vote')}, '{load.file_id}'
        FROM {src} s WHERE ({reason}) IS NULL""").fetchone()[0]
    good = staged.rows - checked
    notes = []
    if good != added:
        notes.append(f"{good - added:,} vote(s) already stored (same roll call and country) were skipped")
    return Loaded(rows=good, rejected=staged.rejected + checked, added={"votes": int(added)}, notes=notes)


#: "Situation of human rights in <country>" titles name the state a resolution is aimed at; the
#: short titles say "HUMAN RIGHTS, <COUNTRY>". The captured text is mapped through the name table.
_DESCR_TARGET = (r"HUMAN RIGHTS (?:SITUATION )?IN (?:THE )?([A-Z][A-Z.' -]*?) *(?::|,|;|\(|$| AND | DURING )")
_SHORT_TARGET = r"^HUMAN RIGHTS, ([A-Z][A-Z.' -]*)$"


def _sql_literal(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


TARGET_SQL = ("nullif(trim(coalesce("
              f"nullif(regexp_extract(upper(coalesce(descr, '')), {_sql_literal(_DESCR_TARGET)}, 1), ''), "
              f"regexp_extract(upper(coalesce(short, '')), {_sql_literal(_SHORT_TARGET)}, 1))), '')")


def _roll_calls(load: FileLoad) -> Loaded:
    staged = load.stage(ROLL_CALLS_SPEC)
    targets = names.name_table(load, f"SELECT {TARGET_SQL} FROM {staged.table}")
    reason = "CASE WHEN rcid IS NULL THEN 'no rcid' WHEN date IS NULL THEN 'no date' END"
    checked = load.reject(staged, reason, "concat_ws(',', rcid, session, date, unres, short)")
    added = load.con.execute(f"""
        INSERT OR IGNORE INTO roll_calls (rcid, body, session, date, resolution, importantvote, amend, para,
                                          short, descr, target, file_id)
        SELECT CAST(rcid AS VARCHAR), 'UNGA', CAST(session AS INTEGER), date, unres, importantvote = 1,
               amend = 1, para = 1, short, descr, t.code, '{load.file_id}'
        FROM {staged.source} s
        LEFT JOIN {targets} t ON t.value = {TARGET_SQL}
        WHERE ({reason}) IS NULL""").fetchone()[0]
    return Loaded(rows=staged.rows - checked, rejected=staged.rejected + checked, added={"roll calls": int(added)})


def _issues(load: FileLoad) -> Loaded:
    staged = load.stage(ISSUES_SPEC)
    reason = "CASE WHEN rcid IS NULL THEN 'no rcid' WHEN issue IS NULL AND short_name IS NULL THEN 'no issue' END"
    checked = load.reject(staged, reason, "concat_ws(',', rcid, short_name, issue)")
    added = load.con.execute(f"""
        INSERT INTO roll_call_issues (rcid, short_name, issue)
        SELECT DISTINCT CAST(rcid AS VARCHAR), short_name, issue FROM {staged.source} s
        WHERE ({reason}) IS NULL AND NOT EXISTS (
            SELECT 1 FROM roll_call_issues i WHERE i.rcid = CAST(s.rcid AS VARCHAR)
              AND i.short_name IS NOT DISTINCT FROM s.short_name AND i.issue IS NOT DISTINCT FROM s.issue)
        """).fetchone()[0]
    return Loaded(rows=staged.rows - checked, rejected=staged.rejected + checked, added={"issues": int(added)})


def import_votes(store: Store, path: Path, options: IngestOptions) -> FileResult:
    return run_import(store, path, "unvotes_votes", _votes)


def import_roll_calls(store: Store, path: Path, options: IngestOptions) -> FileResult:
    return run_import(store, path, "unvotes_roll_calls", _roll_calls)


def import_issues(store: Store, path: Path, options: IngestOptions) -> FileResult:
    return run_import(store, path, "unvotes_issues", _issues)
