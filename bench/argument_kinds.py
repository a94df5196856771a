"""Missed real-text events by the kind of argument the coder did not see (issue 13, item 3).

For every consensus event of the report-based DEV split that the coder missed, the source and the
target are classed by the annotators' text for them: a named actor the resolver finds, a pronoun or
"both sides", an agent the annotators call implied, a group of people ("demonstrators",
"residents"), a position or place standing for its holder ("rebel positions", "the town"), or other.
A miss counts under its source kind when the coder saw no actor in the source text, else under the
target's. The test split is never read here.

Run: .venv/bin/python bench/argument_kinds.py [--list KIND]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

PRONOUNS = re.compile(r"^\(?(they|them|he|she|it|we|him|you|both sides|the two sides|the two \w+|each other|both|"
                      r"his|their|its)\b", re.I)
IMPLIED = re.compile(r"^\(|implied|previous|earlier|from context|from :|unstated|\(police|\(authorities", re.I)
PEOPLE = re.compile(r"\b(demonstrat\w*|protest\w*|people|civilians?|residents?|villagers?|worshippers?|refugees?|"
                    r"migrants?|students?|workers?|supporters?|relatives?|families|prisoners?|detainees?|"
                    r"activists?|members?|marchers?|crowds?|voters?|citizens?|farmers?|youths?|men|women|"
                    r"children|inhabitants|population|passengers?|journalists?|leaders?|opponents?|"
                    r"dissidents?|politicians?|mourners|strikers|pilgrims|settlers|tribesmen|fishermen|"
                    r"those|some of|gathering|rally|march)\b", re.I)
PLACES = re.compile(r"\b(positions?|targets?|town|city|village|crossing|border|base|camp|district|region|"
                    r"province|area|areas|capital|headquarters|building|compound|territory|lines|front|"
                    r"stronghold|neighbou?rhood|outpost|checkpoint|airport|port|embassy|office)\b", re.I)


def kind_of(text: str | None, actors: list[str]) -> str:
    """The argument's kind, from the annotators' text and the actors the resolver found."""
    if not text:
        return "none"
    low = text.lower()
    if any(a.rsplit("=", 1)[0].lower() in low for a in actors if a.rsplit("=", 1)[0]):
        return "named"
    if IMPLIED.search(text):
        return "implied"
    if PRONOUNS.search(text.strip()):
        return "pronoun/both sides"
    if PLACES.search(text):
        return "position/place"
    if PEOPLE.search(text):
        return "people group"
    return "other"


def main(argv: list[str] | None = None) -> int:
    import argparse

    import eval_realtext as ev

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", help="print the misses of this kind")
    args = ap.parse_args(argv)
    run = ev.code_dev()
    reps, gold, actors, coded = run.reps, run.gold, run.actors, run.coded
    texts = {f"{r['report']}:{k}": s for r in reps for k, s in enumerate(r["sentences"])}
    kinds: Counter = Counter()
    listed = []
    for i in texts:
        events = (gold.get(i) or {}).get("events", [])
        missed = ev._events({"events": events}) - coded.get(i, Counter())
        for e in events:
            key = (ev._code(e["source"]) or "---", ev._code(e.get("target")), e["root"])
            if missed[key] <= 0:
                continue
            missed[key] -= 1
            s = kind_of(e.get("source_text"), actors.get(i, []))
            t = kind_of(e.get("target_text"), actors.get(i, [])) if e.get("target") else "none"
            kind = f"source {s}" if s != "named" else (f"target {t}" if t not in ("named", "none") else "both named")
            kinds[kind] += 1
            if args.list and args.list in kind:
                listed.append(f"{i} {kind}: {e.get('source_text')} -> {e.get('target_text')} {e['cameo']}\n"
                              f"     {texts[i]}")
    total = sum(kinds.values())
    print(f"Dev misses by argument kind ({total} missed consensus events):")
    for k, n in kinds.most_common():
        print(f"  {n:4d}  {k}")
    for line in listed:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
