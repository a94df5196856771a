"""`trustledger ingest` on real files, through the real CLI."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from tests.conftest import run_process

DOC_KEYS = {"doc_id", "story_id", "title", "date", "source", "path", "sentences"}


def test_every_article_format_loads(cli, db, articles):
    r = cli("ingest", articles, "--db", db)
    assert r.code == 0, r.stderr
    docs = cli("documents", "--db", db, "--format", "json").json()
    assert len(docs) == 7  # md, txt, html, md.gz and three JSON Lines records
    by_title = {d["title"]: d for d in docs}
    assert DOC_KEYS <= set(docs[0])
    # metadata: front matter, HTML meta, JSON Lines fields, gzip
    assert by_title["Russia agrees to finish Iran's Bushehr reactor"]["date"] == "1995-01-08"
    assert by_title["Security Council adopts new Iran sanctions"]["date"] == "2010-06-09"
    assert by_title["First fuel for Bushehr"]["source"] == "Example Wire"
    assert by_title["Putin lifts S-300 ban"]["date"] == "2015-04-13"
    # a text file without metadata takes its first line as title and no date
    assert by_title["Medvedev bans delivery of S-300 systems to Iran"]["date"] is None


def test_html_main_text_only(cli, db, articles):
    cli("ingest", articles / "vote-1929.html", "--db", db)
    con = duckdb.connect(str(db), read_only=True)
    text = con.execute("SELECT text FROM documents").fetchone()[0]
    assert "resolution 1929" in text
    for junk in ("TRACKING", "Sign in", "Buy now", "font-family", "Copyright"):
        assert junk not in text


def test_markdown_is_plain_text(cli, db, articles):
    cli("ingest", articles / "bushehr-contract.md", "--db", db)
    con = duckdb.connect(str(db), read_only=True)
    text = con.execute("SELECT text FROM documents").fetchone()[0]
    assert "**" not in text and not text.startswith("#")
    assert "Bushehr nuclear power plant" in text


def test_date_option_fills_missing_dates_only(cli, db, articles):
    cli("ingest", articles, "--db", db, "--date", "2010-09-23")
    docs = {d["title"]: d for d in cli("documents", "--db", db, "--format", "json").json()}
    assert docs["Medvedev bans delivery of S-300 systems to Iran"]["date"] == "2010-09-23"
    assert docs["Russia agrees to finish Iran's Bushehr reactor"]["date"] == "1995-01-08"


def test_ingest_is_idempotent(cli, db, articles, tmp_path):
    assert cli("ingest", articles, "--db", db).code == 0
    first = cli("stats", "--db", db, "--format", "json").json()
    # the same files again, and a copy under another name with other white space
    copy = tmp_path / "copy.txt"
    copy.write_text((articles / "s300-ban.txt").read_text().replace(" ", "  "))
    r = cli("ingest", articles, copy, "--db", db)
    assert r.code == 0
    assert "0 file(s) loaded" in r.stderr and "6 unchanged" in r.stderr
    assert cli("stats", "--db", db, "--format", "json").json() == first


def test_sentences_have_offsets_into_the_text(cli, db, articles):
    cli("ingest", articles, "--db", db)
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute(
        "SELECT d.text, s.start_char, s.end_char, s.text FROM sentences s JOIN documents d USING (doc_id)"
    ).fetchall()
    assert len(rows) >= 15
    for text, start, end, sentence in rows:
        assert text[start:end] == sentence
    # the headline of the plain-text file is its own sentence
    assert any(r[3] == "Medvedev bans delivery of S-300 systems to Iran" for r in rows)


def test_stats_counts_every_table(cli, db, articles):
    cli("ingest", articles, "--db", db)
    stats = cli("stats", "--db", db, "--format", "json").json()
    for table in ("documents", "sentences", "events", "commitments", "outcomes", "votes"):
        assert table in stats
    assert stats["documents"] == 7
    con = duckdb.connect(str(db), read_only=True)
    assert stats["sentences"] == con.execute("SELECT count(*) FROM sentences").fetchone()[0]
    assert stats["sentences"] == con.execute("SELECT sum(n_sentences) FROM documents").fetchone()[0]


def test_every_row_names_its_source_file(cli, db, articles):
    cli("ingest", articles, "--db", db)
    con = duckdb.connect(str(db), read_only=True)
    orphans = con.execute(
        "SELECT count(*) FROM documents d LEFT JOIN source_files f USING (file_id) WHERE f.path IS NULL"
    ).fetchone()[0]
    assert orphans == 0
    assert con.execute("SELECT count(*) FROM source_files").fetchone()[0] == 5


def test_bad_files_fail_alone(cli, db, articles, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "blank.txt").write_text("   \n\n  ")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (bad / "latin1.txt").write_bytes("Le président a visité Téhéran.".encode("latin-1"))
    (bad / "cut.md.gz").write_bytes(gzip.compress(b"Russia delivered the fuel. " * 200)[:-30])
    (bad / "notes.docx").write_bytes(b"PK\x03\x04 not really")
    shutil.copy(articles / "s300-ban.txt", bad / "good.txt")
    r = cli("ingest", bad, tmp_path / "missing.txt", "--db", db)
    assert r.code == 1
    lines = [ln for ln in r.stderr.splitlines() if ln.startswith("error:")]
    reasons = {Path(ln.split(":")[1].strip()).name: ln for ln in lines}
    assert set(reasons) == {"empty.txt", "blank.txt", "binary.txt", "latin1.txt", "cut.md.gz", "notes.docx",
                            "missing.txt"}
    assert "empty file" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "UTF-8" in reasons["latin1.txt"] and "--encoding" in reasons["latin1.txt"]
    assert "truncated gzip" in reasons["cut.md.gz"]
    assert "unknown file type" in reasons["notes.docx"]
    assert "7 failed" in r.stderr
    assert "Traceback" not in r.stderr
    assert cli("stats", "--db", db, "--format", "json").json()["documents"] == 1
    # the named encoding loads the Latin-1 file
    r = cli("ingest", bad / "latin1.txt", "--db", db, "--encoding", "latin-1")
    assert r.code == 0
    titles = [d["title"] for d in cli("documents", "--db", db, "--format", "json").json()]
    assert "Le président a visité Téhéran." in titles


def test_utf16_with_bom_loads(cli, db, tmp_path):
    f = tmp_path / "utf16.txt"
    f.write_bytes("Iran and Russia signed an agreement in Moscow.".encode("utf-16"))
    assert cli("ingest", f, "--db", db).code == 0
    assert cli("documents", "--db", db, "--format", "json").json()[0]["title"].startswith("Iran and Russia")


def test_broken_json_lines_are_rejected_with_line_numbers(cli, db, tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text('{"text": "Russia pledged to deliver fuel.", "date": "2007-01-02"}\n'
                 '{"text": "broken\n'
                 '{"title": "no text"}\n'
                 '{"text": "Iran praised the deal.", "date": "3015-01-01"}\n'
                 '{"text": "Iran paid for the fuel."}\n')
    r = cli("ingest", f, "--db", db)
    assert r.code == 1
    assert "3 record(s) rejected, first at line 2" in r.stderr
    rej = cli("rejects", "--db", db, "--format", "json").json()
    assert [x["line"] for x in rej] == [2, 3, 4]
    assert "out of range" in rej[2]["reason"]
    assert cli("stats", "--db", db, "--format", "json").json()["documents"] == 2
    # loading the same file again adds nothing, not even rejects
    cli("ingest", f, "--db", db)
    assert len(cli("rejects", "--db", db, "--format", "json").json()) == 3


def test_failing_file_leaves_the_store_as_before(cli, db, articles, monkeypatch):
    from trustledger.ingest import pipeline
    from trustledger.stages import StageResult

    assert cli("ingest", articles / "bushehr-contract.md", "--db", db).code == 0
    before = cli("stats", "--db", db, "--format", "json").json()

    class Explode:  # a stage whose store write fails (an analysis failure would cost one sentence)
        name = "explode"

        def on_documents(self, store, docs):
            if any("Medvedev" in d.raw.text for d in docs):
                raise RuntimeError("disk full")
            return StageResult()

        def after_run(self, store):
            pass

    monkeypatch.setattr(pipeline, "text_stages", lambda options=None: (Explode(),))
    r = cli("ingest", articles / "s300-ban.txt", articles / "wire.jsonl", "--db", db)
    assert r.code == 1 and "s300-ban.txt: not stored (disk full)" in r.stderr
    after = cli("stats", "--db", db, "--format", "json").json()
    assert after["documents"] == before["documents"] + 3  # the JSON Lines file still loaded
    assert after["sentences"] > before["sentences"]
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM documents WHERE text LIKE '%Medvedev%'").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM source_files WHERE path LIKE '%s300-ban%'").fetchone()[0] == 0
    con.close()
    monkeypatch.setattr(pipeline, "text_stages", lambda options=None: ())
    assert cli("ingest", articles / "s300-ban.txt", "--db", db).code == 0


def test_export_writes_every_table_as_parquet(cli, db, articles, tmp_path):
    cli("ingest", articles, "--db", db)
    out = tmp_path / "parquet"
    r = cli("export", "--db", db, "--to", out)
    assert r.code == 0, r.stderr
    assert pq.read_table(out / "documents.parquet").num_rows == 7
    stats = cli("stats", "--db", db, "--format", "json").json()
    assert pq.read_table(out / "sentences.parquet").num_rows == stats["sentences"]
    for table in ("events", "commitments", "outcomes", "votes", "ledger"):
        assert (out / f"{table}.parquet").exists()


def test_missing_store_is_a_one_line_error(cli, tmp_path):
    r = cli("stats", "--db", tmp_path / "nope.duckdb", "--format", "json")
    assert r.code == 2
    assert r.stderr.count("\n") == 1 and "no store here" in r.stderr


def test_not_a_store_is_a_one_line_error(cli, tmp_path):
    f = tmp_path / "junk.duckdb"
    f.write_bytes(b"this is not a database" * 100)
    r = cli("stats", "--db", f)
    assert r.code == 2 and "Traceback" not in r.stderr and str(f) in r.stderr


def test_bad_date_option(cli, db, articles):
    r = cli("ingest", articles, "--db", db, "--date", "yesterday")
    assert r.code == 2 and "--date 'yesterday' is not a date" in r.stderr


def test_formats_table_jsonl_csv(cli, db, articles):
    cli("ingest", articles, "--db", db)
    jsonl = cli("documents", "--db", db, "--format", "jsonl").stdout.strip().splitlines()
    assert len(jsonl) == 7
    csv_out = cli("documents", "--db", db, "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("doc_id,story_id,title,date") and len(csv_out) == 8
    table = cli("documents", "--db", db).stdout
    assert "Bushehr" in table


def test_console_script_in_a_child_process(db, articles):
    r = run_process("ingest", articles / "s300-ban.txt", "--db", db)
    assert r.code == 0, r.stderr
    r = run_process("stats", "--db", db, "--format", "json")
    assert r.code == 0 and r.json()["documents"] == 1


def test_folder_readme_is_not_an_article(cli, db, tmp_path):
    (tmp_path / "README.md").write_text("# About this folder\nThese articles were collected by us.\n")
    (tmp_path / "a.md").write_text("---\ntitle: a\ndate: 2011-09-04\n---\nThe Bushehr plant came online.\n")
    assert cli("ingest", tmp_path, "--db", db).code == 0
    assert [d["title"] for d in cli("documents", "--db", db, "--format", "json").json()] == ["a"]
    # named explicitly, it loads
    assert cli("ingest", tmp_path / "README.md", "--db", db).code == 0
    assert cli("stats", "--db", db, "--format", "json").json()["documents"] == 2
