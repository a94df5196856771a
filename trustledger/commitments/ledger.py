"""The ledger: one judged row per commitment, for every origin (text and SIPRI).

`rebuild(store)` recomputes the whole table from `commitments` and their linked outcomes
(see `rules.judge` for the status rules). The reference date for "not yet due" is the newest
report on the promise's pair of states (a promise is judged as far as the news of its pair runs:
a 1993 deadline is not overdue in reports on the pair that end in 1991, whatever else the store
holds), else the newest evidence date in the store (documents, outcomes, commitments), or today
for an empty store. A promise with no term that the newest report on its pair still tells is
open as of that report (`pending`).

A SIPRI deal merged into the text commitment of the same deal (`same_as`, see `same_deal.py`) lends
its deliveries to that commitment: the surviving row is judged on the outcomes of both, and its
reason says which deal corroborates it. The merged row keeps its own judgement (shown on request).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TypeVar

import pyarrow as pa

from trustledger.commitments.aliases import category_of
from trustledger.commitments.rules import Outcome, Verdict, judge, open_as_of
from trustledger.commitments.timex import period_end
from trustledger.store.db import Store
from trustledger.words import words

T = TypeVar("T")


def merged_deals(store: Store, survivors: Iterable[str] | None = None) -> dict[str, list[str]]:
    """Surviving commitment -> the SIPRI deals merged into it (`same_as`), sorted; all of them, or
    those of `survivors`. The one place that reads the merge, for the judgement and the listing."""
    sql = "SELECT commitment_id, same_as FROM commitments WHERE same_as IS NOT NULL"
    params: list = []
    if survivors is not None:
        sql += " AND same_as IN (SELECT unnest(?))"
        params.append(list(survivors))
    out: dict[str, list[str]] = defaultdict(list)
    for r in store.query(sql + " ORDER BY commitment_id", params):
        out[r["same_as"]].append(r["commitment_id"])
    return dict(out)


def with_merged(own: Mapping[str, list[T]], merged: Mapping[str, list[str]], cid: str) -> list[T]:
    """The outcomes a commitment is judged and shown with: its own, then those of every deal merged
    into it (a merged deal's deliveries count for the text commitment of the same deal)."""
    return [*own.get(cid, ()), *(o for m in merged.get(cid, ()) for o in own.get(m, ()))]


#: Words of a delivery reported as complete: "all the tanks have arrived", "completed the pullout".
COMPLETE = re.compile(r"\b(all|every|completed?|completes|completing|finished|final|last|whole|entire|remaining|"
                      r"rest of|fully|in full)\b", re.I)


def first_deliveries_as_parts(outs: list[dict]) -> list[dict]:
    """When a later report of the same commitment says the delivery is complete ("every tank pledged
    is now in the country"), an earlier delivery that did not say so ("welcomed the arrival of the
    tanks") was a part of it: it becomes `delivered_partial`, and the promise is fulfilled by the
    complete one. Outcomes of other commitments and dated the same day are left as they are."""
    complete: dict[str, dt.date] = {}
    for o in outs:
        if o["kind"] == "delivered" and o["date"] and COMPLETE.search(o["text"] or ""):
            cid = o["commitment_id"]
            complete[cid] = max(complete.get(cid, o["date"]), o["date"])
    out = []
    for o in outs:
        last = complete.get(o["commitment_id"])
        if o["kind"] == "delivered" and last and o["date"] and o["date"] < last and \
                not COMPLETE.search(o["text"] or ""):
            o = {**o, "kind": "delivered_partial"}
        out.append(o)
    return out


#: Verbs of halting (suspension_verbs.txt, and "cease", "end"): a promise to halt an activity.
HALT = words("suspension_verbs") | {"cease", "end"}


def halted_as_kept(kind: str, what: str | None, outcome_kind: str, outcome_object: str | None) -> str:
    """A promise to halt an activity ("suspend enrichment", "freeze the tests") is carried out by
    halting it: a report that the activity is suspended is the promise kept so far (`observed`), not
    a breach; suspending the agreement itself ("suspended its participation in the deal") stays one."""
    verb = (what or "").split(" ")[0]
    if kind == "refrain" and outcome_kind == "suspended" and verb in HALT and \
            category_of(outcome_object or "") != "agreement":
        return "observed"
    return outcome_kind


def _kept_so_far(kind: str, v: Verdict, outcomes: list[Outcome]) -> Verdict:
    """A promise not to act with no end date ("observe the ceasefire") that a report says is being
    kept ("the ceasefire is holding") and none says was broken is kept, as of the last such report;
    the rules (`rules.judge`) would leave it unknown for want of an end date."""
    seen = [o.date for o in outcomes if o.kind == "observed" and o.date]
    if kind != "refrain" or v.status != "unknown" or not seen:
        return v
    last = max(seen)
    return Verdict("kept", last, None, f"observed as of {last.isoformat()}, no violation reported")


def reference_date(store: Store) -> dt.date:
    row = store.con.execute(
        "SELECT greatest((SELECT max(date) FROM documents), (SELECT max(date) FROM outcomes), "
        "(SELECT max(made) FROM commitments))").fetchone()
    return row[0] if row and row[0] else dt.date.today()


def newest_on_pairs(store: Store) -> dict[frozenset, dt.date]:
    """Per pair of states (either direction), the date of the newest report that states a promise
    between them or an outcome of one: how far the news of the pair has run."""
    rows = store.con.execute(
        "SELECT least(p1, p2), greatest(p1, p2), max(d) FROM ("
        "  SELECT m.promisor AS p1, m.promisee AS p2, doc.date AS d FROM commitment_mentions m"
        "  JOIN documents doc USING (doc_id)"
        "  UNION ALL"
        "  SELECT c.promisor, c.promisee, o.date FROM outcomes o JOIN commitments c USING (commitment_id)"
        ") WHERE p1 IS NOT NULL AND p2 IS NOT NULL AND d IS NOT NULL GROUP BY 1, 2").fetchall()
    return {frozenset((a, b)): d for a, b, d in rows}


def last_told(store: Store) -> dict[str, dt.date]:
    """Per commitment, the date of the newest report that states it."""
    rows = store.con.execute(
        "SELECT e.commitment_id, max(d.date) FROM commitment_evidence e JOIN documents d USING (doc_id) "
        "WHERE d.date IS NOT NULL GROUP BY 1").fetchall()
    return {cid: d for cid, d in rows}


def rebuild(store: Store) -> int:
    """Recompute the ledger table for all commitments; returns the number of rows."""
    ref = reference_date(store)
    commitments = store.query("SELECT commitment_id, kind, what, due, due_precision, grace_days, promisor, promisee, "
                              "made, coalesce(due_first, false) AS due_first, same_deal FROM commitments")
    newest = newest_on_pairs(store)
    told_last = last_told(store)
    halts = {c["commitment_id"]: c["what"] for c in commitments if c["kind"] == "refrain"}
    merged = merged_deals(store)
    outs = store.query(
        "SELECT outcome_id, commitment_id, kind, date, coalesce(date_explicit, true) AS explicit, "
        "coalesce(date_precision, 'day') AS precision, coalesce(text, '') AS text, object FROM outcomes "
        "WHERE commitment_id IS NOT NULL AND duplicate_of IS NULL")
    by_c: dict[str, list[Outcome]] = defaultdict(list)
    for o in first_deliveries_as_parts(outs):
        cid = o["commitment_id"]
        k = halted_as_kept("refrain", halts[cid], o["kind"], o["object"]) if cid in halts else o["kind"]
        by_c[cid].append(Outcome(k, o["date"], bool(o["explicit"]), o["outcome_id"], o["precision"]))
    rows = []
    for c in commitments:
        cid = c["commitment_id"]
        outcomes = with_merged(by_c, merged, cid)
        pair = frozenset((c["promisor"], c["promisee"]))
        v = judge(c["kind"] or "deliver", c["due"], c["due_precision"], c["grace_days"], outcomes,
                  newest.get(pair) or ref, bool(c["due_first"]),
                  open_as_of(c["made"], newest.get(pair), told_last.get(cid)))
        v = _kept_so_far(c["kind"] or "deliver", v, outcomes)
        reason = f"{v.reason}; {c['same_deal']}" if c["same_deal"] else v.reason
        rows.append((cid, v.status, v.fulfilled, v.delay_days, reason,
                     period_end(c["due"], c["due_precision"]) if c["due"] else None))
    store.con.execute("DELETE FROM ledger")
    if rows:
        table = pa.table({
            "commitment_id": [r[0] for r in rows], "status": [r[1] for r in rows],
            "fulfilled": pa.array([r[2] for r in rows], pa.date32()),
            "delay_days": pa.array([r[3] for r in rows], pa.int32()),
            "reason": [r[4] for r in rows], "due_end": pa.array([r[5] for r in rows], pa.date32()),
        })
        store.insert_arrow("ledger", table)
    return len(rows)
