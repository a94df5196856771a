"""The one parser for day parameters: the CLI's options, the web app's and the JSON API's.

A day is written YYYY-MM-DD; YYYY and YYYY-MM are accepted for a whole year or month and mean
its first day where the parameter starts a period (`since`, `--date`) and its last day where
it ends one (`until`). Nothing else is a day here: not Unix seconds, not timestamps, not
20240101 or week dates (which `date.fromisoformat` and pydantic would accept).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from trustledger.errors import UserError

DAY_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
EXPECTED = "expected YYYY-MM-DD, YYYY-MM or YYYY"
#: At most this many characters of a bad value are repeated in an error message.
SHOWN = 40


def shown(value: object) -> str:
    """`value` as a message quotes it: repr, cut to `SHOWN` characters."""
    text = str(value)
    return repr(text if len(text) <= SHOWN else text[:SHOWN] + "…")


def parse_day(value: str | dt.date | None, what: str = "date", end: bool = False) -> dt.date | None:
    """YYYY-MM-DD, YYYY-MM or YYYY as a date: a month's or year's first day, or its last with `end`.

    Raises `UserError` naming `what` (e.g. "--since") for anything else.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        raise UserError(f"{what} {shown(value)} is a timestamp, not a day ({EXPECTED})")
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise UserError(f"{what} {shown(value)} is not a date ({EXPECTED})")
    m = DAY_RE.fullmatch(value.strip())
    if m is None:
        raise UserError(f"{what} {shown(value)} is not a date ({EXPECTED})")
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        if month is None:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        first = dt.date(year, month, 1)
        if day is None:
            return first.replace(day=calendar.monthrange(year, month)[1]) if end else first
        return dt.date(year, month, day)
    except ValueError as e:
        raise UserError(f"{what} {shown(value)} is not a date ({e})") from None


def first_day(value: str | dt.date | None, what: str = "since") -> dt.date | None:
    """The day a period starts: a year or month given alone means its first day."""
    return parse_day(value, what, end=False)


def last_day(value: str | dt.date | None, what: str = "until") -> dt.date | None:
    """The day a period ends: a year or month given alone means its last day."""
    return parse_day(value, what, end=True)
