"""Issue 16 leftovers 1 and 2: a person reads country names, a program reads codes. The real
`trustledger report` on the demo corpus names the states in every sentence (the code stays beside
the name in the title only), its last line asks the question in names, and the assessment JSON's
sentences (`explanation`, vote evidence, compare's `flag`) name the states while its code-valued
fields keep the codes."""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

import pytest

from tests.report.conftest import cli_main
from trustledger.country_prose import in_prose, possessives, tidy

CODES = re.compile(r"\b(IRN|RUS|USA)\b")


def visible_text(page: str) -> str:
    page = re.sub(r"<(script|style|title).*?</\1>", "", page, flags=re.S)
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_names_in_sentences_articles_and_possessives():
    assert (in_prose("RUS"), in_prose("USA"), in_prose("NLD"), in_prose("IGO")) == (
        "Russia", "the United States", "the Netherlands", "IGO")
    assert tidy("the United States's record toward Iran") == "The United States' record toward Iran"
    assert possessives("Iran's and Belarus's votes, the Philippines's") == (
        "Iran's and Belarus's votes, the Philippines'")


def test_report_sentences_name_the_states(demo_report):
    html, md = (p.read_text(encoding="utf-8") for p in demo_report)
    h1 = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    assert h1 == "Can Iran (IRN) trust Russia (RUS)?"
    text = visible_text(html.replace(h1, ""))
    assert CODES.findall(text) == [], [m.group(0) for m in re.finditer(r".{30}\b(IRN|RUS)\b.{30}", text)]
    assert "The record of Russia toward Iran" in text
    body = md.split("\n", 1)[1]
    assert CODES.findall(body) == []
    assert "| Russia → Iran |" in body and "| Iran → Russia |" in body


def test_report_last_line_asks_the_question_in_names(demo_db, tmp_path):
    code, err = cli_main("report", "iran", "United States", "--db", demo_db, "--md", tmp_path / "r.md")
    assert code == 0, err
    last = err.strip().splitlines()[-1]
    assert re.fullmatch(r"Can Iran trust the United States\? [a-z ]+ \(score \d\.\d\d\)", last), last
    md = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert md.startswith("# Can Iran \\(IRN\\) trust the United States \\(USA\\)?")
    assert "The record of the United States toward Iran" in md


@pytest.fixture(scope="module")
def assessment(demo_db: Path, tmp_path_factory) -> dict:
    from tests.conftest import run_cli

    r = run_cli("assess", "IRN", "RUS", "--db", demo_db, "--format", "json")
    assert r.code == 0, r.stderr
    return r.json()


def test_json_sentences_use_names_and_fields_keep_codes(assessment):
    a = assessment
    assert (a["truster"], a["trustee"]) == ("IRN", "RUS")
    assert CODES.findall(a["explanation"]) == [] and "Russia" in a["explanation"] and "Iran" in a["explanation"]
    votes = [e for e in a["evidence"] if e["component"] == "alignment"]
    assert votes and all(e["text"].startswith("Russia voted ") and "aimed at Iran" in e["text"] for e in votes)


def test_compare_flag_names_the_states(demo_db):
    from tests.conftest import run_cli

    r = run_cli("compare", "IRN", "RUS", "USA", "--db", demo_db, "--format", "json")
    assert r.code == 0, r.stderr
    rows = r.json()
    assert [row["trustee"] for row in rows] == ["RUS", "USA"]
    for row in rows:
        assert CODES.findall(row["explanation"]) == []
        assert not row["flag"] or CODES.findall(row["flag"]) == []


def test_outcomes_of_one_month_at_several_precisions_are_one_line():
    """Invented: three stories date a delivery "December 2007", one of them and another give the day
    (17 and 20 December), a delay is reported in the same month; a year-only report stays apart."""
    from trustledger.report.readable import outcome_groups, outcome_line

    def o(kind, date, precision, story):
        return {"kind": kind, "date": date, "date_precision": precision, "story_id": story, "doc_id": story}

    groups = outcome_groups([
        o("delivered", "2007-12-01", "month", "s1"), o("delivered", "2007-12-01", "month", "s2"),
        o("delivered", "2007-12-20", "day", "s3"), o("delivered", "2007-12-17", "day", "s2"),
        o("delayed", "2007-12-01", "month", "s4"), o("delivered", "2007-01-01", "year", "s5"),
        o("delivered", "2008-01-28", "day", "s6"),
    ])
    assert [outcome_line(g) for g in groups] == [
        "2007: delivered", "17 December 2007: delivered (3 stories), delayed", "28 January 2008: delivered"]
