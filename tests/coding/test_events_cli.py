"""`trustledger events` and `trustledger code` on real article files, through the real CLI."""

from __future__ import annotations

from pathlib import Path

import duckdb

EVENT_KEYS = {"event_id", "doc_id", "sentence_index", "text", "date", "date_precision", "source", "target",
              "cameo", "root", "quad_class", "goldstein", "mode", "quote", "speaker", "negated"}

ARTICLE = """---
title: Russia and Iran
date: 2015-06-01
---
Russia delivered S-300 missiles to Iran on Tuesday.

Russia did not deliver the Su-35 fighter jets to Iran.

“We will deliver more S-300 systems to Iran next year,” President Putin said.

The United States criticised the sale. Washington urged Moscow to halt the delivery.

The weather in Moscow was cold.
"""


def _ingest(cli, db: Path, tmp_path: Path) -> Path:
    f = tmp_path / "article.md"
    f.write_text(ARTICLE, encoding="utf-8")
    r = cli("ingest", str(f), "--db", str(db))
    assert r.code == 0, r.stderr
    return f


def test_events_json_shape_and_codes(cli, db, tmp_path):
    _ingest(cli, db, tmp_path)
    rows = cli("events", "--db", str(db), "--format", "json").json()
    assert rows and all(EVENT_KEYS <= set(r) for r in rows)
    for r in rows:  # a target the sentence does not name is null, never an object of nulls
        assert set(r["source"]) == {"text", "code", "country", "role"}
        assert r["target"] is None or (set(r["target"]) == set(r["source"]) and r["target"]["code"])
    assert any(r["target"] is None for r in rows)  # untargeted events are stored too
    dyads = cli("events", "--db", str(db), "--format", "json", "--dyads").json()
    assert dyads and all(r["target"] and r["target"]["country"] != r["source"]["country"] for r in dyads)
    by = {(r["source"]["country"], r["cameo"], r["target"]["country"]): r for r in rows if r["target"]}
    delivered = by[("RUS", "072", "IRN")]
    assert delivered["mode"] == "did" and not delivered["negated"] and delivered["date"] == "2015-05-26"
    assert delivered["text"] == "Russia delivered S-300 missiles to Iran on Tuesday."
    refused = by[("RUS", "1222", "IRN")]
    assert refused["negated"] and refused["mode"] == "said"
    promise = by[("RUS", "0332", "IRN")]
    assert promise["quote"] and promise["speaker"] == "President Putin" and promise["date"] == "2015-06-01"
    assert by[("USA", "020", "RUS")]["root"] == "02"  # urged Moscow to halt the delivery
    # nothing else: a delivery that did not happen is never a 'did' event
    assert [r for r in rows if r["mode"] == "did"] == [delivered]


def test_events_filters(cli, db, tmp_path):
    _ingest(cli, db, tmp_path)
    rus = cli("events", "--db", str(db), "--source", "RUS", "--format", "json").json()
    assert rus and all(r["source"]["country"] == "RUS" for r in rus)
    appeals = cli("events", "--db", str(db), "--root", "2", "--format", "json").json()
    assert [r["cameo"] for r in appeals] == ["020"]
    assert cli("events", "--db", str(db), "--since", "2015-05-27", "--source", "RUS", "--target", "IRN",
               "--mode", "did", "--format", "json").json() == []
    csv_out = cli("events", "--db", str(db), "--format", "csv").stdout
    assert csv_out.splitlines()[0].count("source.code") == 1
    table = cli("events", "--db", str(db))
    assert table.code == 0 and "072" in table.stdout


def test_events_bad_options_are_one_line_errors(cli, db, tmp_path):
    _ingest(cli, db, tmp_path)
    for args in (["--root", "25"], ["--since", "yesterday"], ["--source", "R1"], ["--mode", "maybe"]):
        r = cli("events", "--db", str(db), *args)
        assert r.code == 2 and r.stderr.startswith("error:") and len(r.stderr.strip().splitlines()) == 1, args


def test_ingest_is_idempotent_for_events(cli, db, tmp_path):
    f = _ingest(cli, db, tmp_path)
    n = len(cli("events", "--db", str(db), "--format", "json").json())
    assert cli("ingest", str(f), "--db", str(db)).code == 0
    assert len(cli("events", "--db", str(db), "--format", "json").json()) == n


def test_code_recodes_the_store_with_extra_verbs(cli, db, tmp_path):
    _ingest(cli, db, tmp_path)
    before = cli("events", "--db", str(db), "--format", "json").json()
    r = cli("code", "--db", str(db))
    assert r.code == 0, r.stderr
    again = cli("events", "--db", str(db), "--format", "json").json()
    assert sorted(e["event_id"] for e in again) == sorted(e["event_id"] for e in before)
    verbs = tmp_path / "verbs.csv"  # a user's own rule: "cold" weather in Moscow is not an event; "criticise" → 112
    verbs.write_text("verb,particle,object,target,code,frame,note\ncriticise,,sale,objnp|dobj,112,,\n",
                     encoding="utf-8")
    assert cli("code", "--db", str(db), "--verbs", str(verbs)).code == 0
    codes = {e["cameo"] for e in cli("events", "--db", str(db), "--format", "json").json()}
    # the user's more specific rule recodes "criticised the sale" (111 → 112); nothing else is lost
    assert "112" in codes and codes >= {e["cameo"] for e in before} - {"111"}


def test_code_with_a_missing_dictionary_changes_nothing(cli, db, tmp_path):
    _ingest(cli, db, tmp_path)
    con = duckdb.connect(str(db), read_only=True)
    n = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    r = cli("code", "--db", str(db), "--actors", str(tmp_path / "missing.txt"))
    assert r.code != 0 and "missing.txt" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == n
    con.close()


def test_fixture_articles_code_the_s300_ban(cli, db, articles):
    assert cli("ingest", str(articles), "--db", str(db)).code in (0, 1)
    rows = cli("events", "--db", str(db), "--source", "RUS", "--target", "IRN", "--format", "json").json()
    assert any(r["root"] in ("16", "05") for r in rows)


def test_ingest_with_petrarch_actor_dictionaries(cli, db, tmp_path, shared_data):
    f = tmp_path / "arnor.txt"
    f.write_text("Arnor criticised Gondor on Monday.\n\nThe Gondor government praised Arnor.\n", encoding="utf-8")
    assert cli("ingest", str(f), "--db", str(db), "--date", "1995-01-04").code == 0
    # invented states are unknown to us: at most a generic "government" of no known state praising nobody
    rows = cli("events", "--db", str(db), "--format", "json").json()
    assert all(e["source"]["country"] == "---" and e["target"] is None for e in rows)
    db2 = tmp_path / "with-dicts.duckdb"
    petr = shared_data / "petrarch"
    r = cli("ingest", str(f), "--db", str(db2), "--date", "1995-01-04",
            "--actors", str(petr / "PETR.Validate.actors.txt"), "--actors", str(petr / "PETR.Validate.agents.txt"))
    assert r.code == 0, r.stderr
    rows = cli("events", "--db", str(db2), "--format", "json").json()
    got = {(e["source"]["code"], e["cameo"], e["target"]["code"], e["date"]) for e in rows if e["target"]}
    assert ("ARN", "111", "GON", "1995-01-02") in got
    assert any(s.startswith("GON") and c == "051" and t == "ARN" for s, c, t, _ in got)
