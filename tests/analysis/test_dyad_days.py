"""The dyad-day aggregate (issue 17): results unchanged, kept exact file by file, read only while fresh.

The old answers come from frozen copies of the components as they were before the aggregate
(tests/analysis/reference/*_v1.py: every act read from `events`), swapped in for the current ones;
the new answers read `agg_dyad_day`. Both are computed on realistic stores built here: structured
files ingested through the real CLI (the shared GDELT 1.0 sample, synthetic GDELT 2.0 exports with
GDELT's skew of countries, roles and codes, an overlapping file), text events with story copies,
negations and non-state parties, and the bench's SQL-built store at a small size.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import load_bench, run_cli
from trustledger.analysis import assess as assess_mod
from trustledger.analysis import compare as compare_mod
from trustledger.analysis.components import base, reciprocity, say_do
from trustledger.store import dyad_days
from trustledger.store.db import Store

HERE = Path(__file__).parent
SHARED = HERE.parents[1].parent / "shared" / "data"


def _ref(name: str):
    spec = importlib.util.spec_from_file_location(f"ref_{name}", HERE / "reference" / f"{name}_v1.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


REF = {n: _ref(n) for n in ("say_do", "reciprocity", "assess", "compare")}


def old_answers(monkeypatch, fn):
    """Run `fn` with the components as they were before the aggregate (every act read from events)."""
    with monkeypatch.context() as m:
        for mod, name in ((say_do, "say_do"), (reciprocity, "reciprocity")):
            m.setattr(mod, "yearly", REF[name].yearly)
            m.setattr(mod, "evidence", REF[name].evidence)
        m.setattr(REF["compare"], "assess", REF["assess"].assess)
        m.setattr(REF["compare"], "flag_rows", compare_mod.flag_rows)  # the flag's wording (names) is today's
        return fn(REF["assess"].assess, REF["compare"].compare)


def new_answers(fn):
    return fn(assess_mod.assess, compare_mod.compare)


def add_text_events(store: Store) -> None:
    """Text events as the coder writes them: copies of a story (one act, dated by its first copy),
    negations, a rebel source, praise, untargeted events; on days the structured rows also use."""
    rows = []
    n = itertools.count()
    for k, (src, tgt, cameo, quad, day, story) in enumerate([
        ("RUS", "IRN", "051", 1, "2016-03-01", "s1"), ("RUS", "IRN", "051", 1, "2016-03-04", "s1"),
        ("RUS", "IRN", "061", 2, "2016-03-02", "s2"), ("RUS", "IRN", "163", 4, "2016-05-01", "s3"),
        ("IRN", "RUS", "042", 1, "2016-02-20", "s4"), ("IRN", "RUS", "042", 1, "2016-02-21", "s4"),
        ("IRN", "RUS", "071", 2, "2017-01-05", "s5"), ("RUS", "IRN", "071", 2, "2017-01-20", "s6"),
        ("USA", "IRN", "172", 4, "2018-06-01", "s7"), ("IRN", "USA", "051", 1, "2018-05-01", "s8"),
        ("RUS", "IRN", "190", 4, "2019-01-01", "s9"), ("CHN", "IRN", "057", 1, "2019-04-04", "s10"),
    ]):
        for negated, role in ((False, None), (k % 4 == 0, "REB" if k % 5 == 0 else None)):
            rows.append((f"t{next(n):04d}", story, day, src, role, tgt, cameo, quad, negated))
    rows.append(("t9999", "s11", "2016-03-01", "RUS", None, None, "051", 1, False))  # no target
    store.con.executemany(
        """INSERT INTO events (event_id, origin, story_id, doc_id, sentence_index, text, date, date_precision,
           source_code, source_country, source_role, target_code, target_country, cameo, root, quad_class,
           goldstein, mode, negated) VALUES (?, 'text', ?, ?, 0, 'a sentence', ?, 'day', ?, ?, ?, ?, ?, ?, ?, ?,
           1.0, 'said', ?)""",
        [(eid, story, "d" + story, dt.date.fromisoformat(day), src, src, role, tgt, tgt, cameo, cameo[:2], quad, neg)
         for eid, story, day, src, role, tgt, cameo, quad, neg in rows])


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> Path:
    """Structured files through the real CLI, one by one (the aggregate kept file by file), then text."""
    tmp = tmp_path_factory.mktemp("dyad_days")
    gen = load_bench("bench_structured")
    big, other = tmp / "20160101000000.export.CSV", tmp / "20170101000000.export.CSV"
    gen.generate_gdelt2(big, 40_000)
    # an overlapping export: half of its rows are the first file's (same GLOBALEVENTID: added once)
    lines = big.read_text().splitlines(keepends=True)
    gen.generate_gdelt2(tmp / "more.csv", 60_000)
    other.write_text("".join(lines[:20_000]) + "".join((tmp / "more.csv").read_text().splitlines(True)[40_000:]))
    db = tmp / "store.duckdb"
    files = [big, other]
    if (SHARED / "gdelt").exists():
        files.append(SHARED / "gdelt" / "gdelt1-events-sample-710.tsv")
    for f in files:
        r = run_cli("ingest", str(f), "--db", str(db), "--no-code", "--no-progress")
        assert r.code == 0, r.err
    with Store(db) as s:
        assert dyad_days.fresh(s)
        add_text_events(s)
    return db


def _pairs(store: Store, limit: int | None = None) -> list[tuple[str, str]]:
    """Ordered pairs of states with events between them, busiest first."""
    rows = store.query("""SELECT source_country AS a, target_country AS b, count(*) AS n FROM events
                          WHERE source_country IS NOT NULL AND target_country IS NOT NULL
                                AND source_country <> target_country AND length(source_country) = 3
                                AND source_country <> 'IGO' AND target_country <> 'IGO'
                          GROUP BY 1, 2 ORDER BY n DESC, a, b""")
    pairs = [(r["a"], r["b"]) for r in rows]
    return pairs[:limit] if limit else pairs


def _check_store(monkeypatch, db: Path, pairs: list[tuple[str, str]], periods) -> int:
    from trustledger.errors import UserError

    checked = 0
    with Store(db, read_only=True) as s:
        assert base.aggregated(s)
        for (a, b), (since, until) in itertools.product(pairs, periods):
            def one(assess, compare, a=a, b=b, since=since, until=until):
                try:
                    third = next(c for c in ("USA", "CHN", "GBR") if c not in (a, b))
                    return assess(s, a, b, since, until), compare(s, a, [b, third], since, until)
                except UserError as e:  # a code the assessment does not take: refused by both
                    return type(e).__name__  # (the wording is presentation, not the answer)
            assert new_answers(one) == old_answers(monkeypatch, one), (a, b, since, until)
            checked += 1
    return checked


PERIODS = [(None, None), (dt.date(2016, 3, 2), None), (None, dt.date(2017, 1, 10)),
           (dt.date(2016, 1, 1), dt.date(2018, 12, 31))]


def test_assessments_unchanged_on_an_ingested_store(monkeypatch, ingested):
    with Store(ingested, read_only=True) as s:
        pairs = _pairs(s, 12) + [("IRN", "RUS"), ("RUS", "IRN"), ("IRN", "USA"), ("USA", "IRN")]
    assert _check_store(monkeypatch, ingested, pairs, PERIODS) == len(pairs) * len(PERIODS)


def test_assessments_unchanged_on_the_bench_store(monkeypatch, tmp_path):
    bench = load_bench("bench_gdelt_scale")
    db = tmp_path / "bench.duckdb"
    bench.build(db, 150_000)
    with Store(db) as s:
        add_text_events(s)
        dyad_days.rebuild(s)  # the text rows are not covered: the table stays exact
        pairs = _pairs(s, 8)
    periods = [(None, None), (dt.date(2024, 7, 1), None), (dt.date(2024, 2, 1), dt.date(2024, 2, 20))]
    assert _check_store(monkeypatch, db, pairs + [("IRN", "RUS"), ("RUS", "IRN")], periods) > 0


def test_every_pair_of_the_demo_store(monkeypatch, tmp_path):
    """Every ordered pair of states with events between them in the store `make demo` builds (the
    example articles coded, Security Council votes): the same assessment both ways. The shared GDELT
    sample's pairs are checked in the ingested store above."""
    root = HERE.parents[1]
    db = tmp_path / "demo.duckdb"
    r = run_cli("ingest", str(root / "examples"), str(root / "trustledger" / "data" / "unsc_iran_votes.csv"),
                "--db", str(db), "--no-progress")
    assert r.code == 0, r.err
    with Store(db, read_only=True) as s:
        pairs = _pairs(s)
        assert s.query("SELECT count(*) AS n FROM events WHERE origin = 'text'")[0]["n"] > 0
    assert _check_store(monkeypatch, db, pairs, [(None, None)]) == len(pairs)


