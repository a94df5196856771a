"""The ingest stage: commitment and outcome mentions from each new document's parse.

Registered in TEXT_STAGES, it runs inside each article file's transaction on the spaCy parse
ingest already made (no second parse). Linking mentions into commitments and judging them
needs every document, so it runs once per ingest run, from AFTER_INGEST (after any file, text or
SIPRI, so that the order of ingest does not matter).
"""

from __future__ import annotations

import pyarrow as pa

from trustledger.commitments.detect import CommitmentFinder
from trustledger.commitments.outcomes import OutcomeFinder
from trustledger.commitments.records import CommitmentMention, OutcomeMention
from trustledger.commitments.sentence import views
from trustledger.ingest.pipeline import AFTER_INGEST, TEXT_STAGES
from trustledger.store.db import Store


def find_in_document(doc, sentences, doc_id: str, doc_date, story_id: str | None = None
                     ) -> tuple[list[CommitmentMention], list[OutcomeMention]]:
    """Commitment and outcome mentions of one parsed document, in sentence order."""
    vs, ctx = views(doc, sentences, doc_id, doc_date, story_id)
    cf, of = CommitmentFinder(ctx), OutcomeFinder(ctx)
    commitments: list[CommitmentMention] = []
    outcomes: list[OutcomeMention] = []
    for v in vs:
        ctx.objects.note(v.qualified())
        commitments.extend(cf.find(v))
        outcomes.extend(of.find(v))
    return commitments, outcomes


def mentions_table(rows: list[CommitmentMention]) -> pa.Table:
    return pa.table({
        "mention_id": [m.mention_id for m in rows],
        "doc_id": [m.doc_id for m in rows],
        "sentence_index": pa.array([m.sentence_index for m in rows], pa.int32()),
        "story_id": [m.story_id for m in rows],
        "char_start": pa.array([m.char_start for m in rows], pa.int32()),
        "char_end": pa.array([m.char_end for m in rows], pa.int32()),
        "text": [m.text for m in rows],
        "promisor": [m.promisor for m in rows],
        "promisee": [m.promisee for m in rows],
        "kind": [m.kind for m in rows],
        "object": [m.object for m in rows],
        "what": [m.what for m in rows],
        "terms": pa.array([m.terms for m in rows], pa.list_(pa.string())),
        "amount": [m.amount for m in rows],
        "quantity": pa.array([m.quantity for m in rows], pa.int32()),
        "made": pa.array([m.made for m in rows], pa.date32()),
        "made_precision": [m.made_precision for m in rows],
        "made_explicit": [m.made_explicit for m in rows],
        "due": pa.array([m.due for m in rows], pa.date32()),
        "due_precision": [m.due_precision for m in rows],
        "grace_days": pa.array([m.grace_days for m in rows], pa.int32()),
        "due_first": [m.due_first for m in rows],
        "is_new": [m.is_new for m in rows],
        "implied": [m.implied for m in rows],
        "trigger": [m.trigger for m in rows],
        "doc_date": pa.array([m.doc_date for m in rows], pa.date32()),
    })


def outcomes_table(rows: list[OutcomeMention]) -> pa.Table:
    return pa.table({
        "outcome_id": [o.outcome_id for o in rows],
        "origin": ["text"] * len(rows),
        "actor": [o.actor for o in rows],
        "counterpart": [o.counterpart for o in rows],
        "kind": [o.kind for o in rows],
        "what": [o.what for o in rows],
        "object": [o.object for o in rows],
        "terms": pa.array([o.terms for o in rows], pa.list_(pa.string())),
        "quantity": pa.array([o.quantity for o in rows], pa.int32()),
        "date": pa.array([o.date for o in rows], pa.date32()),
        "date_precision": [o.date_precision for o in rows],
        "date_explicit": [o.date_explicit for o in rows],
        "doc_id": [o.doc_id for o in rows],
        "sentence_index": pa.array([o.sentence_index for o in rows], pa.int32()),
        "story_id": [o.story_id for o in rows],
        "text": [o.text for o in rows],
        "context": pa.array([o.context for o in rows], pa.list_(pa.string())),
    })


def _unique(rows, key):
    seen, out = set(), []
    for r in rows:
        k = key(r)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def commitments_stage(store: Store, docs: list) -> int:
    """TEXT_STAGE: store the commitment and outcome mentions of the new documents.
    Returns 0: these are not events (the ingest summary counts events)."""
    mentions: list[CommitmentMention] = []
    outcomes: list[OutcomeMention] = []
    for nd in docs:
        if nd.spacy_doc is None:
            continue
        c, o = find_in_document(nd.spacy_doc, nd.sentences, nd.doc_id, nd.raw.date, nd.story_id)
        mentions.extend(c)
        outcomes.extend(o)
    mentions = _unique(mentions, lambda m: m.mention_id)
    outcomes = _unique(outcomes, lambda o: o.outcome_id)
    if mentions:
        store.insert_arrow("commitment_mentions", mentions_table(mentions))
    if outcomes:
        store.insert_arrow("outcomes", outcomes_table(outcomes))
    return 0


def after_ingest(store: Store) -> None:
    """Re-link every mention and outcome, merge SIPRI deals into the promises found in text about
    them (`same_deal`), then rebuild the ledger, in one transaction."""
    from trustledger.commitments import ledger, link, same_deal

    with store.transaction():
        link.relink(store)
        same_deal.merge(store)
        ledger.rebuild(store)


if commitments_stage not in TEXT_STAGES:
    TEXT_STAGES.append(commitments_stage)
if after_ingest not in AFTER_INGEST:
    AFTER_INGEST.append(after_ingest)
