"""compare: partners side by side, the truster's own words and the praise flag."""

from __future__ import annotations

from trustledger.analysis.compare import FLAG_MARGIN, compare


def two_partners(build):
    """RUS breaks its promises to IRN yet IRN praises it; USA keeps them and gets no praise."""
    for i in range(3):
        build.commitment("RUS", "IRN", f"200{i}-01-01", "broken")
        build.commitment("USA", "IRN", f"200{i}-01-01", "kept")
    for day in ("2003-01-01", "2003-02-01"):
        build.event("RUS", "IRN", "163", day)
        build.event("USA", "IRN", "061", day)
    for day in ("2004-01-01", "2004-02-01", "2004-03-01"):
        build.event("IRN", "RUS", "051", day)           # praise for Russia
    build.event("IRN", "RUS", "163", "2004-04-01")      # and one hostile act
    build.event("IRN", "USA", "112", "2004-01-01")      # only accusations for the US
    return build


def test_rows_words_and_flag(build):
    rows = compare(two_partners(build).store, "IRN", ["RUS", "USA"])
    assert [r["trustee"] for r in rows] == ["RUS", "USA"]
    rus, usa = rows
    assert usa["score"] - rus["score"] >= FLAG_MARGIN
    assert rus["words"] == {"acts": 4, "verbal_coop": 3, "verbal_coop_share": 0.75, "praise": 3}
    assert usa["words"] == {"acts": 1, "verbal_coop": 0, "verbal_coop_share": 0.0, "praise": 0}
    assert rus["flag"] and "Iran praises Russia more than the United States" in rus["flag"]
    assert "(3 vs 0 praise acts)" in rus["flag"]
    assert usa["flag"] is None
    for r in rows:
        assert {"truster", "trustee", "score", "interval", "verdict", "components", "words", "flag"} <= set(r)
        assert r["components"]["commitments"] == r["commitments"]


def test_no_flag_when_praise_follows_the_record(build):
    two_partners(build)
    for day in ("2005-01-01", "2005-02-01", "2005-03-01", "2005-04-01"):
        build.event("IRN", "USA", "051", day)
    rows = compare(build.store, "IRN", ["RUS", "USA"])
    assert all(r["flag"] is None for r in rows)
