"""The CAMEO event codebook: code → name, root, quad class and Goldstein weight.

`data/cameo_codes.csv` carries the published code numbers, names and Goldstein weights;
quad class follows from the root (01–05 verbal cooperation, 06–08 material cooperation,
09–13 verbal conflict, 14–20 material conflict).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True)
class CameoCode:
    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int


def quad_class(root: str | int) -> int:
    r = int(root)
    if not 1 <= r <= 20:
        raise ValueError(f"CAMEO root {root!r} out of 01–20")
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


@functools.cache
def codebook() -> dict[str, CameoCode]:
    text = (resources.files("trustledger") / "data" / "cameo_codes.csv").read_text(encoding="utf-8")
    return {
        r["code"]: CameoCode(r["code"], r["root"], r["name"], float(r["goldstein"]), int(r["quad_class"]))
        for r in csv.DictReader(text.splitlines())
    }


def lookup(code: str) -> CameoCode:
    """The entry for a code; an unknown sub-code falls back to its parent (0314 → 031 → 03)."""
    book = codebook()
    c = code.strip()
    while c:
        if c in book:
            entry = book[c]
            return entry if entry.code == code else CameoCode(code, entry.root, entry.name, entry.goldstein,
                                                              entry.quad_class)
        c = c[:-1]
    raise KeyError(f"unknown CAMEO code {code!r}")
