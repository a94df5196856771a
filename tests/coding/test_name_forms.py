"""State and place names in the forms news writes them (issue 13): short forms of the words of a name
(coding/name_forms.py), the nations and dependent territories of a state (coding/countries.py), and
the saint's-title forms of the gazetteer's cities (coding/gazetteer.py)."""

from __future__ import annotations

import datetime as dt

from tests.coding.conftest import coded_triples
from trustledger.coding.actors import ActorResolver
from trustledger.coding.coder import EventCoder
from trustledger.coding.countries import sovereign, to_cameo
from trustledger.coding.gazetteer import cities
from trustledger.coding.name_forms import short_forms

DAY = dt.date(2015, 6, 20)


def _country(text: str) -> str | None:
    actor = ActorResolver.default().resolve(text, DAY)
    return actor.country if actor else None


def test_short_forms_shorten_each_word_and_drop_the_article_after_of():
    forms = short_forms("Democratic Republic of the Congo")
    assert {"Dem. Rep. of Congo", "Democratic Rep. of the Congo", "Democratic Republic of Congo"} <= forms
    assert short_forms("South Africa") == {"S. Africa"}
    assert {"St. Louis", "St-Louis", "Saint Louis"} <= short_forms("Saint-Louis")
    assert short_forms("Iran") == set()  # one word: nothing to shorten


def test_shortened_state_names_resolve_to_their_state():
    assert _country("S. Africa") == "ZAF"
    assert _country("the Democratic Rep. of Congo") == "COD"
    assert _country("Democratic Republic of Congo") == "COD"  # not the Republic of the Congo
    assert _country("Czech Rep.") == "CZE"
    assert _country("N. Ireland") == "GBR"  # not Ireland
    assert _country("Rep. of Korea") == "KOR"
    assert _country("St. Lucia") == "LCA"


def test_a_short_form_never_takes_a_name_already_read():
    assert _country("N. Korea") == "PRK"
    assert _country("Georgia") == "GEO"
    assert _country("Republic of the Congo") == "COG"


def test_nations_and_dependent_territories_are_places_of_their_state():
    assert _country("England") == "GBR"
    assert _country("Greenland") == "DNK"
    assert _country("Puerto Rico") == "USA"
    assert _country("the Faroe Islands") == "DNK"
    assert sovereign("GRL") == "DNK" and sovereign("IRN") == "IRN"
    assert to_cameo("Greenland") == "GRL"  # a command-line filter still takes the territory's own code


def test_a_city_named_after_a_saint_is_found_in_its_written_forms():
    towns = cities()
    assert towns.get("St. Petersburg") == "RUS"  # GeoNames writes "Saint Petersburg"
    assert towns.get("Ste-Foy") == "CAN"  # GeoNames writes "Sainte-Foy"
    assert _country("St. Petersburg") == "RUS"


def test_police_in_a_nation_of_a_state_are_that_states_police(coder: EventCoder):
    got = coded_triples(coder, "Police in England detained two Irish activists on Tuesday.", DAY)
    assert ("GBRCOP", "17", "IRLOPP") in got, got


def test_a_shortened_state_name_is_an_actor(coder: EventCoder):
    got = coded_triples(coder, "S. Africa accused the Arab Emirates of violating the sanctions.", DAY)
    assert any(s == "ZAF" and t == "ARE" for s, _, t in got), got
