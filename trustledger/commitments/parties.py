"""Which states a sentence names, for promisor and promisee.

One resolver for parties: the coder's dated actor resolver (`trustledger.coding.actors.ActorResolver`),
so a person is the state he served on the article's date and a name means the same here as in the
event coder. There is no second gazetteer. What the resolver reads as a place (a city, a province, a
site such as a plant's town) is never a party, nor is a capital named as where something happened
("signed in Vienna", "talks at Geneva"): only states act and promise. Spelled country names the
resolver's matcher does not catch ("the U.S." with its dots) are looked up, as named entities, in the
project's own country table. Promisor and promisee are three-letter codes: a state's, or IGO for an
international body (kept apart, see `party_mentions`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass

from spacy.tokens import Span

from trustledger.coding import countries
from trustledger.coding.countries import successor

#: Prepositions that make a capital or city the place where something happened, not an actor.
LOCATIVE = {"in", "at", "near", "outside", "inside"}


@dataclass(frozen=True)
class CountryMention:
    start: int  # token index in the Doc
    end: int
    code: str
    firm: bool = False  # a business ("Gazprom", "a German firm"): it sells, builds and supplies itself


@functools.cache
def _resolver():
    from trustledger.coding.actors import ActorResolver

    return ActorResolver.default()


def state_named(text: str) -> str | None:
    """The state an exact country name stands for, in the coder's own name table (exact names and
    codes only: `to_cameo`'s fuzzy fallback would make a town or a nationality a state)."""
    key = re.sub(r"^the\s+", "", text.strip(), flags=re.I)
    key = re.sub(r"'s$|’s$", "", key).replace(".", "").upper()
    code = countries._index().get(key)
    return code if code and len(code) == 3 else None


def _locative(span: Span, start: int) -> bool:
    """"signed in Vienna", "at talks in Geneva": the token is the object of a place preposition."""
    tok = span.doc[start]
    root = tok
    while root.dep_ in ("compound", "det") and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE


def _in_money(span: Span, start: int, end: int) -> bool:
    doc = span.doc
    before = doc[start - 1].text if start > 0 else ""
    after = doc[end].text if end < len(doc) else ""
    short = doc[start:end].text.replace(".", "") in ("US", "U.S", "A", "C", "NZ", "HK", "S")
    return short and (before in ("$", "US$") or after == "$") or doc[start].text in ("US$",)


def _places_and_peoples(doc) -> tuple[list, list[int]]:
    """The document's GPE and NORP entities, listed once per document: spaCy builds `Doc.ents` (and
    `Span.ents` from it) anew on every access, which made every sentence cost the whole document."""
    cached = doc.user_data.get("trustledger.gpe_norp")
    if cached is None:
        ents = [e for e in doc.ents if e.label_ in ("GPE", "NORP")]  # in document order
        cached = (ents, [e.start for e in ents])
        doc.user_data["trustledger.gpe_norp"] = cached
    return cached


def country_mentions(span: Span, on: dt.date | None = None) -> list[CountryMention]:
    """States named in the span, in order, through the dated actor resolver; Soviet Union → RUS."""
    return party_mentions(span, on)[0]


def party_mentions(span: Span, on: dt.date | None = None
                   ) -> tuple[list[CountryMention], list[CountryMention], list[CountryMention]]:
    """States and international bodies named in the span, each in order, through the one dated actor
    resolver. A body (the EU, the IMF, the World Bank, a UN agency) is a party of its own, coded IGO as in
    CAMEO: it pledges, lends and is promised things. It is kept apart from the states because it never
    stands in for the article's pair of states (a promise without a recipient is not made to "the UN"
    the sentence names in passing): the finders use it only where the grammar names it as a party.
    The third list holds places (a town, a site) with the state they lie in: never a party, but where a
    plant is built tells whose it is ("a plant at Paks" is built for Hungary)."""
    found: dict[int, CountryMention] = {}
    bodies: list[CountryMention] = []
    places: list[CountryMention] = []
    covered: set[int] = set()
    for m in _resolver().mentions(span, on):
        covered.update(range(m.start, m.end))
        a = m.actor
        country = getattr(a, "country", None)
        if not country or len(country) != 3 or country == "---":
            continue
        if _in_money(span, m.start, m.end):
            continue  # "$US 200 million"
        if country == "IGO":
            if a.role != "MED" and not _locative(span, m.start):
                bodies.append(CountryMention(m.start, m.end, "IGO"))
            continue
        if getattr(a, "place", False):
            places.append(CountryMention(m.start, m.end, successor(country)))
            continue  # a town, a province, a site: where, not who
        if a.role == "MED":
            continue  # "Reuters reports", "the BBC's correspondent": the press tells, it neither promises nor receives
        if a.role == "GOV" and a.person is None and state_named(span.doc[m.start:m.end].text) is None \
                and _locative(span, m.start):
            continue  # "signed in Vienna": a capital named as the place
        found[m.start] = CountryMention(m.start, m.end, successor(country), firm=a.role == "BUS")
    ents, starts = _places_and_peoples(span.doc)
    for e in ents[bisect.bisect_left(starts, span.start):bisect.bisect_left(starts, span.end)]:
        if e.end > span.end:
            continue
        if any(i in covered for i in range(e.start, e.end)):
            continue
        code = state_named(e.text)
        if code and not _locative(span, e.start) and not _in_money(span, e.start, e.end):
            found[e.start] = CountryMention(e.start, e.end, successor(code))
    return sorted(found.values(), key=lambda m: m.start), bodies, places
