"""`agg_dyad_day`: the structured events summarised per (source country, target country, day, quad
class, praise), kept up to date file by file so that an assessment never scans a busy pair's events.

Why: a year of GDELT is ~100 M events and one busy pair has millions. Every event-based part of
an assessment (say–do counts, praise before hostile deeds, reciprocity's answered-within-30-days,
the store's base rate, compare's truster words, the period's span) needs only how many acts fell
on which day, by quad class and whether they are praise. Those counts are exact at the day level,
so the answers are the same as from the events themselves (tests/analysis/test_dyad_days.py).

What it covers: events with `origin <> 'text'` and no `story_id` (`COVERED`), i.e. structured rows,
each one its own act. Text events are grouped by story (copies of one story are one act) and are few;
the analysis reads them directly (`analysis.components.base`). Events without both countries or a date
are not in the table (nothing reads them). A row with `quad_class = 0` counts events of the pair that
are not acts (negated, a non-state party, no quad class): only the period's span reads them.

Kept exact by: every structured importer's insert (`ingest.structured.events.insert_events`, which
the Spark engine's staging goes through too) adds the counts of the rows it actually added
(`add_file`); `rebuild` recomputes the whole table (the Spark engine runs the same `ROWS_SQL` in
`analysis.aggregates`). `meta` key `dyad_day:covered` records how many covered events the table
counts; `fresh` compares it with the store, and the analysis reads the table only while it matches.
"""

from __future__ import annotations

from trustledger.store.db import Store

#: Roles whose acts are not the state's own (CAMEO agent codes): rebels, opposition,
#: insurgents, separatists, criminals, unaligned armed forces, and society at large. A trust
#: assessment is about what a state does, so these are left out.
NON_STATE_ROLES: tuple[str, ...] = ("REB", "OPP", "INS", "SEP", "CRM", "UAF",
                                     # society, not the state: civilians and protesters, refugees, settlers,
                                     # NGOs, media, schools, labour, business, religion, health, former elites
                                     "CVL", "REF", "SET", "NGO", "MED", "EDU", "LAB", "BUS", "REL", "HLH", "ELI")
_ROLES_SQL = ", ".join(f"'{r}'" for r in NON_STATE_ROLES)
#: What counts as an act between states, in SQL over `events`: dated and coded, not negated ("did not
#: deliver" is no act), and no rebel, opposition or other non-state party on either side.
ACT_FILTER = ("date IS NOT NULL AND quad_class IS NOT NULL AND NOT coalesce(negated, false) "
              f"AND coalesce(source_role, '') NOT IN ({_ROLES_SQL}) "
              f"AND coalesce(target_role, '') NOT IN ({_ROLES_SQL})")
#: Both sides named and different states.
STATE_PAIR = "source_country IS NOT NULL AND target_country IS NOT NULL AND source_country <> target_country"
#: CAMEO praise: 051 praise or endorse, 052 defend verbally, 053 rally support.
PRAISE_CODES: tuple[str, ...] = ("051", "052", "053")


def praise_sql(col: str = "cameo") -> str:
    """SQL: the CAMEO code in `col` is praise (NULL for a NULL code, like LIKE)."""
    return "(" + " OR ".join(f"{col} LIKE '{c}%'" for c in PRAISE_CODES) + ")"


#: The events the table summarises: structured rows, one act each (no story groups their copies).
COVERED = "origin <> 'text' AND story_id IS NULL"
#: The events the analysis reads directly alongside the table.
UNCOVERED = "NOT (origin <> 'text' AND story_id IS NULL)"
KEY = ("source_country", "target_country", "date", "quad_class", "praise")

#: The table's rows from `events` (`{where}`: which covered events; TRUE for all), in SQL that DuckDB
#: and Spark SQL read alike.
ROWS_SQL = f"""
    SELECT source_country, target_country, date,
           CAST(CASE WHEN {ACT_FILTER} THEN quad_class ELSE 0 END AS TINYINT) AS quad_class,
           CASE WHEN {ACT_FILTER} THEN coalesce({praise_sql()}, false) ELSE false END AS praise,
           count(*) AS events
    FROM events
    WHERE {COVERED} AND source_country IS NOT NULL AND target_country IS NOT NULL AND date IS NOT NULL
          AND {{where}}
    GROUP BY 1, 2, 3, 4, 5"""

META_KEY = "dyad_day:covered"


def covered_now(store: Store) -> int:
    """How many covered events the store holds (one scan of two well-compressed columns)."""
    return int(store.con.execute(f"SELECT count(*) FROM events WHERE {COVERED}").fetchone()[0])


def recorded(store: Store) -> int | None:
    if not _has_table(store):
        return None
    row = store.con.execute("SELECT value FROM meta WHERE key = ?", [META_KEY]).fetchone()
    return int(row[0]) if row else None


def fresh(store: Store) -> bool:
    """Whether the table counts exactly the store's covered events (then the analysis reads it)."""
    rec = recorded(store)
    return rec is not None and rec == covered_now(store)


def _has_table(store: Store) -> bool:
    return bool(store.con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'agg_dyad_day'").fetchone()[0])


def _record(store: Store, covered: int) -> None:
    store.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [META_KEY, str(covered)])


def rebuild(store: Store) -> int:
    """Recompute the whole table from `events` (caller holds the transaction); returns its rows.
    Rows are written sorted by pair and day, so a pair's rows sit in few row groups."""
    store.con.execute("DELETE FROM agg_dyad_day")
    store.con.execute(f"INSERT INTO agg_dyad_day SELECT * FROM ({ROWS_SQL.format(where='TRUE')}) ORDER BY 1, 2, 3")
    mark_complete(store)
    return rows(store)


def mark_complete(store: Store) -> None:
    """Record that the table now counts every covered event (after `rebuild`, or a Spark load)."""
    _record(store, covered_now(store))


def rows(store: Store) -> int:
    return int(store.con.execute("SELECT count(*) FROM agg_dyad_day").fetchone()[0])


def add_file(store: Store, file_id: str, added: int) -> None:
    """Add the counts of the events one structured file just added (`added` of them, all covered;
    caller holds the transaction). A table that was not exact before is rebuilt instead."""
    if not _has_table(store):
        return
    before = recorded(store)
    now = covered_now(store)
    if before is None or before + added != now:
        rebuild(store)
        return
    if added == 0:
        return
    delta = f"_tl_dyad_day_{file_id}"
    con = store.con
    con.execute(f"CREATE OR REPLACE TEMP TABLE {delta} AS "
                + ROWS_SQL.format(where=f"file_id = '{file_id}'"))
    on = " AND ".join(f"a.{k} = d.{k}" for k in KEY)
    con.execute(f"""MERGE INTO agg_dyad_day a USING {delta} d ON {on}
                    WHEN MATCHED THEN UPDATE SET events = a.events + d.events
                    WHEN NOT MATCHED THEN INSERT VALUES (d.source_country, d.target_country, d.date, d.quad_class,
                                                         d.praise, d.events)""")
    con.execute(f"DROP TABLE {delta}")
    _record(store, now)
