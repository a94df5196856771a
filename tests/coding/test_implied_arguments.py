"""Sources and targets that are not named actors (issue 13, item 3): groups of people, places and
positions standing for their holders, subjects the parser strands, implied agents, and "both sides"
or "they" resolved within one report. Every sentence is our own, in the shape of real wire copy."""

from __future__ import annotations

import datetime as dt

from tests.coding.conftest import root_triples

DAY = dt.date(2011, 6, 8)


def triples(coder, text: str) -> set[tuple[str, str, str | None]]:
    return root_triples(coder, text, DAY)


def test_participle_taken_for_the_subject_gives_back_the_real_one(ingest_coder):
    got = triples(ingest_coder, "LIMA, Peru - Witnesses said police carrying batons and shields dispersed two rallies "
                                "on Sunday.")
    assert ("PERCOP", "17", "PERCVL") in got


def test_adjective_phrase_after_the_subject_does_not_strand_it(ingest_coder):
    got = triples(ingest_coder, "Residents said troops loyal to Syrian President Bashar al-Assad shelled the town "
                                "of Rastan on Friday.")
    assert any(s == "SYRMIL" and r == "19" for s, r, _ in got)


def test_position_named_by_its_holder_is_the_holder(ingest_coder):
    got = triples(ingest_coder, "Yemeni government forces bombarded rebel positions in the north on Monday.")
    assert ("YEMMIL", "19", "YEMREB") in got


def test_place_hit_by_force_stands_for_the_state_of_the_report(ingest_coder):
    text = "KABUL, Afghanistan - Taliban fighters attacked Ghazni on Tuesday. Dozens of rockets hit the city."
    hit = [e for e in ingest_coder.code_text(text, DAY) if e.verb == "hit"]
    assert hit and hit[0].target is not None and hit[0].target.code == "AFG"


def test_people_without_office_are_civilians_of_the_report_state(ingest_coder):
    got = triples(ingest_coder, "HARARE, Zimbabwe - Riot police arrested dozens of relatives of prisoners outside "
                                "the court on Monday.")
    assert ("ZWECOP", "17", "ZWECVL") in got


def test_people_nouns_do_not_make_events_without_a_verb_of_the_lexicon(ingest_coder):
    assert triples(ingest_coder, "NAIROBI, Kenya - Many people sat in the shade of the market.") == set()


def test_weapon_as_subject_is_the_last_attacker_of_the_report(ingest_coder):
    got = ingest_coder.code_text("Rebel fighters attacked the town of Dara on Monday. Mortar shells hit a school.", DAY)
    hit = [e for e in got if e.verb == "hit"]
    assert hit and hit[0].source.role == "REB"


def test_weapon_with_no_attacker_before_gives_no_event(ingest_coder):
    assert not [e for e in ingest_coder.code_text("Mortar shells hit a school in Syria.", DAY) if e.verb == "hit"]


def test_both_sides_are_the_last_two_parties_each_toward_the_other(ingest_coder):
    text = "Armenia accused Azerbaijan of shelling its villages. Both sides exchanged fire on Sunday."
    got = {(e.source.code, e.target.code if e.target else None) for e in ingest_coder.code_text(text, DAY)
           if e.verb == "exchanged"}
    assert got == {("ARM", "AZE"), ("AZE", "ARM")}


def test_both_sides_never_reach_into_another_document(ingest_coder):
    ingest_coder.code_text("Armenia accused Azerbaijan of shelling its villages.", DAY)
    assert not [e for e in ingest_coder.code_text("Both sides exchanged fire on Sunday.", DAY)]


def test_people_acting_are_not_made_a_party(ingest_coder):
    assert triples(ingest_coder, "BEIRUT, Lebanon - People sought shelter in the basement.") == set()


def test_passive_arrest_of_people_is_by_the_authorities_of_the_report_state(ingest_coder):
    got = triples(ingest_coder, "ALGIERS, Algeria - Officials said two political leaders had been arrested.")
    assert ("DZAGOV", "17", "DZACVL") in got


def test_captured_villages_are_not_given_to_the_report_state(ingest_coder):
    got = triples(ingest_coder, "BAKU, Azerbaijan - Aliyev said Azerbaijani troops had seized 13 villages.")
    assert ("AZEMIL", "19", None) in got


def test_domestic_protest_with_no_target_is_against_its_own_government(ingest_coder):
    got = triples(ingest_coder, "Hundreds of Iraqi Kurds rallied in the southern city of Basra on Monday.")
    assert ("IRQ", "14", "IRQGOV") in got


def test_a_state_protesting_keeps_its_protest_unaddressed(ingest_coder):
    got = triples(ingest_coder, "Iraq protested on Sunday.")
    assert not any(t == "IRQGOV" for _, _, t in got)


