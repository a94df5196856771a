"""Country names and codes → CAMEO/ISO3 codes, for text, importers and command-line arguments.

CAMEO's country codes are ISO 3166 alpha-3 with a few exceptions; the Soviet Union is
`USR` and resolves to its successor `RUS` when a question is about today's states (the table of
successors is trustledger/predecessors.py's, re-exported here for the coder's callers).
"""

from __future__ import annotations

import functools

import pycountry

from trustledger.predecessors import SUCCESSORS, successor

#: CAMEO codes that differ from ISO3, or that ISO does not have.
CAMEO_EXTRA = {"USR": "Soviet Union", "YUG": "Yugoslavia", "CSK": "Czechoslovakia", "DDR": "East Germany",
               "KSV": "Kosovo", "IGO": "International organization", "IMG": "International militarized group"}
#: Codes some data sets use that are not ISO2/ISO3 (Voeten's data, GDELT's FIPS-style leftovers).
ALIASES = {"UK": "GBR", "EL": "GRC", "YU": "YUG", "SU": "USR", "CS": "CSK", "DD": "DDR", "XK": "KSV",
           "ZR": "COD", "ROM": "ROU", "TMP": "TLS", "ZAR": "COD", "SUN": "USR"}

#: Dependent territories ISO 3166-1 gives a code of their own → the state they belong to, as CAMEO
#: codes them (a territory's events are its state's: Greenland DNK, Puerto Rico USA). From the UN list
#: of Non-Self-Governing Territories and the general lists of dependencies (crown dependencies, overseas
#: departments and collectivities, unincorporated US territories). Left out on purpose: states in free
#: association that conduct their own foreign relations (Cook Islands, Niue), China's special
#: administrative regions (CAMEO keeps HKG and MAC), and territories whose status is in dispute
#: (Western Sahara, Palestine, Taiwan).
DEPENDENCIES = {
    "GRL": "DNK", "FRO": "DNK",
    "BMU": "GBR", "CYM": "GBR", "FLK": "GBR", "GIB": "GBR", "AIA": "GBR", "MSR": "GBR", "VGB": "GBR",
    "TCA": "GBR", "SHN": "GBR", "PCN": "GBR", "IOT": "GBR", "SGS": "GBR", "IMN": "GBR", "JEY": "GBR",
    "GGY": "GBR",
    "PRI": "USA", "GUM": "USA", "ASM": "USA", "MNP": "USA", "VIR": "USA", "UMI": "USA",
    "NCL": "FRA", "PYF": "FRA", "MTQ": "FRA", "GLP": "FRA", "GUF": "FRA", "REU": "FRA", "MYT": "FRA",
    "SPM": "FRA", "WLF": "FRA", "ATF": "FRA", "BLM": "FRA", "MAF": "FRA",
    "ABW": "NLD", "CUW": "NLD", "SXM": "NLD", "BES": "NLD",
    "TKL": "NZL",
    "NFK": "AUS", "CXR": "AUS", "CCK": "AUS", "HMD": "AUS",
    "SJM": "NOR", "BVT": "NOR",
    "ALA": "FIN",
}
#: ISO 3166-2 subdivision types that are nations of a state ("England", "Scotland", "Wales" of GBR):
#: news names them as often as the state itself.
NATION_TYPES = frozenset({"Country", "Nation"})


def sovereign(code: str) -> str:
    """The state a dependent territory belongs to ('GRL' → 'DNK'); any other code as it is."""
    return DEPENDENCIES.get(code, code)


@functools.cache
def constituent_nations() -> dict[str, str]:
    """Name → state of the nations ISO 3166-2 lists inside a state ("England" → GBR), without ISO's
    bracketed other-language forms ("Wales [Cymru GB-CYM]"); a nation ISO 3166-1 also codes as a
    territory (Aruba of NLD) is read through `sovereign`."""
    import re

    out: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        if getattr(sub, "type", "") not in NATION_TYPES:
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        name = re.sub(r"\s*\[.*?\]", "", sub.name).strip()
        if country is not None and name:
            out[name] = sovereign(country.alpha_3)
    return out


@functools.cache
def _index() -> dict[str, str]:
    idx: dict[str, str] = {}
    for c in pycountry.countries:
        idx[c.alpha_2] = c.alpha_3
        idx[c.alpha_3] = c.alpha_3
        for attr in ("name", "official_name", "common_name"):
            v = getattr(c, attr, None)
            if v:
                idx[v.upper()] = c.alpha_3
    for h in pycountry.historic_countries:
        idx.setdefault(h.alpha_3, h.alpha_3)
    for code, name in CAMEO_EXTRA.items():
        idx[code] = code
        idx[name.upper()] = code
    idx.update(ALIASES)
    return idx


def to_cameo(value: str | None) -> str | None:
    """'IR', 'IRN', 'Iran', 'Islamic Republic of Iran' → 'IRN'; None when unknown."""
    if not value:
        return None
    key = value.strip().upper()
    hit = _index().get(key)
    if hit:
        return hit
    try:
        return pycountry.countries.lookup(value.strip()).alpha_3
    except LookupError:
        pass
    import logging

    import country_converter as coco

    logging.getLogger("country_converter").setLevel(logging.ERROR)
    out = coco.convert(value, to="ISO3", not_found=None)
    return out if isinstance(out, str) and len(out) == 3 else None


__all__ = ["ALIASES", "CAMEO_EXTRA", "DEPENDENCIES", "SUCCESSORS", "constituent_nations", "iso2_table", "sovereign",
           "successor", "to_cameo"]


def iso2_table() -> list[tuple[str, str]]:
    """(ISO2-or-alias, CAMEO code) pairs, for joining in SQL instead of converting row by row."""
    return [(k, v) for k, v in _index().items() if len(k) == 2]
