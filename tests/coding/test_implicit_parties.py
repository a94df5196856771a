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


def test_a_news_bureau_city_places_no_one(ingest_coder):
    text = ("Somali rebels attacked an army base near Baidoa on Monday. In a statement sent to Reuters in Nairobi, "
            "Kenya, the rebels said they had killed 12 soldiers.")
    got = triples(ingest_coder, text)
    assert ("SOMREB", "19", "SOMMIL") in got
    assert not any(s.startswith("KEN") or (t or "").startswith("KEN") for s, _, t in got)


def test_attacks_as_subject_of_force_are_the_last_attacker(ingest_coder):
    text = "Rebel fighters attacked the town of Dara on Monday. The majority of the raids targeted army posts."
    hit = [e for e in ingest_coder.code_text(text, DAY) if e.verb == "targeted"]
    assert hit and hit[0].source.role == "REB"


def test_attacks_named_with_their_doer_are_not_the_last_attacker(ingest_coder):
    text = "Rebel fighters attacked the town of Dara on Monday. Israeli raids targeted army posts."
    hit = [e for e in ingest_coder.code_text(text, DAY) if e.verb == "targeted"]
    assert not any(e.source.role == "REB" for e in hit)


def test_passive_force_takes_the_armed_subject_of_a_clause_of_the_same_moment(ingest_coder):
    text = "BAMAKO — Four gunmen were killed near Gao on Tuesday as Chadian and Malian troops swept the town."
    got = {(e.source.code, e.cameo[:2]) for e in ingest_coder.code_text(text, DAY) if e.verb == "killed"}
    assert ("TCDMIL", "19") in got and ("MLIMIL", "19") in got


def test_passive_force_on_the_clause_subjects_own_side_names_no_doer(ingest_coder):
    text = "BAMAKO — Four soldiers were killed near Gao on Tuesday as Malian troops swept the town."
    assert not [e for e in ingest_coder.code_text(text, DAY) if e.verb == "killed"]


def test_a_verdict_told_with_no_agent_is_the_court_of_the_report_state(ingest_coder):
    got = triples(ingest_coder, "HARARE, Zimbabwe — Six opposition activists were found guilty of treason on Monday.")
    assert ("ZWEJUD", "11", "ZWEOPP") in got


def test_an_acquittal_told_with_no_agent_is_the_court_of_the_report_state(ingest_coder):
    got = triples(ingest_coder, "HARARE, Zimbabwe — The opposition leader was acquitted of treason on Monday.")
    assert ("ZWEJUD", "08", "ZWEOPP") in got


def test_prisoners_released_with_no_agent_are_released_by_the_report_state(ingest_coder):
    got = triples(ingest_coder, "HARARE, Zimbabwe — Twelve political prisoners were released on Monday.")
    assert any(s == "ZWEGOV" and r == "08" for s, r, _ in got)


def test_hostages_freed_with_no_agent_name_no_state(ingest_coder):
    got = triples(ingest_coder, "HARARE, Zimbabwe — Twelve hostages were freed on Monday.")
    assert not any(s == "ZWEGOV" for s, _, _ in got)


def test_the_venue_of_talks_is_no_party_to_them(ingest_coder):
    """"ended their talks in Brasilia": the capital where the talks sat is no party to them (as the venue of
    a meeting is not), so Brazil is not the target of ending them."""
    got = triples(ingest_coder, "Ecuador and Peru ended their talks in Brasilia.")
    assert ("ECU", "16", "PER") in got and ("PER", "16", "ECU") in got, got
    assert all(t is None or not t.startswith("BRA") for _, _, t in got), got
