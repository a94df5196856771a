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

`--show dev` prints, per dev case, each expected entry with the entry that matched it (and which of
parties, status and years are wrong) or a guess at why it was missed, then the case's unmatched
entries. Only the dev split can be shown.

`--aliases-check` (given by `make eval`) also builds the ledger with `object_aliases.csv` emptied and prints the
detection F1 without it (issue 14: the table is an enrichment; F1 may drop by at most 0.05).
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "bench" / "gold" / "reports" / "commitments"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from dev_folds import shown, split_folds  # noqa: E402

STOP = {"the", "a", "an", "of", "to", "and", "for", "with", "its", "their", "from", "on", "in", "by", "new",
        "deliver", "supply", "provide", "build", "system", "systems", "two", "three", "four", "five", "six",
        "more", "all", "any", "some", "other", "first", "second", "not", "no", "be", "will"}


def words(text: str | None) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z0-9][a-z0-9-]*", (text or "").lower())
            if w not in STOP and len(w) > 1}


def _code(code: str | None) -> str | None:
    """A gold state code in the ledger's convention: another spelling of a code (SUN for the Soviet
    Union is CAMEO's USR) and a state that no longer exists as the state that continues it (USR → RUS),
    as the ledger records every promise of the Soviet Union under Russia."""
    from trustledger.coding.countries import ALIASES, successor

    return successor(ALIASES.get(code, code)) if code else code


def load_cases() -> list[dict]:
    cases = [json.loads(line) for f in sorted(CASES.glob("cases_*.jsonl")) for line in f.open(encoding="utf-8")]
    for c in cases:
        for g in c["commitments"]:
            g["promisor"], g["promisee"] = _code(g["promisor"]), _code(g["promisee"])
    return cases


def run_ledger(mentions: list[dict] | None = None) -> tuple[list[dict], dict[str, str], float]:
    """The text ledger of all reports, the documents' file names and the ingest time; with `mentions`,
    every commitment mention (before linking) is appended to it, for `--show`."""
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
        if mentions is not None:
            mentions.extend(mentions_with_entries(store))
        failed = store.query("SELECT stage, count(*) AS n FROM stage_errors WHERE kind = 'error' GROUP BY stage "
                             "ORDER BY stage")
        store.close()
    for f in failed:
        # a crash per sentence is recorded, not raised (ingest keeps the document): say so, or a broken
        # detector would read as a ledger that found nothing
        print(f"  ({f['n']} sentences failed in the {f['stage']} stage; see `trustledger rejects`)")
    return entries, names, secs



@contextlib.contextmanager
def aliases_emptied():
    """The ledger as if `object_aliases.csv` were empty, for issue 14's check that the alias table is only an
    enrichment (detection must not lean on it: F1 may drop by at most 0.05 without it). The table's readers
    look it up through the module at call time, so swapping `table` and clearing the caches built on it is
    the same as an empty file, without touching the package's data."""
    from trustledger.commitments import aliases

    cached = (aliases._by_alias, aliases._first_words, aliases._max_words, aliases.category_of)
    saved = aliases.table, aliases._max_words
    aliases.table = functools.cache(lambda: ())
    aliases._max_words = functools.cache(lambda: 0)
    for f in cached:
        f.cache_clear()
    try:
        yield
    finally:
        aliases.table, aliases._max_words = saved
        for f in cached:
            f.cache_clear()


def mentions_with_entries(store) -> list[dict]:
    """Each commitment mention with the commitment it became (None: dropped before the ledger), for `--show`."""
    return store.query(
        "SELECT m.mention_id, m.doc_id, m.sentence_index, m.text, m.promisor, m.promisee, m.kind, m.object, "
        "m.what, m.made, m.trigger, coalesce(e.commitment_id, (SELECT min(e2.commitment_id) FROM "
        "commitment_evidence e2 JOIN commitments c2 USING (commitment_id) WHERE e2.doc_id = m.doc_id AND "
        "e2.sentence_index = m.sentence_index AND c2.object = m.object)) AS commitment_id "
        "FROM commitment_mentions m LEFT JOIN commitment_evidence e USING (mention_id) "
        "ORDER BY m.doc_id, m.sentence_index")


def _year(value) -> str | None:
    return str(value)[:4] if value else None


