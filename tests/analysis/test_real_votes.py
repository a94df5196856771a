"""Alignment on the real UN voting data (../shared/data/unvotes) and the bundled UNSC votes on Iran."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def votes_db(shared_data, cli, db):
    r = cli("ingest", shared_data / "unvotes", ROOT / "trustledger" / "data" / "unsc_iran_votes.csv",
                "--db", db)
    assert r.code == 0, r.stderr
    return db


def test_iran_russia_alignment_on_real_votes(cli, votes_db):
    a = cli("assess", "IRN", "RUS", "--db", votes_db, "-f", "json").json()
    al = a["components"]["alignment"]
    # Russia voted for every Security Council sanctions resolution on Iran's nuclear programme.
    unsc = {v["rcid"]: v["vote"] for v in al["targeted_votes"] if v["body"] == "UNSC"}
    assert {k: unsc[k] for k in ("UNSC-1737", "UNSC-1747", "UNSC-1803", "UNSC-1929")} == dict.fromkeys(
        ("UNSC-1737", "UNSC-1747", "UNSC-1803", "UNSC-1929"), "yes")
    # By-year agreement is the one `trustledger agreement` prints.
    agreement = cli("agreement", "IRN", "RUS", "--db", votes_db, "-f", "json").json()
    assert [(r["year"], r["votes"]) for r in al["by_year"]] == [(r["year"], r["votes"]) for r in agreement]
    assert al["joint_votes"] == sum(r["votes"] for r in agreement) > 1000
    assert 0 < al["score"] < 1 and al["interval"][0] < al["score"] < al["interval"][1]
    # UN votes alone do not make a verdict.
    assert a["verdict"] == "insufficient evidence" and a["score"] is None
    # The period filter reaches the votes too.
    b = cli("assess", "IRN", "RUS", "--db", votes_db, "--since", "2006-01-01", "--until", "2010-12-31",
            "-f", "json").json()["components"]["alignment"]
    assert {r["year"] for r in b["by_year"]} == {2006, 2007, 2008, 2009, 2010}
    assert all("2006-01-01" <= str(v["date"]) <= "2010-12-31" for v in b["targeted_votes"])
