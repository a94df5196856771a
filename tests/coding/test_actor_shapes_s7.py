"""Actor shapes of real reports (session 7, issue 13), each with our own invented sentences in the shape
of the real ones: the document's memory of who was named before (people by their office, sentences
with no verb to code), offices named with "foreign", and parties bound to each other by an agreement."""

from __future__ import annotations

import datetime as dt

from tests.coding.conftest import root_triples
from trustledger.coding.coder import EventCoder

DAY = dt.date(2015, 3, 1)


def test_foreign_in_an_office_title_is_the_reports_own_office(ingest_coder: EventCoder) -> None:
    # "Foreign Minister" names the office of dealings abroad, not a minister of another state
    got = root_triples(ingest_coder, "NAIROBI - Kenya's cabinet met on Monday. Foreign Minister Juma Kiprono "
                                     "later condemned Uganda.", DAY)
    assert ("KENGOV", "11", "UGA") in got
    # while "a foreign government" is still no state's the report places
    got = root_triples(ingest_coder, "NAIROBI - A foreign government condemned Uganda.", DAY)
    assert all(s != "KENGOV" for s, _, _ in got)


def test_person_named_with_an_appositive_office_is_of_that_office(ingest_coder: EventCoder) -> None:
    # a name the tagger does not take for a person, described by its office in an appositive
    text = ("NAIROBI - Juma Okello, a spokesman for the Kenyan foreign ministry, criticised Uganda on Monday. "
            "Okello also accused Tanzania of smuggling.")
    got = root_triples(ingest_coder, text, DAY)
    assert ("KENGOV", "11", "UGA") in got
    assert ("KENGOV", "11", "TZA") in got


def test_person_named_after_a_compound_title_is_remembered_by_surname(ingest_coder: EventCoder) -> None:
    text = "Ugandan army spokesman Paddy Ankunda denied the claim. Ankunda accused Kenya of lying."
    got = root_triples(ingest_coder, text, DAY)
    assert ("UGAMIL", "11", "KEN") in got


def test_party_name_after_a_title_word_is_no_person(ingest_coder: EventCoder) -> None:
    # "Justice" is a judge's title, but "the People's Justice Party" is a party, not Justice "Party":
    # a later "him" is still the opposition leader, not a judge
    text = ("KUALA LUMPUR - Opposition leader Amir Hamzah, who founded the People's Justice Party, was charged "
            "in 2008. In 2014 the Court of Appeal jailed him for five years.")
    got = root_triples(ingest_coder, text, DAY)
    assert ("MYSJUD", "17", "MYSOPP") in got


def test_sentence_with_no_verb_to_code_still_introduces_its_people(ingest_coder: EventCoder) -> None:
    # the first sentence codes nothing ("lost his appeal"), but "him" later is the leader it named
    text = ("KUALA LUMPUR - Opposition leader Amir Hamzah lost his appeal on Monday. "
            "The Court of Appeal jailed him for five years.")
    got = root_triples(ingest_coder, text, DAY)
    assert ("MYSJUD", "17", "MYSOPP") in got


def test_co_subjects_signing_an_agreement_bind_each_other(ingest_coder: EventCoder) -> None:
    # a ceasefire is not a mutual code in itself; signed together, each binds the other (a ceasefire the
    # parties agree on is CAMEO 0356, an agreement to act, as the annotation guide codes it)
    got = root_triples(ingest_coder, "Peru and Ecuador signed a ceasefire on Monday.", DAY)
    assert ("PER", "03", "ECU") in got and ("ECU", "03", "PER") in got
    # with a partner named, the partner is the target, not the co-subject
    got = root_triples(ingest_coder, "Peru and Ecuador signed a ceasefire with Chile.", DAY)
    assert ("PER", "03", "ECU") not in got and ("PER", "03", "CHL") in got


def test_the_ministers_after_two_named_together_are_those_two(ingest_coder: EventCoder) -> None:
    text = ("The foreign ministers of Peru and Chile met in Lima on Monday. "
            "The ministers later criticised Bolivia.")
    got = root_triples(ingest_coder, text, DAY)
    assert ("PERGOV", "11", "BOL") in got and ("CHLGOV", "11", "BOL") in got


def test_a_party_and_its_own_organ_listed_together_are_one_party(ingest_coder: EventCoder) -> None:
    # "its army" is Russia's: one source, not a second one of no state
    got = root_triples(ingest_coder, "Russia and its army condemned Ukraine.", DAY)
    assert ("RUS", "11", "UKR") in got
    assert all(s in ("RUS", "RUSMIL") for s, _, _ in got)
    # while an ally named after "its" is a party of its own
    got = root_triples(ingest_coder, "Russia and its ally Belarus condemned Ukraine.", DAY)
    assert ("BLR", "11", "UKR") in got


def test_the_country_points_back_to_the_state_of_the_report(ingest_coder: EventCoder) -> None:
    text = ("TEHRAN - Iran summoned the British ambassador on Monday. "
            "The country also expelled two British diplomats.")
    assert ("IRN", "16", "GBRGOV") in root_triples(ingest_coder, text, DAY)
    text = ("MOGADISHU - Militants attacked a police base in Somalia on Tuesday. "
            "Washington pledged more aid to the country.")
    assert ("USAGOV", "03", "SOM") in root_triples(ingest_coder, text, DAY)


def test_a_given_name_is_no_bare_surname_alias(ingest_coder: EventCoder) -> None:
    # "Hassan" is the surname of one listed person and the given name of others: a president named
    # "Hassan Sheikh Mohamud" is not that person
    got = root_triples(ingest_coder, "President Hassan Sheikh Mohamud condemned the attack on Kenya.", DAY)
    assert got and all(not s.startswith("SYR") for s, _, _ in got)


def test_short_form_in_brackets_names_the_actor_later(ingest_coder: EventCoder) -> None:
    text = ("JERUSALEM - Israel vowed to protect the South Lebanon Army (SLA), a Christian militia. "
            "Hezbollah guerrillas attacked the SLA on Monday.")
    assert ("LBNREBHEZ", "19", "LBNREB") in root_triples(ingest_coder, text, DAY)


def test_it_is_first_the_subject_of_its_own_sentence(ingest_coder: EventCoder) -> None:
    # the report named Hezbollah as a subject before, but "it" is the council of its own sentence
    text = ("JERUSALEM - Hezbollah attacked Israeli posts. In New York, the UN Security Council decided that "
            "peacekeepers should deploy to the border, and it urged Israel to pull its troops out of Lebanon.")
    got = root_triples(ingest_coder, text, DAY)
    assert ("IGOUNO", "02", "ISR") in got
    assert all(s != "LBNREBHEZ" or r != "02" for s, r, _ in got)


def test_its_organ_is_of_the_state_that_is_the_clause_subject(ingest_coder: EventCoder) -> None:
    # a report datelined in Kenya: "its navy" is still Iran's, the state "its" stands for
    text = "NAIROBI - Kenya's cabinet met on Monday. Iran said its navy had seized a British tanker."
    got = root_triples(ingest_coder, text, DAY)
    assert ("IRNMIL", "17", "GBR") in got
    # an office no generic actor names ("its foreign ministry") too
    text = "NAIROBI - Kenya's cabinet met on Monday. Iran said its foreign ministry had summoned the British envoy."
    got = root_triples(ingest_coder, text, DAY)
    assert any(s == "IRNGOV" and t == "GBRGOV" for s, _, t in got)
