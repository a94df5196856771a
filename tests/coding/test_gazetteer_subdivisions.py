"""First-level subdivisions of every state (ISO 3166-2 through pycountry) place an event in its state,
in the form news English writes them; coding/gazetteer.py `subdivisions`."""

from __future__ import annotations

import datetime as dt

from tests.coding.conftest import coded_triples
from trustledger.coding.actors import ActorResolver
from trustledger.coding.coder import EventCoder
from trustledger.coding.gazetteer import subdivisions

DAY = dt.date(2015, 6, 20)


def test_iso_names_are_read_in_their_news_form():
    s = subdivisions()
    assert s["Khakasiya"] == "RUS"  # "Khakasiya, Respublika": the kind of unit after the comma
    assert s["Hunan"] == "CHN"  # "Hunan Sheng": the Chinese word for province
    assert s["Bicol"] == "PHL"  # "Bicol (Region V)"
    assert s["Anbar"] == "IRQ" and s["Luapula"] == "ZMB"  # "Al Anbar": the Arabic article


def test_safeguards_keep_words_shared_names_and_features_out():
    s = subdivisions()
    assert "Punjab" not in s  # a province of India and of Pakistan: the sentence must say which
    assert "Plateau" not in s and "Delta" not in s  # Nigerian states that are English words
    assert "Red Sea" not in s and "White Nile" not in s  # news naming them means the sea, the river
    assert not any(n.endswith(("skaya", "skiy")) for n in s)  # ISO's Slavic adjectives are no news form


def test_a_person_name_word_stays_a_person():
    # "Qasim" (a region of Saudi Arabia) and "Cesar" (a department of Colombia) are words of people's
    # names in people.csv: alone, they are not read as the province, while a plain region name is
    r = ActorResolver.default()
    assert subdivisions()["Qasim"] == "SAU" and r.resolve("Qasim", DAY) is None
    assert r.resolve("Cesar", DAY) is None
    assert r.resolve("Luapula", DAY).country == "ZMB" and r.resolve("Ruvuma", DAY).place


def test_generic_forces_take_the_state_of_the_province(coder: EventCoder):
    got = coded_triples(coder, "Government troops shelled rebel positions in Luapula province on Sunday.", DAY)
    assert ("ZMBMIL", "19", "ZMBREB") in got, got


def test_a_seized_town_of_a_region_is_a_place_of_its_state(coder: EventCoder):
    got = coded_triples(coder, "Gunmen attacked a village in Turkana, police said.", DAY)
    assert ("KENREB", "19", "KEN") in got, got


def test_the_whole_of_a_split_province_is_read_too():
    s = subdivisions()
    assert s["Kivu"] == "COD" and s["Lanao"] == "PHL"  # "North Kivu"/"Nord-Kivu", "Lanao del Sur"
    assert s["Sulu"] == "PHL"  # a second-level province of the Philippines (under a region in ISO)


def test_english_forms_where_iso_transliterates_otherwise():
    # places.csv rows: news writes "Khakassia", "Amhara", "Lower Juba", not ISO's "Khakasiya", "Amara",
    # "Jubbada Hoose"; the longest name wins over the capital it contains ("Juba", South Sudan)
    r = ActorResolver.default()
    assert r.resolve("Khakassia", DAY).country == "RUS"
    assert r.resolve("Amhara", DAY).country == "ETH"
    assert r.resolve("Lower Juba", DAY).country == "SOM"
    assert r.resolve("East Azerbaijan", DAY).country == "IRN"


def test_security_forces_in_a_split_province_take_its_state(coder: EventCoder):
    got = coded_triples(coder, "Soldiers clashed with militants in Lanao on Saturday, the army said.", DAY)
    assert ("PHLMIL", "19", "PHLREB") in got, got
