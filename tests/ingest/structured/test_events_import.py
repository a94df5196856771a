"""GDELT, ICEWS and CAMEO-table files through the real `trustledger ingest`."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from tests.conftest import FIXTURES

F = FIXTURES / "structured"


def q(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def test_real_gdelt1_sample_loads_all_710_rows(cli, db, shared_data):
    path = shared_data / "gdelt" / "gdelt1-events-sample-710.tsv"
    r = cli("ingest", path, "--db", db)
    assert r.code == 0, r.stderr
    assert q(db, "SELECT count(*), count(DISTINCT event_id) FROM events WHERE origin = 'gdelt1'") == [(710, 710)]
    # independent check against the raw file: ids, dates and codes as published
    raw_ids = {"gdelt:" + line.split("\t")[0] for line in path.read_text().splitlines() if line.strip()}
    assert len(raw_ids) == 710
    assert {r[0] for r in q(db, "SELECT event_id FROM events")} == raw_ids
    row = q(db, "SELECT date, source_code, source_country, cameo, root, quad_class, goldstein, mode, text, source_row "
                "FROM events WHERE event_id = 'gdelt:564111644'")[0]
    assert row[:8] == (__import__("datetime").date(2006, 7, 31), "USA", "USA", "010", "01", 1, 0.0, "said")
    assert row[8].startswith("http://wtop.com/") and row[9] == 1
    # historical rows have 57 columns and no SOURCEURL
    assert q(db, "SELECT count(*) FROM events WHERE text IS NULL AND date < DATE '1990-01-01'")[0][0] == 201


def test_gdelt1_fixture_rejects_bad_rows_with_line_numbers(cli, db):
    r = cli("ingest", F / "20100610.export.CSV", "--db", db)
    assert r.code == 1  # rows were rejected
    assert "2 row(s) rejected" in r.stderr and "first at line 4" in r.stderr
    assert q(db, "SELECT line, reason LIKE '%SQLDATE%', reason FROM rejects ORDER BY line")[0][:2] == (4, True)
    assert q(db, "SELECT line, reason FROM rejects ORDER BY line")[1] == (5, "QuadClass is not 1-4")
    rows = q(db, "SELECT event_id, source_row, source_code, target_code, cameo, quad_class, mode FROM events "
                 "ORDER BY event_id")
    assert rows == [
        ("gdelt:101", 1, "RUSGOV", "IRNGOV", "0311", 1, "said"),
        ("gdelt:102", 2, "USAGOV", "IRN", "163", 4, "did"),
        ("gdelt:103", 3, "RUS", "IRN", "042", 1, "said"),
        ("gdelt:106", 6, "IRN", "RUS", "061", 2, "did"),  # line numbers stay right after rejected lines
    ]
    listed = cli("rejects", "--db", db, "--format", "json").json()
    assert [x["line"] for x in listed] == [4, 5] and all(x["path"].endswith("20100610.export.CSV") for x in listed)


def test_gdelt1_row_with_too_many_columns_is_rejected(cli, db, tmp_path):
    """GDELT 1.0 mixes 57- and 58-column rows (short ones are padded); a longer row is broken, not cut."""
    good = (F / "20100610.export.CSV").read_text().splitlines()[0].split("\t")
    assert len(good) == 58
    rows = ["\t".join([str(200 + i), *good[1:]]) for i in range(6)]
    rows.insert(2, "\t".join(["299", *good[1:], "spilled over"]))
    path = tmp_path / "20100611.export.CSV"
    path.write_text("\n".join(rows) + "\n")
    r = cli("ingest", path, "--db", db)
    assert r.code == 1 and "1 row(s) rejected" in r.stderr and "first at line 3" in r.stderr, r.stderr
    assert q(db, "SELECT line FROM rejects") == [(3,)]
    assert q(db, "SELECT count(*), min(source_row), max(source_row) FROM events") == [(6, 1, 7)]
    assert q(db, "SELECT count(*) FROM events WHERE event_id = 'gdelt:299'") == [(0,)]


def test_gdelt2_zip_loads_and_is_idempotent(cli, db, tmp_path):
    z = F / "20150413120000.export.CSV.zip"
    assert cli("ingest", z, "--db", db).code == 0
    assert q(db, "SELECT count(*), min(origin), max(origin) FROM events") == [(5, "gdelt2", "gdelt2")]
    before = cli("stats", "--db", db, "--format", "json").json()
    r = cli("ingest", z, "--db", db)
    assert r.code == 0 and "1 unchanged" in r.stderr
    # the same events under another file name (unzipped): the natural key GLOBALEVENTID adds nothing
    import zipfile

    with zipfile.ZipFile(z) as zf:
        (tmp_path / "copy.export.CSV").write_bytes(zf.read(zf.namelist()[0]) + b"\n")
    r = cli("ingest", tmp_path / "copy.export.CSV", "--db", db)
    assert r.code == 0 and "+0 events" in r.stderr
    after = cli("stats", "--db", db, "--format", "json").json()
    assert after["events"] == before["events"] == 5


def test_dedupe_collapses_copies_and_keeps_the_count(cli, db):
    r = cli("ingest", F / "20150413120000.export.CSV.zip", "--db", db, "--dedupe")
    assert r.code == 0, r.stderr
    assert "5 rows collapsed into 3 events" in r.stderr
    rows = q(db, "SELECT event_id, date, cameo, n_copies FROM events ORDER BY event_id")
    assert [(x[0], x[2], x[3]) for x in rows] == [("gdelt:9001", "0311", 3), ("gdelt:9004", "061", 1),
                                                 ("gdelt:9005", "0311", 1)]
    assert q(db, "SELECT sum(n_copies) FROM events") == [(5,)]


def test_icews_names_map_to_codes(cli, db):
    r = cli("ingest", F / "events.2010.sample.tab", "--db", db)
    assert r.code == 1 and "2 row(s) rejected" in r.stderr
    rows = q(db, "SELECT event_id, source_code, source_country, source_role, target_code, cameo, root, quad_class, "
                 "goldstein, mode, source_row FROM events ORDER BY event_id")
    assert rows == [
        ("icews:926685", "RUSGOV", "RUS", "GOV", "IRN", "036", "03", 1, 4.0, "said", 2),
        ("icews:926686", "RUS", "RUS", None, "IRN", "057", "05", 1, 8.0, "said", 3),  # 57 → 057
        ("icews:926687", "RUS", "RUS", None, "IRN", "057", "05", 1, 8.0, "said", 4),
        ("icews:926688", "RUSMIL", "RUS", "MIL", "IRN", "138", "13", 3, -7.0, "said", 5),
    ]
    assert [x[0] for x in q(db, "SELECT line FROM rejects ORDER BY line")] == [6, 7]


def test_icews_dedupe_one_event_per_day_dyad_code(cli, db):
    assert cli("ingest", F / "events.2010.sample.tab", "--db", db, "--dedupe").code == 1
    assert q(db, "SELECT cameo, n_copies FROM events WHERE cameo = '057'") == [("057", 2)]


def test_cameo_table_with_map(cli, db):
    path = F / "cameo-table.csv"
    refused = cli("ingest", path, "--db", db)
    assert refused.code == 1 and "unknown layout: expected GDELT" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 2  # one error line and the summary
    r = cli("ingest", path, "--db", db, "--map", "event_id=id,date=day,source=from_actor,target=to_actor",
            "--map", "cameo=code,goldstein=weight,text=note")
    assert r.code == 1 and "2 row(s) rejected" in r.stderr
    rows = q(db, "SELECT event_id, date::VARCHAR, source_code, source_country, target_country, goldstein, text "
                 "FROM events ORDER BY event_id")
    assert rows == [
        ("table:a1", "2015-04-13", "RUSGOV", "RUS", "IRN", 5.2, "Putin lifts the S-300 ban"),  # codebook weight
        ("table:a2", "2015-04-14", "RUS", "RUS", "IRN", 5.2, "second copy"),  # names → codes
        ("table:a3", "2016-01-01", "USA", "USA", "IRN", -8.0, "sanctions"),  # YYYYMMDD
    ]


def test_cameo_table_parquet_and_bad_map(cli, db, tmp_path):
    pq = tmp_path / "events.parquet"
    con = duckdb.connect()
    con.execute(f"""COPY (SELECT * FROM (VALUES ('IRN', 'RUS', '0311', DATE '2015-04-13'),
                                               ('RUS', 'IRN', '061', DATE '2016-01-01')) t(source, target, cameo, date))
                    TO '{pq}' (FORMAT parquet)""")
    con.close()
    assert cli("ingest", pq, "--db", db).code == 0
    assert q(db, "SELECT count(*), count(DISTINCT source_country) FROM events WHERE origin = 'table'") == [(2, 2)]
    bad = cli("ingest", F / "cameo-table.csv", "--db", db, "--map", "source=nope,target=to_actor,cameo=code,date=day")
    assert bad.code == 1 and "no column 'nope'" in bad.stderr


def test_unknown_layout_refused_in_one_line(cli, db):
    r = cli("ingest", F / "unknown-layout.csv", "--db", db)
    assert r.code == 1
    first = r.stderr.strip().splitlines()[0]
    assert first.startswith("error: ") and "unknown-layout.csv: unknown layout: expected" in first
    assert "Traceback" not in r.stderr


def test_failed_load_leaves_store_as_before(cli, db, monkeypatch):
    from trustledger.ingest.structured import events as events_mod

    def boom(*a, **k):
        raise RuntimeError("disk full")

    assert cli("ingest", F / "20150413120000.export.CSV.zip", "--db", db).code == 0
    before = cli("stats", "--db", db, "--format", "json").json()
    monkeypatch.setattr(events_mod, "insert_events", boom)  # load_events calls it through the module
    import trustledger.ingest.structured.gdelt as gdelt_mod

    with pytest.raises(RuntimeError):
        from trustledger.ingest.pipeline import IngestOptions
        from trustledger.store.db import Store

        store = Store(db)
        try:
            gdelt_mod.import_gdelt1(store, F / "20100610.export.CSV", IngestOptions())
        finally:
            store.close()
    assert cli("stats", "--db", db, "--format", "json").json() == before  # no rejects, no source file, no events


def test_sniffing_leaves_articles_alone(tmp_path):
    from trustledger.ingest.structured.sniff import sniff

    txt = tmp_path / "note.txt"
    txt.write_text("Russia and Iran signed a deal.\tThey said so.\n")
    assert sniff(txt) is None
    shutil.copy(F / "20100610.export.CSV", tmp_path / "x.txt")
    assert sniff(tmp_path / "x.txt") == "gdelt1"
    assert sniff(F / "20150413120000.export.CSV.zip") == "gdelt2"
    assert sniff(F / "events.2010.sample.tab") == "icews"


def test_truncated_gzip_and_empty_file_fail_cleanly(cli, db, tmp_path):
    import gzip

    data = gzip.compress((F / "un_votes.csv").read_bytes() * 200)
    (tmp_path / "un_votes.csv.gz").write_bytes(data[: len(data) // 2])
    (tmp_path / "empty.csv").write_bytes(b"")
    r = cli("ingest", tmp_path / "un_votes.csv.gz", tmp_path / "empty.csv", "--db", db)
    assert r.code == 1 and "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert lines[0].startswith("error: ") and "un_votes.csv.gz: not loaded" in lines[0] and "GZIP" in lines[0]
    assert lines[1].endswith("empty.csv: empty file")
    assert cli("stats", "--db", db, "--format", "json").json()["votes"] == 0
