"""Linking and the ledger end to end: real files, the real ingest pipeline and the real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustledger.commitments import queries
from trustledger.store.db import Store

DOCS = {
    "a.md": ("1995-01-08", "TEHRAN, Jan. 8 — Russia and Iran signed a contract on Sunday under which Russia will "
                           "complete the Bushehr nuclear power plant.\n\nIranian officials said the plant was due to "
                           "come online in 1999."),
    "b.md": ("2010-09-22", "MOSCOW, Sept. 22 — Russia signed a contract in 2007 to sell S-300 missile systems to "
                           "Iran.\n\nPresident Dmitry Medvedev signed a decree on Wednesday that bans the delivery of "
                           "S-300 missile systems to Iran."),
    "c.md": ("2011-09-04", "TEHRAN, Sept. 4 — Iran's Bushehr nuclear power plant was connected to the national grid "
                           "late on Saturday and began supplying electricity."),
    "c-copy.md": ("2011-09-04", "TEHRAN (Wire) — Iran's Bushehr nuclear power plant was connected to the national "
                                "grid late on Saturday and began supplying electricity.\n\n(Reporting by Wire staff.)"),
    "d.md": ("2016-10-25", "MOSCOW, Oct. 25 — Russia has completed delivery of S-300 air-defence missile systems to "
                           "Iran, Russian officials said on Tuesday."),
    "e.md": ("2016-11-01", "PARIS, Nov. 1 — France delivered Rafale jets to Egypt on Tuesday."),
    "f.md": ("2018-10-05", "NEW DELHI, Oct. 5 — Russia signed a contract on Friday to supply S-400 systems to India."),
    "g.md": ("2017-09-12", "ANKARA, Sept. 12 — Russia signed a contract on Tuesday to supply S-400 systems to Turkey."),
    "h.md": ("2019-09-16", "ANKARA, Sept. 16 — The S-400 systems were delivered by Russia on Sunday, Turkish "
                           "officials said, despite warnings from Turkey's NATO allies."),
    "i.md": ("2019-03-18", "MOSCOW, March 18 — Egypt and Russia signed a contract for more than 20 Su-35 fighter "
                           "jets, Russian media reported."),
    "j.md": ("2022-03-02", "MOSCOW, March 2 — The Su-35 jets built for Egypt have not been delivered, industry "
                           "sources said."),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("ledger")
    for name, (date, body) in DOCS.items():
        (folder / name).write_text(f"---\ntitle: {name}\ndate: {date}\n---\n{body}\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def store_path(corpus, tmp_path_factory, monkeypatch_module=None) -> Path:
    import trustledger.ingest.pipeline as pipeline
    from trustledger.commitments.stage import CommitmentStage

    path = tmp_path_factory.mktemp("db") / "store.duckdb"
    with Store(path) as st:
        pipeline.Ingestor(st, pipeline.IngestOptions(), stages=(CommitmentStage(),)).run([str(corpus)])
    return path


def entries(path: Path, **kw):
    with Store(path, read_only=True) as st:
        return {r["object"]: r for r in queries.ledger(st, **kw)}


def test_alias_and_passive_link_and_status(store_path):
    e = entries(store_path, promisor="RUS", promisee="IRN")
    bushehr = e["bushehr"]
    # "the plant" (alias) carries the due date; the passive "was connected" fulfils it
    assert bushehr["due"].year == 1999 and bushehr["status"] == "kept_late"
    assert bushehr["fulfilled"].isoformat() == "2011-09-03"
    assert len(bushehr["evidence"]) == 2


def test_later_outcome_changes_status(store_path):
    s300 = entries(store_path)["s-300"]
    kinds = [o["kind"] for o in s300["outcomes"]]
    assert "suspended" in kinds and "delivered" in kinds
    assert s300["status"] == "kept_late"


def test_near_duplicate_counted_once(store_path):
    bushehr = entries(store_path)["bushehr"]
    assert [o["kind"] for o in bushehr["outcomes"]].count("delivered") == 1


def test_delivery_never_promised_makes_no_commitment(store_path):
    assert "rafale" not in entries(store_path)
    with Store(store_path, read_only=True) as st:
        row = st.query("SELECT commitment_id FROM outcomes WHERE object = 'rafale'")
    assert row and row[0]["commitment_id"] is None


def test_outcome_without_counterpart_links_within_its_article(store_path):
    with Store(store_path, read_only=True) as st:
        turkey = queries.ledger(st, promisor="RUS", promisee="TUR")
        india = queries.ledger(st, promisor="RUS", promisee="IND")
    assert [o["kind"] for o in turkey[0]["outcomes"]] == ["delivered"] and turkey[0]["status"] == "kept"
    # nothing reported on it, and no later news of the pair than its own article: still open
    assert india[0]["outcomes"] == [] and india[0]["status"] == "pending"


def test_co_signers_direction_comes_from_what_was_delivered_to_whom(store_path):
    with Store(store_path, read_only=True) as st:
        rows = queries.ledger(st, promisor="RUS", promisee="EGY")
    assert [r["object"] for r in rows] == ["su-35"] and rows[0]["status"] == "broken"


def test_ledger_cli_json_shape(cli, store_path):
    r = cli("ledger", "--db", store_path, "--from", "RUS", "--to", "IRN", "--format", "json")
    assert r.code == 0, r.stderr
    rows = r.json()
    assert rows and {"commitment_id", "promisor", "promisee", "what", "made", "due", "status", "fulfilled",
                     "delay_days", "evidence", "outcomes"} <= set(rows[0])
    assert {"doc_id", "sentence_index", "text"} <= set(rows[0]["evidence"][0])
    out = next(r for r in rows if r["outcomes"])["outcomes"][0]
    assert {"outcome_id", "kind", "date", "text", "doc_id", "sentence_index"} <= set(out)
    bad = cli("ledger", "--db", store_path, "--status", "great")
    assert bad.code == 2 and "--status" in bad.stderr


def test_ledger_table_writes_statuses_in_words(cli, store_path):
    """The table says "kept late" where JSON keeps the code `kept_late`; --status takes either."""
    rows = cli("ledger", "--db", store_path, "--status", "kept_late", "--format", "json").json()
    assert rows and {r["status"] for r in rows} == {"kept_late"}
    table = cli("ledger", "--db", store_path, "--status", "kept late")
    assert table.code == 0, table.stderr
    assert "kept late" in table.stdout and "kept_late" not in table.stdout
