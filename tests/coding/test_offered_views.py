"""Offering a view or an account ("offered a rare glimpse of", "has offered differing estimates of") is a
statement, not an offer to act: the coder codes a statement (010), not an intent (03x), so the ledger takes
no promise from it (it reads the coder's intents where its own detector found none). Our own sentences
in the shape of real reports."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.coding.conftest import full_codes
from trustledger.coding.coder import EventCoder


@pytest.mark.parametrize("text", [
    "Baghdad has offered differing estimates of how many Kuwaiti prisoners Iran holds.",
    "In a magazine interview, the Egyptian president offered a rare glimpse of his talks with Moscow.",
    "The Syrian foreign minister gave an account of the talks with Turkey.",
])
def test_an_offered_view_is_a_statement(text):
    codes = full_codes(EventCoder(require_target=False), text, dt.date(1998, 4, 4))
    assert codes and not any(c.startswith("03") for _, c, _ in codes), codes

