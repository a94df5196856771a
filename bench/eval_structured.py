"""Load the real data sets in ../shared/data and print counts and timings against the published ones.

Expected (from ../shared/data/README.md): unvotes 870,109 votes, 6,203 roll calls, 5,745 issue
labels; SIPRI 20,480 rows, 10,396 deals, 108 Russia→Iran rows, S-300PMU2 ordered 2015 with 4
delivered 2016; GDELT 1.0 sample 710 events; 214 vetoes (one row per vetoing member here).
Agreement is checked against an independent pandas computation over the raw unvotes files.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))


def check(label: str, got: object, expected: object) -> bool:
    ok = got == expected
    print(f"  {'ok ' if ok else 'BAD'} {label}: {got}" + ("" if ok else f" (expected {expected})"))
    return ok


def pandas_agreement(a: str, b: str, year: int) -> tuple[float, int]:
    import pandas as pd

    v = pd.read_csv(DATA / "unvotes" / "un_votes.csv.gz", keep_default_na=False, na_values=[""])
    rc = pd.read_csv(DATA / "unvotes" / "un_roll_calls.csv.gz", usecols=["rcid", "date"])
    rc["year"] = pd.to_datetime(rc["date"]).dt.year
    m = v[v.country_code == a].merge(v[v.country_code == b], on="rcid").merge(rc, on="rcid")
    m = m[m.year == year]
    same = (m.vote_x == m.vote_y).astype(float)
    half = ((m.vote_x != m.vote_y) & ((m.vote_x == "abstain") | (m.vote_y == "abstain"))) * 0.5
    return float((same + half).mean()), len(m)


def main() -> int:
    if not DATA.exists():
        print(f"no data at {DATA}")
        return 1
    from trustledger.analysis.votes import agreement
    from trustledger.ingest.pipeline import IngestOptions, Ingestor
    from trustledger.store.db import Store

    ok = True
    with tempfile.TemporaryDirectory(prefix="tl-eval-") as tmp:
        store = Store(Path(tmp) / "eval.duckdb")
        for label, paths in [("unvotes", [DATA / "unvotes"]), ("SIPRI", [DATA / "sipri"]),
                             ("GDELT 1.0 sample", [DATA / "gdelt"]), ("UNSC vetoes", [DATA / "unsc"]),
                             ("our UNSC Iran votes", [ROOT / "trustledger" / "data" / "unsc_iran_votes.csv"])]:
            t = time.perf_counter()
            report = Ingestor(store, IngestOptions(code=False)).run([str(p) for p in paths])
            dt = time.perf_counter() - t
            rows = report.total("rows")
            print(f"{label}: {len(report.files)} file(s), {rows:,} rows in {dt:.2f} s ({rows / dt:,.0f} rows/s), "
                  f"{report.rejected_rows} rejected, {len(report.failed)} failed")
            ok &= not report.failed and report.rejected_rows == 0
        c = store.con
        one = lambda sql: c.execute(sql).fetchone()[0]  # noqa: E731
        print("counts:")
        ok &= check("UNGA votes", one("SELECT count(*) FROM votes WHERE rcid NOT LIKE 'UNSC-%'"), 870109)
        ok &= check("UNGA roll calls", one("SELECT count(*) FROM roll_calls WHERE body = 'UNGA'"), 6203)
        ok &= check("issue labels", one("SELECT count(*) FROM roll_call_issues"), 5745)
        ok &= check("SIPRI deals (commitments)", one("SELECT count(*) FROM commitments WHERE origin='sipri'"), 10396)
        ok &= check("SIPRI delivery rows (outcomes)", one("SELECT count(*) FROM outcomes WHERE origin='sipri'"), 20480)
        ok &= check("Russia→Iran rows", one("SELECT count(*) FROM outcomes WHERE actor='RUS' AND counterpart='IRN'"),
                    108)
        s300 = c.execute("""SELECT year(c.made), o.quantity, year(o.date), o.kind FROM commitments c
                            JOIN outcomes o USING (commitment_id)
                            WHERE c.promisor='RUS' AND c.promisee='IRN' AND c.what LIKE 'S-300PMU2%'""").fetchall()
        ok &= check("S-300PMU2 (ordered, delivered, year, kind)", s300, [(2015, 4, 2016, "delivered")])
        ok &= check("GDELT 1.0 events", one("SELECT count(*) FROM events WHERE origin='gdelt1'"), 710)
        ok &= check("vetoes (one row per vetoing member of the 214 rows)", one("SELECT count(*) FROM vetoes"), 265)
        ok &= check("UNSC Iran resolutions", one("SELECT count(*) FROM roll_calls WHERE body='UNSC'"), 7)
        print("agreement index vs an independent pandas computation:")
        for a2, b2, a3, b3, year in [("IR", "RU", "IRN", "RUS", 2015), ("US", "GB", "USA", "GBR", 1980),
                                     ("IR", "US", "IRN", "USA", 1995), ("CN", "RU", "CHN", "RUS", 2010)]:
            t = time.perf_counter()
            by_year = {r["year"]: r for r in agreement(store, a3, b3)}
            dt = time.perf_counter() - t
            exp, n = pandas_agreement(a2, b2, year)
            got = by_year[year]
            good = abs(got["agreement"] - exp) < 1e-9 and got["votes"] == n
            ok &= good
            print(f"  {'ok ' if good else 'BAD'} {a3}-{b3} {year}: {got['agreement']:.4f} over {got['votes']} "
                  f"(pandas {exp:.4f} over {n}); query {dt * 1000:.0f} ms")
        store.close()
    print("all checks passed" if ok else "SOME CHECKS FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
