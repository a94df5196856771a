"""The dated people dictionary covers what trustledger/data/README.md ("Coverage") promises.

For each office listed below, the holders' terms (acting holders and portfolios held by the prime
minister included) must leave no gap longer than MAX_GAP_DAYS between the first year given and the
file's reference day, apart from the vacancies and gaps the README names. A new gap (a missing
holder, a mistyped date) fails here before it makes a name resolve to nobody.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import defaultdict
from importlib import resources

import pytest

MAX_GAP_DAYS = 200
#: The day the file was last brought up to date ("still in office" means up to here).
REFERENCE_DAY = dt.date(2026, 6, 1)
_QUALIFIER = re.compile(r" \((acting|held by the Prime Minister|paramount leader|caretaker)\)$")

#: (country, titles that hold the office in turn, first day required, known gaps as (start, end)[, last day]).
OFFICES = [
    ("USA", ["President"], "1985-01-01", []),
    ("USA", ["Secretary of State"], "1985-01-01", []),
    ("USA", ["Secretary of Defense"], "1985-01-01", []),
    ("USA", ["Chairman of the Joint Chiefs of Staff"], "1985-01-01", []),
    ("USA", ["Director of Central Intelligence", "Director of the Central Intelligence Agency"], "1985-01-01", []),
    ("USA", ["Director of the Federal Bureau of Investigation"], "1985-01-01", []),
    ("USA", ["Secretary of Homeland Security"], "2003-01-24", []),
    ("USR", ["General Secretary of the Communist Party", "President"], "1985-03-11", [], "1991-12-25"),
    ("RUS", ["President"], "1991-12-25", []),
    ("RUS", ["Foreign Minister"], "1991-12-25", []),
    ("RUS", ["Defence Minister"], "1992-05-18", []),
    ("RUS", ["Chief of the General Staff"], "1992-05-18", []),
    ("CHN", ["Premier"], "1985-01-01", []),
    ("CHN", ["Foreign Minister"], "1985-01-01", []),
    ("CHN", ["Defence Minister"], "1985-01-01", []),
    ("CHN", ["Chief of the PLA General Staff",
             "Chief of the Joint Staff Department of the Central Military Commission"],
     "1985-01-01", [("2026-01-24", "2026-06-01")]),
    ("CHN", ["Minister of State Security"], "1985-01-01", []),
    ("GBR", ["Prime Minister"], "1985-01-01", []),
    ("GBR", ["Foreign Secretary"], "1985-01-01", []),
    ("GBR", ["Defence Secretary"], "1985-01-01", []),
    ("GBR", ["Chief of the Defence Staff"], "1985-01-01", []),
    ("GBR", ["Chief of the Secret Intelligence Service (MI6)"], "1985-01-01", []),
    ("FRA", ["President"], "1985-01-01", []),
    ("FRA", ["Foreign Minister"], "1985-01-01", []),
    ("FRA", ["Defence Minister"], "1985-01-01", []),
    ("FRA", ["Chief of the Defence Staff (CEMA)"], "1985-01-01", []),
    ("FRA", ["Director-General of External Security (DGSE)"], "1985-01-01", []),
    ("IRN", ["Supreme Leader"], "1985-01-01", []),
    ("IRN", ["President"], "1985-01-01", []),
    ("IRN", ["Foreign Minister"], "1985-01-01", []),
    ("IRN", ["Defence Minister"], "1985-01-01", []),
    ("IRN", ["IRGC Commander"], "1985-01-01", []),
    ("ISR", ["Prime Minister"], "1985-01-01", []),
    ("ISR", ["Defence Minister"], "1985-01-01", []),
    ("ISR", ["Chief of the General Staff"], "1985-01-01", []),
    ("ISR", ["Director of the Mossad"], "1985-01-01", []),
    ("ISR", ["Director of the Shin Bet"], "1985-01-01", []),
    ("SAU", ["King"], "1985-01-01", []),
    ("SAU", ["Defence Minister"], "1985-01-01", []),
    ("SAU", ["Foreign Minister"], "1985-01-01", []),
    ("SYR", ["President"], "1985-01-01", []),
    ("SYR", ["Defence Minister"], "1985-01-01", []),
    ("SYR", ["Chief of the General Staff"], "1985-01-01", [("2018-01-01", "2022-04-30")]),
    ("TUR", ["President"], "1985-01-01", []),
    ("TUR", ["Foreign Minister"], "1985-01-01", []),
    ("TUR", ["Defence Minister"], "1985-01-01", []),
    ("TUR", ["Chief of the General Staff"], "1985-01-01", []),
    ("TUR", ["Head of the National Intelligence Organization (MIT)"], "1985-01-01", []),
    ("IRQ", ["Prime Minister"], "2004-06-28", []),
    ("IRQ", ["Foreign Minister"], "2003-09-03", []),
    ("DEU", ["Federal Chancellor"], "1985-01-01", []),
    ("DEU", ["Defence Minister"], "1985-01-01", []),
    ("JPN", ["Prime Minister"], "1985-01-01", []),
    ("JPN", ["Director General of the Japan Defense Agency", "Defence Minister"], "1985-01-01",
     [("1992-12-12", "1993-08-09")]),
    ("IND", ["Prime Minister"], "1985-01-01", []),
    ("IND", ["Foreign Minister"], "1985-01-01", []),
    ("IND", ["Defence Minister"], "1985-01-01", []),
    ("AUS", ["Defence Minister"], "1985-01-01", []),
    ("CAN", ["Defence Minister"], "1985-01-01", []),
    ("ITA", ["Defence Minister"], "1985-01-01", []),
    ("IDN", ["Defence Minister"], "1985-01-01", []),
    ("MEX", ["Defence Minister"], "1985-01-01", []),
    ("ARG", ["Defence Minister"], "1985-01-01", []),
    ("ZAF", ["Defence Minister"], "1985-01-01", []),
    ("KOR", ["Defence Minister"], "1987-07-13", []),
    ("BRA", ["Defence Minister"], "1999-06-10", []),
]


def _rows() -> list[dict[str, str]]:
    text = resources.files("trustledger.data").joinpath("people.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture(scope="module")
def terms() -> dict[tuple[str, str], list[tuple[dt.date, dt.date]]]:
    out: dict[tuple[str, str], list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for r in _rows():
        end = dt.date.fromisoformat(r["end"]) if r["end"] else REFERENCE_DAY
        out[(r["country"], _QUALIFIER.sub("", r["title"]))].append((dt.date.fromisoformat(r["start"]), end))
    return out


def gaps(spans: list[tuple[dt.date, dt.date]], first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Stretches of [first, last] longer than MAX_GAP_DAYS that no span covers."""
    out = []
    cur = first
    for s, e in sorted(spans):
        if (s - cur).days > MAX_GAP_DAYS:
            out.append((cur, s))
        cur = max(cur, e)
    if (last - cur).days > MAX_GAP_DAYS:
        out.append((cur, last))
    return out


