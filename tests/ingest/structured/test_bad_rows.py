"""Event files with rows of the wrong length, bad dates and unknown countries: the good rows load,
each bad row is kept in `rejects` with its line number, and the command says so in one line."""

from __future__ import annotations

from tests.conftest import FIXTURES

GOOD = (FIXTURES / "structured" / "20100610.export.CSV").read_text().splitlines()[0].split("\t")


def _row(event_id: int) -> list[str]:
    row = list(GOOD)
    row[0] = str(event_id)
    return row


def test_gdelt_rows_with_too_few_columns_or_bad_dates_are_rejected(cli, db, tmp_path):
    # GDELT 1.0 files mix 57- and 58-column rows, so a longer row is read as 58 columns (not rejected)
    lines = ["\t".join(_row(500 + i)) for i in range(21)]
    lines.insert(5, "\t".join(_row(900)[:10]))              # line 6: too few columns
    lines.insert(12, "\t".join(_row(901)[:3]))               # line 13: too few columns
    bad_date = _row(902)
    bad_date[1] = "20101399"
    lines.append("\t".join(bad_date))                       # line 23: no such date
    f = tmp_path / "20100612.export.CSV"
    f.write_text("\n".join(lines) + "\n")
    r = cli("ingest", f, "--db", db)
    assert r.code == 1 and "Traceback" not in r.stderr
    assert "3 row(s) rejected" in r.stderr
    rejects = cli("rejects", "--db", db, "--format", "json").json()
    assert [x["line"] for x in rejects] == [6, 13, 24]
    events = cli("events", "--db", db, "--format", "json").json()
    assert sorted(e["event_id"] for e in events) == sorted(f"gdelt:{500 + i}" for i in range(21))
    # loading it again adds nothing and keeps the same rejects
    cli("ingest", f, "--db", db)
    assert len(cli("events", "--db", db, "--format", "json").json()) == 21
    assert len(cli("rejects", "--db", db, "--format", "json").json()) == 3


def test_unknown_country_names_are_reported(cli, db, tmp_path):
    src = (FIXTURES / "structured" / "events.2010.sample.tab").read_text().splitlines()
    f = tmp_path / "events.narnia.tab"
    f.write_text("\n".join([src[0], src[1].replace("Russian Federation", "Narnia"), src[2]]) + "\n")
    r = cli("ingest", f, "--db", db)
    assert "Narnia" in r.stderr and "map to no country code" in r.stderr
    events = {e["event_id"]: e for e in cli("events", "--db", db, "--format", "json").json()}
    assert len(events) == 2
    assert [e["source"]["country"] for e in events.values()].count(None) == 1


def test_icews_rows_with_wrong_column_counts_are_rejected(cli, db, tmp_path):
    src = (FIXTURES / "structured" / "events.2010.sample.tab").read_text().splitlines()
    f = tmp_path / "events.columns.tab"
    f.write_text("\n".join([src[0], src[1] + "\textra\tfields", src[2], "\t".join(src[3].split("\t")[:5])]) + "\n")
    r = cli("ingest", f, "--db", db)
    assert r.code == 1 and "2 row(s) rejected" in r.stderr
    assert [x["line"] for x in cli("rejects", "--db", db, "--format", "json").json()] == [2, 4]
    assert len(cli("events", "--db", db, "--format", "json").json()) == 1
