"""Does the trust score tell allies from adversaries? An external check of the assessment model.

The weights, priors and thresholds of the assessment (README, "Assessment") are ours; nothing
has fitted them to data. This script asks the simplest question a user would: on the public data
sets alone (every UN General Assembly roll call 1946–2019 and the SIPRI arms-transfer register
2000–2023, from ../shared/data), do pairs of states that were allies in 2000–2019 score higher than
pairs that were adversaries?

The two lists below are written by us from public facts (a defence treaty or a standing
alliance for allies; no diplomatic relations, sanctions regimes or armed conflict for
adversaries). They are deliberately the obvious cases: a model that cannot separate these has no
business separating the hard ones. Nothing here tunes the model; the figures are reported only.

Prints, for the combined score and for each component: AUC (the chance that a random ally pair
scores above a random adversary pair; 0.5 is chance), mean score per group, and the pairs that
landed on the wrong side of 0.5.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "data"
SINCE, UNTIL = dt.date(2000, 1, 1), dt.date(2019, 12, 31)

#: (truster, trustee): a defence treaty or standing alliance for the whole period.
ALLIES = [
    ("USA", "GBR"), ("GBR", "USA"), ("USA", "CAN"), ("CAN", "USA"), ("USA", "AUS"), ("AUS", "USA"),
    ("USA", "JPN"), ("JPN", "USA"), ("USA", "KOR"), ("KOR", "USA"), ("FRA", "DEU"), ("DEU", "FRA"),
    ("GBR", "FRA"), ("USA", "POL"), ("POL", "USA"), ("RUS", "BLR"), ("BLR", "RUS"), ("RUS", "ARM"),
    ("ARM", "RUS"), ("RUS", "KAZ"), ("CHN", "PAK"), ("PAK", "CHN"), ("IRN", "SYR"), ("SYR", "IRN"),
    ("USA", "ISR"), ("ISR", "USA"),
]
#: (truster, trustee): no diplomatic relations, a sanctions regime or armed conflict in the period.
ADVERSARIES = [
    ("USA", "IRN"), ("IRN", "USA"), ("USA", "CUB"), ("CUB", "USA"), ("USA", "PRK"), ("PRK", "USA"),
    ("ISR", "IRN"), ("IRN", "ISR"), ("IND", "PAK"), ("PAK", "IND"), ("SAU", "IRN"), ("IRN", "SAU"),
    ("RUS", "GEO"), ("GEO", "RUS"), ("ARM", "AZE"), ("AZE", "ARM"), ("KOR", "PRK"), ("PRK", "KOR"),
    ("USA", "SYR"), ("SYR", "USA"), ("USA", "VEN"), ("VEN", "USA"),
]


def auc(pos: list[float], neg: list[float]) -> float | None:
    """Mann–Whitney AUC: P(a positive scores above a negative), ties counting half."""
    if not pos or not neg:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def build_store(path: Path) -> float:
    from trustledger.ingest.pipeline import IngestOptions, Ingestor
    from trustledger.store.db import Store

    files = [SHARED / "unvotes", SHARED / "sipri" / "trade-register-2000-2023.csv"]
    t0 = time.perf_counter()
    store = Store(path)
    try:
        Ingestor(store, IngestOptions()).run([str(f) for f in files])
    finally:
        store.close()
    return time.perf_counter() - t0


def main() -> int:
    if not (SHARED / "unvotes").exists():
        print(f"{SHARED} missing: assessment check skipped")
        return 0
    from trustledger.analysis.assess import assess
    from trustledger.store.db import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "calibration.duckdb"
        secs = build_store(db)
        print(f"store: UN roll calls 1946-2019 + SIPRI 2000-2023 ingested in {secs:.1f} s; "
              f"period assessed {SINCE} to {UNTIL}")
        store = Store(db, read_only=True)
        try:
            results = {pair: assess(store, *pair, SINCE, UNTIL) for pair in ALLIES + ADVERSARIES}
        finally:
            store.close()

    def scores(pairs, part: str | None) -> list[float]:
        out = []
        for p in pairs:
            r = results[p]
            v = r["score"] if part is None else (r["components"].get(part) or {}).get("score")
            if v is not None:
                out.append(v)
        return out

    parts = [None, *sorted({k for r in results.values() for k in r["components"]})]
    print(f"\n{len(ALLIES)} ally pairs, {len(ADVERSARIES)} adversary pairs (directed)")
    print(f"  {'score':<14}{'AUC':>6}{'allies mean (n)':>20}{'adversaries mean (n)':>24}")
    for part in parts:
        a, d = scores(ALLIES, part), scores(ADVERSARIES, part)
        value = auc(a, d)
        mean = lambda xs: f"{sum(xs) / len(xs):.2f} ({len(xs)})" if xs else "- (0)"  # noqa: E731
        print(f"  {part or 'combined':<14}{(f'{value:.2f}' if value is not None else '-'):>6}"
              f"{mean(a):>20}{mean(d):>24}")
    print("  (combined: only pairs with a verdict; UN voting alone gives 'insufficient evidence' by design,\n"
          "   so adversaries, who sign no arms deals, mostly have none on these two data sets)")
    wrong = [(p, results[p]["score"], results[p]["verdict"]) for p in ALLIES
             if results[p]["score"] is not None and results[p]["score"] < 0.5]
    wrong += [(p, results[p]["score"], results[p]["verdict"]) for p in ADVERSARIES
              if results[p]["score"] is not None and results[p]["score"] >= 0.5]
    print(f"\non the wrong side of 0.5: {len(wrong)} of {len(results)}")
    for (a, b), s, verdict in wrong:
        side = "ally" if (a, b) in ALLIES else "adversary"
        print(f"  {a}->{b} ({side}): {s:.2f}, {verdict}")
    verdicts: dict[str, dict[str, int]] = {}
    for pairs, name in ((ALLIES, "allies"), (ADVERSARIES, "adversaries")):
        for p in pairs:
            verdicts.setdefault(name, {}).setdefault(results[p]["verdict"], 0)
            verdicts[name][results[p]["verdict"]] += 1
    for name, counts in verdicts.items():
        print(f"verdicts, {name}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
