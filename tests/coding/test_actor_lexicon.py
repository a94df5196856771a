"""The actor lexicon (data/institutions.csv, agents.csv, places.csv): every row is well formed, no surface
form has two codes, and real-news-shaped sentences of our own resolve to the actors they name."""

from __future__ import annotations

import csv
import datetime as dt
import re
from importlib import resources

import pycountry
import pytest

from tests.coding.conftest import coded_triples
from trustledger.coding.actors import ActorResolver
from trustledger.coding.coder import EventCoder

DAY = dt.date(1995, 6, 1)
BLOCK = re.compile(r"^[A-Z]{3}$")
#: CAMEO agent codes the role nouns may carry.
AGENT_ROLES = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "OPP", "REB", "CRM", "CVL", "REF", "EDU", "MED", "LAB", "AGR",
               "BUS", "REL", "HLH", "NGO", "ELI", "SET", "PKO", "IGO"}


def _rows(name: str) -> list[dict[str, str]]:
    text = (resources.files("trustledger") / "data" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _key(text: str) -> str:
    return " ".join(text.lower().split())


@pytest.fixture(scope="module")
def states() -> set[str]:
    codes = {r["code"] for r in _rows("countries.csv")} | {c.alpha_3 for c in pycountry.countries}
    return codes | {"IMG"}


def test_every_institution_row_is_well_formed(states):
    rows = _rows("institutions.csv")
    assert len(rows) > 5000
    for r in rows:
        text, code, country, role = r["text"], r["code"], r["country"], r["role"]
        assert text and text == text.strip(), r
        assert code and len(code) % 3 == 0 and all(BLOCK.match(code[i:i + 3]) or code[i:i + 3] == "---"
                                                   for i in range(0, len(code), 3)), r
        if country == "IGO":
            assert code == "IGO" + role, r  # the role of an international body is its whole block chain
        else:
            assert country in states or country == "---", r
            assert role == "" or BLOCK.match(role), r
            # code = country + role; a CAMEO group or territory block may follow ("PSEREBHMS", "PSEGZA", "IMGMUSISI")
            assert code == country + role or (code.startswith(country) and len(code) in (6, 9)), r


def test_no_surface_form_has_two_codes():
    for name, field in (("institutions.csv", "code"), ("agents.csv", "role"), ("places.csv", "country")):
        seen: dict[str, str] = {}
        for r in _rows(name):
            k = _key(r["text"])
            assert seen.setdefault(k, r[field]) == r[field], (name, r["text"], seen[k], r[field])


def test_agent_rows_are_lemmas_with_cameo_roles():
    rows = _rows("agents.csv")
    assert len(rows) > 400
    for r in rows:
        assert r["text"] == r["text"].lower() and 1 <= len(r["text"].split()) <= 2, r
        assert r["role"] in AGENT_ROLES, r


def test_place_rows_name_a_state(states):
    rows = _rows("places.csv")
    assert len(rows) > 1000
    # (or "---": a region of several states that names none of them, "Horn of Africa")
    assert all((r["country"] in states or r["country"] == "---") and r["text"] for r in rows)


def test_an_institution_never_takes_a_country_name_for_another_state():
    names: dict[str, str] = {}
    for r in _rows("countries.csv"):
        for v in [r["name"], *r["aliases"].split(";"), *r["adjectives"].split(";")]:
            if v:
                names[_key(v)] = r["code"]
    for r in _rows("institutions.csv"):
        k = _key(r["text"])
        assert k not in names or r["country"] == names[k], (r["text"], names.get(k), r["code"])


@pytest.mark.parametrize("text, code", [
    ("Kurdistan Workers' Party", "TURREB"), ("the Tamil Tigers", "LKAREB"), ("Hezbollah guerrillas", "LBNREBHEZ"),
    ("UNITA", "AGOREB"), ("the Khmer Rouge", "KHMREB"), ("Shining Path", "PERREB"), ("Chechen rebels", "RUSREB"),
    ("the UN refugee agency", "IGOUNOREFHCR"), ("UNIFIL", "IGOUNOPKO"), ("ECOWAS", "IGOWAFECW"),
    ("the Organization of African Unity", "IGOAFRAFU"),
    ("Amnesty International", "---NGO"), ("Xinhua", "CHNMED"), ("IRNA", "IRNMED"), ("the Bundestag", "DEULEG"),
    ("Nigerian riot police", "NGACOP"), ("Bangladeshi students", "BGDEDU"), ("Israeli settlers", "ISRSET"),
    ("Somali pirates", "SOMCRM"),
    ("the Russian Orthodox Church", "RUSREL"),
])
def test_real_news_names_resolve(text, code):
    actor = ActorResolver.default().resolve(text, DAY)
    assert actor is not None and actor.code == code, (text, actor)


@pytest.mark.parametrize("text, country", [("Hebron", "PSE"), ("Jaffna", "LKA"), ("Gorazde", "BIH"),
                                           ("Kandahar", "AFG"), ("Nagorno-Karabakh", "AZE"), ("Crimea", "UKR")])
def test_places_stand_for_their_state(text, country):
    actor = ActorResolver.default().resolve(text, DAY)
    assert actor is not None and actor.country == country and actor.place, (text, actor)


@pytest.fixture(scope="module")
def loose() -> EventCoder:
    return EventCoder(require_target=False)


@pytest.mark.parametrize("sentence, expected", [
    ("Kurdistan Workers' Party guerrillas attacked a Turkish army post near the Iraqi border on Sunday.",
     ("TURREB", "19", "TURMIL")),
    ("The World Food Programme will provide 20,000 tonnes of emergency food aid to Ethiopia.",
     ("IGOUNOAGRWFP", "03", "ETH")),
    ("Amnesty International accused the Egyptian government of torturing detainees.", ("---NGO", "11", "EGYGOV")),
    ("Tamil Tiger rebels attacked a Sri Lankan navy base near Trincomalee.", ("LKAREB", "19", "LKAMIL")),
    ("UNITA rebels shelled the Angolan city of Huambo.", ("AGOREB", "19", "AGO")),
    ("Riot police fired tear gas at students in Dhaka.", ("BGDCOP", "17", "BGDEDU")),
    ("Israeli settlers attacked Palestinian villagers near Hebron.", ("ISRSET", "19", "PSECVL")),
])
def test_real_news_shaped_sentences_code_their_actors(loose, sentence, expected):
    assert expected in coded_triples(loose, sentence, DAY)


def test_dotted_abbreviations_resolve():
    from trustledger.coding.actors import ActorResolver

    r = ActorResolver.default()
    assert r.resolve("U.S.", None).country == "USA"
    assert r.resolve("U.N.", None).country == "IGO"


def test_fighters_named_by_an_aircraft_are_the_air_force_not_armed_men():
    """"MiG fighters", "F-16 fighters" are aircraft (their state's military, MIL); "Islamist fighters"
    stay armed men (REB)."""
    import datetime as _dt

    from trustledger.coding.coder import EventCoder

    coder = EventCoder()
    got = [(e.source.code, e.cameo[:2]) for e in coder.code_text("Libyan MiG fighters bombed Egyptian border villages.",
                                                                  _dt.date(1977, 7, 22))]
    assert ("LBYMIL", "19") in got, got
    got = [e.source.code for e in coder.code_text("Islamist fighters attacked an army post in northern Mali.",
                                                   _dt.date(2013, 1, 20))]
    assert got and got[0].endswith("REB"), got


def test_a_counterpart_is_the_same_office_of_the_state_named():
    """"Lavrov met his Turkish counterpart": the Turkish minister (TURGOV), the other side of the meeting."""
    import datetime as _dt

    from trustledger.coding.coder import EventCoder

    got = [(e.source.code, e.cameo, e.target.code if e.target else None)
           for e in EventCoder().code_text("Lavrov met his Turkish counterpart in Moscow.", _dt.date(2019, 4, 8))]
    assert ("RUSGOV", "040", "TURGOV") in got, got
