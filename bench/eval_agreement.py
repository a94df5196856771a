"""Inter-annotator agreement on the event gold set (prints figures; `make eval` runs it).

Annotator 1 wrote bench/gold/events_gold.jsonl (the coder's authors); annotator 2 wrote
bench/gold/events_gold_second.jsonl independently, on a sample of the same sentences. On the ids both
annotated:

* event level, root (source, target, root): precision, recall and F1 of annotator 2 against annotator 1
  (one-to-one matching per sentence, as bench/eval_events.py scores the coder);
* mode and date (+ precision) agreement on the matched events;
* Cohen's kappa on the root, over the events paired by dyad (same source and target in the same sentence;
  pairs with the same root are taken first), so that a root disagreement on the same dyad counts;
* per-sentence exact agreement (the same multiset of (source, target, root), including "no event");
* the coder's root-level F1 against each annotator on the shared ids (eval_events.score_gold);
* the disagreements, one line each.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
FIRST = HERE / "gold" / "events_gold.jsonl"
SECOND = HERE / "gold" / "events_gold_second.jsonl"

Triple = tuple[str, str | None, str]


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _triple(e: dict) -> Triple:
    return (e["source"], e.get("target"), e["root"])


def match_events(gold: list[dict], other: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """One-to-one pairs with the same (source, target, root), in order; then the unmatched of each side."""
    free = list(other)
    pairs, missed = [], []
    for g in gold:
        hit = next((o for o in free if _triple(o) == _triple(g)), None)
        if hit is None:
            missed.append(g)
        else:
            free.remove(hit)
            pairs.append((g, hit))
    return pairs, missed, free


def pair_by_dyad(gold: list[dict], other: list[dict]) -> list[tuple[str, str]]:
    """Root pairs for events on the same dyad: exact root matches first, then any event left on that dyad."""
    pairs, missed, free = match_events(gold, other)
    roots = [(g["root"], o["root"]) for g, o in pairs]
    for g in missed:
        hit = next((o for o in free if (o["source"], o.get("target")) == (g["source"], g.get("target"))), None)
        if hit is not None:
            free.remove(hit)
            roots.append((g["root"], hit["root"]))
    return roots


def cohen_kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa for two raters' labels on the same items: (p_o - p_e) / (1 - p_e)."""
    n = len(pairs)
    if not n:
        return float("nan")
    p_o = sum(a == b for a, b in pairs) / n
    c1 = Counter(a for a, _ in pairs)
    c2 = Counter(b for _, b in pairs)
    p_e = sum(c1[k] * c2[k] for k in c1) / (n * n)
    if p_e == 1.0:
        return 1.0 if p_o == 1.0 else 0.0
    return (p_o - p_e) / (1 - p_e)


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def agreement(first: list[dict], second: list[dict]) -> dict:
    """Agreement of annotator 2 (`second`) with annotator 1 (`first`) on the ids both annotated."""
    by_id = {r["id"]: r for r in first}
    shared = [(by_id[r["id"]], r) for r in second if r["id"] in by_id]
    n1 = n2 = tp = mode_ok = date_ok = dated = dated_ok = exact = 0
    root_pairs: list[tuple[str, str]] = []
    disagreements = []
    for r1, r2 in shared:
        e1, e2 = r1["events"], r2["events"]
        n1 += len(e1)
        n2 += len(e2)
        pairs, only1, only2 = match_events(e1, e2)
        tp += len(pairs)
        root_pairs += pair_by_dyad(e1, e2)
        exact += not only1 and not only2
        diffs = []
        for a, b in pairs:
            mode_ok += a.get("mode") == b.get("mode")
            same_date = (a.get("date"), a.get("precision")) == (b.get("date"), b.get("precision"))
            date_ok += same_date
            if a.get("date") and b.get("date"):
                dated += 1
                dated_ok += same_date
            if a.get("mode") != b.get("mode"):
                diffs.append(f"{'/'.join(map(str, _triple(a)))} mode {a.get('mode')}→{b.get('mode')}")
            if not same_date:
                diffs.append(f"{'/'.join(map(str, _triple(a)))} date {a.get('date')} {a.get('precision')}"
                             f"→{b.get('date')} {b.get('precision')}")
        if only1 or only2 or diffs:
            disagreements.append({"id": r1["id"], "text": r1["text"],
                                  "only_first": [_triple(e) for e in only1],
                                  "only_second": [_triple(e) for e in only2], "matched_diffs": diffs})
    p, r, f = _prf(tp, n2, n1)
    return {"shared": len(shared), "n_first": n1, "n_second": n2, "matched": tp,
            "precision": p, "recall": r, "f1": f, "mode_agree": mode_ok, "date_agree": date_ok,
            "dated_pairs": dated, "dated_agree": dated_ok, "kappa_pairs": len(root_pairs),
            "kappa_root_agree": sum(a == b for a, b in root_pairs), "kappa": cohen_kappa(root_pairs),
            "sentences_exact": exact, "disagreements": disagreements}


def _fmt(t: tuple) -> str:
    return " ".join(f"{s}→{tg}:{root}" for s, tg, root in t) or "-"


def main() -> int:
    if not SECOND.exists() or not FIRST.exists():
        print(f"{SECOND.name} or {FIRST.name} missing")
        return 0
    first, second = read_jsonl(FIRST), read_jsonl(SECOND)
    a = agreement(first, second)
    print(f"Event gold set, two annotators: {a['shared']} shared sentences, annotator 1 {a['n_first']} events, "
          f"annotator 2 {a['n_second']}")
    print(f"  root level (source, target, root), 2 vs 1:  P {a['precision']:.2f}  R {a['recall']:.2f}  "
          f"F1 {a['f1']:.2f}  ({a['matched']} matched)")
    m = a["matched"] or 1
    print(f"  mode agreement on matched events:          {a['mode_agree']}/{a['matched']} "
          f"({a['mode_agree'] / m:.0%})")
    print(f"  date + precision agreement, matched:       {a['date_agree']}/{a['matched']} "
          f"({a['date_agree'] / m:.0%}); where both give a date {a['dated_agree']}/{a['dated_pairs']}")
    print(f"  Cohen's kappa on the root (dyad-paired):   {a['kappa']:.2f} "
          f"({a['kappa_root_agree']}/{a['kappa_pairs']} pairs agree)")
    print(f"  sentences with identical events:           {a['sentences_exact']}/{a['shared']} "
          f"({a['sentences_exact'] / max(a['shared'], 1):.0%})")

    ids = {r["id"] for r in second}
    try:
        from eval_events import score_gold

        from trustledger.coding.coder import EventCoder
        from trustledger.nlp.model import load_model

        coder, nlp = EventCoder(), load_model()
        for name, recs in (("annotator 1", [r for r in first if r["id"] in ids]), ("annotator 2", second)):
            s = score_gold(recs, coder, nlp)
            p, r, f = s["root"]
            print(f"  coder vs {name} (shared ids, root level): P {p:.2f}  R {r:.2f}  F1 {f:.2f}  "
                  f"({s['tp_root']}/{s['n_gold']} gold, {s['n_pred']} coded)")
    except Exception as exc:  # the agreement figures stand on their own
        print(f"  coder scoring skipped: {exc}")

    print(f"\nDisagreements ({len(a['disagreements'])} sentences; events as source→target:root):")
    for d in a["disagreements"]:
        parts = []
        if d["only_first"] or d["only_second"]:
            parts.append(f"1 only: {_fmt(d['only_first'])} | 2 only: {_fmt(d['only_second'])}")
        parts += d["matched_diffs"]
        print(f"  {d['id']} {'; '.join(parts)}  — {d['text'][:70]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
