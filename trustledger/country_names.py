"""The one country resolver: what a user types ("Iran", "russia", "the UK", "US", "IRN", "USR") →
the CAMEO country code the store uses.

Every country argument and option (the CLI, the Python API, the web app) goes through
`resolve`, so a name, a demonym, an ISO2, ISO3 or CAMEO code all mean the same state everywhere,
and a word we do not know is an error with the closest names suggested, never an empty result.

Sources, in order of trust:
1. `trustledger/data/countries.csv` (our dictionary: CAMEO code, name, aliases, adjectives; the
   historical states USR, YUG, CSK, DDR; CAMEO's own codes where they differ from ISO3: TMP for
   Timor-Leste, KSV for Kosovo);
2. pycountry (ISO 3166: the ISO2/ISO3 codes beside each CAMEO code, official names, and the
   territories our dictionary leaves out, such as Hong Kong or Puerto Rico, which event data sets
   code under their ISO3 codes);
3. country_converter's regular expressions, only for a name neither knows ("Russian Fed.",
   "Korea, Rep."), mapped back to a CAMEO code.
Demonyms count only when one state claims them ("Soviet" → USR, but nothing for a word two
states share). Suggestions on a miss come from difflib over every name, alias and demonym.
"""

from __future__ import annotations

import csv
import difflib
import functools
import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from trustledger.errors import UserError
from trustledger.predecessors import SUCCESSORS

DATA = Path(__file__).parent / "data" / "countries.csv"

#: CAMEO codes whose ISO 3166 alpha-3 code differs (ISO 3166-3 for the former states; XKX is the
#: user-assigned code the EU and the World Bank use for Kosovo).
CAMEO_TO_ISO3 = {"TMP": "TLS", "KSV": "XKX", "USR": "SUN"}
#: ISO2 codes pycountry does not give for a CAMEO code (Kosovo's user-assigned XK).
ISO2_EXTRA = {"KSV": "XK"}
#: Codes some data sets and older CAMEO dictionaries use for a state that now has another code
#: (Voeten's UN votes, GDELT's FIPS leftovers): code → CAMEO code.
LEGACY_CODES = {"UK": "GBR", "EL": "GRC", "ROM": "ROU", "ZAR": "COD", "ZR": "COD", "SCG": "YUG", "TP": "TMP"}
#: Former states the UN voting data codes (Correlates of War) that our dictionary has no row for.
EXTRA_HISTORICAL = (
    ("YMD", "South Yemen", ("People's Democratic Republic of Yemen", "Yemen People's Republic"), "1990-05-22"),
    ("ZAN", "Zanzibar", ("People's Republic of Zanzibar",), "1964-04-26"),
)
#: Codes a country filter may name that are not countries (international bodies, unknown actors).
NOT_COUNTRIES = ("IGO", "---")
#: How many close names a miss suggests.
SUGGESTIONS = 3
#: The longest text looked up as a country name: the longest names and aliases are about 50 characters.
MAX_NAME_LENGTH = 100
#: A suggestion is at least this close to the word (difflib ratio) and within this margin of the best.
SUGGEST_CUTOFF = 0.75
SUGGEST_MARGIN = 0.1


@dataclass(frozen=True)
class Country:
    """One state (or territory, or former state) under its CAMEO code."""

    code: str                     # CAMEO country code: "RUS", "USR", "TMP"
    name: str                     # the name we show: "Russia"
    iso2: str | None              # "RU"; None where ISO has none
    iso3: str | None              # "RUS"; "SUN" for USR, "TLS" for TMP
    aliases: tuple[str, ...]      # other names: "Russian Federation", ...
    demonyms: tuple[str, ...]     # adjectives: "Russian"
    valid_until: str | None       # last day of a former state (YYYY-MM-DD), else None
    successor: str | None         # the state that continues it (USR → RUS), else None
    territory: bool = False       # an ISO 3166 entry that is not a state in our dictionary

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})"


