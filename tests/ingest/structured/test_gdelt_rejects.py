"""GDELT rows the README promises to reject (issue 12): a row with the wrong number of columns (a
GDELT 1.0 row of 40 fields, which the reader pads with nulls) and a row whose event code is not in
the CAMEO codebook go to `rejects` with file and line, the other rows load."""

from __future__ import annotations

import zipfile

import pytest

from tests.conftest import FIXTURES

GDELT1 = (FIXTURES / "structured" / "20100610.export.CSV").read_text().splitlines()[0].split("\t")
with zipfile.ZipFile(FIXTURES / "structured" / "20150413120000.export.CSV.zip") as _zf:
    GDELT2 = _zf.read(_zf.namelist()[0]).decode().splitlines()[0].split("\t")


def _row(template: list[str], event_id: int, code: str | None = None, fields: int | None = None) -> str:
    row = list(template)
    row[0] = str(event_id)
    if code is not None:
        row[26], row[27], row[28] = code, code[:3], code[:2]
    if fields is not None:
        row = row[:fields] if fields <= len(row) else row + [""] * (fields - len(row))
    return "\t".join(row)


@pytest.mark.parametrize("version, template, name", [
    (1, GDELT1, "20100612.export.CSV"),
    (2, GDELT2, "20150414000000.export.CSV"),
])
def test_wrong_column_counts_and_unknown_cameo_codes_are_rejected(cli, db, tmp_path, version, template, name):
    assert len(template) == (58 if version == 1 else 61)
    lines = [_row(template, 700 + i) for i in range(8)]
    lines.insert(2, _row(template, 990, fields=40))           # line 3: 40 columns, padded with nulls
    lines.insert(5, _row(template, 991, code="9999"))         # line 6: no such CAMEO code
    lines.insert(7, _row(template, 992, code="0311"))         # line 8: a good row between them
    f = tmp_path / name
    f.write_text("\n".join(lines) + "\n")
    r = cli("ingest", f, "--db", db)
    assert r.code == 1 and "Traceback" not in r.stderr, r.stderr
    assert "2 row(s) rejected, first at line 3" in r.stderr, r.stderr
    rejects = cli("rejects", "--db", db, "--format", "json").json()
    assert [(x["line"], x["path"]) for x in rejects] == [(3, str(f)), (6, str(f))]
    assert "9999" in rejects[1]["reason"]
    assert "column" in rejects[0]["reason"]
    events = {e["event_id"] for e in cli("events", "--db", db, "--format", "json").json()}
    assert events == {f"gdelt:{700 + i}" for i in range(8)} | {"gdelt:992"}


def test_gdelt1_keeps_both_of_its_row_lengths(cli, db, tmp_path):
    """57-column (historical) and 58-column (with SOURCEURL) rows in one file both load."""
    lines = [_row(GDELT1, 800 + i, fields=57 + i % 2) for i in range(10)]
    lines.insert(3, _row(GDELT1, 899) + "\textra")  # line 4: one field too many
    f = tmp_path / "20100613.export.CSV"
    f.write_text("\n".join(lines) + "\n")
    r = cli("ingest", f, "--db", db)
    events = {e["event_id"] for e in cli("events", "--db", db, "--format", "json").json()}
    assert events == {f"gdelt:{800 + i}" for i in range(10)}
    assert [x["line"] for x in cli("rejects", "--db", db, "--format", "json").json()] == [4]
    assert r.code == 1
