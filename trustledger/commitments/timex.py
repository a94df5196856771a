"""Dates in a sentence, with the role they play for a commitment: when it was made, when due.

Date expressions come from the project's date resolver (`trustledger.nlp.dates.dates_in`),
the same one the event coder reads. On top of them this module reads durations counted from
the sentence's date ("within six months", "in about four years") and tells deadlines ("by 2000",
"due in 1999", "by the end of the year") from the date a promise was made ("signed in 2007").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from trustledger.words import word_map, words

if TYPE_CHECKING:  # the ledger's rules read period_end without spaCy (structured-only runs)
    from spacy.tokens import Span

MONTHS = {k: int(v) for k, v in word_map("month_numbers").items()}  # not calendar's: it follows the locale
#: Number words of a promise's term, with vague quantities read as 3 (data/words).
NUMBERS = {k: int(v) for k, v in (word_map("number_words") | word_map("vague_numbers")).items() if int(v) > 0}


@dataclass(frozen=True)
class DateMention:
    start: int          # token indices in the Doc
    end: int
    date: dt.date       # first day of the period
    precision: str      # day | month | year
    text: str
    role: str           # "due", "made", "start" (when the promised act begins) or "when" (the date
    #                     of what the sentence reports)
    months: int | None = None  # a duration ("within six months") counted from the promise's date

    @property
    def period_end(self) -> dt.date:
        return period_end(self.date, self.precision)


_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


def as_written(d: dt.date | None, precision: str | None) -> str | None:
    """A date shown with the precision it was written with: 2003 (year) -> "2003", Sept. 2021 (month)
    -> "Sept. 2021", a day -> "2021-09-14"; never a year-only date as 1 January."""
    if d is None:
        return None
    if precision == "year":
        return str(d.year)
    if precision == "month":
        return f"{_MONTHS[d.month - 1]} {d.year}"
    return d.isoformat()


def period_end(d: dt.date, precision: str | None) -> dt.date:
    """Last day of the period a date stands for: 1999 (year) -> 1999-12-31."""
    if precision == "year":
        return dt.date(d.year, 12, 31)
    if precision == "month":
        return dt.date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])
    return d


def _resolved(span: Span, doc_date: dt.date | None) -> list[tuple[int, int, dt.date, str]]:
    """The span's dates through the one date resolver (`nlp.dates`), as (start, end, date, precision).
    No fallback: the resolver is part of the package, and a bug in it should fail loudly in tests
    rather than give the ledger dates that the event coder does not see."""
    from trustledger.nlp.dates import dates_in

    return [(a, b, r.date, r.precision) for a, b, r in dates_in(span, doc_date)]


_DURATION = re.compile(
    r"\b(?P<cue>within|in|over|after|for)\s+(?:about\s+|around\s+|roughly\s+|some\s+|the\s+next\s+|the\s+)?"
    r"(?P<n>\d+|a couple of|a few|several|" + "|".join(k for k in NUMBERS if " " not in k) + r")\s+"
    r"(?P<unit>years?|months?|weeks?|decades?)\b", re.I)


def add_months(d: dt.date, months: int) -> dt.date:
    return _add(d, months)


def _add(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year = d.year + y
    month = m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def durations(span: Span, base: dt.date | None) -> list[DateMention]:
    """'within six months', 'in about four years' → a deadline counted from `base`."""
    if base is None:
        return []
    out = []
    for m in _DURATION.finditer(span.text):
        n_text = m.group("n").lower()
        n = int(n_text) if n_text.isdigit() else NUMBERS.get(n_text)
        if not n or n > 50:
            continue
        unit = m.group("unit").lower()
        months = n * 120 if unit.startswith("decade") else n * 12 if unit.startswith("year") else \
            n if unit.startswith("month") else 0
        due = _add(base, months) if months else base + dt.timedelta(weeks=n)
        cs = span.doc.char_span(span.start_char + m.start(), span.start_char + m.end(), alignment_mode="expand")
        if cs is None:
            continue
        precision = "year" if unit.startswith(("year", "decade")) and (
            n_text in ("a few", "several", "a couple of") or unit.startswith("decade")) else "day"
        if precision == "year":
            due = dt.date(due.year, 1, 1)
        out.append(DateMention(cs.start, cs.end, due, precision, cs.text, "due", months or None))
    return out


def _before(span: Span, start: int, n: int = 5) -> str:
    lo = max(span.start, start - n)
    return " ".join(t.lower_ for t in span.doc[lo:start])


def _after(span: Span, end: int, n: int = 3) -> str:
    return " ".join(t.lower_ for t in span.doc[end:min(span.end, end + n)])


def date_mentions(span: Span, doc_date: dt.date | None) -> list[DateMention]:
    """Every date in the sentence with its role; resolution numbers and quantities are not dates."""
    out: list[DateMention] = []
    for start, end, date, precision in _resolved(span, doc_date):
        text = span.doc[start:end].text
        date = _same_month_as_dateline(date, text, doc_date)
        prev = _before(span, start, 6)
        if re.search(r"\bresolutions?\b(?:\s+[\d,]+|\s+and)*\s*$", prev) or re.search(r"\bno\.\s*$", prev):
            continue
        if re.match(r"^(votes?|megawatts|tonnes|kilometres|km|systems|kilograms)\b", _after(span, end, 1)):
            continue
        if text.lower() in ("now", "today", "currently") or text.lower().startswith("this month"):
            role = "when"
        else:
            role = _role(span, start, end, prev)
        if role == "due" and re.search(r"\b(before|prior to)\s*(the\s+)?$", prev):
            date = _period_before(date, precision)
        out.append(DateMention(start, end, date, precision, text, role))
    return out


def _same_month_as_dateline(d: dt.date, text: str, doc_date: dt.date | None) -> dt.date:
    """"On November 18" in an article dated only "November 1999" (stored as its first day) is
    18 November 1999, not the November before: a day of the dateline's own month, written without a
    year, belongs to that month even when it falls after the day the month-only date stands on."""
    if doc_date is None or doc_date.day != 1 or re.search(r"\d{4}", text):
        return d
    if d.year == doc_date.year - 1 and d.month == doc_date.month:
        return d.replace(year=doc_date.year)
    return d


def _period_before(d: dt.date, precision: str) -> dt.date:
    """"before 2012" is due by the end of 2011, "before March" by the end of February, "before
    1 July" by 30 June: the deadline is the period before the one named (same precision)."""
    if precision == "year":
        return dt.date(d.year - 1, 1, 1)
    if precision == "month":
        return _add(d, -1)
    return d - dt.timedelta(days=1)


