"""Structured ingest speed and dyad-series query speed (issue 5 benchmarks).

1. A 2-million-row GDELT 2.0 export (61 tab-separated columns) generated with DuckDB SQL, with a
   skewed (Zipf-like) distribution of actor countries and roles and of CAMEO codes, like real
   GDELT days. Prints rows/s for `trustledger ingest` (hashing, staging with explicit types,
   checks, rejects, insert into `events` with its primary key), for a bare DuckDB `read_csv`
   into a table, and for `pandas.read_csv`, in the same run.
2. A store with 10 million events: the yearly dyad series (counts and mean Goldstein by quad
   class) for one dyad and for every dyad, timed in a child process that also reports its
   peak memory (resident set).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from trustledger.ingest.structured.gdelt import column_names  # noqa: E402

N_ROWS = 2_000_000
N_EVENTS = 10_000_000

#: Actor countries, most frequent first (a Zipf-like share: weight 1/rank).
COUNTRIES = ["USA", "RUS", "CHN", "GBR", "IRN", "ISR", "UKR", "FRA", "DEU", "IND", "PAK", "SYR", "TUR", "JPN",
             "PRK", "KOR", "SAU", "IRQ", "AFG", "EGY", "NGA", "CAN", "AUS", "BRA", "MEX", "ITA", "ESP", "PHL",
             "IDN", "ZAF", "VEN", "CUB", "LBN", "YEM", "QAT", "ARE", "JOR", "LBY", "SDN", "ETH"]
ROLES = ["", "", "GOV", "GOV", "MIL", "BUS", "MED", "LEG", "COP", "JUD", "REB", "CVL"]
#: CAMEO codes, most frequent first (statements, consultations, praise, aid, threats, force ...).
CODES = ["010", "042", "043", "036", "040", "020", "051", "112", "190", "046", "111", "057", "173", "013", "030",
         "061", "071", "081", "120", "130", "138", "141", "163", "172", "182", "193", "0311", "0231", "1711", "195"]


def _pick(values: list[str], seed: str) -> str:
    """SQL choosing one of `values` with weight 1/rank from a hash of the row number (no Python loop)."""
    arr = "[" + ", ".join(f"'{v}'" for v in values) + "]"
    # rank = floor(n ** u) for u uniform in [0,1): P(rank = k) ~ 1/k, a Zipf-like law
    rank = f"CAST(floor(pow({len(values)} + 1, hash(i, '{seed}') % 1000000 / 1000000.0)) AS INTEGER)"
    return f"{arr}[least({rank}, {len(values)})]"


def generate_gdelt2(path: Path, n: int) -> None:
    exprs: dict[str, str] = {c: "''" for c in column_names(2)}
    exprs.update({
        "GLOBALEVENTID": "CAST(800000000 + i AS VARCHAR)",
        "SQLDATE": "strftime(DATE '2015-01-01' + CAST(hash(i, 'd') % 3650 AS INTEGER), '%Y%m%d')",
        "Actor1CountryCode": "c1", "Actor1Type1Code": "r1", "Actor1Code": "c1 || r1",
        "Actor1Name": "c1 || ' NAME'",
        "Actor2CountryCode": "c2", "Actor2Type1Code": "r2", "Actor2Code": "c2 || r2",
        "Actor2Name": "c2 || ' NAME'",
        "IsRootEvent": "'1'", "EventCode": "code", "EventBaseCode": "left(code, 3)", "EventRootCode": "left(code, 2)",
        "QuadClass": """CAST(CASE WHEN CAST(left(code, 2) AS INT) <= 5 THEN 1 WHEN CAST(left(code, 2) AS INT) <= 8
                        THEN 2 WHEN CAST(left(code, 2) AS INT) <= 13 THEN 3 ELSE 4 END AS VARCHAR)""",
        "GoldsteinScale": "CAST(round((hash(i, 'g') % 200) / 10.0 - 10, 1) AS VARCHAR)",
        "NumMentions": "'2'", "NumSources": "'1'", "NumArticles": "'2'", "AvgTone": "'-1.25'",
        "ActionGeo_CountryCode": "left(c1, 2)", "DATEADDED": "'20150101120000'",
        "SOURCEURL": "'http://example.org/news/' || i",
    })
    select = ", ".join(f"{e} AS \"{c}\"" for c, e in exprs.items())
    con = duckdb.connect()
    con.execute(f"""COPY (
        SELECT {select} FROM (
            SELECT i, {_pick(COUNTRIES, 'a')} AS c1, {_pick(COUNTRIES, 'b')} AS c2,
                   {_pick(ROLES, 'c')} AS r1, {_pick(ROLES, 'e')} AS r2, {_pick(CODES, 'f')} AS code
            FROM range({n}) t(i))
        ) TO '{path}' (FORMAT csv, DELIMITER '\t', HEADER false, QUOTE '')""")
    con.close()


def _cpu() -> float:
    """CPU seconds of this process, all threads (a figure that suffers less than wall time on a busy machine)."""
    import resource

    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def bench_ingest(tmp: Path) -> None:
    path = tmp / "20150101120000.export.CSV"
    t = time.perf_counter()
    generate_gdelt2(path, N_ROWS)
    print(f"generated {N_ROWS:,} GDELT 2.0 rows ({path.stat().st_size / 2**20:.0f} MB) in "
          f"{time.perf_counter() - t:.1f} s")

    from trustledger.ingest.pipeline import IngestOptions, Ingestor
    from trustledger.store.db import Store

    store = Store(tmp / "bench.duckdb")
    t, c = time.perf_counter(), _cpu()
    report = Ingestor(store, IngestOptions(code=False)).run([str(path)])
    dt_tl, cpu_tl = time.perf_counter() - t, _cpu() - c
    events = report.total("events")
    store.close()
    assert events == N_ROWS, (events, [f.message for f in report.files])

    con = duckdb.connect(str(tmp / "bare.duckdb"))
    con.execute("SET enable_progress_bar = false")
    t, c = time.perf_counter(), _cpu()
    con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{path}', delim='\t', header=false)")
    dt_duck, cpu_duck = time.perf_counter() - t, _cpu() - c
    con.close()

    import pandas as pd

    t, c = time.perf_counter(), _cpu()
    df = pd.read_csv(path, sep="\t", header=None, low_memory=False)
    dt_pd, cpu_pd = time.perf_counter() - t, _cpu() - c
    assert len(df) == N_ROWS
    del df

    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"trustledger ingest: {N_ROWS / dt_tl:>12,.0f} rows/s ({dt_tl:.2f} s wall, {cpu_tl:.1f} s CPU; "
          "into events with checks)")
    print(f"bare DuckDB read_csv: {N_ROWS / dt_duck:>10,.0f} rows/s ({dt_duck:.2f} s wall, {cpu_duck:.1f} s CPU; "
          "CREATE TABLE AS)")
    print(f"pandas.read_csv:    {N_ROWS / dt_pd:>12,.0f} rows/s ({dt_pd:.2f} s wall, {cpu_pd:.1f} s CPU)")
    print(f"trustledger / bare DuckDB = {dt_duck / dt_tl:.0%} (wall), {cpu_duck / cpu_tl:.0%} (CPU); "
          f"trustledger vs pandas = {dt_pd / dt_tl:.1f}x (wall)")


SERIES_SQL = """
    SELECT year(date) AS year, quad_class, count(*) AS events, avg(goldstein) AS goldstein
    FROM events WHERE source_country = 'RUS' AND target_country = 'IRN'
    GROUP BY ALL ORDER BY year, quad_class"""
ALL_DYADS_SQL = """
    SELECT source_country, target_country, year(date) AS year, quad_class, count(*) AS events,
           avg(goldstein) AS goldstein
    FROM events GROUP BY ALL"""


def _peak_rss_mb() -> float:
    """Peak resident set of this process (VmHWM; unlike ru_maxrss it does not inherit the parent's peak)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(db: str) -> None:
    con = duckdb.connect(db, read_only=True)
    con.execute("SET enable_progress_bar = false")
    out = {}
    for name, sql in (("one dyad (RUS→IRN)", SERIES_SQL), ("every dyad", ALL_DYADS_SQL)):
        con.execute(sql).fetchall()  # warm the file cache once
        times = []
        for _ in range(3):
            t = time.perf_counter()
            rows = con.execute(sql).fetchall()
            times.append(time.perf_counter() - t)
        out[name] = {"seconds": min(times), "rows": len(rows)}
    out["peak_rss_mb"] = _peak_rss_mb()
    print(json.dumps(out))


def bench_series(tmp: Path) -> None:
    from trustledger.store.db import Store

    db = tmp / "events10m.duckdb"
    store = Store(db)
    store.con.execute("SET enable_progress_bar = false")
    t = time.perf_counter()
    store.con.execute(f"""
        INSERT INTO events (event_id, origin, date, date_precision, source_code, source_country, target_code,
                            target_country, cameo, root, quad_class, goldstein, mode)
        SELECT 'b:' || i, 'gdelt2', DATE '1995-01-01' + CAST(hash(i, 'd') % 10950 AS INTEGER), 'day',
               c1, c1, c2, c2, code, left(code, 2),
               CASE WHEN CAST(left(code, 2) AS INT) <= 5 THEN 1 WHEN CAST(left(code, 2) AS INT) <= 8 THEN 2
                    WHEN CAST(left(code, 2) AS INT) <= 13 THEN 3 ELSE 4 END,
               round((hash(i, 'g') % 200) / 10.0 - 10, 1), 'said'
        FROM (SELECT i, {_pick(COUNTRIES, 'a')} AS c1, {_pick(COUNTRIES, 'b')} AS c2, {_pick(CODES, 'f')} AS code
              FROM range({N_EVENTS}) t(i))""")
    store.close()
    print(f"built a store with {N_EVENTS:,} events in {time.perf_counter() - t:.1f} s")
    p = subprocess.run([sys.executable, __file__, "--series-child", str(db)], capture_output=True, text=True,
                       cwd=ROOT)
    if p.returncode != 0:
        print(p.stderr)
        raise SystemExit(1)
    out = json.loads(p.stdout.strip().splitlines()[-1])
    for name in ("one dyad (RUS→IRN)", "every dyad"):
        print(f"yearly dyad series, {name}: {out[name]['seconds'] * 1000:.0f} ms ({out[name]['rows']:,} rows) "
              f"over {N_EVENTS:,} events")
    print(f"peak memory of the query process (Python + DuckDB, VmHWM): {out['peak_rss_mb']:.0f} MB")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="tl-bench-") as tmp:
        bench_ingest(Path(tmp))
    with tempfile.TemporaryDirectory(prefix="tl-bench-") as tmp:
        bench_series(Path(tmp))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--series-child":
        _child(sys.argv[2])
    else:
        main()
