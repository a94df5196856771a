"""Shapes of real news sentences (PLOVER dev, issue 13, session 7): each test is our own invented
sentence in the shape of the real ones a mechanism fixes, and each can fail."""

from __future__ import annotations

import datetime as dt

from tests.coding.conftest import full_codes, root_triples

DAY = dt.date(2001, 3, 4)


def test_allowing_a_rally_is_a_concession_to_the_party_allowed(ingest_coder) -> None:
    """"allowed the opposition leader to hold a rally": the minister yields (08) to the opposition; the
    rally is only made possible, so it is no event of the opposition's own."""
    got = root_triples(ingest_coder, "The Peruvian interior minister allowed opposition leader Jorge Mendez "
                       "to hold a rally in Lima.", DAY)
    assert any(s.startswith("PER") and r == "08" and t == "PEROPP" for s, r, t in got)
    assert not any(s == "PEROPP" for s, _, _ in got)


def test_will_allow_is_an_intent_even_past_a_relative_clause(ingest_coder) -> None:
    """"will allow refugees who have lived in X for years to return": an intent to yield (03); the
    parser hangs the infinitive inside the relative clause, the permission still governs it."""
    got = root_triples(ingest_coder, "Peru will allow up to 5,000 Bolivian refugees who have lived in Chile "
                       "for years to return home.", DAY)
    assert any(s == "PER" and r == "03" for s, r, _ in got)


def test_not_allowing_is_a_refusal(ingest_coder) -> None:
    """"did not allow the ships to dock": a refusal (12) toward the party refused."""
    got = root_triples(ingest_coder, "Chile did not allow the Bolivian ships to dock.", DAY)
    assert any(s == "CHL" and r == "12" and t and t.startswith("BOL") for s, r, t in got)


def test_a_permission_with_no_party_named_is_no_event(ingest_coder) -> None:
    """"would not allow to take office", with no party the report names: no dyad to code."""
    got = root_triples(ingest_coder, "The unrest comes after two elections whose winners the Bolivian "
                       "military would not allow to take office.", DAY)
    assert not any(r in ("08", "12") for _, r, _ in got)


def test_hosting_talks_between_two_parties_is_mediation(ingest_coder) -> None:
    """"hosted talks between X and Y": the host is the third party bringing them together (045, root
    04), toward each party; hosting a visitor stays a hosted visit (043)."""
    got = root_triples(ingest_coder, "Spain hosted talks between Morocco and Algeria.", DAY)
    assert ("ESP", "04", "MAR") in got and ("ESP", "04", "DZA") in got
    codes = [c for _, c, _ in full_codes(ingest_coder, "Spain hosted talks between Morocco and Algeria.", DAY)]
    assert "045" in codes and "043" not in codes


def test_quoted_as_saying_names_the_speaker(ingest_coder) -> None:
    """"X was quoted as saying he would be ready to host ...": the one quoted speaks; his readiness is
    an intent (03) of his state, not an act of no one."""
    got = root_triples(ingest_coder, "King Juan of Spain was quoted today as saying he would be ready to host "
                       "a meeting between Morocco and Algeria.", DAY)
    assert any(s.startswith("ESP") and r == "03" for s, r, _ in got)


def test_agreeing_to_a_proposal_is_intent_to_cooperate(ingest_coder) -> None:
    """"agreed to a Peruvian proposal", "agreed to an extension of the mandate": the codebook's 030
    (offer, promise, agree to ... cooperate), not the bare accord of a statement (019); an infinitive
    after "agreed to" stays the act as an intent, and a ceasefire keeps its own row (verb_objects class
    `proposal`)."""
    assert ("CHL", "03", "PER") in root_triples(ingest_coder, "Chile agreed to a Peruvian proposal for joint "
                                                "border patrols.", DAY)
    assert ("RUS", "01", "CHN") in root_triples(ingest_coder, "Russia and China agree that the dispute must "
                                                "end.", DAY)  # agreeing that ...: an accord still
    codes = {c for _, c, _ in full_codes(ingest_coder, "Chile agreed to a ceasefire with Peru.", DAY)}
    assert "0356" in codes


def test_insisting_that_a_party_act_is_a_demand(ingest_coder) -> None:
    """"insisted that Chile withdraw its troops" (the mandative subjunctive, base form): a demand (10)
    of Chile, not Chile's withdrawal; "insisted that Chile had withdrawn" reports the withdrawal."""
    got = root_triples(ingest_coder, "Peru insisted that Chile withdraw its troops from the border.", DAY)
    assert ("PER", "10", "CHL") in got
    assert not any(s == "CHL" for s, _, _ in got)
    got = root_triples(ingest_coder, "Peru insisted that Chile had withdrawn its troops.", DAY)
    assert not any(r == "10" for _, r, _ in got)
    got = root_triples(ingest_coder, "Peru insisted that the Chilean fishermen be released.", DAY)
    assert any(s == "PER" and r == "10" for s, r, _ in got)


def test_peacekeepers_arriving_is_peacekeeping_not_a_visit(ingest_coder) -> None:
    """"the first African Union peacekeepers arrived in Somalia": the codebook's 074 (provide military
    protection or peacekeeping), root 07; a minister arriving for talks still visits (042)."""
    got = root_triples(ingest_coder, "The first African Union peacekeepers arrived in Somalia on Monday.", DAY)
    assert any(r == "07" and t == "SOM" for _, r, t in got)
    assert not any(r == "04" for _, r, _ in got)
    got = root_triples(ingest_coder, "The Chilean foreign minister arrived in Lima for talks.", DAY)
    assert any(r == "04" for _, r, _ in got)


def test_aside_is_a_particle(ingest_coder) -> None:
    """"brushed aside / waved aside Chilean demands": the parser makes "aside" an adverb; it is the
    particle of the lexicon's phrasal rows (a rejection, 12), as "off" and "back" already were."""
    got = root_triples(ingest_coder, "Peru brushed aside Chilean demands for compensation.", DAY)
    assert ("PER", "12", "CHL") in got
