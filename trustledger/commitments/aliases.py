"""Object names and their aliases, so that "the reactor" and "the Bushehr nuclear plant" link.

The table `trustledger/data/object_aliases.csv` (written by us) maps each alias to a canonical
object key. Specific aliases ("s-300", "bushehr") name one object outright; generic ones
("the system", "the plant") name it only when the document has mentioned a specific object
that accepts that generic alias, so "the plant" in an article about Bushehr means Bushehr.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy only for annotations: the ledger is rebuilt without it
    from spacy.tokens import Span


@dataclass(frozen=True)
class Alias:
    object: str
    alias: str
    generic: bool
    category: str


@dataclass(frozen=True)
class ObjectMention:
    """An object named in a sentence: token range in the Doc, its key, and how it was named."""

    start: int
    end: int
    object: str
    text: str
    generic: bool
    category: str


def _norm(text: str) -> str:
    text = text.lower().replace("–", "-").replace("—", "-").replace("’", "'")
    text = re.sub(r"\b(the|a|an|its|their|his|her)\s+", "", text)
    return re.sub(r"\s+", " ", text).strip()


@functools.cache
def table() -> tuple[Alias, ...]:
    path = resources.files("trustledger") / "data" / "object_aliases.csv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return tuple(Alias(r["object"].strip(), _norm(r["alias"]), r["generic"].strip() == "1",
                       r["category"].strip()) for r in rows if r.get("object"))


@functools.cache
def _by_alias() -> dict[str, list[Alias]]:
    out: dict[str, list[Alias]] = {}
    for a in table():
        out.setdefault(a.alias, []).append(a)
    return out


ARTICLES = {"the", "a", "an", "its", "their", "his", "her"}


@functools.cache
def _first_words() -> frozenset[str]:
    """First words of every alias ("s" for "s-300"), to skip tokens that cannot start one."""
    out = set()
    for a in table():
        first = re.split(r"[\s\-–]", a.alias, maxsplit=1)[0]
        out.add(first)
        out.add(first + "s")
        if first.endswith("s"):
            out.add(first[:-1])
    return frozenset(out)


@functools.cache
def _max_words() -> int:
    return max(len(a.alias.split()) for a in table())


@functools.cache
def category_of(obj: str) -> str:
    for a in table():
        if a.object == obj:
            return a.category
    from trustledger.commitments.objects import class_of

    return class_of(obj)  # open vocabulary: the generic class of its head word


def accepts(obj: str, generic_alias: str) -> bool:
    """Whether a generic alias ("the plant") may stand for this object."""
    return any(a.object == obj for a in _by_alias().get(_norm(generic_alias), ()))


def objects_in(span: Span) -> list[tuple[int, int, list[Alias]]]:
    """Longest alias matches over the span's tokens: (start, end, candidate aliases)."""
    doc = span.doc
    words = [_norm(t.text) for t in span]
    found: list[tuple[int, int, list[Alias]]] = []
    i = 0
    n = len(words)
    index = _by_alias()
    firsts = _first_words()
    lows = [re.split(r"[\s\-–]", t.lower_.replace("’", "'"), maxsplit=1)[0] for t in span]
    while i < n:
        hit = None
        if lows[i] not in firsts and not (lows[i] in ARTICLES and i + 1 < n and lows[i + 1] in firsts):
            i += 1
            continue
        for k in range(min(_max_words() + 2, n - i), 0, -1):
            # join tokens, letting hyphens and slashes glue ("S - 300" -> "s-300")
            parts = []
            for t in span[i:i + k]:
                parts.append(t.text_with_ws)
            phrase = _norm("".join(parts))
            phrase_tight = _norm(re.sub(r"\s*-\s*", "-", "".join(parts)))
            cands = index.get(phrase) or index.get(phrase_tight)
            if not cands and k > 1 or not cands and len(phrase) > 4:
                for variant in (phrase + "s", phrase[:-1] if phrase.endswith("s") else None,
                                phrase_tight + "s", phrase_tight[:-1] if phrase_tight.endswith("s") else None):
                    if variant and index.get(variant) and not any(a.generic for a in index[variant]):
                        cands = index[variant]
                        break
            if cands:
                hit = (span.start + i, span.start + i + k, cands)
                break
        if hit:
            found.append(hit)
            i = hit[1] - span.start
        else:
            i += 1
    del doc
    return found


class ObjectContext:
    """The specific objects a document has named so far, newest last, for resolving generics."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def note(self, mentions: list[ObjectMention]) -> None:
        for m in mentions:
            if not m.generic:
                if m.object in self.seen:
                    self.seen.remove(m.object)
                self.seen.append(m.object)

    def resolve(self, cands: list[Alias]) -> Alias | None:
        for obj in reversed(self.seen):
            for c in cands:
                if c.object == obj:
                    return c
        return None


def mentions_in(span: Span, context: ObjectContext | None = None) -> list[ObjectMention]:
    """Objects named in the span; generic names resolved through the document context
    (and through specific names earlier in the same sentence)."""
    out: list[ObjectMention] = []
    raw = objects_in(span)
    local = ObjectContext()
    if context is not None:
        local.seen = list(context.seen)
    for start, end, cands in raw:
        specific = [c for c in cands if not c.generic]
        text = span.doc[start:end].text
        if specific:
            c = specific[0]
            m = ObjectMention(start, end, c.object, text, False, c.category)
            local.note([m])
            out.append(m)
            continue
        prev = out[-1] if out else None
        if prev is not None and not prev.generic and any(
                start <= t.head.i < end for t in span.doc[prev.start:prev.end]) and start - prev.end <= 4:
            # "Tor-M1 short-range air-defence systems": one noun phrase, the specific name decides
            out.append(ObjectMention(start, end, prev.object, text, True, prev.category))
            continue
        if not definite(span, start):
            # "the US and Germany also pledged tanks": a bare name is of a kind, not "the tanks" named in
            # an earlier sentence; it may still retell a thing named in its own sentence ("delivered Storm
            # Shadow missiles, weeks after promising longer-range weapons")
            here = ObjectContext()
            here.seen = [o.object for o in out if not o.generic]
            c = here.resolve(cands)
            if c is not None:
                out.append(ObjectMention(start, end, c.object, text, True, c.category))
            continue
        c = local.resolve(cands)
        if c is not None:
            out.append(ObjectMention(start, end, c.object, text, True, c.category))
    return out


#: Words that make a generic name point back ("the tanks", "these systems", "its reactor").
DEFINITE = {"the", "this", "these", "those", "that", "its", "their", "his", "her", "such"}


def definite(span: Span, start: int) -> bool:
    """Whether a generic name at `start` is definite, so it can stand for an object named before: "the
    tanks", "its plant"; a bare plural ("pledged tanks") or "a system" names things of that kind anew."""
    doc = span.doc
    first = doc[start].lower_
    before = doc[start - 1].lower_ if start > span.start else ""
    if first in DEFINITE or before in DEFINITE:
        return True
    # "the two plants", "the first S-300 systems": a determiner a few words before in the same phrase
    head = doc[start:start + 1].root
    return any(t.dep_ in ("det", "poss") and t.lower_ in DEFINITE for t in head.head.children) or any(
        t.dep_ in ("det", "poss") and t.lower_ in DEFINITE for t in head.children)
