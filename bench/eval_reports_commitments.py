"""The commitment ledger on real reports (`bench/gold/reports/commitments`): 54 cases of promises
between states (arms, plants, pipelines, loans, aid, trade and sanctions relief, prisoners, security
assurances, ceasefires, withdrawals, treaties), each 2-6 dated news reports rewritten sentence by
sentence, with the expected ledger written from the reports before the code ran on them.

All reports are ingested together into one temporary store through the real pipeline (as a user
would load them); each ledger entry of text origin belongs to the case of its evidence documents.
A gold entry is found when an entry of its case names the same two states (either order) and shares
a content word of its object. Printed per split (dev, test; the test split is never tuned on):
* detection precision / recall / F1 (one-to-one matching);
* promisor and promisee right, as a share of found entries;
* status accuracy over found entries;
* made year and fulfilled year right, over found entries where the gold gives one.
Goals (issue 14, test split): F1 >= 0.80, parties >= 0.90, status >= 0.80, years >= 0.85.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "bench" / "gold" / "reports" / "commitments"
sys.path.insert(0, str(ROOT))

STOP = {"the", "a", "an", "of", "to", "and", "for", "with", "its", "their", "from", "on", "in", "by", "new",
        "deliver", "supply", "provide", "build", "system", "systems", "two", "three", "four", "five", "six",
        "more", "all", "any", "some", "other", "first", "second", "not", "no", "be", "will"}


def words(text: str | None) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z0-9][a-z0-9-]*", (text or "").lower())
            if w not in STOP and len(w) > 1}


def load_cases() -> list[dict]:
    return [json.loads(line) for f in sorted(CASES.glob("cases_*.jsonl")) for line in f.open(encoding="utf-8")]


def run_ledger() -> tuple[list[dict], dict[str, str], float]:
    from trustledger.commitments import queries
    from trustledger.ingest.pipeline import IngestOptions, Ingestor
    from trustledger.store.db import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "cases.duckdb")
        t0 = time.perf_counter()
        Ingestor(store, IngestOptions()).run([str(CASES / "docs")])
        secs = time.perf_counter() - t0
        names = {r["doc_id"]: Path(r["path"]).name for r in store.query("SELECT doc_id, path FROM documents")}
        entries = queries.ledger(store, origin="text")
        store.close()
    return entries, names, secs


def _year(value) -> str | None:
    return str(value)[:4] if value else None


def score(cases: list[dict], entries: list[dict], names: dict[str, str]) -> dict:
    by_case: dict[str, list[dict]] = {}
    for e in entries:
        docs = {names.get(ev["doc_id"], "") for ev in e["evidence"]}
        case = next((d.rsplit("-", 1)[0] for d in sorted(docs) if re.match(r"C\d-\d\d-[a-z]\.md$", d)), None)
        if case:
            by_case.setdefault(case, []).append(e)
    n_gold = n_pred = tp = parties = status = made_ok = made_n = ful_ok = ful_n = 0
    for c in cases:
        pred = list(by_case.get(c["case"], []))
        n_pred += len(pred)
        for g in c["commitments"]:
            n_gold += 1
            gw = words(g.get("object")) | words(g.get("what"))
            pair = {g["promisor"], g["promisee"]}
            best = None
            for e in pred:
                ew = words(e.get("object")) | words(e.get("what")) | {w for t in e.get("terms") or [] for w in words(t)}
                if {e["promisor"], e["promisee"]} == pair and gw & ew:
                    best = e
                    break
            if best is None:
                continue
            pred.remove(best)
            tp += 1
            parties += best["promisor"] == g["promisor"] and best["promisee"] == g["promisee"]
            status += best["status"] == g["status"]
            if g.get("made"):
                made_n += 1
                made_ok += _year(best.get("made")) == _year(g["made"])
            if g.get("fulfilled"):
                ful_n += 1
                ful_ok += _year(best.get("fulfilled")) == _year(g["fulfilled"])
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"gold": n_gold, "pred": n_pred, "found": tp, "p": p, "r": r, "f1": f,
            "parties": parties / tp if tp else 0.0, "status": status / tp if tp else 0.0,
            "made": made_ok / made_n if made_n else 0.0, "made_n": made_n,
            "fulfilled": ful_ok / ful_n if ful_n else 0.0, "fulfilled_n": ful_n}


def main() -> int:
    print("== The commitment ledger on real reports (bench/gold/reports/commitments) ==")
    if not CASES.exists():
        print(f"{CASES} missing")
        return 0
    cases = load_cases()
    split = json.loads((CASES / "split.json").read_text(encoding="utf-8"))
    entries, names, secs = run_ledger()
    n_docs = len(list((CASES / "docs").glob("*.md")))
    print(f"{len(cases)} cases, {n_docs} reports, {sum(len(c['commitments']) for c in cases)} expected entries; "
          f"ingested and judged in {secs:.1f} s; {len(entries)} ledger entries from text")
    for name in ("dev", "test"):
        s = score([c for c in cases if c["case"] in set(split[name])], entries, names)
        print(f"  {name:<4}: detection P {s['p']:.2f} R {s['r']:.2f} F1 {s['f1']:.2f} ({s['found']} of {s['gold']} "
              f"found, {s['pred']} entries); of found: parties {s['parties']:.2f}, status {s['status']:.2f}, "
              f"made year {s['made']:.2f} (n={s['made_n']}), fulfilled year {s['fulfilled']:.2f} "
              f"(n={s['fulfilled_n']})" + ("   (goals: F1 0.80, parties 0.90, status 0.80, years 0.85)"
                                           if name == "test" else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
