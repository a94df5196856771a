"""The verb side of the coder on real-news shapes (issue 13): attempted acts coded as the act, prison
sentences as imprisonment with the authorities as the implied agent, and the other mechanisms that
turn a clause whose actors are present into an event of the right root. Sentences are our own."""

from __future__ import annotations

import datetime as dt

from tests.coding.conftest import full_codes

DAY = dt.date(2019, 3, 4)


def test_attempted_act_is_the_act(ingest_coder):
    got = full_codes(ingest_coder, "Syrian troops tried to storm the rebel town of Homs on Monday.", DAY)
    assert any(s == "SYRMIL" and c.startswith("19") for s, c, _ in got), got


def test_attempted_act_in_reported_speech_is_the_act(ingest_coder):
    got = full_codes(ingest_coder, "Kurdish rebels said they had attempted to assassinate the Iraqi prime minister.",
                     DAY)
    assert any(c == "186" and (t or "").startswith("IRQ") for _, c, t in got), got


def test_future_attempt_stays_an_intent(ingest_coder):
    got = full_codes(ingest_coder, "Russia will try to attack Ukraine.", DAY)
    assert got and all(c[:2] == "13" for _, c, _ in got), got


def test_prison_sentence_in_the_passive_is_the_state_imprisoning(ingest_coder):
    got = full_codes(ingest_coder, "ACCRA - Six Ghanaian opposition activists were sentenced to three years in "
                                   "jail on Friday.", DAY)
    assert ("GHAGOV", "173", "GHAOPP") in got, got


def test_receiving_a_prison_term_is_being_imprisoned(ingest_coder):
    got = full_codes(ingest_coder, "ACCRA - The opposition leader received a five-year prison term.", DAY)
    assert any(s == "GHAGOV" and c == "173" for s, c, _ in got), got


def test_court_handing_out_prison_terms(ingest_coder):
    got = full_codes(ingest_coder, "A Ghanaian court handed prison terms to nine opposition activists.", DAY)
    assert ("GHAJUD", "173", "GHAOPP") in got, got


def test_death_sentence_stays_a_verdict(ingest_coder):
    got = full_codes(ingest_coder, "A Ghanaian court sentenced the rebel commander to death.", DAY)
    assert got and all(c == "116" for _, c, _ in got), got
