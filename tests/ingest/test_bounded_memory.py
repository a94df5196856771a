"""Bounded memory for structured imports (issue 17): a file several times larger than the memory limit
loads with every row, a file inserted in several transactions ends exactly like one loaded at once,
and a failure or a killed process in the middle leaves nothing behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from trustledger.errors import InputError, UserError
from trustledger.ingest.pipeline import IngestOptions
from trustledger.ingest.structured import gdelt, limits, loader
from trustledger.store import dyad_days
from trustledger.store.db import Store

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from bench_structured import generate_gdelt2  # noqa: E402


def _gdelt(path: Path, n: int, bad_every: int = 0) -> Path:
    generate_gdelt2(path, n)
    if bad_every:  # every bad_every-th row gets a CAMEO code we do not know: it goes to rejects
        code = gdelt.column_names(2).index("EventCode")
        lines = path.read_text().splitlines()
        for i in range(bad_every - 1, len(lines), bad_every):
            cols = lines[i].split("\t")
            cols[code] = "999"
            lines[i] = "\t".join(cols)
        path.write_text("\n".join(lines) + "\n")
    return path


def _snapshot(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "events": con.execute("SELECT event_id, source_row, source_country, target_country, date, cameo, "
                                  "quad_class, n_copies "
                                  "FROM events ORDER BY event_id").fetchall(),
            "rejects": con.execute("SELECT line, reason FROM rejects ORDER BY line").fetchall(),
            "agg": con.execute("SELECT * FROM agg_dyad_day ORDER BY ALL").fetchall(),
            "meta": con.execute("SELECT * FROM meta WHERE key LIKE 'partial_load:%'").fetchall(),
            "files": con.execute("SELECT rows_loaded, rows_rejected FROM source_files").fetchall(),
        }
    finally:
        con.close()


def test_parse_size() -> None:
    assert limits.parse_size("300MB") == 300_000_000
    assert limits.parse_size("1 GiB") == 2**30
    assert limits.parse_size("50%") == limits.physical_memory() // 2
    assert limits.chunk_rows(10**6) == limits.MIN_CHUNK_ROWS
    assert limits.chunk_rows(4 * 10**9) == 4 * 10**9 // limits.BYTES_PER_EVENT
    with pytest.raises(UserError):
        limits.parse_size("lots")


def test_memory_limit_comes_back_after_an_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _gdelt(tmp_path / "20240101.export.CSV", 2_000)
    monkeypatch.setenv(limits.ENV, "200MB")
    with Store(tmp_path / "s.duckdb") as store:
        before = store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        seen = []
        real = limits.memory_limit

        def spy(con, limit):
            seen.append(limit)
            return real(con, limit)

        monkeypatch.setattr(limits, "memory_limit", spy)
        gdelt.import_gdelt2(store, path, IngestOptions())
        assert seen == [200_000_000]
        assert store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0] == before
        # DuckDB spills beside the store
        assert store.con.execute("SELECT current_setting('temp_directory')").fetchone()[0] == str(store.path) + ".tmp"


@pytest.mark.parametrize("dedupe", [False, True])
def test_insert_in_parts_equals_one_transaction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                dedupe: bool) -> None:
    path = _gdelt(tmp_path / "20240101.export.CSV", 5_000, bad_every=97)
    opts = IngestOptions(dedupe_events=dedupe)
    with Store(tmp_path / "one.duckdb") as store:
        one = gdelt.import_gdelt2(store, path, opts)
    monkeypatch.setattr(limits, "chunk_rows", lambda limit: 1_200)
    parts = []
    real_commit = loader.FileLoad.commit_part

    def counting(self):
        parts.append(1)
        real_commit(self)

    monkeypatch.setattr(loader.FileLoad, "commit_part", counting)
    with Store(tmp_path / "parts.duckdb") as store:
        many = gdelt.import_gdelt2(store, path, opts)
        assert dyad_days.fresh(store)
    assert len(parts) >= 3
    assert (many.rows, many.rejected, many.events) == (one.rows, one.rejected, one.events)
    assert many.rejected > 0
    assert _snapshot(tmp_path / "parts.duckdb") == _snapshot(tmp_path / "one.duckdb")


def test_failure_in_a_later_part_leaves_the_store_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _gdelt(tmp_path / "20240101.export.CSV", 5_000, bad_every=97)
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        gdelt.import_gdelt2(store, _gdelt(tmp_path / "20230101.export.CSV", 300), IngestOptions())
    before = _snapshot(db)
    monkeypatch.setattr(limits, "chunk_rows", lambda limit: 1_200)
    real_commit = loader.FileLoad.commit_part

    def failing(self):
        if self.parts == 2:
            raise duckdb.IOException("disk full (simulated)")
        real_commit(self)

    monkeypatch.setattr(loader.FileLoad, "commit_part", failing)
    with Store(db) as store, pytest.raises(InputError, match="disk full"):
        gdelt.import_gdelt2(store, path, IngestOptions())
    assert _snapshot(db) == before


def test_a_killed_load_is_cleared_and_completed_on_the_next_run(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = _gdelt(tmp_path / "20240101.export.CSV", 5_000, bad_every=97)
    with Store(tmp_path / "one.duckdb") as store:
        gdelt.import_gdelt2(store, path, IngestOptions())
    db = tmp_path / "s.duckdb"
    monkeypatch.setattr(limits, "chunk_rows", lambda limit: 1_200)
    real_commit = loader.FileLoad.commit_part

    def dying(self):
        if self.parts == 2:
            raise KeyboardInterrupt  # the process dies here: nothing cleans up after it
        real_commit(self)

    with monkeypatch.context() as m:
        m.setattr(loader.FileLoad, "commit_part", dying)
        m.setattr(loader, "remove_parts", lambda store, file_id: None)
        with Store(db) as store, pytest.raises(KeyboardInterrupt):
            gdelt.import_gdelt2(store, path, IngestOptions())
    left = _snapshot(db)
    assert left["meta"] and left["events"] and not left["files"]
    with Store(db) as store:
        r = gdelt.import_gdelt2(store, path, IngestOptions())
        assert dyad_days.fresh(store)
    assert r.status == "loaded"
    assert _snapshot(db) == _snapshot(tmp_path / "one.duckdb")


#: Runs the command and reports its own peak resident memory on stderr's last line.
_PEAK = """import sys
from trustledger.cli import main
try:
    main()
