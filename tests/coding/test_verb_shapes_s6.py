"""Verb-side shapes of real reports (issue 13, session 6): each test is our own invented sentence in
the shape of the real ones a mechanism fixes, and each can fail."""

from __future__ import annotations

import datetime as dt

from tests.coding.conftest import root_triples

DAY = dt.date(2021, 3, 4)


def test_bare_sense_of_a_one_root_verb(ingest_coder) -> None:
    """Every row of "leave" is a concession (08) for an object it lists ("left office"); a state as
    the object ("troops left Moldova") takes the verb's bare sense: its root's general code."""
    got = root_triples(ingest_coder, "Belarusian soldiers left Moldova on Tuesday.", DAY)
    assert ("BLRMIL", "08", "MDA") in got


def test_no_bare_sense_for_a_light_use(ingest_coder) -> None:
    """"reach" has rows only for an agreement (05): the row's object is an event noun, so the verb
    itself tells nothing, and "reached Moldova" is no agreement with it."""
    got = root_triples(ingest_coder, "Belarusian soldiers reached Moldova on Tuesday.", DAY)
    assert not any(r == "05" for _, r, _ in got)


def test_bare_sense_needs_the_actor_as_the_object_itself(ingest_coder) -> None:
    """"won the backing of Moldova": the object is the backing, not Moldova; an actor inside the
    object phrase does not make the verb's bare sense an act on it."""
    got = root_triples(ingest_coder, "Belarus won the backing of Moldova on Tuesday.", DAY)
    assert not any(r == "06" for _, r, _ in got)


def test_control_passes_through_a_verb_of_aspect(ingest_coder) -> None:
    """"pledged to keep fighting": "keep" tells how the fighting goes on, so the pledge governs the
    fighting (a threat of force, 13) and the fighting is no deed of its own (19)."""
    got = root_triples(ingest_coder, "The Ugandan rebels pledged to keep fighting the government in Kampala.", DAY)
    assert any(r == "13" for _, r, _ in got)
    assert not any(r == "19" for _, r, _ in got)


def test_reduced_passive_relative_acts_on_its_head_noun(ingest_coder) -> None:
    """"talks held in Nairobi by the Ugandan foreign minister": a participle on a noun with no
    auxiliary is a passive relative clause cut short; the noun is its object (the talks, so the
    "hold @talks" row) and "by X" its doer."""
    got = root_triples(ingest_coder, "Talks held in Nairobi by the Ugandan foreign minister ended on Friday "
                                     "without an agreement.", DAY)
    assert ("UGAGOV", "04", "KENGOV") in got
    got = root_triples(ingest_coder, "The rally held in Kampala by opposition supporters was peaceful.", DAY)
    assert any(s == "UGAOPP" and r == "14" for s, r, _ in got)


def test_call_for_a_subject_to_act_is_an_appeal_to_it(ingest_coder) -> None:
    """"called for the Kenyan president to resign": the parser makes "for ... to resign" an adverbial
    clause, but it is what "call for" takes: an appeal (02) to the clause's subject, not a phone call."""
    got = root_triples(ingest_coder, "Ugandan opposition leaders called for the Kenyan president to resign.", DAY)
    assert ("UGAOPP", "02", "KENGOV") in got
    assert not any(r == "04" for _, r, _ in got)


def test_a_raised_or_coordinated_subject_chooses_the_row(ingest_coder) -> None:
    """"the troops are reported to have struck": "struck" has no subject of its own; the troops of the
    verb it is raised under (or coordinated with: "crossed the river and struck") are its subject, so
    armed men striking is an attack (19), while workers who struck stay a labour strike (14)."""
    for text in ("The Ugandan troops are reported to have struck at dawn.",
                 "Ugandan troops crossed the river and struck at dawn."):
        got = root_triples(ingest_coder, text, DAY)
        assert ("UGAMIL", "19", None) in got and not any(r == "14" for _, r, _ in got)
    got = root_triples(ingest_coder, "Kenyan dock workers are reported to have struck at dawn.", DAY)
    assert any(r == "14" for _, r, _ in got)


def test_forces_sent_to_help_are_military_assistance(ingest_coder) -> None:
    """"dispatched 200 soldiers to assist the Somali army": a deployment whose purpose is aid is the
    codebook's military assistance (072, personnel), to whom the purpose names; forces sent to attack
    stay a show of force (15)."""
    got = root_triples(ingest_coder, "Uganda dispatched 200 soldiers to assist the Somali army.", DAY)
    assert ("UGA", "07", "SOMMIL") in got and not any(r == "15" for _, r, _ in got)
    got = root_triples(ingest_coder, "Uganda deployed 200 soldiers to attack the Somali rebels.", DAY)
    assert any(r == "15" for _, r, _ in got) and not any(r == "07" for _, r, _ in got)


def test_purpose_of_a_told_act_is_no_stated_intent(ingest_coder) -> None:
    """"gathered in Nairobi to discuss the crisis": the writer tells what was done there, a meeting
    (04), not an intent the ministers expressed (03); "will gather ... to discuss" stays an intent."""
    got = root_triples(ingest_coder, "Ugandan ministers gathered in Nairobi to discuss the refugee crisis.", DAY)
    assert any(s == "UGAGOV" and r == "04" for s, r, _ in got) and not any(r == "03" for _, r, _ in got)
    got = root_triples(ingest_coder, "Ugandan ministers will gather in Nairobi to discuss the refugee crisis.", DAY)
    assert any(r == "03" for _, r, _ in got)


def test_calling_something_what_it_is_is_no_phone_call(ingest_coder) -> None:
    """"called the Ugandan verdict unacceptable": an object with a predicate on it says what the object
    is; the bare "call" row (a telephone call, 04) is not what the clause tells. A real call stays."""
    got = root_triples(ingest_coder, "Kenya called the Ugandan verdict unacceptable.", DAY)
    assert not any(r == "04" for _, r, _ in got)
    got = root_triples(ingest_coder, "Kenyan President Ruto called Ugandan President Museveni on Friday.", DAY)
    assert ("KENGOV", "04", "UGAGOV") in got


def test_a_clause_of_conjecture_is_not_asserted(ingest_coder) -> None:
    """"there were fears that Ugandan troops had attacked Kenya": the attack is a guess the report
    tells of, not an event it asserts; told plainly, it is coded."""
    for text in ("There were fears that Ugandan troops had attacked Kenya.",
                 "Speculation mounted that Ugandan troops had attacked Kenya."):
        assert not any(r == "19" for _, r, _ in root_triples(ingest_coder, text, DAY))
    assert ("UGAMIL", "19", "KEN") in root_triples(ingest_coder, "Ugandan troops attacked Kenya.", DAY)
