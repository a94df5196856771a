"""Why the coder misses a gold event on the verb side (issue 13), on the DEV split of the report set.

`bench/eval_realtext.py --show dev` calls a miss "verb: actors there, no event of that root" when the
sentence's actors include the gold source (and target) but no coded event has the gold root. This
script says, for each such miss, which mechanism failed, by looking at every word of the sentence as
the coder sees it (the same parse, actors and lexicon):

  (d) dropped   a verb's chosen rule has the gold root (directly or through its frame: "promised to"
                is 03, "urged to" 02, ...) but no event came of it: governed by a control verb whose
                frame changed the root, a purpose clause, hypothetical, negated, no source found
                (a passive without agent), or the event was built and then lost (same actor on both
                sides, untargeted double);
  (c) frame     a verb has a row of the gold root, but another row (or none) was chosen: the
                particle, object class or argument frame of the right row did not match;
  (e) nominal   the event is told by a noun or adjective ("clashes", "a crackdown", "under arrest")
                whose verb has a row of the gold root, or by a known event noun with no such row;
  (b) sense     the sentence's content verbs have rows, none of the gold root (a missing sense);
  (a) unknown   a content verb of the sentence has no row at all; each such verb is shown with the
                gate of the word-vector fallback that decided it ("stir[no event]": its neighbours
                vote for no event; coding/verb_vectors.py, VerbVectors.gate).

Counts are printed by reason and by gold root, then each miss with its evidence (`-v`). The test
split is never looked at.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import eval_realtext as ev  # noqa: E402

#: Verbs that never tell an event of their own here (copulas, saying is handled by its frame).
_EMPTY = {"be", "have", "do", "get", "become", "seem", "appear"}
#: The root a control frame makes of any act it governs.
_FRAME_ROOT = {"intent": "03", "appeal": "02", "demand": "10", "refuse": "12", "threat": "13"}


def rule_roots(rules) -> set[str]:
    """The roots a list of verb rules can give (a frame's own root for control verbs)."""
    out = set()
    for r in rules:
        out.add(_FRAME_ROOT.get(r.frame, r.code[:2]))
        out.add(r.code[:2])
    return out


def diagnose(ctx, sent, root: str, coder) -> tuple[str, str]:
    """(reason, evidence) for a gold event of `root` missed in `sent` (see the module doc)."""
    from trustledger.coding import grammar
    from trustledger.coding.coder import _lemma
    from trustledger.coding.nominal import derive

    verbs = coder.verbs
    dropped, frame, nominal, sense, unknown = [], [], [], [], []
    for t in sent:
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
            lemma = _lemma(t, verbs)
            if lemma is None:
                if t.lemma_.lower() not in _EMPTY:
                    # with the gate that kept the word-vector fallback silent (VerbVectors.gate)
                    gate = coder.fallback.gate(t.lemma_) if coder.fallback is not None else "off"
                    unknown.append(f"{t.lemma_.lower()}[{gate}]")
                continue
            rules = verbs.rules.get(lemma, [])
            chosen = ctx.rule(t)
            if chosen is not None and root in rule_roots([chosen]):
                why = []
                if ctx.governed(t):
                    h = t
                    while h.dep_ == "conj":
                        h = h.head
                    why.append(f"governed by '{h.head.lemma_}' ({ctx.rule(h.head).frame})")
                if ctx.purpose_of_deed(t):
                    why.append("purpose clause")
                if grammar.hypothetical(t):
                    why.append("hypothetical")
                if grammar.negated(t):
                    why.append("negated")
                if not why:
                    srcs = ctx.subjects(t)
                    if not srcs:
                        why.append("no source" + (" (passive, no agent)" if grammar.passive(t) else ""))
                    else:
                        why.append("built, lost later: " + ",".join(a.code for a, _ in srcs))
                dropped.append(f"{t.text}[{chosen.code}{'/' + chosen.frame if chosen.frame else ''}]: "
                               + "; ".join(why))
            elif root in rule_roots(rules):
                right = [r for r in rules if root in rule_roots([r])]
                frame.append(f"{t.text}: chose {chosen.code if chosen else None}; rows "
                             + ", ".join(f"{r.code}{' ' + r.particle if r.particle else ''}"
                                         f"{' ' + '|'.join(r.objects) if r.objects else ''}"
                                         f"{' →' + '|'.join(r.target) if r.target and r.target[0] != 'dobj' else ''}"
                                         for r in right[:3]))
            elif t.lemma_.lower() not in _EMPTY and (chosen is None or chosen.frame != "say"):
                sense.append(f"{t.lemma_.lower()}[{','.join(sorted(rule_roots(rules)))}]")
        elif t.pos_ in ("NOUN", "ADJ", "PROPN"):
            v = derive(t.lemma_.lower(), verbs.is_verb)
            if v is not None and root in rule_roots(verbs.rules.get(v, [])):
                nominal.append(f"{t.text}→{v}")
    if dropped:
        return "d dropped", " | ".join(dropped)
    if frame:
        return "c frame", " | ".join(frame)
    if nominal:
        return "e nominal", " | ".join(nominal)
    if unknown:
        return "a unknown verb", ", ".join(unknown) + (f"  (known: {', '.join(sense)})" if sense else "")
    if sense:
        return "b sense", ", ".join(sense)
    return "e nominal (no verb)", "-"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="print each miss with its evidence")
    ap.add_argument("--reason", help="with -v: only misses whose reason starts with this")
    args = ap.parse_args(argv)

    from trustledger.coding.coder import _DocState, _Sentence
    from trustledger.coding.context import localise
    from trustledger.coding.quotes import quote_spans
    from trustledger.coding.stage import build_coder
    from trustledger.nlp.dates import event_date
    from trustledger.nlp.model import is_dateline, load_model

    run = ev.code_dev()
    reps, gold_labels, docs, spans, actors, coded = run.reps, run.gold, run.docs, run.spans, run.actors, run.coded

    coder = build_coder()
    nlp = load_model()
    by_reason: Counter = Counter()
    by_root: dict[str, Counter] = {}
    lines: list[str] = []
    for r, d in zip(reps, docs, strict=True):
        on = dt.date.fromisoformat(d["date"]) if d["date"] else None
        doc = nlp(d["text"])
        state = _DocState(quotes=quote_spans(doc.text))
        index = -1
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            index += 1
            k = next((k for k, (lo, hi) in enumerate(spans[r["report"]]) if lo <= sent.start_char < hi + 1), None)
            sid = f"{r['report']}:{k}"
            if is_dateline(sent):
                state.home = next((m.actor.country for m in coder.actors.mentions(sent, on)
                                   if m.actor.country not in ("IGO", "---")), state.home)
                continue
            gold = ev._events(gold_labels[sid]) if sid in gold_labels else Counter()
            missed = gold - coded.get(sid, Counter())
            verb_misses = [g for g in missed if ev._miss_kind(g, coded.get(sid, Counter()), actors.get(sid, []))
                           .startswith("verb")]
            if verb_misses:
                look = copy.copy(state)
                look.seen = Counter(state.seen)
                main_date, _ = event_date(sent, on)
                ms = coder.actors.mentions(sent, main_date.date if main_date else on, generic=True)
                ms = localise(sent, ms, look.home, look.seen)
                ctx = _Sentence(coder, sent, ms, look)
                for g in verb_misses:
                    reason, evidence = diagnose(ctx, sent, g[2], coder)
                    n = missed[g]
                    by_reason[reason] += n
                    by_root.setdefault(reason, Counter())[g[2]] += n
                    lines.append(f"{reason:<20} {g}  {evidence}\n      {sid}: {sent.text[:160]}")
            coder.code_sentence(sent, index, on, state)  # carry the document state on as the coder does

    print("Verb-side misses on dev by reason (and gold root):")
    for reason, n in by_reason.most_common():
        roots = ", ".join(f"{k}:{v}" for k, v in by_root[reason].most_common())
        print(f"  {n:4d}  {reason:<20} {roots}")
    print(f"  {sum(by_reason.values()):4d}  total")
    if args.verbose:
        for line in sorted(lines):
            if not args.reason or line.startswith(args.reason):
                print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
