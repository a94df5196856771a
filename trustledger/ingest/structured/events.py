"""Writing structured event rows (GDELT, ICEWS, CAMEO tables) into the shared `events` table.

Every layout's importer produces the same columns in SQL; this module inserts them, either
one event per row or, with `--dedupe`, one event per (day, source actor, target actor, CAMEO
code) with `n_copies` keeping how many rows were collapsed — the ICEWS convention for the
many copies GDELT records of one story. Event ids are natural keys ('gdelt:<GLOBALEVENTID>'),
so loading the same events again from another file adds nothing (INSERT OR IGNORE).

A file with more events than one transaction may add within the ingest's memory limit
(`FileLoad.chunk_rows`, see `limits`) has its final rows written to a temporary table (which
DuckDB spills to disk) and inserted from there in parts, one transaction each.
"""

from __future__ import annotations

from importlib import resources

from trustledger.ingest.structured import limits
from trustledger.ingest.structured.loader import FileLoad, Loaded
from trustledger.store import dyad_days

EVENT_COLUMNS = (
    "event_id", "origin", "file_id", "source_row", "text", "date", "date_precision",
    "source_text", "source_code", "source_country", "source_role",
    "target_text", "target_code", "target_country", "target_role",
    "cameo", "root", "quad_class", "goldstein", "mode",
)

#: Quad class from a CAMEO root ('01'..'20'), in SQL.
QUAD_FROM_ROOT = """CASE WHEN try_cast({r} AS INTEGER) BETWEEN 1 AND 5 THEN 1
    WHEN try_cast({r} AS INTEGER) BETWEEN 6 AND 8 THEN 2
    WHEN try_cast({r} AS INTEGER) BETWEEN 9 AND 13 THEN 3
    WHEN try_cast({r} AS INTEGER) BETWEEN 14 AND 20 THEN 4 END"""

#: 'said' for verbal quad classes, 'did' for material ones.
MODE_FROM_QUAD = "CASE WHEN {q} IN (1, 3) THEN 'said' WHEN {q} IN (2, 4) THEN 'did' END"


def quad_sql(root_expr: str) -> str:
    return QUAD_FROM_ROOT.format(r=root_expr)


def mode_sql(quad_expr: str) -> str:
    return MODE_FROM_QUAD.format(q=quad_expr)


def codebook_table(load: FileLoad) -> str:
    """The CAMEO codebook (code, root, name, goldstein, quad_class) as a temp table for joins."""
    name = load.temp_name("cameo")
    path = resources.files("trustledger") / "data" / "cameo_codes.csv"
    load.con.execute(
        f"""CREATE TEMP TABLE {name} AS SELECT * FROM read_csv(?, header=true, auto_detect=false,
            columns={{'code': 'VARCHAR', 'root': 'VARCHAR', 'name': 'VARCHAR', 'goldstein': 'DOUBLE',
                      'quad_class': 'TINYINT'}})""",
        [str(path)],
    )
    return name


def insert_events(load: FileLoad, select_sql: str, dedupe: bool, rows: int | None = None) -> tuple[int, int]:
    """Insert the events of `select_sql` (EVENT_COLUMNS plus `_order`); returns (added, collapsed rows).
    `rows` (about how many rows `select_sql` gives) above `load.chunk_rows` inserts in parts.
    The dyad-day aggregate takes the counts of the rows actually added, in the (last) transaction."""
    if load.chunk_rows is not None and rows is not None and rows > load.chunk_rows:
        added, groups = _insert_in_parts(load, select_sql, dedupe, load.chunk_rows)
    else:
        added, groups = _insert(load, select_sql, dedupe)
    dyad_days.add_file(load.store, load.file_id, added)
    return added, groups


def _deduped(select_sql: str) -> str:
    """One row per (day, source, target, code) of `select_sql`, the first in file order, with `n_copies`."""
    return f"""
        SELECT * EXCLUDE (_rn) FROM (
            SELECT *, count(*) OVER w AS n_copies, row_number() OVER (w ORDER BY _order) AS _rn
            FROM ({select_sql})
            WINDOW w AS (PARTITION BY date, source_code, target_code, cameo)
        ) WHERE _rn = 1"""


def _groups(load: FileLoad, select_sql: str) -> int:
    return int(load.con.execute(
        f"SELECT count(*) FROM (SELECT DISTINCT date, source_code, target_code, cameo FROM ({select_sql}))"
    ).fetchone()[0])


def _insert_in_parts(load: FileLoad, select_sql: str, dedupe: bool, chunk: int) -> tuple[int, int]:
    """The rows to insert go to a temporary table first (spilled as needed), then into `events`
    `chunk` rows per transaction, in file order; see `FileLoad.commit_part`."""
    cols = ", ".join(EVENT_COLUMNS) + (", n_copies" if dedupe else "")
    final = load.temp_name("ins")
    rows_sql = _deduped(select_sql) if dedupe else select_sql
    load.con.execute(f"CREATE TEMP TABLE {final} AS SELECT {cols} FROM ({rows_sql})")
    total = load.con.execute(f"SELECT count(*) FROM {final}").fetchone()[0]
    added = 0
    with limits.one_thread(load.con):
        for part in range(0, total, chunk):
            if part:
                load.commit_part()
            # A table made in a transaction numbers its rows anew when that commits: ask for the first each time.
            first = load.con.execute(f"SELECT min(rowid) FROM {final}").fetchone()[0]
            lo = first + part
            added += load.con.execute(
                f"INSERT OR IGNORE INTO events ({cols}) SELECT {cols} FROM {final} "
                f"WHERE rowid >= {lo} AND rowid < {lo + chunk}").fetchone()[0]  # in file order: the scan keeps it
    return int(added), _groups(load, select_sql) if dedupe else 0


def _insert(load: FileLoad, select_sql: str, dedupe: bool) -> tuple[int, int]:
    cols = ", ".join(EVENT_COLUMNS)
    if not dedupe:
        added = load.con.execute(
            f"INSERT OR IGNORE INTO events ({cols}) SELECT {cols} FROM ({select_sql})"
        ).fetchone()[0]
        return int(added), 0
    added = load.con.execute(
        f"INSERT OR IGNORE INTO events ({cols}, n_copies) SELECT {cols}, n_copies FROM ({_deduped(select_sql)})"
    ).fetchone()[0]
    return int(added), _groups(load, select_sql)


def load_events(load: FileLoad, select_sql: str, staged, checked: int, dedupe: bool,
                notes: list[str] | None = None) -> Loaded:
    """Insert the rows of `select_sql` and report them: the staged rows less the `checked` ones that
    failed the layout's own checks (those count as rejected, like the rows DuckDB could not parse)."""
    good = staged.rows - checked
    added, groups = insert_events(load, select_sql, dedupe, good)
    notes = list(notes or [])
    if dedupe:
        notes.append(f"--dedupe: {good:,} rows collapsed into {groups:,} events")
    return Loaded(rows=good, rejected=staged.rejected + checked, events=added, added={"events": added},
                  notes=notes)
