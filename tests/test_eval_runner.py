"""`make eval` without ../shared/data: one clear line per missing input, the scripts that need nothing
from it still run, and the exit code is non-zero only when nothing could run (or a script failed)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"


@pytest.fixture
def run_module():
    sys.path.insert(0, str(BENCH))
    try:
        import run

        yield run
    finally:
        sys.path.remove(str(BENCH))


def test_make_eval_says_what_it_needs_when_shared_data_is_absent(run_module, tmp_path):
    absent = tmp_path / "no-shared-data"
    p = subprocess.run([sys.executable, str(BENCH / "evaluate.py"), "--check"], capture_output=True, text=True,
                       cwd=ROOT, env={"PATH": "/usr/bin:/bin", "TRUSTLEDGER_SHARED_DATA": str(absent)}, timeout=120)
    assert p.returncode == 0, p.stdout + p.stderr   # our own gold sets can still be measured
    lines = p.stdout.splitlines()
    assert lines[0].startswith(f"the reference data folder {absent} is absent")
    for script, files in run_module.NEEDS.items():
        for f in files:   # one line per missing input, naming the script and the file
            assert sum(1 for ln in lines if ln.startswith(f"skipped {script}: needs {absent / f}")) == 1
    would = next(ln for ln in lines if ln.startswith("would run: "))
    assert "eval_commitments.py" in would and "eval_structured.py" not in would


def test_nothing_runnable_is_a_failure_and_partial_runs_are_not(run_module, tmp_path, capsys):
    scripts = tmp_path / "bench"
    scripts.mkdir()
    (scripts / "eval_a.py").write_text("print('figures of a')\n")
    (scripts / "eval_b.py").write_text("print('figures of b')\n")
    shared = tmp_path / "shared"
    needs = {"eval_a.py": ("x/a.csv",), "eval_b.py": ("y/b.csv",)}
    assert run_module.main("eval", here=scripts, shared=shared, needs=needs, optional={}) == 1
    out = capsys.readouterr().out
    assert f"skipped eval_a.py: needs {shared / 'x/a.csv'}" in out and "nothing could run" in out
    (shared / "y").mkdir(parents=True)
    (shared / "y" / "b.csv").write_text("b\n")
    assert run_module.main("eval", here=scripts, shared=shared, needs=needs, optional={}) == 0
    out = capsys.readouterr().out
    assert "=== eval_b.py ===" in out and "=== eval_a.py ===" not in out and "ran 1 of 2 scripts" in out
    (scripts / "eval_c.py").write_text("raise SystemExit(3)\n")
    assert run_module.main("eval", here=scripts, shared=shared, needs=needs, optional={}) == 1
    assert "failed: eval_c.py" in capsys.readouterr().out
