"""The short forms news English writes state and place names in, derived from the full name.

Wire copy and headlines shorten the words of a name ("S. Africa", "Dem. Rep. of Congo", "Czech
Rep.", "St. Petersburg", "Ste-Foy") and drop the article of "Republic of the Congo"; one lexicon
row per written form would never be complete, so every multi-word name the lexicon knows is also
written in these forms, from the word list data/words/name_abbreviations.txt (AP style). The
lexicon and the gazetteer call `short_forms` once when they are built (both are cached), so the
matcher on the hot path sees plain phrases only.
"""

from __future__ import annotations

import functools
import re

from trustledger.words import word_list

#: At most this many forms of one name are kept while they are built (a name with many shortenable
#: words would otherwise grow them exponentially; news shortens two or three words of a name at most).
MAX_FORMS = 128


@functools.cache
def abbreviations() -> dict[str, tuple[str, ...]]:
    """Word (lower case) → the short forms news writes for it, in file order."""
    out: dict[str, list[str]] = {}
    for line in word_list("name_abbreviations"):
        word, sep, short = line.partition("=")
        if sep and word.strip() and short.strip():
            out.setdefault(word.strip().lower(), []).append(short.strip())
    return {k: tuple(v) for k, v in out.items()}


def short_forms(name: str) -> set[str]:
    """The other forms of a multi-word name news writes: each word of name_abbreviations shortened
    or not ("Democratic Republic of the Congo" → "Dem. Rep. of the Congo", "Democratic Rep. of
    Congo", ...), "of the" written as "of", and a hyphenated saint's name written with a space too
    ("Saint-Louis" → "St. Louis", "St-Louis"). A one-word name, or one with nothing to shorten,
    gives nothing; the name itself is never in the result."""
    try:
        return _short_forms(name)
    except Exception:  # a name the rules cannot read must not stop the lexicon from loading
        return set()


def _short_forms(name: str) -> set[str]:
    abbrev = abbreviations()
    # a hyphen after a saint's title ("Saint-Louis", "Sainte-Foy") is one of the word breaks
    tokens = re.split(r"(\s+|(?<=\b[Ss]aint)-|(?<=\b[Ss]ainte)-)", name.strip())
    words = tokens[0::2]
    seps = tokens[1::2]
    if len(words) < 2:
        return set()
    options: list[list[str]] = []
    for i, w in enumerate(words):
        opts = [w]
        if w[:1].isupper():
            opts += list(abbrev.get(w.lower(), ()))
        if w.lower() == "the" and i > 0 and words[i - 1].lower() == "of":
            opts.append("")  # "Republic of the Congo" → "Republic of Congo"
        options.append(opts)
    forms: set[str] = {""}
    for i, opts in enumerate(options):
        nxt: set[str] = set()
        for f in forms:
            for o in opts:
                sep_choices = [" "] if i == 0 else ([seps[i - 1], " "] if seps[i - 1] == "-" else [" "])
                for sep in sep_choices:
                    if sep == "-" and f.endswith("."):
                        continue  # "St.-Louis" is no form news writes
                    nxt.add((f + sep + o) if f and o else (f or o))
        forms = set(sorted(nxt, key=len, reverse=True)[:MAX_FORMS]) if len(nxt) > MAX_FORMS else nxt
    out = {" ".join(f.split()) for f in forms if f}
    out.discard(" ".join(name.split()))
    out.discard(name)
    return {f for f in out if len(f.split()) >= 2 or "-" in f}
