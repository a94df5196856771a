"""An outcome told in another story, decades before the first article that reports an undated promise, is
not that promise's outcome (commitments/link.py, RETELLING_SPAN): the demo ledger had a 2023 promise of
military equipment "broken" by a cancellation of 2000. Our own invented reports, run through the real
ingest pipeline."""

from __future__ import annotations

from pathlib import Path

from tests.commitments.conftest import folder_ledger, text_ledger

DOCS = {
    "new.md": ("2023-01-16", "MINSK, Jan. 16 — Russia has agreed to deliver armoured vehicles to Belarus, "
                             "officials said on Monday."),
    "soon.md": ("2023-06-02", "MINSK, June 2 — Russia cancelled the delivery of armoured vehicles to Belarus, "
                              "the ministry said."),
}


def test_an_outcome_decades_older_than_the_promises_first_report_does_not_settle_it(tmp_path):
    """The demo corpus's shape: Russia walking out of an arms-sales agreement in 2000 is no breach of the
    military equipment an article of 2023 says Iran ordered from Russia."""
    corpus = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("2000-11-24-russia-quits-gore-chernomyrdin.md", "2023-01-16-su35-order.md"):
        (folder / name).write_text((corpus / name).read_text(encoding="utf-8"), encoding="utf-8")
    rows = [e for e in folder_ledger(folder, tmp_path / "store.duckdb") if str(e["made"]).startswith("2023")]
    assert rows, "no promise of 2023 was found"
    assert not any(str(o.get("date", "")).startswith("2000") for e in rows for o in e["outcomes"])
    assert all(e["status"] != "broken" for e in rows)


def test_a_later_outcome_still_settles_it(tmp_path):
    rows = [e for e in text_ledger(tmp_path, {k: DOCS[k] for k in ("new.md", "soon.md")})
            if e["promisor"] == "RUS" and e["promisee"] == "BLR"]
    assert rows and rows[0]["status"] == "broken"
