"""Guards on linking an outcome to a promise (issue 14, item 6: only what settles the promise is its outcome),
on invented reports in the shape of the demo's: a later article about the same pair tells of a deed with
another weapon of the same class, once as a violation by the supplier ("has used ... drones to attack
villages") and once as a delivery the other way, read a second time without its parties ("they had been
sent months before"). Neither may settle the supplier's promise of the howitzers."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.commitments.conftest import text_ledger
from trustledger.commitments.link import mark_duplicates


@pytest.fixture(scope="module")
def later_deed_with_other_arms(tmp_path_factory) -> list[dict]:
    return text_ledger(tmp_path_factory.mktemp("guards"), {
        "a.md": ("2015-06-02", "NIAMEY, June 2 — Niger signed a contract on Monday to deliver twelve howitzers "
                               "to Chad by the end of next year."),
        "b.md": ("2016-11-20", "NDJAMENA, Nov. 20 — Niger has completed delivery of the twelve howitzers to "
                               "Chad, the Chadian defence ministry said on Sunday."),
        "c.md": ("2022-11-05", "NDJAMENA, Nov. 5 — Mali and Western governments say Niger has used "
                               "Chadian-designed Kestrel drones to attack cities and power plants in Mali since "
                               "September. Foreign Minister Mahamat Saleh acknowledged on Saturday that Chad had "
                               "supplied Niger with a limited number of drones, but said they had been sent "
                               "months before the invasion of Mali."),
    })


def test_a_deed_with_another_weapon_of_the_class_does_not_settle_the_promise(later_deed_with_other_arms):
    sale = [e for e in later_deed_with_other_arms if e["promisor"] == "NER" and e["promisee"] == "TCD"
            and "howitzer" in (e["object"] or "")]
    assert sale, later_deed_with_other_arms
    assert sale[0]["status"] == "kept"
    assert sale[0]["fulfilled"] == dt.date(2016, 11, 20)
    assert not [o for o in sale[0]["outcomes"] if "drone" in (o["text"] or "")]


def _outcome(oid: str, actor: str | None, counterpart: str | None, sentence: int = 0) -> dict:
    return {"outcome_id": oid, "kind": "delivered", "actor": actor, "counterpart": counterpart, "object": "drone",
            "date": dt.date(2022, 11, 5), "doc_id": "d", "sentence_index": sentence, "story_id": "s",
            "doc_date": dt.date(2022, 11, 5)}


def test_a_deed_read_again_without_its_parties_in_the_same_sentence_is_the_same_deed():
    assert mark_duplicates([_outcome("told", "TCD", "NER"), _outcome("again", None, None)]) == {"again": "told"}
    # in another sentence, a partyless deed stands on its own
    assert mark_duplicates([_outcome("told", "TCD", "NER"), _outcome("other", None, None, sentence=1)]) == {}


@pytest.fixture(scope="module")
def unnamed_activity_elsewhere(tmp_path_factory) -> list[dict]:
    """A pact between two states that names only "the activities" of armed groups, and a report on two
    other states in which an activity was suspended and then restarted by no named party."""
    return text_ledger(tmp_path_factory.mktemp("elsewhere"), {
        "a.md": ("2003-03-13", "DAKAR, March 13 — Niger promised Mali on Thursday to end the activities of "
                               "armed groups on its soil."),
        "b.md": ("2005-08-08", "TEHRAN, Aug. 8 — Iran promised Britain in 2004 to suspend uranium enrichment. "
                               "Every activity at the plant had been suspended since November. Officials said "
                               "today that the country has restarted the activity at the plant."),
    })


def test_an_outcome_never_settles_a_promise_between_states_its_report_does_not_name(unnamed_activity_elsewhere):
    pact = [e for e in unnamed_activity_elsewhere if {e["promisor"], e["promisee"]} <= {"NER", "MLI"}]
    assert pact, unnamed_activity_elsewhere
    for e in pact:
        texts = [o["text"] or "" for o in e["outcomes"]]
        assert not [t for t in texts if "restarted" in t or "Every activity" in t], texts
