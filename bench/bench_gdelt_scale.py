"""GDELT scale on one machine (issue 17): structured ingest against a bare DuckDB read, and assess /
compare on a store of a year of GDELT-sized event data.

1. Ingest ratio. A synthetic GDELT 2.0 export (the real 61-column layout, `bench_structured`'s
   generator) is loaded by `trustledger ingest` (a child process, as a user runs it) and read into
   a table by a bare DuckDB child process, back to back, REPS times each; the best of each is kept,
   since the machine is shared and a ratio within one run is what holds still. Load average is
   printed with the figures.
2. Assessment at scale. A store of TL_BENCH_EVENTS events (default 20 M; `TL_BENCH_EVENTS=100000000`
   for a year of GDELT, several minutes on 2 cores) is built in SQL only: 40 states with a Zipf-like
   share, IRN–RUS a busy pair (2% of events each way), roles that include non-state parties, CAMEO
   codes with GDELT's skew, dates over one year in file order (GDELT's exports come in date order).
   The dyad-day aggregate is then built once (`trustledger.store.dyad_days.rebuild`, what ingest
   maintains file by file). `assess IRN RUS` and `compare IRN RUS USA CHN` are timed in a child
   process, which reports its peak memory (VmHWM).
3. Bounded memory. A synthetic GDELT 2.0 export of TL_BENCH_BOUNDED_ROWS rows (default 5 M, ~900 MB)
   is loaded by `trustledger ingest --memory-limit TL_BENCH_MEMORY_LIMIT` (default 300MB, a third of the
   file), which reports its peak resident memory; the same for a process that only imports the command
   (what Python and the libraries take before DuckDB reads anything). `--bounded` runs this part alone.

Prints its figures; it is not a pass/fail test (tests/analysis/test_dyad_days.py checks the answers).
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
sys.path.insert(0, str(ROOT / "bench"))

from bench_structured import CODES, COUNTRIES, ROLES, _pick, generate_gdelt2  # noqa: E402

INGEST_ROWS = int(os.environ.get("TL_BENCH_INGEST_ROWS", 1_000_000))
EVENTS = int(os.environ.get("TL_BENCH_EVENTS", 20_000_000))
REPS = int(os.environ.get("TL_BENCH_REPS", 3))
BOUNDED_ROWS = int(os.environ.get("TL_BENCH_BOUNDED_ROWS", 5_000_000))
MEMORY_LIMIT = os.environ.get("TL_BENCH_MEMORY_LIMIT", "300MB")
#: Rows inserted per transaction while building the store (bounds the builder's memory).
CHUNK = 10_000_000
PYTHON = sys.executable


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _timed(cmd: list[str]) -> float:
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:4])} failed: {p.stderr.strip()[-500:]}")
    return time.perf_counter() - t


BARE = """import duckdb, sys
con = duckdb.connect(sys.argv[2]); con.execute("SET enable_progress_bar = false")
con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{sys.argv[1]}', delim='\\t', header=false)")
con.close()"""


def bench_ingest(tmp: Path) -> dict[str, float]:
    path = tmp / "20240101000000.export.CSV"
    generate_gdelt2(path, INGEST_ROWS)
    trustledger = str(Path(PYTHON).with_name("trustledger"))
    best_tl = best_bare = float("inf")
    for i in range(REPS):
        for f in tmp.glob("*.duckdb*"):
            f.unlink()
        best_bare = min(best_bare, _timed([PYTHON, "-c", BARE, str(path), str(tmp / f"bare{i}.duckdb")]))
        best_tl = min(best_tl, _timed([trustledger, "ingest", str(path), "--db", str(tmp / f"tl{i}.duckdb"),
                                       "--no-code"]))
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"ingest of {INGEST_ROWS:,} GDELT 2.0 rows ({path.stat().st_size / 2**20:.0f} MB), best of {REPS}: "
          f"trustledger ingest {best_tl:.2f} s, bare DuckDB process {best_bare:.2f} s: "
          f"{best_bare / best_tl:.2f}x of DuckDB's speed (goal 0.5x, ambition 0.7x)")
    return {"ingest_s": best_tl, "bare_s": best_bare}


#: The command in this process, then its peak resident memory (bytes) as the last line on stderr.
PEAK = """import sys
try:
    if sys.argv[1:]:
        from trustledger.cli import main
        main()
    else:
        import trustledger.cli, trustledger.ingest.pipeline, trustledger.ingest.structured  # noqa
