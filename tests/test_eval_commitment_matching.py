"""The report-based ledger score matches expectations to entries as an assignment, not first come first
served: an expectation listed first must not take the entry a later one alone can use."""

from __future__ import annotations

import pytest

from tests.conftest import load_bench


@pytest.fixture(scope="module")
def ec():
    return load_bench("eval_reports_commitments")


def _entry(i: str, a: str, b: str, obj: str, what: str) -> dict:
    return {"commitment_id": i, "promisor": a, "promisee": b, "object": obj, "what": what, "terms": []}


def test_a_later_expectation_keeps_the_only_entry_it_can_use(ec):
    golds = [{"promisor": "ESP", "promisee": "MAR", "object": "rail loan", "what": "lend for the rail line"},
             {"promisor": "ESP", "promisee": "MAR", "object": "rail line", "what": "build the high-speed line"}]
    pred = [_entry("1", "ESP", "MAR", "line", "build the high-speed rail line"),
            _entry("2", "ESP", "MAR", "loan", "lend Morocco money")]
    got = ec.assign(golds, pred)
    assert got[0]["commitment_id"] == "2" and got[1]["commitment_id"] == "1"


def test_the_expected_direction_wins_between_mutual_promises(ec):
    golds = [{"promisor": "TJK", "promisee": "KGZ", "object": "prisoners", "what": "free prisoners"}]
    pred = [_entry("1", "KGZ", "TJK", "prisoners", "free prisoners"),
            _entry("2", "TJK", "KGZ", "prisoners", "free prisoners")]
    assert ec.assign(golds, pred)[0]["commitment_id"] == "2"


def test_no_match_across_pairs_or_without_a_shared_word(ec):
    golds = [{"promisor": "ESP", "promisee": "MAR", "object": "frigates", "what": "deliver frigates"}]
    pred = [_entry("1", "ESP", "DZA", "frigates", "deliver frigates"),
            _entry("2", "ESP", "MAR", "loan", "lend money")]
    assert ec.assign(golds, pred) == {}


def test_an_entry_citing_two_cases_reports_counts_for_both(ec):
    names = {"d1": "C4-02-a.md", "d2": "C8-04-b.md", "d3": "notes.md"}
    merged = {"commitment_id": "1", "evidence": [{"doc_id": "d1"}, {"doc_id": "d2"}, {"doc_id": "d3"}]}
    by_case = ec.entries_by_case([merged], names)
    assert sorted(by_case) == ["C4-02", "C8-04"]


def test_a_detector_that_crashes_on_every_sentence_is_reported_not_read_as_nothing_found(ec, tmp_path, monkeypatch,
                                                                                          capsys):
    from trustledger.commitments import detect

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "C0-01-a.md").write_text("---\ntitle: t\ndate: 2015-03-02\n---\nRussia agreed to deliver "
                                                  "S-300 systems to Iran.\n\nThe first batch is due in 2016.\n",
                                                  encoding="utf-8")

    def boom(self, view):
        raise RuntimeError("detector broke")

    monkeypatch.setattr(detect.CommitmentFinder, "find", boom)
    monkeypatch.setattr(ec, "CASES", tmp_path)
    entries, _, _ = ec.run_ledger()
    assert entries == []
    assert "2 sentences failed in the commitments stage" in capsys.readouterr().out
