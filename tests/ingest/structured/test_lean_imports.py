"""A run of data sets alone never loads the text machinery (spaCy, MinHash): it cost a second and
a half of every GDELT or UN-votes import (issue 17)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_structured_ingest_does_not_import_spacy_or_datasketch(tmp_path: Path, shared_data: Path):
    gdelt = shared_data / "gdelt" / "gdelt1-events-sample-710.tsv"
    script = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from trustledger.cli import app\n"
        f"r = CliRunner().invoke(app, ['ingest', {str(gdelt)!r}, '--db', {str(tmp_path / 's.duckdb')!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "print(sorted(m for m in ('spacy', 'datasketch', 'trustledger.coding.coder') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]"
