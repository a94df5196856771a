"""A halt to fighting is a ceasefire whatever its words ("agreed to stop fighting", "to cease firing",
"to stop the fighting along their border"), and a halt named by a gerund keeps the gerund's object ("will
stop testing long-range missiles"); signers named as "the leaders of A and B" or "the West African states
of A and B" are each a party, as "A and B" are (issue 14). Our own sentences in the shape of real reports."""

from __future__ import annotations

import datetime as dt

from tests.commitments.conftest import sentence_mentions

ON = dt.date(1985, 12, 27)


def _rows(text: str) -> list[tuple]:
    return sorted((c.promisor, c.promisee, c.kind, c.what) for c in sentence_mentions(text, ON))


def test_a_halt_to_fighting_is_a_ceasefire_each_way():
    want = [("BFA", "MLI", "refrain", "observe ceasefire"), ("MLI", "BFA", "refrain", "observe ceasefire")]
    assert _rows("Mali and Burkina Faso have agreed to stop fighting.") == want
    assert _rows("Mali and Burkina Faso agreed to stop the fighting along their border.") == want
    assert _rows("Mali and Burkina Faso agreed to a ceasefire.") == want


def test_a_halted_activity_named_by_a_gerund_keeps_its_object():
    got = sentence_mentions("Iran agreed with Britain to suspend enriching uranium for two years.", ON)
    assert [(c.promisor, c.kind) for c in got][:1] == [("IRN", "refrain")]
    assert "uranium" in (got[0].object or "")


def test_the_leaders_or_states_of_two_signers_are_both_parties():
    for text in ("The leaders of Mali and Burkina Faso agreed to withdraw their troops.",
                 "Tripoli radio said the West African states of Mali and Burkina Faso have agreed to withdraw "
                 "their troops."):
        assert {(c.promisor, c.promisee) for c in sentence_mentions(text, ON)} == {("MLI", "BFA"), ("BFA", "MLI")}, text


def test_the_what_of_a_halt_names_the_halted_act():
    got = sentence_mentions("Under the Joint Plan of Action, Iran agreed with the United States to stop enriching "
                            "uranium above 5 percent.", dt.date(2013, 11, 24))
    assert [(c.promisor, c.what) for c in got][:1] == [("IRN", "stop enriching uranium")]
