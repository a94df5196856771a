"""Word lists kept as data, one file each, in `trustledger/data/words/`.

Vocabulary belongs beside the other lexicons (verbs.csv, agents.csv), not inside the algorithms
that read it: a reviewer widens a list without reading code, the coder and the commitment
detector share one list instead of keeping two that drift, and `data/words/README.md` says
where each list comes from.

A list file holds one entry per line; `#` starts a comment; blank lines are ignored; entries
are kept as written (multi-word entries allowed) and compared case-insensitively by callers
that lower-case their input. A map file (`word_map`) holds `entry = value` lines: vocabulary
with a value attached (number words and their numbers, relative days and their offsets).
"""

from __future__ import annotations

from functools import cache
from importlib import resources


class UnknownWordList(KeyError):
    """A module asked for a list that has no file: a packaging or spelling mistake of ours."""


@cache
def words(name: str) -> frozenset[str]:
    """The entries of `data/words/<name>.txt`, lower-cased."""
    return frozenset(e.lower() for e in word_list(name))


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The entries of `data/words/<name>.txt` in file order, as written (for ordered lists)."""
    path = resources.files("trustledger") / "data" / "words" / f"{name}.txt"
    if not path.is_file():
        raise UnknownWordList(f"no word list named {name!r} in trustledger/data/words/")
    out: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append(entry)
    return tuple(out)


@cache
def word_map(name: str) -> dict[str, str]:
    """The `entry = value` lines of `data/words/<name>.txt`, entries lower-cased, in file order."""
    out: dict[str, str] = {}
    for line in word_list(name):
        entry, sep, value = line.partition("=")
        if not sep or not entry.strip() or not value.strip():
            raise UnknownWordList(f"data/words/{name}.txt: {line!r} is not an 'entry = value' line")
        out[entry.strip().lower()] = value.strip()
    return out


def list_names() -> list[str]:
    """Every word list shipped, for the data README test."""
    folder = resources.files("trustledger") / "data" / "words"
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt"))
