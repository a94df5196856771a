"""Promises the event coder reads where the grammar of promising finds none (issue 14, detection recall).
The coder codes "planned to sell eight F-16s to Pakistan" as an intent to give military aid (CAMEO 0332);
the commitment stage, which runs after it on each file, turns such intents between two states into
promises when the verb governs a thing. Our own sentences in the shape of real reports."""

from __future__ import annotations

import datetime as dt

from tests.commitments.conftest import mention_rows
from tests.conftest import run_cli


def text_ledger(tmp_path, docs: dict[str, tuple[str, str]]) -> list[dict]:
    """The ledger of `docs` (file name -> (date, body)) as the real CLI builds it: ingest (the coder, then the
    commitment stage) and `ledger --format json`."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, (date, body) in docs.items():
        (folder / name).write_text(f"---\ntitle: {name}\ndate: {date}\n---\n{body}\n", encoding="utf-8")
    db = tmp_path / "store.duckdb"
    assert run_cli("ingest", folder, "--db", db).code == 0
    r = run_cli("ledger", "--db", db, "--format", "json")
    assert r.code == 0, r.stderr
    return r.json()


def test_an_intent_the_coder_reads_becomes_a_promise_of_its_thing(tmp_path):
    text = "Washington planned to sell eight F-16 fighter jets to Pakistan, officials said on Tuesday."
    assert mention_rows(text, dt.date(2016, 2, 12)) == []  # the detector alone: no verb of promising
    ledger = text_ledger(tmp_path, {"jets.md": ("2016-02-12", text)})
    assert [(e["promisor"], e["promisee"]) for e in ledger if "f-16" in (e["object"] or "")] == [("USA", "PAK")]


def test_an_intent_without_a_thing_gives_no_entry(tmp_path):
    """"ready to hold talks": an intent to meet leaves nothing to deliver, so no ledger entry."""
    ledger = text_ledger(tmp_path, {"talks.md": ("2016-02-12", "India is ready to hold talks with Pakistan, "
                                                               "the foreign ministry said.")})
    assert not [e for e in ledger if {e["promisor"], e["promisee"]} == {"IND", "PAK"} and e["kind"] == "deliver"
                and "talk" not in (e["object"] or "")], ledger
