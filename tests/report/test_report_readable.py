"""Issue 16 points 6 and 7: the report a reader can use, checked on the demo corpus as `make demo`
loads it (examples/ and the bundled UNSC votes, through the real `trustledger ingest`) and on the
real `trustledger report` it writes. Expected values come from the store or from `assess --format
json`, never from the report's own code."""

from __future__ import annotations

import html as htmllib
import json
import re
from pathlib import Path

import duckdb
import pytest

from tests.report.conftest import cli_main
from trustledger.coding.cameo import codebook
from trustledger.report import readable
from trustledger.store.db import Store

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def text_of(fragment: str) -> str:
    """An HTML fragment's text, tags dropped and white space folded."""
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def section(html: str, pattern: str) -> str:
    m = re.search(pattern, html, re.S)
    assert m, pattern
    return m.group(1)


def ledger_rows(html: str) -> list[str]:
    body = section(html, r'<table id="ledger">.*?<tbody>(.*?)</tbody>')
    return re.findall(r"<tr>(.*?)</tr>", body, re.S)


@pytest.fixture(scope="module")
def demo_html(demo_report) -> str:
    return demo_report[0].read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def demo_assessment(demo_db) -> dict:
    from trustledger.queries import assess

    with Store(demo_db, read_only=True) as s:
        return json.loads(json.dumps(assess(s, "IRN", "RUS"), default=str))


def test_opens_with_a_plain_summary_then_a_methods_box(demo_html, demo_assessment):
    a = demo_assessment
    title = section(demo_html, r"<h1>(.*?)</h1>")
    assert title == "Can Iran (IRN) trust Russia (RUS)?"
    summary = text_of(section(demo_html, r'<div id="summary" class="summary">(.*?)</div>'))
    assert f"“{a['verdict']}”" in summary and f"scores {a['score']:.2f}" in summary
    assert f"between {a['interval'][0]:.2f} and {a['interval'][1]:.2f}" in summary
    # What pulls the score down most is the scored component with the largest weighted shortfall below
    # 0.5, computed here from the assessment JSON.
    comps = {k: v for k, v in a["components"].items() if v["score"] is not None}
    total = sum(v["weight"] for v in comps.values())
    pulls = {k: v["weight"] / total * (v["score"] - 0.5) for k, v in comps.items()}
    worst, best = min(pulls, key=pulls.get), max(pulls, key=pulls.get)
    from trustledger.report.charts import COMPONENT_LABELS

    assert f"What pulls it down most — {COMPONENT_LABELS[worst]} ({comps[worst]['score']:.2f}" in summary
    assert f"What holds it up most — {COMPONENT_LABELS[best]} ({comps[best]['score']:.2f}" in summary
    # The worst part here is UN voting: say how Russia voted on the resolutions aimed at Iran.
    targeted = a["components"]["alignment"]["targeted_votes"]
    yes = sum(1 for v in targeted if v["vote"] == "yes")
    assert f"Russia voted for {yes} of {len(targeted)} UN resolutions aimed at Iran" in summary
    # Order on the page: summary, methods box, then the components.
    positions = [demo_html.index(x) for x in ('id="summary"', 'id="methods"', 'id="plot-components"', 'id="ledger"',
                                              'id="arithmetic"')]
    assert positions == sorted(positions)
    methods = text_of(section(demo_html, r'<aside id="methods" class="methods">(.*?)</aside>'))
    for label, weight in (("Commitments kept", "40%"), ("Say–do consistency", "25%"), ("UN vote alignment", "20%"),
                          ("Reciprocity", "15%")):
        assert f"{label} {weight}" in methods
    for words in ("SIPRI", "GDELT", "General Assembly", "90% interval"):
        assert words in methods


def test_plain_labels_outside_the_arithmetic(demo_html):
    """`say_do` and `Beta(...)` appear only in the details section that keeps the arithmetic."""
    details = section(demo_html, r'(<details id="arithmetic".*?</details>)')
    assert "Beta(1+" in details and "say_do" in details
    rest = demo_html.replace(details, "")
    visible = text_of(re.sub(r"<(script|style).*?</\1>", "", rest, flags=re.S))
    assert "say_do" not in visible and "Beta(" not in visible and "kept_late" not in visible


