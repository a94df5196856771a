"""The exploring pages (issue 16, points 2, 5, 6): countries by name, the period control, ledger and
events tables with filters and CSV, compare, source documents, citations that link to their
sentence, the promise page, the favicon, outcomes grouped per story and dates as written."""

from __future__ import annotations

import csv
import html
import io
import re
import warnings
from pathlib import Path

import duckdb
import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from trustledger.web.app import create_app


@pytest.fixture(scope="module")
def explore(explore_db: Path):
    with TestClient(create_app(explore_db), base_url="http://127.0.0.1") as c:
        yield c


def links(page: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'href="([^"#]+)', page)]


def test_index_links_only_pairs_of_states_and_all_of_them_answer(explore):
    page = explore.get("/").text
    hrefs = links(page)
    assert "/dyad/IRN/RUS" in hrefs and "/dyad/RUS/IRN" in hrefs
    assert not [h for h in hrefs if "IGO" in h or "---" in h or "USR" in h], hrefs
    for h in hrefs:
        if h.startswith("/") and not h.startswith("/static"):
            assert explore.get(h).status_code == 200, h
    # Suggestions are names of states; no actor placeholders, no former state, no three-letter limit.
    options = re.findall(r'<option value="([^"]+)">([A-Z]{3})</option>', page)
    assert ("Iran", "IRN") in options and ("Russia", "RUS") in options
    assert not {code for _, code in options} & {"---", "IGO", "USR"}
    assert 'maxlength="3"' not in page and "Iran (IRN)" in page and "Russia (RUS)" in page


@pytest.mark.parametrize("url", ["/evidence?q=reactor&truster=&trustee=",
                                 "/ledger?promisor=&promisee=&status=&since=&until=",
                                 "/events?source=&target=&root=&mode=&since=&until=",
                                 "/dyad/IRN/RUS?since=&until=", "/compare?truster=&trustee=&trustee="])
def test_empty_form_fields_are_no_filter(client, url):
    assert client.get(url).status_code == 200, url


def test_evidence_search_takes_names(client):
    by_code = client.get("/evidence", params={"q": "fuel", "truster": "IRN", "trustee": "RUS"}).text
    by_name = client.get("/evidence", params={"q": "fuel", "truster": "iran", "trustee": "Russia"}).text
    hits = re.findall(r'<blockquote class="hit">', by_code)
    assert hits and len(re.findall(r'<blockquote class="hit">', by_name)) == len(hits)
    r = client.get("/evidence", params={"q": "fuel", "truster": "Persia2"})
    assert r.status_code == 400 and "truster &#39;Persia2&#39; is not a known country" in r.text


def test_period_control_takes_a_year(client):
    r = client.get("/dyad/IRN/RUS", params={"since": "1997", "until": "1998-06"})
    assert r.status_code == 200
    assert "period 1997-01-01 to 1998-06-30" in r.text and 'value="1997"' in r.text
    api = client.get("/api/ledger", params={"promisor": "RUS", "promisee": "IRN", "since": "1997", "until": "1998-06"})
    ids = [e["commitment_id"] for e in api.json()]
    assert ids and re.findall(r'data-commitment="([^"]+)"', r.text) == ids
    assert client.get("/dyad/IRN/RUS", params={"since": "2001", "until": "1999"}).status_code == 400


def test_ledger_table_filters_on_the_server_and_downloads_the_cli_csv(client, cli, sample_db, tmp_path):
    r = client.get("/ledger", params={"promisor": "Russia", "status": "broken"})
    assert r.status_code == 200
    assert re.findall(r'href="/ledger/(c[0-9a-f]+)"', r.text) == ["c000000000000002"]
    csv_link = html.unescape(re.search(r'id="csv" href="([^"]+)"', r.text).group(1))
    assert csv_link == "/ledger.csv?promisor=RUS&status=broken"
    body = client.get(csv_link)
    assert body.headers["content-type"].startswith("text/csv") and "attachment" in body.headers["content-disposition"]
    db = tmp_path / "cli.duckdb"
    db.write_bytes(sample_db.read_bytes())
    out = cli("ledger", "--from", "RUS", "--db", db, "--format", "csv")
    assert out.code == 0, out.stderr
    every = list(csv.DictReader(io.StringIO(client.get("/ledger.csv", params={"promisor": "RUS"}).text)))
    assert [r["commitment_id"] for r in every] == [r["commitment_id"] for r in csv.DictReader(io.StringIO(out.stdout))]
    assert [r["status"] for r in every] == ["kept", "kept_late", "broken", "pending", "unknown"]
    assert client.get("/ledger", params={"status": "lost"}).status_code == 400


def test_dates_are_shown_as_written(client):
    """A due date written as a year shows as that year, never as the day it is stored as."""
    page = client.get("/ledger", params={"promisor": "RUS"}).text
    row = re.search(r'href="/ledger/c000000000000001".*?</tr>', page, re.S).group(0)
    assert ">1998<" in row and ">1998-03-01<" not in row and ">1996-03-01<" in row