def entries_by_case(entries: list[dict], names: dict[str, str]) -> dict[str, list[dict]]:
    """Ledger entries by the cases whose reports they cite (file names `C1-01-a.md` → `C1-01`): an entry
    that merges reports of two cases telling one event (two cases on Syria's 2005 withdrawal) is each
    case's, not only the one whose file name sorts first."""
    by_case: dict[str, list[dict]] = {}
    for e in entries:
        docs = {names.get(ev["doc_id"], "") for ev in e["evidence"]}
        for case in sorted({d.rsplit("-", 1)[0] for d in docs if re.match(r"C\d+-\d\d-[a-z]\.md$", d)}):
            by_case.setdefault(case, []).append(e)
    return by_case


def score(cases: list[dict], entries: list[dict], names: dict[str, str]) -> dict:
    by_case = entries_by_case(entries, names)
    n_gold = n_pred = tp = parties = status = made_ok = made_n = ful_ok = ful_n = 0
    for c in cases:
        pred = list(by_case.get(c["case"], []))
        n_pred += len(pred)
        matched = assign(c["commitments"], pred)
        for k, g in enumerate(c["commitments"]):
            n_gold += 1
            best = matched.get(k)
            if best is None:
                continue
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


def _fit(g: dict, e: dict) -> int:
    """How well an entry finds an expectation: 0 when it cannot (another pair of states, no content word
    of the object shared); else more for the expected direction, then for each shared word."""
    if {e["promisor"], e["promisee"]} != {g["promisor"], g["promisee"]}:
        return 0
    shared = (words(g.get("object")) | words(g.get("what"))) & (
        words(e.get("object")) | words(e.get("what")) | {w for t in e.get("terms") or [] for w in words(t)})
    return 1000 + 100 * (e["promisor"] == g["promisor"]) + min(len(shared), 99) if shared else 0


def assign(golds: list[dict], pred: list[dict]) -> dict[int, dict]:
    """One entry per expectation, the assignment that finds the most expectations and, among those, fits
    best (direction, shared words). Taking expectations in order, each with its first fitting entry, let
    an early expectation take the entry a later one needed ("the 2008 accord" and "the pact" of one case),
    so a change to one entry's words could move another's status in the figures."""
    if not golds or not pred:
        return {}
    from scipy.optimize import linear_sum_assignment

    fit = [[_fit(g, e) for e in pred] for g in golds]
    rows, cols = linear_sum_assignment(fit, maximize=True)
    return {int(r): pred[int(c)] for r, c in zip(rows, cols, strict=True) if fit[r][c] > 0}


def _lost_at(men_both: list[dict], taken: dict[str, dict], entries: dict[str, dict], mentions: list[dict]) -> str:
    """The step where the mentions of a missed expectation (right pair, a word of its object) went:
    TAKEN, the entry they became was matched to another expectation (one mention for two promises of
    a sentence, or two promises merged into one entry); MERGED, they joined an entry named for another
    thing that no expectation took; DROPPED, they became no entry (no object, a party left out that
    joined nothing, no direction). TAKEN says how many sentences the entry holds: one (the sentence
    gave one mention for two promises, a detection loss) or more (mentions merged in linking)."""
    ids = {m.get("commitment_id") for m in men_both}
    took = sorted({repr(taken[i]["what"]) for i in ids if i in taken})
    if took:
        n = len({(m["doc_id"], m["sentence_index"]) for m in mentions if m.get("commitment_id") in ids & set(taken)})
        return (f"TAKEN-{'ONE' if n == 1 else 'MANY'} (their entry, of {n} sentence(s), matched another "
                "expectation: " + "; ".join(took) + ")")
    merged = sorted({f"[{entries[i]['object']}] {entries[i]['what']!r}" for i in ids if i in entries})
    if merged:
        return "MERGED (into an entry no expectation took: " + "; ".join(merged) + ")"
    return "DROPPED (in no ledger entry)"