def test_outcomes_are_grouped_each_story_once(demo_html, demo_db):
    """One line per month in "what happened"; a story's copies and several stories that report the
    same delivery are one line with the number of stories ("December 2007: delivered (3 stories)"),
    and stories that date it at different precisions ("December 2007", "17 December 2007") too, under
    the most precise date."""
    for row in ledger_rows(demo_html):
        items = [text_of(li) for li in re.findall(r"<li>(.*?)</li>", row, re.S)]
        assert len(items) == len(set(items)), items
        months = [re.sub(r"^\d+ ", "", i.split(":")[0]) for i in items]
        assert len(months) == len(set(months)), items     # one line per month (or per year-only date)
    # The Bushehr fuel: the stories that report its delivery in December 2007, at month and at day
    # precision, counted in the store.
    (cid, n_stories, precisions, day), = rows(demo_db, """
        SELECT o.commitment_id, count(DISTINCT coalesce(d.story_id, o.doc_id)) FILTER (o.kind = 'delivered'),
               count(DISTINCT o.date_precision), min(o.date) FILTER (o.date_precision = 'day')
        FROM outcomes o JOIN documents d USING (doc_id) JOIN commitments c USING (commitment_id)
        WHERE o.date BETWEEN DATE '2007-12-01' AND DATE '2007-12-31' AND o.date_precision IN ('day', 'month')
          AND c.promisor = 'RUS' AND c.promisee = 'IRN' AND o.duplicate_of IS NULL
        GROUP BY ALL HAVING count(*) FILTER (o.kind = 'delivered') > 0 AND count(DISTINCT o.date_precision) = 2""")
    assert n_stories >= 2 and precisions == 2
    lines = [text_of(li) for row in ledger_rows(demo_html) for li in re.findall(r"<li>(.*?)</li>", row, re.S)]
    december = [x for x in lines if re.match(r"(\d+ )?December 2007:", x)]
    assert not [x for x in december if x.startswith("December 2007")], december   # merged into the day's line
    assert sum(1 for x in december if x.startswith(f"{day.day} December 2007: delivered ({n_stories} stories)")) == 1


def test_only_promise_sentences_are_evidence_of_the_promise(demo_html, demo_db):
    """A sentence that reports an outcome of the commitment is never shown as evidence of its promise."""
    outcome_texts = {t for (t,) in rows(demo_db, "SELECT DISTINCT o.text FROM outcomes o JOIN commitments c "
                                                 "USING (commitment_id) WHERE c.promisor IN ('RUS', 'USR') "
                                                 "AND c.promisee = 'IRN' AND o.text IS NOT NULL")}
    shown = 0
    for row in ledger_rows(demo_html):
        promise = section(row, r"(<h4>Evidence of the promise</h4>.*?)(?:<h4>|</details>)") if "Evidence of the " \
            "promise" in row else ""
        for quote in re.findall(r'<blockquote class="promise">(.*?)<cite>', promise, re.S):
            shown += 1
            assert text_of(quote) not in {" ".join(t.split()) for t in outcome_texts}, text_of(quote)
    assert shown >= 5
    # The Bushehr contract: the 1995 signing is its first promise sentence; "completed ... in 2011" is not one.
    bushehr = next(r for r in ledger_rows(demo_html) if "complete bushehr" in r)
    first = text_of(re.search(r'<blockquote class="promise">(.*?)<cite>', bushehr, re.S).group(1))
    assert first.startswith("Russia and Iran signed a contract")
    promise = section(bushehr, r"<h4>Evidence of the promise</h4>(.*?)(?:<h4>|</details>)")
    assert "Russia completed the first Bushehr reactor in 2011" not in promise


def test_sentences_are_never_cut_at_an_abbreviation(demo_html, demo_db):
    """The splitter once cut "... deputy defence minister, Brig." from "Gen. Mahdi Farahi, said ...";
    it now keeps titles with their names (nlp/abbreviations.py), so the demo store holds no sentence
    ending at a title and the report quotes the whole sentence. (Stores split before keep their cut
    sentences; the report joins them: `test_whole_sentences_joins_abbreviations_and_initialisms`.)"""
    cut = rows(demo_db, r"SELECT doc_id, sentence_index, text FROM sentences "
                        r"WHERE regexp_matches(text, '\b(Brig|Gen|Col|Lt|Maj|Adm|Capt|Sgt|Mr|Dr|Amb|Cmdr)\.$')")
    assert cut == []
    assert rows(demo_db, "SELECT count(*) FROM sentences WHERE text LIKE '%minister, Brig. Gen. Mahdi Farahi, said%'") \
        == [(1,)]
    assert not re.search(r"\b(Brig|Gen|Col|Lt|Maj)\.\s*(<cite>|</blockquote>)", demo_html)


