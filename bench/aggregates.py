"""Aggregate-only views of the splits we may not read item by item: python bench/aggregates.py [events|ledger|both]
[--split test|dev-A|dev-B] [--fresh-events TEXTS GOLD] [--fresh-cases DIR]

The test split and a held-out batch kept outside the repository may only be seen as figures; this prints the
counts that say where their losses are, never a sentence, a label or an entry:
- events: misses and extras by kind (as `eval_realtext.py --show` counts them), per-root right / coded / gold,
  and root confusions (a coded root where the consensus has another root for the same actor pair);
- ledger: missed expectations by where they were lost (OBJECT, PARTIES, MERGED, NOTHING) crossed with whether the
  sentence of their evidence gave any commitment mention, and how many evidence sentences hold a coded event
  between the promise's two states (what a detector reading the coder's events could reach at most).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import eval_realtext as ev  # noqa: E402
from dev_folds import split_folds  # noqa: E402


def _members(split: dict, name: str) -> set[str]:
    if name in ("dev-A", "dev-B"):
        return set(split_folds(split["dev"])[name[-1]])
    return set(split[name])


def events(reps: list[dict], gold: dict[str, dict]) -> None:
    """Miss and extra kinds, per-root counts and root confusions of the given reports."""
    docs, spans = ev.report_documents(reps)
    rows, _ = ev.code_documents(docs)
    ids = [f"{r['report']}:{k}" for r in reps for k in range(len(r["sentences"]))]
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        ev.show(reps, spans, docs, rows, ids, gold)
    print(buf.getvalue().split("\nMisses by kind (dev):")[1].replace("(dev)", "").strip("\n"))
    pred = ev.coded_by_sentence(rows, spans)
    tp, pr, gd, conf = Counter(), Counter(), Counter(), Counter()
    for i in ids:
        g, c = ev._events(gold[i]) if i in gold else Counter(), pred.get(i, Counter())
        for k, n in (c & g).items():
            tp[k[2]] += n
        for k, n in c.items():
            pr[k[2]] += n
        for k, n in g.items():
            gd[k[2]] += n
        for k in c - g:
            for m in g - c:
                if k[:2] == m[:2]:
                    conf[(k[2], m[2])] += 1
    print("per root, right/coded/gold: " + " ".join(f"{r}:{tp[r]}/{pr[r]}/{gd[r]}" for r in sorted(set(pr) | set(gd))))
    print("root confusions, coded->gold: " + ", ".join(f"{a}->{b} {n}" for (a, b), n in conf.most_common(12)))
    actors = Counter(actor_difference(k, g) for i in ids for k, g in _extras_with_gold(pred.get(i, Counter()), (
        ev._events(gold[i]) if i in gold else Counter())))
    print("extras of a root the sentence's gold has, by how the actors differ: "
          + ", ".join(f"{k} {n}" for k, n in actors.most_common() if k))


def _extras_with_gold(coded: Counter, gold: Counter) -> list[tuple[tuple, Counter]]:
    """Each extra coded event (key, multiplicity expanded) with the sentence's gold events."""
    return [(k, gold) for k, n in (coded - gold).items() for _ in range(n)]


def actor_difference(k: tuple, gold: Counter) -> str:
    """How an extra event (source, target, root) differs from the gold events of its root in the same
    sentence: reversed, the target missing ("none->x") or extra ("x->none") or another, the source another;
    "" when the sentence's gold has no event of that root."""
    same = [m for m in gold if m[2] == k[2]]
    if not same:
        return ""
    if any((m[1], m[0]) == k[:2] for m in same):
        return "reversed"
    by_source = [m for m in same if m[0] == k[0]]
    if by_source:
        if k[1] is None:
            return "target none->x"
        return "target x->none" if any(m[1] is None for m in by_source) else "target other"
    if any(m[1] == k[1] for m in same):
        return "source other (coded domestic)" if k[0] == k[1] else "source other"
    return "both other"


