"""Every route of the web app, against a sample store whose rows are known."""

from __future__ import annotations

import html
import re

import duckdb
import pytest

PAGES = ["/", "/dyad/IRN/RUS", "/ledger/c000000000000000", "/evidence?q=fuel&truster=IRN&trustee=RUS",
         "/evidence", "/report/IRN/RUS", "/docs"]


def rows(db, sql, params=()):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def test_index_lists_pairs_with_links(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert 'href="/dyad/IRN/RUS"' in r.text and 'href="/dyad/RUS/IRN"' in r.text
    assert 'action="/dyad"' in r.text
    assert "12 documents, 60 events, 5 commitments" in r.text


def test_index_form_redirects_to_the_dyad(client):
    r = client.get("/dyad", params={"truster": " irn", "trustee": "rus"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/dyad/IRN/RUS"
    for typed in ("iran", "Iran", "IR", "IRN", " irn"):
        r = client.get("/dyad", params={"truster": typed, "trustee": "Russia"}, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/dyad/IRN/RUS", typed
    r = client.get("/dyad", params={"truster": "Narnia", "trustee": "rus"})
    assert r.status_code == 400 and "truster 'Narnia' is not a known country" in html.unescape(r.text)
    assert r.headers["content-type"].startswith("text/html")
    r = client.get("/dyad", params={"truster": "", "trustee": ""})
    assert r.status_code == 400 and "give two countries" in r.text


def test_dyad_page_shows_assessment_and_ledger(client, sample_db):
    r = client.get("/dyad/IRN/RUS")
    assert r.status_code == 200
    a = client.get("/api/assess/IRN/RUS").json()
    assert f">{a['verdict']}<" in r.text
    ids = [cid for (cid,) in rows(sample_db, "SELECT commitment_id FROM commitments WHERE promisor = 'RUS' "
                                             "AND promisee = 'IRN' ORDER BY made")]
    assert re.findall(r'data-commitment="([^"]+)"', r.text) == ids
    assert '<script src="/static/app.js"></script>' in r.text
    # Charts: figure data as inert JSON blocks, drawn by the app's own copy of plotly.js.
    assert 'id="plot-timeline"' in r.text and 'id="plot-agreement"' in r.text
    assert '<script type="application/json" id="fig-timeline">{' in r.text
    plotly = client.get("/static/plotly.js")
    assert plotly.status_code == 200 and len(plotly.content) > 3_000_000
    js = client.get("/static/app.js")
    assert js.status_code == 200 and "text/javascript" in js.headers["content-type"]
    assert "/ledger/" in js.text and "fetch(" in js.text


def test_ledger_fragment_has_evidence_documents_and_dates(client, sample_db):
    r = client.get("/ledger/c000000000000001")
    assert r.status_code == 200
    evidence = rows(sample_db, "SELECT e.text, d.title, d.date, d.path FROM commitment_evidence e "
                               "JOIN documents d USING (doc_id) WHERE commitment_id = 'c000000000000001'")
    assert len(evidence) == 2
    for text, title, date, path in evidence:
        assert text in r.text and title in r.text and date.isoformat() in r.text and path in r.text
    assert "kept late" in r.text and "400 days" in r.text
    assert client.get("/ledger/c0000000000000ff").status_code == 404


def test_evidence_search(client, sample_db):
    r = client.get("/evidence", params={"q": "FUEL", "truster": "IRN", "trustee": "RUS"})
    assert r.status_code == 200
    (n,) = rows(sample_db, "SELECT count(*) FROM sentences WHERE text ILIKE '%fuel%'")[0]
    hits = re.findall(r'<blockquote class="hit">', r.text)
    assert len(hits) == n > 0
    assert "<mark>fuel</mark>" in r.text
    # LIKE wildcards in the search are literal: '%' matches nothing here.
    assert client.get("/api/evidence", params={"q": "%"}).json() == []
    assert len(client.get("/api/evidence", params={"q": "fuel", "limit": 2}).json()) == 2
    # Only the pair's sentences: no event or commitment between IRN and USA.
    assert client.get("/api/evidence", params={"q": "fuel", "truster": "IRN", "trustee": "USA"}).json() == []


def test_report_page_is_the_self_contained_report(client):
    r = client.get("/report/IRN/RUS")
    assert r.status_code == 200 and "Plotly.newPlot" in r.text
    nonce = re.search(r"script-src 'nonce-([^']+)'", r.headers["content-security-policy"]).group(1)
    assert f'<script nonce="{nonce}">' in r.text


def test_api_mirrors_the_cli(client, sample_db):
    stats = client.get("/api/stats").json()
    assert stats["documents"] == 12 and stats["events"] == 60 and stats["votes"] == 80
    docs = client.get("/api/documents", params={"limit": 5}).json()
    assert len(docs) == 5 and set(docs[0]) >= {"doc_id", "story_id", "title", "date", "source", "path", "sentences"}
    sents = client.get(f"/api/documents/{docs[0]['doc_id']}/sentences").json()
    assert [s["sentence_index"] for s in sents] == [0, 1, 2]
    events = client.get("/api/events", params={"source": "RUS", "target": "IRN"}).json()
    assert len(events) == 30 and all(e["source"]["country"] == "RUS" and e["target"]["country"] == "IRN"
                                     for e in events)
    assert set(events[0]) >= {"event_id", "doc_id", "sentence_index", "text", "date", "date_precision", "source",
                              "target", "cameo", "root", "quad_class", "goldstein", "mode", "quote", "speaker",
                              "negated"}
    both = client.get("/api/events", params={"source": "RUS", "target": "IRN", "both": "true"}).json()
    assert len(both) == 60
    (n4,) = rows(sample_db, "SELECT count(*) FROM events WHERE quad_class = 4")[0]
    assert len(client.get("/api/events", params={"quad_class": 4}).json()) == n4 > 0
    ledger = client.get("/api/ledger", params={"promisor": "RUS", "promisee": "IRN"}).json()
    assert [e["status"] for e in ledger] == ["kept", "kept_late", "broken", "pending", "unknown"]
    assert set(ledger[0]) >= {"commitment_id", "promisor", "promisee", "what", "made", "due", "status",
                              "fulfilled", "delay_days", "evidence", "outcomes"}
    assert [e["status"] for e in client.get("/api/ledger", params={"status": "broken"}).json()] == ["broken"]
    entry = client.get("/api/ledger/c000000000000002").json()
    assert entry["status"] == "broken" and entry["outcomes"][0]["kind"] == "refused"
    a = client.get("/api/assess/IRN/RUS").json()
    assert set(a) >= {"truster", "trustee", "period", "score", "interval", "verdict", "components", "evidence"}
    assert (a["truster"], a["trustee"]) == ("IRN", "RUS")
    cmp = client.get("/api/compare/IRN", params=[("trustee", "RUS"), ("trustee", "USA")]).json()
    assert [c["trustee"] for c in cmp] == ["RUS", "USA"]
    agreement = client.get("/api/agreement/IRN/RUS").json()
    assert sum(r["votes"] for r in agreement) == 40
    assert {r["year"] for r in agreement} == {y for (y,) in rows(sample_db, "SELECT DISTINCT year(date) "
                                                                             "FROM roll_calls")}
    votes = client.get("/api/votes", params={"country": "RUS"}).json()
    assert len(votes) == 40 and {v["vote"] for v in votes} == {"yes", "no"}
    assert client.get("/api/pairs").json()[0] == {"truster": "IRN", "trustee": "RUS", "events": 30,
                                                  "commitments": 5}


def test_openapi_and_local_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/stats", "/api/documents", "/api/events", "/api/ledger", "/api/assess/{truster}/{trustee}",
                 "/api/compare/{truster}", "/api/agreement/{a}/{b}", "/api/votes", "/api/evidence"):
        assert path in spec["paths"], path
    params = {p["name"]: p for p in spec["paths"]["/api/assess/{truster}/{trustee}"]["get"]["parameters"]}
    assert "name or ISO2/ISO3/CAMEO code" in params["truster"]["description"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/assess/{truster}/{trustee}" in docs.text
    # FastAPI's Swagger page would load JS from a CDN: here only the app's own script.
    assert re.findall(r"<script[^>]*>", docs.text) == ['<script src="/static/app.js">']
    assert client.get("/redoc").status_code == 404


@pytest.mark.parametrize("url, where", [
    ("/api/assess/Iranistan/RUS", "path parameter truster"),
    ("/api/assess/IRN/XQZW", "path parameter trustee"),
    ("/api/events?source=R1S", "query parameter source"),
    ("/api/events?since=2020-13-01", "query parameter since"),
    ("/api/events?limit=0", "query parameter limit"),
    ("/api/events?limit=100000", "query parameter limit"),
    ("/api/events?quad_class=5", "query parameter quad_class"),
    ("/api/ledger?status=lost", "query parameter status"),
    ("/api/evidence?q=" + "x" * 201, "query parameter q"),
    ("/api/compare/IRN", "query parameter trustee"),
    ("/api/ledger/bad%20id", "path parameter commitment_id"),
    ("/api/documents/zzzz/sentences", "path parameter doc_id"),
])
def test_bad_parameters_get_clear_422_json(client, url, where):
    r = client.get(url)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["status"] == 422 and body["error"].startswith(f"invalid {where}:"), body
    assert body["detail"][0]["parameter"]


def test_the_json_api_takes_country_names_like_the_cli(client):
    """One resolver everywhere: a name, ISO2 or lower-case code answers as the CAMEO code does."""
    canonical = client.get("/api/assess/IRN/RUS").json()
    for truster, trustee in (("Iran", "Russia"), ("ir", "ru"), ("irn", "rus")):
        assert client.get(f"/api/assess/{truster}/{trustee}").json() == canonical
    named = client.get("/api/compare/Iran", params=[("trustee", "Russia"), ("trustee", "US")]).json()
    assert named == client.get("/api/compare/IRN", params=[("trustee", "RUS"), ("trustee", "USA")]).json()
    assert client.get("/api/events", params={"source": "RUS"}).json()
    assert client.get("/api/events", params={"source": "Russia"}).json() == \
        client.get("/api/events", params={"source": "RUS"}).json()
    r = client.get("/api/assess/Rusia/IRN")
    assert r.status_code == 422 and "Russia (RUS)" in r.json()["error"]


def test_other_client_errors(client):
    r = client.get("/api/compare/IRN", params=[("trustee", "RUS"), ("trustee", "Atlantis")])
    assert r.status_code == 422 and "'Atlantis'" in r.json()["error"]
    r = client.get("/api/events", params={"since": "2001-01-01", "until": "2000-01-01"})
    assert r.status_code == 400 and "after" in r.json()["error"]
    assert client.get("/api/ledger/c0000000000000ff").json() == {"error": "no commitment c0000000000000ff",
                                                                  "status": 404}
    assert client.get("/api/nothing").status_code == 404
    page = client.get("/dyad/irn/russia", params={"since": "2001"}, follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/dyad/IRN/RUS?since=2001"
    page = client.get("/dyad/IRN/Atlantis")
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    assert "trustee &#39;Atlantis&#39; is not a known country" in page.text
    assert client.post("/api/stats").status_code == 405


def test_predecessor_states_count_for_their_successor(sample_db, tmp_path):
    """A Soviet (USR) act toward Iran is part of the IRN–RUS record, as in the assessment."""
    from fastapi.testclient import TestClient

    from trustledger.web.app import create_app

    db = tmp_path / "usr.duckdb"
    db.write_bytes(sample_db.read_bytes())
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO events (event_id, origin, date, source_code, source_country, target_code, "
                "target_country, cameo, root, quad_class, mode) VALUES ('usr1', 'text', DATE '1989-06-22', "
                "'USRGOV', 'USR', 'IRNGOV', 'IRN', '057', '05', 1, 'said')")
    con.close()
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    pair = next(p for p in client.get("/api/pairs").json() if (p["truster"], p["trustee"]) == ("IRN", "RUS"))
    assert pair["events"] == 31
    assert "USR" not in {p["trustee"] for p in client.get("/api/pairs").json()}
    events = client.get("/api/events", params={"source": "RUS", "target": "IRN"}).json()
    assert events[0]["event_id"] == "usr1" and len(events) == 31
    client.app.state.store_pool.close()
