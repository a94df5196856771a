"""Event coder accuracy against the reference sets (prints figures; `make eval` runs it).

* PETR2_GSR_validation.xml (79 real news sentences with gold codings): with our own
  dictionaries, and with the Phoenix dictionaries loaded as `--actors` would load them.
* PETR.UnitTest.records.xml (PETRARCH's grammar suite, invented countries): with its
  PETR.Validate.* actor, agent and verb dictionaries loaded.
* bench/gold/events_gold.jsonl (our own gold set): precision, recall and F1 at the root level
  (source country, target country, root) and for dates (the same plus date and precision).

For the reference sets, a gold coding is reproduced exactly when an event has the same source
code, target code and event code; at the root level when source and target agree on the
country (the first three letters; the gold '---' matches anything) and the root is the same.
Extra events are events that reproduce no gold coding of their sentence, per sentence.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "data" / "petrarch"
GOLD = ROOT / "bench" / "gold" / "events_gold.jsonl"


def read_petrarch_records(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8", errors="replace")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    out = []
    for m in re.finditer(r"<Sentence\b([^>]*)>(.*?)(?=<Sentence\b|</Sentences>)", text, re.S):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        body = m.group(2)
        t = re.search(r"<Text>(.*?)</Text>", body, re.S)
        if not t or not t.group(1).strip():
            continue
        codings = [dict(re.findall(r'(\w+)="([^"]*)"', c)) for c in re.findall(r"<EventCoding\b([^>]*)>", body)]
        gold = [(c.get("sourcecode", "---"), c.get("targetcode", "---"), c["eventcode"]) for c in codings
            if c.get("eventcode")]
        d = attrs.get("date", "")
        try:
            date = dt.date(int(d[:4]), int(d[4:6]), int(d[6:8])) if len(d) == 8 else None
        except ValueError:
            date = None
        out.append({"id": attrs.get("id"), "category": attrs.get("category", "?"), "date": date,
                    "text": " ".join(t.group(1).split()), "gold": gold})
    return out


def _country(code: str | None) -> str:
    return (code or "---")[:3]


def _match_root(g: tuple[str, str, str], e) -> bool:
    gs, gt, gc = g
    es, et = e.source.code, e.target.code if e.target else None
    ok_s = _country(gs) == "---" or _country(gs) == _country(es)
    ok_t = _country(gt) == "---" or (et is not None and _country(gt) == _country(et))
    return ok_s and ok_t and gc[:2] == e.root


def _match_exact(g: tuple[str, str, str], e) -> bool:
    return g[0] == e.source.code and g[1] == (e.target.code if e.target else "---") and g[2] == e.cameo


def evaluate_reference(name: str, records: list[dict], coder) -> None:
    from trustledger.nlp.model import load_model

    nlp = load_model()
    by_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])  # gold, exact, root, sentences, extra
    t0 = time.perf_counter()
    docs = list(nlp.pipe([r["text"] for r in records], batch_size=64))
    for r, doc in zip(records, docs, strict=True):
        events = coder.code_doc(doc, r["date"])
        c = by_cat[r["category"]]
        c[3] += 1
        c[0] += len(r["gold"])
        c[1] += sum(any(_match_exact(g, e) for e in events) for g in r["gold"])
        c[2] += sum(any(_match_root(g, e) for e in events) for g in r["gold"])
        c[4] += sum(not any(_match_root(g, e) for g in r["gold"]) for e in events)
    secs = time.perf_counter() - t0
    tot = [sum(c[i] for c in by_cat.values()) for i in range(5)]
    print(f"\n{name}: {tot[3]} sentences, {tot[0]} gold codings ({secs:.1f}s)")
    print(f"  {'category':<12}{'sent':>6}{'gold':>6}{'exact':>9}{'root':>9}{'extra/sent':>12}")
    for cat, c in sorted(by_cat.items()) + [("ALL", tot)]:
        ex = f"{c[1] / c[0]:.0%}" if c[0] else "-"
        ro = f"{c[2] / c[0]:.0%}" if c[0] else "-"
        print(f"  {cat:<12}{c[3]:>6}{c[0]:>6}{ex:>9}{ro:>9}{c[4] / c[3]:>12.2f}")


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_gold(records: list[dict], coder, nlp=None) -> dict:
    """Score the coder against gold records ({"id", "doc_date", "text", "events"}): counts for P/R/F1."""
    if nlp is None:
        from trustledger.nlp.model import load_model

        nlp = load_model()
    n_gold = n_pred = tp_root = tp_date = tp_mode = 0
    by_root: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # gold, pred, tp
    docs = nlp.pipe([r["text"] for r in records], batch_size=64)
    for r, doc in zip(records, docs, strict=True):
        doc_date = dt.date.fromisoformat(r["doc_date"]) if r.get("doc_date") else None
        events = coder.code_doc(doc, doc_date)
        pred = [(e.source.country, e.target.country if e.target else None, e.root, e.mode,
                 e.date.isoformat() if e.date else None, e.date_precision) for e in events]
        gold = [(g["source"], g.get("target"), g["root"], g.get("mode"), g.get("date"), g.get("precision"))
                for g in r["events"]]
        n_gold += len(gold)
        n_pred += len(pred)
        for g in gold:
            by_root[g[2]][0] += 1
        for p in pred:
            by_root[p[2]][1] += 1
        free = list(pred)
        for g in gold:
            hit = next((p for p in free if p[:3] == g[:3]), None)
            if hit is None:
                continue
            free.remove(hit)
            tp_root += 1
            by_root[g[2]][2] += 1
            tp_mode += hit[3] == g[3]
            tp_date += g[4] is None or (hit[4] == g[4] and (g[5] is None or hit[5] == g[5]))
    return {"sentences": len(records), "n_gold": n_gold, "n_pred": n_pred, "tp_root": tp_root,
            "tp_date": tp_date, "tp_mode": tp_mode, "by_root": dict(by_root),
            "root": _prf(tp_root, n_pred, n_gold), "date": _prf(tp_date, n_pred, n_gold)}


def evaluate_gold(coder) -> None:
    if not GOLD.exists():
        print(f"\n{GOLD} missing")
        return
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    s = score_gold(records, coder)
    n_gold, n_pred, tp_root, tp_mode, by_root = s["n_gold"], s["n_pred"], s["tp_root"], s["tp_mode"], s["by_root"]
    print(f"\nOur gold set ({GOLD.relative_to(ROOT)}): {len(records)} sentences, {n_gold} gold events, "
          f"{n_pred} coded")
    p, r, f = s["root"]
    print(f"  root level (source, target, root):        P {p:.2f}  R {r:.2f}  F1 {f:.2f}")
    p, r, f = s["date"]
    print(f"  with dates (+ date and precision):        P {p:.2f}  R {r:.2f}  F1 {f:.2f}")
    print(f"  mode (said/did) right on matched events:  {tp_mode}/{tp_root}")
    print("  by root: " + ", ".join(f"{k} {v[2]}/{v[0]} (+{v[1] - v[2]})" for k, v in sorted(by_root.items())))


def main() -> int:
    from trustledger.coding.actors import ActorResolver
    from trustledger.coding.coder import EventCoder
    from trustledger.coding.verbs import VerbLexicon

    ours = EventCoder(require_target="--keep-untargeted" not in sys.argv)  # the default: as stored
    evaluate_gold(ours)
    if not SHARED.exists():
        print(f"\n{SHARED} missing: reference sets skipped")
        return 0
    gsr = read_petrarch_records(SHARED / "PETR2_GSR_validation.xml")
    evaluate_reference("PETR2_GSR_validation.xml, our dictionaries", gsr, ours)
    evaluate_reference("PETR2_GSR_validation.xml, our dictionaries, PETRARCH's act-for-intent convention", gsr,
                       EventCoder(require_target=ours.require_target, act_for_intent=True))
    phoenix = ActorResolver.default().with_dictionaries(
        [SHARED / "Phoenix.Countries.actors.txt", SHARED / "Phoenix.International.actors.txt",
         SHARED / "Phoenix.agents.txt"])
    evaluate_reference("PETR2_GSR_validation.xml, + Phoenix actor/agent dictionaries", gsr,
                       EventCoder(phoenix, VerbLexicon.default(), ours.require_target))
    unit = read_petrarch_records(SHARED / "PETR.UnitTest.records.xml")
    validate = ActorResolver.default().with_dictionaries(
        [SHARED / "PETR.Validate.actors.txt", SHARED / "PETR.Validate.agents.txt"])
    verbs = VerbLexicon.default().with_files([SHARED / "PETR.Validate.verbs.txt"], prefer_added=True)
    evaluate_reference("PETR.UnitTest.records.xml, + PETR.Validate.* dictionaries", unit,
                       EventCoder(validate, verbs, ours.require_target))
    evaluate_reference("PETR.UnitTest.records.xml, + PETR.Validate.* dictionaries, PETRARCH's act-for-intent "
                       "convention", unit, EventCoder(validate, verbs, ours.require_target, act_for_intent=True))
    print("\nPublished: PETRARCH-family coders reproduce well under half of gold codings on real text "
          "(UniversalPetrarch 44% with 316% extra events); GDELT event codes 81% right (manual check). "
          "Goal: >= 75% at the root level with < 0.3 extra events per sentence.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
