"""Actors of society and their state (issue 13): students, refugees, journalists, workers are
actors as CAMEO codes them (EDU, REF, MED, LAB), localised like the armed generics; a generic actor
in a report's lead takes the state the rest of the report names; reporters do not lend their state."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.coding.conftest import coded_triples, full_codes
from trustledger.coding.actors import ActorResolver
from trustledger.coding.coder import EventCoder

DAY = dt.date(1987, 6, 20)


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver.default()


def codes(coder: EventCoder, text: str) -> list[tuple]:
    return coded_triples(coder, text, DAY)


def test_students_are_actors_of_the_state_they_act_in(coder):
    got = codes(coder, "Students attacked riot police in Seoul on Friday.")
    assert ("KOREDU", "14", "KORCOP") in got  # students attacking police riot (145), they are no armed force


def test_refugees_and_journalists_are_actors(coder):
    got = codes(coder, "Liberian police arrested refugees and journalists.")
    assert ("LBRCOP", "17", "LBRREF") in got and ("LBRCOP", "17", "LBRMED") in got


def test_a_generic_actor_in_the_lead_takes_the_state_the_report_names_later(coder):
    text = ("Police fired tear gas at students on Friday. "
            "The protests were the largest in South Korea this year. South Korea's president kept silent.")
    sources = {s for s, _, _ in codes(coder, text)}
    assert "KORCOP" in sources and "---COP" not in sources


def test_a_one_sentence_text_names_no_state_for_its_generic_actor(coder):
    # Turkey is where the shells fell, not whose rebels fired them
    assert ("---REB", "19", "TUR") in codes(coder, "Rebels shelled a Turkish border town on Sunday.")


def test_a_news_agency_does_not_lend_its_state_to_a_generic_actor(coder):
    got = codes(coder, "Gangs attacked the market, a driver told Agence France-Presse.")
    assert not any(s.startswith("FRA") for s, _, _ in got)


def test_a_transnational_ngo_has_no_state_and_is_not_given_one(coder):
    # CAMEO codes Amnesty and Human Rights Watch as NGOs of no state; the sentence's state is the target's
    got = codes(coder, "Amnesty International accused Egyptian police in Cairo of torturing detainees.")
    assert ("---NGO", "11", "EGYCOP") in got


def test_a_generic_institution_name_belongs_to_the_state_named_with_it(resolver):
    assert resolver.resolve("the Iraqi Ministry of Defence", DAY).code == "IRQMIL"
    assert resolver.resolve("Iraq's Ministry of Defence", DAY).code == "IRQMIL"
    assert resolver.resolve("the Ministry of Defence", DAY).code == "GBRMIL"
    # a side, not an owner
    from trustledger.nlp.model import load_model

    side = resolver.mentions(load_model()("the pro-Iranian Hizbollah")[:], DAY)
    assert [m.actor.country for m in side if m.actor.text == "Hizbollah"] == ["LBN"]
    text = "Members of an elite Venezuelan police unit, the Special Action Force, arrested three lawmakers."
    found = resolver.mentions(load_model()(text)[:], DAY)
    assert [m.actor.code for m in found if m.actor.text == "Special Action Force"] == ["VENCOP"]


def test_a_border_places_a_generic_actor_on_neither_side(coder):
    got = codes(coder, "Gunmen ambushed an army patrol near the Guatemalan border.")
    assert not any(s.startswith("GTM") for s, _, _ in got)


def test_an_institution_named_of_a_state_is_that_states(resolver):
    """The lexicon files a bank or a court under one state; "of China" in its name says whose it is."""
    assert resolver.resolve("the Export-Import Bank of China", DAY).code == "CHNGOV"
    assert resolver.resolve("the Ministry of Defence of Ukraine", DAY).code == "UKRMIL"
    assert resolver.resolve("the Export-Import Bank", DAY).code == "USAGOV"
    assert resolver.resolve("the Bank of England", DAY).code == "GBRGOV"


def test_bare_lawmakers_are_the_legislature_of_the_report_state(ingest_coder):
    """"Lawmakers denounced ...": a bare legislature noun, like "police" or "rebels", is the report's own
    (annotators code it LEG of the dateline's state)."""
    got = full_codes(ingest_coder, "NAIROBI, Kenya — Lawmakers denounced Uganda's decision to close the border.",
                     dt.date(1990, 3, 4))
    assert ("KENLEG", "111", "UGA") in got, got


@pytest.mark.parametrize("text, want", [
    ("BOGOTA, Colombia — Militants attacked Colombian police on Tuesday.", ("COLREB", "19", "COLCOP")),
    ("BOGOTA, Colombia — Guerrillas abducted 20 schoolchildren from a village.", ("COLREB", "18", "COLEDU")),
])
def test_a_plural_role_noun_the_tagger_took_for_a_name_is_still_the_role(ingest_coder, text, want):
    """After a dateline, "Militants" or "Guerrillas" opening the sentence is tagged as a name and left
    unlemmatised; its singular is the role noun."""
    got = {(s, c[:2], t) for s, c, t in full_codes(ingest_coder, text, dt.date(2001, 3, 4))}
    assert want in got, got


@pytest.mark.parametrize("text, want", [
    ("LIMA, Peru — Congress rejected the president's budget on Tuesday.", ("PERLEG", "12", "PERGOV")),
    ("WASHINGTON — Congress rejected the president's budget on Tuesday.", ("USALEG", "12", "USAGOV")),
    ("LIMA, Peru — The U.S. Congress criticised Peru on Tuesday.", ("USALEG", "11", "PER")),
])
def test_a_bare_congress_is_the_dateline_states(ingest_coder, text, want):
    """Many states have a Congress; the institutions table's default (the US one) holds only where the
    report does not place itself elsewhere, or where the name says whose it is."""
    got = {(s, c[:2], t) for s, c, t in full_codes(ingest_coder, text, dt.date(2001, 3, 4))}
    assert want in got, got
