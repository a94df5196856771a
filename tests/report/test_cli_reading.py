"""Issue 16 leftovers 3 and 6: the terminal output an analyst reads, run through the real CLI on
the demo corpus at 80 and 200 columns. Headers never break inside a word (`compare` shortens them and
the caption spells the short forms out), no cell cuts a word that fits its line, and a flag's sentence
is printed whole under the table."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from tests.conftest import run_cli
from trustledger.commands.assess import COMPARE_COLUMNS, COMPARE_SHORT


def table_lines(text: str) -> tuple[list[str], list[list[str]]]:
    """(header cells, body rows as lists of cell lines) of the first rich table in `text`."""
    lines = text.splitlines()
    top = next(i for i, line in enumerate(lines) if line.startswith("┏"))
    sep = next(i for i, line in enumerate(lines) if line.startswith("┡"))
    heads = [[c.strip() for c in line.strip("┃").split("┃")] for line in lines[top + 1:sep]]
    body = [[c.strip() for c in line.strip("│").split("│")] for line in lines[sep + 1:] if line.startswith("│")]
    return [" ".join(h[i] for h in heads).strip() for i in range(len(heads[0]))], body


@pytest.mark.parametrize("columns", ["80", "200"])
def test_compare_headers_are_whole_words(demo_db, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", columns)
    r = run_cli("compare", "Iran", "Russia", "US", "China", "Syria", "--db", demo_db)
    assert r.code == 0, r.stderr
    assert all(cell_len(line) <= int(columns) for line in r.stdout.splitlines())
    heads, body = table_lines(r.stdout)
    known = set(COMPARE_COLUMNS) | set(COMPARE_SHORT.values())
    assert set(heads) <= known, heads          # no "commitme nts"
    lines = r.stdout.splitlines()
    top = next(i for i, line in enumerate(lines) if line.startswith("┏"))
    assert lines[top + 2].startswith("┡"), "the header is one line"
    if columns == "80":
        assert "promises = commitments" in r.stdout and "hidden at 80 columns" in r.stdout
    else:
        assert "commitments" in heads and "=" not in r.stdout
    # No word of a cell is cut: every cell line of the verdict column is whole words of a verdict.
    verdicts = {"high trust", "moderate trust", "mixed record", "low trust", "insufficient evidence"}
    words = {w for v in verdicts for w in v.split()}
    col = heads.index("verdict")
    assert all(not row[col] or set(row[col].split()) <= words for row in body), body


def test_a_flag_is_a_mark_in_the_table_and_a_sentence_under_it(demo_db, monkeypatch):
    # Any trustee praised more than another is flagged here (a margin below every score difference): the
    # rendering is under test, and whether the demo's records differ by the real margin follows the
    # coder's and the ledger's rules, which keep changing.
    monkeypatch.setattr("trustledger.analysis.compare.FLAG_MARGIN", -1.0)
    flagged = [row for row in run_cli("compare", "IRN", "RUS", "USA", "CHN", "--db", demo_db, "--format",
                                      "json").json() if row["flag"]]
    assert flagged, "the demo store flags a trustee"
    monkeypatch.setenv("COLUMNS", "80")
    out = run_cli("compare", "IRN", "RUS", "USA", "CHN", "--db", demo_db).stdout
    prose = " ".join(out.split())
    for row in flagged:
        assert f"⚑ {row['flag']}." in prose
    assert not re.search(r"\b(IRN|CHN|USA) praises", out)


def test_narrow_widths_keep_words_whole():
    from rich.console import Console

    from trustledger.output import fit_table

    cells = [["United States (USA)", "0.37", "insufficient evidence", "a long sentence that can wrap " * 3]] * 3
    cols = ["trustee", "score", "verdict", "text"]
    con = Console(width=60, file=None, record=True)
    con.print(fit_table(con, cells, cols))
    text = con.export_text()
    assert all(cell_len(line) <= 60 for line in text.splitlines())
    assert "insufficient" in text and "insufficien " not in text


@pytest.mark.parametrize("columns", ["80", "200"])
def test_assess_panel_reads_in_words(demo_db, monkeypatch, columns):
    """The assess panel names the parts as the report does ("Say–do consistency", not `say_do`),
    gives each piece of evidence its part and reason on one line above the sentence, and writes
    statuses as words ("kept late")."""
    monkeypatch.setenv("COLUMNS", columns)
    r = run_cli("assess", "Iran", "Russia", "--db", demo_db)
    assert r.code == 0, r.stderr
    assert all(cell_len(line) <= int(columns) for line in r.stdout.splitlines())
    prose = " ".join(re.sub(r"[│┃]", " ", r.stdout).split())
    assert "say_do" not in prose and "kept_late" not in prose
    for label in ("Commitments kept", "Say–do consistency", "UN vote alignment", "Reciprocity"):
        assert label in prose
    a = run_cli("assess", "Iran", "Russia", "--db", demo_db, "--format", "json").json()
    for e in a["evidence"]:
        assert "kept_late" not in (e.get("why") or "")
    first = a["evidence"][0]
    assert " ".join(first["text"].split()[:6]) in prose
    # Alone, the alignment part's sentence says who voted.
    assert "Weakest part: Russia voted for" in a["explanation"] or "Russia voted for" not in prose


def test_same_state_twice_is_named(demo_db):
    r = run_cli("assess", "Iran", "IR", "--db", demo_db)
    assert r.code != 0 and "truster and trustee are both Iran (IRN)" in r.stderr


def test_the_alignment_sentence_alone_names_the_voter():
    from trustledger.analysis.components import alignment

    c = {"joint_votes": 0, "targeted": 2, "targeted_votes": [{"vote": "yes"}, {"vote": "no"}], "score": 0.3}
    assert alignment.sentence(c, "Iran", "Russia").startswith("Russia voted for 1 of 2 resolutions aimed at Iran")