class UnknownCountry(UserError):
    """`value` names no country we know, or several (`candidates`); `suggestions` are the closest
    CAMEO codes. The message is one line, starting with the argument (`what`) when given."""

    def __init__(self, value: str, suggestions: list[str], what: str | None = None,
                 candidates: list[str] | None = None) -> None:
        self.value = value
        self.suggestions = suggestions
        self.candidates = candidates or []
        self.what = what
        head = f"{what} " if what else ""
        shown = repr(value if len(value) <= 40 else value[:40] + "…")
        if self.candidates:
            msg = (f"{head}{shown} could mean {_either(self.candidates)}; "
                   "give the name or the code")
        elif suggestions:
            msg = f"{head}{shown} is not a known country; did you mean {_either(suggestions)}?"
        else:
            msg = (f"{head}{shown} is not a known country name or CAMEO/ISO3 country code (e.g. Iran, IRN, IR; "
                   "`trustledger countries` lists them)")
        super().__init__(msg)


def _either(codes: list[str]) -> str:
    labels = [label(c) for c in codes]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " or " + labels[-1]


def normalize(text: str) -> str:
    """The form names are compared in: case-folded, accents and dots dropped, "&" as "and",
    hyphens and runs of spaces as one space, a leading "the" dropped ("the U.K." → "uk")."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(ch for ch in t if not unicodedata.combining(ch)).casefold()
    t = t.replace("’", "'").replace("&", " and ").replace(".", "").replace(",", " ")
    t = re.sub(r"[\s\-_/]+", " ", t).strip()
    if t.startswith("the "):
        t = t[4:]
    return t


def _split(field: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (field or "").split(";") if x.strip())


@functools.cache
def _table() -> dict[str, Country]:
    """Every country by CAMEO code: our dictionary, the extra former states, ISO's territories."""
    import pycountry

    def iso_of(code: str) -> tuple[str | None, str | None, tuple[str, ...]]:
        iso3 = CAMEO_TO_ISO3.get(code, code)
        rec = pycountry.countries.get(alpha_3=iso3) or pycountry.historic_countries.get(alpha_3=iso3)
        if rec is None:
            return ISO2_EXTRA.get(code), (iso3 if code in CAMEO_TO_ISO3 else None), ()
        names = tuple(getattr(rec, a) for a in ("name", "official_name", "common_name") if getattr(rec, a, None))
        return rec.alpha_2, rec.alpha_3, names

    out: dict[str, Country] = {}
    with DATA.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            code = row["code"].strip()
            iso2, iso3, iso_names = iso_of(code)
            aliases = tuple(dict.fromkeys(a for a in (*_split(row["aliases"]), *iso_names) if a != row["name"]))
            out[code] = Country(code, row["name"], iso2, iso3, aliases, _split(row["adjectives"]),
                                row["valid_until"] or None, SUCCESSORS.get(code))
    for code, name, aliases, until in EXTRA_HISTORICAL:
        iso2, iso3, iso_names = iso_of(code)
        out.setdefault(code, Country(code, name, iso2, iso3, tuple(dict.fromkeys((*aliases, *iso_names))), (),
                                     until, SUCCESSORS.get(code)))
    by_iso3 = {c.iso3 for c in out.values() if c.iso3}
    for rec in pycountry.countries:
        if rec.alpha_3 in out or rec.alpha_3 in by_iso3:
            continue
        name = getattr(rec, "common_name", None) or rec.name
        others = tuple(getattr(rec, a) for a in ("name", "official_name") if getattr(rec, a, None)
                       and getattr(rec, a) != name)
        out[rec.alpha_3] = Country(rec.alpha_3, name, rec.alpha_2, rec.alpha_3, others, (), None, None, True)
    return out


