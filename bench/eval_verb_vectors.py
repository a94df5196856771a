"""The word-vector verb fallback measured on our own lexicon, by leave-one-out.

Each single-word verb of verbs.csv whose bare rule codes an event is hidden in turn and guessed from
the others (trustledger/coding/verb_vectors.py): how many hidden verbs get a code (coverage) and how
many of those get the root verbs.csv gives (precision). This is how the fallback's settings were
chosen; on the real-text sets (bench/eval_realtext.py prints the fallback's own events there) it
rarely fires, since most verbs of real sentences are in the lexicon.

    .venv/bin/python bench/eval_verb_vectors.py [--show]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print every hidden verb that got a code")
    args = ap.parse_args(argv)
    tried, coded, right = leave_one_out(args.show)
    if tried:
        print(f"Verb fallback, leave-one-out on verbs.csv: {coded} of {tried} hidden verbs coded "
              f"({coded / tried:.0%}), {right} at the right root (precision {right / max(coded, 1):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