finally:
    # VmHWM, the high-water mark of this program's own memory: ru_maxrss would start from the
    # parent's resident set at the fork (the whole test process), and Linux keeps it across exec.
    print(next(int(l.split()[1]) * 1024 for l in open("/proc/self/status") if l.startswith("VmHWM:")),
          file=sys.stderr)
"""


def _peak_run(args: list[str]) -> tuple[float, float, str]:
    """(seconds, peak MB, stderr) of `trustledger <args>` in a child process."""
    t = time.perf_counter()
    p = subprocess.run([PYTHON, "-c", PEAK, *args], capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - t
    if p.returncode != 0:
        raise SystemExit(f"trustledger {' '.join(args[:2])} failed: {p.stderr.strip()[-800:]}")
    lines = p.stderr.strip().splitlines()
    return seconds, int(lines[-1]) / 2**20, "\n".join(lines[:-1])


def bench_bounded(tmp: Path) -> None:
    """A file several times larger than the memory limit: time and peak memory of its ingest."""
    path = tmp / "20240201000000.export.CSV"
    generate_gdelt2(path, BOUNDED_ROWS)
    size = path.stat().st_size
    _, base_mb, _ = _peak_run([])
    seconds, peak_mb, err = _peak_run(["ingest", str(path), "--db", str(tmp / "bounded.duckdb"), "--no-code",
                                       "--memory-limit", MEMORY_LIMIT])
    with duckdb.connect(str(tmp / "bounded.duckdb"), read_only=True) as con:
        n = con.execute("SELECT count(*) FROM events").fetchone()[0]
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"bounded ingest of {BOUNDED_ROWS:,} GDELT 2.0 rows ({size / 2**20:.0f} MB) with --memory-limit "
          f"{MEMORY_LIMIT}: {n:,} events in {seconds:.1f} s; peak RSS {peak_mb:.0f} MB, of which "
          f"{base_mb:.0f} MB is the Python process before DuckDB reads anything")
    if n != BOUNDED_ROWS:
        raise SystemExit(f"bounded ingest stored {n:,} events, expected {BOUNDED_ROWS:,}: {err[-500:]}")


def build(path: Path, n: int) -> None:
    """`n` GDELT-like events in SQL only, chunk by chunk; then the dyad-day aggregate."""
    from trustledger.store import dyad_days
    from trustledger.store.db import Store

    store = Store(path)
    con = store.con
    con.execute("SET enable_progress_bar = false")
    for lo in range(0, n, CHUNK):
        hi = min(n, lo + CHUNK)
        con.execute(f"""
            INSERT INTO events (event_id, origin, file_id, source_row, text, date, date_precision,
                                source_code, source_country, source_role, target_code, target_country, target_role,
                                cameo, root, quad_class, goldstein, mode)
            SELECT 'gdelt:' || (1000000000 + i), 'gdelt2', 'bench' || (i // 96000), i % 96000,
                   'https://example.org/' || i,
                   -- file order: the day the row was added, a fifth of rows about an earlier day
                   DATE '2024-01-01' + CAST(i * 366 // {n} AS INTEGER)
                       - CASE WHEN hash(i, 'o') % 5 = 0 THEN CAST(hash(i, 'p') % 30 AS INTEGER) ELSE 0 END,
                   'day', c1 || r1, c1, nullif(r1, ''), c2 || r2, c2, nullif(r2, ''), code, left(code, 2),
                   CASE WHEN CAST(left(code, 2) AS INT) <= 5 THEN 1 WHEN CAST(left(code, 2) AS INT) <= 8 THEN 2
                        WHEN CAST(left(code, 2) AS INT) <= 13 THEN 3 ELSE 4 END,
                   round((hash(i, 'g') % 200) / 10.0 - 10, 1),
                   CASE WHEN CAST(left(code, 2) AS INT) <= 5 OR CAST(left(code, 2) AS INT) BETWEEN 9 AND 13
                        THEN 'said' ELSE 'did' END
            FROM (SELECT i,
                         CASE WHEN i % 50 = 0 THEN 'IRN' WHEN i % 50 = 1 THEN 'RUS' ELSE {_pick(COUNTRIES, 'a')} END
                             AS c1,
                         CASE WHEN i % 50 = 0 THEN 'RUS' WHEN i % 50 = 1 THEN 'IRN' ELSE {_pick(COUNTRIES, 'b')} END
                             AS c2,
                         {_pick(ROLES, 'c')} AS r1, {_pick(ROLES, 'e')} AS r2, {_pick(CODES, 'f')} AS code
                  FROM range({lo}, {hi}) t(i))""")
    con.execute("CHECKPOINT")
    t = time.perf_counter()
    with store.transaction():
        dyad_days.rebuild(store)
    print(f"dyad-day aggregate: {dyad_days.rows(store):,} rows, built in {time.perf_counter() - t:.1f} s")
    store.close()


CHILD = """
import json, sys, time, datetime
sys.path.insert(0, sys.argv[2])
from trustledger.analysis.assess import assess
from trustledger.analysis.compare import compare
from trustledger.store.db import Store
out = {}
with Store(sys.argv[1], read_only=True) as s:
    s.con.execute("SET enable_progress_bar = false")
    for label, fn in [("assess IRN RUS", lambda: assess(s, "IRN", "RUS")),
                      ("assess IRN RUS --since 2024-07-01", lambda: assess(s, "IRN", "RUS",
                                                                          since=datetime.date(2024, 7, 1))),
                      ("compare IRN RUS USA CHN", lambda: compare(s, "IRN", ["RUS", "USA", "CHN"]))]:
        times = []
        for _ in range(3):
            t = time.perf_counter(); r = fn(); times.append(time.perf_counter() - t)
        a = r if isinstance(r, dict) else r[0]
        out[label] = {"seconds": min(times), "first": times[0], "score": a["score"], "verdict": a["verdict"]}
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        out["peak_mb"] = int(line.split()[1]) / 1024
print(json.dumps(out))
"""


def bench_assess(tmp: Path, db: Path | None = None) -> None:
    if db is None:
        db = tmp / "scale.duckdb"
        t = time.perf_counter()
        build(db, EVENTS)
        print(f"built a store of {EVENTS:,} events in {time.perf_counter() - t:.0f} s")
    size = sum(f.stat().st_size for f in db.parent.glob(db.name + "*"))
    with duckdb.connect(str(db), read_only=True) as con:
        n, pair = con.execute("""SELECT count(*), count(*) FILTER (source_country IN ('IRN', 'RUS')
                                 AND target_country IN ('IRN', 'RUS')) FROM events""").fetchone()
    print(f"store: {n:,} events ({pair:,} between IRN and RUS), {size / 2**30:.2f} GB on disk")
    p = subprocess.run([PYTHON, "-c", CHILD, str(db), str(ROOT)], capture_output=True, text=True, cwd=ROOT)
    if p.returncode != 0:
        raise SystemExit(p.stderr.strip()[-2000:])
    out = json.loads(p.stdout.strip().splitlines()[-1])
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for label, r in out.items():
        if label != "peak_mb":
            print(f"{label}: {r['seconds']:.2f} s best of 3 (first {r['first']:.2f} s; score {r['score']}, "
                  f"{r['verdict']}); goal < 2 s")
    print(f"peak memory of the assessing process (VmHWM): {out['peak_mb']:.0f} MB (goal < 4096 MB)")


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--build":
        build(Path(sys.argv[2]), EVENTS)
        return
    if len(sys.argv) == 3 and sys.argv[1] == "--assess":
        bench_assess(Path(sys.argv[2]).parent, Path(sys.argv[2]))
        return
    if len(sys.argv) == 2 and sys.argv[1] == "--ingest":
        with tempfile.TemporaryDirectory(prefix="tl-bench-") as tmp:
            bench_ingest(Path(tmp))
        return
    if len(sys.argv) == 2 and sys.argv[1] == "--bounded":
        with tempfile.TemporaryDirectory(prefix="tl-bench-") as tmp:
            bench_bounded(Path(tmp))
        return
    with tempfile.TemporaryDirectory(prefix="tl-bench-") as tmp:
        bench_ingest(Path(tmp))
    with tempfile.TemporaryDirectory(prefix="tl-bench-") as tmp:
        bench_bounded(Path(tmp))
    with tempfile.TemporaryDirectory(prefix="tl-bench-") as tmp:
        bench_assess(Path(tmp))


if __name__ == "__main__":
    main()
