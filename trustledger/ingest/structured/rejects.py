"""Rows that could not be loaded go to the store's `rejects` table with file, line and reason.

Two sources: rows DuckDB's CSV reader could not parse or cast (its `store_rejects` tables),
and rows that parsed but fail our checks (no date, unknown CAMEO code, unknown country).
Both are written with INSERT ... SELECT, never a Python loop over rows.
"""

from __future__ import annotations

import duckdb

#: One short reason from DuckDB's reject record: the type, the column and the first line of the message.
_READER_REASON = (
    "lower(replace(CAST(error_type AS VARCHAR), ' ', '_')) "
    "|| coalesce(' in column ' || column_name, '') || ': ' "
    "|| split_part(error_message, chr(10), 1)"
)


def copy_reader_rejects(con: duckdb.DuckDBPyConnection, errors_table: str, file_id: str, path: str) -> int:
    """Copy DuckDB's reject records for one scan into `rejects` (one row per bad line)."""
    n = con.execute(
        f"""INSERT INTO rejects (file_id, path, line, reason, raw)
            SELECT ?, ?, line, first({_READER_REASON} ORDER BY column_idx), first(csv_line)
            FROM {errors_table} GROUP BY line ORDER BY line""",
        [file_id, path],
    ).fetchone()[0]
    return int(n)


def reject_checked(con: duckdb.DuckDBPyConnection, source_sql: str, reason_sql: str, raw_sql: str,
                   file_id: str, path: str) -> int:
    """Rows of `source_sql` (which has a `_line` column) whose `reason_sql` is not null go to rejects."""
    n = con.execute(
        f"""INSERT INTO rejects (file_id, path, line, reason, raw)
            SELECT ?, ?, _line, _reason, _raw FROM (
                SELECT _line, {reason_sql} AS _reason, {raw_sql} AS _raw FROM {source_sql} AS s
            ) WHERE _reason IS NOT NULL ORDER BY _line""",
        [file_id, path],
    ).fetchone()[0]
    return int(n)


def first_reject(con: duckdb.DuckDBPyConnection, file_id: str) -> tuple[int, str] | None:
    row = con.execute(
        "SELECT line, reason FROM rejects WHERE file_id = ? ORDER BY line LIMIT 1", [file_id]
    ).fetchone()
    return (int(row[0]) if row[0] is not None else 0, row[1]) if row else None