def test_gaps_helper_finds_a_hole():
    d = dt.date
    assert gaps([(d(2000, 1, 1), d(2001, 1, 1)), (d(2002, 1, 1), d(2003, 1, 1))], d(2000, 1, 1), d(2003, 1, 1)) \
        == [(d(2001, 1, 1), d(2002, 1, 1))]
    assert gaps([(d(2000, 1, 1), d(2003, 1, 1))], d(2000, 1, 1), d(2003, 1, 1)) == []


@pytest.mark.parametrize("office", OFFICES, ids=[f"{o[0]}-{o[1][0]}" for o in OFFICES])
def test_office_is_held_without_gaps(terms, office):
    country, titles, first, known, *last = office
    spans = [t for title in titles for t in terms.get((country, title), [])]
    assert spans, f"no rows for {country} {titles}"
    spans += [(dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in known]
    missing = gaps(spans, dt.date.fromisoformat(first), dt.date.fromisoformat(last[0]) if last else REFERENCE_DAY)
    assert not missing, f"{country} {titles[0]}: nobody in office " + ", ".join(f"{a}..{b}" for a, b in missing)


def test_no_term_ends_before_it_starts():
    bad = [r for r in _rows() if r["end"] and r["end"] < r["start"]]
    assert not bad, bad[:3]
