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
