"""The README's examples run as written: the first session on the demo store, every "Get real data"
command on a small file in that data set's published layout (named as the README tells the user to
download it), and the Python API block. A README that drifts from the code fails here.

The files come from tests/fixtures/structured (the real layouts, with a few bad rows on purpose: those
rows are rejected and the command still loads the rest) and one written here (Voeten's full UNVotes.csv
with R's unnamed row-name column). Commands run through the real CLI entry point, in a temporary
folder, exactly as the README spells them; only `serve` is started as a child process on a free port.
"""

from __future__ import annotations

import json
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from tests.conftest import run_cli

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
FIXTURES = ROOT / "tests" / "fixtures" / "structured"


def section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end]


def code_blocks(text: str, lang: str) -> list[str]:
    parts = text.split(f"```{lang}\n")[1:]
    return [p.split("```", 1)[0] for p in parts]


def commands(block: str) -> list[list[str]]:
    """The `trustledger ...` command lines of a shell block, comments dropped, as argument lists."""
    out = []
    for line in block.splitlines():
        words = shlex.split(line, comments=True)
        if words and words[0] == "trustledger":
            out.append(words[1:])
    return out


def table_commands(text: str) -> list[list[str]]:
    """The "load it with" column of the Get real data table."""
    out = []
    for line in text.splitlines():
        if line.startswith("|") and "`trustledger ingest" in line:
            cell = line.rstrip("|").rsplit("|", 1)[1].strip().strip("`")
            out.append(shlex.split(cell)[1:])
    return out


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding demo.duckdb as `make demo` builds it (the real ingest of examples/ and the UNSC votes)."""
    folder = tmp_path_factory.mktemp("first-session")
    r = run_cli("ingest", ROOT / "examples", ROOT / "trustledger" / "data" / "unsc_iran_votes.csv",
                "--db", folder / "demo.duckdb")
    assert r.code == 0, r.stderr
    return folder


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_first_session_runs_as_written(demo_folder, monkeypatch):
    monkeypatch.chdir(demo_folder)
    monkeypatch.delenv("TRUSTLEDGER_DB", raising=False)
    block = code_blocks(section("A first session"), "sh")[0]
    assert "source .venv/bin/activate" in block
    cmds = commands(block)
    assert [c[0] for c in cmds] == ["assess", "ledger", "compare", "report", "serve"]
    for args in cmds:
        if args[0] == "serve":
            continue
        r = run_cli(*args)
        assert r.code == 0, (args, r.stderr)
        assert (r.stdout + r.stderr).strip(), args
    html = (demo_folder / "report.html").read_text(encoding="utf-8")
    assert "<h1>Can Iran (IRN) trust Russia (RUS)?</h1>" in html
    # serve, as written, on a free port (the README's default 8000 may be taken on a test machine).
    port = free_port()
    serve = next(c for c in cmds if c[0] == "serve")
    exe = Path(sys.executable).with_name("trustledger")
    proc = subprocess.Popen([str(exe), *serve, "--port", str(port)], cwd=demo_folder,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        body = ""
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as resp:
                    body = resp.read().decode()
                break
            except OSError:
                time.sleep(0.25)
        assert "Iran" in body, "trustledger serve did not answer"
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def write_download(name: str, folder: Path) -> None:
    """A small file in the layout of the download the README names, under that name."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if name.endswith(".export.CSV.zip") and (FIXTURES / name).exists():
        shutil.copy(FIXTURES / name, path)                      # GDELT 2.0: the fixture is a real-layout zip
    elif name.endswith(".export.CSV.zip"):
        with zipfile.ZipFile(path, "w") as z:                   # GDELT 1.0 daily file: a zipped export
            z.write(FIXTURES / "20100610.export.CSV", name.removesuffix(".zip"))
    elif name.startswith("events.") and name.endswith(".tab.zip"):
        with zipfile.ZipFile(path, "w") as z:                   # ICEWS yearly file
            z.write(FIXTURES / "events.2010.sample.tab", name.removesuffix(".zip"))
    elif name == "UNVotes.csv":                                 # Voeten's full file, as R writes it
        path.write_text(
            '"","rcid","ccode","member","vote","Country","Countryname","session","abstain","yes","no",'
            '"importantvote","date","unres","amend","para","short","descr","me","nu","di","hr","co","ec"\n'
            '"1",3,2,1,1,"USA","United States of America",1,4,29,18,0,"1946-01-01","R/1/66",1,0,'
            '"AMENDMENTS, RULES OF PROCEDURE","TO ADOPT A CUBAN AMENDMENT",0,0,0,1,0,0\n'
            '"2",3,365,1,3,"RUS","Russia",1,4,29,18,0,"1946-01-01","R/1/66",1,0,'
            '"AMENDMENTS, RULES OF PROCEDURE","TO ADOPT A CUBAN AMENDMENT",0,0,0,1,0,0\n'
            '"3",3,630,1,1,"IRN","Iran (Islamic Republic of)",1,4,29,18,0,"1946-01-01","R/1/66",1,0,'
            '"AMENDMENTS, RULES OF PROCEDURE","TO ADOPT A CUBAN AMENDMENT",0,0,0,1,0,0\n', encoding="utf-8")
    else:
        sources = {"unvotes.csv": "un_votes.csv", "roll_calls.csv": "un_roll_calls.csv",
                   "issues.csv": "un_roll_call_issues.csv", "trade-register.csv": "trade-register.csv",
                   "unsc_vetoes_1946_sept2022.csv": "vetoes.csv",
                   "trustledger/data/unsc_iran_votes.csv": ROOT / "trustledger" / "data" / "unsc_iran_votes.csv"}
        assert name in sources, f"the README names a download this test cannot build: {name}"
        src = sources[name]
        shutil.copy(src if isinstance(src, Path) else FIXTURES / src, path)


