"""Intransitive uses: the subject is what the verb acts on when a rule names its class."""

from __future__ import annotations

import datetime as dt

from tests.coding.conftest import coded_triples
from trustledger.coding.coder import EventCoder

DAY = dt.date(2016, 3, 1)


def triples(coder: EventCoder, text: str) -> list[tuple]:
    return coded_triples(coder, text, DAY)


def test_intransitive_troop_withdrawal_is_a_withdrawal(coder):
    # the subject is what withdraws: "troops withdrew from X" is coded as "withdrew troops from X" (087)
    got = triples(coder, "Turkish troops withdrew from Iraq on Friday.")
    assert ("TURMIL", "08", "IRQ") in got, got


def test_intransitive_rule_needs_the_object_class(coder):
    # a subject outside the rule's object class keeps the plain reading (withdraw from X: 166)
    got = triples(coder, "Egypt withdrew from Libya on Friday.")
    assert got and all(r != "08" for _, r, _ in got), got
