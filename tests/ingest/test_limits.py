"""Resource limits of article ingest (issue 12): a gzip bomb, a huge text file and a huge JSON Lines
record are refused early, in bounded memory, with one line naming the file; the store is left as before.

Peak memory is measured on the real console script in a child process (its own `ru_maxrss`, from
`os.wait4`), with a watchdog that kills it long before it could exhaust the machine.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.conftest import Result

MB = 2**20
GB = 2**30
#: Ingest's peak memory must stay under this for any input.
MEMORY_BOUND = 1 * GB
#: The watchdog kills a child above this (the test then fails on the figure, not on the machine).
KILL_ABOVE = 3 * GB

GOOD_MD = "---\ntitle: Good\ndate: 2015-04-13\n---\nPutin lifted the ban on S-300 sales to Iran.\n"


def _rss(pid: int, field: str = "VmRSS") -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_measured(*args: object, timeout: float = 600) -> tuple[Result, int, float]:
    """The `trustledger` console script in a child process: (result, peak RSS in bytes, seconds)."""
    exe = Path(sys.executable).with_name("trustledger")
    env = dict(os.environ, TRUSTLEDGER_DEBUG="")
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        p = subprocess.Popen([str(exe), *map(str, args)], stdout=out, stderr=err, env=env)
        peak = 0
        while True:
            # the high-water mark of the program itself (VmHWM restarts at exec), not ru_maxrss, which
            # also counts the pages the child shared with this (large) test process before exec
            peak = max(peak, _rss(p.pid, "VmHWM"))
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if _rss(p.pid) > KILL_ABOVE or time.monotonic() - start > timeout:
                p.kill()
            time.sleep(0.02)
        seconds = time.monotonic() - start
        p.returncode = os.waitstatus_to_exitcode(status)  # reaped here; Popen must not wait again
        out.seek(0)
        err.seek(0)
        result = Result(p.returncode, out.read().decode(errors="replace"), err.read().decode(errors="replace"))
    return result, peak, seconds


def _error_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.startswith("error:")]


def _gzip_of_repeats(path: Path, unit: bytes, total: int) -> None:
    """A gzip file expanding to `total` bytes of `unit` repeated: one compressed member of 1 MB,
    written again and again (gzip readers join members), so it is made in no time and memory."""
    block = unit * max(1, MB // len(unit))
    member = gzip.compress(block, 9)
    with open(path, "wb") as f:
        for _ in range(-(-total // len(block))):
            f.write(member)


@pytest.fixture
def store_with_one_document(cli, db, tmp_path) -> Path:
    good = tmp_path / "good.md"
    good.write_text(GOOD_MD)
    assert cli("ingest", good, "--db", db, "--no-code").code == 0
    return db


def _stats(cli, db) -> dict:
    return cli("stats", "--db", db, "--format", "json").json()


def test_gzip_bomb_is_refused_while_streaming(cli, store_with_one_document, tmp_path):
    """1 GB of JSON Lines in a 1 MB gzip: refused once 200 MB have been unpacked, in bounded memory."""
    db = store_with_one_document
    before = _stats(cli, db)
    record = (json.dumps({"text": "Russia and Iran signed another agreement on energy cooperation."}) + "\n").encode()
    bomb = tmp_path / "bomb.jsonl.gz"
    _gzip_of_repeats(bomb, record, 1 * GB)
    assert bomb.stat().st_size < 10 * MB
    r, peak, seconds = run_measured("ingest", bomb, "--db", db, "--no-code")
    assert r.code == 1, r.stderr
    assert "Traceback" not in r.stderr
    assert _error_lines(r.stderr) == [f"error: {bomb}: expands to more than 200 MB (the limit for article ingest)"]
    assert peak < MEMORY_BOUND, f"peak RSS {peak / MB:.0f} MB"
    assert _stats(cli, db) == before


def test_gzipped_single_document_bomb_stops_at_the_document_limit(cli, store_with_one_document, tmp_path):
    """2 GB of text in a .txt.gz: one article can hold at most MAX_DOC_CHARS, so unpacking stops early."""
    db = store_with_one_document
    before = _stats(cli, db)
    bomb = tmp_path / "bomb.txt.gz"
    _gzip_of_repeats(bomb, b"Russia and Iran signed another agreement on energy cooperation today.\n", 2 * GB)
    r, peak, seconds = run_measured("ingest", bomb, "--db", db, "--no-code")
    assert r.code == 1, r.stderr
    lines = _error_lines(r.stderr)
    assert len(lines) == 1 and lines[0].startswith(f"error: {bomb}: document too long (expands to more than")
    assert peak < MEMORY_BOUND, f"peak RSS {peak / MB:.0f} MB"
    assert seconds < 60
    assert _stats(cli, db) == before


def test_huge_text_file_is_refused_before_it_is_read(cli, store_with_one_document, tmp_path):
    """A 150 MB text file: `document too long` in one line, peak memory far under 1 GB."""
    db = store_with_one_document
    before = _stats(cli, db)
    big = tmp_path / "big.txt"
    chunk = b"Russia and Iran signed another agreement on energy cooperation in Moscow today.\n" * 10_000
    with big.open("wb") as f:
        while f.tell() < 150 * MB:
            f.write(chunk)
    r, peak, seconds = run_measured("ingest", big, "--db", db)
    assert r.code == 1, r.stderr
    assert "Traceback" not in r.stderr
    lines = _error_lines(r.stderr)
    assert len(lines) == 1 and lines[0].startswith(f"error: {big}: document too long"), r.stderr
    assert "split it into articles" in lines[0]
    assert peak < MEMORY_BOUND, f"peak RSS {peak / MB:.0f} MB"
    assert _stats(cli, db) == before


def test_jsonl_streams_one_line_at_a_time(cli, store_with_one_document, tmp_path):
    """A 150 MB JSON Lines file whose second record is one 150 MB line: that record is rejected,
    the others load, and the huge line is never held in memory."""
    db = store_with_one_document
    f = tmp_path / "wire.jsonl"
    with f.open("w") as out:
        out.write(json.dumps({"text": "Russia delivered the S-300 to Iran.", "title": "first"}) + "\n")
        out.write('{"title": "huge", "text": "')
        piece = "Iran and Russia met in Moscow. " * 10_000
        while out.tell() < 150 * MB:
            out.write(piece)
        out.write('"}\n')
        out.write(json.dumps({"text": "Iran paid Russia for the fuel.", "title": "third"}) + "\n")
    r, peak, seconds = run_measured("ingest", f, "--db", db, "--no-code")
    assert r.code == 1, r.stderr  # rows were rejected
    assert not _error_lines(r.stderr), r.stderr
    assert "1 record(s) rejected, first at line 2: record too long" in r.stderr
    assert peak < MEMORY_BOUND, f"peak RSS {peak / MB:.0f} MB"
    titles = {d["title"] for d in cli("documents", "--db", db, "--format", "json").json()}
    assert {"first", "third"} <= titles and "huge" not in titles
    rejects = cli("rejects", "--db", db, "--format", "json").json()
    assert [(x["line"], x["reason"].split(" (")[0]) for x in rejects] == [(2, "record too long")]


def test_one_oversized_jsonl_record_is_rejected_alone(cli, db, tmp_path):
    from trustledger.ingest.pipeline import MAX_DOC_CHARS

    f = tmp_path / "mixed.jsonl"
    long_text = "Iran and Russia met in Moscow. " * (MAX_DOC_CHARS // 31 + 10)
    lines = [
        {"text": "Russia delivered the S-300 to Iran.", "title": "one"},
        {"text": long_text, "title": "too long"},
        {"text": "Putin lifted the ban on S-300 sales to Iran.", "title": "three"},
    ]
    f.write_text("".join(json.dumps(x) + "\n" for x in lines))
    r = cli("ingest", f, "--db", db, "--no-code")
    assert r.code == 1 and "Traceback" not in r.stderr
    assert f"1 record(s) rejected, first at line 2: document too long ({len(long_text.strip()):,} characters > " \
           f"{MAX_DOC_CHARS:,})" in r.stderr
    titles = {d["title"] for d in cli("documents", "--db", db, "--format", "json").json()}
    assert titles == {"one", "three"}
    rejects = cli("rejects", "--db", db, "--format", "json").json()
    assert [x["line"] for x in rejects] == [2]
    assert rejects[0]["path"] == str(f)
    # loading it again adds nothing and keeps one reject
    cli("ingest", f, "--db", db, "--no-code")
    assert len(cli("rejects", "--db", db, "--format", "json").json()) == 1
    assert len(cli("documents", "--db", db, "--format", "json").json()) == 2


def test_gzipped_jsonl_streams_and_keeps_its_file_identity(cli, db, tmp_path):
    """A .jsonl.gz loads through the streaming reader; the same content unzipped is the same file."""
    body = "".join(json.dumps({"text": f"Russia delivered {n} S-300 batteries to Iran.", "title": f"t{n}"}) + "\n"
                   for n in range(1, 4)).encode()
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(body))
    r = cli("ingest", tmp_path / "a.jsonl.gz", "--db", db, "--no-code")
    assert r.code == 0, r.stderr
    assert len(cli("documents", "--db", db, "--format", "json").json()) == 3
    (tmp_path / "b.jsonl").write_bytes(body)
    r = cli("ingest", tmp_path / "b.jsonl", "--db", db, "--no-code")
    assert r.code == 0 and "1 unchanged" in r.stderr, r.stderr


def test_jsonl_encodings_and_bad_bytes(cli, db, tmp_path):
    """Streaming keeps decode()'s rules: UTF-16 with a BOM loads, invalid UTF-8 is one line with its place."""
    rec = json.dumps({"text": "Russia delivered the fuel to Bushehr.", "title": "utf16"}, ensure_ascii=False)
    (tmp_path / "u16.jsonl").write_bytes((rec + "\n").encode("utf-16"))
    (tmp_path / "bad.jsonl").write_bytes(b'{"text": "ok ok"}\n{"text": "caf\xe9 talks"}\n')
    (tmp_path / "blank.jsonl").write_bytes(b"\n   \n")
    r = cli("ingest", tmp_path, "--db", db, "--no-code")
    lines = {Path(ln.split(":")[1].strip()).name: ln for ln in _error_lines(r.stderr)}
    assert "not valid UTF-8 (byte 0xe9 on line 2" in lines["bad.jsonl"]
    assert "no text (only white space)" in lines["blank.jsonl"]
    assert "u16.jsonl" not in lines
    titles = {d["title"] for d in cli("documents", "--db", db, "--format", "json").json()}
    assert titles == {"utf16"}


