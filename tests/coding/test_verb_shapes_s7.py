"""Verb-side shapes of real reports (issue 13, session 7): each test is our own invented sentence in
the shape of the real ones a mechanism fixes, and each can fail."""

from __future__ import annotations

import datetime as dt

from tests.coding.conftest import root_triples

DAY = dt.date(2021, 3, 4)


def test_attacking_a_decision_is_criticism(ingest_coder) -> None:
    """"attacked the Bolivian decision": the object is a decision, a plan, remarks (the verb_objects
    class `stance`), so the attack is verbal: criticism (11), not force (19)."""
    got = root_triples(ingest_coder, "The Chilean foreign minister attacked the Bolivian decision on Monday.", DAY)
    assert any(r == "11" and t and t.startswith("BOL") for _, r, t in got)
    assert not any(r == "19" for _, r, _ in got)


def test_attacking_positions_is_still_force(ingest_coder) -> None:
    """An attack on troops or positions stays an armed attack (the class names no military object)."""
    got = root_triples(ingest_coder, "Chilean jets attacked Bolivian army positions near the border.", DAY)
    assert any(r == "19" for _, r, _ in got)
    assert not any(r == "11" for _, r, _ in got)


def test_questioning_a_commitment_is_disapproval(ingest_coder) -> None:
    """"questioned Peru's commitment to the pact": a disapproval of Peru (11)."""
    got = root_triples(ingest_coder, "The Ecuadorian government questioned Peru's commitment to the pact.", DAY)
    assert any(r == "11" and t and t.startswith("PER") for _, r, t in got)


def test_held_responsible_through_a_clausal_adjective(ingest_coder) -> None:
    """"held Mali responsible for": the parser hangs the predicate adjective on the verb as a clause
    (advcl), not as the object's predicate; it is still what "hold ... responsible" (112) names."""
    got = root_triples(ingest_coder, "Niger held Mali responsible for the border killings.", DAY)
    assert ("NER", "11", "MLI") in got
    assert not any(r == "17" for _, r, _ in got)  # not "held" prisoners


def test_hyphenated_event_noun_under_a_light_verb(ingest_coder) -> None:
    """"launched a sit-in against": the parser splits the hyphenated noun ("sit", "-", "in"), and
    neither half is an event noun; the nominal rule derives the verb from the whole word (protest)."""
    got = root_triples(ingest_coder, "Bolivian teachers launched a sit-in against the Peruvian government.", DAY)
    assert any(r in ("11", "14") and t and t.startswith("PER") for _, r, t in got)


def test_a_condition_is_no_event(ingest_coder) -> None:
    """"If Chad sends troops, ...": the "if" clause is a condition, not a deed the report tells; the
    same deed told plainly is one."""
    got = root_triples(ingest_coder, "If Chad sends troops to the border, Niger will respond.", DAY)
    assert not any(s.startswith("TCD") and r == "15" for s, r, _ in got)
    got = root_triples(ingest_coder, "Chad sent troops to the border with Niger.", DAY)
    assert any(s.startswith("TCD") and r == "15" for s, r, _ in got)


def test_a_hedged_guess_is_no_intent(ingest_coder) -> None:
    """"Diplomats said Chad would likely agree to a ceasefire": an adverb of likelihood makes the clause
    the diplomats' guess, not Chad's stated intent (03); without it, the intent is coded."""
    got = root_triples(ingest_coder, "Diplomats said Chad would likely agree to a ceasefire with Niger.", DAY)
    assert not any(s.startswith("TCD") for s, _, _ in got)
    got = root_triples(ingest_coder, "Chad said it would agree to a ceasefire with Niger.", DAY)
    assert any(s.startswith("TCD") and r == "03" for s, r, _ in got)


