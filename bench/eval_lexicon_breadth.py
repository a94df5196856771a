"""Breadth of our own verb lexicon, measured against the published PETRARCH verb dictionary.

For every verb of `CAMEO.2.0.txt` that has a code of its own, we ask our lexicon
(`VerbLexicon.default()`, built only from trustledger/data/verbs.csv and verb_objects.csv) what the
bare verb codes to, and count it right when the CAMEO root is PETRARCH's; and, more leniently, whether
any of our rules for that verb (and particle) has PETRARCH's root, in some context of objects or
prepositions ("any rule"). For every pattern (a verb
with the words after it, "impose @curfew"), we match the verb with those words as its objects (a
synonym set counts with all its members) and compare roots the same way. Shares are printed
overall and by PETRARCH's root, with the share of their verbs our lexicon knows at all.

The dictionary is read from `../shared/data/petrarch/` at run time; nothing of it is written
anywhere, and the script prints figures only.

    .venv/bin/python bench/eval_lexicon_breadth.py [--shared ../shared/data] [--rev GIT-REVISION]

`--rev` measures our two files as they were at a git revision instead (to compare before/after).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_SKIP = {"$", "+", "%", "^", "*", "a", "an", "the", "and", "or", "not", "no", "that", "its", "his", "her",
         "their", "to", "with", "against", "on", "at", "for", "from", "in", "into", "of", "over", "toward",
         "towards", "about", "by", "between", "upon"}


def _root(code: str | None) -> str | None:
    """The CAMEO root of a PETRARCH code ("042:043" -> "04"); None for the null code or a reversed-only one."""
    if not code:
        return None
    first = code.split(":")[0].strip()
    return first[:2] if len(first) >= 3 and first[:2].isdigit() else None


def _split(verb: str) -> tuple[str, str | None]:
    lemma, _, particle = verb.partition(" ")
    return lemma, (particle or None)


def _lexicon(rev: str | None):
    from trustledger.coding.verbs import VerbLexicon, _read_classes, read_rules

    if rev is None:
        return VerbLexicon.default()
    import subprocess

    def show(name: str) -> str:
        return subprocess.run(["git", "show", f"{rev}:trustledger/data/{name}"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout

    classes = _read_classes(show("verb_objects.csv"))
    return VerbLexicon(read_rules(show("verbs.csv"), f"{rev}:verbs.csv", set(classes)), classes)


def measure(path: Path, rev: str | None = None) -> None:
    from trustledger.coding import petrarch_dicts as pd
    from trustledger.coding.verbs import root_of

    ours = _lexicon(rev)
    t0 = time.perf_counter()
    vd = pd.read_verbs(path)

    verbs_total: Counter = Counter()
    verbs_known: Counter = Counter()
    verbs_same: Counter = Counter()
    verbs_any: Counter = Counter()
    for entry in vd.verbs.values():
        theirs = _root(entry.code)
        if theirs is None:
            continue
        lemma, particle = _split(entry.lemma)
        rule = ours.match(lemma, particle, set())
        verbs_total[theirs] += 1
        if ours.is_verb(lemma):
            verbs_known[theirs] += 1
        if rule is not None and root_of(rule.code) == theirs:
            verbs_same[theirs] += 1
        if any(root_of(r.code) == theirs and r.particle in (None, particle) for r in ours.rules.get(lemma, ())):
            verbs_any[theirs] += 1

    pat_total: Counter = Counter()
    pat_same: Counter = Counter()
    for p in vd.patterns:
        theirs = _root(p.code)
        if theirs is None:
            continue
        lemma, particle = _split(p.verb)
        words: set[str] = set()
        for w in p.words_after:
            if w.startswith("&"):
                for seq in vd.synsets.get(w, ()):
                    words.update(x for x in seq if x not in _SKIP)
            elif w not in _SKIP:
                words.add(w)
        rule = ours.match(lemma, particle, words)
        pat_total[theirs] += 1
        if rule is not None and root_of(rule.code) == theirs:
            pat_same[theirs] += 1

    def share(a: Counter, b: Counter, key: str | None = None) -> str:
        n = sum(b.values()) if key is None else b[key]
        k = sum(a.values()) if key is None else a[key]
        return f"{k / n:5.2f} ({k}/{n})" if n else "    -"

    secs = time.perf_counter() - t0
    print(f"== Verb lexicon breadth against PETRARCH CAMEO.2.0.txt ({secs:.1f} s; ours{' at ' + rev if rev else ''}: "
          f"{sum(len(v) for v in ours.rules.values())} rows, {len(ours.rules)} verbs) ==")
    print(f"verbs with a code: known to us {share(verbs_known, verbs_total)}; "
          f"same root {share(verbs_same, verbs_total)}; a rule of that root {share(verbs_any, verbs_total)}")
    print(f"patterns: same root {share(pat_same, pat_total)}")
    print("root  verbs known       verbs same root   any rule of root  patterns same root")
    for r in sorted(set(verbs_total) | set(pat_total)):
        print(f"  {r}  {share(verbs_known, verbs_total, r):16s}  {share(verbs_same, verbs_total, r):16s}  "
              f"{share(verbs_any, verbs_total, r):16s}  {share(pat_same, pat_total, r)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--rev", default=None, help="measure verbs.csv/verb_objects.csv as of this git revision")
    args = ap.parse_args(argv)
    path = Path(args.shared) / "petrarch" / "CAMEO.2.0.txt"
    if not path.is_file():
        print(f"no PETRARCH verb dictionary at {path}", file=sys.stderr)
        return 2
    measure(path, args.rev)
    return 0


if __name__ == "__main__":
    sys.exit(main())
