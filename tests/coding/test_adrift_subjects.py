"""A finite verb the parser left with no subject after a long fronted phrase (issue 13): the name that
ends right before it is its subject, the whole list when the names are joined by "and", and not the
places in a row before it ("in Paris, France, the Front charged")."""

from __future__ import annotations

import datetime as dt

from tests.coding.conftest import root_triples
from trustledger.coding.coder import EventCoder

DAY = dt.date(1996, 5, 10)


def test_a_subject_hung_on_a_fronted_place_is_the_verbs(ingest_coder: EventCoder) -> None:
    got = root_triples(ingest_coder, "In a pair of statements e-mailed to Reuters in Paris, France, the Polisario "
                                     "Front charged that Morocco was arresting activists.", DAY)
    assert any(s.startswith("ESH") and r == "11" for s, r, _ in got)
    assert not any(s.startswith("FRA") for s, _, _ in got)  # the places before it are no party


def test_listed_states_stranded_after_a_fronted_clause_speak_together(ingest_coder: EventCoder) -> None:
    got = root_triples(ingest_coder, "After clashes on their common frontier killed two Armenian soldiers, Armenia "
                                     "and Azerbaijan said on Monday that they had agreed to a truce.", DAY)
    assert ("ARM", "03", "AZE") in got and ("AZE", "03", "ARM") in got
