"""A full stop after an abbreviation is not a sentence end: "Iran's deputy defence minister, Brig.
Gen. Mahdi Farahi, said ..." is one sentence.

Why a pipeline component: the parser decides sentence boundaries, and it cuts after "Brig.",
"Amb." or "Capt." (the tokenizer splits them into word and full stop, the parser then sees a
sentence end before a capitalised word). A cut sentence loses its subject and its verb to two
halves, so the coder and the commitment finder miss the event, and every quote stops at "Brig.".
This component runs before the parser and marks the word after a listed abbreviation as no
sentence start when the abbreviation's kind says it runs on (`data/words/abbreviations.txt`); the
parser keeps such marks. A blank line or a line break still starts a sentence (`paragraph_breaks`).

Sentence indices are stored: the change applies to documents split from now on; what is stored
keeps its indices (the report joins cut sentences for display, `report/readable.py`).
"""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from trustledger.words import word_map

#: Any dotted initialism ("U.S.", "U.A.E."): two or more capital letters each with a full stop.
_INITIALISM = re.compile(r"^(?:[A-Z]\.){2,}$")
KINDS = frozenset({"title", "month", "number", "place", "initialism", "suffix"})


@cache
def abbreviation_kinds() -> dict[str, str]:
    """Abbreviation (lower-cased, with its full stop) → how it runs on (`KINDS`)."""
    kinds = word_map("abbreviations")
    unknown = sorted({k for k in kinds.values() if k not in KINDS})
    if unknown:
        raise ValueError(f"data/words/abbreviations.txt: unknown kinds {unknown}")
    return kinds


def abbreviation_kind(text: str) -> str | None:
    """The kind of an abbreviation as written ("Brig." → "title"; "U.A.E." → "initialism"), or None.
    Only a capitalised form counts: "no." ends "He said no."."""
    if not text[:1].isupper() or not text.endswith("."):
        return None
    kind = abbreviation_kinds().get(text.lower())
    if kind is None and _INITIALISM.match(text):
        return "initialism"
    return kind


def _abbreviation_before(doc: Doc, i: int) -> tuple[str, int] | None:
    """(kind, index of its first token) of an abbreviation ending at token i: one token ("Gen.") or
    a word and its full stop written together ("Brig" "."); None when token i ends none."""
    tok = doc[i]
    if tok.text.endswith(".") and len(tok.text) > 1:
        kind = abbreviation_kind(tok.text)
        return (kind, i) if kind else None
    if tok.text == "." and i > 0 and not doc[i - 1].whitespace_:
        kind = abbreviation_kind(doc[i - 1].text + ".")
        return (kind, i - 1) if kind else None
    return None


def runs_on(kind: str, before: Token | None, nxt: Token) -> bool:
    """Whether an abbreviation of `kind` continues into `nxt` (`before` is the word in front of it)."""
    first = nxt.text[:1]
    if first.islower():
        return True
    if kind == "title":
        return first.isupper() or first in "\"'“‘("
    if kind in ("month", "number"):
        return first.isdigit()
    if kind == "place":
        prefix = before is None or not before.text[:1].isupper() or before.is_sent_start
        return first.isdigit() or (prefix and first.isupper())
    if kind == "initialism":
        return first.isdigit()
    return False


def install(nlp: Language) -> None:
    """Put the abbreviations into a pipeline with a parser: each title is one token (the tokenizer
    splits "Brig." into "Brig" and "." unless told, and the parser then ends the sentence there,
    whatever it is told before), and `abbreviation_runs` runs before the parser. Only titles become
    tokenizer cases: they never end a sentence, while "No." or "Sr." can."""
    from spacy.attrs import ORTH

    for text, kind in word_map("abbreviations").items():
        if kind != "title":
            continue
        written = text[:1].upper() + text[1:]
        if len(list(nlp.tokenizer(written))) > 1:
            nlp.tokenizer.add_special_case(written, [{ORTH: written}])
    nlp.add_pipe("abbreviation_runs", before="parser")


@Language.component("abbreviation_runs")
def abbreviation_runs(doc: Doc) -> Doc:
    """Mark the word after a listed abbreviation as no sentence start when the abbreviation runs on
    into it (`runs_on`); a line break between them leaves the boundary to `paragraph_breaks`."""
    for i in range(len(doc) - 1):
        found = _abbreviation_before(doc, i)
        if found is None:
            continue
        kind, start = found
        nxt = doc[i + 1]
        if nxt.is_space or "\n" in doc[i].whitespace_ or nxt.is_sent_start:
            continue
        if runs_on(kind, doc[start - 1] if start > 0 else None, nxt):
            nxt.is_sent_start = False
    return doc
