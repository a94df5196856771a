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


__all__ = ["ALIASES", "CAMEO_EXTRA", "SUCCESSORS", "iso2_table", "successor", "to_cameo"]


def iso2_table() -> list[tuple[str, str]]:
    """(ISO2-or-alias, CAMEO code) pairs, for joining in SQL instead of converting row by row."""
    return [(k, v) for k, v in _index().items() if len(k) == 2]
