"""Typed store errors (issue 15): missing, busy (naming the holder), not a store; and the
writer-waiting announcement that lets readers give way (issue 12 §5)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import duckdb
import pytest

from trustledger.errors import NotAStore, StoreBusy, StoreError, StoreMissing, UserError
from trustledger.store.db import WAITING_SUFFIX, Store, busy_error, describe_process, waiting_writer

HOLD = textwrap.dedent("""
    import sys
    from trustledger.store.db import Store
    s = Store(sys.argv[1], read_only=sys.argv[2] == "read")
    print("holding", flush=True)
    sys.stdin.readline()
    s.close()
""")


@pytest.fixture
def store_file(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    return path


def hold(path, mode):
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), mode], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "holding"
    return proc


def let_go(proc):
    proc.stdin.write("\n")
    proc.stdin.flush()
    proc.wait(timeout=30)


def test_error_types_are_user_errors():
    for cls in (StoreMissing, StoreBusy, NotAStore):
        assert issubclass(cls, StoreError) and issubclass(cls, UserError)


def test_missing_store(tmp_path):
    with pytest.raises(StoreMissing, match="no store here"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    with pytest.raises(StoreMissing, match="no folder"):
        Store(tmp_path / "no" / "folder" / "s.duckdb")


@pytest.mark.parametrize("make", ["text", "empty", "folder", "other_duckdb"])
def test_not_a_store(tmp_path, make):
    path = tmp_path / "thing.duckdb"
    if make == "text":
        path.write_text("hello, not a database\n" * 100)
    elif make == "empty":
        path.write_bytes(b"")
    elif make == "folder":
        path.mkdir()
    else:
        con = duckdb.connect(str(path))
        con.execute("CREATE TABLE accounts (id INTEGER)")
        con.close()
    for read_only in (True, False):
        with pytest.raises(NotAStore, match="not a trustledger store"):
            Store(path, read_only=read_only)
    if make == "other_duckdb":   # someone else's database is left as it was
        con = duckdb.connect(str(path), read_only=True)
        assert [r[0] for r in con.execute("SHOW TABLES").fetchall()] == ["accounts"]
        con.close()


def test_busy_names_a_writer_holder(store_file):
    proc = hold(store_file, "write")
    try:
        for read_only in (True, False):
            t = time.monotonic()
            with pytest.raises(StoreBusy) as e:
                Store(store_file, read_only=read_only, busy_timeout=0.3)
            assert time.monotonic() - t < 5
            assert e.value.pid == proc.pid and e.value.mode == "writer"
            assert f"(pid {proc.pid}), a writer" in str(e.value)
            assert "store busy: held by" in str(e.value) and str(store_file) in str(e.value)
    finally:
        let_go(proc)


def test_busy_names_a_reader_holder(store_file):
    proc = hold(store_file, "read")
    try:
        with Store(store_file, read_only=True, busy_timeout=0.3):   # readers share the file
            pass
        with pytest.raises(StoreBusy) as e:
            Store(store_file, busy_timeout=0.3)
        assert e.value.pid == proc.pid and e.value.mode == "reader"
        assert f"(pid {proc.pid}), a reader that did not let go within 0.3 s" in str(e.value)
        assert "another trustledger process is writing" not in str(e.value)
    finally:
        let_go(proc)
    with Store(store_file, busy_timeout=0.3):
        pass


def test_holder_is_described_by_its_command():
    assert describe_process(os.getpid())   # this process: its program's name at least
    err = busy_error("s.duckdb", 'IO Error: Could not set lock on file "s.duckdb": Conflicting lock is held in '
                     "/usr/bin/python3 (PID 999999999). However, you would be able to open this database in "
                     "read-only mode, e.g. by using the -readonly parameter in the CLI.", read_only=False)
    assert err.mode == "reader" and err.pid == 999999999 and "python3 (pid 999999999), a reader" in str(err)
    err = busy_error("s.duckdb", "IO Error: Could not set lock on file: something else", read_only=True)
    assert err.holder is None and "held by another process" in str(err)


def test_a_blocked_writer_announces_itself_and_withdraws(store_file):
    proc = hold(store_file, "read")
    seen = []
    try:
        code = ("import sys; from trustledger.store.db import Store\n"
                "try:\n    Store(sys.argv[1], busy_timeout=3).close()\nexcept Exception as e:\n    print(e)\n")
        writer = subprocess.Popen([sys.executable, "-c", code, str(store_file)], stdout=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not seen:
            seen = [w for w in [waiting_writer(store_file)] if w]
            time.sleep(0.05)
        out = writer.communicate(timeout=30)[0]
    finally:
        let_go(proc)
    assert seen and seen[0][0] == writer.pid
    assert "store busy" in out and "a reader" in out
    assert waiting_writer(store_file) is None
    assert not (store_file.parent / (store_file.name + WAITING_SUFFIX)).exists()


def test_a_stale_announcement_is_ignored(store_file):
    marker = store_file.parent / (store_file.name + WAITING_SUFFIX)
    marker.write_text('{"pid": 999999999, "command": "trustledger ingest"}')   # no such process
    assert waiting_writer(store_file) is None
    marker.write_text(f'{{"pid": {os.getpid()}, "command": "trustledger ingest"}}')
    assert waiting_writer(store_file) == (os.getpid(), "trustledger ingest")
    old = time.time() - 60
    os.utime(marker, (old, old))                                                # left by a writer long gone
    assert waiting_writer(store_file) is None
