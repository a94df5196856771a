"""Countries as the web pages take and show them: whatever a reader types ("iran", "Iran", "IR",
"IRN") becomes the CAMEO code the store uses, and every code is shown with its name ("Russia (RUS)").

The pages go through this module only, so they all accept the same spellings and show the same
labels; it delegates to the project's one country resolver. A form field left empty is no filter
(`optional`); a word that names no state is a `UserError` whose one-line message the app shows on
an error page (400), never a validation error about the field's shape.
"""

from __future__ import annotations

import functools

from trustledger import country_names


def resolve(text: str, what: str) -> str:
    """The CAMEO code of the country `text` names (name, ISO2, ISO3 or CAMEO code, any case).

    Raises `country_names.UnknownCountry` (a one-line `UserError` starting with `what`, with the
    closest names) when `text` names no country."""
    return country_names.resolve(text, what)


def optional(text: str | None, what: str) -> str | None:
    """`resolve`, with an empty or missing field meaning no filter (None)."""
    if text is None or not text.strip():
        return None
    return resolve(text, what)


def optional_actor(text: str | None, what: str) -> str | None:
    """A country as `resolve`, or a CAMEO actor code (RUSGOV, IGOUNO) as the event filters take; empty = None."""
    if text is None or not text.strip():
        return None
    return country_names.resolve_actor(text, what)


@functools.lru_cache(maxsize=4096)   # pages show the same few hundred codes again and again
def is_state(code: str | None) -> bool:
    """True when `code` is a country an assessment can be asked about (not IGO, not '---')."""
    return bool(code) and country_names.country(code) is not None


@functools.lru_cache(maxsize=4096)   # pages show the same few hundred codes again and again
def name(code: str | None) -> str:
    """The country's name ("RUS" → "Russia"); a code that is no country comes back unchanged."""
    return country_names.name(code) if code else ""


@functools.lru_cache(maxsize=4096)   # pages show the same few hundred codes again and again
def label(code: str | None) -> str:
    """"Russia (RUS)"; a code that is no country alone; an empty code as "–"."""
    return country_names.label(code) if code else "–"


def options(codes: list[str]) -> list[dict[str, str]]:
    """Form suggestions for the countries among `codes`: {code, name}, sorted by name.

    A former state (USR) is left out: its record counts for its successor (RUS), which is listed."""
    rows = [{"code": c, "name": name(c)} for c in codes
            if is_state(c) and not country_names.country(c).successor]
    return sorted(rows, key=lambda r: r["name"])
