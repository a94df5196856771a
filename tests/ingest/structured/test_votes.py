"""UN votes (unvotes, Voeten, UNSC), `trustledger votes` and `trustledger agreement`."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from tests.conftest import FIXTURES, ROOT

F = FIXTURES / "structured"
UNSC_FILE = ROOT / "trustledger" / "data" / "unsc_iran_votes.csv"


def q(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture
def unvotes_db(cli, db):
    r = cli("ingest", F / "un_votes.csv", F / "un_roll_calls.csv", F / "un_roll_call_issues.csv", "--db", db)
    assert r.code == 1 and "1 row(s) rejected" in r.stderr  # the 'maybe' vote
    return db


def test_unvotes_fixture_counts_and_codes(unvotes_db):
    db = unvotes_db
    assert q(db, "SELECT count(*) FROM votes") == [(12,)]
    assert q(db, "SELECT count(*) FROM roll_calls WHERE body = 'UNGA'") == [(5,)]
    assert q(db, "SELECT count(*) FROM roll_call_issues") == [(4,)]
    assert {r[0] for r in q(db, "SELECT DISTINCT country FROM votes")} == {"IRN", "RUS", "USA", "DEU"}
    assert q(db, "SELECT line, reason FROM rejects") == [(14, "unknown vote maybe")]
    # a "human rights in <country>" roll call names its target
    assert q(db, "SELECT rcid, target FROM roll_calls WHERE target IS NOT NULL ORDER BY rcid") == [("1", "IRN"),
                                                                                                ("5", "IRN")]
    assert q(db, "SELECT importantvote, amend, para FROM roll_calls WHERE rcid = '2'") == [(True, False, False)]


def test_agreement_matches_hand_computation(cli, unvotes_db):
    # IRN/RUS: 1990 rcid 1 yes/yes = 1, rcid 2 abstain/yes = 0.5 → 0.75 over 2;
    # 1991 rcid 3 no/yes = 0 (rcid 4: RUS did not vote; rcid 5: IRN's vote was rejected) → 0 over 1.
    # Contested (>= 10% of members present voted no): rcids 1, 2, 3 (1 no of 3 each); not 4 (yes, abstain)
    rows = cli("agreement", "IRN", "RUS", "--db", unvotes_db, "--format", "json").json()
    assert rows == [{"year": 1990, "agreement": 0.75, "votes": 2, "contested_agreement": 0.75, "contested_votes": 2},
                    {"year": 1991, "agreement": 0.0, "votes": 1, "contested_agreement": 0.0, "contested_votes": 1}]
    # IRN/USA: 1990 yes/no = 0, abstain/no = 0.5 → 0.25; 1991 no/yes = 0, yes/abstain = 0.5 → 0.25;
    # contested in 1991: rcid 3 only → 0 over 1
    rows = cli("agreement", "irn", "USA", "--db", unvotes_db, "--format", "json").json()
    assert rows == [{"year": 1990, "agreement": 0.25, "votes": 2, "contested_agreement": 0.25, "contested_votes": 2},
                    {"year": 1991, "agreement": 0.25, "votes": 2, "contested_agreement": 0.0, "contested_votes": 1}]
    # issue filter: human rights roll calls only (1 and 3, both contested)
    rows = cli("agreement", "IRN", "RUS", "--db", unvotes_db, "--issue", "hr", "--format", "json").json()
    assert rows == [{"year": 1990, "agreement": 1.0, "votes": 1, "contested_agreement": 1.0, "contested_votes": 1},
                    {"year": 1991, "agreement": 0.0, "votes": 1, "contested_agreement": 0.0, "contested_votes": 1}]
    assert cli("agreement", "IRN", "RUS", "--db", unvotes_db, "--issue", "Human rights", "--format",
               "json").json() == rows


def test_agreement_errors_are_one_line(cli, unvotes_db):
    r = cli("agreement", "IRN", "RUS", "--db", unvotes_db, "--issue", "astrology")
    assert r.code == 2 and r.stderr.startswith("error: --issue 'astrology': no such issue")
    r = cli("agreement", "IRN", "12", "--db", unvotes_db)
    # one line naming the argument (the agreement query shares the assessment's country check)
    assert r.code == 2 and "'12'" in r.stderr and "CAMEO/ISO3 country code" in r.stderr
    assert r.stderr.count("\n") == 1


def test_voeten_numeric_layout(cli, db):
    r = cli("ingest", F / "RawVotingdata.tab", "--db", db)
    assert r.code == 1 and "unknown vote code 5" in r.stderr
    rows = q(db, "SELECT rcid, country, vote FROM votes ORDER BY rcid, country")
    assert rows == [("101", "IRN", "yes"), ("101", "RUS", "no"), ("101", "USA", "abstain"),
                    ("102", "IRN", "absent"), ("102", "RUS", "yes"), ("102", "USA", "yes"),
                    ("103", "RUS", "yes")]  # 9 = not a member: not stored


def test_unsc_file_we_ship(cli, db):
    r = cli("ingest", UNSC_FILE, "--db", db)
    assert r.code == 0, r.stderr
    assert q(db, "SELECT count(*), count(DISTINCT rcid) FROM votes") == [(105, 7)]
    tally = q(db, """SELECT rcid, count(*) FILTER (vote = 'yes'), count(*) FILTER (vote = 'no'),
                            count(*) FILTER (vote = 'abstain') FROM votes GROUP BY rcid ORDER BY rcid""")
    assert tally == [("UNSC-1696", 14, 1, 0), ("UNSC-1737", 15, 0, 0), ("UNSC-1747", 15, 0, 0),
                     ("UNSC-1803", 14, 0, 1), ("UNSC-1835", 15, 0, 0), ("UNSC-1929", 12, 2, 1),
                     ("UNSC-2231", 15, 0, 0)]
    assert q(db, "SELECT DISTINCT body, target FROM roll_calls") == [("UNSC", "IRN")]
    assert q(db, "SELECT resolution, date::VARCHAR FROM roll_calls WHERE rcid = 'UNSC-1929'") == [
        ("S/RES/1929 (2010)", "2010-06-09")]
    against = cli("votes", "--db", db, "--about", "IRN", "--format", "json").json()
    assert {(v["rcid"], v["country"]) for v in against if v["vote"] == "no"} == {
        ("UNSC-1696", "QAT"), ("UNSC-1929", "BRA"), ("UNSC-1929", "TUR")}
    assert set(against[0]) == {"rcid", "body", "date", "resolution", "short", "target", "country", "vote"}
    rus = cli("votes", "--db", db, "--country", "RUS", "--format", "json").json()
    assert len(rus) == 7 and all(v["vote"] == "yes" for v in rus)
    assert cli("ingest", UNSC_FILE, "--db", db).code == 0
    assert q(db, "SELECT count(*) FROM votes") == [(105,)]


def test_real_unvotes_exact_counts_and_agreement(cli, db, shared_data):
    folder = shared_data / "unvotes"
    r = cli("ingest", folder, "--db", db)
    assert r.code == 0, r.stderr
    stats = cli("stats", "--db", db, "--format", "json").json()
    assert stats["votes"] == 870109 and stats["roll_calls"] == 6203
    assert q(db, "SELECT count(*) FROM roll_call_issues") == [(5745,)]
    # independent computation over the raw files with pandas
    v = pd.read_csv(folder / "un_votes.csv.gz", keep_default_na=False, na_values=[""])
    rc = pd.read_csv(folder / "un_roll_calls.csv.gz", usecols=["rcid", "date"])
    rc["year"] = pd.to_datetime(rc["date"]).dt.year
    score = {("yes", "yes"): 1, ("no", "no"): 1, ("abstain", "abstain"): 1, ("yes", "no"): 0, ("no", "yes"): 0}
    for a, b, year, ca, cb in [("IR", "RU", 2015, "IRN", "RUS"), ("US", "GB", 1980, "USA", "GBR"),
                               ("IR", "US", 1995, "IRN", "USA")]:
        m = v[v.country_code == a].merge(v[v.country_code == b], on="rcid").merge(rc, on="rcid")
        m = m[m.year == year]
        expected = sum(score.get((x, y), 0.5) for x, y in zip(m.vote_x, m.vote_y, strict=True)) / len(m)
        got = {row["year"]: row for row in cli("agreement", ca, cb, "--db", db, "--format", "json").json()}
        assert got[year]["votes"] == len(m)
        assert got[year]["agreement"] == pytest.approx(expected)


def test_agreement_body_option(cli, unvotes_db):
    assert cli("ingest", UNSC_FILE, "--db", unvotes_db).code == 0
    # Security Council: Brazil and Turkey both voted against 1929 (2010); Lebanon abstained → 0.5 with either;
    # 1929 is contested (2 no of 15 present, >= 10%)
    assert cli("agreement", "BRA", "TUR", "--db", unvotes_db, "--body", "UNSC", "--format", "json").json() == [
        {"year": 2010, "agreement": 1.0, "votes": 1, "contested_agreement": 1.0, "contested_votes": 1}]
    assert cli("agreement", "LBN", "TUR", "--db", unvotes_db, "--body", "unsc", "--format", "json").json() == [
        {"year": 2010, "agreement": 0.5, "votes": 1, "contested_agreement": 0.5, "contested_votes": 1}]
    # the default is the General Assembly, as in the literature; "all" adds the Council
    assert cli("agreement", "IRN", "RUS", "--db", unvotes_db, "--format", "json").json()[-1]["year"] == 1991
    both = cli("agreement", "CHN", "RUS", "--db", unvotes_db, "--body", "all", "--format", "json").json()
    assert [r["year"] for r in both] == [2006, 2007, 2008, 2010, 2015] and sum(r["votes"] for r in both) == 7
    assert cli("agreement", "CHN", "RUS", "--db", unvotes_db, "--body", "ECOSOC").code == 2


def test_an_empty_vote_list_says_why(cli, db):
    """A state that sat on none of the councils held gets an explanation and a pointer to --about,
    not a bare "(no rows)"; an empty store says to ingest roll calls first."""
    assert cli("ingest", UNSC_FILE, "--db", db).code == 0
    r = cli("votes", "--db", db, "--country", "Iran")
    assert r.code == 0 and "(no rows)" in r.stdout
    assert "Iran cast no vote" in r.stdout and "7 of the Security Council" in r.stdout
    assert "--about Iran" in r.stdout
    assert cli("votes", "--db", db, "--country", "Iran", "--format", "json").json() == []
    assert "cast no vote" not in cli("votes", "--db", db, "--country", "Russia").stdout


def test_votes_on_a_store_without_roll_calls_says_to_ingest_them(cli, db):
    assert cli("ingest", F / "20100610.export.CSV", "--db", db, "--no-code").code in (0, 1)
    r = cli("votes", "--db", db, "--country", "Iran")
    assert r.code == 0 and "holds no UN roll calls" in r.stdout, r.stdout
