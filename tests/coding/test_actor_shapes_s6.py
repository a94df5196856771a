"""Actor shapes of real reports (session 6, issue 13), each with our own invented sentence in the shape
of the real ones: the implied target of an act whose clause names none."""

from __future__ import annotations

import datetime as dt

from tests.coding.conftest import root_triples
from trustledger.coding.coder import EventCoder

DAY = dt.date(2015, 3, 1)


def test_untargeted_act_takes_the_other_state_the_sentence_names(ingest_coder: EventCoder) -> None:
    # the seizure's clause names no target; the other state of the sentence is whose posts they were
    got = root_triples(ingest_coder, "Indian troops crossed into Pakistan and seized three posts.", DAY)
    assert ("INDMIL", "19", "PAK") in got
    assert ("INDMIL", "19", None) not in got


def test_untargeted_domestic_act_of_an_organ_is_toward_its_government(ingest_coder: EventCoder) -> None:
    # police protesting their pay protest to their own state, though the sentence names no one
    got = root_triples(ingest_coder, "Police officers in Peru marched against low pay.", DAY)
    assert ("PERCOP", "14", "PERGOV") in got


def test_implied_target_is_not_the_source_of_the_report_or_the_place(ingest_coder: EventCoder) -> None:
    # who tells the story and where it happened are no party to the act
    got = root_triples(ingest_coder, "According to Ghana, Togolese soldiers seized two villages.", DAY)
    assert got and all(t != "GHA" for _, _, t in got)
    got = root_triples(ingest_coder, "Police officers from Peru marched in La Paz against low pay.", DAY)
    assert got and all(t != "BOL" for _, _, t in got)


def test_government_acting_alone_gets_no_invented_target(ingest_coder: EventCoder) -> None:
    # a government's own act with no one else named stays untargeted (it is not done to itself)
    got = root_triples(ingest_coder, "The Chilean government rejected the plan.", DAY)
    assert all(t != "CHLGOV" for _, _, t in got)


def test_state_named_bare_keeps_its_untargeted_act(ingest_coder: EventCoder) -> None:
    # its own government as target would make the event one actor on both sides, and drop it
    got = root_triples(ingest_coder, "The United States criticised the sale.", DAY)
    assert ("USA", "11", None) in got


def test_court_written_as_a_name_is_the_reports_court(ingest_coder: EventCoder) -> None:
    # "the High Court", "the Court of Appeal": the role noun capitalised as its body's name
    got = root_triples(ingest_coder, "NAIROBI — The Court of Appeal overturned the verdict and jailed the "
                                     "opposition leader.", DAY)
    assert ("KENJUD", "17", "KENOPP") in got
    got = root_triples(ingest_coder, "NAIROBI — The High Court rejected the petition of the opposition.", DAY)
    assert any(s == "KENJUD" and r == "12" for s, r, _ in got)


def test_a_longer_name_that_opens_with_a_role_noun_is_not_that_role() -> None:
    from trustledger.coding.actors import _named_office
    from trustledger.nlp.model import load_model

    doc = load_model()("The Supreme Court Bar Association met the High Court judges.")
    assert not _named_office(doc, 1, 3)  # "Supreme Court" inside "Supreme Court Bar Association"
    assert _named_office(doc, 7, 9)  # "High Court" of "the High Court judges" (a modifier, but named)


def test_a_people_named_by_plural_demonym_is_its_state(ingest_coder: EventCoder) -> None:
    # "the Croats", "the Czechs": plurals of demonyms that do not end in -n or -i
    got = root_triples(ingest_coder, "The Slovak government accused the Czechs of blocking the deal.", DAY)
    assert ("SVKGOV", "11", "CZE") in got
    got = root_triples(ingest_coder, "The Bosnian president said he was ready to negotiate with the Croats.", DAY)
    assert ("BIHGOV", "03", "HRV") in got


def test_adjectives_that_name_no_person_get_no_plural() -> None:
    from trustledger.coding.actors import _people_noun

    assert _people_noun("Serb") and _people_noun("Iranian") and _people_noun("Dane")
    assert not any(_people_noun(a) for a in ("Chinese", "Polish", "French", "Hellenic", "Swiss", "Ni-Vanuatu"))


