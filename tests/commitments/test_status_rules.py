"""Status rules of issue 14 section 5 and the outcomes shared between promises, on our own sentences
and hand-built clusters: a retelling never reopens a dated breach, a promise to halt an activity is
kept by halting it, one act promised to several states is settled for each, and an outcome told of a
group of donors or of both sides settles each member's promise."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from trustledger.commitments.ledger import halted_as_kept
from trustledger.commitments.link import Cluster, shared_with
from trustledger.commitments.rules import Outcome, judge
from trustledger.store.db import Store

D = dt.date
REF = D(2024, 1, 1)


def test_a_retelling_dated_by_its_article_does_not_reopen_a_dated_breach():
    broke = Outcome("suspended", D(2016, 5, 3), explicit=True)
    retold = Outcome("resumed", D(2019, 3, 3), explicit=False)  # "sales restarted after the war"
    assert judge("deliver", None, None, None, [broke, retold], REF).status == "broken"
    dated = Outcome("resumed", D(2019, 3, 3), explicit=True)  # "sales restarted on 3 March"
    assert judge("deliver", None, None, None, [broke, dated], REF).status == "pending"
    undated_break = Outcome("suspended", D(2016, 5, 3), explicit=False)
    assert judge("deliver", None, None, None, [undated_break, retold], REF).status == "pending"


def test_suspension_then_delivery_is_kept_late():
    v = judge("deliver", None, None, None, [Outcome("suspended", D(2015, 1, 1)), Outcome("delivered", D(2016, 1, 1))],
              REF)
    assert v.status == "kept_late" and v.fulfilled == D(2016, 1, 1)


def test_a_promise_to_halt_an_activity_is_kept_by_halting_it_but_suspending_the_deal_breaks_it():
    assert halted_as_kept("refrain", "suspend enrichment", "suspended", "enrichment") == "observed"
    assert halted_as_kept("refrain", "freeze tests", "suspended", "test") == "observed"
    assert halted_as_kept("refrain", "suspend enrichment", "suspended", "paris agreement") == "suspended"
    assert halted_as_kept("refrain", "observe ceasefire", "suspended", "ceasefire") == "suspended"
    assert halted_as_kept("deliver", "supply gas", "suspended", "gas") == "suspended"


def _c(promisor: str, promisee: str, obj: str, made=D(2014, 10, 12), kind="deliver", what=None) -> Cluster:
    m = {"made": made, "made_explicit": True, "made_precision": "day", "what": what or f"give {obj}",
         "terms": [obj], "promisor": promisor, "promisee": promisee, "implied": False, "object": obj}
    c = Cluster(kind, obj, frozenset({promisor, promisee}), [m])
    c.direction_cache = (promisor, promisee)  # type: ignore[attr-defined]
    return c


def _o(actor, counterpart, obj: str, text: str) -> dict:
    return {"kind": "delivered_partial", "actor": actor, "counterpart": counterpart, "object": obj, "text": text,
            "date": D(2014, 12, 1)}


def test_an_outcome_told_of_the_donors_settles_each_donors_pledge_made_with_the_others():
    a, b, c = _c("AAA", "ZZZ", "$1 billion"), _c("BBB", "ZZZ", "$200 million"), _c("CCC", "ZZZ", "$50 million")
    later = _c("DDD", "ZZZ", "$9 million", made=D(2016, 1, 1))
    told = _o(None, None, "only $80 million", "Of the total the donors pledged, only $80 million has come in.")
    assert shared_with(a, [a, b, c, later], told) == [b, c]
    one = _o(None, None, "$80 million", "Only $80 million has come in, the ministry said.")
    assert shared_with(a, [a, b, c], one) == []  # nothing says it is the group's
    by_a = _o("AAA", None, "$80 million", "The first donor has paid $80 million of the total.")
    assert shared_with(a, [a, b, c], by_a) == []


def test_both_sides_keeping_a_truce_settles_each_sides_half():
    ab = _c("AAA", "BBB", "truce", kind="refrain", what="observe truce")
    ba = _c("BBB", "AAA", "truce", kind="refrain", what="observe truce")
    held = {"kind": "observed", "actor": None, "counterpart": None, "object": "truce", "date": D(2015, 1, 1),
            "text": "Both sides have kept to the truce since it was signed."}
    assert shared_with(ab, [ab, ba], held) == [ba]


def test_one_act_promised_to_several_states_is_settled_for_each_by_an_outcome_naming_none_of_them():
    x, y = _c("AAA", "XXX", "enrichment", kind="refrain"), _c("AAA", "YYY", "enrichment", kind="refrain")
    other = _c("AAA", "YYY", "enrichment", made=D(2019, 1, 1), kind="refrain")
    halt = {"kind": "suspended", "actor": None, "counterpart": None, "object": "enrichment", "date": D(2015, 1, 1),
            "text": "Enrichment has been halted since the talks began."}
    assert shared_with(x, [x, y, other], halt) == [y]
    to_x = {**halt, "counterpart": "XXX"}
    assert shared_with(x, [x, y], to_x) == []


def test_a_shared_outcome_is_copied_to_each_pledge_and_judged_there(tmp_path: Path):
    import trustledger.ingest.pipeline as pipeline
    from trustledger.commitments import queries
    from trustledger.commitments.stage import CommitmentStage

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.md").write_text(
        "---\ntitle: a\ndate: 2024-03-03\n---\nAt the donor conference on Sunday, Norway pledged $300 million "
        "to Haiti for reconstruction.\n\nJapan pledged $150 million to Haiti for reconstruction at the same "
        "conference on Sunday.\n", encoding="utf-8")
    (folder / "b.md").write_text(
        "---\ntitle: b\ndate: 2024-06-20\n---\nOf the full amount Norway and Japan pledged to Haiti, only "
        "about $20 million has arrived, officials say.\n", encoding="utf-8")
    path = tmp_path / "s.duckdb"
    with Store(path) as st:
        pipeline.Ingestor(st, pipeline.IngestOptions(), stages=(CommitmentStage(),)).run([str(folder)])
    with Store(path, read_only=True) as st:
        rows = {r["promisor"]: r for r in queries.ledger(st, origin="text")}
        shared = st.query("SELECT count(*) AS n FROM outcomes WHERE origin = 'shared'")[0]["n"]
    assert set(rows) >= {"NOR", "JPN"}
    assert rows["NOR"]["status"] == rows["JPN"]["status"] == "pending"
    assert shared >= 1


def test_a_group_outcome_reaches_a_pledge_made_with_the_others_that_its_article_does_not_name():
    # the shape of `relink`'s pool: `shared_with` itself keeps only pledges made at the same time
    a, b = _c("AAA", "ZZZ", "$1 billion"), _c("BBB", "ZZZ", "$5 million aid")
    told = _o(None, None, "$80 million", "Of the full amount, only $80 million has come in.")
    assert shared_with(a, [a, b], told) == [b]


def test_two_withdrawals_agreed_the_same_day_with_different_deadlines_stay_two():
    from trustledger.commitments.link import cluster_mentions, merge_reworded

    day = D(2024, 1, 5)

    def m(obj: str, due):
        return {"made": day, "made_explicit": True, "made_precision": "day", "what": f"withdraw {obj}",
                "terms": [obj], "promisor": "AAA", "promisee": "BBB", "implied": False, "object": obj,
                "doc_id": "d", "sentence_index": 0, "doc_date": day, "kind": "deliver", "is_new": False, "due": due}

    two = merge_reworded(cluster_mentions([m("force", D(2024, 2, 5)), m("troop", D(2024, 1, 12))]))
    assert len(two) == 2
    one = merge_reworded(cluster_mentions([m("force", D(2024, 2, 5)), m("troop", None)]))
    assert len(one) == 1


def test_a_promise_with_no_term_is_open_while_the_news_of_the_pair_has_not_moved_past_it():
    """Pending = "the reports end with the promise still open"; unknown = "the reports do not let you
    tell". With no due date and nothing reported on it, the newest report on the pair decides: within a
    year of the promise it is still open; years later, silence about it tells nothing."""
    from trustledger.commitments.rules import open_as_of

    made = D(2020, 3, 1)
    assert open_as_of(made, D(2020, 9, 1)) == D(2020, 9, 1)
    assert open_as_of(made, D(2023, 9, 1)) is None and open_as_of(None, D(2020, 9, 1)) is None
    assert judge("deliver", None, None, None, [], REF, still_open=open_as_of(made, D(2020, 9, 1))).status == "pending"
    assert judge("deliver", None, None, None, [], REF, still_open=open_as_of(made, D(2023, 9, 1))).status == "unknown"
    # a promise to refrain with no end date: a quiet half-year says little, it stays unknown
    assert judge("refrain", None, None, None, [], REF, still_open=D(2020, 9, 1)).status == "unknown"
    # a due date, when there is one, still rules
    assert judge("deliver", D(2021, 1, 1), "year", None, [], REF, still_open=D(2020, 9, 1)).status == "unknown"


def test_the_ledger_reads_the_pairs_newest_report(tmp_path):
    from tests.commitments.conftest import text_ledger

    rows = text_ledger(tmp_path, {
        "a.md": ("2020-03-01", "Russia promised to deliver 500,000 tonnes of wheat to Egypt."),
        "b.md": ("2020-08-01", "Russia pledged to build a grain terminal in Egypt."),
        "c.md": ("2024-05-01", "Russia promised to supply Egypt with fertiliser."),
    })
    status = {r["object"]: r["status"] for r in rows}
    # the newest report on the pair (2024) came years after the wheat and terminal promises: unknown;
    # the fertiliser promise is the newest word on the pair: still open
    assert status.get("fertiliser") == "pending", rows
    assert status.get("wheat") == "unknown", rows
