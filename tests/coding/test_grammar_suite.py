"""General grammar handling exercised by PETRARCH's unit-test suite, on real news English: imminent
acts ("is about to"), the doer of a condemned act ("an attack by X soldiers"), ties between two
named states, coordination and nested actors."""

from __future__ import annotations

import datetime as dt

import pytest

from trustledger.coding.coder import EventCoder

DAY = dt.date(2016, 1, 4)


@pytest.fixture(scope="module")
def act_coder() -> EventCoder:
    return EventCoder(act_for_intent=True)


def coded_triples(coder: EventCoder, text: str, day: dt.date) -> list[tuple]:
    """(source code, CAMEO root, target code) of every event coded in `text` (as tests/coding/conftest.py,
    repeated so that this file also runs under the bare `pytest` entry point)."""
    return [(e.source.code, e.cameo[:2], e.target.code if e.target else None) for e in coder.code_text(text, day)]


def _codes(coder: EventCoder, text: str) -> list[tuple]:
    return [(e.source.code, e.cameo, e.target.code if e.target else None) for e in coder.code_text(text, DAY)]


def test_about_to_is_an_intent_in_cameo_and_the_act_in_petrarch(coder, act_coder):
    text = "Iran is about to resume normal diplomatic relations with Saudi Arabia."
    assert ("IRN", "03", "SAU") in coded_triples(coder, text, DAY)
    act = coded_triples(act_coder, "Iran resumed normal diplomatic relations with Saudi Arabia.", DAY)
    assert act and act[0][1] != "03"
    assert act[0] in coded_triples(act_coder, text, DAY)


def test_a_wish_stays_an_intent_under_petrarchs_convention(act_coder):
    got = coded_triples(act_coder, "Iran hopes to restore full diplomatic ties with Saudi Arabia.", DAY)
    assert got and all(t[1] == "03" for t in got), got


def test_condemned_attack_targets_its_doer(coder):
    got = coded_triples(coder, "The French government condemned an attack by Syrian soldiers in northern Lebanon.",
                        DAY)
    assert ("FRAGOV", "11", "SYRMIL") in got, got
    assert not [t for t in got if (t[2] or "").startswith("LBN")], got


def test_condemned_killing_of_civilians_by_troops_targets_the_troops(coder):
    got = coded_triples(coder, "Germany condemned the killing of civilians by Russian troops.", DAY)
    assert [t for t in got if t[1] == "11" and (t[2] or "").startswith("RUS")], got


def test_actor_object_with_by_phrase_is_not_an_act(coder):
    got = coded_triples(coder, "Ukraine criticized Russian soldiers sent by Moscow.", DAY)
    assert [t for t in got if t[1] == "11" and t[2] == "RUSMIL"], got


def test_ties_between_two_states_target_both(coder):
    got = coded_triples(coder, "Japan welcomed the resumption of diplomatic ties between India and Pakistan.", DAY)
    assert {t[2] for t in got if t[0] == "JPN"} >= {"IND", "PAK"}, got
    assert not [t for t in got if t[2] == "JPN"], got


def test_subject_split_by_the_parser_keeps_both_states(coder):
    # spaCy reads "Old rivals" and "India and Pakistan" as two subjects of "signed"
    got = coded_triples(coder, "Old rivals India and Pakistan signed a trade agreement on Monday.", DAY)
    assert {t[0] for t in got} == {"IND", "PAK"}, got


def test_named_apposition_inside_a_list_is_a_list_item(coder):
    got = coded_triples(coder, "Germany, the assertive Poland, and France signed the agreement with Ukraine.", DAY)
    assert {t[0] for t in got if t[2] == "UKR"} == {"DEU", "POL", "FRA"}, got


def test_descriptive_apposition_is_not_a_second_actor(coder):
    got = coded_triples(coder, "Vladimir Putin, the Russian president, and Recep Tayyip Erdogan met in Sochi.", DAY)
    assert all(t[0][:3] in ("RUS", "TUR") for t in got), got


def test_target_preposition_on_a_prepositional_object(coder):
    got = coded_triples(coder, "Japan cooperated on a project with India.", DAY)
    assert ("JPN", "06", "IND") in got, got


def test_petrarch_verbs_take_the_first_actor_of_the_object_phrase(tmp_path):
    from trustledger.coding.verbs import VerbLexicon

    path = tmp_path / "verbs.txt"
    path.write_text("--- CRITICIZE  [111]  ---\nCRITICIZE\n", encoding="utf-8")
    text = "Germany criticized the closure of border crossings in Poland."
    petrarch = EventCoder(verbs=VerbLexicon.default().with_files([path], prefer_added=True))
    assert ("DEU", "111", "POL") in _codes(petrarch, text)
    assert not [t for t in _codes(EventCoder(), text) if t[2] == "POL"]  # our lexicon wants the object itself
    # and inside the clauses that describe the object, as PETRARCH reads the whole verb phrase
    assert ("DEU", "111", "POL") in _codes(petrarch, "Germany criticized the roads leading into Poland.")


