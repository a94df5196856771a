"""The verb lexicon's breadth by CAMEO category (issue 13, item 2): the roots that real news showed
to be nearly blind (yield, investigate, demand, disapprove, reject, threaten, protest, force
posture, coerce, assault, fight) carry many verbs each, and sentences in the shape of news, ours
and invented for this test, are coded to the root their verb belongs to by the real coder. Nouns
that are also verbs of the lexicon ("club", "gun", "rebel") must not become events when a light
verb carries them ("joined the club", "carried guns")."""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from importlib import resources

import pytest

from trustledger.coding.coder import EventCoder

DAY = dt.date(2021, 3, 14)

#: Distinct verb lemmas per weak root: at least these many (the lexicon had 11 for 10, 13 for 13,
#: 31 for 09, 37 for 18, 45 for 14 before the widening; each is now at least twice that, or near).
MIN_LEMMAS = {"08": 130, "09": 60, "10": 25, "11": 130, "12": 55, "13": 25, "14": 85, "15": 80,
              "17": 140, "18": 74, "19": 115}


def _lemmas_by_root() -> dict[str, set[str]]:
    text = (resources.files("trustledger") / "data" / "verbs.csv").read_text(encoding="utf-8")
    out: dict[str, set[str]] = defaultdict(set)
    for r in csv.DictReader(text.splitlines()):
        if r["verb"].strip():
            out[r["code"].strip()[:2]].add(r["verb"].strip())
    return out


@pytest.mark.parametrize("root", sorted(MIN_LEMMAS))
def test_weak_roots_have_many_verbs(root):
    assert len(_lemmas_by_root()[root]) >= MIN_LEMMAS[root]


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(require_target=False, vectors=False)  # the lexicon alone, as ingest keeps events


def _events(coder: EventCoder, text: str) -> list[tuple[str, str, str | None]]:
    return [(e.source.code, e.cameo, e.target.code if e.target else None) for e in coder.code_text(text, DAY)]


