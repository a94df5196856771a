"""Issue 7 for the web app: escaping everywhere, loopback only, no request path reaches the
filesystem, strict headers, and a clear 503 (never corruption) while a writer holds the store."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import httpx
import pytest

from trustledger.store.db import Store

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(1)>"
PAGES = ["/", "/dyad/IRN/RUS", "/ledger/c000000000000000", "/evidence?q=alert", "/evidence?q=fuel&truster=IRN",
         "/report/IRN/RUS", "/dyad/RUS/IRN"]


def assert_inert(body: str, url: str) -> None:
    assert HOSTILE not in body, url
    assert "<img src=x" not in body, url
    assert not re.search(r"<[a-z][^>]*\sonerror\s*=", body, re.I), url
    assert not re.search(r"<script>\s*alert", body), url


@pytest.mark.parametrize("url", PAGES)
def test_pages_escape_store_text(client, url):
    r = client.get(url)
    assert r.status_code == 200
    assert_inert(r.text, url)


def test_payload_is_shown_as_text(client):
    for url in ("/dyad/IRN/RUS", "/ledger/c000000000000000", "/evidence?q=alert"):
        assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in client.get(url).text
    # The JSON API returns the text as data (a JSON string), which is not HTML.
    r = client.get("/api/ledger/c000000000000000")
    assert r.headers["content-type"].startswith("application/json") and HOSTILE in r.json()["what"]


def test_error_pages_escape_the_request(client):
    r = client.get("/dyad/%3Cscript%3E/RUS")
    assert r.status_code == 400 and "<script>" not in r.text.split("<main>")[1]
    r = client.get("/evidence", params={"q": "<img src=x onerror=alert(1)>"})
    assert r.status_code == 200 and "<img src=x" not in r.text and 'value="&lt;img src=x' in r.text


def test_security_headers(client):
    for url in ("/", "/dyad/IRN/RUS", "/api/stats", "/nothing"):
        h = client.get(url).headers
        assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY"
        csp = h["content-security-policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in client.get("/").headers["content-security-policy"]


@pytest.mark.parametrize("host, ok", [("127.0.0.1:8000", True), ("localhost", True), ("[::1]:8000", True),
                                      ("evil.example", False), ("127.0.0.1.evil.example", False), ("", False)])
def test_only_loopback_host_names(client, host, ok):
    r = client.get("/api/stats", headers={"host": host})
    assert (r.status_code == 200) is ok, (host, r.status_code)
    if not ok:
        assert r.status_code == 400 and r.json()["error"] == "invalid Host header"


@pytest.mark.parametrize("url", [
    "/static/../../../../etc/passwd", "/static/..%2f..%2f..%2fetc%2fpasswd", "/static/app.js/../../pyproject.toml",
    "/ledger/..%2f..%2fetc%2fpasswd", "/api/ledger/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/api/documents/..%2f..%2fetc%2fpasswd/sentences", "/api/documents?story=../../etc/passwd",
    "/report/..%2f/etc", "/api/votes?rcid=/etc/passwd", "/SECRET_FILE",
])
def test_no_request_path_reaches_the_filesystem(client, url, tmp_path, monkeypatch):
    secret = tmp_path / "SECRET_FILE"
    secret.write_text("root:x:0:0 top secret")
    monkeypatch.chdir(tmp_path)
    opened: list[str] = []
    import builtins

    real_open = builtins.open

    def spy(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    r = client.get(url.replace("SECRET_FILE", str(secret).lstrip("/")) if "SECRET" in url else url)
    assert 400 <= r.status_code < 500, (url, r.status_code)
    assert "root:x" not in r.text and "top secret" not in r.text and "[project]" not in r.text
    assert not [f for f in opened if "passwd" in f or "SECRET" in f or "pyproject" in f], opened


def test_serve_binds_loopback_by_default():
    import inspect

    from trustledger.commands.serve import serve

    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"


def test_serve_without_a_store_is_one_line(cli, tmp_path):
    r = cli("serve", "--db", tmp_path / "none.duckdb", "--port", "1")
    assert r.code == 2 and r.stderr.strip().count("\n") == 0 and "no store here" in r.stderr


HOLD_WRITER = textwrap.dedent("""
    import sys, time
    from trustledger.store.db import Store
    s = Store(sys.argv[1])
    s.con.execute("CREATE TABLE IF NOT EXISTS writer_was_here (x INTEGER)")
    print("holding", flush=True)
    sys.stdin.readline()
    s.close()