def test_a_third_party_prediction_is_no_intent(ingest_coder) -> None:
    """"Analysts believe Chad will send troops": what others expect Chad to do is their guess, not
    Chad's stated intent (03 or 13 need Chad's own word); Chad's own expectation stands."""
    got = root_triples(ingest_coder, "Analysts believe Chad will send troops to help Niger.", DAY)
    assert not any(s.startswith("TCD") for s, _, _ in got)
    got = root_triples(ingest_coder, "Chad said it will send troops to help Niger.", DAY)
    assert any(s.startswith("TCD") for s, _, _ in got)


def test_expecting_another_party_to_act_is_no_event(ingest_coder) -> None:
    """"Observers expect Chad to recognise the new government of Niger": a prediction about Chad, neither
    an intent of Chad's nor an appeal to it."""
    got = root_triples(ingest_coder, "Observers expect Chad to recognise the new government of Niger.", DAY)
    assert not any(s.startswith("TCD") or r == "02" for s, r, _ in got)


def test_an_ability_is_no_act_but_cannot_is_a_refusal(ingest_coder) -> None:
    """"Chad can send troops": what a party is able to do is not told as done (like "could"); "cannot
    accept" still refuses (12), as a negated act."""
    got = root_triples(ingest_coder, "Chad can send troops to Niger within days.", DAY)
    assert not any(s.startswith("TCD") and r == "15" for s, r, _ in got)
    got = root_triples(ingest_coder, "Chad cannot accept the plan proposed by Niger.", DAY)
    assert any(s.startswith("TCD") and r == "12" for s, r, _ in got)


def test_an_object_of_no_is_nothing_done(ingest_coder) -> None:
    """"offered no apology to Niger", "sent no troops": the clause tells what was not done; no event
    (neither the act nor, for a verb of saying, the statement)."""
    got = root_triples(ingest_coder, "Chad offered no apology to Niger.", DAY)
    assert not any(s.startswith("TCD") for s, _, _ in got)
    got = root_triples(ingest_coder, "Chad offered an apology to Niger.", DAY)
    assert any(s.startswith("TCD") and r == "05" for s, r, _ in got)


def test_a_state_protests_in_words(ingest_coder) -> None:
    """"Chad protested against Niger's decision": CAMEO 14 is civilian dissent; a state or its officials
    protest in words, an official complaint (11). Crowds of its people still protest (14)."""
    got = root_triples(ingest_coder, "Chad protested against Niger's decision to close the border.", DAY)
    assert any(s.startswith("TCD") and r == "11" for s, r, _ in got)
    assert not any(r == "14" for _, r, _ in got)
    got = root_triples(ingest_coder, "Thousands of Chadians protested against the government in N'Djamena.", DAY)
    assert any(r == "14" for _, r, _ in got)


def test_money_given_is_economic_aid(ingest_coder) -> None:
    """"gave Niger 40 million euros": an amount of money (verb_objects class econaid: currency names and
    signs) given is economic aid (07), not the bare "give" (06)."""
    got = root_triples(ingest_coder, "Chad gave Niger 40 million euros last year.", DAY)
    assert ("TCD", "07", "NER") in got


def test_money_in_aid_names_its_kind(ingest_coder) -> None:
    """"$5 million in emergency assistance": the kind after "in" says what the money is (aid); the
    compound "emergency" is not a state of emergency (172)."""
    got = root_triples(ingest_coder, "Chad announced $5 million in emergency assistance for Niger.", DAY)
    assert any(s == "TCD" and r == "03" for s, r, _ in got)
    assert not any(r == "17" for _, r, _ in got)


def test_asking_a_question_is_no_appeal(ingest_coder) -> None:
    """"asked the Nigerien minister whether troops would stay": a clause opened by whether/if or a
    wh-word is a question, not the act asked for (02); "asked Niger to withdraw" is an appeal."""
    got = root_triples(ingest_coder, "Chadian reporters asked the Nigerien minister whether troops would stay.", DAY)
    assert not any(r == "02" for _, r, _ in got)
    got = root_triples(ingest_coder, "Chad asked Niger to withdraw its troops from the border.", DAY)
    assert any(s == "TCD" and r == "02" for s, r, _ in got)
