"""Dates in news sentences: find date expressions and resolve them against the document date.

Why this module exists: an event coded from a 2011 article that says "in January 2009" happened in
2009, and a promise "to finish the plant by the end of 2010" is due on 2010-12-31. The coder needs
each event's date with an honest precision (day, month or year), and the commitment ledger needs
due dates. Off-the-shelf parsers get the common newswire forms wrong in ways that matter here
(dateparser turns "2000" into "2000-05-01" when the base date is in May, cannot read "mid-2010"
or "the 1990s", and reads "may" the verb as a month), so the common forms are resolved by a small
deterministic grammar below; dateparser (pinned) is only the fallback for unusual absolute forms
that contain a month name or a numeric date, always with an explicit RELATIVE_BASE.

Rules (all deterministic; nothing depends on today's date):

* ``ResolvedDate.date`` is the first day of the period for month and year precision
  ("in January 2009" -> 2009-01-01/month, "in 2000" -> 2000-01-01/year), except for due-date
  phrases about the end of a period, which give its last day: "by the end of 2010" ->
  2010-12-31/year, "the end of the year" -> Dec 31 of the document's year, and "within four
  years" -> the document date plus four years (precision year).
* Numeric dates: ISO ``2010-06-12`` first; ``D/M/YYYY`` is read day-first only when that is the
  only valid reading (first number > 12), otherwise month-first (the English-language wire
  convention), so "12/06/2010" is 2010-12-06 and "13/06/2010" is 2010-06-13.
* A bare month ("in March", "early March") is the most recent such month not after the document
  date (the document's own month counts); with ``future=True`` (the verb is future: "will",
  "is due to", "promised to") it is the next one not before the document month. "last March" is
  strictly before the document month, "next March" strictly after. Weekdays work the same way
  ("on Monday" = the most recent Monday on or before the document date).
* Relative expressions ("yesterday", "last year", "a decade ago", "in March") need the document
  date; with ``doc_date=None`` they resolve to None. Absolute ones ("June 12, 2010") do not.
* Years outside 1800-2100 are rejected (they are quantities, not dates).
"""

from __future__ import annotations

import bisect
import calendar
import datetime
import functools
import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from trustledger.words import word_list, word_map, words

MIN_YEAR = 1800
MAX_YEAR = 2100

DAY, MONTH, YEAR = "day", "month", "year"


@dataclass(frozen=True)
class ResolvedDate:
    """A resolved date: ``date`` is the first day of the period for month/year precision (the
    last day for "end of" due-date phrases, see the module docstring)."""

    date: datetime.date
    precision: str  # "day" | "month" | "year"

    def __str__(self) -> str:
        if self.precision == YEAR:
            return f"{self.date.year:04d}"
        if self.precision == MONTH:
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()


# ---------------------------------------------------------------- vocabulary

MONTHS = {k: int(v) for k, v in word_map("month_numbers").items()}
WEEKDAYS = {k: int(v) for k, v in word_map("weekday_numbers").items()}
NUMBER_WORDS = {k: int(v) for k, v in word_map("number_words").items()}
SEASONS = {k: int(v) for k, v in word_map("seasons").items()}

