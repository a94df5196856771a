"""Persons by title (issue 13): a title before a name no dictionary knows makes the name an actor
of the office ("President Mahamadou Garba" GOV), of the state the report places them in; a one-word
name inside a longer name is someone else ("Christopher Ross" is not Warren Christopher)."""

from __future__ import annotations

import datetime as dt

from tests.coding.conftest import coded_triples
from trustledger.coding.actors import ActorResolver
from trustledger.nlp.model import load_model

DAY = dt.date(2023, 7, 26)


def mentions(text: str, generic: bool = True) -> list[tuple[str, str]]:
    doc = load_model()(text)
    return [(m.actor.text, m.actor.code) for m in ActorResolver.default().mentions(doc[:], DAY, generic)]


def test_title_and_unknown_name_is_an_actor_of_that_office():
    # (fictional names: the dictionary knows Mohamed Bazoum and Juan Guaidó, dated)
    assert ("President Mahamadou Garba", "---GOV") in mentions("President Mahamadou Garba met the envoy.")
    assert ("opposition leader Juan Pereda", "---OPP") in mentions(
        "Police blocked marchers led by opposition leader Juan Pereda.")


def test_titled_person_is_not_an_actor_for_the_commitment_finder():
    # the commitment finder asks for states only (generic=False)
    assert mentions("President Mahamadou Garba met the envoy.", generic=False) == []


def test_titled_person_takes_the_state_of_the_report(coder):
    text = ("NIAMEY, Niger — Members of Niger's presidential guard detained President Mohamed Bazoum "
            "on Wednesday.")
    assert ("NERMIL", "17", "NERGOV") in coded_triples(coder, text, DAY)


def test_titled_person_does_not_borrow_the_other_sides_state(coder):
    got = coded_triples(coder, "President Francois Mitterrand welcomed South African leader F.W. de Klerk.",
                        dt.date(1990, 5, 10))
    assert not any(s.startswith("ZAF") for s, _, _ in got)


def test_a_surname_inside_another_name_is_not_that_person():
    found = dict(mentions("Christopher Ross was received by the foreign minister."))
    assert "Christopher" not in found
    found = dict(mentions("HRW deputy director Phil Robertson said the trial was a sham."))
    assert "Robertson" not in found and "Phil Robertson" not in found


def test_typographic_apostrophes_read_like_straight_ones():
    assert ("Kurdistan Workers’ Party", "TURREB") in mentions("Kurdistan Workers’ Party guerrillas attacked a post.")
    assert ("Niger’s presidential guard", "NERMIL") in mentions("Niger’s presidential guard detained him.")


def test_a_place_name_closing_a_persons_name_is_not_the_place():
    found = dict(mentions("Portuguese President Marcelo Rebelo de Sousa held talks in Delhi."))
    assert "Sousa" not in found


def test_a_title_every_state_uses_names_no_one_alone():
    """people.csv gives "Minister for Foreign Affairs" to Ireland's ministers only, but any state has one:
    alone it names no one (actors._generic_title); a title only one state has still does."""
    r = ActorResolver.default()
    on = dt.date(2015, 3, 1)
    assert r.resolve("Minister for Foreign Affairs", on) is None
    assert r.resolve("Speaker of Parliament", on) is None
    assert r.resolve("Supreme Leader", on).country == "IRN"
