"""What became of a promise made as a clause of an agreement, when a party later cancels the agreement
itself (issue 14, status work, second round), on our own invented sentences in the shape of real reports."""

from __future__ import annotations

from tests.commitments.conftest import text_ledger


def test_cancelling_the_agreement_breaks_the_canceller_s_clauses(tmp_path):
    """"Signed a protocol committing them to open their borders", years later "has cancelled the
    protocols": the canceller's promises under it are broken, though none was keyed 'protocol'; the
    other signatory's promises are not its breach."""
    ledger = text_ledger(tmp_path, {
        "a.md": ("2011-05-14", "On Saturday Niger and Chad signed a protocol committing them to set up "
                               "diplomatic relations and to open their borders."),
        "b.md": ("2016-02-05", "The president of Niger has cancelled the protocols meant to normalise relations "
                               "with Chad, which had lain dormant for years."),
    })
    niger = {e["object"]: e["status"] for e in ledger if e["promisor"] == "NER" and e["promisee"] == "TCD"}
    chad = {e["object"]: e["status"] for e in ledger if e["promisor"] == "TCD" and e["promisee"] == "NER"}
    assert niger and set(niger.values()) == {"broken"}
    assert chad and "broken" not in set(chad.values())


def test_a_clause_made_after_the_cancellation_is_not_broken_by_it(tmp_path):
    ledger = text_ledger(tmp_path, {
        "a.md": ("2016-02-05", "The president of Niger has cancelled the protocols meant to normalise relations "
                               "with Chad."),
        "b.md": ("2019-05-14", "On Tuesday Niger and Chad signed a new protocol committing them to open their "
                               "borders."),
    })
    niger = [e for e in ledger if e["promisor"] == "NER" and e["promisee"] == "TCD"]
    assert niger and all(e["status"] != "broken" for e in niger)
