"""The commitment finder as a text stage: commitment and outcome mentions from each new document.

It runs inside each article file's transaction on the spaCy parse ingest already made (no second
parse), sentence by sentence through the run's `SentenceGuard` (a sentence that fails is recorded
in `stage_errors`; the rest of the document is still read). Linking mentions into commitments and
judging them needs every document, so it runs once per ingest run, in `after_run` (after any
file, text or SIPRI, so that the order of ingest does not matter).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pyarrow as pa

from trustledger.commitments.records import CommitmentMention, OutcomeMention
from trustledger.stages import NewDocument, SentenceGuard, StageResult
from trustledger.store.db import Store


class CommitmentStage:
    """Finds commitments and outcomes; links them into the ledger after each run."""

    name = "commitments"

    def on_documents(self, store: Store, docs: Sequence[NewDocument]) -> StageResult:
        """Store the commitment and outcome mentions of the new documents (they are not events)."""
        guard = SentenceGuard(self.name)
        mentions: list[CommitmentMention] = []
        outcomes: list[OutcomeMention] = []
        intents = coded_intents(store, [nd.doc_id for nd in docs if nd.spacy_doc is not None])
        for nd in docs:
            if nd.spacy_doc is None:
                continue
            with guard.document(nd.doc_id):
                find_in_document(nd.spacy_doc, nd.sentences, nd.doc_id, nd.raw.date, nd.story_id, guard=guard,
                                 into=(mentions, outcomes), intents=intents.get(nd.doc_id))
        mentions = _unique(mentions, lambda m: m.mention_id)
        outcomes = _unique(outcomes, lambda o: o.outcome_id)
        if mentions:
            store.insert_arrow("commitment_mentions", mentions_table(mentions))
        if outcomes:
            store.insert_arrow("outcomes", outcomes_table(outcomes))
        return StageResult(failed_sentences=guard.store(store))

    def after_run(self, store: Store) -> None:
        """Re-link every mention and outcome, merge SIPRI deals into the promises found in text about
        them (`same_deal`), then rebuild the ledger, in one transaction."""
        from trustledger.commitments import derived

        derived.rebuild(store)

    def clear(self, store: Store) -> None:
        from trustledger.commitments.derived import LEDGER
        from trustledger.store.derived import invalidate

        invalidate(store, [LEDGER])  # the re-coded rows keep their ids: the ledger must be rebuilt anyway
        store.con.execute("DELETE FROM commitment_mentions")
        store.con.execute("DELETE FROM outcomes WHERE origin = 'text'")
        store.con.execute("DELETE FROM stage_errors WHERE stage = ?", [self.name])


#: CAMEO codes of a stated intent to give or yield something (030-035: cooperate, material and diplomatic
#: cooperation, aid, reform, yield): a promise when it names a thing and two states.
INTENT_CODES = ("030", "031", "032", "033", "034", "035")


def coded_intents(store: Store, doc_ids: list[str]) -> dict[str, dict[int, list[tuple]]]:
    """The coding stage's intents between two states in these documents, by document and sentence:
    (source, target, verb lemma, char start, char end). The coder runs first on each file (stages.py)."""
    if not doc_ids:
        return {}
    t = pa.table({"doc_id": doc_ids})
    store.con.register("_intent_docs", t)
    try:
        rows = store.query(
            "SELECT e.doc_id, e.sentence_index, e.source_country, e.target_country, e.why, e.char_start, e.char_end "
            "FROM events e JOIN _intent_docs d USING (doc_id) WHERE e.origin = 'text' AND substr(e.cameo, 1, 3) IN "
            f"({', '.join(repr(c) for c in INTENT_CODES)}) AND NOT coalesce(e.negated, false) "
            "AND length(e.source_country) = 3 AND length(e.target_country) = 3 "
            "AND e.source_country NOT IN ('IGO', '---') AND e.target_country NOT IN ('IGO', '---') "
            "AND e.source_country <> e.target_country")
    finally:
        store.con.unregister("_intent_docs")
    out: dict[str, dict[int, list[tuple]]] = {}
    for r in rows:
        verb = (r["why"] or "").split(" → ")[0].split()[0].lower() if r["why"] else ""
        out.setdefault(r["doc_id"], {}).setdefault(r["sentence_index"], []).append(
            (r["source_country"], r["target_country"], verb, r["char_start"], r["char_end"]))
    return out


def find_in_document(doc, sentences, doc_id: str, doc_date, story_id: str | None = None,
                     guard: SentenceGuard | None = None,
                     into: tuple[list[CommitmentMention], list[OutcomeMention]] | None = None,
                     intents: dict[int, list[tuple]] | None = None,
                     ) -> tuple[list[CommitmentMention], list[OutcomeMention]]:
    """Commitment and outcome mentions of one parsed document, in sentence order. With a `guard`,
    a sentence that fails is recorded there and skipped; mentions go to `into` as they are found.
    `intents` (see `coded_intents`) adds the promises the event coder read where the detector found
    none between the same two states."""
    commitments, outcomes = into if into is not None else ([], [])
    from trustledger.commitments.detect import CommitmentFinder  # spaCy-bound: only when text comes in
    from trustledger.commitments.outcomes import OutcomeFinder
    from trustledger.commitments.sentence import views

    vs, ctx = views(doc, sentences, doc_id, doc_date, story_id, guard=guard)
    cf, of = CommitmentFinder(ctx), OutcomeFinder(ctx)

    def read(v) -> tuple[list[CommitmentMention], list[OutcomeMention]]:
        ctx.objects.note(v.qualified())
        found = cf.find(v)
        for src, tgt, verb, lo, hi in (intents or {}).get(v.index, []):
            if any({m.promisor, m.promisee} == {src, tgt} for m in found):
                continue
            m = cf.from_event(v, src, tgt, verb, lo, hi)
            if m is not None:
                found.append(m)
        return found, of.find(v)

    first_c, first_o = len(commitments), len(outcomes)
    for v in vs:
        found = read(v) if guard is None else guard.run(v.index, read, v, default=lambda: ([], []))
        commitments.extend(found[0])
        outcomes.extend(found[1])
    named_later(commitments[first_c:], outcomes[first_o:])
    return commitments, outcomes


def named_later(commitments: list[CommitmentMention], outcomes: list[OutcomeMention]) -> None:
    """A thing promised under its kind's name before the report names it ("Ankara pressed ahead with
    buying Russian missile-defence systems ... the S-400"): when the report names exactly one
    designation of that kind, the kind's name ("system", "jet") is that designation, as "the system"
    after it would be (sentence.py reads those back-references). Works without the alias table."""
    from trustledger.commitments.objects import as_written, class_of, is_designation
    from trustledger.commitments.sentence import GENERIC_HEADS

    mentions = [*commitments, *outcomes]
    by_class: dict[str, set[str]] = {}
    for k in {k for m in mentions for k in [m.object, *(m.terms or [])] if is_designation(k)}:
        by_class.setdefault(class_of(k), set()).add(k)
    if not by_class:
        return
    texts = [x.text or "" for x in mentions]
    for m in commitments:
        key = m.object
        if not key or " " in key or key.rstrip("s") not in GENERIC_HEADS and key not in GENERIC_HEADS:
            continue
        head = key.rstrip("s")
        found = {d for d in by_class.get(class_of(key), set())
                 if not (_heads_after(d, texts) - {head, head + "s", key})}
        if len(found) == 1:
            (d,) = found
            if m.what.endswith(" " + key):
                m.what = m.what[: -len(key)] + as_written(d, " ".join(texts))  # "deliver S-400"
            m.object = d
            m.terms = [d, *[t for t in m.terms or [] if t not in (key, d)]]


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


def _heads_after(designation: str, texts: list[str]) -> set[str]:
    """The kind nouns written within three words after a designation ("F-35 fighter", "S-400 air-defence
    systems"): a designation written with another kind's noun is not the thing promised under this one."""
    from trustledger.commitments.sentence import GENERIC_HEADS

    pattern = re.compile(r"(?<![\w-])" + re.escape(designation).replace(r"\-", "[-\\s]?")
                         + r"(?:e?s)?((?:[\s-]+[\w-]+){1,3})", re.I)
    out: set[str] = set()
    for t in texts:
        for m in pattern.finditer(t):
            out |= {w.lower() for w in re.findall(r"[\w]+", m.group(1)) if w.lower().rstrip("s") in GENERIC_HEADS
                    or w.lower() in GENERIC_HEADS}
    return out
