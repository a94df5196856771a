"""Purpose clauses, shared objects of coordinated verbs, and force against a crowd named with a
preposition: constructions of real wire copy on repression of protests (issue 13). Our own
sentences in their shape."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.coding.conftest import full_codes
from trustledger.coding.coder import EventCoder

DAY = dt.date(2011, 2, 12)


@pytest.fixture(scope="module")
def coder(ingest_coder: EventCoder) -> EventCoder:
    return ingest_coder


def codes(coder: EventCoder, text: str) -> list[tuple[str, str, str | None]]:
    return full_codes(coder, text, DAY)


def test_the_purpose_of_a_deed_is_no_second_event_but_names_its_target(coder):
    got = codes(coder, "Police in Lagos fired tear gas to disperse the protesters.")
    assert len(got) == 1 and got[0][1] == "175" and got[0][2] is not None and got[0][2].startswith("NGA"), got
    got = codes(coder, "Kenyan police shot into the air to scatter hundreds of opposition supporters.")
    assert [c[1] for c in got] == ["175"] and got[0][2] and got[0][2].startswith("KEN"), got


def test_a_meeting_to_discuss_is_the_meeting_not_an_intent_to_negotiate(coder):
    got = codes(coder, "NATO defence chiefs met in Belgrade to discuss the mission.")
    assert [c[1] for c in got] == ["040"], got


def test_coordinated_verbs_share_the_object_after_the_last(coder):
    got = codes(coder, "Yemeni soldiers shot and killed at least ten protesters in Taiz.")
    assert ("YEMMIL", "175", "YEMOPP") in got or any(c[1] == "175" and c[2] for c in got), got
    assert all(c[2] is not None for c in got), got


def test_shots_into_a_crowd_are_repression_of_its_people(coder):
    got = codes(coder, "Bahraini troops fired live rounds into the crowd.")
    assert got and got[0][1] == "175" and got[0][2] == "BHRCVL", got


def test_the_deed_a_means_was_used_for_is_done_not_intended(coder):
    """"used force to disperse": the parser makes the infinitive a complement of "used", but the
    dispersal is what the report tells happened (175), not an intent to repress (137)."""
    got = codes(coder, "Georgian riot police have used force to disperse several hundred opposition protesters.")
    assert [c[1] for c in got] == ["175"], got
    got = codes(coder, "Bolivian police will use force to disperse the miners blocking the highway.")
    assert "137" in [c[1] for c in got] and "175" not in [c[1] for c in got], got  # yet to be done: an intent


def test_two_countries_meeting_meet_each_other_not_the_host_of_the_venue(coder):
    got = codes(coder, "Armenian and Azerbaijani foreign ministers met in Geneva on Monday.")
    assert sorted((s[:3], t[:3]) for s, c, t in got if c == "040") == [("ARM", "AZE"), ("AZE", "ARM")], got
    got = codes(coder, "The Iranian president met in Moscow on Tuesday.")  # one party: the place is the host
    assert [(s[:3], c, t[:3]) for s, c, t in got] == [("IRN", "040", "RUS")], got


def test_an_act_scheduled_ahead_is_an_intent():
    """"is due to meet", "was scheduled to visit": the act is arranged, not done; CAMEO (and the
    annotation guide) code it as the intent, 036, as "will meet" is (grammar.future, SCHEDULED)."""
    import datetime as _dt

    from trustledger.coding.coder import EventCoder

    coder = EventCoder()
    day = _dt.date(2019, 5, 2)
    for text in ("The Turkish foreign minister is due to meet his Egyptian counterpart in Cairo on Friday.",
                 "The Turkish foreign minister was scheduled to visit Cairo the following week."):
        codes = {e.cameo for e in coder.code_text(text, day)}
        assert codes == {"036"}, (text, codes)