_MONTH_RE = (r"(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december|"
             r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
_DAY_RE = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR_RE = r"(?P<year>1[89]\d\d|20\d\d|2100)"
_NUM_RE = r"(?P<num>\d+|" + "|".join(sorted((re.escape(k) for k in NUMBER_WORDS), key=len, reverse=True)) + ")"
_UNIT_RE = r"(?P<unit>days?|weeks?|months?|years?|decades?)"
_WDAY_RE = (r"(?P<wday>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|"
            r"thu|fri|sat|sun)\.?")

# Words in front of an expression that do not change its meaning ("in", "on") or mark a due
# date ("by"); they are stripped before matching.
_LEAD_RE = re.compile(
    r"^(?:(?:in|on|at|early on|late on|during|since|from|of|between|as of|as early as|as late as|around|"
    r"about|circa|c\.|until|till|up to|through|throughout|before|after|by|no later than|not later than|sometime in|"
    r"some time in|starting|beginning|effective|dated)\s+)+"
)
_FILLER_RE = re.compile(r"[,.;:!?\"'()\[\]]+$")


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = " ".join(text.split()).lower().strip()
    text = _FILLER_RE.sub("", text).strip()
    text = re.sub(r"^[\"'(\[]+", "", text)
    return text


# ---------------------------------------------------------------- calendar helpers

def _ok_year(y: int) -> bool:
    return MIN_YEAR <= y <= MAX_YEAR


def _mk(y: int, m: int, d: int, precision: str) -> ResolvedDate | None:
    if not _ok_year(y):
        return None
    try:
        return ResolvedDate(date(y, m, d), precision)
    except ValueError:
        return None


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _add_months(d: date, n: int) -> date:
    total = d.year * 12 + d.month - 1 + n
    y, m = divmod(total, 12)
    return date(y, m + 1, min(d.day, _last_day(y, m + 1)))


def _add_years(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def _month_relative(month: int, doc: date, which: str, future: bool) -> int:
    """The year of `month` relative to the document date. `which`: '' (bare), 'last', 'next',
    'this'."""
    if which == "this":
        return doc.year
    if which == "last":
        return doc.year if month < doc.month else doc.year - 1
    if which == "next":
        return doc.year if month > doc.month else doc.year + 1
    if future:
        return doc.year if month >= doc.month else doc.year + 1
    return doc.year if month <= doc.month else doc.year - 1


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _shift(doc: date, n: int, unit: str) -> ResolvedDate | None:
    """The document date moved by n units, with the unit's precision."""
    unit = unit.rstrip("s")
    try:
        if unit == "day":
            return _checked(ResolvedDate(doc + datetime.timedelta(days=n), DAY))
        if unit == "week":
            return _checked(ResolvedDate(doc + datetime.timedelta(days=7 * n), DAY))
        if unit == "month":
            d = _add_months(doc, n)
            return _mk(d.year, d.month, 1, MONTH)
        if unit == "year":
            return _mk(doc.year + n, 1, 1, YEAR)
        if unit == "decade":
            return _mk(doc.year + 10 * n, 1, 1, YEAR)
    except (OverflowError, ValueError):
        return None
    return None


def _checked(rd: ResolvedDate | None) -> ResolvedDate | None:
    if rd is None or not _ok_year(rd.date.year):
        return None
    return rd


# ---------------------------------------------------------------- the grammar

def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_ISO = _c(r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})")
_NUMERIC = _c(r"(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>\d{4})")
_D_M_Y = _c(rf"(?:the )?{_DAY_RE}(?: of)? {_MONTH_RE},? {_YEAR_RE}")
_M_D_Y = _c(rf"{_MONTH_RE} (?:the )?{_DAY_RE},? {_YEAR_RE}")
_M_Y = _c(rf"{_MONTH_RE},?(?: of)? {_YEAR_RE}")
_D_M = _c(rf"(?:the )?{_DAY_RE}(?: of)? {_MONTH_RE}")
_M_D = _c(rf"{_MONTH_RE} (?:the )?{_DAY_RE}")
_WDAY_D_M_Y = _c(rf"{_WDAY_RE},? (?P<rest>.+)")
_Y = _c(rf"(?:the year )?{_YEAR_RE}")
_YEAR_RANGE = _c(rf"(?:between )?{_YEAR_RE}\s*(?:-|to|and|through|until)\s*(?:\d{{2}}|\d{{4}})")
_MONTH_RANGE = _c(rf"(?:between )?{_MONTH_RE}\s*(?:-|to|and|through|until)\s*\S+,? {_YEAR_RE}")
_PART_Y = _c(rf"(?P<part>early|mid|middle|late|the start of|the beginning of|the middle of|"
             rf"the end of|end of|start of|beginning of|middle of|the end|the close of|"
             rf"(?:the )?(?:first|second|1st|2nd|last) half of|"
             rf"(?:the )?(?:first|second|third|fourth|1st|2nd|3rd|4th|last) quarter of|"
             rf"(?:the )?(?:spring|summer|autumn|fall|winter)(?: of)?)[- ]?{_YEAR_RE}")
_PART_M = _c(rf"(?P<part>early|mid|middle|late|the start of|the beginning of|the middle of|the end of|"
             rf"end of|start of|beginning of|middle of)[- ]?(?P<which>last |next |this )?{_MONTH_RE}"
             rf"(?:,?(?: of)? {_YEAR_RE})?")
_DECADE = _c(r"(?:the )?(?P<part>early|mid|late)?[- ]?(?P<dec>1[89]\d0|20\d0|2100)'?s")
_DECADE_SHORT = _c(r"(?:the )?(?P<part>early|mid|late)?[- ]?'?(?P<dec>\d0)s")
_M_REL_YEAR = _c(rf"{_MONTH_RE}(?: (?:the )?{_DAY_RE})?,?(?: of)? (?P<which>last|this|next|the same|that) year")
_WHICH_MONTH = _c(rf"(?P<which>last|next|this|coming|past) {_MONTH_RE}")
_BARE_MONTH = _c(_MONTH_RE)
_WHICH_WDAY = _c(rf"(?:(?P<which>last|next|this|coming|past) )?{_WDAY_RE}"
                 rf"(?: (?P<tod>morning|afternoon|evening|night))?")
_SIMPLE_REL = {k: (int(v), DAY) for k, v in word_map("relative_days").items()}
_WHICH_PERIOD = _c(r"(?P<early>earlier |later |late |early )?(?P<which>last|next|this|coming|the coming|"
                   r"the current|the previous|previous|the following|following|the same)"
                   r" (?P<unit>week|month|year|decade)")
_AGO = _c(rf"{_NUM_RE} {_UNIT_RE} ago")
_WITHIN = _c(rf"(?P<kw>within|in|in the next|within the next|over the next|in another) "
             rf"{_NUM_RE} {_UNIT_RE}(?: time| from now)?")
_END_OF_PERIOD = _c(r"(?P<part>the end|end|the close|the beginning|beginning|the start|start|the middle|"
                    r"middle|the turn) of (?P<which>the|this|next|last|the current|the next|the following)"
                    r" (?P<unit>year|month|decade|century)")
_TURN_OF_CENTURY = _c(r"the turn of the (?P<c>\d{2})(?:th|st|nd|rd) century")
_SEASON_REL = _c(r"(?P<which>last|next|this|the coming|coming|past|the past) "
                 r"(?P<season>spring|summer|autumn|fall|winter)")


def _resolve_core(text: str, doc: date | None, future: bool) -> ResolvedDate | None:
    """Resolve a normalised (lower-case) expression. None when it is not a date we can place."""
    text = text.strip()
    if not text:
        return None
    # "on Monday, June 14, 2010" -> the explicit date decides
    m = _WDAY_D_M_Y.fullmatch(text)
    if m and any(ch.isdigit() for ch in m["rest"]):
        return _resolve_core(m["rest"], doc, future)

    # ---- absolute forms
    m = _ISO.fullmatch(text)
    if m:
        return _mk(int(m["y"]), int(m["m"]), int(m["d"]), DAY)
    m = _NUMERIC.fullmatch(text)
    if m:
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        if a > 12 and b <= 12:
            return _mk(y, b, a, DAY)  # unambiguous day-first
        return _mk(y, a, b, DAY)  # month-first, the wire convention (also when ambiguous)
    for pat in (_D_M_Y, _M_D_Y):
        m = pat.fullmatch(text)
        if m:
            return _mk(int(m["year"]), MONTHS[m["mon"]], int(m["day"]), DAY)
    m = _M_Y.fullmatch(text)
    if m:
        return _mk(int(m["year"]), MONTHS[m["mon"]], 1, MONTH)
    m = _Y.fullmatch(text)
    if m:
        return _mk(int(m["year"]), 1, 1, YEAR)
    m = _YEAR_RANGE.fullmatch(text)
    if m:
        return _mk(int(m["year"]), 1, 1, YEAR)
    m = _MONTH_RANGE.fullmatch(text)
    if m:
        return _mk(int(m["year"]), MONTHS[m["mon"]], 1, MONTH)
    m = _PART_Y.fullmatch(text)
    if m:
        part, y = m["part"], int(m["year"])
        if "end" in part or "close" in part:
            return _mk(y, 12, 31, YEAR)
        return _mk(y, 1, 1, YEAR)
    m = _DECADE.fullmatch(text)
    if m:
        return _mk(int(m["dec"]) + {"early": 0, "mid": 4, "late": 7}.get(m["part"] or "", 0), 1, 1, YEAR)
    m = _DECADE_SHORT.fullmatch(text)
    if m:
        dec = int(m["dec"])
        century = 1900 if dec >= 30 else 2000
        return _mk(century + dec + {"early": 0, "mid": 4, "late": 7}.get(m["part"] or "", 0), 1, 1, YEAR)
    m = _TURN_OF_CENTURY.fullmatch(text)
    if m:
        return _mk((int(m["c"]) - 1) * 100, 1, 1, YEAR)

    # ---- month-relative and relative forms need the document date
    m = _PART_M.fullmatch(text)
    if m:
        month = MONTHS[m["mon"]]
        if m["year"]:
            y = int(m["year"])
        elif doc is None:
            return None
        else:
            y = _month_relative(month, doc, (m["which"] or "").strip(), future)
        if "end" in m["part"]:
            return _mk(y, month, _last_day(y, month) if _ok_year(y) else 1, MONTH)
        return _mk(y, month, 1, MONTH)
    if doc is None:
        return None
    for pat in (_D_M, _M_D):
        m = pat.fullmatch(text)
        if m:
            month, day = MONTHS[m["mon"]], int(m["day"])
            if not 1 <= day <= 31:
                return None
            y = doc.year
            cand = _mk(y, month, day, DAY)
            if cand is None:
                return None
            if future and cand.date < doc:
                return _mk(y + 1, month, day, DAY)
            if not future and cand.date > doc:
                return _mk(y - 1, month, day, DAY)
            return cand
    m = _M_REL_YEAR.fullmatch(text)
    if m:
        if m["which"] == "that":
            return None  # "March of that year": the year is in another sentence
        y = doc.year + {"last": -1, "next": 1}.get(m["which"], 0)
        if m["day"]:
            return _mk(y, MONTHS[m["mon"]], int(m["day"]), DAY)
        return _mk(y, MONTHS[m["mon"]], 1, MONTH)
    m = _WHICH_MONTH.fullmatch(text)
    if m:
        which = {"coming": "next", "past": "last"}.get(m["which"], m["which"])
        month = MONTHS[m["mon"]]
        return _mk(_month_relative(month, doc, which, future), month, 1, MONTH)
    m = _BARE_MONTH.fullmatch(text)
    if m:
        month = MONTHS[m["mon"]]
        return _mk(_month_relative(month, doc, "", future), month, 1, MONTH)
    if text in _SIMPLE_REL:
        n, prec = _SIMPLE_REL[text]
        return _checked(ResolvedDate(doc + datetime.timedelta(days=n), prec))
    m = _WHICH_WDAY.fullmatch(text)
    if m:
        wd = WEEKDAYS[m["wday"]]
        which = {"coming": "next", "past": "last"}.get(m["which"] or "", m["which"] or "")
        back = (doc.weekday() - wd) % 7  # days back to the most recent such weekday (0 = today)
        fwd = (wd - doc.weekday()) % 7
        if which == "last":
            delta = -(back or 7)
        elif which == "next":
            delta = fwd or 7
        elif which == "this":
            delta = fwd if future else -back
        else:
            delta = fwd if future else -back
        return _checked(ResolvedDate(doc + datetime.timedelta(days=delta), DAY))
    m = _WHICH_PERIOD.fullmatch(text)
    if m:
        which = m["which"].replace("the ", "")
        step = {"last": -1, "previous": -1, "next": 1, "coming": 1, "following": 1,
                "this": 0, "current": 0, "same": 0}[which]
        if m["unit"] == "decade":  # "the last decade" is the calendar decade, not ten years back
            return _mk(doc.year // 10 * 10 + 10 * step, 1, 1, YEAR)
        return _shift(doc, step, m["unit"])
    m = _AGO.fullmatch(text)
    if m:
        n = _number(m["num"])
        if n is None or n > 1000:
            return None
        return _shift(doc, -n, m["unit"])
    m = _WITHIN.fullmatch(text)
    if m:
        n = _number(m["num"])
        if n is None or n > 1000:
            return None
        unit = m["unit"].rstrip("s")
        try:
            if unit in ("day", "week"):
                d = doc + datetime.timedelta(days=n * (7 if unit == "week" else 1))
                return _checked(ResolvedDate(d, DAY))
            if unit == "month":
                return _checked(ResolvedDate(_add_months(doc, n), MONTH))
            years = n * (10 if unit == "decade" else 1)
            return _checked(ResolvedDate(_add_years(doc, years), YEAR))
        except (OverflowError, ValueError):
            return None
    m = _END_OF_PERIOD.fullmatch(text)
    if m:
        part, which, unit = m["part"], m["which"].replace("the ", "") or "the", m["unit"]
        step = {"the": 0, "this": 0, "current": 0, "next": 1, "following": 1, "last": -1}.get(which, 0)
        end = "end" in part or "close" in part
        mid = "middle" in part
        if unit == "year":
            y = doc.year + step
            if end:
                return _mk(y, 12, 31, YEAR)
            return _mk(y, 1, 1, YEAR) if not mid else _mk(y, 1, 1, YEAR)
        if unit == "month":
            d = _add_months(doc, step)
            return _mk(d.year, d.month, _last_day(d.year, d.month) if end else 1, MONTH)
        if unit == "decade":
            start = doc.year // 10 * 10 + 10 * step
            return _mk(start + 9, 12, 31, YEAR) if end else _mk(start, 1, 1, YEAR)
        if unit == "century":
            start = doc.year // 100 * 100 + 100 * step
            return _mk(start + 99, 12, 31, YEAR) if end else _mk(start, 1, 1, YEAR)
    m = _SEASON_REL.fullmatch(text)
    if m:
        which = m["which"].replace("the ", "")
        first = SEASONS[m["season"]]
        if which == "this":
            y = doc.year
        elif which in ("last", "past"):
            y = doc.year if first + 2 < doc.month else doc.year - 1
        else:
            y = doc.year if first > doc.month else doc.year + 1
        return _mk(y, 1, 1, YEAR)
    return None


_HAS_MONTH = re.compile(r"\b(?:" + "|".join(k for k in MONTHS if k not in ("may", "mar")) + r")\b")
_HAS_NUMERIC = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")
_FALLBACK_PARSERS: dict[bool, object] = {}


def _dateparser_fallback(text: str, doc: date | None, future: bool) -> ResolvedDate | None:
    """Unusual absolute forms ("the 5th day of June, 2010", "June 5th 2010 at noon"): dateparser,
    only for text with a month name or a numeric date. A result that moves with the base date
    (a relative reading) is rejected when there is no document date."""
    if not (_HAS_MONTH.search(text) or _HAS_NUMERIC.search(text)):
        return None
    from dateparser.date import DateDataParser  # imported lazily: ~0.1 s, rarely needed

    def parse(base: date) -> ResolvedDate | None:
        parser = _FALLBACK_PARSERS.get(future)
        if parser is None:
            parser = DateDataParser(languages=["en"], settings={
                "PREFER_DATES_FROM": "future" if future else "past",
                "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "MDY",
                "RELATIVE_BASE": datetime.datetime(2000, 1, 1), "STRICT_PARSING": False})
            _FALLBACK_PARSERS[future] = parser
        parser._settings.RELATIVE_BASE = datetime.datetime(base.year, base.month, base.day)  # type: ignore[attr-defined]
        try:
            data = parser.get_date_data(text)  # type: ignore[attr-defined]
        except Exception:  # dateparser raises assorted errors on odd input; treat as no date
            return None
        if data is None or data.date_obj is None:
            return None
        d = data.date_obj.date()
        period = data.period
        if period == "year":
            return _mk(d.year, 1, 1, YEAR)
        if period == "month":
            return _mk(d.year, d.month, 1, MONTH)
        return _mk(d.year, d.month, d.day, DAY)

    if doc is not None:
        return parse(doc)
    a, b = parse(date(1901, 3, 5)), parse(date(2077, 9, 23))
    return a if a is not None and a == b else None


@functools.lru_cache(maxsize=65536)
def _resolve_cached(text: str, doc: date | None, future: bool) -> ResolvedDate | None:
    if text in ("may", "mar"):  # the verbs, never a month on their own ("in May" is fine)
        return None
    core = _LEAD_RE.sub("", text).strip()
    if core.startswith("the ") and not core.startswith(("the end", "the beginning", "the start", "the middle",
                                                           "the close", "the turn", "the first", "the second",
                                                           "the third", "the fourth", "the last", "the day",
                                                           "the year", "the coming", "the past", "the previous",
                                                           "the following", "the current", "the same",
                                                           "the next")):
        core = core[4:]
    rd = _resolve_core(core, doc, future)
    if rd is None and core != text:
        rd = _resolve_core(text, doc, future)
    if rd is None:
        rd = _dateparser_fallback(core, doc, future)
    return rd


def resolve_date(expression: str, doc_date: date | None, future: bool = False) -> ResolvedDate | None:
    """Resolve one date expression ("in January 2009", "last year", "by the end of 2010").

    `doc_date` anchors relative expressions; without it they give None. `future=True` says the
    governing verb is future ("will", "is due to"), so a bare month or weekday means the next one
    rather than the most recent. Returns None for anything that is not a placeable date,
    including years outside 1800-2100. Results are cached; the function is pure.
    """
    if not expression:
        return None
    if isinstance(doc_date, datetime.datetime):
        doc_date = doc_date.date()
    return _resolve_cached(_norm(expression), doc_date, bool(future))


# ---------------------------------------------------------------- finding expressions in a sentence

# What NER can miss (or what is found when NER is disabled): years after a preposition, month
# names with a day or year, numeric dates, "mid-2010", decades and the relative vocabulary.
# Three regexes, each run only when a cheap substring test says it can match: one regex with
# every alternative cost ~100 us per sentence, more than the rest of the date work.
# Runs of digits ("2010", "1990s", "2010-06-12", "12/06/2010", "4"): the regex starts with a
# digit class, which the regex engine scans for quickly; the words around a run are checked
# after, only for the few runs found.
_DIGIT_RUN = re.compile(r"\d[\d/-]*(?:'?s)?")
_ISO_RUN = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}")
_YEAR_RUN = re.compile(r"(?:1[89]\d\d|20\d\d|2100)('?s)?")
_BEFORE_YEAR = re.compile(r"(?:\b(?:in|by|since|until|till|before|after|from|during|through|of|between)\s+"
                          r"(?:the\s+)?)?(?:\b(?:early|late|mid)(?:-|\s)?)?$")
_AFTER_YEAR_NOT_DATE = re.compile(r"\s*(?:%|percent|per cent|km|kilomet|mile|ton|troop|soldier|people|"
                                  r"dollar|euro|rouble|ruble)")
_AFTER_NUMBER = re.compile(r" (?:days?|weeks?|months?|years?|decades?)(?: ago\b)?")
_BEFORE_NUMBER = re.compile(r"\bwithin $")


def _digit_ranges(text: str) -> list[tuple[int, int]]:
    lower = None
    out: list[tuple[int, int]] = []
    for m in _DIGIT_RUN.finditer(text):
        start, end = m.span()
        if start and (text[start - 1].isalnum() or text[start - 1] in "$."):
            continue  # part of a word, an amount or a decimal
        run = m.group()
        if _ISO_RUN.fullmatch(run):
            out.append((start, end))
            continue
        y = _YEAR_RUN.fullmatch(run)
        if y:
            if lower is None:
                lower = text.lower()
            before = _BEFORE_YEAR.search(lower, max(0, start - 30), start)
            decade = bool(y.group(1))
            if before and (before.group() or decade) and not _AFTER_YEAR_NOT_DATE.match(lower, end):
                out.append((before.start(), end))
            continue
        if run.isdigit():
            if lower is None:
                lower = text.lower()
            after = _AFTER_NUMBER.match(lower, end)
            if after and after.group().endswith("ago"):
                out.append((start, after.end()))
            elif after and _BEFORE_NUMBER.search(lower, max(0, start - 8), start):
                out.append((start - 7, after.end()))
    return out


_SWEEP_MONTHS = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?(?:,?\s+(?:of\s+)?(?:1[89]\d\d|20\d\d)\b)?"
)
_SWEEP_WORDS = re.compile(
    r"(?i:\b(?:yesterday|today|tomorrow|tonight)\b"
    r"|\b(?:earlier |later )?(?:last|next|this|coming) (?:week|month|year|decade)\b"
    r"|\b(?:on|last|next|this) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten) (?:days?|weeks?|months?|years?|"
    r"decades?) ago\b"
    r"|\bwithin (?:a|an|one|two|three|four|five|six|seven|eight|nine|ten) (?:days?|weeks?|months?|years?)\b"
    r"|\bthe (?:end|beginning|start|middle) of (?:(?:the|this|next|last) (?:year|month)|(?:1[89]|20)\d\d)\b)"
)
_HAS_DIGIT = re.compile(r"\d")
_MONTH_TRIGGERS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December", "Jan.", "Feb.", "Aug.", "Sep", "Oct.", "Nov.", "Dec.")
_WORD_TRIGGERS = ("yesterday", "today", "tomorrow", "tonight", " ago", "last ", "next ", "this ", "coming ",
                  "within ", "the end of", "the beginning of", "the start of", "the middle of")


