"""Property-based test of the event importers' row parsing (hypothesis): any mix of well-formed
and broken GDELT 1.0 rows loads every good row exactly once with its fields, sends every bad
row to `rejects` with its line number, and a second load adds nothing."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import duckdb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trustledger.ingest.pipeline import IngestOptions
from trustledger.ingest.structured.gdelt import column_names, import_gdelt1
from trustledger.store.db import Store

COLS = column_names(1)
ACTORS = ["RUSGOV", "IRNGOV", "USAGOV", "CHN", "IRNMIL", "IGOUNO", ""]
CODES = [("0311", "03", 1, 5.2), ("042", "04", 1, 1.9), ("163", "16", 4, -8.0), ("111", "11", 3, -2.0),
         ("061", "06", 2, 6.4)]


@st.composite
def gdelt_row(draw, event_id: int) -> tuple[str, bool, dict]:
    day = draw(st.dates(min_value=dt.date(1979, 1, 1), max_value=dt.date(2024, 12, 31)))
    a1, a2 = draw(st.sampled_from(ACTORS)), draw(st.sampled_from(ACTORS))
    code, root, quad, gold = draw(st.sampled_from(CODES))
    fault = draw(st.sampled_from([None, None, None, "date", "quad", "code"]))
    sqldate = day.strftime("%Y%m%d")
    if fault == "date":
        sqldate = draw(st.sampled_from(["2010x609", "20101399", "", "abcdefgh"]))
    quad_s = str(quad) if fault != "quad" else draw(st.sampled_from(["0", "7", ""]))
    code_s = code if fault != "code" else ""
    values = dict.fromkeys(COLS, "")
    values.update({
        "GLOBALEVENTID": str(event_id), "SQLDATE": sqldate, "MonthYear": sqldate[:6], "Year": sqldate[:4],
        "FractionDate": "2010.4411", "Actor1Code": a1, "Actor1CountryCode": a1[:3] if a1[:3] != "IGO" else "",
        "Actor2Code": a2, "Actor2CountryCode": a2[:3] if a2[:3] != "IGO" else "", "IsRootEvent": "1",
        "EventCode": code_s, "EventBaseCode": code_s, "EventRootCode": root, "QuadClass": quad_s,
        "GoldsteinScale": str(gold), "NumMentions": "1", "NumSources": "1", "NumArticles": "1", "AvgTone": "0",
        "DATEADDED": "20100610", "SOURCEURL": f"http://example.org/{event_id}",
    })
    line = "\t".join(values[c] for c in COLS)
    return line, fault is None, {"event_id": f"gdelt:{event_id}", "date": day, "cameo": code, "quad": quad,
                                 "goldstein": gold}


@st.composite
def gdelt_file(draw) -> list[tuple[str, bool, dict]]:
    n = draw(st.integers(1, 25))
    return [draw(gdelt_row(1000 + i)) for i in range(n)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=gdelt_file())
def test_good_rows_load_once_bad_rows_are_rejected_with_line_numbers(rows):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "20100610.export.CSV"
        path.write_text("\n".join(r[0] for r in rows) + "\n")
        db = Path(tmp) / "s.duckdb"
        with Store(db) as store:
            result = import_gdelt1(store, path, IngestOptions())
            good = [r for r in rows if r[1]]
            bad_lines = [i + 1 for i, r in enumerate(rows) if not r[1]]
            assert result.status == "loaded"
            assert result.rejected == len(bad_lines)
            events = {e[0]: e for e in store.con.execute(
                "SELECT event_id, date, cameo, quad_class, goldstein, source_row FROM events").fetchall()}
            assert set(events) == {r[2]["event_id"] for r in good}
            for _, _, want in good:
                got = events[want["event_id"]]
                assert (got[1], got[2], got[3], got[4]) == (want["date"], want["cameo"], want["quad"],
                                                            want["goldstein"])
            rejected = [r[0] for r in store.con.execute("SELECT line FROM rejects ORDER BY line").fetchall()]
            assert rejected == bad_lines
            again = import_gdelt1(store, path, IngestOptions())
            assert again.status == "unchanged"
            assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == len(good)
            assert store.con.execute("SELECT count(*) FROM rejects").fetchone()[0] == len(bad_lines)
        duckdb.connect(str(db)).close()
