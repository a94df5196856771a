"""Events named by a noun under a light verb (coding/nominal.py): the noun's own verb codes them."""

from __future__ import annotations

import pytest

from trustledger.coding.coder import EventCoder
from trustledger.coding.nominal import candidates, derive

CODER = EventCoder(require_target=False)


@pytest.mark.parametrize("noun, verb", [("invasion", "invade"), ("suspension", "suspend"), ("deployment", "deploy"),
                                        ("withdrawal", "withdraw"), ("condemnation", "condemn"),
                                        ("negotiation", "negotiate"), ("seizure", "seize"), ("shelling", "shell"),
                                        ("expulsion", "expel"), ("threat", "threaten")])
def test_nouns_come_back_to_their_verbs(noun, verb):
    assert verb in candidates(noun)
    assert derive(noun, lambda v: v == verb) == verb


@pytest.mark.parametrize("text, want", [
    ("Turkey mounted a large invasion of northern Cyprus in July.", ("TUR", "19", "CYP")),
    ("Greece announced the suspension of all flights to Turkey on Friday.", ("GRC", "16", "TUR")),
])
def test_a_light_verb_carries_its_nouns_event(text, want):
    got = {(e.source.country, e.root, e.target.country if e.target else None) for e in CODER.code_text(text)}
    assert want in got, got
    assert not any(r == "01" for _, r, _ in got)  # not a mere announcement


def test_an_announcement_of_a_clause_stays_reported_speech():
    got = {(e.source.country, e.root) for e in CODER.code_text("Russia announced that it would sell arms to Iran.")}
    assert ("RUS", "03") in got


def test_a_deed_noun_inside_an_asserted_clause_codes_its_deed():
    """Issue 13: a deed noun with its doer and target named codes the deed where it stands in an
    asserted clause, not only as its subject; under a noun of fear it is a guess and codes nothing."""
    told = "The army moved its tanks north in response to an offensive by Hezbollah guerrillas against Israeli posts."
    got = {(e.source.country, e.root, e.target.country if e.target else None) for e in CODER.code_text(told)}
    assert ("LBN", "19", "ISR") in got, got
    feared = "There were fears of an offensive by Hezbollah guerrillas against Israeli posts."
    got = {(e.source.country, e.root) for e in CODER.code_text(feared)}
    assert ("LBN", "19") not in got, got


@pytest.mark.parametrize("text", [
    "Human rights groups say that arrests are continuing in Tashkent, the capital.",
    "A wave of arrests swept the Belarusian capital after the vote.",
])
def test_coercion_noun_told_happening_without_a_doer_is_the_states(text):
    """Issue 13: an arrest told by a noun whose clause says it happened, with no doer named, is the
    authorities' of the state the report places it in (as "two leaders were arrested" is)."""
    got = {(e.source.code, e.root, e.target.country if e.target else None) for e in CODER.code_text(text)}
    assert any(s.endswith("GOV") and r == "17" and s[:3] == t for s, r, t in got), got


def test_coercion_noun_that_may_happen_or_has_a_doer_is_not_the_states():
    """A guessed wave of arrests is no event; arrests by a named doer are the doer's (deed_nouns), not
    made up for the state."""
    got = {(e.source.code, e.root) for e in CODER.code_text("Arrests could continue in Tashkent next week.")}
    assert not any(r == "17" for _, r in got), got
    got = {(e.source.text, e.root) for e in CODER.code_text("Arrests by rebel fighters continued in Tashkent.")}
    assert ("(the authorities)", "17") not in got, got
