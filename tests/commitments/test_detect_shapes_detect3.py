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


# -- the maker of a thing the promisor already holds is no party to the promise ---------------------------
PEACE = "Ghana and Togo signed a peace accord in 1994. Togo welcomed it. "


def test_dismantling_its_own_foreign_made_reactors_is_a_promise_to_the_partner():
    got = mentions(PEACE + "Under the accord, Ghana promised to dismantle its Russian-model reactors.")
    assert [(c.promisor, c.promisee) for c in got] == [("GHA", "TGO")]


def test_the_origin_of_ones_own_tanks_is_not_a_party():
    got = mentions(PEACE + "Under the accord, Ghana promised to scrap its Soviet-built tanks.")
    assert [(c.promisor, c.promisee) for c in got] == [("GHA", "TGO")]


def test_buying_foreign_made_tanks_is_still_the_makers_promise():
    got = mentions("Ghana agreed to buy Russian-made tanks.")
    assert [(c.promisor, c.promisee) for c in got] == [("RUS", "GHA")]