# (sentence, source country, CAMEO code or root expected among the coded events)
CASES = [
    # 08 yield
    ("The United States drew down its forces in Iraq.", "USA", "087"),
    ("The Egyptian government accommodated the demands of the striking Egyptian workers.", "EGY", "080"),
    ("Peru's president stood down as party leader on Monday.", "PER", "0831"),
    ("Israel announced a pullout of troops from Gaza.", "ISR", "087"),
    ("Colombia dropped its demand for a ceasefire before the talks.", "COL", "080"),
    ("Rebel fighters in Mali handed in their weapons to the Malian army.", "MLI", "0873"),
    ("Kenya repealed the state of emergency in the north.", "KEN", "0814"),
    # 09 investigate
    ("Jordanian police looked into the allegations against Syria.", "JOR", "090"),
    ("Turkish prosecutors quizzed the Iranian suspects for six hours.", "TUR", "091"),
    ("Bosnian experts exhumed bodies from a mass grave near Srebrenica.", "BIH", "092"),
    # 10 demand
    ("Iran clamoured for the release of its diplomats held by Iraq.", "IRN", "1053"),
    ("Nigeria leaned on Ghana to close its border.", "NGA", "10"),
    # 11 disapprove
    ("France lambasted Italy for its migration policy.", "FRA", "111"),
    ("Iran scoffed at the American proposal.", "IRN", "111"),
    ("Pakistan bristled at the Indian remarks.", "PAK", "110"),
    # 12 reject
    ("Venezuela shrugged off the American sanctions threat.", "VEN", "120"),
    ("North Korea balked at the South Korean proposal.", "PRK", "120"),
    ("Iran dragged its feet on the nuclear deal.", "IRN", "120"),
    # 13 threaten
    ("Serbian soldiers brandished rifles at Albanian villagers.", "SRB", "138"),
    ("Russia issued a threat against Ukraine.", "RUS", "130"),
    # 14 protest
    ("Thousands of protesters gathered outside the Egyptian parliament.", "EGY", "141"),
    ("Striking Turkish workers walked out of the factory.", "TUR", "143"),
    ("Hundreds of Iraqi students flocked to the square in Baghdad.", "IRQ", "141"),
    ("Syrian prisoners went on hunger strike.", "SYR", "142"),
    ("Algerian activists launched a hunger strike in prison.", "DZA", "142"),  # not the attack row of 'strike'
    ("Kenyan opposition supporters staged a march in protest against the Kenyan government.", "KEN", "141"),
    ("South Korean unions called off the strike against the government.", "KOR", "082"),
    ("Egyptian students took part in the protest against the Egyptian government.", "EGY", "141"),
    ("Serbian opposition supporters scuffled with Serbian police.", "SRB", "145"),
    ("Thousands of Thai protesters crowded the streets of Bangkok.", "THA", "141"),
    ("Jailed Kurdish activists in Turkey refused meals for a week.", "TUR", "142"),
    # 15 force posture
    ("Russian troops gathered near the Ukrainian border.", "RUS", "154"),
    ("Pakistan unveiled a new missile.", "PAK", "150"),
    ("India mustered troops along the Pakistani border.", "IND", "154"),
    ("Israeli troops remained on alert in the West Bank.", "ISR", "152"),
    # 17 coerce
    ("Kenyan police rushed at the protesters with batons.", "KEN", "175"),
    ("Jordanian police tracked down the Iraqi gunmen.", "JOR", "173"),
    ("Syrian police prevented the march by Kurdish students.", "SYR", "175"),
    ("Egypt launched a crackdown on the Muslim Brotherhood.", "EGY", "175"),
    ("Kenyan police picked up dozens of opposition activists.", "KEN", "173"),
    ("Iraqi police clubbed the protesters.", "IRQ", "175"),
    ("Saudi police handcuffed three Yemeni activists.", "SAU", "173"),
    # 18 assault
    ("A Palestinian gunman blew himself up in an Israeli market.", "PSE", "1831"),
    ("Sudanese militiamen beat up two Chadian traders.", "SDN", "182"),
    ("Gunmen in Nigeria carjacked a Chinese engineer.", "NGA", "181"),
    # 19 fight
    ("The Mexican garrison came under attack from Mexican rebels.", "MEX", "190"),
    ("Fijian troops set up checkpoints around the capital.", "FJI", "191"),
    ("Nigerian troops routed the rebels.", "NGA", "190"),
    ("Russian troops marched into the Ukrainian town.", "RUS", "190"),
    ("Israeli jets took out Syrian air defence batteries near Damascus.", "ISR", "190"),
    ("Afghan rebels wrested control of the town from government forces.", "AFG", "192"),
]


@pytest.mark.parametrize(("text", "source", "code"), CASES, ids=[c[0][:40] for c in CASES])
def test_category_verbs_code_to_their_root(coder, text, source, code):
    events = _events(coder, text)
    assert any(s[:3] == source and c.startswith(code) for s, c, _ in events), events


@pytest.mark.parametrize("text", [
    "The Croatian delegation joined the club of European nations.",  # club: a verb only with people
    "Up to now the Korean riot police have carried no guns.",  # no verb 'gun' of its own
    "The Syrian army led the rebels back to their barracks.",  # 'rebel' is no verb the light verb turns up
    "Egyptian soldiers posted on the rooftops watched the crowd.",  # being posted is no deployment event
])
def test_light_verb_nouns_and_participles_are_no_events(coder, text):
    assert not any(c[:2] in ("14", "15", "17", "18", "19") for _, c, _ in _events(coder, text))


def test_stand_down_is_resignation_only_for_an_office(coder):
    """"stood down as leader" resigns; "unless they stood down" (armed men standing down) is no resignation."""
    assert not any(c.startswith("0831") for _, c, _ in _events(
        coder, "The Nigerien army said it would strike unless the rebels stood down."))
