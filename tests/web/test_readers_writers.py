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


def test_busy_message_names_the_server_and_the_cli_prints_one_line(tmp_path):
    """Who holds the store is said by command and pid: the server as "trustledger serve (pid N)"."""
    from trustledger.store.db import busy_error, describe_process
    from trustledger.web.process import free_port, start_server, stop_server

    db = sample.build(tmp_path / "named.duckdb")
    proc = start_server(db, free_port(), timeout=30)
    try:
        assert describe_process(proc.pid) == "trustledger serve"
        text = (f'IO Error: Could not set lock on file "{db}": Conflicting lock is held in /usr/bin/python3 '
                f"(PID {proc.pid}). However, you would be able to open this database in read-only mode")
        assert f"store busy: held by trustledger serve (pid {proc.pid}), a reader" in str(busy_error(str(db), text,
                                                                                                   False))
    finally:
        stop_server(proc)
    hold = ("import sys; from trustledger.store.db import Store\n"
            "s = Store(sys.argv[1]); print('holding', flush=True); sys.stdin.readline()")
    writer = subprocess.Popen([sys.executable, "-c", hold, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    try:
        assert writer.stdout.readline().strip() == "holding"
        exe = Path(sys.executable).with_name("trustledger")
        r = subprocess.run([str(exe), "stats", "--db", str(db)], capture_output=True, text=True, timeout=60)
    finally:
        writer.stdin.write("\n")
        writer.stdin.flush()
        writer.wait(timeout=30)
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert "store busy: held by python" in r.stderr and f"(pid {writer.pid}), a writer" in r.stderr