""")


def test_store_busy_is_a_clear_503_and_reads_resume(sample_db, tmp_path):
    """A writer process holds the store: requests get 503 'store busy'; afterwards reads work and the
    store is intact (same row counts)."""
    from fastapi.testclient import TestClient

    from trustledger.web.app import create_app

    db = tmp_path / "busy.duckdb"
    db.write_bytes(sample_db.read_bytes())
    with Store(db, read_only=True) as s:
        before = s.counts()
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    writer = subprocess.Popen([sys.executable, "-c", HOLD_WRITER, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "holding"
        t = time.monotonic()
        r = client.get("/api/stats")
        assert r.status_code == 503 and r.headers["retry-after"] == "1"
        assert r.json()["error"].startswith("store busy")
        assert time.monotonic() - t < 5
        page = client.get("/dyad/IRN/RUS")
        assert page.status_code == 503 and "Store busy" in page.text
    finally:
        writer.stdin.write("\n")
        writer.stdin.flush()
        writer.wait(timeout=30)
    r = client.get("/api/stats")
    assert r.status_code == 200 and r.json() == before


def test_real_ingest_of_a_hostile_document(cli, tmp_path):
    """A document ingested by the real pipeline with script payloads in its title and text."""
    doc = tmp_path / "hostile.md"
    doc.write_text("---\ntitle: Moscow talks " + HOSTILE + "\ndate: 2001-03-12\n---\n"
                   "Russia pledged to deliver fuel to Iran. " + HOSTILE + " was in the wire copy.\n"
                   "Officials met in Moscow on Monday.\n", encoding="utf-8")
    db = tmp_path / "ingested.duckdb"
    r = cli("ingest", doc, "--db", db)
    assert r.code == 0, r.stderr
    from fastapi.testclient import TestClient

    from trustledger.web.app import create_app

    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    docs = client.get("/api/documents").json()
    assert len(docs) == 1 and HOSTILE in docs[0]["title"]
    page = client.get("/evidence", params={"q": "onerror"})
    assert page.status_code == 200 and page.text.count('class="hit"') >= 1
    assert_inert(page.text, "/evidence")
    assert "Moscow talks &lt;script&gt;" in page.text
    for url in ("/", "/evidence?q=Russia"):
        assert_inert(client.get(url).text, url)
    out = tmp_path / "r.html"
    assert cli("report", "IRN", "RUS", "--db", db, "--html", out).code == 0
    assert_inert(out.read_text(encoding="utf-8"), "report")


def test_server_answers_only_on_loopback(server):
    """The real `trustledger serve` process: reachable on 127.0.0.1, and its Host check applies."""
    assert httpx.get(server + "/api/stats").status_code == 200
    assert httpx.get(server + "/api/stats", headers={"host": "attacker.example"}).status_code == 400
    port = int(server.rsplit(":", 1)[1])
    listening = Path("/proc/net/tcp").read_text().splitlines()[1:]
    local = [line.split()[1] for line in listening if line.split()[3] == "0A"]  # state LISTEN
    assert f"0100007F:{port:04X}" in local and f"00000000:{port:04X}" not in local


def test_idle_app_lets_a_writer_in_and_then_reads_the_new_rows(sample_db, tmp_path):
    """The app holds the store only while requests are in flight (plus a short grace): afterwards a
    writer can write, and the next requests see the new rows (nothing remembered from before)."""
    from fastapi.testclient import TestClient

    from trustledger.web.app import create_app

    db = tmp_path / "live.duckdb"
    db.write_bytes(sample_db.read_bytes())
    app = create_app(db)
    client = TestClient(app, base_url="http://127.0.0.1")
    before = client.get("/api/assess/IRN/RUS").json()["components"]["commitments"]["n"]
    assert len(client.get("/api/ledger", params={"promisor": "RUS"}).json()) == before == 5
    deadline = time.monotonic() + 5
    while True:   # the pool closes its connection 0.5 s after the last request
        try:
            writer = Store(db, busy_timeout=0.1)
            break
        except Exception:
            assert time.monotonic() < deadline, "the idle app still holds the store"
            time.sleep(0.1)
    with writer, writer.transaction() as con:
        con.execute("INSERT INTO commitments (commitment_id, origin, promisor, promisee, kind, what, made) "
                    "VALUES ('cnew', 'text', 'RUS', 'IRN', 'deliver', 'a new promise', DATE '2010-01-01')")
        con.execute("INSERT INTO ledger (commitment_id, status) VALUES ('cnew', 'kept')")
    ledger = client.get("/api/ledger", params={"promisor": "RUS"}).json()
    assert [e["commitment_id"] for e in ledger].count("cnew") == 1
    assert client.get("/api/assess/IRN/RUS").json()["components"]["commitments"]["n"] == before + 1
    app.state.store_pool.close()


def test_serve_on_a_taken_port_is_one_line(cli, sample_db):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        r = cli("serve", "--db", sample_db, "--port", s.getsockname()[1])
    assert r.code == 2 and r.stderr.strip().count("\n") == 0
    assert r.stderr.startswith("error: cannot listen on 127.0.0.1:") and "in use" in r.stderr