#: What each data set's load adds to (`stats` keys).
ADDS = {"GDELT 1.0": "events", "GDELT 2.0": "events", "ICEWS": "events", "Voeten": "votes", "unvotes": "votes",
        "SIPRI": "commitments", "Security Council votes": "votes", "vetoes": "vetoes"}


def test_every_data_set_has_a_page_a_file_and_a_command():
    text = section("Get real data")
    rows = [ln for ln in text.splitlines() if ln.startswith("|") and "`trustledger ingest" in ln]
    for name in ADDS:
        row = next((r for r in rows if name in r), None)
        assert row, f"no 'Get real data' row for {name}"
        assert "https://" in row or "http://" in row, f"{name}: no download page"


def test_get_real_data_commands_load_their_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRUSTLEDGER_DB", raising=False)
    text = section("Get real data")
    rows = [ln for ln in text.splitlines() if ln.startswith("|") and "`trustledger ingest" in ln]
    assert len(rows) >= len(ADDS)
    for row in rows:
        (args,) = table_commands(row)
        files = [a for a in args[1:] if not a.startswith("--")]
        for f in files:
            write_download(f, tmp_path)
        before = json.loads(run_cli("stats", "--format", "json").stdout or "{}") if (tmp_path / "trustledger.duckdb"
                                                                                     ).exists() else {}
        r = run_cli(*args)
        # Exit 1 only for the fixtures' deliberately bad rows: those are rejected, everything else loads.
        assert r.code in (0, 1), (args, r.stderr)
        assert " 0 failed" in r.stderr + r.stdout, (args, r.stderr)
        assert not [ln for ln in r.stderr.splitlines() if ln.startswith("error:")], r.stderr
        after = json.loads(run_cli("stats", "--format", "json").stdout)
        table = next(t for name, t in ADDS.items() if name in row)
        assert after.get(table, 0) > before.get(table, 0), (row, before, after)
    # The example that follows the table: ingest several, then the report, as written.
    block = code_blocks(text, "sh")[0]
    for args in commands(block):
        for f in (a for a in args[1:] if args[0] == "ingest" and not a.startswith("--")):
            if not (tmp_path / f).exists():
                write_download(f, tmp_path)
        r = run_cli(*args)
        assert r.code in (0, 1), (args, r.stderr)
    assert "Can Iran (IRN) trust Russia (RUS)?" in (tmp_path / "iran-russia.html").read_text(encoding="utf-8")


def test_python_api_block_runs(demo_folder, monkeypatch):
    monkeypatch.chdir(demo_folder)
    text = README.read_text(encoding="utf-8")
    block = code_blocks(text[text.index("### Python API"):], "python")[0]
    namespace: dict = {}
    exec(compile(block, "README.md (Python API)", "exec"), namespace)  # noqa: S102 - our own README
    assert namespace["a"]["truster"] == "IRN" and namespace["a"]["verdict"]