@functools.cache
def _indexes() -> tuple[dict[str, str], dict[str, str], dict[str, set[str]]]:
    """(codes, ISO2 codes, names): upper-case code → CAMEO code; normalized name → CAMEO codes.

    A name key lists every state that claims it; `resolve` treats more than one as ambiguous.
    Demonyms join only when no name or alias already takes the key, and one state alone uses them.
    """
    table = _table()
    codes: dict[str, str] = {}
    iso2: dict[str, str] = {}
    for c in table.values():
        codes[c.code] = c.code
        if c.iso3:
            codes.setdefault(c.iso3, c.code)
        if c.iso2:
            iso2.setdefault(c.iso2, c.code)
    for k, v in LEGACY_CODES.items():
        (iso2 if len(k) == 2 else codes).setdefault(k, v)
    names: dict[str, set[str]] = {}
    for c in table.values():
        for n in (c.name, *c.aliases):
            names.setdefault(normalize(n), set()).add(c.code)
    demonyms: dict[str, set[str]] = {}
    for c in table.values():
        for d in c.demonyms:
            demonyms.setdefault(normalize(d), set()).add(c.code)
    for key, owners in demonyms.items():
        if key not in names and len(owners) == 1:
            names[key] = owners
    return codes, iso2, names


def _coco(text: str) -> str | None:
    """country_converter's regular expressions, for names our tables miss; a CAMEO code or None."""
    import country_converter as coco

    logging.getLogger("country_converter").setLevel(logging.ERROR)
    out = coco.convert(text, to="ISO3", not_found=None)
    if not isinstance(out, str) or len(out) != 3:
        return None
    code = _indexes()[0].get(out.upper())
    return code if code and _plausible(normalize(text), code) else None


def _plausible(key: str, code: str) -> bool:
    """Whether every word of `key` starts a word of one of the country's names: country_converter's
    patterns search anywhere in the text, so "Iranistan" would be Iran; "Russian Fed." and
    "Korea, Rep." pass, being abbreviations of the names."""
    c = _table()[code]
    words = {w for n in (c.name, *c.aliases, *c.demonyms) for w in normalize(n).split()}
    return all(any(w.startswith(part) for w in words) for part in key.split())


def lookup(text: str) -> str | None:
    """The CAMEO code `text` names, or None (also when it names several states)."""
    try:
        return resolve(text)
    except UnknownCountry:
        return None


def resolve(text: str, what: str | None = None) -> str:
    """The CAMEO country code for a name, demonym, ISO2, ISO3 or CAMEO code (any case).

    "Iran", "iran", "IR", "IRN" → "IRN"; "the UK", "Britain", "GB" → "GBR"; "Soviet Union",
    "USSR", "SU" → "USR"; "Timor-Leste", "TLS" → "TMP". Raises `UnknownCountry` (a UserError
    whose message starts with `what`, e.g. "--source") with the closest names when nothing matches.
    """
    if not isinstance(text, str) or not text.strip():
        raise UnknownCountry(str(text or ""), [], what)
    raw = text.strip()
    if len(raw) > MAX_NAME_LENGTH:  # no state's name is this long; fuzzy matching it would take minutes
        raise UnknownCountry(raw, [], what)
    codes, iso2, names = _indexes()
    up = raw.upper()
    if up.isalpha() and len(up) == 3 and up in codes:
        return codes[up]
    if up.isalpha() and len(up) == 2 and up in iso2:
        return iso2[up]
    key = normalize(raw)
    owners = names.get(key)
    if owners and len(owners) == 1:
        return next(iter(owners))
    if owners:
        raise UnknownCountry(raw, [], what, candidates=sorted(owners))
    partial = _word_matches(key)
    if len(partial) == 1:
        return partial[0]
    if len(partial) > 1:
        raise UnknownCountry(raw, [], what, candidates=partial)
    if len(key) > 3:
        hit = _coco(raw)
        if hit:
            return hit
    raise UnknownCountry(raw, suggest(raw), what)


def _word_matches(key: str) -> list[str]:
    """The states one of whose names holds `key` as whole words ("korea" → PRK, KOR; "virgin
    islands" → VGB, VIR): one is the answer, several make the word ambiguous."""
    if len(key) < 4:
        return []
    pattern = re.compile(rf"(^| ){re.escape(key)}( |$)")
    return sorted({code for name, owners in _indexes()[2].items() if pattern.search(name) for code in owners})


