"""General mechanisms of issue 13, item 3 (helper M3): parties a report names together, and what a
"they" or "the two neighbours" after them stands for; the own forces of parties acting together;
infinitives the parser hangs on a verb of promising. Every sentence is our own."""

from __future__ import annotations

import datetime as dt

from tests.coding.conftest import full_codes, root_triples

DAY = dt.date(2011, 6, 8)


def triples(coder, text: str) -> set[tuple[str, str, str | None]]:
    return root_triples(coder, text, DAY)


def test_they_after_parties_named_together_is_both(ingest_coder):
    got = triples(ingest_coder, "Laos and Thailand held talks in Vientiane on Monday. They agreed to reopen the "
                                "border crossing.")
    assert ("LAO", "03", "THA") in got and ("THA", "03", "LAO") in got


def test_they_with_a_named_party_of_its_own_is_not_the_pair(ingest_coder):
    got = triples(ingest_coder, "Laos and Thailand held talks in Vientiane on Monday. They urged Cambodia to "
                                "reopen the border crossing.")
    assert not any(s == "LAO" and t == "THA" and r == "02" for s, r, t in got)


def test_the_two_neighbours_are_the_two_states_the_report_names_most(ingest_coder):
    text = ("Gunfire across the frontier killed two Tajik farmers. Tajikistan accused Kyrgyzstan of starting the "
            "clash. Kyrgyzstan blamed Tajikistan for it. The two neighbours later agreed to pull back forces.")
    got = triples(ingest_coder, text)
    assert ("KGZ", "03", "TJK") in got and ("TJK", "03", "KGZ") in got


def test_parties_acting_together_withdraw_their_own_forces(ingest_coder):
    got = triples(ingest_coder, "Peru and Ecuador agreed to withdraw troops from the border.")
    assert got == {("PER", "03", "ECU"), ("ECU", "03", "PER")}


def test_a_named_foreign_force_stays_the_target(ingest_coder):
    got = triples(ingest_coder, "Peru and Ecuador agreed to expel Chilean troops from the border.")
    assert any(s == "PER" and t == "CHLMIL" for s, _, t in got), got


def test_second_infinitive_hung_on_the_promise_is_no_act(ingest_coder):
    got = triples(ingest_coder, "The two neighbours agreed to pull back forces, coordinate border patrols and "
                                "keep the road open.")
    assert not any(r == "06" for _, r, _ in got)


def test_a_bare_court_is_a_generic_actor_of_the_state_around_it(ingest_coder):
    got = triples(ingest_coder, "The court sentenced 12 Egyptian activists to prison on Sunday.")
    assert ("EGYJUD", "17", "EGYOPP") in got


def test_tribal_elders_are_a_generic_actor(ingest_coder):
    got = triples(ingest_coder, "Tribal elders demanded that the Afghan government free the prisoners.")
    assert any(s == "AFGELI" and r == "10" for s, r, _ in got), got


def test_justice_and_a_capacity_are_no_actors(ingest_coder):
    assert not any(s.endswith("JUD") for s, _, _ in triples(
        ingest_coder, "Rebels vowed to bring the killers to justice."))
    assert not any(s.endswith("JUD") or (t or "").endswith("JUD") for s, _, t in triples(
        ingest_coder, "Peru named Ana Ruiz as prosecutor in the bribery case on Monday."))


def test_a_judge_by_name_takes_the_one_state_whose_organs_the_sentence_names(ingest_coder):
    got = triples(ingest_coder, "Judge Pablo Ortiz opened corruption inquiries against 14 Peruvian customs "
                                "officials, the court said Monday.")
    assert any(s == "PERJUD" and r == "09" for s, r, _ in got), got


def test_a_minister_by_name_does_not_take_the_state_of_those_met(ingest_coder):
    got = triples(ingest_coder, "Foreign Minister Ana Ruiz met Chilean officials in Lima.")
    assert not any(s.startswith("CHL") for s, _, _ in got), got


def test_a_wish_with_no_act_is_no_event(ingest_coder):
    assert triples(ingest_coder, "The Zambian opposition wants real political power.") == set()
    assert triples(ingest_coder, "President Tomas Vidal of Peru is seeking a third term.") == set()
    # a commitment with no coded act stays an intent to cooperate, a wish with an act stays the act's intent
    assert any(r == "03" for _, r, _ in triples(ingest_coder, "Peru agreed to set up a research centre in Chile."))


def test_each_listed_town_is_its_own_target(ingest_coder):
    got = full_codes(ingest_coder, "The rebels seized the towns of Goma, Uvira and Bukavu on Sunday.", DAY)
    assert [t for _, c, t in got if c.startswith("19")] == ["COD", "COD", "COD"]


