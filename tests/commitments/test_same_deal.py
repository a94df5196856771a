"""One deal, one ledger row: a SIPRI deal and the promise found in text about it merge (same_deal.py).

The store is built through the real CLI from a tiny SIPRI export in the real layout
(tests/fixtures/structured/trade-register-same-deal.csv) and a few short news texts written here,
in both ingest orders.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, run_cli
from trustledger.commitments import same_deal

REGISTER = FIXTURES / "structured" / "trade-register-same-deal.csv"

#: Russia's S-300 promise to Iran (same deal as SIPRI 101, ordered 2015, delivered 2016), a generic
#: "arms" promise of the same dyad and year (no deal of its own), and Kazakhstan's Su-30SM order,
#: which two SIPRI deals fit (201 ordered 2015, 202 ordered 2016).
TEXTS = {
    "s300.md": ("2015-04-20", "MOSCOW, April 20 — Russia signed a contract on Monday to deliver S-300 air-defence "
                              "missile systems to Iran by the end of 2016."),
    "arms.md": ("2015-06-03", "MOSCOW, June 3 — Russia signed a contract to supply 300 arms to Iran."),
    "su30.md": ("2015-05-10", "ASTANA, May 10 — Kazakhstan ordered Su-30SM fighters from Russia on Sunday."),
}


def _write(folder: Path, texts: dict[str, tuple[str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (date, body) in texts.items():
        (folder / name).write_text(f"---\ntitle: {name}\ndate: {date}\n---\n{body}\n", encoding="utf-8")
    return folder


def _ingest(db: Path, *paths: Path) -> None:
    for p in paths:
        r = run_cli("ingest", p, "--db", db)
        assert r.code == 0, r.stderr


def _ledger(db: Path, *args: str) -> list[dict]:
    r = run_cli("ledger", "--db", db, "--format", "json", *args)
    assert r.code == 0, r.stderr
    return r.json()


@pytest.fixture(scope="module")
def stores(tmp_path_factory) -> dict[str, Path]:
    """The same inputs ingested text first and SIPRI first."""
    root = tmp_path_factory.mktemp("same_deal")
    texts = _write(root / "texts", TEXTS)
    text_first, sipri_first = root / "text-first.duckdb", root / "sipri-first.duckdb"
    _ingest(text_first, texts, REGISTER)
    _ingest(sipri_first, REGISTER, texts)
    return {"text_first": text_first, "sipri_first": sipri_first}


def _s300(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["origin"] == "text" and r["object"] == "s-300"]


@pytest.mark.parametrize("order", ["text_first", "sipri_first"])
def test_one_ledger_row_for_the_deal(stores, order):
    db = stores[order]
    rows = _ledger(db, "--from", "RUS", "--to", "IRN")
    assert "sipri:101" not in {r["commitment_id"] for r in rows}      # the merged SIPRI row is hidden
    [s300] = _s300(rows)
    assert s300["origin"] == "text" and s300["corroborated_by"] == ["sipri:101"]
    assert s300["due"] == "2016-12-31" and s300["made"] == "2015-04-20"  # the promise's own words and dates
    # no text reports the delivery: SIPRI's 2016 delivery is what keeps the promise
    assert s300["status"] == "kept" and s300["fulfilled"] == "2016-01-01"
    assert [(o["outcome_id"], o["kind"]) for o in s300["outcomes"]] == [("sipri:101:2016:1", "delivered")]
    assert "sipri:101" in s300["reason"]
    # every key of the contract is still there
    assert {"commitment_id", "promisor", "promisee", "what", "made", "due", "status", "fulfilled", "delay_days",
            "evidence", "outcomes"} <= set(s300)
    assert s300["evidence"] and "S-300" in s300["evidence"][0]["text"]


@pytest.mark.parametrize("order", ["text_first", "sipri_first"])
def test_show_merged_lists_the_sipri_row(stores, order):
    rows = _ledger(stores[order], "--from", "RUS", "--to", "IRN", "--show-merged")
    [s300] = _s300(rows)
    merged = {r["commitment_id"]: r for r in rows}["sipri:101"]
    assert merged["same_as"] == s300["commitment_id"] and merged["origin"] == "sipri"
    assert len(rows) == len(_ledger(stores[order], "--from", "RUS", "--to", "IRN")) + 1


def test_ingest_order_does_not_matter(stores):
    a = _ledger(stores["text_first"], "--show-merged")
    b = _ledger(stores["sipri_first"], "--show-merged")
    assert a == b


@pytest.mark.parametrize("order", ["text_first", "sipri_first"])
def test_assessment_counts_the_deal_once(stores, order):
    db = stores[order]
    r = run_cli("assess", "IRN", "RUS", "--db", db, "--format", "json")
    assert r.code == 0, r.stderr
    commitments = r.json()["components"]["commitments"]
    shown = _ledger(db, "--from", "RUS", "--to", "IRN")
    every = _ledger(db, "--from", "RUS", "--to", "IRN", "--show-merged")
    assert commitments["n"] == len(shown) == len(every) - 1
    assert sum(commitments["counts"].values()) == commitments["n"]
    refs = [e["ref"] for e in commitments["evidence"]]
    assert "sipri:101" not in refs                          # not a second promise
    assert "sipri:101:2016:1" in refs                       # its delivery, under the promise


def test_rerunning_the_merge_changes_nothing(stores, tmp_path):
    import shutil

    from trustledger.commitments.derived import LEDGER
    from trustledger.store.db import Store

    db = tmp_path / "copy.duckdb"
    shutil.copy(stores["text_first"], db)
    before = _ledger(db, "--show-merged")
    with Store(db) as st:
        for _ in range(2):  # linking, merging and judging again, whether or not the ledger is stale
            with st.transaction():
                LEDGER.rebuild(st)
    assert _ledger(db, "--show-merged") == before
    # the same register again adds nothing and keeps the merge
    r = run_cli("ingest", REGISTER, "--db", db)
    assert r.code == 0 and "unchanged" in r.stderr + r.stdout
    assert _ledger(db, "--show-merged") == before


@pytest.mark.parametrize("order", ["text_first", "sipri_first"])
def test_generic_arms_promise_does_not_merge(stores, order):
    rows = _ledger(stores[order], "--from", "RUS", "--to", "IRN", "--show-merged")
    [arms] = [r for r in rows if r["origin"] == "text" and r["object"] == "arm"]
    assert arms["made"][:4] == "2015"                 # same dyad and year as SIPRI 101: only the object differs
    assert arms["corroborated_by"] == [] and arms["outcomes"] == []
    merged_into = {r["same_as"] for r in rows if r["same_as"]}
    assert arms["commitment_id"] not in merged_into


@pytest.mark.parametrize("order", ["text_first", "sipri_first"])
def test_two_fitting_sipri_deals_merge_with_none(stores, order):
    rows = _ledger(stores[order], "--from", "RUS", "--to", "KAZ", "--show-merged")
    [su30] = [r for r in rows if r["origin"] == "text"]
    assert su30["object"] == "su-30sm" and su30["corroborated_by"] == []
    assert "sipri:201" in su30["reason"] and "sipri:202" in su30["reason"] and "ambiguous" in su30["reason"]
    sipri = {r["commitment_id"]: r for r in rows if r["origin"] == "sipri"}
    assert set(sipri) == {"sipri:201", "sipri:202"} and all(r["same_as"] is None for r in sipri.values())
    assert len(_ledger(stores[order], "--from", "RUS", "--to", "KAZ")) == 3   # nothing hidden


def test_delivery_in_a_sipri_year_fits_an_older_promise(tmp_path):
    """A promise made years before SIPRI's order year still merges when the text reports the
    delivery in one of the deal's delivery years."""
    texts = _write(tmp_path / "texts", {
        "2007.md": ("2007-12-26", "MOSCOW, Dec. 26 — Russia signed a contract on Wednesday to sell S-300 missile "
                                  "systems to Iran."),
        "2016.md": ("2016-10-25", "MOSCOW, Oct. 25 — Russia has completed delivery of S-300 air-defence missile "
                                  "systems to Iran, Russian officials said on Tuesday."),
    })
    db = tmp_path / "store.duckdb"
    _ingest(db, REGISTER, texts)
    [s300] = _s300(_ledger(db, "--from", "RUS", "--to", "IRN"))
    assert s300["made"] == "2007-12-26" and s300["corroborated_by"] == ["sipri:101"]
    assert s300["status"] == "kept" and s300["fulfilled"] == "2016-10-25"   # the text gives the day
    assert {o["outcome_id"] for o in s300["outcomes"]} >= {"sipri:101:2016:1"}