def resolve_actor(text: str, what: str | None = None) -> str:
    """A country (as `resolve`: "Russia" → "RUS") or a full CAMEO actor code, upper-cased: IGO or a
    country code followed by three-letter blocks whose first is an agent role (RUSGOV, IRNMIL,
    IGOUNO). The event filters take both; anything else raises `UnknownCountry`."""
    code = text.strip().upper() if isinstance(text, str) else ""
    if code == "IGO" or (len(code) > 3 and is_actor_code(code)):
        return code
    return resolve(text, what)


#: The CAMEO manual's agent codes (Schrodt 2012, ch. 4: government and non-government agents), which
#: event data sets use whether or not our agent dictionary does.
CAMEO_ROLES = frozenset("COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB "
                        "LEG MED REF MOD RAD".split())


@functools.cache
def _roles() -> frozenset[str]:
    """The CAMEO agent codes, and every role our agent dictionary assigns (data/agents.csv)."""
    with (DATA.parent / "agents.csv").open(encoding="utf-8", newline="") as f:
        return CAMEO_ROLES | {r["role"].strip() for r in csv.DictReader(f) if r["role"].strip()}


def is_actor_code(code: str) -> bool:
    """IGO (any blocks after it), or a known country code followed by an agent role and maybe more
    three-letter blocks. A typo such as "Rusian" (RUS + IAN) is not one."""
    if not (code.isalpha() and code.isupper() and len(code) % 3 == 0 and 3 <= len(code) <= 15):
        return False
    if code.startswith("IGO"):
        return True
    return len(code) > 3 and country(code[:3]) is not None and code[3:6] in _roles()


def suggest(text: str, n: int = SUGGESTIONS) -> list[str]:
    """The CAMEO codes of the names, aliases and demonyms closest to `text` (difflib), best first;
    only those nearly as close as the best one, so a typo of Russia does not also offer "USA"."""
    key = normalize(text)
    if not key or len(key) > MAX_NAME_LENGTH:
        return []
    _, _, names = _indexes()
    scored = sorted(((difflib.SequenceMatcher(None, key, k).ratio(), k) for k in names), reverse=True)
    out: list[str] = []
    best = scored[0][0] if scored else 0.0
    for ratio, k in scored:
        if ratio < SUGGEST_CUTOFF or ratio < best - SUGGEST_MARGIN or len(out) >= n:
            break
        for code in sorted(names[k]):
            if code not in out:
                out.append(code)
    return out[:n]


def country(code: str) -> Country | None:
    """The `Country` under a CAMEO code (or an ISO3 code), or None."""
    c = (code or "").strip().upper()
    table = _table()
    if c in table:
        return table[c]
    mapped = _indexes()[0].get(c)
    return table.get(mapped) if mapped else None


def name(code: str) -> str:
    """The name of the country under a CAMEO code ("RUS" → "Russia"); a code that is no country
    (IGO, ---, an actor code we do not know) comes back unchanged, so display never fails."""
    c = country(code) if code else None
    return c.name if c else (code or "")


def label(code: str) -> str:
    """"Russia (RUS)": name and code, as tables and texts show a state; a non-country code alone."""
    c = country(code) if code else None
    return f"{c.name} ({c.code})" if c else (code or "")


def all_countries() -> list[Country]:
    """Every country we know, sorted by name (states, former states and ISO territories)."""
    return sorted(_table().values(), key=lambda c: normalize(c.name))


def search(query: str | None) -> list[Country]:
    """The countries a listing filter matches: those with a code (CAMEO, ISO2, ISO3) equal to it when
    some have one ("RU" is Russia, not Aruba), else those with a name or alias containing it, or a
    demonym starting with it (accents and case ignored). Empty query: all of them."""
    if not query or not query.strip():
        return all_countries()
    key = normalize(query)
    up = query.strip().upper()
    by_code = [c for c in all_countries() if up in (c.code, c.iso2, c.iso3)]
    if by_code:
        return by_code
    return [c for c in all_countries() if any(key in normalize(w) for w in (c.name, *c.aliases))
            or any(normalize(d).startswith(key) for d in c.demonyms)]
