"""Commitment ledger against the gold set in bench/gold/commitments/ (written by us).

Ingests the gold documents into a temporary store through the real pipeline, then prints:
* detection precision / recall / F1: ledger entries (text origin) matched one-to-one to gold
  stories by promisor, promisee and object terms;
* link accuracy: share of gold outcomes attached to their story's commitment, plus
  deliveries of things never promised that stay unlinked;
* status accuracy: matched stories whose ledger status is the expected one (and over all stories,
  counting a missed story as wrong).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "gold" / "commitments"
sys.path.insert(0, str(ROOT))


def main() -> int:
    keep = Path(sys.argv[1]) if len(sys.argv) > 1 else None  # keep the store to inspect it
    print("== gold set (bench/gold/commitments; the rules were tuned on it) ==")
    evaluate(GOLD, keep)
    print("\n== held-out set (bench/gold/commitments/heldout; written after tuning, never tuned on) ==")
    evaluate(GOLD / "heldout", None)
    return 0


def evaluate(GOLD: Path, keep: Path | None) -> None:  # noqa: N803 - the folder under evaluation
    from trustledger.commitments import queries
    from trustledger.commitments.stage import CommitmentStage
    from trustledger.ingest.pipeline import IngestOptions, Ingestor
    from trustledger.store.db import Store

    gold = json.loads((GOLD / "gold.json").read_text(encoding="utf-8"))
    stories = gold["stories"]
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        path = keep or Path(tmp) / "gold.duckdb"
        path.unlink(missing_ok=True)
        store = Store(path)
        Ingestor(store, IngestOptions(), stages=(CommitmentStage(),)).run([str(p) for p in sorted(GOLD.glob("*.md"))])
        seconds = time.perf_counter() - t0
        docs = {Path(r["path"]).name: r["doc_id"] for r in store.query("SELECT doc_id, path FROM documents")}
        sentences = store.query("SELECT doc_id, sentence_index, text FROM sentences")
        entries = queries.ledger(store, origin="text")
        outcomes = store.query("SELECT outcome_id, commitment_id, doc_id, sentence_index, kind FROM outcomes "
                               "WHERE duplicate_of IS NULL")
        store.close()

    def sentence_of(ref: dict) -> tuple[str, int] | None:
        doc_id = docs.get(ref["doc"])
        for s in sentences:
            if s["doc_id"] == doc_id and ref["quote"] in s["text"]:
                return doc_id, s["sentence_index"]
        return None

    def words(text: str) -> set[str]:
        return {w.rstrip("s") for w in text.lower().replace("-", " ").split() if len(w) > 2}

    def same_object(terms: list[str], e: dict) -> bool:
        """The ledger's object key names the gold object: equal, or sharing a content word
        ("face mask" for "face masks", "pantsir-s1" for "pantsir-s1")."""
        keys = {e["object"] or ""} | set(e["terms"][:1])
        return bool(set(terms) & keys) or any(words(t) & words(k) for t in terms for k in keys if k)

    def made_gap(s: dict, e: dict) -> int:
        if not e["made"] or not s["made"]:
            return 10**6
        return abs((e["made"] - dt.date.fromisoformat(s["made"][:10])).days)

    # one-to-one: same promisor, promisee and object; among several, the promise made nearest the gold date
    pairs = []
    for s in stories:
        for e in entries:
            if e["promisor"] == s["promisor"] and e["promisee"] == s["promisee"] and same_object(s["terms"], e):
                pairs.append((e["kind"] != s.get("kind", "deliver"), made_gap(s, e), s["id"], e["commitment_id"], e))
    used: set[str] = set()
    match: dict[str, dict] = {}
    for _, _, sid, cid, e in sorted(pairs, key=lambda p: p[:4]):
        if sid in match or cid in used:
            continue
        match[sid] = e
        used.add(cid)
    tp = len(match)
    precision = tp / len(entries) if entries else 0.0
    recall = tp / len(stories) if stories else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    links_ok = links_total = 0
    missed_links = []
    for s in stories:
        e = match.get(s["id"])
        for o in s["outcomes"]:
            links_total += 1
            where = sentence_of(o)
            if e is not None and where is not None and any(
                    r["commitment_id"] == e["commitment_id"] and (r["doc_id"], r["sentence_index"]) == where
                    for r in outcomes):
                links_ok += 1
            else:
                missed_links.append(f"{s['id']}: {o['kind']} in {o['doc']} ({o['quote'][:50]})")
    decoys_ok = 0
    for ref in gold.get("never_promised_deliveries", []):
        links_total += 1
        where = sentence_of(ref)
        if where and not any((r["doc_id"], r["sentence_index"]) == where and r["commitment_id"] for r in outcomes):
            decoys_ok += 1
    status_ok = sum(1 for s in stories if s["id"] in match and match[s["id"]]["status"] == s["status"])

    print(f"gold set: {len(stories)} stories, {len({(s['promisor'], s['promisee']) for s in stories})} dyads, "
          f"{len(docs)} documents; ingest + linking {seconds:.1f} s")
    print(f"commitment detection: precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  "
          f"({tp} matched, {len(entries)} ledger entries, {len(stories)} gold stories)")
    print(f"link accuracy: {(links_ok + decoys_ok) / links_total if links_total else 0:.3f}  "
          f"({links_ok} gold outcomes linked right, {decoys_ok} of "
          f"{len(gold.get('never_promised_deliveries', []))} never-promised deliveries left unlinked, "
          f"of {links_total})")
    print(f"status accuracy: {status_ok / tp if tp else 0:.3f} on matched stories ({status_ok}/{tp}); "
          f"{status_ok / len(stories):.3f} over all gold stories")
    print("goals: detection F1 >= 0.85, status accuracy >= 0.9")
    for s in stories:
        e = match.get(s["id"])
        got = e["status"] if e else "missed"
        if got != s["status"]:
            print(f"  {s['id']}: expected {s['status']}, got {got}")
    for m in missed_links:
        print(f"  outcome not linked: {m}")
    extra = [e for e in entries if e["commitment_id"] not in used]
    for e in extra:
        print(f"  extra: {e['promisor']}->{e['promisee']} {e['what']} ({e['status']}): {e['evidence'][0]['text'][:90]}")


if __name__ == "__main__":
    sys.exit(main())
