"""Assessment speed on a synthetic store the size of a country pair's full GDELT history.

Builds (in SQL, no Python loops) a store with EVENTS events among 30 states over 1989–2024,
a tenth of them between Iran and Russia, plus COMMITMENTS ledger rows, then times
`assess IRN RUS` and `compare IRN RUS USA CHN` through the Python functions the CLI calls.
Prints its figures; it is not a pass/fail test.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from trustledger.analysis.assess import assess  # noqa: E402
from trustledger.analysis.compare import compare  # noqa: E402
from trustledger.store.db import Store  # noqa: E402

EVENTS = 2_000_000
COMMITMENTS = 2_000
STATES = ["IRN", "RUS", "USA", "CHN", "GBR", "FRA", "DEU", "ISR", "SAU", "TUR", "IND", "PAK", "SYR", "IRQ", "EGY",
          "JPN", "KOR", "PRK", "BRA", "ZAF", "NGA", "KEN", "UKR", "POL", "ITA", "ESP", "CAN", "MEX", "ARE", "QAT"]
CODES = ["042", "043", "036", "051", "057", "061", "062", "071", "111", "112", "163", "162", "172", "190"]


def build(path: Path) -> None:
    s = Store(path)
    con = s.con
    con.execute("CREATE TEMP TABLE st AS SELECT unnest(?) AS c, generate_subscripts(?, 1) - 1 AS i", [STATES, STATES])
    con.execute("CREATE TEMP TABLE cm AS SELECT unnest(?) AS c, generate_subscripts(?, 1) - 1 AS i", [CODES, CODES])
    n = len(STATES)
    con.execute(f"""
        INSERT INTO events (event_id, origin, date, source_code, source_country, target_code, target_country,
                            cameo, root, quad_class, goldstein, mode)
        SELECT 'e' || r, 'table', DATE '1989-01-01' + CAST(hash(r, 1) % 13149 AS INTEGER),
               s.c, s.c, t.c, t.c, m.c, substr(m.c, 1, 2),
               CASE WHEN substr(m.c, 1, 2) <= '05' THEN 1 WHEN substr(m.c, 1, 2) <= '08' THEN 2
                    WHEN substr(m.c, 1, 2) <= '13' THEN 3 ELSE 4 END, 0, 'did'
        FROM range({EVENTS}) g(r)
        JOIN st s ON s.i = CASE WHEN r % 10 = 0 THEN 1 WHEN r % 10 = 1 THEN 0 ELSE hash(r, 2) % {n} END
        JOIN st t ON t.i = CASE WHEN r % 10 = 0 THEN 0 WHEN r % 10 = 1 THEN 1 ELSE (hash(r, 2) % {n} + 1 +
                                hash(r, 3) % ({n} - 1)) % {n} END
        JOIN cm m ON m.i = hash(r, 4) % {len(CODES)}""")
    con.execute(f"""
        INSERT INTO commitments (commitment_id, origin, promisor, promisee, kind, what, made)
        SELECT 'c' || r, 'text', CASE WHEN r % 2 = 0 THEN 'RUS' ELSE 'USA' END, 'IRN', 'deliver', 'x',
               DATE '1989-01-01' + CAST(hash(r) % 13149 AS INTEGER) FROM range({COMMITMENTS}) g(r)""")
    con.execute("""INSERT INTO ledger (commitment_id, status, delay_days)
        SELECT commitment_id,
               ['kept', 'kept_late', 'broken', 'pending', 'unknown'][CAST(1 + hash(commitment_id) % 5 AS BIGINT)],
               CAST(hash(commitment_id, 9) % 3000 AS INTEGER) FROM commitments""")
    s.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        t0 = time.perf_counter()
        build(path)
        print(f"built store: {EVENTS:,} events ({EVENTS // 10:,} IRN–RUS in each direction), "
              f"{COMMITMENTS:,} commitments in {time.perf_counter() - t0:.1f} s")
        with Store(path, read_only=True) as s:
            for label, fn in [("assess IRN RUS", lambda: assess(s, "IRN", "RUS")),
                              ("assess IRN RUS --since 2010-01-01",
                               lambda: assess(s, "IRN", "RUS", since=__import__("datetime").date(2010, 1, 1))),
                              ("compare IRN RUS USA CHN", lambda: compare(s, "IRN", ["RUS", "USA", "CHN"]))]:
                times = []
                for _ in range(3):
                    t0 = time.perf_counter()
                    out = fn()
                    times.append(time.perf_counter() - t0)
                a = out if isinstance(out, dict) else out[0]
                print(f"{label}: best {min(times):.2f} s of 3 (score {a['score']}, verdict {a['verdict']})")


if __name__ == "__main__":
    main()
