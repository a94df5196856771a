"""A sample dyad store (IRN, RUS) with a hostile payload in a document title, text and a promise,
and the report the real CLI writes from it (built once per session: it inlines 4.8 MB of plotly.js)."""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from trustledger.report import sample

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(1)>"


def cli_main(*args: str) -> tuple[int, str]:
    """The real `trustledger` entry point in this process: (exit code, stderr)."""
    from trustledger.cli import main

    err = io.StringIO()
    old, sys.argv = sys.argv, ["trustledger", *map(str, args)]
    code = 0
    try:
        with redirect_stdout(io.StringIO()), redirect_stderr(err):
            try:
                main()
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else 0
    finally:
        sys.argv = old
    return code, err.getvalue()


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "sample.duckdb"
    return sample.build(path, sample.SampleSpec(hostile=HOSTILE))


@pytest.fixture(scope="session")
def written_report(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("report-out")
    html, md = out / "report.html", out / "report.md"
    code, err = cli_main("report", "IRN", "RUS", "--db", str(sample_db), "--html", str(html), "--md", str(md))
    assert code == 0, err
    return html, md


ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus as `make demo` loads it (examples/ and the bundled UNSC votes on Iran), through
    the real `trustledger ingest`."""
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    code, err = cli_main("ingest", ROOT / "examples", ROOT / "trustledger" / "data" / "unsc_iran_votes.csv",
                         "--db", db)
    assert code == 0, err
    return db


@pytest.fixture(scope="session")
def demo_report(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """`trustledger report IRN RUS --html --md` on the demo store, as `make demo` writes it."""
    out = tmp_path_factory.mktemp("demo-report")
    html, md = out / "report.html", out / "report.md"
    code, err = cli_main("report", "IRN", "RUS", "--db", demo_db, "--html", html, "--md", md)
    assert code == 0, err
    return html, md
