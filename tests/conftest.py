"""Shared test helpers: run the real CLI in-process, find fixtures and the shared data."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

# Property-based tests draw the same examples on every run (derandomised, no example database), so
# `make test` passes or fails the same way on every clone; HYPOTHESIS_PROFILE=explore searches anew.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", derandomize=False, max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def _no_terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts as piped output with no COLUMNS: the width the CLI prints at must not come from
    whoever runs the suite (a terminal, or a pytest-xdist worker that sets COLUMNS). Tests of the width
    set COLUMNS themselves."""
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)


ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED_DATA = ROOT.parent / "shared" / "data"


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    def json(self):
        return json.loads(self.stdout)


def load_bench(name: str):
    """A bench/ script as a module (they are scripts, not a package), for testing its functions."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, mod)
    spec.loader.exec_module(mod)
    return mod


def run_cli(*args: str) -> Result:
    """The real `trustledger` entry point (same error handling), in this process for speed."""
    from trustledger.cli import main

    out, err = io.StringIO(), io.StringIO()
    old_argv = sys.argv
    sys.argv = ["trustledger", *map(str, args)]
    code = 0
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                main()
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    finally:
        sys.argv = old_argv
    return Result(code, out.getvalue(), err.getvalue())


def run_process(*args: str, timeout: float = 300) -> Result:
    """The installed console script in a child process, as a user runs it."""
    exe = Path(sys.executable).with_name("trustledger")
    p = subprocess.run([str(exe), *map(str, args)], capture_output=True, text=True, timeout=timeout)
    return Result(p.returncode, p.stdout, p.stderr)


#: Debian's chromium, driven by Playwright (which never downloads a browser here).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str:
    """The browser for the browser tests; a clear failure (not a skip) when it is missing."""
    import shutil

    path = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if not path:
        pytest.fail("chromium is not installed: run `make browser` (apt-get install chromium); "
                    "the report and web app browser tests need it", pytrace=False)
    return path


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.duckdb"


@pytest.fixture
def articles() -> Path:
    return FIXTURES / "articles"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.exists():
        pytest.skip("../shared/data is not beside this checkout")
    return SHARED_DATA