def ledger(cases_dir: Path | None, split_name: str | None) -> None:
    """Where the expectations of the cases were lost, and what their evidence sentences gave."""
    import eval_reports_commitments as ec

    from trustledger.commitments import queries
    from trustledger.ingest.pipeline import IngestOptions, Ingestor
    from trustledger.store.db import Store

    if cases_dir is not None:
        ec.CASES = cases_dir
    cases = ec.load_cases()
    if split_name:
        members = _members(json.loads((ec.CASES / "split.json").read_text()), split_name)
        cases = [c for c in cases if c["case"] in members]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "cases.duckdb")
        Ingestor(store, IngestOptions()).run([str(ec.CASES / "docs")])
        names = {r["doc_id"]: Path(r["path"]).name for r in store.query("SELECT doc_id, path FROM documents")}
        entries = queries.ledger(store, origin="text")
        mentions = ec.mentions_with_entries(store)
        evs = store.query("SELECT doc_id, text, source_country, target_country FROM events WHERE origin = 'text'")
        store.close()
    by_case = ec.entries_by_case(entries, names)
    men_case: dict[str, list[dict]] = {}
    for m in mentions:  # a case's misses are judged on its own reports' mentions, as the eval's view does
        men_case.setdefault(names.get(m["doc_id"], "").rsplit("-", 1)[0], []).append(m)
    lost, quote = Counter(), Counter()
    for c in cases:
        pred = list(by_case.get(c["case"], []))
        matched = ec.assign(c["commitments"], pred)
        for e in matched.values():
            pred.remove(e)
        for k, g in enumerate(c["commitments"]):
            q = ((g.get("evidence") or {}).get("quote") or "").lower()[:40]
            d = (g.get("evidence") or {}).get("doc")
            said = bool(q) and any(names.get(m["doc_id"]) == d and q in (m["text"] or "").lower() for m in mentions)
            pair = {g["promisor"], g["promisee"]}
            paired = bool(q) and any(names.get(e["doc_id"]) == d and q in (e["text"] or "").lower()
                                     and {e["source_country"], e["target_country"]} == pair for e in evs)
            quote[("mention" if said else "no mention", "pair event" if paired else "no pair event")] += 1
            if k in matched:
                lost["found"] += 1
                continue
            why = ec._why_missed(g, pred, men_case.get(c["case"], []), names)
            lost[(why.split(":")[0].split("/")[0], "sentence gave a mention" if said else "sentence gave none")] += 1
    print(f"{len(cases)} cases, {sum(len(c['commitments']) for c in cases)} expected entries")
    print("by where lost: " + ", ".join(f"{k if isinstance(k, str) else ' / '.join(k)} {n}"
                                        for k, n in lost.most_common()))
    print("evidence sentences: " + ", ".join(f"{a} + {b} {n}" for (a, b), n in quote.most_common()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", nargs="?", default="both", choices=("events", "ledger", "both"))
    ap.add_argument("--split", default="test", choices=("test", "dev-A", "dev-B"))
    ap.add_argument("--fresh-events", nargs=2, metavar=("TEXTS", "GOLD"), help="a held-out batch instead of a split")
    ap.add_argument("--fresh-cases", type=Path,
                    help="a held-out cases folder (docs/, cases_*.jsonl) instead of a split")
    args = ap.parse_args(argv)
    if args.what in ("events", "both"):
        if args.fresh_events:
            reps = [json.loads(line) for line in open(args.fresh_events[0], encoding="utf-8")]
            gold = {r["id"]: r for r in map(json.loads, open(args.fresh_events[1], encoding="utf-8"))}
        else:
            allreps, _ = ev.load_reports()
            members = _members(json.loads((ev.REPORTS / "split.json").read_text()), args.split)
            reps = [r for r in allreps if r["report"] in members]
            gold = {r["id"]: r for r in map(json.loads, (ev.REPORTS / "gold.jsonl").open(encoding="utf-8"))}
        print(f"== events ({args.fresh_events[0] if args.fresh_events else args.split}) ==")
        events(reps, gold)
    if args.what in ("ledger", "both"):
        print(f"== ledger ({args.fresh_cases or args.split}) ==")
        ledger(args.fresh_cases, None if args.fresh_cases else args.split)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