def test_weapon_long_after_the_last_attack_has_no_user(ingest_coder):
    text = ("Rebel fighters attacked the town of Dara on Monday. The United Nations praised Jordan. "
            "France welcomed the decision. Germany praised Italy. Mortar shells hit a school.")
    assert not [e for e in ingest_coder.code_text(text, DAY) if e.verb == "hit"]


def test_surname_of_a_titled_person_named_before_is_that_person(ingest_coder):
    # (fictional names: the dictionary knows Guaidó and Soro, and neither led the opposition on DAY)
    text = ("CARACAS, Venezuela - Opposition leader Juan Pereda spoke in Caracas. "
            "Pereda accused the government of fraud.")
    got = [e for e in ingest_coder.code_text(text, DAY) if e.verb == "accused"]
    assert got and got[0].source.code == "VENOPP"


def test_surname_of_a_person_described_before_keeps_their_state(ingest_coder):
    text = ("Edward Chaplin, the second-ranking British diplomat in Tehran, was among those ordered out. "
            "On May 28, Revolutionary Guards detained Chaplin for 24 hours.")
    got = [e for e in ingest_coder.code_text(text, DAY) if e.verb == "detained"]
    assert got and got[0].target is not None and got[0].target.country == "GBR"


def test_repression_with_no_one_named_is_against_the_people_of_its_state(ingest_coder):
    got = triples(ingest_coder, "CONAKRY, Guinea - Since taking office, President Alpha Conde has stifled freedom "
                                "of expression.")
    assert any(s.startswith("GIN") and r == "17" and t == "GINCVL" for s, r, t in got)


def test_accented_and_plain_surnames_are_one_person(ingest_coder):
    text = ("ABIDJAN - Opposition leader Guillaume Kablan spoke in Abidjan, Ivory Coast. "
            "Kablàn accused the government of fraud.")
    got = [e for e in ingest_coder.code_text(text, DAY) if e.verb == "accused"]
    assert got and got[0].source.role == "OPP"


def test_rebels_fighting_with_no_target_fight_their_own_state(ingest_coder):
    got = triples(ingest_coder, "LUANDA, Angola - UNITA rebels attacked on Tuesday.")
    assert any(s.endswith("REB") and r == "19" and t == "AGOGOV" for s, r, t in got)


def test_a_state_force_with_no_target_is_not_given_one(ingest_coder):
    got = triples(ingest_coder, "LUANDA, Angola - Government troops attacked on Tuesday.")
    assert not any(t == "AGOGOV" for _, _, t in got)


def test_crowds_burning_an_embassy_riot_with_no_people_made_up(coder):
    got = triples(coder, "Egypt will reestablish ties with Libya, three years after Benghazi crowds burned down "
                         "its consulate, an official said.")
    assert not any(t and t.endswith("CVL") for _, _, t in got)


def test_weapons_fired_are_the_deed_not_a_target(coder):
    got = triples(coder, "North Korea fired two artillery shells at Japan on Thursday.")
    assert ("PRK", "19", "JPN") in got


def test_missile_fired_by_rebels_gives_them_no_made_up_target(ingest_coder):
    got = triples(ingest_coder, "The helicopter was shot down by a rocket apparently fired by pro-Kremlin militiamen.")
    assert not any(t and t.endswith("GOV") for _, _, t in got)


def test_coding_a_document_twice_gives_the_same_events():
    """The parties remembered for "both sides" belong to one run over the document: a second run
    (re-coding, the Python API) must not see the pair a later sentence of the first run told."""
    import datetime as dt

    from trustledger.coding.stage import build_coder
    from trustledger.nlp.model import load_model

    doc = load_model()("Both camps seemed to be seeking a way out of the crisis. "
                       "Iran and Russia signed a deal on Monday.")
    coder = build_coder()
    first = [(e.source.code, e.cameo, e.target.code if e.target else None)
             for e in coder.code_doc(doc, dt.date(2020, 1, 1))]
    second = [(e.source.code, e.cameo, e.target.code if e.target else None)
              for e in coder.code_doc(doc, dt.date(2020, 1, 1))]
    assert first and first == second


def test_forces_withdrawn_from_a_border_leave_the_state_across_it(ingest_coder):
    """"pulled its soldiers back from Eritrea", "withdraw its troops from its border with Sudan": the
    place left is the target (the parser may hang "from" on "back"); the troops are the source's own."""
    got = triples(ingest_coder, "Ethiopia pulled its soldiers back from Eritrea on Tuesday.")
    assert ("ETH", "08", "ERI") in got, got
    got = triples(ingest_coder, "Chad will withdraw its troops from its border with Sudan, officials said.")
    assert any(s == "TCD" and t == "SDN" for s, _, t in got), got