def _sweep(text: str) -> list[tuple[int, int]]:
    """Character ranges of date-like text, longest first where they overlap."""
    found: list[tuple[int, int]] = []
    if _HAS_DIGIT.search(text):
        found += _digit_ranges(text)
    if any(t in text for t in _MONTH_TRIGGERS):
        found += [m.span() for m in _SWEEP_MONTHS.finditer(text)]
    lower = text.lower()
    if any(t in lower for t in _WORD_TRIGGERS):
        found += [m.span() for m in _SWEEP_WORDS.finditer(text)]
    found.sort(key=lambda r: (r[0], -r[1]))
    return found


# A bare "March" from the sweep is only a date after these words ("in March", "last March").
_MONTH_LEADS = words("date_month_leads")
_BARE_MONTHS = frozenset(word_list("month_names"))
_DUE_WORDS = {"by", "until", "till", "within", "before", "deadline"}
_LEAD_WORDS = words("date_lead_words")
_FUTURE_MARKERS = {"will", "shall", "'ll", "would"}
_DEMAND_LEMMAS = words("demand_lemmas")
_REFERENCE_WORDS = words("reference_words")
_INTENT_LEMMAS = words("intent_lemmas")


def _as_span(span: Span | Doc) -> Span:
    return span[:] if isinstance(span, Doc) else span


