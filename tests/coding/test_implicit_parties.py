"""Parties a clause leaves implicit and its sentence or report supplies (issue 13): a plural pronoun
inside a clause whose governing subject lists the states. Every sentence is our own, in the shape of
real wire copy."""

from __future__ import annotations

import datetime as dt

from tests.coding.conftest import root_triples

DAY = dt.date(2012, 3, 14)


def triples(coder, text: str) -> set[tuple[str, str, str | None]]:
    return root_triples(coder, text, DAY)


def test_they_in_a_dependent_clause_is_the_listed_subject_of_its_governor(ingest_coder):
    got = triples(ingest_coder, "Next month Peru and Ecuador will mark ten years since they signed a border accord.")
    assert ("PER", "05", "ECU") in got and ("ECU", "05", "PER") in got


def test_they_after_a_single_subject_is_not_a_listed_pair(ingest_coder):
    got = triples(ingest_coder, "Peru will mark ten years since they signed a border accord with Ecuador.")
    assert not any(s == "ECU" for s, _, _ in got)
