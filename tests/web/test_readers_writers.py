"""Readers and writers (issue 12 §5): `trustledger ingest` gets into a store that a busy
`trustledger serve` is reading, and the server answers again afterwards."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import duckdb
import httpx

from trustledger.report import sample
from trustledger.web.process import running_server

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def _documents(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()


class Poller(threading.Thread):
    """GET `url` ten times a second until stopped; counts the status codes."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url = url
        self.codes: Counter = Counter()
        self.bodies: list[str] = []
        self.stop = threading.Event()

    def run(self) -> None:
        with httpx.Client(timeout=30) as c:
            while not self.stop.is_set():
                started = time.monotonic()
                try:
                    r = c.get(self.url)
                    self.codes[r.status_code] += 1
                    if r.status_code != 200:
                        self.bodies.append(r.text)
                except httpx.HTTPError as e:
                    self.codes[type(e).__name__] += 1
                self.stop.wait(max(0.0, 0.1 - (time.monotonic() - started)))


def test_ingest_gets_in_while_the_server_is_polled(tmp_path):
    db = sample.build(tmp_path / "busy.duckdb")
    before = _documents(db)
    articles = tmp_path / "articles"
    shutil.copytree(FIXTURES, articles)
    exe = Path(sys.executable).with_name("trustledger")
    with running_server(db, timeout=30) as base:
        poller = Poller(f"{base}/api/stats")
        poller.start()
        try:
            time.sleep(1.0)      # the server is busy before the writer arrives
            started = time.monotonic()
            done = subprocess.run([str(exe), "ingest", str(articles), "--db", str(db)],
                                  capture_output=True, text=True, timeout=300)
            took = time.monotonic() - started
            time.sleep(1.5)
        finally:
            poller.stop.set()
            poller.join(10)
        assert done.returncode == 0, done.stderr
        assert "store busy" not in done.stderr
        # The server answered throughout: 200, or briefly 503 "store busy" while the writer held the file.
        assert set(poller.codes) <= {200, 503}, (poller.codes, poller.bodies[:3])
        assert all("store busy" in b for b in poller.bodies), poller.bodies[:3]
        assert poller.codes[200] > 10
        # ... and recovers afterwards, showing the new documents.
        after = httpx.get(f"{base}/api/stats", timeout=10)
        assert after.status_code == 200
        assert after.json()["documents"] > before
    assert _documents(db) > before
    print(f"ingest under 10 polls/s took {took:.1f} s; responses {dict(poller.codes)}")