def _is_name_modifier(root: Token, start: int, end: int) -> bool:
    """'the March 1 movement', 'the 2010 ban': a date inside a noun phrase names or classifies
    the noun; it is not when something happened."""
    head = root.head
    if head.i < end and head.i >= start:
        return False
    return (root.dep_ in ("compound", "nmod", "nummod", "amod", "poss") and head.i >= end
            and head.pos_ in ("NOUN", "PROPN"))


def _governing_verb(tok: Token) -> Token | None:
    """The verb a date expression hangs on ("agreed" in "agreed in January 2009"). Climbing
    stops at a noun ("the plant, due online in 2000": the date belongs to the noun phrase, not
    to the sentence's verb) and at "due"."""
    start = tok
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT" or tok.lemma_ == "due":
            return tok
        if tok.i != start.i and tok.pos_ in ("NOUN", "PROPN", "PRON"):
            return tok
        if tok.head.i == tok.i:
            return tok
        tok = tok.head
    return None


def _in_noun_clause(gov: Token | None, main: Token | None) -> bool:
    """A date (hanging on `gov`) inside a clause that describes a noun ("delivered the systems under a
    contract signed in 2005", "the contract, signed in 2007, was cancelled after Russia voted ...")
    dates that noun, not an event outside the clause."""
    if gov is None or main is None or gov.i == main.i:
        return False
    t = gov
    for _ in range(12):
        if t.dep_ in ("acl", "relcl") and t.head.pos_ in ("NOUN", "PROPN"):
            return not any(x.i == main.i for x in t.subtree)
        if t.head.i == t.i or t.i == main.i:
            return False
        t = t.head
    return False


