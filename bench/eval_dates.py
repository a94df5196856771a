"""Date resolution accuracy on a hand-written table (`make eval`).

Two parts, both written by us from the kinds of expressions in news about state relations:
1. 104 date expressions with a document date and the resolution a careful reader would give
   (date, precision), including relative, due-date and tricky forms and non-dates;
2. 24 sentences with the date of their main event (the event_date rule: the expression on the
   main verb, else the first non-due expression, else the document date).
Prints accuracy overall and by kind, and lists every miss.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from trustledger.nlp.dates import event_date, resolve_date
from trustledger.nlp.model import load_model

D1 = date(2010, 5, 27)  # Thursday
D2 = date(1995, 1, 8)  # Sunday
D3 = date(2015, 11, 24)  # Tuesday
D4 = date(2007, 12, 26)  # Wednesday

# (kind, expression, document date, future verb?, expected "YYYY-MM-DD precision" or None)
EXPRESSIONS: list[tuple[str, str, date | None, bool, str | None]] = [
    # absolute
    ("absolute", "in January 2009", D1, False, "2009-01-01 month"),
    ("absolute", "September of 2011", D1, False, "2011-09-01 month"),
    ("absolute", "on 12 June 2010", D1, False, "2010-06-12 day"),
    ("absolute", "June 12, 2010", D1, False, "2010-06-12 day"),
    ("absolute", "12/06/2010", D1, False, "2010-12-06 day"),
    ("absolute", "25/12/2009", D1, False, "2009-12-25 day"),
    ("absolute", "2010-06-12", D1, False, "2010-06-12 day"),
    ("absolute", "in 2000", D1, False, "2000-01-01 year"),
    ("absolute", "1995", D4, False, "1995-01-01 year"),
    ("absolute", "Sept. 2011", D1, False, "2011-09-01 month"),
    ("absolute", "Dec. 16, 2007", D1, False, "2007-12-16 day"),
    ("absolute", "the 5th of June 2010", D1, False, "2010-06-05 day"),
    ("absolute", "Wednesday, Dec. 26, 2007", D1, False, "2007-12-26 day"),
    ("absolute", "March 1995", None, False, "1995-03-01 month"),
    ("absolute", "in the summer of 2009", D1, False, "2009-01-01 year"),
    ("absolute", "between 2006 and 2010", D1, False, "2006-01-01 year"),
    ("absolute", "1st January 2016", D1, False, "2016-01-01 day"),
    ("absolute", "January 17th, 2016", D1, False, "2016-01-17 day"),
    # periods of a year and decades
    ("period", "mid-2010", D1, False, "2010-01-01 year"),
    ("period", "early 2016", D3, False, "2016-01-01 year"),
    ("period", "late 2016", D3, False, "2016-01-01 year"),
    ("period", "the first half of 2011", D1, False, "2011-01-01 year"),
    ("period", "the second half of 2011", D1, False, "2011-01-01 year"),
    ("period", "in the 1990s", D1, False, "1990-01-01 year"),
    ("period", "the early 1990s", D1, False, "1990-01-01 year"),
    ("period", "the '90s", D1, False, "1990-01-01 year"),
    ("period", "early March", D1, False, "2010-03-01 month"),
    ("period", "mid-December", D4, False, "2007-12-01 month"),
    ("period", "late August", D3, False, "2015-08-01 month"),
    ("period", "the end of March 2011", D1, False, "2011-03-31 month"),
    # months and weekdays relative to the document date
    ("relative month", "in March", D1, False, "2010-03-01 month"),
    ("relative month", "in March", D1, True, "2011-03-01 month"),
    ("relative month", "in May", D1, False, "2010-05-01 month"),
    ("relative month", "in December", D1, False, "2009-12-01 month"),
    ("relative month", "in December", D1, True, "2010-12-01 month"),
    ("relative month", "last March", D1, False, "2010-03-01 month"),
    ("relative month", "last December", D2, False, "1994-12-01 month"),
    ("relative month", "next March", D1, False, "2011-03-01 month"),
    ("relative month", "September of last year", D3, False, "2014-09-01 month"),
    ("relative month", "February this year", D3, False, "2015-02-01 month"),
    ("relative month", "Dec. 16 last year", D3, False, "2014-12-16 day"),
    ("relative month", "Jan. 8", D2, False, "1995-01-08 day"),
    ("relative month", "Dec. 30", D2, False, "1994-12-30 day"),
    ("relative month", "Aug. 31", D1, True, "2010-08-31 day"),
    ("relative month", "in March", None, False, None),
    ("weekday", "on Monday", D1, False, "2010-05-24 day"),
    ("weekday", "on Thursday", D1, False, "2010-05-27 day"),
    ("weekday", "on Friday", D1, True, "2010-05-28 day"),
    ("weekday", "last Friday", D1, False, "2010-05-21 day"),
    ("weekday", "Sunday", D2, False, "1995-01-08 day"),
    ("weekday", "late on Saturday", D3, False, "2015-11-21 day"),
    # relative periods
    ("relative", "yesterday", D1, False, "2010-05-26 day"),
    ("relative", "today", D1, False, "2010-05-27 day"),
    ("relative", "tomorrow", D1, False, "2010-05-28 day"),
    ("relative", "last year", D1, False, "2009-01-01 year"),
    ("relative", "this year", D1, False, "2010-01-01 year"),
    ("relative", "next year", D1, False, "2011-01-01 year"),
    ("relative", "last month", D2, False, "1994-12-01 month"),
    ("relative", "earlier this month", D1, False, "2010-05-01 month"),
    ("relative", "later this month", D1, False, "2010-05-01 month"),
    ("relative", "earlier this year", D4, False, "2007-01-01 year"),
    ("relative", "a decade ago", D1, False, "2000-01-01 year"),
    ("relative", "ten years ago", D1, False, "2000-01-01 year"),
    ("relative", "two months ago", D1, False, "2010-03-01 month"),
    ("relative", "three days ago", D1, False, "2010-05-24 day"),
    ("relative", "last week", D1, False, "2010-05-20 day"),
    ("relative", "last year", None, False, None),
    # due dates
    ("due", "the end of the year", D1, False, "2010-12-31 year"),
    ("due", "by the end of 2010", D1, False, "2010-12-31 year"),
    ("due", "by the end of this year", D4, False, "2007-12-31 year"),
    ("due", "by the end of next year", D4, False, "2008-12-31 year"),
    ("due", "by 2000", D2, False, "2000-01-01 year"),
    ("due", "within four years", D2, False, "1999-01-08 year"),
    ("due", "within six months", D1, False, "2010-11-27 month"),
    ("due", "within 30 days", D1, False, "2010-06-26 day"),
    ("due", "by the end of the decade", D2, False, "1999-12-31 year"),
    ("due", "no later than 2007", D2, False, "2007-01-01 year"),
    ("due", "the end of the month", D1, False, "2010-05-31 month"),
    # harder forms, written before checking what the resolver does with them
    ("harder", "5 Nov. 2010", D1, False, "2010-11-05 day"),
    ("harder", "2010/06/12", D1, False, "2010-06-12 day"),
    ("harder", "Nov 5", D3, False, "2015-11-05 day"),
    ("harder", "last spring", D1, False, "2009-01-01 year"),
    ("harder", "this autumn", D1, False, "2010-01-01 year"),
    ("harder", "over the next decade", D1, False, "2020-01-01 year"),
    ("harder", "in a year's time", D1, False, "2011-05-27 year"),
    ("harder", "in two years", D1, False, "2012-05-27 year"),
    ("harder", "the turn of the century", D1, False, "2000-01-01 year"),
    ("harder", "in the early hours of Monday", D1, False, "2010-05-24 day"),
    ("harder", "on the 15th", D1, False, "2010-05-15 day"),
    ("harder", "the following day", D1, False, None),
    ("harder", "two weeks later", D1, False, None),
    ("harder", "Christmas 2009", D1, False, "2009-12-25 day"),
    ("harder", "fiscal 2010", D1, False, "2010-01-01 year"),
    ("harder", "the previous year", D1, False, "2009-01-01 year"),
    # not dates
    ("not a date", "may", D1, False, None),
    ("not a date", "1750", D1, False, None),
    ("not a date", "in 2150", D1, False, None),
    ("not a date", "recent months", D1, False, None),
    ("not a date", "the past few years", D1, False, None),
    ("not a date", "March of that year", D1, False, None),
    ("not a date", "decades", D1, False, None),
    ("not a date", "the coming weeks", D1, False, None),
    ("not a date", "more than a decade", D1, False, None),
    ("not a date", "each year", D1, False, None),
]

# (sentence, document date, expected event date "YYYY-MM-DD precision", expected fallback)
SENTENCES: list[tuple[str, date, str, bool]] = [
    ("Russia agreed in January 2009 to deliver the S-300 missiles by the end of 2010.", D1,
     "2009-01-01 month", False),
    ("In September of 2011 the Bushehr plant was connected to the grid.", D1, "2011-09-01 month", False),
    ("Iran may ask Russia for help, officials said on Monday.", D1, "2010-05-24 day", False),
    ("The March 1 movement was commemorated on 12 June 2010.", D1, "2010-06-12 day", False),
    ("Moscow said last year that the reactor would be completed within four years.", D1, "2009-01-01 year", False),
    ("The plant, due online in 2000, only opened in mid-2010.", D1, "2010-01-01 year", False),
    ("Medvedev banned the sale in March.", D1, "2010-03-01 month", False),
    ("Putin will visit Tehran in March, the Kremlin said.", D1, "2011-03-01 month", False),
    ("Russia promised to complete the plant by 2000.", D2, "1995-01-08 day", True),
    ("The deal, signed in 1995, was cancelled on Monday.", D1, "2010-05-24 day", False),
    ("Iran and Russia signed the contract on Dec. 16.", D4, "2007-12-16 day", False),
    ("The Security Council adopted resolution 1929 with 12 votes in favour.", D1, "2010-05-27 day", True),
    ("Russia voted for resolutions 1737, 1747 and 1803.", D1, "2010-05-27 day", True),
    ("Russia said it would deliver the fuel in March.", D1, "2011-03-01 month", False),
    ("The Kremlin demanded that Iran suspend enrichment by Aug. 31.", D1, "2010-05-27 day", True),
    ("Early 2016 saw the first deliveries of the S-300.", D3, "2016-01-01 year", False),
    ("The first fuel shipment arrived at Bushehr yesterday.", D4, "2007-12-25 day", False),
    ("Rouhani and Putin met in Tehran last week.", D3, "2015-11-17 day", False),
    ("Russia has been building the plant since 1995.", D4, "1995-01-01 year", False),
    ("Construction of the plant began in the 1970s.", D2, "1970-01-01 year", False),
    ("Iran complained earlier this month about the delays.", D1, "2010-05-01 month", False),
    ("The contract was worth about $800 million.", D1, "2010-05-27 day", True),
    ("Russia may sell Iran more reactors, Rosatom's chief said.", D3, "2015-11-24 day", True),
    ("Iran paid 1,000 million dollars in 2007 for five S-300 battalions.", D4, "2007-01-01 year", False),
]


def fmt(r) -> str | None:
    return None if r is None else f"{r.date.isoformat()} {r.precision}"


def main() -> None:
    by_kind: dict[str, list[bool]] = defaultdict(list)
    misses = []
    for kind, expr, doc, future, expected in EXPRESSIONS:
        got = fmt(resolve_date(expr, doc, future=future))
        ok = got == expected
        by_kind[kind].append(ok)
        if not ok:
            misses.append(f"  {expr!r} (doc {doc}, future={future}): expected {expected}, got {got}")
    total = [ok for oks in by_kind.values() for ok in oks]
    print(f"date expressions: {sum(total)}/{len(total)} = {100 * sum(total) / len(total):.1f}% resolved as expected")
    for kind, oks in by_kind.items():
        print(f"  {kind:15} {sum(oks):3}/{len(oks):<3} {100 * sum(oks) / len(oks):5.1f}%")
    for m in misses:
        print(m)

    nlp = load_model()
    right = 0
    smisses = []
    for (text, doc_date, expected, fallback), doc in zip(SENTENCES, nlp.pipe([s[0] for s in SENTENCES]),
                                                           strict=True):
        got, fell_back = event_date(doc[:], doc_date)
        ok = fmt(got) == expected and fell_back == fallback
        right += ok
        if not ok:
            smisses.append(f"  {text!r}: expected {expected} (fallback {fallback}), got {fmt(got)} "
                           f"(fallback {fell_back})")
    print(f"sentence event dates: {right}/{len(SENTENCES)} = {100 * right / len(SENTENCES):.1f}% as expected")
    for m in smisses:
        print(m)


if __name__ == "__main__":
    main()
