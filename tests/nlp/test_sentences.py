"""The sentence splitter never ends a sentence at an abbreviation that runs on (issue 16 leftover 5):
titles before a name, months and "No." before a number, "St."/"Mt." before a place name, dotted
initialisms before a lower-case word. Invented sentences in the shape of wire copy; each list entry
kind is exercised, and real sentence ends next to abbreviations stay ends."""

from __future__ import annotations

import pytest

from trustledger.nlp import abbreviations
from trustledger.nlp.sentences import split
from trustledger.words import word_map


def sentences(text: str) -> list[str]:
    return [s.text for s in split([text])[0]]


@pytest.mark.parametrize("text", [
    "The navy's commander, Rear Adm. Hossein Khanzadi, said on Monday that two frigates would sail.",
    "Brig. Gen. Amir Hatami told reporters that the missiles had been tested.",
    "The talks were led by Lt. Col. Pavel Orlov and Maj. Gen. Ali Shadmani of the general staff.",
    "Sen. Mark Warner and Rep. Adam Smith met Amb. William Burns in the capital on Friday.",
    "Gov. Anna Ruiz welcomed Capt. Omar Haddad and Cmdr. Lee Park at the naval base.",
    "Dr. Farid Karimi and Prof. Helen Ortiz signed the agreement for the two universities.",
    "Sgt. Ivan Petrov was released by the militia, the ministry said.",
])
def test_titles_never_end_a_sentence(text):
    assert sentences(text) == [text]


@pytest.mark.parametrize("text", [
    "The deal signed on Aug. 5 commits Moscow to deliver the reactor fuel.",
    "The ministers met in Sept. 2003 and again on Dec. 12 in Vienna.",
    "Resolution No. 2231 endorsed the plan agreed in Vienna.",
    "The summit was held in St. Petersburg, near the old naval yards.",
    "Climbers reached the top of Mt. Damavand on Sunday.",
    "Troops from the Dem. Rep. of Congo crossed into Uganda on Monday.",
    "The U.S. and the U.N. said they would send observers.",
    "Officials in the U.S. said on Tuesday that the talks would resume.",
])
def test_months_numbers_places_and_initialisms_run_on(text):
    assert sentences(text) == [text]


def test_real_sentence_ends_stay_ends():
    assert sentences("The envoy flew back to the U.S. Then he left for Oman.") == [
        "The envoy flew back to the U.S.", "Then he left for Oman."]
    assert sentences("The plant was sold to Rosatom Co. It opened in 2011.") == [
        "The plant was sold to Rosatom Co.", "It opened in 2011."]
    assert sentences("The deal ended in Dec. The talks resumed in March.") == [
        "The deal ended in Dec.", "The talks resumed in March."]
    # A blank line is always a break, even after a title.
    assert sentences("He was promoted to Brig.\n\nGen. Ali spoke next.") == ["He was promoted to Brig.",
                                                                           "Gen. Ali spoke next."]


def test_every_entry_has_a_known_kind_and_is_written_with_its_full_stop():
    kinds = word_map("abbreviations")
    assert kinds and set(kinds.values()) <= abbreviations.KINDS
    assert all(k.endswith(".") for k in kinds)
    for name in ("brig.", "gen.", "lt.", "col.", "maj.", "sgt.", "adm.", "capt.", "cmdr.", "gov.", "sen.", "rep.",
                 "amb.", "dr.", "prof.", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.", "no.", "st.",
                 "mt.", "u.s.", "u.n."):
        assert name in kinds, name
    assert abbreviations.abbreviation_kind("U.A.E.") == "initialism"   # any dotted initialism
    assert abbreviations.abbreviation_kind("no.") is None               # "He said no." ends a sentence


def test_offsets_still_point_into_the_text():
    text = "Maj. Gen. Ali Reza arrived.\nThe jets landed at 5 p.m. on Jan. 3. Capt. Lee met him."
    [sents] = split([text])
    assert [text[s.start_char:s.end_char] for s in sents] == [s.text for s in sents]
    assert sents[0].text == "Maj. Gen. Ali Reza arrived."


def test_empty_and_blank_texts_parse_to_no_sentence():
    """An empty text (an empty file, a blank paragraph) must not crash the dateline splitter."""
    from trustledger.nlp.model import load_model

    nlp = load_model()
    for text in ("", " ", "\n\n", "MOSCOW —"):
        doc = nlp(text)
        assert len(list(doc.sents)) <= 1, text
