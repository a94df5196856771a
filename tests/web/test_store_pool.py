"""The web app's store pool and memo: the connection is let go when idle or when a writer waits;
an expensive result is computed once for concurrent requests."""

from __future__ import annotations

import json
import os
import threading
import time

import pytest

from trustledger.errors import StoreBusy
from trustledger.store.db import WAITING_SUFFIX
from trustledger.web.deps import Memo, StorePool


def test_memo_computes_once_for_concurrent_requests():
    memo = Memo(("sig",))
    calls = []
    start = threading.Barrier(8)

    def compute():
        calls.append(1)
        time.sleep(0.2)
        return 42

    results = []

    def worker():
        start.wait()
        results.append(memo.get(("assess", "IRN", "RUS"), compute))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    [t.start() for t in threads]
    [t.join(10) for t in threads]
    assert results == [42] * 8 and len(calls) == 1


def test_memo_a_failed_computation_is_not_remembered():
    memo = Memo(("sig",))
    with pytest.raises(RuntimeError):
        memo.get(("k",), lambda: (_ for _ in ()).throw(RuntimeError("boom")))
    assert memo.get(("k",), lambda: 7) == 7


def test_pool_closes_when_idle_and_when_a_writer_waits(sample_db, tmp_path):
    db = tmp_path / "p.duckdb"
    db.write_bytes(sample_db.read_bytes())
    pool = StorePool(db, idle_seconds=0.2, busy_wait=0.3)
    s = pool.acquire()
    assert s.counts()["documents"] == 12 and pool.is_open
    pool.release(s)
    time.sleep(0.5)
    assert not pool.is_open                       # idle: the file is free
    s = pool.acquire()
    marker = db.parent / (db.name + WAITING_SUFFIX)
    marker.write_text(json.dumps({"pid": os.getpid(), "command": "trustledger ingest"}))
    try:
        with pytest.raises(StoreBusy) as e:       # no new request while a writer waits ...
            pool.acquire()
        assert e.value.reason.startswith(f"store busy: trustledger ingest (pid {os.getpid()})")
        assert pool.is_open                       # ... the request in flight goes on ...
        assert s.counts()["documents"] == 12
        pool.release(s)
        assert not pool.is_open                   # ... and the file is let go as it ends
    finally:
        marker.unlink()
    s = pool.acquire()
    pool.release(s)
    pool.close()