def _governs_clause_of(gov: Token | None, main: Token | None) -> bool:
    """The date hangs on a verb whose clause holds the event verb ("was cancelled in 2010 after
    Russia voted ..."): the nearest date of the event's own sentence frame."""
    return gov is not None and main is not None and any(a.i == gov.i for a in main.ancestors)


def _is_future(tok: Token) -> bool:
    """Does the verb governing `tok` speak about the future ("will deliver", "is due to start",
    "promised to complete", "said it would finish", "demanded that Iran suspend")?"""
    verb = _governing_verb(tok)
    hops = 0
    while verb is not None and hops < 4:
        has_aux = False
        for child in verb.children:
            if child.dep_ in ("aux", "auxpass"):
                has_aux = True
                if child.lower_ in _FUTURE_MARKERS:
                    return True
                if child.lower_ == "to":
                    parent = verb.head
                    if parent.lemma_ in _INTENT_LEMMAS or parent.lower_ in ("going", "is", "are", "was", "were"):
                        return True
        if verb.lemma_ == "due" or (verb.tag_ == "VBG" and verb.lower_ == "going"):
            return True
        if verb.tag_ == "VB" and verb.dep_ == "ccomp" and verb.head.lemma_ in _DEMAND_LEMMAS:
            return True  # subjunctive: "demanded that Iran suspend enrichment by Aug. 31"
        climb = verb.dep_ in ("xcomp", "acomp") or (
            verb.dep_ == "conj" and not has_aux and not any(c.dep_.startswith("nsubj") for c in verb.children))
        if climb and verb.head.i != verb.i:
            verb = verb.head
            hops += 1
            continue
        break
    return False


