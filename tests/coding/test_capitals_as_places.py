"""A capital stands for its government as a party ("Moscow protested"), but as the object of seizure,
siege or withdrawal it is the city itself. Our own sentences in the shape of real reports."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.coding.conftest import full_codes


@pytest.mark.parametrize("text, code", [
    ("Taliban fighters seized Kabul on Sunday.", "192"),
    ("Serb forces surrounded Sarajevo.", "191"),
])
def test_a_capital_taken_or_ringed_is_the_city_not_its_government(ingest_coder, text, code):
    """A capital stands for its government as a party ("Moscow protested"), but as the object of seizure
    or siege it is the city: the rows of towns ("@settlement") apply, not seizing property (171)."""
    codes = {c for _, c, _ in full_codes(ingest_coder, text, dt.date(1996, 9, 27))}
    assert code in codes, codes


def test_a_capital_as_a_party_keeps_its_government(ingest_coder):
    codes = full_codes(ingest_coder, "Moscow protested to Washington.", dt.date(1996, 9, 27))
    assert ("RUSGOV", "USAGOV") in {(s, t) for s, _, t in codes}
