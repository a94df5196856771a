"""Parse repairs: a counted noun after "upward(s) of" is what the verb acts on, in the tree every stage reads."""

from __future__ import annotations

import pytest

from trustledger.nlp.model import load_model


def _dep(text: str, word: str) -> tuple[str, str]:
    tok = next(t for t in load_model()(text) if t.text == word)
    return tok.dep_, tok.head.text


@pytest.mark.parametrize("text, word, dep, head", [
    ("Turkey has massed upward of 40,000 soldiers along the frontier.", "soldiers", "dobj", "massed"),
    ("The gendarmes detained upwards of 300 students on Friday.", "students", "dobj", "detained"),
    ("Upward of 200 villagers were rounded up by the militia.", "villagers", "nsubjpass", "rounded"),
    ("The famine has killed upward of 90,000.", "90,000", "dobj", "killed"),
])
def test_counted_noun_takes_the_quantity_words_place(text: str, word: str, dep: str, head: str) -> None:
    assert _dep(text, word) == (dep, head)


def test_quantity_word_hangs_on_the_number_and_sentences_stay() -> None:
    doc = load_model()("Armenia sent upward of 1,000 troops. They arrived on Monday.\n\nTalks began.")
    assert [s.text.strip() for s in doc.sents] == ["Armenia sent upward of 1,000 troops.", "They arrived on Monday.",
                                                   "Talks began."]
    upward = next(t for t in doc if t.lower_ == "upward")
    assert (upward.dep_, upward.head.text) == ("quantmod", "1,000")


def test_upward_without_a_count_is_left_alone() -> None:
    # "upward of" with no number is no quantity: the tree is the parser's own
    assert _dep("Prices moved upward of late.", "upward")[1] == "moved"


def test_the_coder_reads_the_counted_troops_as_massed() -> None:
    import datetime as dt

    from tests.coding.conftest import full_codes
    from trustledger.coding.coder import EventCoder

    codes = full_codes(EventCoder(require_target=False), "Turkey has massed upward of 40,000 troops near the frontier.",
                       dt.date(1998, 10, 5))
    assert ("TUR", "154", None) in [(s[:3], c, t) for s, c, t in codes]


@pytest.mark.parametrize("text, word, head", [
    ("Baghdad said Iraq will pull out of the Kuwaiti land it holds and release Kuwaiti detainees.", "release", "pull"),
    ("Moscow promised to leave the bases it still runs and return the barracks to Vilnius.", "return", "leave"),
])
def test_a_bare_conjunct_joins_the_bare_verb_not_the_relative_clause(text: str, word: str, head: str) -> None:
    assert _dep(text, word) == ("conj", head)


def test_a_finite_conjunct_of_a_relative_clause_stays() -> None:
    assert _dep("Ankara will keep the villages it occupies and controls.", "controls")[1] != "keep"


def test_and_free_with_a_second_object_is_a_verb() -> None:
    doc = load_model()("Eritrea will withdraw its soldiers from the border and free Ethiopian captives.")
    free = next(t for t in doc if t.lower_ == "free")
    captives = next(t for t in doc if t.lower_ == "captives")
    assert (free.pos_, free.dep_, free.head.lower_) == ("VERB", "conj", "withdraw")
    assert (captives.dep_, captives.head.lower_) == ("dobj", "free")


def test_a_free_press_stays_an_adjective() -> None:
    doc = load_model()("The government promised elections and a free press.")
    assert next(t for t in doc if t.lower_ == "free").pos_ == "ADJ"


def test_a_reported_clause_read_as_a_participle_gets_its_own_verb() -> None:
    """'Students resorted to ..., witnesses said': the parser hangs "resorted" on "students" as a
    participle and gives "said" two subjects; the repair makes "resorted" the reported clause's verb."""
    text = "Kurdish students resorted to burning tyres outside the ministry, witnesses said on Monday."
    assert _dep(text, "resorted") == ("ccomp", "said")
    assert _dep(text, "students") == ("nsubj", "resorted")
    assert _dep(text, "witnesses") == ("nsubj", "said")


def test_a_true_participle_with_its_agent_is_left_alone() -> None:
    # "rebels backed by Rwanda": a passive participle with its agent stays on its noun
    dep, head = _dep("Rebels backed by Rwanda seized the town on Sunday, officials said.", "backed")
    assert (dep, head) == ("acl", "Rebels")


def test_a_noun_rooted_sentence_gets_its_verb_back() -> None:
    """'The Saudi-led coalition bombed Sanaa': the parser roots the sentence in the noun with "bombed" as a
    participle on it; a participle with its own direct object is no passive, so the verb becomes the root."""
    text = "The Saudi-led coalition bombed Sanaa."
    assert _dep(text, "bombed") == ("ROOT", "bombed")
    assert _dep(text, "coalition") == ("nsubj", "bombed")


def test_a_noun_with_a_true_reduced_relative_stays_a_noun() -> None:
    # a headline-like fragment whose participle has no object keeps the parser's reading
    assert _dep("Talks held in Geneva.", "held")[0] != "ROOT"