finally:
    # VmHWM, the high-water mark of this program's own memory: ru_maxrss would start from the
    # parent's resident set at the fork (the whole test process), and Linux keeps it across exec.
    print(next(int(l.split()[1]) * 1024 for l in open("/proc/self/status") if l.startswith("VmHWM:")),
          file=sys.stderr)
"""


@pytest.mark.slow
def test_cli_loads_a_file_larger_than_its_memory_limit(tmp_path: Path) -> None:
    """The real command with a 100 MB limit on a 180 MB file (1,000,000 GDELT 2.0 rows, inserted in parts):
    every row arrives, and the process stays far below what loading it at once takes (~940 MB)."""
    n = 1_000_000
    path = _gdelt(tmp_path / "20240101000000.export.CSV", n)
    assert path.stat().st_size > 1.7 * 10**8
    db = tmp_path / "s.duckdb"
    p = subprocess.run(
        [sys.executable, "-c", _PEAK, "ingest", str(path), "--db", str(db), "--no-code", "--memory-limit", "100MB"],
        capture_output=True, text=True, cwd=ROOT, timeout=1200)
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stdout == ""
    peak = int(p.stderr.strip().splitlines()[-1])
    # Python and its libraries (~140 MB) + DuckDB near its limit: 240 MB measured idle; loading the file at
    # once takes ~940 MB.
    assert peak < 400 * 2**20, f"peak {peak / 2**20:.0f} MB"
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*), count(DISTINCT source_row) FROM events").fetchone() == (n, n)
        assert con.execute("SELECT count(*) FROM meta WHERE key LIKE 'partial_load:%'").fetchone()[0] == 0
    finally:
        con.close()


def test_cli_refuses_a_bad_memory_limit(tmp_path: Path) -> None:
    path = _gdelt(tmp_path / "20240101000000.export.CSV", 100)
    p = subprocess.run(
        [str(Path(sys.executable).with_name("trustledger")), "ingest", str(path), "--db", str(tmp_path / "s.duckdb"),
         "--no-code", "--memory-limit", "plenty"],
        capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert p.returncode != 0
    assert "memory limit 'plenty'" in p.stderr
