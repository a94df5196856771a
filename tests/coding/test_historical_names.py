"""States named by their colonial or Cold War names in older reports ("Rhodesian soldiers", "Northern
Rhodesia", "Formosa", "Tanganyika") are the states CAMEO codes them as (issue 13: the report-based set
reaches back to the 1960s). Our own sentences."""

from __future__ import annotations

import datetime as dt

from tests.coding.conftest import full_codes

DAY = dt.date(1968, 3, 20)


def test_rhodesia_is_zimbabwe_and_northern_rhodesia_zambia(ingest_coder):
    assert ("ZWEMIL", "190", "ZWEREB") in full_codes(ingest_coder, "Rhodesian soldiers attacked the guerrillas.", DAY)
    got = full_codes(ingest_coder, "Rhodesia closed its border with Zambia.", DAY)
    assert got and got[0][0] == "ZWE" and got[0][2] == "ZMB", got
    got = full_codes(ingest_coder, "Northern Rhodesia protested to Britain.", DAY)
    assert got and got[0][0] == "ZMB", got


def test_other_old_names(ingest_coder):
    got = full_codes(ingest_coder, "Formosa accused China of aggression.", DAY)
    assert got and (got[0][0], got[0][2]) == ("TWN", "CHN"), got
    got = full_codes(ingest_coder, "Tanganyika expelled the British ambassador.", DAY)
    assert got and got[0][0] == "TZA", got

