"""Detection mechanisms of branch detect3 (issue 14): promises the ledger did not find, stated in shapes of
real reports. Our own sentences; each test fails without its mechanism."""

from __future__ import annotations

import datetime as dt

from tests.commitments.conftest import sentence_mentions

#: The date the sentences of this file are read as.
ON = dt.date(2016, 3, 1)


def mentions(text: str) -> list:
    return sentence_mentions(text, ON)


# -- a promise to respect stated as a noun under a verb of restating --------------------------------------
def test_restating_respect_for_each_others_sovereignty_binds_both_sides():
    got = mentions("In the joint communique, Ghana and Togo restated their respect for each other's "
                   "sovereignty and territorial integrity.")
    pairs = {(c.promisor, c.promisee) for c in got if c.kind == "refrain"}
    assert pairs == {("GHA", "TGO"), ("TGO", "GHA")}
    assert all(c.what.startswith("respect") for c in got)


def test_reaffirming_respect_for_a_neighbours_borders_is_a_promise_to_it():
    got = mentions("Ghana reaffirmed its respect for Togo's sovereignty and territorial integrity.")
    assert [(c.promisor, c.promisee, c.kind) for c in got] == [("GHA", "TGO", "refrain")]


def test_respect_not_confirmed_is_no_promise():
    assert mentions("Ghana did not confirm its respect for Togo's sovereignty.") == []
