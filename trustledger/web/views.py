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
from trustledger.report import data, readable
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


def outcome_groups(store: Store, outcomes: list[dict[str, Any]],
                   stories: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """A commitment's outcomes grouped as the report and `trustledger ledger` group them (one group
    per month, each story once: `report.readable.outcome_groups`), each outcome first given the
    story of its document, so copies of one story count once. `stories` (doc_id → story_id) when the
    caller looked them up already."""
    if stories is None:
        stories = story_ids(store, [o.get("doc_id") for o in outcomes])
    tagged = [{**o, "story_id": o.get("story_id") or stories.get(o.get("doc_id") or "")} for o in outcomes]
    return readable.outcome_groups(tagged)


def outcome_summaries(store: Store, entries: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Each ledger row's outcome cell, by commitment id: one line per group ("December 2007:
    delivered (3 stories)"); the stories of all rows are looked up in one query."""
    stories = story_ids(store, [o.get("doc_id") for c in entries for o in c["outcomes"]])
    return {c["commitment_id"]: [readable.outcome_line(g) for g in outcome_groups(store, c["outcomes"], stories)]
            for c in entries}


def entry_view(store: Store, entry: dict[str, Any]) -> dict[str, Any]:
    """A ledger entry (with cited documents) plus its outcomes grouped (`outcome_groups`)."""
    return {**entry, "outcome_groups": outcome_groups(store, entry.get("outcomes") or [])}


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