def _is_past(tok: Token) -> bool:
    """Is the verb governing `tok` in a past form ("delivered", "had delivered")?"""
    verb = _governing_verb(tok)
    if verb is None:
        return False
    return verb.tag_ in ("VBD", "VBN") or any(c.dep_ == "aux" and c.lower_ in ("had", "did") for c in verb.children)


def _is_reference_number(doc: Doc, start: int, end: int, span_start: int) -> bool:
    """'resolution 1929', 'resolutions 1803 and 1835': numbers that look like years."""
    if not all(t.is_digit or t.is_punct or t.lower_ == "and" for t in doc[start:end]):
        return False
    i = start - 1
    while i >= span_start and (doc[i].is_digit or doc[i].text in (",", "and", "&")):
        i -= 1  # back over a list: "resolutions 1737, 1747 and 1803"
    return i >= span_start and doc[i].lower_ in _REFERENCE_WORDS


class _DocCache:
    """What we computed for one Doc: its DATE entities and the expressions found per span."""

    __slots__ = ("n_tokens", "ents", "found")

    def __init__(self, n_tokens: int, ents: list[tuple[int, int]]) -> None:
        self.n_tokens = n_tokens
        self.ents = ents
        self.found: dict[tuple[int, int, date | None], tuple[_Found, ...]] = {}


