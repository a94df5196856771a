"""Shared helpers of the coder tests."""

from __future__ import annotations

import datetime as dt

import pytest

from trustledger.coding.coder import EventCoder


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder()


def coded_triples(coder: EventCoder, text: str, day: dt.date) -> list[tuple]:
    """(source code, CAMEO root, target code) of every event coded in `text` on `day`."""
    return [(e.source.code, e.cameo[:2], e.target.code if e.target else None) for e in coder.code_text(text, day)]


@pytest.fixture(scope="module")
def ingest_coder() -> EventCoder:
    """The coder as ingest runs it: events with a source only are kept."""
    return EventCoder(require_target=False)


def full_codes(coder: EventCoder, text: str, day: dt.date) -> list[tuple[str, str, str | None]]:
    """(source code, full CAMEO code, target code or None) of every event coded in `text` on `day`."""
    return [(e.source.code, e.cameo, e.target.code if e.target else None) for e in coder.code_text(text, day)]


def root_triples(coder: EventCoder, text: str, day: dt.date) -> set[tuple[str, str, str | None]]:
    """(source code, CAMEO root, target code or None) of the events coded in `text`: the level the
    real-text gold is scored at."""
    return {(s, c[:2], t) for s, c, t in full_codes(coder, text, day)}


def state_triples(coder: EventCoder, text: str, day: dt.date) -> set[tuple[str, str, str]]:
    """(source state, CAMEO root, target state or "") of the events coded in `text`: the roles dropped,
    as the report-based gold compares them."""
    return {(s[:3], r, (t or "")[:3]) for s, r, t in root_triples(coder, text, day)}
