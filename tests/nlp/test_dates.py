"""Date resolver: expressions, relative dates, sentences, event dates, and properties."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustledger.nlp.dates import ResolvedDate, dates_in, event_date, resolve_date
from trustledger.nlp.model import load_model

DOC = date(2010, 5, 27)  # a Thursday


def rd(y: int, m: int = 1, d: int = 1, p: str = "day") -> ResolvedDate:
    return ResolvedDate(date(y, m, d), p)


@pytest.mark.parametrize(
    "expr, expected",
    [
        ("in January 2009", rd(2009, 1, 1, "month")),
        ("January 2009", rd(2009, 1, 1, "month")),
        ("September of 2011", rd(2011, 9, 1, "month")),
        ("Sept. 2011", rd(2011, 9, 1, "month")),
        ("on 12 June 2010", rd(2010, 6, 12)),
        ("June 12, 2010", rd(2010, 6, 12)),
        ("the 5th of June, 2010", rd(2010, 6, 5)),
        ("Thursday, June 3, 2010", rd(2010, 6, 3)),
        ("2010-06-12", rd(2010, 6, 12)),
        ("13/06/2010", rd(2010, 6, 13)),  # only day-first is valid
        ("12/06/2010", rd(2010, 12, 6)),  # ambiguous: month-first
        ("06/13/2010", rd(2010, 6, 13)),
        ("in 2000", rd(2000, 1, 1, "year")),
        ("2000", rd(2000, 1, 1, "year")),
        ("in March", rd(2010, 3, 1, "month")),
        ("in May", rd(2010, 5, 1, "month")),  # the document's own month counts
        ("in June", rd(2009, 6, 1, "month")),  # the most recent June not after the document
        ("last March", rd(2010, 3, 1, "month")),
        ("last May", rd(2009, 5, 1, "month")),
        ("next March", rd(2011, 3, 1, "month")),
        ("early March", rd(2010, 3, 1, "month")),
        ("the end of March", rd(2010, 3, 31, "month")),
        ("on Monday", rd(2010, 5, 24)),
        ("on Thursday", rd(2010, 5, 27)),  # the document date itself
        ("last Thursday", rd(2010, 5, 20)),
        ("next Monday", rd(2010, 5, 31)),
        ("yesterday", rd(2010, 5, 26)),
        ("today", rd(2010, 5, 27)),
        ("tomorrow", rd(2010, 5, 28)),
        ("last year", rd(2009, 1, 1, "year")),
        ("this year", rd(2010, 1, 1, "year")),
        ("next year", rd(2011, 1, 1, "year")),
        ("last month", rd(2010, 4, 1, "month")),
        ("earlier this month", rd(2010, 5, 1, "month")),
        ("a decade ago", rd(2000, 1, 1, "year")),
        ("three years ago", rd(2007, 1, 1, "year")),
        ("two months ago", rd(2010, 3, 1, "month")),
        ("in the 1990s", rd(1990, 1, 1, "year")),
        ("the late 1990s", rd(1997, 1, 1, "year")),
        ("the end of the year", rd(2010, 12, 31, "year")),
        ("by the end of 2010", rd(2010, 12, 31, "year")),
        ("by the end of next year", rd(2011, 12, 31, "year")),
        ("by 2000", rd(2000, 1, 1, "year")),
        ("within four years", rd(2014, 5, 27, "year")),
        ("within six months", rd(2010, 11, 27, "month")),
        ("mid-2010", rd(2010, 1, 1, "year")),
        ("early 2016", rd(2016, 1, 1, "year")),
        ("late 2016", rd(2016, 1, 1, "year")),
        ("the first half of 2011", rd(2011, 1, 1, "year")),
        ("the summer of 2009", rd(2009, 1, 1, "year")),
    ],
)
def test_expressions(expr: str, expected: ResolvedDate) -> None:
    assert resolve_date(expr, DOC) == expected


@pytest.mark.parametrize(
    "expr, expected",
    [
        ("in March", rd(2011, 3, 1, "month")),  # the next March
        ("in May", rd(2010, 5, 1, "month")),
        ("on Monday", rd(2010, 5, 31)),
        ("on Thursday", rd(2010, 5, 27)),
        ("in January 2009", rd(2009, 1, 1, "month")),  # absolute dates ignore the flag
    ],
)
def test_future_verbs_look_forward(expr: str, expected: ResolvedDate) -> None:
    assert resolve_date(expr, DOC, future=True) == expected


@pytest.mark.parametrize("expr", ["in March", "last year", "yesterday", "on Monday", "a decade ago",
                                  "within four years", "the end of the year", "Sept. 5", "earlier this month"])
def test_relative_expressions_need_a_document_date(expr: str) -> None:
    assert resolve_date(expr, DOC) is not None
    assert resolve_date(expr, None) is None


@pytest.mark.parametrize("expr", ["June 12, 2010", "in 2000", "mid-2010", "the 1990s", "by the end of 2010"])
def test_absolute_expressions_work_without_a_document_date(expr: str) -> None:
    assert resolve_date(expr, None) == resolve_date(expr, DOC)


@pytest.mark.parametrize("expr", ["may", "May", "1750", "in 2150", "3000", "the past few years", "recent months",
                                  "", "soon", "the March 1 movement", "32/13/2010"])
def test_not_dates(expr: str) -> None:
    assert resolve_date(expr, DOC) is None


# ---------------------------------------------------------------- sentences


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def found(nlp, text: str, doc_date=DOC) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(doc[s:e].text, str(r)) for s, e, r in dates_in(doc[:], doc_date)]


def test_dates_in_a_sentence(nlp) -> None:
    assert found(nlp, "Russia agreed in January 2009 to deliver the S-300 missiles by the end of 2010.") == [
        ("January 2009", "2009-01"), ("the end of 2010", "2010")]
    assert found(nlp, "In September of 2011 the Bushehr plant was connected to the grid.") == [
        ("September of 2011", "2011-09")]


def test_token_offsets_are_doc_indices(nlp) -> None:
    doc = nlp("Iran complained. Russia delivered the fuel in March 2009.")
    sent = list(doc.sents)[1]
    ((s, e, r),) = dates_in(sent, DOC)
    assert doc[s:e].text == "March 2009" and r == rd(2009, 3, 1, "month")


def test_may_the_verb_and_names_with_dates_are_not_dates(nlp) -> None:
    assert found(nlp, "Iran may ask Russia for help.") == []
    assert found(nlp, "The March 1 movement was commemorated on 12 June 2010.") == [("12 June 2010", "2010-06-12")]
    assert found(nlp, "The 2010 ban was lifted in 2015.") == [("2015", "2015")]


def test_future_verb_in_a_sentence(nlp) -> None:
    assert found(nlp, "Putin will visit Tehran in March.") == [("March", "2011-03")]
    assert found(nlp, "Putin is due to visit Tehran in March.") == [("March", "2011-03")]
    assert found(nlp, "Putin visited Tehran in March.") == [("March", "2010-03")]


def test_reported_future_and_deadlines_look_forward(nlp) -> None:
    assert found(nlp, "Russia said it would deliver the fuel in March.") == [("March", "2011-03")]
    assert found(nlp, "The council demanded that Iran suspend enrichment by Aug. 31.") == [("Aug. 31", "2010-08-31")]
    assert found(nlp, "Russia had delivered the fuel by March.") == [("March", "2010-03")]


def test_resolution_numbers_are_not_years(nlp) -> None:
    assert found(nlp, "Russia voted for resolutions 1737, 1747 and 1803 in 2008.") == [("2008", "2008")]
    assert found(nlp, "The council adopted resolution 1929.") == []


def test_date_inside_a_noun_phrase_is_not_the_main_verbs(nlp) -> None:
    doc = nlp("The plant, due online in 2000, only opened in mid-2010.")
    assert event_date(doc[:], DOC) == (rd(2010, 1, 1, "year"), False)


def test_regex_sweep_without_ner() -> None:
    """With the NER component disabled the sweep still finds the common forms."""
    nlp = load_model(disable=("ner",))
    doc = nlp("Russia promised in January 2009 to finish Bushehr by 2000 but it opened in mid-2010, "
              "Iran said yesterday.")
    got = [(doc[s:e].text, str(r)) for s, e, r in dates_in(doc[:], DOC)]
    assert got == [("January 2009", "2009-01"), ("2000", "2000"), ("mid-2010", "2010"), ("yesterday", "2010-05-26")]


def test_event_date_prefers_the_main_verb(nlp) -> None:
    doc = nlp("The deal, signed in 1995, was cancelled on Monday.")
    assert event_date(doc[:], DOC) == (rd(2010, 5, 24), False)


def test_event_date_for_a_given_verb(nlp) -> None:
    doc = nlp("Iran said on Monday that Russia had delivered the fuel in March.")
    delivered = next(t for t in doc if t.lower_ == "delivered")
    assert event_date(doc[:], DOC) == (rd(2010, 5, 24), False)
    assert event_date(doc[:], DOC, verb=delivered) == (rd(2010, 3, 1, "month"), False)


def test_event_date_ignores_due_dates_and_falls_back(nlp) -> None:
    doc = nlp("Russia promised to complete the plant by 2000.")
    assert event_date(doc[:], DOC) == (rd(2010, 5, 27), True)
    assert event_date(doc[:], None) == (None, True)
    assert dates_in(doc[:], DOC)[0][2] == rd(2000, 1, 1, "year")  # still found as a date


def test_event_date_first_expression_when_none_on_the_main_verb(nlp) -> None:
    doc = nlp("In the 1990s Russia sold Iran submarines; by 2000 it had halted sales.")
    assert event_date(doc[:], DOC) == (rd(1990, 1, 1, "year"), False)


# ---------------------------------------------------------------- properties

days = st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 12, 31))
doc_days = st.dates(min_value=date(1850, 1, 1), max_value=date(2090, 12, 31))
MONTH_NAMES = [calendar.month_name[i] for i in range(1, 13)]
WEEKDAY_NAMES = [calendar.day_name[i] for i in range(7)]


@given(d=days, fmt=st.sampled_from(["{D} {Month} {Y}", "{Month} {D}, {Y}", "on {D} {Month} {Y}",
                                    "{Y}-{MM}-{DD}", "on {Month} {D}, {Y}", "{Weekday}, {Month} {D}, {Y}",
                                    "the {D}th of {Month} {Y}", "{Mon}. {D}, {Y}", "{US}"]))
@settings(max_examples=300, deadline=None)
def test_rendered_dates_resolve_to_themselves(d: date, fmt: str) -> None:
    us = f"{d.month:02d}/{d.day:02d}/{d.year}"  # month-first always reads back
    text = fmt.format(D=d.day, Month=calendar.month_name[d.month], Y=d.year, MM=f"{d.month:02d}",
                      DD=f"{d.day:02d}", Weekday=calendar.day_name[d.weekday()],
                      Mon=calendar.month_abbr[d.month], US=us)
    assert resolve_date(text, None) == ResolvedDate(d, "day"), text


@given(d=days)
@settings(max_examples=150, deadline=None)
def test_unambiguous_day_first_numeric_dates(d: date) -> None:
    text = f"{d.day:02d}/{d.month:02d}/{d.year}"
    expected = ResolvedDate(d, "day") if d.day > 12 or d.day == d.month else ResolvedDate(
        date(d.year, d.day, d.month), "day")
    assert resolve_date(text, None) == expected


@given(d=days, fmt=st.sampled_from(["{Month} {Y}", "in {Month} {Y}", "{Month} of {Y}", "{Mon}. {Y}",
                                    "early {Month} {Y}", "late {Month} {Y}"]))
@settings(max_examples=200, deadline=None)
def test_rendered_months_resolve_to_their_first_day(d: date, fmt: str) -> None:
    text = fmt.format(Month=calendar.month_name[d.month], Y=d.year, Mon=calendar.month_abbr[d.month])
    assert resolve_date(text, None) == ResolvedDate(date(d.year, d.month, 1), "month"), text


PAST_PHRASES = st.one_of(
    st.sampled_from(MONTH_NAMES).map(lambda m: f"in {m}"),
    st.sampled_from(MONTH_NAMES).map(lambda m: f"last {m}"),
    st.sampled_from(MONTH_NAMES).map(lambda m: f"early {m}"),
    st.sampled_from([m for m in MONTH_NAMES if m != "May"]),  # bare "May" is the verb
    st.sampled_from(WEEKDAY_NAMES).map(lambda w: f"on {w}"),
    st.sampled_from(WEEKDAY_NAMES).map(lambda w: f"last {w}"),
    st.tuples(st.sampled_from(MONTH_NAMES), st.integers(1, 28)).map(lambda t: f"{t[0]} {t[1]}"),
    st.integers(1, 40).flatmap(lambda n: st.sampled_from([f"{n} years ago", f"{n} months ago",
                                                          f"{n} days ago", f"{n} weeks ago"])),
    st.sampled_from(["yesterday", "today", "last year", "this year", "last month", "earlier this month",
                     "a decade ago", "last week", "this month", "last summer", "the day before yesterday"]),
)


@given(doc=doc_days, phrase=PAST_PHRASES)
@settings(max_examples=400, deadline=None)
def test_past_phrasing_never_resolves_after_the_document_date(doc: date, phrase: str) -> None:
    r = resolve_date(phrase, doc)
    assert r is not None, phrase
    assert r.date <= doc, (phrase, doc, r)


@given(doc=doc_days, month=st.sampled_from(MONTH_NAMES), weekday=st.sampled_from(WEEKDAY_NAMES))
@settings(max_examples=200, deadline=None)
def test_future_phrasing_never_resolves_before_the_document_period(doc: date, month: str, weekday: str) -> None:
    m = resolve_date(f"in {month}", doc, future=True)
    assert m is not None and m.date >= doc.replace(day=1)
    w = resolve_date(f"on {weekday}", doc, future=True)
    assert w is not None and doc <= w.date < doc + timedelta(days=7)


ANY_PHRASES = st.one_of(
    PAST_PHRASES,
    days.map(lambda d: f"{calendar.month_name[d.month]} {d.year}"),
    days.map(lambda d: f"in {d.year}"),
    days.map(lambda d: f"the {d.year // 10 * 10}s"),
    days.map(lambda d: f"mid-{d.year}"),
    days.map(lambda d: f"{d.day} {calendar.month_name[d.month]} {d.year}"),
    st.sampled_from(["next year", "next month", "next March", "the first half of 2011"]),
)


@given(doc=doc_days, phrase=ANY_PHRASES)
@settings(max_examples=400, deadline=None)
def test_precision_is_consistent(doc: date, phrase: str) -> None:
    """Month precision means the first of the month, year precision the first of January
    (these phrases contain no "end of"/"within" due dates, which are the documented exceptions)."""
    r = resolve_date(phrase, doc)
    assert r is not None, phrase
    assert r.precision in ("day", "month", "year")
    if r.precision == "month":
        assert r.date.day == 1
    if r.precision == "year":
        assert (r.date.month, r.date.day) == (1, 1)
    assert 1800 <= r.date.year <= 2100
    assert resolve_date(phrase, doc) == r  # deterministic (and cached)


def test_unusual_forms_go_through_dateparser_with_the_document_date() -> None:
    assert resolve_date("June 5 at noon", DOC) == rd(2009, 6, 5)
    assert resolve_date("June 5 at noon", DOC, future=True) == rd(2010, 6, 5)
    assert resolve_date("June 5 at noon", None) is None  # relative: moves with the base date
    assert resolve_date("2010 June 5", None) == rd(2010, 6, 5)


def test_blank_pipeline_and_empty_doc() -> None:
    """No parser, no NER: the sweep alone; an empty doc falls back to the document date."""
    import spacy

    nlp = spacy.blank("en")
    doc = nlp("Russia agreed in January 2009 to deliver the missiles by 2000, Iran said yesterday.")
    assert [str(r) for _, _, r in dates_in(doc, DOC)] == ["2009-01", "2000", "2010-05-26"]
    assert event_date(nlp(""), DOC) == (rd(2010, 5, 27), True)
    assert event_date(nlp(""), None) == (None, True)


def test_a_long_text_is_parsed_in_pieces_that_join_back():
    from trustledger.nlp import sentences as s

    para = "Russia signed an agreement with Iran on Tuesday. The deal takes effect next year.\n\n"
    text = para * (s.LONG_TEXT // len(para) * 3)
    pieces = s._pieces(text, s.LONG_TEXT)
    assert len(pieces) >= 3 and "".join(pieces) == text and all(len(p) <= s.LONG_TEXT for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])  # cut at paragraph breaks
    [doc] = list(s.parse_documents([text]))
    assert doc.text == text
    assert len(s.sentences_of(doc)) == 2 * text.count("\n\n")