# Keyed weakly by Doc, so nothing outlives the Doc and nothing is added to doc.user_data (which
# spaCy serialises). The coder asks for the dates of one sentence several times (once per verb).
_DOC_CACHE: weakref.WeakKeyDictionary[Doc, _DocCache] = weakref.WeakKeyDictionary()


def _doc_cache(doc: Doc) -> _DocCache:
    """The cache of one Doc. Its DATE entities are listed once: ``Span.ents`` and
    ``Doc.has_annotation`` walk the whole document, which made per-sentence calls quadratic in
    the document length."""
    cache = _DOC_CACHE.get(doc)
    if cache is None or cache.n_tokens != len(doc):
        has_ner = doc.has_annotation("ENT_IOB")
        ents = [(e.start, e.end) for e in doc.ents if e.label_ == "DATE"] if has_ner else []
        cache = _DocCache(len(doc), ents)
        _DOC_CACHE[doc] = cache
    return cache


def _candidate_ranges(span: Span) -> list[tuple[int, int]]:
    doc = span.doc
    ents = _doc_cache(doc).ents
    lo = bisect.bisect_left(ents, (span.start, -1))
    ranges: list[tuple[int, int]] = []
    for s, e in ents[lo:]:
        if s >= span.end:
            break
        if e <= span.end:
            ranges.append((s, e))
    taken = list(ranges)
    text = span.text
    base = span.start_char
    for cstart, cend in _sweep(text):
        cs = doc.char_span(base + cstart, base + cend, alignment_mode="expand")
        if cs is None or len(cs) == 0:
            continue
        s, e = cs.start, cs.end
        # drop a leading preposition the pattern needed as context ("in 2000" -> "2000")
        while s < e - 1 and doc[s].lower_ in ("in", "by", "since", "until", "till", "before", "after", "from",
                                              "during", "through", "of", "on"):
            s += 1
        if e - s == 1 and doc[s].text in _BARE_MONTHS:
            prev = doc[s - 1].lower_ if s > span.start else ""
            if prev not in _MONTH_LEADS:
                continue
        if any(not (e <= ts or s >= te) for ts, te in taken):
            continue
        taken.append((s, e))
        ranges.append((s, e))
    ranges.sort()
    return ranges


