"""A promise is judged as of the news of its own pair of states (issue 14, status): "pending" is "the reports
end with the promise still open", which is a matter of how far the reports on that pair run, not of the
newest report in the whole store. Our own invented sentences in the shape of real reports."""

from __future__ import annotations

from tests.commitments.conftest import text_ledger

PLEDGE = ("2010-05-04", "Kenya pledged on Tuesday to supply Uganda with 100,000 tonnes of maize, officials in "
                        "Nairobi said.")
#: A report on another pair of states, years later, in the same store.
ELSEWHERE = ("2020-02-11", "Brazil agreed on Monday to sell Chile six patrol boats, the Chilean navy said.")


def _maize(ledger: list[dict]) -> dict:
    return next(e for e in ledger if e["promisor"] == "KEN" and e["promisee"] == "UGA")


def test_a_promise_the_newest_report_on_the_pair_still_tells_is_pending(tmp_path):
    ledger = text_ledger(tmp_path, {
        "a.md": PLEDGE,
        "b.md": ("2013-08-20", "Kenya is still to supply Uganda with the 100,000 tonnes of maize it pledged in "
                               "2010, a Ugandan minister said."),
        "c.md": ELSEWHERE,
    })
    assert _maize(ledger)["status"] == "pending", _maize(ledger)


def test_a_promise_later_news_of_the_pair_is_silent_on_is_unknown(tmp_path):
    ledger = text_ledger(tmp_path, {
        "a.md": PLEDGE,
        "b.md": ("2013-08-20", "Kenya agreed on Monday to build a railway to Uganda, officials in Nairobi said."),
    })
    assert _maize(ledger)["status"] == "unknown", _maize(ledger)


def test_a_due_date_after_the_pairs_last_report_is_not_yet_due(tmp_path):
    """Reports on Kenya and Uganda end in 1991 with the maize due by 1993: pending, even though the store
    holds a 2020 report on other states."""
    ledger = text_ledger(tmp_path, {
        "a.md": ("1991-05-04", "Kenya pledged on Tuesday to supply Uganda with 100,000 tonnes of maize by "
                               "the end of 1993, officials in Nairobi said."),
        "c.md": ELSEWHERE,
    })
    assert _maize(ledger)["status"] == "pending", _maize(ledger)