def test_the_table_is_kept_exact_file_by_file(ingested, tmp_path):
    db = tmp_path / "copy.duckdb"
    shutil.copy(ingested, db)
    with Store(db) as s:
        kept = s.con.execute("SELECT * FROM agg_dyad_day ORDER BY ALL").fetchall()
        dyad_days.rebuild(s)
        assert s.con.execute("SELECT * FROM agg_dyad_day ORDER BY ALL").fetchall() == kept
        assert dyad_days.recorded(s) == dyad_days.covered_now(s) > 60_000


def test_read_only_while_fresh_and_healed_by_the_next_import(tmp_path, ingested, monkeypatch):
    db = tmp_path / "copy.duckdb"
    shutil.copy(ingested, db)
    with Store(db) as s:
        before = assess_mod.assess(s, "IRN", "RUS")
        # a structured row written behind the importers' back: the table no longer counts every event
        s.con.execute("""INSERT INTO events (event_id, origin, date, source_country, target_country, cameo,
                         quad_class, mode) VALUES ('x:1', 'table', DATE '2016-03-03', 'RUS', 'IRN', '061', 2, 'did')""")
        assert not base.aggregated(s)
        direct = assess_mod.assess(s, "IRN", "RUS")  # read from the events themselves
        assert direct["components"]["say_do"]["material_coop"] == before["components"]["say_do"]["material_coop"] + 1
    gen = load_bench("bench_structured")
    gen.generate_gdelt2(tmp_path / "20200101000000.export.CSV", 500)
    r = run_cli("ingest", str(tmp_path / "20200101000000.export.CSV"), "--db", str(db), "--no-code", "--no-progress")
    assert r.code == 0, r.err
    with Store(db, read_only=True) as s:
        assert base.aggregated(s)  # the import found the table inexact and rebuilt it
        healed = assess_mod.assess(s, "IRN", "RUS")
        assert healed == old_answers(monkeypatch, lambda a, c: a(s, "IRN", "RUS"))


def test_compute_local_heals_a_hand_built_store(build):
    from trustledger.analysis.aggregates import compute_local

    for day in ("2001-02-01", "2001-02-10", "2001-03-01"):
        build.event("RUS", "IRN", "061", day)
        build.event("IRN", "RUS", "042", day)
    build.event("RUS", "IRN", "051", "2001-01-15", story="s1")
    s = build.store
    assert not base.aggregated(s)  # rows written behind the importers' back: read from events
    before = assess_mod.assess(s, "IRN", "RUS")
    assert compute_local(s, ["IRN"])["agg_dyad_day"] > 0
    assert base.aggregated(s)
    assert assess_mod.assess(s, "IRN", "RUS") == before
