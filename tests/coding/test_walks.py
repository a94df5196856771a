"""Walks over the parse are cycle-safe and bounded (coding/walks.py): reported speech whose quote
holds its own reporting verb used to recurse without end (subjects → pronoun → the quote's speaker →
subjects ...), and the RecursionError lost the whole document."""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trustledger.coding.coder import EventCoder
from trustledger.coding.walks import MAX_NESTING, guarded

CODER = EventCoder(require_target=False)
DAY = dt.date(2015, 6, 1)

CYCLES = [
    'The minister said, "I can say that we never met such a partner," adding that the visitor gave the host '
    "a gift.",
    '"We will not give in," the president said, adding that he had told Russia "we are ready to talk."',
    'Lavrov said: "I think we understand them," saying that Iran and Russia would sign the deal.',
    '"I said that we would help them and we did," the Iranian envoy told reporters, adding that Moscow agreed.',
    'She said, "We accuse them," and he said, "They accuse us," adding that China and Japan had met.',
]


@pytest.mark.parametrize("text", CYCLES)
def test_reported_speech_that_used_to_recurse_is_coded(text):
    events = CODER.code_text(text, DAY)
    assert isinstance(events, list)


def test_the_reproduction_keeps_its_gift_event():
    events = CODER.code_text(CYCLES[0], DAY)
    # no state is named, so nothing has a country; what matters is that the coder returns
    assert all(e.source is not None for e in events)


class _Walker:
    """A toy context: two walks that call each other on the same token forever without the guard."""

    def __init__(self):
        from trustledger.coding.coder import _DocState

        self.state = _DocState()
        self.calls = 0

    @guarded(list)
    def ping(self, tok):
        self.calls += 1
        return self.pong(tok) + ["ping"]

    @guarded(lambda: None)
    def pong(self, tok):
        self.calls += 1
        found = self.ping(tok)
        return found or ["pong"]

    @guarded(list)
    def deep(self, n):
        return [n] + self.deep(n + 1)


def test_a_walk_that_comes_back_to_its_token_stops():
    w = _Walker()
    assert w.ping(7) == ["pong", "ping"]
    assert w.calls == 2 and not w.state.walking  # nothing is left marked as under way


def test_walks_nest_no_deeper_than_the_bound():
    w = _Walker()
    assert len(w.deep(0)) == MAX_NESTING
    assert MAX_NESTING < sys.getrecursionlimit() // 10


SPEAKERS = st.sampled_from(["The minister", "Iran's foreign minister", "President Putin", "A Russian official",
                            "The spokesman", "Lavrov", "He", "She", "The Chinese envoy", "Officials in Tehran"])
SAY = st.sampled_from(["said", "told reporters", "added", "insisted", "declared", "stated"])
QUOTES = st.sampled_from([
    "I can say that we never met such a partner", "we will not give in", "they attacked us first",
    "I told them we would deliver the missiles", "we are ready to talk to Russia", "he is lying",
    "our partners in Moscow kept their word", "I said it and I meant it", "we and they agreed",
    "nobody will threaten us", "it was a mistake", "you cannot trust them"])
TAILS = st.sampled_from([
    "", ", adding that the visitor gave the host a gift", ", saying that Iran would sign the deal",
    ", adding that he had met Lavrov", " and that China criticised Japan",
    ", which they said was a good sign", ", saying they had accused each other",
    ", adding that Russia and Iran, which signed the accord, would meet again"])
SHAPES = st.sampled_from(["{s} {v}, \"{q},\"{t}.", "\"{q},\" {s} {v}{t}.", "{s} {v} that {q}{t}.",
                          "\"{q}\", {s} {v}, \"{q2}.\"", "{s} and {s2} {v}: \"{q}\"{t}."])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(shape=SHAPES, s=SPEAKERS, s2=SPEAKERS, v=SAY, q=QUOTES, q2=QUOTES, t=TAILS, before=QUOTES)
def test_any_reported_speech_is_coded_without_error(shape, s, s2, v, q, q2, t, before):
    sentence = shape.format(s=s, s2=s2.lower() if s2 in ("He", "She") else s2, v=v, q=q, q2=q2, t=t)
    text = f'The talks ended. "{before.capitalize()}," he said. {sentence} She added: "{q2}."'
    events = CODER.code_text(text, DAY)
    assert all(e.sentence_index >= 0 for e in events)
