"""Actor-side misses and extra events of the report-based DEV split, classed by the mechanism behind them
(issue 13, the argument side): a pronoun or "the two X" that needs an earlier actor, an agent or target
the annotators call implied, a person named by surname, a counterpart phrase, a definite group noun
("the bloc"), an actor found but coded with the wrong state, an actor named but not reached by the walk
over the parse. Extras are split into those with a gold event of the same root (wrong source or target)
and those of a root the gold lacks. The classes come from the annotators' text for the argument, so
they are a guide, not a measurement. The test split is never read here.

Run: .venv/bin/python bench/argument_misses.py [-v]   (-v lists every actor-side miss)
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

PRONOUN = re.compile(r"^\(?(they|them|he|she|it|we|him|us|his|their|its|the two \w+|both \w+|each side|each other)\b",
                     re.I)
GROUP_NOUN = re.compile(r"^\(?the (bloc|group|movement|front|alliance|organi[sz]ation|party|union|agency|coalition|"
                        r"militia|council|body)\b", re.I)


def kind_of(text: str | None, actors: list[str], which: str, miss: str) -> str:
    """The mechanism a missed argument needs, from the annotators' text for it."""
    t = (text or "").strip()
    low = t.lower()
    if "counterpart" in low:
        return "counterpart phrase"
    if PRONOUN.search(t):
        return "pronoun / 'the two X' (needs an earlier actor)"
    if GROUP_NOUN.search(t):
        return "definite group noun ('the bloc')"
    if re.search(r"implied|unstated|agent", low) or t.startswith("("):
        return "implied agent or target"
    if miss.endswith("wrong") or miss.endswith("not gold-null"):
        return f"{which} found but coded with the wrong state or none ({miss.split(': ')[1]})"
    if any(n and n in low for n in (a.rsplit("=", 1)[0].lower() for a in actors)):
        return f"{which} named and found, not reached by the walk (PP/NP/clause)"
    if t and len(t.split()) <= 3 and re.search(r"[A-Z][a-zé]+", t):
        return "person by surname / name not resolved"
    return f"{which}: noun phrase the resolver does not know"


def main(argv: list[str] | None = None) -> int:
    import eval_realtext as ev

    verbose = "-v" in (argv if argv is not None else sys.argv[1:])
    run = ev.code_dev()
    reps, gold, actors, coded = run.reps, run.gold, run.actors, run.coded
    kinds: Counter = Counter()
    extras: Counter = Counter()
    listed = []
    for r in reps:
        for k in range(len(r["sentences"])):
            i = f"{r['report']}:{k}"
            g = gold.get(i) or {"events": []}
            c = coded.get(i, Counter())
            missed = ev._events(g) - c
            for e in g["events"]:
                key = (ev._code(e["source"]) or "---", ev._code(e.get("target")), e["root"])
                if missed[key] <= 0:
                    continue
                missed[key] -= 1
                miss = ev._miss_kind(key, c, actors.get(i, []))
                if not miss.startswith("actor"):
                    continue
                which = "source" if "source" in miss else "target"
                text = e.get("source_text") if which == "source" else e.get("target_text")
                kind = kind_of(text, actors.get(i, []), which, miss)
                kinds[kind] += 1
                listed.append(f"{kind} | {i} | {text} | {miss}")
            for key, n in (c - ev._events(g)).items():
                if any(x[2] == key[2] for x in ev._events(g)):
                    extras["extra with a gold event of its root: wrong source or target"] += n
                else:
                    extras[f"extra of a root the gold lacks, {'no target' if key[1] is None else 'with a target'}"] += n
    print(f"Actor-side misses (dev) by mechanism ({sum(kinds.values())}):")
    for k, n in kinds.most_common():
        print(f"  {n:4d}  {k}")
    print(f"Extra events (dev) ({sum(extras.values())}):")
    for k, n in extras.most_common():
        print(f"  {n:4d}  {k}")
    if verbose:
        for line in sorted(listed):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
