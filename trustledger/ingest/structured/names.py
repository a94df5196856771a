"""Country names, ISO2 codes and COW numbers → CAMEO/ISO3 codes, as small SQL join tables.

Data sets name countries in their own ways ("Russian Federation", "Turkiye", "UAE", "RU", COW 365).
We map each *distinct* value once in Python (trustledger.coding.countries, cached) into a temporary
table `(value, code)`, and the bulk rows are mapped by a SQL join: never a Python call per row.
"""

from __future__ import annotations

import functools
import logging

import pyarrow as pa

from trustledger.coding import countries
from trustledger.ingest.structured.loader import FileLoad

#: Names and codes used by the data sets that the general converter gets wrong or does not know.
OVERRIDES = {
    "USSR": "USR", "SOVIET UNION": "USR", "UAE": "ARE", "UNITED ARAB EMIRATES": "ARE",
    "GERMAN DEMOCRATIC REPUBLIC": "DDR", "EAST GERMANY": "DDR", "GDR": "DDR",
    "FEDERAL REPUBLIC OF GERMANY": "DEU", "WEST GERMANY": "DEU",
    "YEMEN PEOPLE'S REPUBLIC": "YMD", "SOUTH YEMEN": "YMD", "YD": "YMD", "YEMEN ARAB REPUBLIC": "YEM",
    "ZANZIBAR": "ZAN", "LIBYA GNC": "LBY", "KOSOVO": "KSV", "CZECHOSLOVAKIA": "CSK", "YUGOSLAVIA": "YUG",
    "OCCUPIED PALESTINIAN TERRITORY": "PSE", "PALESTINE": "PSE", "TAIWAN": "TWN", "MICRONESIA": "FSM",
    "UK": "GBR", "USA": "USA", "US": "USA", "RUSSIA": "RUS", "TURKIYE": "TUR", "IRAN": "IRN",
}

#: Correlates of War numbers whose Gleditsch–Ward twin differs or that name a state that no longer exists.
COW_OVERRIDES = {
    255: "DEU", 260: "DEU", 265: "DDR", 678: "YEM", 679: "YEM", 680: "YMD", 345: "YUG", 315: "CSK",
    316: "CZE", 365: "RUS", 816: "VNM", 817: "VNM", 511: "ZAN", 347: "KSV", 713: "TWN", 340: "SRB",
}


@functools.cache
def code_for(value: str) -> str | None:
    """The CAMEO/ISO3 code for one name or code; None for non-state actors (SIPRI marks them with *)."""
    v = value.strip()
    if not v or v.endswith("*") or v.lower().startswith("unknown"):
        return None
    hit = OVERRIDES.get(v.upper())
    if hit:
        return hit
    return countries.to_cameo(v)


@functools.cache
def cow_code_for(number: int) -> str | None:
    if number in COW_OVERRIDES:
        return COW_OVERRIDES[number]
    import country_converter as coco

    logging.getLogger("country_converter").setLevel(logging.ERROR)
    out = coco.convert(number, src="GWcode", to="ISO3", not_found=None)
    return out if isinstance(out, str) and len(out) == 3 and out.isalpha() else None


def _table(load: FileLoad, base: str, values: list, codes: list[str | None], value_type: pa.DataType) -> str:
    name = load.temp_name(base)
    data = pa.table({"value": pa.array(values, value_type), "code": pa.array(codes, pa.string())})
    load.con.register(f"{name}_arrow", data)
    try:
        load.con.execute(f"CREATE TEMP TABLE {name} AS SELECT * FROM {name}_arrow")
    finally:
        load.con.unregister(f"{name}_arrow")
    return name


def name_table(load: FileLoad, values_sql: str) -> str:
    """A temp table (value, code) for the distinct non-null values of the one-column query."""
    values = [r[0] for r in load.con.execute(
        f"SELECT DISTINCT v FROM ({values_sql}) t(v) WHERE v IS NOT NULL ORDER BY v").fetchall()]
    return _table(load, "names", values, [code_for(v) for v in values], pa.string())


def cow_table(load: FileLoad, values_sql: str) -> str:
    """A temp table (value INTEGER, code) for the distinct COW country numbers of the query."""
    values = [int(r[0]) for r in load.con.execute(
        f"SELECT DISTINCT v FROM ({values_sql}) t(v) WHERE v IS NOT NULL ORDER BY v").fetchall()]
    return _table(load, "cow", values, [cow_code_for(v) for v in values], pa.int64())


def unmapped_note(load: FileLoad, table: str, limit: int = 5) -> str | None:
    """A warning naming values that map to no country code, or None."""
    rows = load.con.execute(f"SELECT value FROM {table} WHERE code IS NULL ORDER BY value").fetchall()
    if not rows:
        return None
    shown = ", ".join(str(r[0]) for r in rows[:limit]) + (" ..." if len(rows) > limit else "")
    return f"{len(rows)} name(s) map to no country code and are stored as null: {shown}"