def test_an_actor_entry_with_several_codes_acts_as_each(tmp_path):
    from trustledger.coding.actors import ActorResolver

    path = tmp_path / "actors.txt"
    path.write_text("BENELUX  [BEL/NLD/LUX]\n", encoding="utf-8")
    coder = EventCoder(ActorResolver.default().with_dictionaries([path]))
    got = _codes(coder, "Benelux condemned Russia on Monday.")
    assert {t[0] for t in got if t[2] == "RUS"} == {"BEL", "NLD", "LUX"}, got


def test_paired_codes_give_the_reversed_dyad_its_event(tmp_path):
    from trustledger.coding.verbs import VerbLexicon

    path = tmp_path / "verbs.txt"
    path.write_text("--- VISIT  [042:043]  ---\nVISIT\n\n--- APPEAR  [---]  ---\nAPPEAR\n"
                    "- * BEFORE COURT  [:173]\n", encoding="utf-8")
    petrarch = EventCoder(verbs=VerbLexicon.default().with_files([path], prefer_added=True))
    got = _codes(petrarch, "Angela Merkel visited China on Monday.")
    assert ("DEUGOV", "042", "CHN") in got and ("CHN", "043", "DEUGOV") in got, got
    got = _codes(petrarch, "A Russian activist appeared before a court in Moscow.")
    assert ("RUSJUD", "173", "RUSOPP") in got, got  # ":173": the court acts on the activist
    # a promised visit is not a promised hosting
    got = _codes(petrarch, "Angela Merkel promised to visit China.")
    assert not [t for t in got if t[0] == "CHN"], got


def test_a_plural_subject_of_a_reciprocal_verb_acts_on_each_member(coder):
    got = coded_triples(coder, "Russia and China agree that the crisis should be resolved through talks.", DAY)
    assert ("RUS", "01", "CHN") in got and ("CHN", "01", "RUS") in got, got
    got = coded_triples(coder, "India and Pakistan accused each other of violating the ceasefire.", DAY)
    assert ("IND", "11", "PAK") in got and ("PAK", "11", "IND") in got, got
    got = coded_triples(coder, "Russia and Ukraine have restored their ties.", DAY)
    assert ("RUS", "05", "UKR") in got and ("UKR", "05", "RUS") in got, got
    # one actor has no one to act on; "agreed to ..." is an intent toward a third party, not an accord
    assert not coded_triples(coder, "Russia agrees that the crisis should be resolved through talks.", DAY)
    got = coded_triples(coder, "The United States and Qatar agreed to block Iran's access to the funds.", DAY)
    assert not [t for t in got if t[2] in ("USA", "QAT")], got
    # their own spending is not a relation between them
    assert not coded_triples(coder, "Russia and China increased their military spending.", DAY)


def test_a_bare_role_noun_shares_the_nationality_of_its_coordinated_phrase(coder):
    got = coded_triples(coder, "Danish media and government warned Russia.", DAY)
    assert ("DNKMED", "13", "RUS") in got and ("DNKGOV", "13", "RUS") in got, got
    # a conjunct with its own modifier, or a head that is the country itself, shares nothing
    got = coded_triples(coder, "Danish media and a foreign government warned Russia.", DAY)
    assert ("DNKGOV", "13", "RUS") not in got, got
    got = coded_triples(coder, "Germany and the government of Poland warned Russia.", DAY)
    assert ("DEUGOV", "13", "RUS") not in got and ("POLGOV", "13", "RUS") in got, got


def test_a_preposition_right_after_the_verb_can_be_its_particle(coder):
    # the parser reads "off" as a preposition of "the roads"; the phrasal verb is still "cordon off",
    # and the target is named in the clause that describes the roads
    got = coded_triples(coder, "Israeli troops have cordoned off the roads leading into Gaza.", DAY)
    assert [t for t in got if t[0] == "ISRMIL" and t[1] == "19" and t[2].startswith("PSE")], got
    got = coded_triples(coder, "Israel sealed off the Gaza Strip on Monday.", DAY)
    assert [t for t in got if t[0] == "ISR" and t[1] == "19" and t[2].startswith("PSE")], got
    # without the particle the verb is another one
    assert ("TUR", "05", "RUS") in coded_triples(coder, "Turkey sealed the deal with Russia.", DAY)
