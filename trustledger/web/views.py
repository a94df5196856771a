"""Data that only the web pages show, read from the store in a few queries each: one source
document with its sentences and what was found in it, outcomes grouped per story, CAMEO names and
dates as written, and CSV bodies for the table pages.

The answers of the commands (ledger, events, assessment, comparison) come from `trustledger.queries`
as everywhere else; this module only arranges them for reading. All filtering is SQL with bound
parameters; nothing here writes.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from trustledger.coding.cameo import QUAD_NAMES, lookup
from trustledger.commitments.timex import as_written
from trustledger.output import Format, emit_rows
from trustledger.report import data
from trustledger.store.db import Store


def cameo_name(code: str | None) -> str:
    """The CAMEO codebook's name of an event code ("0311" → its parent's name when unlisted); "" if none."""
    if not code:
        return ""
    try:
        return lookup(str(code)).name
    except (KeyError, ValueError):
        return ""


def quad_name(quad_class: int | None) -> str:
    return QUAD_NAMES.get(quad_class or 0, "")


def written(value: dt.date | None, precision: str | None) -> str:
    """A date with the precision it was written with ("1999" for a year); "–" when missing."""
    return as_written(value, precision) or "–"


def story_ids(store: Store, doc_ids: list[str]) -> dict[str, str]:
    """doc_id → story_id for the given documents (one query)."""
    ids = sorted({d for d in doc_ids if d})
    if not ids:
        return {}
    rows = store.query("SELECT doc_id, story_id FROM documents WHERE list_contains(?, doc_id)", [ids])
    return {r["doc_id"]: r["story_id"] or r["doc_id"] for r in rows}


def outcome_groups(outcomes: list[dict[str, Any]], stories: dict[str, str]) -> list[dict[str, Any]]:
    """Outcomes as a reader wants them: one group per (kind, date as written, story), in date order.

    Copies of one story (and the several sentences of one report that describe the same delivery)
    are one group listing its sentences, so a delivery reported three times reads once. An outcome
    from a data set (no document) is its own group.
    """
    groups: dict[tuple, dict[str, Any]] = {}
    for o in outcomes:
        when = written(o.get("date"), o.get("date_precision"))
        story = stories.get(o.get("doc_id") or "", o.get("story_id") or o.get("doc_id") or o.get("outcome_id"))
        key = (o.get("kind"), when, story)
        g = groups.get(key)
        if g is None:
            g = groups[key] = {"kind": o.get("kind"), "when": when, "date": o.get("date"), "story": story,
                               "items": []}
        g["items"].append(o)
    return sorted(groups.values(), key=lambda g: (g["date"] or dt.date.max, g["kind"] or ""))


def outcome_summary(outcomes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ledger row's outcome cell: one item per (kind, date as written) with how many reports."""
    seen: dict[tuple, dict[str, Any]] = {}
    for o in outcomes:
        key = (o.get("kind"), written(o.get("date"), o.get("date_precision")))
        item = seen.setdefault(key, {"kind": key[0], "when": key[1], "date": o.get("date"), "reports": 0})
        item["reports"] += 1
    return sorted(seen.values(), key=lambda i: (i["date"] or dt.date.max, i["kind"] or ""))


def entry_view(store: Store, entry: dict[str, Any]) -> dict[str, Any]:
    """A ledger entry (with cited documents) plus its outcomes grouped per story."""
    stories = story_ids(store, [o.get("doc_id") for o in entry.get("outcomes") or []])
    return {**entry, "outcome_groups": outcome_groups(entry.get("outcomes") or [], stories)}


def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """One source document with its sentences, the events and commitments found in each sentence,
    the outcomes it reports, and the other copies of its story; None when there is no such document."""
    docs = store.query("SELECT doc_id, story_id, title, date, source, url, path FROM documents WHERE doc_id = ?",
                       [doc_id])
    if not docs:
        return None
    doc = docs[0]
    sentences = store.query("SELECT sentence_index, text FROM sentences WHERE doc_id = ? ORDER BY sentence_index",
                            [doc_id])
    events = store.query(
        "SELECT event_id, sentence_index, date, date_precision, source_code, source_country, target_code, "
        "target_country, cameo, quad_class, goldstein, mode, negated, quote, speaker FROM events "
        "WHERE doc_id = ? ORDER BY sentence_index, char_start NULLS LAST, event_id", [doc_id])
    commitments = store.query(
        "SELECT DISTINCT c.commitment_id, x.sentence_index, c.promisor, c.promisee, c.kind, c.what, c.made, "
        "c.made_precision, c.due, c.due_precision, l.status FROM ("
        "  SELECT commitment_id, sentence_index FROM commitments WHERE doc_id = $doc"
        "  UNION SELECT commitment_id, sentence_index FROM commitment_evidence WHERE doc_id = $doc) x "
        "JOIN commitments c USING (commitment_id) LEFT JOIN ledger l USING (commitment_id) "
        "ORDER BY x.sentence_index, c.commitment_id", {"doc": doc_id})
    outcomes = store.query(
        "SELECT o.outcome_id, o.commitment_id, o.sentence_index, o.kind, o.date, o.date_precision, "
        "c.promisor, c.promisee, c.what FROM outcomes o JOIN commitments c USING (commitment_id) "
        "WHERE o.doc_id = ? ORDER BY o.sentence_index, o.outcome_id", [doc_id])
    copies = store.query("SELECT doc_id, title, date, source FROM documents WHERE story_id = ? AND doc_id <> ? "
                         "ORDER BY date NULLS LAST, doc_id", [doc["story_id"], doc_id]) if doc["story_id"] else []
    by_sentence: dict[int, dict[str, list]] = {}
    for kind, rows in (("events", events), ("commitments", commitments), ("outcomes", outcomes)):
        for r in rows:
            by_sentence.setdefault(r["sentence_index"], {"events": [], "commitments": [], "outcomes": []})[
                kind].append(r)
    empty: dict[str, list] = {"events": [], "commitments": [], "outcomes": []}
    return {**doc, "sentences": [{**s, **by_sentence.get(s["sentence_index"], empty)} for s in sentences],
            "events": events, "commitments": commitments, "outcomes": outcomes, "copies": copies}


def csv_text(rows: list[dict[str, Any]]) -> str:
    """Rows as `trustledger ... --format csv` prints them (nested objects as dotted columns)."""
    buf = io.StringIO()
    emit_rows(rows, Format.csv, out=buf)
    return buf.getvalue()


cited = data.cited
