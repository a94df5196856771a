"""The progress bar by bytes for structured imports (issue 17): it reaches the files' total size, it
advances while DuckDB reads (from `query_progress`), it stops on a failing file, and stdout stays
clean (DuckDB's own bar never prints)."""

from __future__ import annotations

import io
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from rich.console import Console

from trustledger.ingest.pipeline import IngestOptions, Ingestor
from trustledger.ingest.structured import loader
from trustledger.ingest.structured import progress as progress_mod
from trustledger.store.db import Store

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from bench_structured import generate_gdelt2  # noqa: E402


class _Recording(progress_mod.ByteProgress):
    """A byte bar that keeps every value it was set to."""

    made: list[_Recording] = []

    def __init__(self, progress, total):
        super().__init__(progress, total)
        self.values: list[float] = []
        self.descriptions: list[str] = []
        real = progress.update

        def update(task, **kw):
            if task == self.task:
                if "completed" in kw:
                    self.values.append(kw["completed"])
                if "description" in kw:
                    self.descriptions.append(kw["description"])
            real(task, **kw)

        progress.update = update
        _Recording.made.append(self)


def _run(tmp_path: Path, paths: list[Path], monkeypatch: pytest.MonkeyPatch, show: bool = True):
    _Recording.made.clear()
    monkeypatch.setattr(progress_mod, "ByteProgress", _Recording)
    monkeypatch.setattr(progress_mod, "POLL_SECONDS", 0.01)
    console = Console(file=io.StringIO(), force_terminal=True, width=100)
    with Store(tmp_path / "s.duckdb") as store:
        report = Ingestor(store, IngestOptions(code=False, progress=show), console).run([str(p) for p in paths])
        assert store.con.execute("SELECT current_setting('enable_progress_bar')").fetchone()[0] is False
    return report, _Recording.made


def test_bar_reaches_the_total_bytes_of_the_structured_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = tmp_path / "20240101000000.export.CSV", tmp_path / "20240102000000.export.CSV"
    generate_gdelt2(a, 300_000)
    generate_gdelt2(b, 1_000)
    (tmp_path / "note.txt").write_text("Russia said it would send fuel to Iran.\n")  # not counted: an article
    report, bars = _run(tmp_path, [a, b, tmp_path / "note.txt"], monkeypatch)
    assert [f.status for f in report.files if f.kind == "gdelt2"] == ["loaded", "loaded"]
    (bar,) = bars
    total = a.stat().st_size + b.stat().st_size
    assert bar.total == total
    assert bar.values[-1] == total
    assert bar.values == sorted(bar.values)  # never goes back
    # while the big file was read, DuckDB's progress moved the bar between its first and last byte
    assert any(0 < v < a.stat().st_size for v in bar.values)
    assert f"{a.name}: reading" in bar.descriptions and f"{b.name}: storing" in bar.descriptions


def test_bar_stops_cleanly_on_a_failing_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "20240101000000.export.CSV"
    good = tmp_path / "20240102000000.export.CSV"
    generate_gdelt2(bad, 1_000)
    generate_gdelt2(good, 2_000)
    real = loader.FileLoad.read_csv_sql

    def failing(self, *a, **kw):  # the read of the first file fails inside DuckDB, while the bar polls
        return "read_csv('/nonexistent/trustledger.csv')" if self.path == bad else real(self, *a, **kw)

    monkeypatch.setattr(loader.FileLoad, "read_csv_sql", failing)
    report, (bar,) = _run(tmp_path, [bad, good], monkeypatch)
    statuses = {Path(f.path).name: f.status for f in report.files}
    assert statuses == {bad.name: "failed", good.name: "loaded"}
    assert bar.values[-1] == bad.stat().st_size + good.stat().st_size
    assert not [t for t in threading.enumerate() if t.name == "trustledger-byte-progress"]


def test_no_bar_no_polling_when_progress_is_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "20240101000000.export.CSV"
    generate_gdelt2(path, 1_000)
    report, bars = _run(tmp_path, [path], monkeypatch, show=False)
    assert report.files[0].status == "loaded" and bars == []


def test_cli_progress_keeps_stdout_clean(tmp_path: Path) -> None:
    path = tmp_path / "20240101000000.export.CSV"
    generate_gdelt2(path, 200_000)
    p = subprocess.run(
        [str(Path(sys.executable).with_name("trustledger")), "ingest", str(path), "--db", str(tmp_path / "s.duckdb"),
         "--no-code", "--progress"],
        capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stdout == ""  # neither our bar nor DuckDB's
    assert "1 file(s) loaded" in p.stderr
