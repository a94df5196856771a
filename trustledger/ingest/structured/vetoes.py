"""Security Council vetoes (the world-politics-datalab layout in ../shared/data/unsc) → `vetoes`.

Header: `year, date, month, draft, meeting_record, agenda_item, crisis_topic, region,
member_veto1, member_veto2, member_veto3, ...`; dates are M/D/YYYY. A draft vetoed by several
permanent members gives one row per member (country as CAMEO code: USSR → USR, UK → GBR).
Loading the same vetoes again adds nothing (key: date, draft, agenda item, country).
"""

from __future__ import annotations

from pathlib import Path

from trustledger.ingest.pipeline import FileResult, IngestOptions
from trustledger.ingest.structured import names
from trustledger.ingest.structured.loader import CsvSpec, FileLoad, Loaded, run_import
from trustledger.ingest.structured.sniff import read_head
from trustledger.store.db import Store


def _spec(path: Path) -> CsvSpec:
    head = read_head(path, 4096)
    cols = [c.strip().strip('"') for c in (head.lines[0] if head and head.lines else "").split(",")]
    return CsvSpec({c: "VARCHAR" for c in cols}, nullstr=("", "NA"))


def _body(load: FileLoad) -> Loaded:
    spec = _spec(load.data_path)
    members = [c for c in spec.columns if c.startswith("member_veto")]
    staged = load.stage(spec)
    date = """coalesce(try_cast(try_strptime("date", '%m/%d/%Y') AS DATE), try_cast("date" AS DATE))"""
    reason = f"""CASE WHEN {date} IS NULL THEN 'date ' || coalesce("date", '(empty)') || ' is not M/D/YYYY'
        WHEN coalesce({', '.join(members)}) IS NULL THEN 'no vetoing member' END"""
    checked = load.reject(staged, reason, """concat_ws(',', "date", "draft", "agenda_item")""")
    unpivot = " UNION ALL ".join(
        f"""SELECT {date} AS d, "draft" AS draft, "agenda_item" AS agenda, "crisis_topic" AS topic,
                   {m} AS member, _line FROM {staged.source} s WHERE ({reason}) IS NULL AND {m} IS NOT NULL"""
        for m in members)
    rows = load.temp_name("veto")
    load.con.execute(f"CREATE TEMP TABLE {rows} AS {unpivot}")
    table = names.name_table(load, f"SELECT member FROM {rows}")
    added = load.con.execute(f"""
        INSERT INTO vetoes (date, draft, agenda, topic, country, file_id)
        SELECT d, draft, agenda, topic, coalesce(n.code, upper(member)), '{load.file_id}'
        FROM {rows} r LEFT JOIN {table} n ON n.value = r.member
        WHERE NOT EXISTS (SELECT 1 FROM vetoes v WHERE v.date = r.d AND v.draft IS NOT DISTINCT FROM r.draft
                          AND v.agenda IS NOT DISTINCT FROM r.agenda AND v.country = coalesce(n.code, upper(r.member)))
        ORDER BY _line""").fetchone()[0]
    return Loaded(rows=staged.rows - checked, rejected=staged.rejected + checked, added={"vetoes": int(added)})


def import_vetoes(store: Store, path: Path, options: IngestOptions) -> FileResult:
    return run_import(store, path, "unsc_vetoes", _body)
