"""The ledger query, shared by the CLI, the Python API and the web app."""

from __future__ import annotations

import datetime as dt
from typing import Any

from trustledger.commitments.ledger import merged_deals, with_merged
from trustledger.commitments.timex import as_written
from trustledger.predecessors import with_predecessors
from trustledger.store.db import Store
from trustledger.store.filters import Where

STATUSES = ("kept", "kept_late", "broken", "pending", "unknown")


def _outcome_order(o: dict[str, Any]) -> tuple:
    """Oldest first, undated last (the SQL's order, kept once a merged deal's outcomes are added)."""
    return (o["date"] is None, o["date"] or dt.date.min, o["doc_id"] is None, o["doc_id"] or "",
            o["sentence_index"] or 0, o["outcome_id"])


def ledger(store: Store, promisor: str | None = None, promisee: str | None = None, status: str | None = None,
           since: dt.date | None = None, until: dt.date | None = None, origin: str | None = None,
           show_merged: bool = False) -> list[dict[str, Any]]:
    """Ledger entries with all their evidence and outcomes (DESIGN.md keys, plus kind, terms,
    amount, origin, reason, corroborated_by, same_as), oldest promise first.

    A SIPRI deal merged into the text commitment of the same deal (`same_as`) is one entry: the
    text commitment, with the deal's id in `corroborated_by` and its deliveries among `outcomes`;
    the merged row itself is left out unless `show_merged`."""
    where = Where()
    for column, code in (("promisor", promisor), ("promisee", promisee)):
        if code:  # a state's record includes the states it continues (RUS: the Soviet Union's too)
            where.add(f"c.{column} IN (SELECT unnest(?))", with_predecessors(code))
    (where.add("l.status = ?", status).add("coalesce(c.made, c.due) >= ?", since)
     .add("coalesce(c.made, c.due) <= ?", until).add("c.origin = ?", origin))
    if not show_merged:
        where.add("c.same_as IS NULL")
    sql = (
        "SELECT c.commitment_id, c.promisor, c.promisee, c.kind, c.what, c.object, c.terms, c.amount, c.quantity, "
        "c.made, c.made_precision, c.due, c.due_precision, l.status, l.fulfilled, l.delay_days, l.reason, "
        "c.origin, c.doc_id, c.sentence_index, c.text, c.same_as FROM commitments c "
        "LEFT JOIN ledger l USING (commitment_id)"
        + where.sql()
        + " ORDER BY c.made NULLS LAST, c.promisor, c.promisee, c.commitment_id")
    rows = store.query(sql, where.params)
    if not rows:
        return []
    ids = [r["commitment_id"] for r in rows]
    corroborated = merged_deals(store, ids)
    ev = store.query(
        "SELECT commitment_id, doc_id, sentence_index, text FROM commitment_evidence "
        "WHERE commitment_id IN (SELECT unnest(?)) ORDER BY commitment_id, doc_id, sentence_index", [ids])
    merged_ids = sorted({m for ms in corroborated.values() for m in ms})
    outs = store.query(
        "SELECT o.outcome_id, o.commitment_id, o.kind, o.date, o.date_precision, o.text, o.doc_id, o.sentence_index "
        "FROM outcomes o WHERE o.commitment_id IN (SELECT unnest(?)) AND o.duplicate_of IS NULL "
        "ORDER BY o.date NULLS LAST, o.doc_id NULLS LAST, o.sentence_index, o.outcome_id", [ids + merged_ids])
    doc_dates = {r["doc_id"]: r["date"] for r in store.query(
        "SELECT doc_id, date FROM documents WHERE doc_id IN (SELECT DISTINCT doc_id FROM commitment_evidence "
        "WHERE commitment_id IN (SELECT unnest(?)))", [ids])}
    evidence: dict[str, list] = {}
    for e in ev:
        evidence.setdefault(e.pop("commitment_id"), []).append(e)
    own: dict[str, list] = {}
    for o in outs:
        own.setdefault(o.pop("commitment_id"), []).append(o)
    outcomes = {cid: [dict(o) for o in with_merged(own, corroborated, cid)] for cid in ids}
    outcomes = {cid: sorted(os, key=_outcome_order) for cid, os in outcomes.items()}

    out = []
    for r in rows:
        cid = r["commitment_id"]
        ful_p = next((o["date_precision"] for o in outcomes.get(cid, []) if o["date"] == r["fulfilled"]
                      and o["kind"] in ("delivered", "delivered_partial")), None) if r["fulfilled"] else None
        evs = evidence.get(cid) or ([{"doc_id": r["doc_id"], "sentence_index": r["sentence_index"],
                                      "text": r["text"]}] if r["doc_id"] else [])
        evs.sort(key=lambda e: (doc_dates.get(e["doc_id"]) or dt.date.max, e["doc_id"] or "",
                                e["sentence_index"] or 0))
        out.append({
            "commitment_id": cid, "promisor": r["promisor"], "promisee": r["promisee"], "what": r["what"],
            "made": r["made"], "due": r["due"], "status": r["status"] or "unknown", "fulfilled": r["fulfilled"],
            "delay_days": r["delay_days"], "evidence": evs, "outcomes": outcomes.get(cid, []),
            "kind": r["kind"], "object": r["object"], "terms": list(r["terms"] or []), "amount": r["amount"],
            "quantity": r["quantity"], "made_precision": r["made_precision"], "due_precision": r["due_precision"],
            "reason": r["reason"], "origin": r["origin"], "fulfilled_precision": ful_p or (
                "day" if r["fulfilled"] else None),
            "made_text": as_written(r["made"], r["made_precision"]),
            "due_text": as_written(r["due"], r["due_precision"]),
            "fulfilled_text": as_written(r["fulfilled"], ful_p or "day"),
            "corroborated_by": corroborated.get(cid, []), "same_as": r["same_as"],
        })
    return out
