"""Which states a sentence names, for promisor and promisee.

Uses the project's actor resolver (`trustledger.coding.actors.ActorResolver`) when it is
installed, and a small built-in gazetteer of country names, demonyms, capitals, state
companies and office holders otherwise, and for the names the resolver does not know.
Only states matter here: promisor and promisee are three-letter country codes.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

import pycountry
from spacy.tokens import Span

from trustledger.coding.countries import successor


@dataclass(frozen=True)
class CountryMention:
    start: int  # token index in the Doc
    end: int
    code: str


# Words that name a state without being its name: demonyms, capitals, state bodies, leaders.
_EXTRA = {
    "RUS": ["russian", "russians", "moscow", "kremlin", "minatom", "rosatom", "atomstroyexport", "rostec",
            "rosoboronexport", "gazprom", "rosneft", "putin", "medvedev", "yeltsin", "lavrov", "kiriyenko",
            "rumyantsev", "mikhailov", "chemezov", "shoigu", "shmatko", "makarov", "churkin", "nebenzia",
            "prikhodko", "timakova", "ulyanov", "chernomyrdin", "ivanov", "soviet union", "soviet", "soviets",
            "gorbachev", "russian federation"],
    "IRN": ["iranian", "iranians", "tehran", "khatami", "rouhani", "ahmadinejad", "rafsanjani", "zarif", "raisi",
            "salehi", "aghazadeh", "amrollahi", "khamenei", "pezeshkian", "dehghan", "vahidi", "mottaki",
            "araghchi", "amir-abdollahian", "atomic energy organization of iran", "majles", "mohammad-najjar",
            "national iranian oil company", "ansari", "farahi", "heidari"],
    "USA": ["american", "americans", "washington", "united states", "u.s.", "us", "white house",
            "state department", "pentagon", "treasury", "clinton", "obama", "trump", "biden", "kerry",
            "albright", "pompeo", "blinken", "rubin", "gore", "bush", "dobbins", "malley", "adeyemo", "rice"],
    "CHN": ["chinese", "beijing", "xi jinping", "xi"],
    "PAK": ["pakistani", "pakistanis", "islamabad"],
    "IND": ["indian", "indians", "new delhi", "delhi", "modi"],
    "FRA": ["french", "paris", "macron", "elysee", "élysée"],
    "DEU": ["german", "germans", "berlin", "scholz", "merkel", "west germany", "west german"],
    "GBR": ["british", "britain", "london", "downing street", "united kingdom", "uk"],
    "UKR": ["ukrainian", "ukrainians", "kyiv", "kiev", "zelensky"],
    "ISR": ["israeli", "israelis", "jerusalem", "netanyahu"],
    "TUR": ["turkish", "ankara", "erdogan"],
    "SYR": ["syrian", "damascus", "assad"],
    "EGY": ["egyptian", "cairo", "sisi"],
    "SAU": ["saudi", "saudi arabia", "riyadh"],
    "JPN": ["japanese", "tokyo"],
    "KOR": ["south korea", "south korean", "seoul"],
    "PRK": ["north korea", "north korean", "pyongyang"],
    "TWN": ["taiwanese", "taipei", "taiwan"],
    "AZE": ["azerbaijani", "baku"],
    "ARM": ["armenian", "yerevan"],
    "IRQ": ["iraqi", "baghdad"],
    "VEN": ["venezuelan", "caracas"],
    "BRA": ["brazilian", "brasilia"],
    "QAT": ["qatari", "doha"],
    "GRC": ["greek", "athens"],
    "POL": ["polish", "warsaw"],
    "SRB": ["serbian", "belgrade"],
    "VNM": ["vietnamese", "hanoi", "vietnam"],
    "IDN": ["indonesian", "jakarta"],
    "AUS": ["australian", "canberra"],
    "CAN": ["canadian", "ottawa"],
    "MEX": ["mexican"],
    "ARG": ["argentine", "argentinian", "buenos aires"],
    "KAZ": ["kazakh", "astana"],
    "LBY": ["libyan", "tripoli"],
    "AFG": ["afghan"],
    "LBN": ["lebanese", "beirut"],
    "ETH": ["ethiopian", "addis ababa"],
    "NGA": ["nigerian", "abuja"],
    "MYS": ["malaysian", "kuala lumpur"],
    "PHL": ["philippine", "manila", "philippines"],
    "SWE": ["swedish", "stockholm"],
    "NOR": ["norwegian", "oslo"],
    "ITA": ["italian", "rome"],
    "ESP": ["spanish", "madrid"],
    "BLR": ["belarusian", "minsk"],
    "GEO": ["georgian", "tbilisi"],
    "KEN": ["kenyan", "nairobi"],
    "ZAF": ["south african", "pretoria"],
}
# Words that look like places but are not states here.
_NOT_STATES = {"bushehr", "gulf", "fordow", "arak", "natanz", "sirri", "kerman", "rasht", "astara", "caspian",
               "hormuz", "fujairah", "geneva", "vienna", "lausanne", "bonn", "hague", "the hague", "doha"}


@functools.cache
def _gazetteer() -> dict[str, str]:
    g: dict[str, str] = {}
    for code, words in _EXTRA.items():
        for w in words:
            g[w] = code
    return g


def _norm(text: str) -> str:
    text = re.sub(r"^(the)\s+", "", text.strip().lower())
    text = re.sub(r"'s$|’s$", "", text)
    return text


@functools.cache
def _resolver():
    try:
        from trustledger.coding.actors import ActorResolver  # written by the coder stage
    except Exception:  # noqa: BLE001 - not installed yet: the gazetteer alone
        return None
    try:
        return ActorResolver.default()
    except Exception:  # noqa: BLE001
        return None


@functools.lru_cache(maxsize=4096)
def _lookup(text: str) -> str | None:
    """A state name → code, cached; exact names only (the fuzzy country_converter fallback of
    `to_cameo` costs ~0.1 s a call and guesses, which we do not want for party detection)."""
    key = _norm(text)
    if not key or key in _NOT_STATES:
        return None
    if key in _gazetteer():
        return _gazetteer()[key]
    if key[:1].isalpha() and len(key) > 3:
        code = _exact_index().get(key.upper())
        if code is None:
            try:
                code = pycountry.countries.lookup(key).alpha_3
            except LookupError:
                code = None
        if code and len(code) == 3:
            return code
    return None


@functools.cache
def _exact_index() -> dict[str, str]:
    from trustledger.coding import countries

    try:
        return dict(countries._index())  # the project's own name → code table
    except Exception:  # noqa: BLE001 - its shape is not an interface; fall back to to_cameo on misses
        return {}


def country_mentions(span: Span, on: dt.date | None = None) -> list[CountryMention]:
    """States named in the span, in order, longest match first; Soviet Union → RUS."""
    found: dict[int, CountryMention] = {}
    resolver = _resolver()
    if resolver is not None:
        try:
            for m in resolver.mentions(span, on):
                country = getattr(m.actor, "country", None)
                if country and len(country) == 3 and country != "IGO":
                    found[m.start] = CountryMention(m.start, m.end, successor(country))
        except Exception:  # noqa: BLE001 - a resolver bug must not stop ingest
            found = {}
    covered = {i for m in found.values() for i in range(m.start, m.end)}
    toks = list(span)
    i = 0
    g = _gazetteer()
    while i < len(toks):
        t = toks[i]
        if t.i in covered or not (t.text[:1].isupper() or t.text.lower() in ("u.s.",)):
            i += 1
            continue
        hit = None
        for k in (4, 3, 2, 1):
            if i + k > len(toks):
                continue
            sub = span.doc[t.i:t.i + k]
            key = _norm(sub.text)
            is_ent = any(e.start == sub.start and e.end == sub.end and e.label_ in ("GPE", "NORP")
                         for e in span.doc.ents if e.start <= sub.start < e.end)
            if key not in g and not is_ent:
                continue
            code = _lookup(sub.text)
            if code:
                hit = CountryMention(t.i, t.i + k, successor(code))
                break
        if hit and not any(j in covered for j in range(hit.start, hit.end)):
            found[hit.start] = hit
            i += hit.end - hit.start
        else:
            i += 1
    return sorted(found.values(), key=lambda m: m.start)