def test_whole_sentences_joins_abbreviations_and_initialisms(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as s, s.transaction() as con:
        con.execute("INSERT INTO sentences (doc_id, sentence_index, start_char, end_char, text) VALUES "
                    "('d', 0, 0, 0, 'The deal was signed by Brig.'), ('d', 1, 0, 0, 'Gen. Ali Shamkhani in Moscow.'), "
                    "('d', 2, 0, 0, 'Officials in the U.S.'), ('d', 3, 0, 0, 'said nothing.'), "
                    "('d', 4, 0, 0, 'Sanctions were imposed by the U.S.'), ('d', 5, 0, 0, 'Iran protested.')")
    items = [{"doc_id": "d", "sentence_index": k, "text": "x"} for k in (1, 2, 4, 5)]
    with Store(db, read_only=True) as s:
        readable.whole_sentences(s, items)
    assert items[0]["text"] == "The deal was signed by Brig. Gen. Ali Shamkhani in Moscow."
    assert items[1]["text"] == "Officials in the U.S. said nothing."
    assert items[2]["text"] == "x" and items[3]["text"] == "x"  # a real sentence end after "U.S." stays


def test_dates_show_their_precision(demo_html, demo_db):
    assert readable.when("1999-01-01", "year") == "1999"
    assert readable.when("1999-03-01", "month") == "March 1999"
    assert readable.when("1999-03-12", "day") == "12 March 1999"
    assert readable.when(None) == "–"
    # Every made and due cell of the ledger shows its date at the precision the store holds.
    stored = rows(demo_db, """
        SELECT c.made, c.made_precision, c.due, c.due_precision FROM commitments c JOIN ledger l USING (commitment_id)
        WHERE c.promisor IN ('RUS', 'USR') AND c.promisee = 'IRN' AND c.same_as IS NULL""")
    cells = [re.findall(r"<td>(.*?)</td>", r, re.S) for r in ledger_rows(demo_html)]
    made_due = {(c[1], c[2]) for c in cells}

    def expected(value, precision):
        if value is None:
            return "–"
        return {"year": str(value.year), "month": f"{MONTHS[value.month - 1]} {value.year}"}.get(
            precision, f"{value.day} {MONTHS[value.month - 1]} {value.year}")

    assert {(expected(m, mp), expected(d, dp)) for m, mp, d, dp in stored} == made_due
    assert any(m == "January 1995" for m, _ in made_due) and any(d == "1999" for _, d in made_due)
    assert not any(re.search(r"\d{4}-\d\d-\d\d", m + d) for m, d in made_due)


def test_cameo_codes_carry_their_names(demo_html):
    book = codebook()
    tags = re.findall(r'<span class="cameo">(\d{2,4}) (.*?)</span>', demo_html)
    assert tags
    for code, name in tags:
        assert htmllib.unescape(name) == book[code].name


def test_component_bars_are_coloured_by_score(demo_html, demo_assessment):
    from trustledger.analysis.components.combine import THRESHOLDS
    from trustledger.report.charts import COMPONENT_LABELS

    fig = json.loads(re.search(r'"plot-components": (\{.*?\}),\n    "plot-timeline"', demo_html, re.S).group(1)
                     .replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u0026", "&"))
    bar = fig["data"][0]
    colours = dict(zip(bar["y"], bar["marker"]["color"], strict=True))

    def band(score):
        return next((i for i, (bound, _) in enumerate(THRESHOLDS) if score >= bound), len(THRESHOLDS))

    by_band: dict[int, set[str]] = {}
    for name, comp in demo_assessment["components"].items():
        by_band.setdefault(band(comp["score"]), set()).add(colours[COMPONENT_LABELS[name]])
    assert all(len(c) == 1 for c in by_band.values()), "one colour per score band"
    assert len({next(iter(c)) for c in by_band.values()}) == len(by_band) >= 2, "different bands, different colours"


def test_sources_are_titles_and_urls_not_paths(demo_html):
    page = re.sub(r"<script.*?</script>", "", demo_html, flags=re.S)
    assert "examples/corpus" not in page and ".md ·" not in page
    cites = [text_of(c) for c in re.findall(r"<cite>(.*?)</cite>", page, re.S)]
    assert cites and all(c and not c.startswith("untitled") for c in cites)


def test_sipri_deals_that_outweigh_text_are_named(demo_db, demo_report, tmp_path):
    """When arms deals from the SIPRI register are among the rated commitments, the summary says how many
    of them there are (counted in the store), and says it measures arms deliveries when they are most."""
    db = tmp_path / "sipri.duckdb"
    db.write_bytes(demo_db.read_bytes())
    register = tmp_path / "trade-register.csv"
    deals = [(90000 + i, "Russia", "Iran", f"Mi-{170 + i}", "transport helicopter", "Aircraft", 1995 + i, 2, 1997 + i)
             for i in range(12)]
    register.write_text(
        "Transfers of major conventional arms from All countries  to All countries . Deals with deliveries or orders "
        "made for year range '1995' to '2030' \n\nSource: SIPRI Arms Transfers Database (c) SIPRI.\n"
        "SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,Order date,Order date is "
        "estimate,Numbers delivered,Numbers delivered is estimate,Delivery year,Delivery year is estimate,Status,"
        "SIPRI estimate,TIV deal unit,TIV delivery values,Local production\n"
        + "".join(f"{d[0]},{d[1]},{d[2]},{d[3]},{d[4]},{d[5]},{d[6]},No,{d[7]},No,{d[8]},No,New,8,8,16,No\n"
                  for d in deals)
        + "99999,Brazil,Afghanistan,EMB-314,trainer aircraft,Aircraft,2020,No,6,No,2023,No,New,3.5,3.5,21,No\n",
        encoding="utf-8")
    code, err = cli_main("ingest", register, "--db", db)
    assert code == 0, err
    out = tmp_path / "r.md"
    code, err = cli_main("report", "IRN", "RUS", "--db", db, "--md", out)
    assert code == 0, err
    (sipri, rated), = rows(db, """
        SELECT count(*) FILTER (WHERE c.origin = 'sipri'), count(*)
        FROM commitments c JOIN ledger l USING (commitment_id)
        WHERE c.promisor IN ('RUS', 'USR') AND c.promisee = 'IRN' AND c.same_as IS NULL
          AND l.status IN ('kept', 'kept_late', 'broken')""")
    assert sipri * 2 > rated > 0
    text = " ".join(out.read_text(encoding="utf-8").split())
    assert (f"{sipri} of {rated} rated commitments are arms deals from the SIPRI register; so the commitments "
            "score mostly measures arms deliveries") in text.replace("\\", "")
    # The demo alone has no SIPRI deal, and its summary says nothing of the register.
    assert "arms deals from the SIPRI register" not in demo_report[1].read_text(encoding="utf-8")


def test_ledger_entry_offers_promise_sentences_and_grouped_outcomes(demo_db):
    """The web app's entry view reads `report.data.ledger_entry`: besides the ledger's own keys it gets the
    promise-stating sentences and the outcome groups the report shows."""
    from trustledger.queries import ledger
    from trustledger.report import data

    with Store(demo_db, read_only=True) as s:
        entries = ledger(s, promisor="RUS", promisee="IRN")
        fuel = next(e for e in entries if e["what"] == "deliver nuclear fuel" and e["outcomes"])
        entry = data.ledger_entry(s, fuel["commitment_id"])
    assert entry["evidence"] and len(entry["promise_evidence"]) <= len(entry["evidence"])
    outcome_sentences = {(o["doc_id"], o["sentence_index"]) for o in entry["outcomes"]}
    assert not {(e["doc_id"], e["sentence_index"]) for e in entry["promise_evidence"]} & outcome_sentences
    lines = [g["line"] for g in entry["outcome_groups"]]
    assert len(lines) == len(set(lines)) < len(entry["outcomes"])
    assert any(re.match(r"(\d+ )?December 2007: delivered \(", line) for line in lines)


def test_too_little_evidence_says_so_once_and_names_no_driver(demo_db, tmp_path):
    """Iran and Brazil share one UN vote in the demo store: no verdict, the assessment's own explanation
    once, and no part said to pull or hold up a score that does not exist."""
    from trustledger.queries import assess

    with Store(demo_db, read_only=True) as s:
        a = assess(s, "IRN", "BRA")
    assert a["score"] is None
    out = tmp_path / "r.html"
    code, err = cli_main("report", "Iran", "Brazil", "--db", demo_db, "--html", out)
    assert code == 0, err
    summary = text_of(section(out.read_text(encoding="utf-8"), r'<div id="summary" class="summary">(.*?)</div>'))
    assert summary == " ".join(a["explanation"].split())
    assert "pulls it down" not in summary and "holds it up" not in summary


def test_every_outcome_kind_has_words():
    """An outcome kind the ledger writes is shown in words, never as its key ('observed', 'not_delivered')."""
    import inspect

    from trustledger.commitments import records
    from trustledger.report.readable import OUTCOME_WORDS

    src = inspect.getsource(records.OutcomeMention)
    listed = re.search(r"kind: str\s+# (.+?)\n\s+actor", src, re.S).group(1)
    kinds = {k.strip() for k in re.sub(r"\(.*?\)|#", "", listed).replace("\n", ",").split(",") if k.strip()}
    assert {"observed", "delivered_partial", "not_delivered"} <= kinds
    assert kinds <= set(OUTCOME_WORDS), kinds - set(OUTCOME_WORDS)
    assert all(" " in w or "_" not in w for w in OUTCOME_WORDS.values())
