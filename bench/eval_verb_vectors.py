"""The word-vector verb fallback measured on our own lexicon, by leave-one-out.

Each single-word verb of verbs.csv whose bare rule codes an event is hidden in turn and guessed from
the others (trustledger/coding/verb_vectors.py): how many hidden verbs get a code (coverage) and how
many of those get the root verbs.csv gives (precision). This is how the fallback's settings were
chosen; on the real-text sets (bench/eval_realtext.py prints the fallback's own events there) it
rarely fires, since most verbs of real sentences are in the lexicon.

With --real, the verbs of the dev reports that no lexicon lists (the verbs the fallback is asked
about) are counted by the gate that decided them (VerbVectors.gate): fold A and fold B as figures,
and with --show fold A's verbs one by one (the test split is never read).

    .venv/bin/python bench/eval_verb_vectors.py [--show] [--real]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def leave_one_out(show: bool = False) -> tuple[int, int, int]:
    """(verbs tried, verbs coded, coded at the right root)."""
    from trustledger.coding.verb_vectors import VerbVectors
    from trustledger.coding.verbs import VerbLexicon

    vv = VerbVectors(VerbLexicon.default())
    if not vv.available:
        print("word vectors not installed (make install): nothing to measure")
        return 0, 0, 0
    full = vv._matrix
    assert full is not None
    tried = coded = right = 0
    for i, (verb, code) in enumerate(zip(vv._names, vv._codes, strict=True)):
        if code is None:
            continue
        tried += 1
        vv._matrix = full.copy()
        vv._matrix[i] = 0  # hidden: similarity 0 to everything
        guess = vv._vote(vv.neighbours(verb))
        if guess is None:
            continue
        coded += 1
        ok = guess.code[:2] == code[:2]
        right += ok
        if show:
            print(f"  {'ok ' if ok else 'BAD'} {verb:<14} {code} → {guess.code} ({guess.confidence:.2f}, like "
                  f"{', '.join(guess.neighbours[:4])})")
    vv._matrix = full
    return tried, coded, right


def real_gates(show: bool = False) -> dict[str, Counter]:
    """Per dev fold, the unknown verb tokens of its reports counted by the fallback's gate."""
    import json

    from dev_folds import fold_of, shown
    from eval_realtext import REPORTS, load_reports

    from trustledger.coding.coder import _lemma
    from trustledger.coding.nominal import LIGHT_VERBS
    from trustledger.coding.verb_vectors import VerbVectors
    from trustledger.coding.verbs import VerbLexicon
    from trustledger.nlp.model import load_model

    dev = json.loads((REPORTS / "split.json").read_text(encoding="utf-8"))["dev"]
    readable = set(shown(dev))
    lexicon = VerbLexicon.default()
    vv, nlp = VerbVectors(lexicon), load_model()
    gates: dict[str, Counter] = {"A": Counter(), "B": Counter()}
    seen: Counter = Counter()
    for rep in load_reports()[0]:
        if rep["report"] not in dev:
            continue
        for t in nlp(" ".join(rep["sentences"])):
            lemma = t.lemma_.lower()
            if t.pos_ != "VERB" or t.dep_ == "aux" or _lemma(t, lexicon) is not None or lemma in LIGHT_VERBS:
                continue
            gate = vv.gate(lemma)
            gates[fold_of(rep["report"])][gate] += 1
            if rep["report"] in readable:
                seen[(gate, lemma)] += 1
    if show:
        for (gate, lemma), n in sorted(seen.items()):
            print(f"  {gate:<10} {lemma:<16} {n}")
    return gates


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print every hidden verb that got a code")
    ap.add_argument("--real", action="store_true",
                    help="count the dev reports' unknown verbs by the gate that decided them")
    args = ap.parse_args(argv)
    if args.real:
        for fold, gates in real_gates(args.show).items():
            print(f"dev-{fold} verbs no lexicon lists, by gate: {sum(gates.values())}: "
                  + ", ".join(f"{g} {n}" for g, n in gates.most_common()))
        return 0
    tried, coded, right = leave_one_out(args.show)
    if tried:
        print(f"Verb fallback, leave-one-out on verbs.csv: {coded} of {tried} hidden verbs coded "
              f"({coded / tried:.0%}), {right} at the right root (precision {right / max(coded, 1):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