def test_deeply_nested_html_falls_back_to_plain_text(cli, db, tmp_path):
    """2,000 nested elements defeat lxml's depth limit (and so trafilatura): the plain-text fallback
    still finds the article, and leaves scripts and styles out."""
    depth = 2000
    sentence = "Russia agreed to deliver the S-300 missile system to Iran in 2016 after years of delay."
    html = ("<!DOCTYPE html><html><head><title>Deep page</title><style>p { margin: 0 }</style>"
            "<script>track();</script></head><body>" + "<div>" * depth + f"<p>{sentence}</p>"
            + "<p>Officials in Moscow confirmed it on Tuesday.</p>" + "</div>" * depth + "</body></html>")
    f = tmp_path / "deep.html"
    f.write_text(html)
    r = cli("ingest", f, "--db", db, "--no-code")
    assert r.code == 0, r.stderr
    docs = cli("documents", "--db", db, "--format", "json").json()
    assert len(docs) == 1 and docs[0]["title"] == "Deep page"
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    text = con.execute("SELECT text FROM documents").fetchone()[0]
    con.close()
    assert sentence in text and "Officials in Moscow" in text
    assert "track()" not in text and "margin" not in text


def test_big_html_is_measured_before_trafilatura(cli, db, tmp_path):
    """HTML over MAX_DOC_CHARS characters is scanned first: too much text is refused in one line, and a
    page of very many elements is read plainly (trafilatura's time grows faster than such a page)."""
    from trustledger.ingest.articles import HTML_MAX_ELEMENTS
    from trustledger.ingest.pipeline import MAX_DOC_CHARS

    wordy = tmp_path / "wordy.html"
    para = "<p>Russia agreed to deliver the S-300 missile system to Iran after years of delay.</p>\n"
    wordy.write_text("<html><body>" + para * (MAX_DOC_CHARS // 80 + 5000) + "</body></html>")
    busy = tmp_path / "busy.html"
    busy.write_text("<html><head><title>Busy page</title></head><body><article><p>" + para + "</p></article>"
                    + "<div><span></span></div>" * (HTML_MAX_ELEMENTS // 2 + 10) + "</body></html>")
    r = cli("ingest", wordy, busy, "--db", db, "--no-code")
    lines = _error_lines(r.stderr)
    assert len(lines) == 1 and lines[0].startswith(f"error: {wordy}: document too long (about "), r.stderr
    docs = cli("documents", "--db", db, "--format", "json").json()
    assert [d["title"] for d in docs] == ["Busy page"]


def test_a_long_accepted_document_is_stored_in_bounded_memory(cli, db, tmp_path):
    """A document well over the parser's comfortable size (400,000 characters, about 5,000 sentences)
    is parsed in pieces and coded linearly: stored whole, every sentence kept, under 1 GB."""
    para = ("Russia and Iran signed another agreement on energy cooperation in Moscow on Tuesday. "
            "Officials said the deal would be implemented next year.\n\n")
    big = tmp_path / "long-report.txt"
    big.write_text("Long report\n\n" + para * (400_000 // len(para)), encoding="utf-8")
    r, peak, seconds = run_measured("ingest", big, "--db", db, "--no-progress")
    assert r.code == 0, r.stderr
    assert peak < GB, f"peak {peak / 2**20:.0f} MB"
    stats = _stats(cli, db)
    assert stats["documents"] == 1 and stats["sentences"] > 5000