def test_listed_targets_of_one_code_are_stored_as_distinct_events():
    from trustledger.coding.actors import Actor
    from trustledger.coding.coder import CodedEvent
    from trustledger.coding.stage import events_table

    def ev(end: int) -> CodedEvent:
        return CodedEvent(sentence_index=0, source=Actor("CODREB", "COD", "REB", "rebels"),
                          target=Actor("COD", "COD", None, "town", place=True), cameo="192", root="19",
                          quad_class=4, goldstein=-9.5, mode="did", quote=False, speaker=None, negated=False,
                          date=None, date_precision=None, char_start=0, char_end=end, verb="seized", why="",
                          verb_source="lexicon", confidence=None)

    ids = events_table([("d", "s", "x", ev(30)), ("d", "s", "x", ev(40))]).column("event_id").to_pylist()
    assert len(set(ids)) == 2


def test_forces_wounded_after_a_clash_were_hit_by_the_other_side(ingest_coder):
    text = ("Officials said Peruvian troops had killed 12 rebels, having followed them with soldiers. They said two "
            "soldiers were wounded in the fighting that followed.")
    assert ("PERREB", "19", "PERMIL") in triples(ingest_coder, text)


def test_a_patrol_ambushed_in_a_report_of_an_armed_group_was_ambushed_by_it(ingest_coder):
    text = "The Shining Path rebels have fought the government for years. A police patrol was ambushed near Ayacucho."
    assert ("PERREB", "19", "PERCOP") in triples(ingest_coder, text)


def test_victims_with_no_fighting_told_have_no_doer(ingest_coder):
    assert triples(ingest_coder, "Three protesters were killed in Lima on Monday.") == set()


def test_roadblocks_of_armed_men_are_a_blockade_of_protesters_an_obstruction(ingest_coder):
    assert ("KENCOP", "19", None) in triples(ingest_coder, "Police put up roadblocks in Nairobi on Sunday.")
    assert any(s == "ECUOPP" and r == "14" for s, r, _ in triples(ingest_coder,
                                                                   "Protesters set up roadblocks in Quito."))
    assert any(s == "FJIMIL" and r == "19" for s, r, _ in triples(
        ingest_coder, "Soldiers set up guard posts around the parliament in Suva."))


def test_going_somewhere_on_a_visit_is_a_visit_to_that_place(ingest_coder):
    assert ("PERGOV", "04", "ECUGOV") in triples(
        ingest_coder, "President Ruiz of Peru reached Quito on Monday for a three-day state visit.")
    assert ("PERGOV", "04", "CHL") in triples(
        ingest_coder, "The Peruvian foreign minister was in Chile on an official visit on Monday.")


def test_a_visit_to_no_one_named_is_no_event(ingest_coder):
    assert triples(ingest_coder, "Two Chilean reporters made the trip into rebel-held territory.") == set()
    assert triples(ingest_coder, "The Chilean president was on a visit.") == set()


def test_a_statement_issued_speaks_for_its_issuer(ingest_coder):
    assert ("CHL", "11", "PER") in triples(ingest_coder, "Chile issued a statement condemning the Peruvian raid.")
    got = triples(ingest_coder, "The rebel Shining Path issued a declaration demanding that the Peruvian government "
                                "free its leader.")
    assert any(s.startswith("PER") and r == "10" and t == "PERGOV" for s, r, t in got), got


def test_a_date_after_a_demand_addresses_no_one(ingest_coder):
    assert ("USA", "10", "PRK") in triples(
        ingest_coder, "The United States on Thursday demanded that North Korea abandon its nuclear program.")
    got = triples(ingest_coder, "China demanded on Tuesday that the US cancel plans to sell missiles to Taiwan.")
    assert any(s == "CHN" and r == "10" and t == "USA" for s, r, t in got), got


def test_a_threat_is_made_to_whoever_must_act_to_avert_it(ingest_coder):
    got = triples(ingest_coder, "Villagers in northern Chile threatened to hold a general strike unless Bolivia "
                                "rescinded the decree.")
    assert any(r == "13" and t == "BOL" for _, r, t in got), got
    got = triples(ingest_coder, "The Peruvian government warned that the army stood ready to strike the rebels "
                                "unless the Ecuadorian troops withdrew.")
    assert any(s.startswith("PER") and r == "13" and t == "ECUMIL" for s, r, t in got), got


def test_an_intent_on_a_condition_is_a_threat(ingest_coder):
    got = triples(ingest_coder, "Nigeria announced that it will withdraw its peacekeeping force from Chad unless the "
                                "Chadian president arranged a ceasefire.")
    assert ("NGA", "13", "TCD") in got
    got = triples(ingest_coder, "Nigeria announced that it will withdraw its peacekeeping force from Chad in May.")
    assert ("NGA", "03", "TCD") in got
