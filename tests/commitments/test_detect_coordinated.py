"""Detection mechanisms of the promises the detector missed or filed under the wrong thing (issue 14,
branch detect): what a promise to pay for something promises, and the parties of acts coordinated
under one promising verb. Our own sentences in the shape of real reports; each test fails without its
mechanism."""

from __future__ import annotations

import datetime as dt

from tests.commitments.conftest import sentence_mentions

#: The date the sentences of this file are read as.
ON = dt.date(2012, 6, 1)


def mentions(text: str) -> list:
    return sentence_mentions(text, ON)


# -- what is paid for is the thing promised --------------------------------------------------------------
def test_a_promise_to_pay_for_a_road_promises_the_road():
    got = mentions("Portugal promised to give Angola $3 billion and to pay for a coastal railway in Angola.")
    road = [c for c in got if c.object and "railway" in c.object]
    assert road and (road[0].promisor, road[0].promisee) == ("PRT", "AGO")
    assert road[0].what.startswith("fund")


def test_footing_the_bill_for_a_thing_promises_the_thing_not_the_bill():
    got = mentions("Norway agreed to foot the bill for a new hospital in Malawi.")
    assert [c.object for c in got] == ["hospital"]


def test_paying_a_sum_still_promises_the_sum():
    got = mentions("Portugal pledged to pay Angola $40 million.")
    assert got and got[0].object != "angola" and "40" in (got[0].object or got[0].what)


# -- a joint resolution, and the words around it that name no party --------------------------------------
def test_resolving_to_act_is_a_promise_to_each_other():
    got = mentions("Ghana and Togo resolved to restore diplomatic relations.")
    assert {(c.promisor, c.promisee) for c in got} == {("GHA", "TGO"), ("TGO", "GHA")}


def test_resolving_a_dispute_is_no_promise():
    assert mentions("Ghana and Togo resolved the dispute over fishing rights.") == []


def test_a_state_that_helps_is_not_the_one_promised():
    got = mentions("Kenya and Uganda met in Nairobi on Monday. The two countries agreed, with Norwegian help, "
                   "to hold talks on the border.")
    assert got and {(c.promisor, c.promisee) for c in got} == {("KEN", "UGA"), ("UGA", "KEN")}


def _reheaded(text: str, word: str, head_word: str, dep: str):
    """`text` parsed by the model, with `word` hung on `head_word` as `dep`: the shape the small parser gives
    such sentences inside a whole article (a fronted participle read as the verb's clausal complement),
    which it does not reliably give the sentence alone."""
    from spacy.tokens import Doc

    from trustledger.nlp.model import load_model

    nlp = load_model()
    d = nlp(text)
    heads, deps = [t.head.i for t in d], [t.dep_ for t in d]
    i = next(t.i for t in d if t.text == word)
    h = next(t.i for t in d if t.text == head_word)
    heads[i], deps[i] = h, dep
    root = d[h].sent.root
    if root.i not in (h, i):
        heads[root.i] = h
    heads[h], deps[h] = h, "ROOT"
    return Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d], heads=heads,
               deps=deps, pos=[t.pos_ for t in d], tags=[t.tag_ for t in d], lemmas=[t.lemma_ for t in d],
               ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in d])


def _found_in(doc) -> list:
    from trustledger.commitments.stage import find_in_document
    from trustledger.nlp.sentences import sentences_of

    return find_in_document(doc, sentences_of(doc), "d", ON)[0]


#: A declaration's promise after a fronted participle naming where (and with whom) it was released.
RELEASED = ("Ghana and Togo met on Monday. According to the Lome Declaration, released after a joint news "
            "conference of Norway, the two countries resolved to open technical negotiations by March.")


def test_an_infinitive_after_the_verb_is_the_act_not_a_clause_hung_before_it():
    got = _found_in(_reheaded(RELEASED, "released", "resolved", "ccomp"))
    assert got and all(c.object == "technical negotiation" for c in got)


def test_a_state_named_before_the_promising_verb_is_no_beneficiary():
    got = _found_in(_reheaded(RELEASED, "released", "resolved", "ccomp"))
    assert {(c.promisor, c.promisee) for c in got} == {("GHA", "TGO"), ("TGO", "GHA")}


# -- "the two countries" refers back to the two states last named together -------------------------------
def test_the_two_countries_are_the_pair_last_named_together_not_the_most_named():
    got = mentions("Norway hosted the meeting, Norway's minister chaired it and Norway paid for it. "
                   "Ghana and Togo met in Oslo on Monday. The two countries agreed to hold talks on fishing rights.")
    assert {(c.promisor, c.promisee) for c in got} == {("GHA", "TGO"), ("TGO", "GHA")}


# -- a state that promises to leave ground promises to withdraw its troops --------------------------------
def test_a_promise_to_leave_a_state_withdraws_its_troops():
    got = mentions("Chad promised to withdraw from the Central African Republic by June.")
    assert [(c.promisor, c.promisee, c.object) for c in got] == [("TCD", "CAF", "troop")]


def test_pulling_out_of_occupied_ground_withdraws_troops():
    got = mentions("Eritrea will pull out of the Ethiopian territory it occupies, the foreign minister said.")
    assert got and got[0].object == "troop" and got[0].promisor == "ERI"


def test_withdrawing_from_a_treaty_is_no_pull_out():
    assert all(c.object != "troop" for c in mentions("Chad agreed to withdraw from the treaty with Niger."))


def test_a_second_act_under_one_promise_keeps_its_promisor_and_promisee():
    got = mentions("Russia pledged to supply Syria with S-300 missiles and to train Syrian crews.")
    assert {(c.promisor, c.promisee) for c in got} == {("RUS", "SYR")}