def test_events_table_shows_cameo_names_and_filters(client, sample_db):
    r = client.get("/events", params={"source": "russia", "target": "Iran", "root": "5"})
    assert r.status_code == 200
    con = duckdb.connect(str(sample_db), read_only=True)
    (n,) = con.execute("SELECT count(*) FROM events WHERE source_country = 'RUS' AND target_country = 'IRN' "
                       "AND root = '05'").fetchone()
    con.close()
    assert n > 0 and len(re.findall(r"<tr><td class=\"day\"", r.text)) == n
    assert "<code>051</code> Praise or endorse" in r.text and "Russia (RUS)" in r.text
    body = client.get("/events.csv", params={"source": "RUS", "target": "IRN", "root": "05"}).text
    assert len(list(csv.DictReader(io.StringIO(body)))) == n
    assert client.get("/events", params={"root": "99"}).status_code == 400


def test_compare_page_matches_the_command(client):
    r = client.get("/compare", params=[("truster", "Iran"), ("trustee", "Russia"), ("trustee", "US")],
                   follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/compare?truster=IRN&trustee=RUS&trustee=USA"
    page = client.get(r.headers["location"]).text
    rows = client.get("/api/compare/IRN", params=[("trustee", "RUS"), ("trustee", "USA")]).json()
    for row in rows:
        assert f'href="/dyad/IRN/{row["trustee"]}"' in page and row["explanation"] in html.unescape(page)
    assert client.get("/compare").status_code == 200
    assert client.get("/compare", params={"truster": "Iran"}).status_code == 400


def test_document_page_anchors_sentences_and_lists_what_was_found(client, sample_db):
    con = duckdb.connect(str(sample_db), read_only=True)
    sentences = con.execute("SELECT sentence_index, text FROM sentences WHERE doc_id = '0000000000001001' "
                            "ORDER BY sentence_index").fetchall()
    (events,) = con.execute("SELECT count(*) FROM events WHERE doc_id = '0000000000001001'").fetchone()
    con.close()
    page = client.get("/doc/0000000000001001").text
    for i, text in sentences:
        assert re.search(rf'<li id="s{i}"[^>]*>{re.escape(html.escape(text, quote=True))}', page), i
    assert page.count('class="found event"') == events
    assert 'href="/ledger/c000000000000001"' in page
    assert client.get("/doc/00000000000000aa").status_code == 404


def test_every_citation_links_to_its_sentence(client):
    for url in ("/dyad/IRN/RUS", "/ledger/c000000000000001", "/evidence?q=fuel"):
        page = client.get(url).text
        cites = re.findall(r'<a class="cite" href="/doc/([0-9a-f]{16})#s(\d+)">doc [0-9a-f]{8}… sentence (\d+)</a>',
                           page)
        assert cites, url
        assert all(i == j for _, i, j in cites)
        assert "doc 0000000000001001 sentence" not in page   # no citation left as plain text
        doc, i, _ = cites[0]
        assert f'id="s{i}"' in client.get(f"/doc/{doc}").text


def test_a_promise_is_a_full_page_and_a_fragment_for_the_row(client):
    full = client.get("/ledger/c000000000000001").text
    assert full.startswith("<!DOCTYPE html>") and "<style>" in full and 'rel="icon"' in full
    part = client.get("/ledger/c000000000000001", params={"fragment": 1}).text
    assert part.lstrip().startswith('<div class="ledger-entry"') and "<html" not in part
    assert "/ledger/\" + encodeURIComponent(id) + \"?fragment=1\"" in client.get("/static/app.js").text


def test_favicon(client):
    for url in ("/favicon.ico", "/favicon.svg"):
        r = client.get(url)
        assert r.status_code == 200 and r.headers["content-type"] == "image/svg+xml" and r.text.startswith("<svg")


def test_outcomes_are_grouped_per_story(explore):
    """One delivery reported three times (two sentences of a report, one copy of it) reads once, as
    one story, in the words `trustledger ledger` and the report use; its page lists all three sentences."""
    row = re.search(r'data-commitment="c000000000000001".*?</tr>', explore.get("/dyad/IRN/RUS").text, re.S).group(0)
    assert row.count("5 April 1999: delivered") == 1 and "stories)" not in row
    entry = explore.get("/ledger/c000000000000001", params={"fragment": 1}).text
    assert entry.count("<h5>5 April 1999: delivered") == 1 and "3 sentences" in entry
    assert entry.count('<blockquote class="outcome">') == 3


def test_component_bars_are_coloured_by_score(client):
    a = client.get("/api/assess/IRN/RUS").json()
    page = client.get("/dyad/IRN/RUS").text
    bars = re.findall(r'<span class="bar (low|mid|high)" title="([0-9.]+)">', page)
    scored = [c["score"] for c in a["components"].values() if c["score"] is not None]
    assert len(bars) == len(scored)
    for colour, value in bars:
        v = float(value)
        assert colour == ("low" if v < 0.4 else "mid" if v < 0.6 else "high")
