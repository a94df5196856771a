"""`trustledger report`: one self-contained HTML file (and Markdown) showing what the store holds."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
from markupsafe import escape

from trustledger.report import templating
from trustledger.report.markdown import md
from trustledger.store.db import Store

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(1)>"  # as in conftest.py


def _store_rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_html_is_self_contained(written_report):
    html = written_report[0].read_text(encoding="utf-8")
    assert len(html) > 3_000_000, "plotly.js should be inlined"
    assert "Plotly.newPlot" in html
    # No asset is loaded from anywhere: no src/href to a URL, no <link>, no CDN, a CSP that forbids it.
    from trustledger.report.html import plotly_js

    page = html.replace(plotly_js(), "")  # the bundle names plotly's CDN for features we never use (maps)
    assert len(page) < 200_000
    assert not re.search(r"<(script|img|iframe|link|object|embed)[^>]+(src|href|data)=", page, re.I)
    assert "cdn." not in page.lower() and "@import" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and "script-src 'nonce-" in csp
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts and all(f'nonce="{nonce}"' in s for s in scripts)


def test_html_shows_verdict_ledger_votes_and_evidence(written_report, sample_db):
    html = written_report[0].read_text(encoding="utf-8")
    with Store(sample_db, read_only=True) as s:
        from trustledger.queries import assess

        a = assess(s, "IRN", "RUS")
    assert f">{a['verdict']}<" in html
    assert templating.score(a["score"]) in html
    assert str(escape(a["explanation"])) in html
    # The ledger table: one row per commitment of RUS to IRN, with its status and delay.
    ledger = re.search(r'<table id="ledger">(.*?)</table>', html, re.S).group(1)
    rows = _store_rows(sample_db, "SELECT c.what, l.status, c.due FROM commitments c JOIN ledger l USING "
                                  "(commitment_id) WHERE promisor = 'RUS' AND promisee = 'IRN' ORDER BY made")
    assert ledger.count("<tr>") == len(rows) + 1
    for what, status, due in rows:
        assert str(escape(what)) in ledger
        assert f"<td>{due.year}</td>" in ledger  # the sample's due dates have year precision
        assert f'class="status {status}"' in ledger
    assert "400 days (1.1 years)" in ledger
    # The three charts are there, with the vote agreement years from the store.
    for plot in ("plot-components", "plot-timeline", "plot-agreement"):
        assert f'id="{plot}"' in html
    years = _store_rows(sample_db, "SELECT DISTINCT year(date) FROM roll_calls ORDER BY 1")
    assert all(str(y) in html for (y,) in years)
    # Evidence quotes name their document by title, linked to its URL, never by the local file path.
    evidence = re.search(r'<div id="evidence">(.*?)</div>', html, re.S).group(1)
    assert re.search(r'<a href="https://example.org/story/1" rel="noopener noreferrer">Report 1 on RUS and IRN</a>',
                     evidence)
    assert "sample/doc-" not in html
    assert evidence.count("<blockquote>") >= 3


def test_hostile_text_is_escaped(written_report):
    html, mdtext = (p.read_text(encoding="utf-8") for p in written_report)
    assert HOSTILE not in html
    assert "<img src=x" not in html
    assert not re.search(r"<[a-z][^>]*\sonerror\s*=", html, re.I), "an element with an onerror attribute"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    # Only the two nonce'd scripts exist: the payload added none.
    assert len(re.findall(r"<script\b", html)) == 2
    assert "<script>" not in mdtext and "<img" not in mdtext
    assert "&lt;script&gt;" in mdtext


def test_markdown_has_the_same_tables(written_report, sample_db):
    text = written_report[1].read_text(encoding="utf-8")
    assert text.startswith("# Can Iran \\(IRN\\) trust Russia \\(RUS\\)?")
    for section in ("## How this is measured", "## Components", "## Events by quad class", "## Ledger",
                    "## UN vote agreement", "## Evidence", "## The arithmetic behind the score"):
        assert section in text
    # The timeline table's counts add up to the dyad's events in the store.
    (total,) = _store_rows(sample_db, "SELECT count(*) FROM events WHERE source_country IN ('IRN','RUS') "
                                      "AND target_country IN ('IRN','RUS') AND source_country <> target_country")[0]
    rows = re.findall(r"^\| (\d{4}) \| ([\w ]+) → ([\w ]+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$", text, re.M)
    assert sum(int(c) for r in rows for c in r[3:]) == total > 0
    assert {(r[1], r[2]) for r in rows} == {("Russia", "Iran"), ("Iran", "Russia")}  # names, not codes


def test_markdown_escapes_syntax():
    assert md("a | b") == "a \\| b"
    assert md("[x](javascript:alert(1))") == "\\[x\\]\\(javascript:alert\\(1\\)\\)"
    assert md("<b>") == "&lt;b&gt;"


def test_javascript_urls_are_never_links(sample_db, tmp_path, cli):
    db = tmp_path / "js.duckdb"
    db.write_bytes(sample_db.read_bytes())
    con = duckdb.connect(str(db))
    con.execute("UPDATE documents SET url = 'javascript:alert(1)'")
    con.close()
    out = tmp_path / "r.html"
    r = cli("report", "irn", "rus", "--db", db, "--html", out)
    assert r.code == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    assert 'href="javascript' not in html
    assert "javascript:alert(1)" in html  # shown as text, not as a link


def test_period_filters_the_ledger(sample_db, tmp_path, cli):
    out = tmp_path / "r.md"
    r = cli("report", "IRN", "RUS", "--db", sample_db, "--md", out, "--since", "1996-01-01", "--until", "1997-12-31")
    assert r.code == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    # The sample's promises are made on a day ("1 March 1996") and due in a year ("1998").
    made = re.findall(r"^\| .*? \| \d{1,2} March (\d{4}) \| \d{4} \|", text, re.M)
    assert made and all("1996" <= m <= "1997" for m in made)
    assert not (tmp_path / "report.html").exists()


def test_bad_arguments_give_one_line_errors(sample_db, tmp_path, cli):
    cases = [
        (("report", "I1", "RUS", "--db", sample_db), "truster"),
        (("report", "IRN", "RUS", "--db", tmp_path / "missing.duckdb"), "no store here"),
        (("report", "IRN", "RUS", "--db", sample_db, "--since", "2001-01-01", "--until", "2000-01-01"), "after"),
        (("report", "IRN", "RUS", "--db", sample_db, "--since", "2001-13-01"), "not a date"),
        (("report", "IRN", "RUS", "--db", sample_db, "--html", tmp_path / "nope" / "r.html"), "does not exist"),
        (("report", "IRN", "RUS", "--db", sample_db, "--html", tmp_path / "afile" / "r.html"), "cannot write"),
    ]
    (tmp_path / "afile").write_text("a file, not a folder")
    for args, words in cases:
        r = cli(*args)
        assert r.code == 2, (args, r.stderr)
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error:") and words in lines[0], r.stderr


def test_no_votes_means_no_empty_chart(sample_db, tmp_path, cli):
    db = tmp_path / "novotes.duckdb"
    db.write_bytes(sample_db.read_bytes())
    con = duckdb.connect(str(db))
    con.execute("DELETE FROM votes")
    con.close()
    out = tmp_path / "r.html"
    assert cli("report", "IRN", "RUS", "--db", db, "--html", out).code == 0
    html = out.read_text(encoding="utf-8")
    assert 'id="plot-agreement"' not in html and 'id="no-agreement"' in html
    assert 'id="plot-timeline"' in html