def _expression(doc: Doc, start: int, end: int, span_start: int) -> tuple[str, bool]:
    """The text to resolve (with up to two leading context words such as "by", "last",
    "early") and whether it is a due-date phrase."""
    s = start
    while s > span_start and s > start - 2 and doc[s - 1].lower_ in _LEAD_WORDS:
        s -= 1
    words = [t.lower_ for t in doc[s:start]]
    due = any(w in _DUE_WORDS for w in words) or (start > span_start and doc[start - 1].lower_ == "no")
    text = doc[s:end].text
    return text, due


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    resolved: ResolvedDate
    due: bool
    future: bool


def _found(span: Span, doc_date: date | None) -> tuple[_Found, ...]:
    """The date expressions of a span, computed once per (Doc, span, document date)."""
    if not len(span):
        return ()
    cache = _doc_cache(span.doc)
    key = (span.start, span.end, doc_date)
    hit = cache.found.get(key)
    if hit is None:
        hit = cache.found[key] = tuple(_find(span, doc_date))
    return hit


def _find(span: Span, doc_date: date | None) -> list[_Found]:
    doc = span.doc
    out: list[_Found] = []
    for s, e in _candidate_ranges(span):
        expr = doc[s:e]
        root = expr.root
        if _is_name_modifier(root, s, e) or _is_reference_number(doc, s, e, span.start):
            continue
        text, due = _expression(doc, s, e, span.start)
        future = _is_future(root) or (due and not _is_past(root))
        rd = resolve_date(text, doc_date, future)
        if rd is None and text != expr.text:
            rd = resolve_date(expr.text, doc_date, future)
        if rd is None:
            continue
        out.append(_Found(s, e, rd, due, future))
    return out


def dates_in(span: Span | Doc, doc_date: date | None) -> list[tuple[int, int, ResolvedDate]]:
    """Every date expression in a sentence, as (token start, token end exclusive, resolved) in doc
    token indices, in order. Candidates are spaCy DATE entities plus a regex sweep for what NER
    misses ("by 2000", "mid-2010"); dates that only classify a noun ("the March 1 movement",
    "the 2010 ban") are skipped. A bare month or weekday governed by a future verb ("will
    visit in March") resolves forward from the document date."""
    span = _as_span(span)
    if isinstance(doc_date, datetime.datetime):
        doc_date = doc_date.date()
    return [(f.start, f.end, f.resolved) for f in _found(span, doc_date)]


def event_date(span: Span | Doc, doc_date: date | None, verb: Token | None = None
               ) -> tuple[ResolvedDate | None, bool]:
    """The date of the sentence's event and whether it fell back to the document date.

    Picks the date expression attached to the event verb (`verb`, default the sentence's main
    verb); else the first expression that is not a due date ("by 2000", "within four years": those
    say when something should happen, not when the reported event did); else the document date
    with precision "day" (fallback True; (None, True) without a document date).
    """
    span = _as_span(span)
    if isinstance(doc_date, datetime.datetime):
        doc_date = doc_date.date()
    found = _found(span, doc_date)
    main = verb if verb is not None else (span.root if len(span) else None)
    # each date with the verb it hangs on, the due dates left out ("by 2000" is when, not what happened)
    dated = [(f, _governing_verb(span.doc[f.start:f.end].root)) for f in found if not f.due]
    for f, gov in dated:
        if gov is not None and main is not None and gov.i == main.i:
            return f.resolved, False
    for f, gov in dated:
        if _governs_clause_of(gov, main):
            return f.resolved, False
    for f, gov in dated:
        if not _in_noun_clause(gov, main):
            return f.resolved, False
    if doc_date is None:
        return None, True
    return ResolvedDate(doc_date, DAY), True


def clear_cache() -> None:
    """Forget cached resolutions (for benchmarks that measure cold resolution)."""
    _resolve_cached.cache_clear()


__all__: Iterable[str] = ["ResolvedDate", "resolve_date", "dates_in", "event_date", "clear_cache"]
