"""What became of a promise to open talks, and of a promise to halt an activity, when a later report tells
the talks held or the activity still halted (issue 14, status work, third round), on our own invented
sentences in the shape of real reports."""

from __future__ import annotations

import pytest

from tests.commitments.conftest import text_ledger

#: The promise of the talks cases: two states agree to open negotiations by a date.
TALKS_PROMISED = ("2021-01-10", "Kenya and Uganda agreed on Saturday to open technical negotiations on their "
                                "disputed lake border no later than the end of March 2021.")


def _kenya_to_uganda(ledger: list[dict]) -> list[dict]:
    return [e for e in ledger if e["promisor"] == "KEN" and e["promisee"] == "UGA"]


@pytest.mark.parametrize("held", [
    "The talks took place in Doha on 15 March under the framework of the January declaration, Kenyan and "
    "Ugandan officials said.",
    "The first round of negotiations was held in Doha on 15 March, Kenyan and Ugandan officials said.",
])
def test_talks_that_took_place_keep_the_promise_to_open_them(tmp_path, held):
    """"Agreed to open technical negotiations by the end of March", then "the talks took place in Doha"
    or, in the passive, "negotiations were held": the negotiations promised were held, in other words
    ("talks" for "negotiations")."""
    ledger = text_ledger(tmp_path, {"a.md": TALKS_PROMISED, "b.md": ("2021-03-20", held)})
    kenya = _kenya_to_uganda(ledger)
    assert kenya and kenya[0]["status"] == "kept"


def test_talks_still_to_be_held_keep_nothing(tmp_path):
    ledger = text_ledger(tmp_path, {
        "a.md": TALKS_PROMISED,
        "b.md": ("2021-02-20", "The talks will take place in Doha next month, Kenyan and Ugandan officials said."),
    })
    kenya = _kenya_to_uganda(ledger)
    assert kenya and kenya[0]["status"] != "kept"


def test_a_halt_reported_still_in_force_keeps_the_promise_to_halt(tmp_path):
    """"Pledged to suspend its missile tests", then "missile tests, which are to stay suspended":
    the halt is in force at the later report, the promise kept so far (as of that report)."""
    ledger = text_ledger(tmp_path, {
        "a.md": ("2011-03-02", "Brazil pledged to Argentina on Tuesday that it would suspend its missile "
                               "tests while the talks go on."),
        "b.md": ("2012-06-04", "Brazil will restart its space launches, but missile tests, which are to "
                               "stay suspended, are not part of the plan, an official in Brasilia said."),
    })
    halt = [e for e in ledger if e["promisor"] == "BRA" and e["promisee"] == "ARG"]
    assert halt and halt[0]["status"] == "kept" and str(halt[0]["fulfilled"]).startswith("2012")


def test_deliveries_that_remain_halted_are_a_suspension_not_a_delivery():
    """"Gas deliveries remained halted": the halt in force, what a promise to deliver is held up by."""
    import datetime as dt

    from trustledger.commitments.stage import find_in_document
    from trustledger.nlp.model import load_model
    from trustledger.nlp.sentences import sentences_of

    doc = load_model()("Egypt agreed to supply gas to Jordan. Gas deliveries to Jordan remained halted on Monday.")
    out = find_in_document(doc, sentences_of(doc), "d", dt.date(2020, 6, 10))[1]
    assert [o.kind for o in out] == ["suspended"]


def test_talks_held_keep_both_sides_promise_to_open_them(tmp_path):
    """Talks are held by both sides: "the talks took place" keeps each side's promise to open them,
    not only the one it was linked to first."""
    ledger = text_ledger(tmp_path, {
        "a.md": TALKS_PROMISED,
        "b.md": ("2021-03-20", "The talks took place in Doha on 15 March under the framework of the January "
                               "declaration, Kenyan and Ugandan officials said."),
    })
    sides = {(e["promisor"], e["promisee"]): e["status"] for e in ledger}
    assert sides.get(("KEN", "UGA")) == "kept" and sides.get(("UGA", "KEN")) == "kept"


def test_states_that_still_have_no_relations_have_not_set_them_up(tmp_path):
    """"Signed a protocol committing them to set up diplomatic relations", months later "the two countries
    have neither diplomatic nor trade relations": the promise not carried out, for each side."""
    ledger = text_ledger(tmp_path, {
        "a.md": ("2011-05-14", "On Saturday Niger and Chad signed a protocol committing them to set up "
                               "diplomatic relations."),
        "b.md": ("2012-04-02", "The two countries have neither diplomatic nor trade relations, officials in "
                               "Niamey and Ndjamena said."),
    })
    sides = {(e["promisor"], e["promisee"]): e["status"] for e in ledger if e["object"] == "diplomatic relations"}
    assert sides.get(("NER", "TCD")) == "broken" and sides.get(("TCD", "NER")) == "broken"
