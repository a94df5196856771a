"""Breadth of our own verb lexicon, session 8 (issue 13, item 2): verbs, phrasal verbs and verb +
object-class rows that wire English uses for the CAMEO codes and that the lexicon lacked, written from
the codebook's definitions. Each family is checked with a sentence of our own in the shape of a news
report, coded by the lexicon alone; the everyday senses of the same verbs must stay uncoded."""

from __future__ import annotations

import datetime as dt

import pytest

from trustledger.coding.coder import EventCoder

DAY = dt.date(2019, 3, 14)


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(require_target=False, vectors=False)  # the lexicon alone


def _events(coder: EventCoder, text: str) -> list[tuple[str, str, str | None]]:
    return [(e.source.code, e.cameo, e.target.code if e.target else None) for e in coder.code_text(text, DAY)]


# (sentence, source country, CAMEO code or root expected among the coded events)
ROWS = [
    # 11 disapprove
    ("The Kenyan opposition reviled the government over the disputed election.", "KEN", "111"),
    ("Argentina and Britain traded insults over the Falklands on Monday.", "ARG", "111"),
    ("The Peruvian president singled out Chile for its fishing policy.", "PER", "111"),
    # 18 assault
    ("Gunmen in Nigeria slit the throats of seven villagers.", "NGA", "18"),
    ("Iran hanged two dissidents in Tehran on Saturday.", "IRN", "170"),
    # 19 fight
    ("Ethiopian tanks rolled into the Eritrean border town of Badme.", "ETH", "192"),
    ("Russian artillery pulverized Georgian positions near Gori.", "RUS", "190"),
    # 03 intent
    ("Norway tabled a proposal for a ceasefire in Sri Lanka.", "NOR", "03"),
    ("The Egyptian foreign minister unveiled a peace plan for Gaza.", "EGY", "03"),
    # 10 demand
    ("The Thai government badgered Cambodia to hand over the fugitive.", "THA", "10"),
    # 07 aid
    ("Jordan housed thousands of Syrian refugees in desert camps.", "JOR", "075"),
    ("The European Central Bank injected billions into Greek banks.", "IGOEUREEC", "071"),
    # 17 coerce
    ("The Turkish government shuttered opposition newspapers in Istanbul.", "TUR", "1721"),
    # 12 reject
    ("The Colombian government ditched the peace deal with the rebels.", "COL", "12"),
    # 13 threaten
    ("The Ghanaian army delivered an ultimatum to the mutineers.", "GHA", "139"),
    # 14 protest
    ("Thousands of Chilean students hit the streets against the education law.", "CHL", "141"),
    # 04 consult
    ("The Algerian foreign minister chaired talks between Mali and the Tuareg rebels.", "DZA", "04"),
    # 05 cooperate
    ("The Indian prime minister heaped praise on the Japanese government.", "IND", "051"),
    # second batch: light verbs with "pressure", phrasal rows
    ("The Bangladeshi government put pressure on Myanmar over the refugees.", "BGD", "10"),
    ("The Venezuelan president took a swipe at Colombia's government.", "VEN", "111"),
    ("Syrian helicopters dropped barrel bombs on the rebel-held town.", "SYR", "19"),
    ("The Malian government unleashed riot police on the demonstrators.", "MLI", "175"),
    ("Serbian nationalists rallied behind the Bosnian Serb leadership.", "SRB", "051"),
    # third batch: verbs in the sense of an older row (eject as expel, toughen as tighten, restart as
    # resume) and an armed entry as a member of the attack class
    ("The Zimbabwean president likened the British prime minister to a colonial governor.", "ZWE", "111"),
    ("Sudan ejected the Norwegian ambassador from Khartoum.", "SDN", "161"),
    ("The European Union toughened sanctions on Belarus.", "IGOEUR", "163"),
    ("Armenia and Azerbaijan restarted talks on Nagorno-Karabakh in Moscow.", "ARM", "046"),
    ("The Turkish army called off its incursion into northern Iraq.", "TUR", "08"),
    # fifth batch: pause and trim as halt and slash, prolong as extend, boot out as expel
    ("The Japanese government paused economic aid to Myanmar after the coup.", "JPN", "162"),
    ("Canada trimmed its military aid to the Philippines.", "CAN", "162"),
    ("The European Union prolonged sanctions on Russia for six months.", "IGOEUR", "163"),
    ("The Rwandan government booted out the Belgian ambassador.", "RWA", "161"),
    # sixth batch: general English members of the object classes (civilian, release, settlement,
    # combatant)
    ("Zimbabwean police beat traders at the Harare market.", "ZWE", "182"),
    ("The Pakistani government demanded the return of its fishermen from India.", "PAK", "1053"),
    ("Moroccan troops seized the coastal strip from Polisario fighters.", "MAR", "192"),
    ("Nigerian troops defeated mercenaries near the border with Chad.", "NGA", "190"),
    # seventh batch: shun and skip talks as snub them, swear revenge as vow it
    ("The Eritrean president skipped the summit with Ethiopia in Nairobi.", "ERI", "125"),
    ("The Iraqi militia swore revenge against the United States.", "IRQ", "138"),
]


@pytest.mark.parametrize(("text", "source", "code"), ROWS, ids=[r[0][:40] for r in ROWS])
def test_new_rows_code_to_their_cameo_code(coder, text, source, code):
    events = _events(coder, text)
    assert any(s.startswith(source) and c.startswith(code) for s, c, _ in events), events


@pytest.mark.parametrize("text", [
    "The Kenyan minister's portrait hangs in the hall.",  # 'hang' has object rows only
    "The Peruvian trade plan did not pan out.",  # 'pan out' is no criticism
    "The Argentine company sacked its chief executive.",  # 'sack' a person is no attack
])
def test_everyday_senses_stay_uncoded(coder, text):
    assert not any(c[:2] in ("11", "17", "18", "19") for _, c, _ in _events(coder, text)), _events(coder, text)