def test_an_object_that_is_itself_a_list_of_states_names_each(coder: EventCoder) -> None:
    # "were leaving Estonia and Latvia": the object phrase is the list, so every state in it is a target
    # (inside a longer phrase only the first's code is listed: "the Iran and Libya Sanctions Act")
    from trustledger.coding.coder import _DocState, _Sentence
    from trustledger.nlp.model import load_model

    doc = load_model()("Finnish troops were leaving Estonia and Latvia.")
    sent = next(doc.sents)
    ctx = _Sentence(coder, sent, coder.actors.mentions(sent, DAY, generic=True), _DocState())
    obj = next(t for t in doc if t.dep_ == "dobj")
    assert [a.code for a, _ in ctx._inside(obj)] == ["EST", "LVA"]


def test_a_groups_chief_is_its_leader(ingest_coder: EventCoder) -> None:
    # "rebel chief X" as "rebel leader X": the titled person is the group's, of the report's state
    got = root_triples(ingest_coder, "BAMAKO — Rebel chief Ali Maiga rejected the government's peace plan.", DAY)
    assert ("MLIREB", "12", "MLIGOV") in got


def test_untargeted_act_aimed_at_the_pair_the_sentence_names(ingest_coder: EventCoder) -> None:
    # the pair phrase inside the alliance's relative clause stands for the two states fighting
    text = ("Uzbek and Kazakh border guards exchanged fire on Monday. The alliance chief said the CSTO, "
            "to which both countries belong, was ready to help end the clashes.")
    got = root_triples(ingest_coder, text, DAY)
    assert ("IGO", "03", "UZB") in got or ("IGO", "03", "UZBMIL") in got
    assert not any(s == "IGO" and t is None for s, _, t in got)


def test_an_act_done_there_is_done_to_the_state_the_sentence_before_named(ingest_coder: EventCoder) -> None:
    # "there" points back to the state the previous sentence named, not the source's own
    text = "Chinese officials met Nepalese leaders in Kathmandu. Beijing has increased its military presence there."
    got = root_triples(ingest_coder, text, DAY)
    assert ("CHNGOV", "15", "NPL") in got
    # with no sentence before, "there" names nothing
    got = root_triples(ingest_coder, "Beijing has increased its military presence there.", DAY)
    assert ("CHNGOV", "15", None) in got


def test_their_leader_named_in_apposition_is_remembered_by_the_group(ingest_coder: EventCoder) -> None:
    # "their leader, X": X leads the group the clause's subject names, so a later "X" is that group's
    text = ("Opposition supporters in Lagos gathered to greet their leader, John Okafor. "
            "Okafor has denounced the election result.")
    got = root_triples(ingest_coder, text, DAY)
    assert ("NGAOPP", "11", "NGAGOV") in got


def test_a_word_for_a_kind_of_place_alone_is_no_town(ingest_coder: EventCoder) -> None:
    # 'Jebel' (mountain) is also a Turkmen town in the gazetteer: 'Jebel Marra' in Sudan is not there
    text = "Rebels of the Sudan Liberation Movement attacked army troops at Jebel Marra."
    got = root_triples(ingest_coder, text, DAY)
    assert ("SDNREB", "19", "SDNMIL") in got
    assert all(t is None or not t.startswith("TKM") for _, _, t in got)


def test_separatists_named_by_a_people_are_of_the_state_they_break_from(ingest_coder: EventCoder) -> None:
    # "Albanian separatists" in Kosovo fight Kosovo's state, they are not Albania's
    got = root_triples(ingest_coder, "Albanian separatists ambushed a police patrol in Kosovo.", DAY)
    assert ("KSVREB", "19", "KSVCOP") in got
    assert all(not s.startswith("ALB") for s, _, _ in got)


def test_an_item_of_an_office_portfolio_is_no_party(ingest_coder: EventCoder) -> None:
    # the minister's title lists the EU as a portfolio; the EU did not visit Chile
    text = ("Jan Novak, Slovakia's Minister for Foreign Affairs, European Union and Trade, "
            "was in Chile on an official visit.")
    got = root_triples(ingest_coder, text, DAY)
    assert ("SVKGOV", "04", "CHL") in got
    assert all(not s.startswith("IGO") for s, _, _ in got)