#: Auxiliaries of the future: a date in a clause they govern is when the act is to happen.
_FUTURE_AUX = words("future_auxiliaries")


def _will(tok) -> bool:
    """Is `tok` a verb in the future ("would supply", "will deliver")? A date it governs, under a verb
    of promising or announcing, says when the promised act is to happen, not when it was promised."""
    return tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in tok.children)


def _role(span: Span, start: int, end: int, prev: str) -> str:
    last = prev.split()[-3:]
    tail = " ".join(last)
    if re.search(r"\b(starting|beginning|commencing|effective|from)\s*(in|on|from|at)?\s*(the\s+)?$", tail):
        return "start"  # "resume oil support starting in July": when it begins, not when it was promised
    if re.search(r"\b(by|before|until|till|no later than|due|deadline|within)\s*(the\s+)?(end\s+of\s+)?"
                 r"(early|late|mid)?\s*$", tail) or "at the latest" in _after(span, end, 4):
        return "due"
    # "was due to come online in 1999", "is to deliver by", "was supposed to be completed in 2000"
    head = span.doc[start].head
    ahead = False  # passed a verb of the future on the way up: "announced that it would supply them next week"
    for anc in [head, *head.ancestors][:4]:
        lem = anc.lemma_.lower()
        if lem in ("sign", "agree", "promise", "pledge", "commit", "order", "conclude", "reach", "announce",
                   "strike", "award"):
            if anc.i < start:
                return "due" if ahead else "made"
            break
        ahead = ahead or _will(anc)
        if lem in ("due", "suppose", "schedule", "expect", "set"):
            return "due"
        if anc.dep_ == "ROOT":
            break
    window = " ".join(t.lower_ for t in span.doc[max(span.start, start - 12):start])
    if re.search(r"\b(due|supposed|scheduled|is to|are to|was to|were to|deadline)\b", window) and \
            not re.search(r"\b(signed|agreed|promised|pledged)\b\s*(\w+\s+){0,2}$", window):
        return "due"
    if re.search(r"\b(signed|agreed|promised|pledged|committed|ordered|concluded)\b(\s+\S+){0,3}\s+(in|on)$",
                 " ".join(prev.split()[-5:])):
        return "made"
    return "when"