def _why_missed(g: dict, pred: list[dict], mentions: list[dict], names: dict[str, str],
                taken: dict[str, dict] | None = None, entries: dict[str, dict] | None = None) -> str:
    """A guess at why an expected entry has no match: which of pair and object the case's entries and
    mentions got right, where the mentions of the pair and object were lost (`_lost_at`), and whether
    the sentence of its evidence gave any mention at all."""
    gw = words(g.get("object")) | words(g.get("what"))
    pair = {g["promisor"], g["promisee"]}
    ent_pair = [e for e in pred if {e["promisor"], e["promisee"]} == pair]
    ent_obj = [e for e in pred if gw & (words(e.get("object")) | words(e.get("what")))]
    men_both = [m for m in mentions if {m["promisor"], m["promisee"]} == pair
                and gw & (words(m.get("object")) | words(m.get("what")))]
    men_obj = [m for m in mentions if gw & (words(m.get("object")) | words(m.get("what")))]
    quote = ((g.get("evidence") or {}).get("quote") or "").lower()
    qdoc = (g.get("evidence") or {}).get("doc")
    at_quote = [m for m in mentions if names.get(m["doc_id"]) == qdoc and quote[:40] and quote[:40] in
                (m["text"] or "").lower()]
    if men_both:
        why = f"MERGED/LOST: {len(men_both)} mention(s) with pair and object, no entry"
        if taken is not None and entries is not None:
            why += " -- " + _lost_at(men_both, taken, entries, mentions)
    elif ent_pair:
        why = "OBJECT: entries of the pair name " + "; ".join(sorted({str(e['object']) for e in ent_pair}))
    elif ent_obj or men_obj:
        got = ent_obj or men_obj
        why = "PARTIES: object found as " + "; ".join(sorted({f"{e['promisor']}>{e['promisee']}" for e in got}))
    else:
        why = "NOTHING: no entry or mention with the pair or the object"
    if at_quote:
        why += " | quote gave " + "; ".join(f"{m['promisor']}>{m['promisee']} {m['object']}" for m in at_quote)
    elif quote:
        why += " | quote gave no mention"
    return why


def _status_error(g: dict, e: dict) -> str:
    """Why a found entry's status or fulfilled year is wrong, in kinds (helper S, issue 14)."""
    done, gs, fs = ("kept", "kept_late"), g["status"], e["status"]
    outs = e.get("outcomes") or []
    if gs in done and fs in done:
        return "timeliness (kept vs kept_late: due date or setback)" if gs != fs else \
            "fulfilled date (first vs last delivery, or a retelling's date)"
    if gs in done:
        return "delivery not found or not linked" if not any(o["kind"] == "delivered" for o in outs) else \
            "delivery linked but outranked by a breach"
    if fs in done:
        return f"false delivery (gold {gs})"
    if gs == "broken":
        return "breach not found or not linked" + (" (due date passed)" if g.get("due") else "")
    if gs == "pending" and fs == "unknown":
        return "open promise read as unknown (progress/delay not found or not linked, or due date missing)"
    if fs == "broken":
        return f"false breach (gold {gs})"
    return f"{gs} read as {fs}"


