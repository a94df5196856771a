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

