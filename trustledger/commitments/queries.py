"""The ledger query, shared by the CLI, the Python API and the web app."""

from __future__ import annotations

import datetime as dt
from typing import Any

from trustledger.coding.countries import successor
from trustledger.store.db import Store
from trustledger.store.filters import Where

STATUSES = ("kept", "kept_late", "broken", "pending", "unknown")


def ledger(store: Store, promisor: str | None = None, promisee: str | None = None, status: str | None = None,
           since: dt.date | None = None, until: dt.date | None = None, origin: str | None = None
           ) -> list[dict[str, Any]]:
    """Ledger entries with all their evidence and outcomes (DESIGN.md keys, plus kind, terms,
    amount, origin, reason), oldest promise first."""
    where = Where()
    for column, code in (("promisor", promisor), ("promisee", promisee)):
        if code:
            where.add(f"c.{column} IN (?, ?)", code, "USR" if successor("USR") == code else code)
    (where.add("l.status = ?", status).add("coalesce(c.made, c.due) >= ?", since)
     .add("coalesce(c.made, c.due) <= ?", until).add("c.origin = ?", origin))
    sql = (
        "SELECT c.commitment_id, c.promisor, c.promisee, c.kind, c.what, c.object, c.terms, c.amount, c.quantity, "
        "c.made, c.made_precision, c.due, c.due_precision, l.status, l.fulfilled, l.delay_days, l.reason, "
        "c.origin, c.doc_id, c.sentence_index, c.text FROM commitments c "
        "LEFT JOIN ledger l USING (commitment_id)"
        + where.sql()
        + " ORDER BY c.made NULLS LAST, c.promisor, c.promisee, c.commitment_id")
    rows = store.query(sql, where.params)
    if not rows:
        return []
    ids = [r["commitment_id"] for r in rows]
    ev = store.query(
        "SELECT commitment_id, doc_id, sentence_index, text FROM commitment_evidence "
        "WHERE commitment_id IN (SELECT unnest(?)) ORDER BY commitment_id, doc_id, sentence_index", [ids])
    outs = store.query(
        "SELECT o.outcome_id, o.commitment_id, o.kind, o.date, o.date_precision, o.text, o.doc_id, o.sentence_index "
        "FROM outcomes o WHERE o.commitment_id IN (SELECT unnest(?)) AND o.duplicate_of IS NULL "
        "ORDER BY o.date NULLS LAST, o.doc_id, o.sentence_index", [ids])
    doc_dates = {r["doc_id"]: r["date"] for r in store.query(
        "SELECT doc_id, date FROM documents WHERE doc_id IN (SELECT DISTINCT doc_id FROM commitment_evidence "
        "WHERE commitment_id IN (SELECT unnest(?)))", [ids])}
    evidence: dict[str, list] = {}
    for e in ev:
        evidence.setdefault(e.pop("commitment_id"), []).append(e)
    outcomes: dict[str, list] = {}
    for o in outs:
        outcomes.setdefault(o.pop("commitment_id"), []).append(o)
    out = []
    for r in rows:
        cid = r["commitment_id"]
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
            "reason": r["reason"], "origin": r["origin"],
        })
    return out
