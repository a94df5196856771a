"""Output follows the terminal width (issue 16.3): at COLUMNS=80 no line of assess, compare, ledger,
events, votes, agreement or any --help is wider than 80; less important columns are dropped (and the
caption says which); piped output without COLUMNS keeps one table row per line."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.conftest import run_cli, run_process
from trustledger.report import sample

COMMANDS = [
    ("assess", "IRN", "RUS"), ("assess", "Iran", "Russia", "--since", "2000"), ("compare", "Iran", "Russia", "US"),
    ("ledger",), ("ledger", "--from", "Russia"), ("events",), ("events", "--source", "Russia", "--dyads"),
    ("votes",), ("votes", "--country", "Russia"), ("agreement", "Iran", "Russia"), ("series", "IRN", "RUS"),
    ("documents",), ("countries",), ("stats",),
]
HELP = [(), ("assess",), ("compare",), ("events",), ("ledger",), ("votes",), ("ingest",), ("report",),
        ("countries",), ("serve",), ("agreement",)]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample.build(tmp_path_factory.mktemp("width") / "sample.duckdb")


def too_wide(text: str, width: int) -> list[str]:
    return [line for line in text.splitlines() if cell_len(line) > width]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_no_line_over_80_columns(store, monkeypatch, args):
    monkeypatch.setenv("COLUMNS", "80")
    r = run_cli(*args, "--db", store) if args[0] != "countries" else run_cli(*args)
    assert r.code == 0, r.stderr
    assert r.stdout.strip() and "(no rows)" not in r.stdout
    assert too_wide(r.stdout, 80) == []


@pytest.mark.parametrize("args", HELP, ids=lambda a: " ".join(a) or "top")
def test_help_fits_80_columns_and_shows_whole_defaults(monkeypatch, args):
    monkeypatch.setenv("COLUMNS", "80")
    r = run_cli(*args, "--help")
    assert r.code == 0, r.stderr
    assert too_wide(r.stdout, 80) == []
    if args in (("assess",), ("ingest",), ("ledger",)):
        # the default store path is printed whole, never cut with an ellipsis
        assert "trustledger.duckdb]" in r.stdout and "…" not in r.stdout


def test_narrow_tables_drop_the_least_important_columns_and_say_so(store, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    r = run_cli("events", "--db", store)
    header = r.stdout.splitlines()[1]
    assert "text" in header and "date" in header and "negated" not in header
    assert "hidden at 80 columns: negated" in r.stdout
    monkeypatch.setenv("COLUMNS", "200")
    wide = run_cli("events", "--db", store).stdout
    assert "negated" in wide.splitlines()[1] and "hidden at" not in wide
    assert max(cell_len(line) for line in wide.splitlines()) > 80  # a wide terminal is used


def test_piped_tables_keep_one_row_per_line(store, monkeypatch):
    """Not a terminal and no COLUMNS: no wrapping, so grep and sort see whole rows."""
    monkeypatch.delenv("COLUMNS", raising=False)
    rows = run_cli("events", "--db", store, "--format", "json").json()
    table = run_cli("events", "--db", store).stdout.splitlines()
    body = [line for line in table if line.startswith("│")]
    assert len(body) == len(rows)
    assert "hidden at" not in "\n".join(table)
    # prose (the assess panel) is 100 columns wide in a file
    text = run_cli("assess", "IRN", "RUS", "--db", store).stdout
    assert too_wide(text, 100) == [] and max(cell_len(line) for line in text.splitlines()) == 100


def test_names_beside_codes_in_tables(store, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    assert "Can Iran (IRN) trust Russia (RUS)?" in run_cli("assess", "iran", "russia", "--db", store).stdout
    assert "Russia (RUS)" in run_cli("ledger", "--db", store).stdout
    assert "Russia (RUS)" in run_cli("votes", "--country", "RU", "--db", store).stdout
    compare = run_cli("compare", "IRN", "RUS", "USA", "--db", store).stdout
    assert "Can Iran (IRN) trust them?" in compare and "United States (USA)" in compare


def test_the_installed_command_in_a_child_process_follows_columns(store):
    """The console script as a user runs it, COLUMNS=80 in its environment."""
    import os
    import subprocess
    import sys

    exe = Path(sys.executable).with_name("trustledger")
    env = {**os.environ, "COLUMNS": "80"}
    p = subprocess.run([str(exe), "assess", "Iran", "Russia", "--db", str(store)], capture_output=True,
                       text=True, env=env, timeout=120)
    assert p.returncode == 0, p.stderr
    assert too_wide(p.stdout, 80) == [] and "Can Iran (IRN) trust Russia (RUS)?" in p.stdout


def test_version_flag():
    import trustledger

    r = run_process("--version", timeout=60)
    assert r.code == 0 and r.stdout.strip() == f"trustledger {trustledger.__version__}"