# -- the matching rules alone ---------------------------------------------------------------
@pytest.mark.parametrize(("text", "sipri", "same"), [
    (["s-300"], ["S-300PMU2"], True),
    (["s-300"], ["S-300PMU-2 Favorit"], True),
    (["S300"], ["s-300pmu2"], True),
    (["su-30sm"], ["Su-30SM"], True),
    (["su-30"], ["Su-30SM"], True),            # the model family
    (["su-3"], ["Su-30SM"], False),            # not a family: the number goes on
    (["su-30mk"], ["Su-30SM"], False),
    (["tor-m1"], ["Tor-M1"], True),
    (["arms"], ["S-300PMU2", "SAM system"], False),
    (["weapons"], ["Weapons"], False),        # a generic word alone never matches
    (["missile systems"], ["S-300PMU2 (SAM system)"], False),
    (["arm"], ["arms"], False),
])
def test_objects_match(text, sipri, same):
    assert (same_deal.objects_match(same_deal.names(text), same_deal.names(sipri)) is not None) is same


def test_ambiguity_both_ways():
    D = same_deal.Deal
    t1 = D("t1", "RUS", "IRN", 2015, {"s300"}, set(), "s-300")
    t2 = D("t2", "RUS", "IRN", 2016, {"s300"}, set(), "s-300")
    s1 = D("sipri:1", "RUS", "IRN", 2015, {"s300pmu2", "s300"}, {2016}, "S-300PMU2")
    soviet = D("sipri:2", "USR", "IRN", 2015, {"s300"}, set(), "S-300")
    same_as, notes = same_deal.matches([t1], [s1])
    assert same_as == {"sipri:1": "t1"}
    same_as, notes = same_deal.matches([t1, t2], [s1])       # one deal, two promises it fits
    assert same_as == {} and "2 promises" in notes["sipri:1"]
    same_as, notes = same_deal.matches([t1], [s1, soviet])   # the Soviet Union's deal is Russia's
    assert same_as == {} and "2 SIPRI deals fit" in notes["t1"]
    far = D("t3", "RUS", "IRN", 2010, {"s300"}, set(), "s-300")
    assert same_deal.matches([far], [s1]) == ({}, {})         # dates do not fit
    other = D("t4", "RUS", "SYR", 2015, {"s300"}, set(), "s-300")
    assert same_deal.matches([other], [s1]) == ({}, {})       # another promisee


@pytest.mark.parametrize("order", ["text_first", "sipri_first"])
def test_entry_page_shows_the_merged_deliveries(stores, order):
    """The web app's single-entry view (report.data.ledger_entry) shows the SIPRI deliveries and says so."""
    from trustledger.report.data import ledger_entry
    from trustledger.store.db import Store

    store = Store(stores[order], read_only=True)
    try:
        [s300] = _s300(_ledger(stores[order], "--from", "RUS", "--to", "IRN"))
        entry = ledger_entry(store, s300["commitment_id"])
        merged = ledger_entry(store, "sipri:101")
    finally:
        store.close()
    assert entry["corroborated_by"] == ["sipri:101"] and entry["same_as"] is None
    assert {o["outcome_id"] for o in entry["outcomes"]} == {o["outcome_id"] for o in s300["outcomes"]}
    assert any(o["outcome_id"].startswith("sipri:101") for o in entry["outcomes"])
    assert merged["same_as"] == s300["commitment_id"]
