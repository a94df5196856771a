"""Places (sub-national units, major cities) stand for their country; data/places.csv."""

from __future__ import annotations

import datetime as dt

from tests.coding.conftest import coded_triples
from trustledger.coding.actors import ActorResolver
from trustledger.coding.coder import EventCoder

DAY = dt.date(2015, 6, 20)


def triples(coder: EventCoder, text: str) -> list[tuple]:
    return coded_triples(coder, text, DAY)


def test_state_and_city_resolve_to_their_country():
    r = ActorResolver.default()
    assert r.resolve("Texas", DAY).country == "USA"
    assert r.resolve("Geneva", DAY).country == "CHE"
    assert r.resolve("Mosul", DAY).country == "IRQ"


def test_place_never_overrides_a_known_name():
    # Georgia is a country and Washington a capital metonym: places.csv must not shadow them
    r = ActorResolver.default()
    assert r.resolve("Georgia", DAY).country == "GEO"
    assert r.resolve("Washington", DAY).code == "USAGOV"


def test_exercises_in_a_state_target_its_country(coder):
    got = triples(coder, "China is holding naval drills off Hawaii.")
    assert any(s == "CHN" and t == "USA" for s, _, t in got), got


def test_meeting_in_a_city_has_its_country_as_host(coder):
    got = triples(coder, "The Iranian foreign minister met in Geneva on Monday.")
    assert any(s.startswith("IRN") and r == "04" and t == "CHE" for s, r, t in got), got



def test_state_organ_toward_a_place_inside_it_is_a_domestic_event(coder):
    # the government toward its own state is dropped as self-directed; toward a place inside it, it is not
    got = triples(coder, "President Obama expressed sorrow for the shootings in Texas.")
    assert ("USAGOV", "01", "USA") in got, got


def test_sympathy_target_inside_the_object_phrase(coder):
    got = triples(coder, "President Putin expressed sorrow for the victims of the floods in Bavaria.")
    assert ("RUSGOV", "01", "DEU") in got, got


def test_gazetteer_cities_place_events_in_their_state():
    from trustledger.coding.coder import EventCoder
    from trustledger.coding.gazetteer import cities

    c = cities()
    assert c["Managua"] == "NIC" and c["Nalut"] == "LBY" and c["Paris"] == "FRA" and c["Lagos"] == "NGA"
    assert "Mobile" not in c and "Reading" not in c and "Split" not in c  # common words are not places
    events = EventCoder(require_target=False).code_text(
        "Government forces shelled Nalut on Wednesday.", None)
    assert any(e.root == "19" and e.target is not None and e.target.country == "LBY" for e in events)


def test_forces_in_the_city_of_a_place_take_its_state():
    """"police in the northern city of Kirkuk": the place after "city/province of" locates the
    generic organ, as "police in Kirkuk" does (coding/context.located_states)."""
    coder = EventCoder()
    day = dt.date(2016, 4, 3)
    got = coded_triples(coder, "Riot police in the northern city of Kirkuk fired tear gas at protesters.", day)
    assert ("IRQCOP", "17", "IRQOPP") in got, got
    got = coded_triples(coder, "Police in the southern province of Luapula arrested twelve opposition activists.", day)
    assert ("ZMBCOP", "17", "ZMBOPP") in got, got


def test_a_region_of_several_states_is_no_person():
    """"the Horn of Africa" is a region of several states: it names none of them, and its "Horn" is not
    Hungary's prime minister Gyula Horn (places.csv row with no state)."""
    r = ActorResolver.default()
    on = dt.date(1996, 5, 1)  # Horn was prime minister then
    got = coded_triples(EventCoder(), "Turkey has expanded its military presence in the Horn of Africa.", on)
    assert all(t is None or not t.startswith("HUN") for _, _, t in got), got
    assert r.resolve("Gyula Horn", on).country == "HUN"


def test_a_town_named_like_a_region_is_no_place_after_the():
    # "Andes" is a Colombian town in GeoNames; "the Andes" is the range, which places nothing
    r = ActorResolver.default()
    assert r.resolve("Andes", DAY).country == "COL"
    assert r.resolve("the Andes", DAY) is None


def test_the_region_leaves_the_dateline_state(ingest_coder):
    got = coded_triples(ingest_coder, "LIMA - Guerrillas massacred 20 peasants in a village in the Andes.", DAY)
    assert got and all(s.startswith("PER") for s, _, _ in got), got
