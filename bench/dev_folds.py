"""Two halves of a dev split, so that a rule tuned on one half is checked on the other.

Rules tuned on our dev reports have not reached unseen reports (docs/accuracy.md, the held-out check of
5 December). To catch a rule that only fits the sentences it was written for before it lands, the dev
reports (or commitment cases) are cut in two by a fixed hash of their id: fold A may be read sentence by
sentence while tuning, fold B only as a figure. A mechanism earns its place when it lifts A and does not
lower B. The evals print both halves; with TRUSTLEDGER_DEV_FOLD=A in the environment, the per-sentence
and per-case views (`--show dev`, bench/verb_misses.py, bench/argument_misses.py) show fold A only; since
6 Dec 2026 that is their default (TRUSTLEDGER_DEV_FOLD=all shows both folds).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable


def fold_of(name: str) -> str:
    """"A" or "B" for a report or case id, fixed by its sha256."""
    return "A" if hashlib.sha256(name.encode("utf-8")).digest()[0] % 2 == 0 else "B"


def split_folds(names: Iterable[str]) -> dict[str, list[str]]:
    """The dev ids in their two folds, order kept."""
    out: dict[str, list[str]] = {"A": [], "B": []}
    for n in names:
        out[fold_of(n)].append(n)
    return out


def shown(names: Iterable[str]) -> list[str]:
    """The dev ids the per-item views may show: fold A by default (fold B is read only as a figure, so
    that it stays a check on rules found in A); TRUSTLEDGER_DEV_FOLD=all shows both, =B fold B."""
    only = os.environ.get("TRUSTLEDGER_DEV_FOLD", "A")
    return [n for n in names if only == "all" or fold_of(n) == only]
