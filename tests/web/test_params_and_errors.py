"""Day parameters (YYYY, YYYY-MM, YYYY-MM-DD only, one parser for CLI, API and pages), error
bodies that never echo a long input, and typed store errors in the web layer (issues 12, 15)."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from fastapi.testclient import TestClient

from trustledger.dates_arg import first_day, last_day, parse_day
from trustledger.errors import UserError
from trustledger.store.db import Store
from trustledger.web.app import create_app

BIG = "9" * 60_000   # httpx refuses URL parts over 64 KiB; the issue used 100 KB


# -- one day parser --------------------------------------------------------------------------
@pytest.mark.parametrize("value, first, last", [
    ("2001-03-04", dt.date(2001, 3, 4), dt.date(2001, 3, 4)),
    ("2001-02", dt.date(2001, 2, 1), dt.date(2001, 2, 28)),
    ("2004-02", dt.date(2004, 2, 1), dt.date(2004, 2, 29)),
    ("2001", dt.date(2001, 1, 1), dt.date(2001, 12, 31)),
])
def test_days_months_and_years(value, first, last):
    assert first_day(value) == first and last_day(value) == last


@pytest.mark.parametrize("value", ["1699920000", "2001-01-01T00:00:00", "2001-01-01T00:00:00Z", "20010101",
                                   "2001-W01-1", "2001-13", "2001-02-30", "01-02-2001", "yesterday", "", "٢٠٠١"])
def test_anything_else_is_refused(value):
    with pytest.raises(UserError, match="is not a date"):
        parse_day(value, "since")
    with pytest.raises(UserError):
        parse_day(dt.datetime(2001, 1, 1), "since")


def test_error_messages_quote_at_most_a_few_characters():
    with pytest.raises(UserError) as e:
        parse_day(BIG, "until")
    assert len(str(e.value)) < 120


def test_the_cli_uses_the_same_parser():
    from trustledger.cli_common import parse_day as cli_day

    assert cli_day("2001", "--since") == dt.date(2001, 1, 1)
    assert cli_day("2001", "--until") == dt.date(2001, 12, 31)
    assert cli_day("2001-02", "--date") == dt.date(2001, 2, 1)
    for bad in ("1699920000", "20010101", "2001-01-01T00:00:00"):
        with pytest.raises(UserError, match="is not a date"):
            cli_day(bad, "--since")


def test_cli_assess_takes_a_year(cli, sample_db, tmp_path):
    db = tmp_path / "cli.duckdb"   # a copy: CLI opens may rebuild derived tables
    db.write_bytes(sample_db.read_bytes())
    r = cli("assess", "IRN", "RUS", "--db", db, "--since", "1999", "--until", "2003", "--format", "json")
    assert r.code == 0, r.stderr
    period = r.json()["period"]
    assert str(period["since"]).startswith("1999-01-01") and str(period["until"]).startswith("2003-12-31")
    r = cli("assess", "IRN", "RUS", "--db", db, "--since", "1699920000")
    assert r.code == 2 and "--since '1699920000' is not a date" in r.stderr


# -- the web app and API ------------------------------------------------------------------------
@pytest.mark.parametrize("value", ["1699920000", "2001-01-01T00:00:00", "2001-01-01T00:00:00Z", "20010101"])
def test_api_refuses_seconds_and_timestamps(client, value):
    r = client.get("/api/events", params={"since": value})
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["error"].startswith("invalid query parameter since: since ") and "is not a date" in body["error"]
    assert "expected YYYY-MM-DD, YYYY-MM or YYYY" in body["error"]
    page = client.get("/dyad/IRN/RUS", params={"until": value})
    assert page.status_code == 422 and "is not a date" in html.unescape(page.text)


def test_api_takes_years_and_months(client):
    events = client.get("/api/events", params={"since": "2001", "until": "2001", "limit": 5000}).json()
    days = {e["date"] for e in events}
    assert days and all(d.startswith("2001-") for d in days)
    every = client.get("/api/events", params={"limit": 5000}).json()
    assert len(events) == sum(1 for e in every if (e["date"] or "").startswith("2001-"))
    a = client.get("/api/assess/IRN/RUS", params={"since": "1999-06", "until": "2003"}).json()
    assert str(a["period"]["since"]).startswith("1999-06-01") and str(a["period"]["until"]).startswith("2003-12-31")
    feb = client.get("/api/votes", params={"since": "2004-02", "until": "2004-02"})
    assert feb.status_code == 200
    r = client.get("/api/events", params={"since": "2002", "until": "2001"})
    assert r.status_code == 400 and "after" in r.json()["error"]


@pytest.mark.parametrize("url, params", [
    ("/api/events", {"since": BIG}),
    ("/api/assess/IRN/RUS", {"until": "x" + BIG}),
    ("/api/evidence", {"q": BIG}),
    ("/api/events", {"limit": BIG}),
    ("/api/events", {"source": BIG}),
    ("/api/compare/IRN", {"trustee": BIG}),
    ("/api/documents", {"story": BIG}),
    ("/api/ledger", {"status": BIG}),
    ("/dyad", {"truster": BIG, "trustee": "RUS"}),
    ("/dyad/IRN/RUS", {"since": BIG}),
    ("/evidence", {"q": BIG}),
])
def test_error_bodies_do_not_echo_long_inputs(client, url, params):
    r = client.get(url, params=params)
    assert r.status_code in (400, 422), (url, r.status_code)
    assert BIG[:150] not in r.text and len(r.content) < 8_000, (url, len(r.content))
    if url.startswith("/api/"):
        body = r.json()
        assert len(body["error"]) <= 400
        for item in body.get("detail", []):
            assert len(str(item.get("input", ""))) <= 100 and len(item["message"]) <= 200


def test_long_paths_are_not_echoed(client):
    for url in ("/nothing/" + "a" * 60_000, "/api/ledger/" + "b" * 60_000, "/api/documents/" + "c" * 60_000
                + "/sentences"):
        r = client.get(url)
        assert 400 <= r.status_code < 500 and len(r.content) < 8_000, (url[:20], r.status_code, len(r.content))


# -- typed store errors --------------------------------------------------------------------------
def test_a_store_that_went_away_is_a_503_not_a_400(sample_db, tmp_path):
    db = tmp_path / "gone.duckdb"
    db.write_bytes(sample_db.read_bytes())
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    assert client.get("/api/stats").status_code == 200
    client.app.state.store_pool.close()
    db.unlink()
    r = client.get("/api/stats")
    assert r.status_code == 503 and r.json()["error"].startswith("store unavailable: no store here"), r.text
    db.write_text("not a database")
    r = client.get("/api/stats")
    assert r.status_code == 503 and "not a trustledger store" in r.json()["error"]
    assert "retry-after" not in r.headers
    db.unlink()
    db.write_bytes(sample_db.read_bytes())   # a store again: the app recovers
    assert client.get("/api/stats").status_code == 200
    client.app.state.store_pool.close()


def test_the_pool_lets_go_when_a_writer_waits(sample_db, tmp_path):
    """An in-process writer waiting for the lock gets it although requests keep arriving."""
    import threading
    import time

    db = tmp_path / "pool.duckdb"
    db.write_bytes(sample_db.read_bytes())
    app = create_app(db)
    pool = app.state.store_pool
    client = TestClient(app, base_url="http://127.0.0.1")
    stop = threading.Event()
    codes = []

    def poll():
        while not stop.is_set():
            codes.append(client.get("/api/stats").status_code)
            time.sleep(0.02)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    time.sleep(0.3)
    assert pool.is_open
    import subprocess
    import sys

    code = ("import sys; from trustledger.store.db import Store\n"
            "s = Store(sys.argv[1], busy_timeout=5); s.close(); print('wrote')")
    t = time.monotonic()
    out = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True, timeout=60)
    waited = time.monotonic() - t
    time.sleep(0.3)
    stop.set()
    poller.join(10)
    assert out.stdout.strip() == "wrote", out.stderr
    assert set(codes) <= {200, 503} and codes[-1] == 200
    assert waited < 5
    pool.close()
    with Store(db, read_only=True) as s:
        assert s.counts()["documents"] == 12
