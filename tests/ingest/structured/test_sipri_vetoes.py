"""SIPRI trade register → commitments and outcomes; Security Council vetoes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from tests.conftest import FIXTURES

F = FIXTURES / "structured"


def q(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_sipri_fixture_commitments_and_outcomes(cli, db):
    r = cli("ingest", F / "trade-register.csv", "--db", db)
    assert r.code == 1 and "first at line 18: Order date is not a year: abc" in r.stderr
    assert q(db, "SELECT commitment_id, promisor, promisee, kind, what, made, made_precision, due FROM commitments "
                 "ORDER BY commitment_id") == [
        ("sipri:1", "RUS", "IRN", "deliver", "S-300PMU2 (SAM system)", dt.date(2015, 1, 1), "year", None),
        ("sipri:2", "RUS", "IRN", "deliver", "Tor-M1 (mobile SAM system)", dt.date(2005, 1, 1), "year", None),
        ("sipri:3", "CHN", "IRN", "deliver", "C-704 (anti-ship missile)", dt.date(2010, 1, 1), "year", None),
        ("sipri:4", "IRN", None, "deliver", "Fajr-5 (self-propelled MRL)", dt.date(2006, 1, 1), "year", None),
    ]
    assert sorted(q(db, "SELECT terms FROM commitments WHERE commitment_id = 'sipri:1'")[0][0]) == ["s-300",
                                                                                                  "s-300pmu2"]
    assert q(db, "SELECT commitment_id, kind, quantity, date FROM outcomes ORDER BY commitment_id, date") == [
        ("sipri:1", "delivered", 4, dt.date(2016, 1, 1)),
        ("sipri:2", "delivered_partial", 10, dt.date(2006, 1, 1)),  # an earlier delivery year of the deal
        ("sipri:2", "delivered", 19, dt.date(2007, 1, 1)),
        ("sipri:3", "delivered_partial", 50, dt.date(2023, 1, 1)),  # the register's last year: may go on
        ("sipri:4", "delivered", 10, dt.date(2006, 1, 1)),
    ]


def test_real_sipri_register(cli, db, shared_data):
    r = cli("ingest", shared_data / "sipri" / "trade-register-2000-2023.csv", "--db", db)
    assert r.code == 0, r.stderr
    assert q(db, "SELECT count(*) FROM commitments WHERE origin = 'sipri'") == [(10396,)]
    assert q(db, "SELECT count(*), count(commitment_id) FROM outcomes WHERE origin = 'sipri'") == [(20480, 20480)]
    assert q(db, "SELECT count(*) FROM outcomes WHERE actor = 'RUS' AND counterpart = 'IRN'") == [(108,)]
    s300 = q(db, """SELECT c.made, o.kind, o.quantity, o.date FROM commitments c JOIN outcomes o USING (commitment_id)
                    WHERE c.promisor = 'RUS' AND c.promisee = 'IRN' AND c.what LIKE 'S-300PMU2%'""")
    assert s300 == [(dt.date(2015, 1, 1), "delivered", 4, dt.date(2016, 1, 1))]


def test_real_vetoes(cli, db, shared_data):
    path = shared_data / "unsc" / "unsc_vetoes_1946_sept2022.csv"
    r = cli("ingest", path, "--db", db)
    assert r.code == 0, r.stderr
    # one row per vetoing member, counted independently from the raw file
    con = duckdb.connect()
    expected = con.execute(f"""SELECT count(member_veto1) + count(member_veto2) + count(member_veto3)
                               FROM read_csv('{path}', all_varchar=true)""").fetchone()[0]
    con.close()
    assert q(db, "SELECT count(*) FROM vetoes") == [(expected,)]
    assert {r[0] for r in q(db, "SELECT DISTINCT country FROM vetoes")} == {"USA", "USR", "RUS", "GBR", "FRA", "CHN"}
    assert cli("ingest", path, "--db", db).code == 0
    assert q(db, "SELECT count(*) FROM vetoes") == [(expected,)]


def test_vetoes_fixture(cli, db):
    r = cli("ingest", F / "vetoes.csv", "--db", db)
    assert r.code == 1 and "line 5" in r.stderr
    assert q(db, "SELECT date, draft, country FROM vetoes ORDER BY date, country") == [
        (dt.date(1946, 2, 16), "S/PV.23", "USR"),
        (dt.date(2011, 2, 18), "S/2011/24", "USA"),
        (dt.date(2012, 2, 4), "S/2012/77", "CHN"),
        (dt.date(2012, 2, 4), "S/2012/77", "RUS"),
    ]
