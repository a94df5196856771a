"""The event coder on real text, first (`make eval` runs this before anything else).

1. PLOVER dev (`../shared/data/plover/plover-gold-dev.jsonl`, real news sentences from the CAMEO
   manual), scored as `../shared/data/README.md` says: a sentence is right when one coded event has
   a listed source country and a CAMEO root of its category; with the target too where one is listed.
2. The report-based set (`bench/gold/reports/events`: real news reports rewritten sentence by
   sentence, labelled blind by two annotators): event precision, recall and F1 at the root level
   (source country, target country or none, CAMEO root) against the annotators' consensus, on the
   dev and the test split separately (the test split is never tuned on), with extra events per
   sentence and the share of sentences with no event.

Every document goes through the real ingest pipeline (parse, sentence split, coder) in a
temporary store; a coded event is assigned to the gold sentence holding its first character.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
REPORTS = ROOT / "bench" / "gold" / "reports" / "events"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

PLOVER_ROOTS = {"AGREE": {"03"}, "CONSULT": {"04"}, "SUPPORT": {"05"}, "COOPERATE": {"06"}, "AID": {"07"},
                "CONCEDE": {"08"}, "RETREAT": {"08"}, "INVESTIGATE": {"09"}, "DEMAND": {"10"},
                "DISAPPROVE": {"11"}, "REJECT": {"12"}, "THREATEN": {"13"}, "PROTEST": {"14"},
                "MOBILIZE": {"15"}, "SANCTION": {"16"}, "COERCE": {"17"}, "ASSAULT": {"18", "20"},
                "FIGHT": {"19"}}
OLD_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "TMP": "TLS"}


def _code(c: str | None) -> str | None:
    """A state code as scored, on both sides alike: older spellings (JAP, SUN) in today's form, and a
    state that no longer exists as the state that continues it (USR is RUS, YUG is SRB), the convention
    the ledger follows. Annotators code a 1990 Soviet act as RUS or SUN, the coder as USR: one state."""
    from trustledger.coding.countries import ALIASES, successor

    if not c:
        return None
    c = c[:3].upper()
    return successor(ALIASES.get(c, OLD_CODES.get(c, c)))


def code_documents(docs: list[dict]) -> tuple[list[dict], float]:
    """Ingest `docs` ({title, date, text}) with the coder only; events with their document title
    and character offset, and the seconds it took."""
    from trustledger.coding.stage import CodingStage
    from trustledger.ingest.pipeline import IngestOptions, Ingestor
    from trustledger.store.db import Store

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "docs.jsonl"
        src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        store = Store(Path(tmp) / "eval.duckdb")
        t0 = time.perf_counter()
        Ingestor(store, IngestOptions(), stages=(CodingStage(),)).run([str(src)])
        secs = time.perf_counter() - t0
        rows = store.query("SELECT d.title, e.char_start, e.source_country, e.target_country, e.root, e.cameo, "
                           "e.source_text, e.source_code, e.target_text, e.target_code, e.verb_source "
                           "FROM events e JOIN documents d USING (doc_id)")
        failed = store.query("SELECT count(*) AS n FROM stage_errors WHERE kind = 'error'")[0]["n"]
        store.close()
    if failed:
        print(f"  ({failed} sentences could not be coded)")
    return rows, secs


# -- PLOVER dev ---------------------------------------------------------------------------
def _plover_figures(recs: list[dict], by_doc: dict[str, list[dict]]) -> tuple[float, float, float, int]:
    """source+event, source+event+target and no-event shares over `recs`, and their number."""
    ok = okt = none = 0
    for r in recs:
        evs = by_doc.get(r["id"], [])
        kind = _plover_miss(r, evs)
        none += not evs
        ok += kind in ("right", "right: target wrong")
        okt += kind == "right"
    n = max(len(recs), 1)
    return ok / n, okt / n, none / n, len(recs)


def _plover_miss(r: dict, evs: list[dict]) -> str:
    """How a PLOVER sentence fared: right; right but the target is wrong; or the miss kind (no event
    at all, only events of another category, the right category with a wrong source)."""
    srcs = {_code(s) for s in r["source"]}
    tgts = {_code(t) for t in r["target"]}
    if not evs:
        return "miss: no event at all"
    same = [e for e in evs if e["root"] in PLOVER_ROOTS[r["event"]]]
    if not same:
        return "miss: event of another category"
    hit = [e for e in same if _code(e["source_country"]) in srcs]
    if not hit:
        return "miss: right category, wrong source"
    if any(not tgts or _code(e["target_country"]) in tgts for e in hit):
        return "right"
    return "right: target wrong"


def plover(show_view: bool = False) -> None:
    path = SHARED / "plover" / "plover-gold-dev.jsonl"
    if not path.exists():
        print(f"PLOVER dev: {path} missing (it comes with ../shared/data)")
        return
    from dev_folds import fold_of

    recs = [json.loads(line) for line in path.open(encoding="utf-8")]
    docs = [{"title": r["id"], "date": "2000-01-01", "text": r["text"]} for r in recs]
    rows, secs = code_documents(docs)
    by_doc: dict[str, list[dict]] = {}
    for e in rows:
        by_doc.setdefault(e["title"], []).append(e)
    cats: Counter = Counter()
    cat_ok: Counter = Counter()
    for r in recs:
        cats[r["event"]] += 1
        cat_ok[r["event"]] += _plover_miss(r, by_doc.get(r["id"], [])).startswith("right")
    ok, okt, none, n = _plover_figures(recs, by_doc)
    print(f"PLOVER dev ({n} real sentences, {secs:.1f} s): source+event {ok:.2f}, source+event+target "
          f"{okt:.2f}, sentences with no event {none:.0%}   (goals: 0.70, 0.60, at most 15%)")
    for fold in "AB":
        part = [r for r in recs if fold_of(r["id"]) == fold]
        ok, okt, none, n = _plover_figures(part, by_doc)
        print(f"  fold {fold} ({n}): source+event {ok:.2f} ({round(ok * n)}), source+event+target {okt:.2f} "
              f"({round(okt * n)}), no event {none:.0%} ({round(none * n)})")
    print("  by category: " + ", ".join(f"{k} {cat_ok[k]}/{cats[k]}" for k in sorted(cats)))
    guessed = [e for e in rows if e["verb_source"] == "vectors"]
    fit = sum(1 for e in guessed if any(e["root"] in PLOVER_ROOTS[r["event"]] for r in recs if r["id"] == e["title"]))
    print(f"  verb fallback (word vectors) alone: {len(guessed)} events coded, {fit} of the gold sentence's category")
    if show_view:
        show_plover([r for r in recs if fold_of(r["id"]) == "A"], by_doc)


def show_plover(recs: list[dict], by_doc: dict[str, list[dict]]) -> None:
    """Per PLOVER fold-A sentence (fold B is only ever a figure): the text, the gold category, sources
    and targets, the coded events, and the miss kind; then the kinds counted."""
    kinds: Counter = Counter()
    for r in recs:
        evs = by_doc.get(r["id"], [])
        kind = _plover_miss(r, evs)
        kinds[kind] += 1
        print(f"\n{r['id']}  [{kind}]  {r['text']}")
        print(f"   gold : {r['event']} {'/'.join(r['source'])} -> {'/'.join(r['target']) or '-'}")
        for e in evs:
            print(f"   coded: {e['source_code']} ({e['source_text']}) -> {e['target_code'] or '-'} "
                  f"({e['target_text']}) {e['cameo']} [{e['verb_source']}]")
    print("\nPLOVER fold A by kind:")
    for k, n in kinds.most_common():
        print(f"  {n:4d}  {k}")


# -- report-based set ---------------------------------------------------------------------
def _events(labels: dict) -> Counter:
    return Counter((_code(e["source"]) or "---", _code(e.get("target")), e["root"]) for e in labels["events"])


def load_reports() -> tuple[list[dict], dict[str, dict[str, dict]]]:
    reports = [json.loads(line) for f in sorted(REPORTS.glob("texts_*.jsonl")) for line in f.open(encoding="utf-8")]
    labels: dict[str, dict[str, dict]] = {}
    for f in sorted(REPORTS.glob("labels_*.jsonl")):
        who = f.stem.split("_")[1]  # labels_A_E1 → A
        for line in f.open(encoding="utf-8"):
            r = json.loads(line)
            labels.setdefault(who, {})[r["id"]] = r
    return reports, labels


def consensus(labels: dict[str, dict[str, dict]], ids: list[str]) -> dict[str, Counter]:
    """The adjudicated gold where it exists (gold.jsonl), else the events both annotators agree on."""
    adjudicated = REPORTS / "gold.jsonl"
    if adjudicated.exists():
        gold = {r["id"]: _events(r) for r in map(json.loads, adjudicated.open(encoding="utf-8"))}
        return {i: gold.get(i, Counter()) for i in ids}
    a, b = labels.get("A", {}), labels.get("B", {})
    return {i: (_events(a[i]) & _events(b[i])) if i in a and i in b else Counter() for i in ids}


def prf(pred: dict[str, Counter], gold: dict[str, Counter], ids: list[str]) -> tuple[float, float, float, int, int]:
    tp = sum(sum((pred.get(i, Counter()) & gold.get(i, Counter())).values()) for i in ids)
    n_pred = sum(sum(pred.get(i, Counter()).values()) for i in ids)
    n_gold = sum(sum(gold.get(i, Counter()).values()) for i in ids)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, n_pred, n_gold


def _sentence_actors(reps: list[dict], spans: dict[str, list[tuple[int, int]]],
                     docs: list[dict]) -> dict[str, list[str]]:
    """Per gold sentence id, the actors the resolver finds in it as the coder sees them (generic ones
    localised by the report's dateline and the states named before): "police=NICCOP"."""
    from trustledger.coding.actors import ActorResolver
    from trustledger.coding.context import localise, note_states
    from trustledger.nlp.model import is_dateline, load_model

    resolver = ActorResolver.default()
    nlp = load_model()
    out: dict[str, list[str]] = {}
    for r, d in zip(reps, docs, strict=True):
        on = dt.date.fromisoformat(d["date"]) if d["date"] else None
        home, seen = None, Counter()
        for sent in nlp(d["text"]).sents:
            ms = resolver.mentions(sent, on, generic=True)
            if is_dateline(sent):
                home = next((m.actor.country for m in ms if m.actor.country not in ("IGO", "---")), home)
                continue
            ms = localise(sent, ms, home, seen)
            note_states(ms, seen)
            k = next((k for k, (lo, hi) in enumerate(spans[r["report"]]) if lo <= sent.start_char < hi + 1), None)
            if k is not None:
                out.setdefault(f"{r['report']}:{k}", []).extend(f"{m.actor.text}={m.actor.code}" for m in ms)
    return out


def _miss_kind(g: tuple, coded: Counter, actors: list[str]) -> str:
    """Why a gold event (source, target, root) was missed: an actor problem when the coder found an
    event of that root with other actors, or when the sentence's actors lack the gold state; else the
    verb side (no event of that root although the actors are there)."""
    src, tgt, root = g
    same_root = [k for k in coded if k[2] == root]
    if same_root:
        if any(k[0] == src for k in same_root):
            t = next(k[1] for k in same_root if k[0] == src)
            return "actor: target missing" if t is None else (
                "actor: target without country" if t == "---" else
                ("actor: target found but not gold-null" if tgt is None else "actor: target wrong"))
        s = same_root[0][0]
        return "actor: source without country" if s == "---" else "actor: source wrong"
    states = {_code(a.rsplit("=", 1)[1]) for a in actors}
    if src not in states:
        return "actor: source not among the sentence's actors"
    if tgt is not None and tgt not in states:
        return "actor: target not among the sentence's actors"
    return "verb: actors there, no event of that root"


def show(reps: list[dict], spans: dict, docs: list[dict], rows: list[dict], ids: list[str], gold_labels: dict) -> None:
    """Per dev sentence: the text, gold and coded events, the actors found, and why each miss happened;
    then the misses counted by kind (the actor kinds are what the actor side can fix)."""
    actors = _sentence_actors(reps, spans, docs)
    texts = {f"{r['report']}:{k}": s for r in reps for k, s in enumerate(r["sentences"])}
    coded: dict[str, list[dict]] = {}
    for e in rows:
        i = sentence_id(e, spans)
        if i is not None and scored(e):
            coded.setdefault(i, []).append(e)
    kinds: Counter = Counter()
    extras: Counter = Counter()
    for i in ids:
        g = _events(gold_labels[i]) if i in gold_labels else Counter()
        c = Counter(event_key(e) for e in coded.get(i, []))
        missed, extra = g - c, c - g
        print(f"\n{i}  [gold {sum(g.values())}, missed {sum(missed.values())}, extra {sum(extra.values())}]  "
              f"{texts.get(i, '')}")
        for e in (gold_labels.get(i) or {}).get("events", []):
            print(f"   gold : {e['source']}{e.get('source_role') or ''} ({e.get('source_text')}) -> "
                  f"{e.get('target') or '-'}{e.get('target_role') or ''} ({e.get('target_text')}) {e['cameo']}")
        for e in coded.get(i, []):
            print(f"   coded: {e['source_code']} ({e['source_text']}) -> {e['target_code'] or '-'} "
                  f"({e['target_text']}) {e['cameo']}")
        print(f"   actors: {'; '.join(actors.get(i, [])) or '-'}")
        for k, n in missed.items():
            kind = _miss_kind(k, c, actors.get(i, []))
            kinds[kind] += n
            print(f"   MISS {k}: {kind}")
        for k, n in extra.items():
            extras["extra: source without country" if k[0] == "---" else
                   "extra: target without country" if k[1] == "---" else
                   "extra: root not in gold" if all(x[2] != k[2] for x in g) else "extra: other actors"] += n
    print("\nMisses by kind (dev):")
    for k, n in kinds.most_common():
        print(f"  {n:4d}  {k}")
    print("Extra events by kind (dev):")
    for k, n in extras.most_common():
        print(f"  {n:4d}  {k}")


def report_documents(reps: list[dict]) -> tuple[list[dict], dict[str, list[tuple[int, int]]]]:
    """Each report as one document (its sentences joined by a space, so the coder sees the report
    whole) and each sentence's character span in it, to put coded events back on their sentence."""
    docs, spans = [], {}
    for r in reps:
        text, offsets = "", []
        for s in r["sentences"]:
            if text:
                text += " "
            offsets.append((len(text), len(text) + len(s)))
            text += s
        date = r["date"] if len(r["date"]) == 10 else None
        docs.append({"title": r["report"], "date": date, "text": text})
        spans[r["report"]] = offsets
    return docs, spans


def sentence_id(e: dict, spans: dict[str, list[tuple[int, int]]]) -> str | None:
    """The "report:k" id of the sentence a coded event came from (`report_documents`' spans)."""
    k = next((k for k, (lo, hi) in enumerate(spans.get(e["title"], [])) if lo <= e["char_start"] < hi + 1), None)
    return None if k is None else f"{e['title']}:{k}"


def event_key(e: dict) -> tuple[str, str | None, str]:
    """A coded event as the gold counts it: (source state or ---, target state, root)."""
    return (_code(e["source_country"]) or "---", _code(e["target_country"]), e["root"])


#: Roots the report set's annotators were told not to label (bench/gold/reports/ANNOTATION.md: "root 01
#: (public statement) is not labelled at all"): a coded event of these roots can be neither right nor
#: wrong against that gold, so the report-based scores leave it out (it is still coded and stored).
UNLABELLED_ROOTS = frozenset({"01"})


def scored(e: dict) -> bool:
    """Whether a coded event is inside what the report set's gold labels (roots 02-20)."""
    return e["root"] not in UNLABELLED_ROOTS


def coded_by_sentence(rows: list[dict], spans: dict[str, list[tuple[int, int]]]) -> dict[str, Counter]:
    """The coded events of each sentence that the gold can judge (`scored`), counted by `event_key`."""
    coded: dict[str, Counter] = {}
    for e in rows:
        i = sentence_id(e, spans)
        if i is not None and scored(e):
            coded.setdefault(i, Counter())[event_key(e)] += 1
    return coded


@dataclass
class DevRun:
    """The dev split of the report-based set coded once, with what the miss diagnostics read."""
    reps: list[dict]
    docs: list[dict]
    spans: dict[str, list[tuple[int, int]]]
    rows: list[dict]
    gold: dict[str, dict]       # sentence id -> adjudicated gold record
    actors: dict[str, list[str]]
    coded: dict[str, Counter]


def code_dev() -> DevRun:
    """Code the dev reports (never the test split) for the diagnostics in bench/*_misses.py."""
    reps, _ = load_reports()
    from dev_folds import shown

    dev = set(shown(json.loads((REPORTS / "split.json").read_text(encoding="utf-8"))["dev"]))
    reps = [r for r in reps if r["report"] in dev]
    docs, spans = report_documents(reps)
    rows, _ = code_documents(docs)
    gold = {r["id"]: r for r in map(json.loads, (REPORTS / "gold.jsonl").open(encoding="utf-8"))}
    return DevRun(reps, docs, spans, rows, gold, _sentence_actors(reps, spans, docs), coded_by_sentence(rows, spans))


def reports(show_split: str | None = None) -> None:
    if not REPORTS.exists():
        print(f"report-based set: {REPORTS} missing")
        return
    reps, labels = load_reports()
    split = json.loads((REPORTS / "split.json").read_text(encoding="utf-8"))
    ids_of = {r["report"]: [f"{r['report']}:{k}" for k in range(len(r["sentences"]))] for r in reps}
    docs, spans = report_documents(reps)
    rows, secs = code_documents(docs)
    pred: dict[str, Counter] = {}
    guessed: dict[str, Counter] = {}  # the word-vector fallback's own events (coding/verb_vectors.py)
    unlabelled = sum(1 for e in rows if not scored(e))
    for e in rows:
        i = sentence_id(e, spans)
        if i is None or not scored(e):
            continue
        pred.setdefault(i, Counter())[event_key(e)] += 1
        if e["verb_source"] == "vectors":
            guessed.setdefault(i, Counter())[event_key(e)] += 1
    n_sent = sum(len(v) for v in ids_of.values())
    print(f"\nReport-based set ({len(reps)} real reports rewritten, {n_sent} sentences, coded in {secs:.1f} s; "
          f"labels by {', '.join(sorted(labels)) or 'nobody yet'}; {unlabelled} coded events of root 01 left out, "
          f"the annotation guide leaves that root unlabelled):")
    if "A" in labels and "B" in labels:
        shared = [i for i in labels["A"] if i in labels["B"]]
        a = {i: _events(labels["A"][i]) for i in shared}
        b = {i: _events(labels["B"][i]) for i in shared}
        p, r, f, _, _ = prf(b, a, shared)
        print(f"  annotators' agreement on {len(shared)} shared sentences (B against A): P {p:.2f} R {r:.2f} "
              f"F1 {f:.2f}")
    from dev_folds import shown, split_folds

    halves = {f"dev-{k}": v for k, v in split_folds(split["dev"]).items()}  # bench/dev_folds.py
    parts = {k: v for k, v in split.items() if isinstance(v, list)}  # dev, test, and a fresh batch before it is split
    for name, members in {**parts, **halves}.items():
        ids = [i for rep in members for i in ids_of.get(rep, [])]
        gold = consensus(labels, ids)
        p, r, f, n_pred, n_gold = prf(pred, gold, ids)
        extra = max(0, n_pred - sum(sum((pred.get(i, Counter()) & gold[i]).values()) for i in ids)) / max(len(ids), 1)
        empty = sum(1 for i in ids if not pred.get(i)) / max(len(ids), 1)
        print(f"  {name:<4} ({len(ids)} sentences, {n_gold} consensus events): root-level P {p:.2f}  R {r:.2f}  "
              f"F1 {f:.2f}; {extra:.2f} extra events/sentence; no event in {empty:.0%} of sentences"
              + ("   (goals: F1 >= 0.70, < 0.3 extra)" if name == "test" else ""))
        g_p, _, _, g_n, _ = prf(guessed, gold, ids)
        print(f"       verb fallback (word vectors) alone: {g_n} events coded, {round(g_p * g_n)} ({g_p:.2f}) of "
              f"them match a gold event at root level")
        if name.startswith("dev-"):
            continue  # the halves: the figures alone (the fallback's own precision is read per fold too)
        if show_split == name or (show_split == "counts" and name in ("dev", "test")):
            tp = sum(sum((pred.get(i, Counter()) & gold[i]).values()) for i in ids)
            print(f"       {name} counts: {tp} right of {n_pred} coded, {n_gold} in gold")
        for who in sorted(labels):
            g = {i: _events(labels[who][i]) for i in ids if i in labels[who]}
            p, r, f, _, _ = prf(pred, g, list(g))
            print(f"       against annotator {who} alone: P {p:.2f} R {r:.2f} F1 {f:.2f}")
    if show_split == "dev":
        ids = [i for rep in shown(split["dev"]) for i in ids_of.get(rep, [])]
        adjudicated = REPORTS / "gold.jsonl"
        gold_labels = ({r["id"]: r for r in map(json.loads, adjudicated.open(encoding="utf-8"))}
                       if adjudicated.exists() else labels.get("A", {}))
        show(reps, spans, docs, rows, ids, gold_labels)


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", choices=["dev", "counts", "plover"], help="print, per dev sentence, gold against coded "
                    "events and the actors found, and count the misses by kind (the test split is never shown); "
                    "`counts` prints only the raw counts of dev and test (no item); `plover` the PLOVER fold-A "
                    "sentences alone")
    ap.add_argument("--no-reports", action="store_true", help="skip the report-based set")
    ap.add_argument("--no-plover", action="store_true", help="skip PLOVER dev")
    args = ap.parse_args(argv)
    print("== The event coder on real text (PLOVER dev; report-based set, dev and test) ==")
    if not args.no_plover:
        plover(args.show == "plover")
    if not args.no_reports:
        reports(args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