def show(cases: list[dict], entries: list[dict], names: dict[str, str], mentions: list[dict]) -> None:
    """Per case: each expected entry (found or why not) and the case's entries no expectation took."""
    by_case = entries_by_case(entries, names)
    by_id = {e["commitment_id"]: e for e in entries}
    kinds: dict[str, int] = {}
    lost: dict[str, int] = {}
    men_case: dict[str, list[dict]] = {}
    for m in mentions:
        men_case.setdefault(names.get(m["doc_id"], "").rsplit("-", 1)[0], []).append(m)
    for c in cases:
        pred = list(by_case.get(c["case"], []))
        matched = assign(c["commitments"], pred)  # the scoring's own matching
        taken = {e["commitment_id"]: c["commitments"][k] for k, e in matched.items()}
        for e in matched.values():
            pred.remove(e)
        print(f"\n## {c['case']} ({c.get('kind')}, {'/'.join(c.get('pair') or [])})")
        for k, g in enumerate(c["commitments"]):
            e = matched.get(k)
            exp = (f"{g['promisor']}>{g['promisee']} [{g.get('object')}] {g.get('what')!r} {g.get('status')} "
                   f"made {g.get('made')} ful {g.get('fulfilled')}")
            if e is None:
                why = _why_missed(g, pred, men_case.get(c["case"], []), names, taken, by_id)
                step = why.split(" -- ")[1].split(" ")[0] if " -- " in why else why.split(":")[0]
                lost[step] = lost.get(step, 0) + 1
                print(f"  MISS {exp}\n       {why}")
                continue
            checks = (("parties", e["promisor"] == g["promisor"]), ("status", e["status"] == g["status"]),
                      ("made", not g.get("made") or _year(e.get("made")) == _year(g["made"])),
                      ("ful", not g.get("fulfilled") or _year(e.get("fulfilled")) == _year(g["fulfilled"])))
            flags = [k for k, ok in checks if not ok]
            print(f"  {'OK  ' if not flags else 'BAD '}{exp}\n       got {e['promisor']}>{e['promisee']} "
                  f"[{e.get('object')}] {e['what']!r} {e['status']} made {e.get('made')} ful {e.get('fulfilled')}"
                  + (f"  wrong: {', '.join(flags)}" if flags else ""))
            if "status" in flags or "ful" in flags:
                kind = _status_error(g, e)
                kinds[kind] = kinds.get(kind, 0) + 1
                print(f"       status/date error: {kind}")
        for e in pred:
            print(f"  EXTRA {e['promisor']}>{e['promisee']} [{e.get('object')}] {e['what']!r} {e['status']} "
                  f"made {e.get('made')} | {(e['evidence'][0]['text'] if e['evidence'] else '')[:110]!r}")
    print("\nmisses by where they were lost: " + ", ".join(f"{k} {n}" for k, n in
                                                        sorted(lost.items(), key=lambda x: -x[1])))
    print("status / fulfilled-year errors by kind: " + ", ".join(f"{k} {n}" for k, n in
                                                              sorted(kinds.items(), key=lambda x: -x[1])))


def main() -> int:
    show_split = sys.argv[sys.argv.index("--show") + 1] if "--show" in sys.argv else None
    if show_split not in (None, "dev"):
        print("--show takes only 'dev' (the test split is never looked at case by case)")
        return 2
    print("== The commitment ledger on real reports (bench/gold/reports/commitments) ==")
    if not CASES.exists():
        print(f"{CASES} missing")
        return 0
    cases = load_cases()
    split = json.loads((CASES / "split.json").read_text(encoding="utf-8"))
    mentions: list[dict] = []
    entries, names, secs = run_ledger(mentions)
    n_docs = len(list((CASES / "docs").glob("*.md")))
    print(f"{len(cases)} cases, {n_docs} reports, {sum(len(c['commitments']) for c in cases)} expected entries; "
          f"ingested and judged in {secs:.1f} s; {len(entries)} ledger entries from text")
    halves = {f"dev-{k}": v for k, v in split_folds(split["dev"]).items()}  # bench/dev_folds.py
    parts = {k: v for k, v in split.items() if isinstance(v, list)}  # dev, test, and a fresh batch before it is split
    for name, members in {**parts, **halves}.items():
        s = score([c for c in cases if c["case"] in set(members)], entries, names)
        print(f"  {name:<4}: detection P {s['p']:.2f} R {s['r']:.2f} F1 {s['f1']:.2f} ({s['found']} of {s['gold']} "
              f"found, {s['pred']} entries); of found: parties {s['parties']:.2f}, status {s['status']:.2f}, "
              f"made year {s['made']:.2f} (n={s['made_n']}), fulfilled year {s['fulfilled']:.2f} "
              f"(n={s['fulfilled_n']})" + ("   (goals: F1 0.80, parties 0.90, status 0.80, years 0.85)"
                                           if name == "test" else ""))
    if "--aliases-check" in sys.argv:  # `make eval` passes it (bench/run.py ARGS)
        with aliases_emptied():
            bare, _, _ = run_ledger()
        for name in ("test", "dev"):
            members = [c for c in cases if c["case"] in set(split.get(name, []))]
            with_t, without = score(members, entries, names)["f1"], score(members, bare, names)["f1"]
            print(f"  {name}, with object_aliases.csv emptied: detection F1 {without:.2f} (with it {with_t:.2f}; "
                  f"drop {with_t - without:.2f}, goal: at most 0.05)")
    if show_split == "dev":
        show([c for c in cases if c["case"] in set(shown(split["dev"]))], entries, names, mentions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
