"""The coder as a text stage: new documents' parses → rows of the `events` table.

It runs inside each article file's transaction on the spaCy parse ingest already made (nothing
is parsed twice) and inserts the events through Arrow. Each sentence is coded through the run's
`SentenceGuard`, so a sentence the coder cannot handle is recorded in `stage_errors` and the
rest of its document is still coded. The dictionaries (ours, plus --actors/--verbs files) are
the stage's own settings; coders built from the same files are shared between stages.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from trustledger.errors import InputError
from trustledger.stages import NewDocument, SentenceGuard, StageResult
from trustledger.store.db import Store

if TYPE_CHECKING:  # the coder pulls in spaCy (0.7 s): a run of data sets alone never builds it
    from trustledger.coding.coder import CodedEvent, EventCoder


class CodingStage:
    """Codes events from new documents (see trustledger/stages.py for the protocol)."""

    name = "coder"

    def __init__(self, actor_files: Sequence[str | Path] = (), verb_files: Sequence[str | Path] = ()):
        for f in [*actor_files, *verb_files]:
            if not Path(f).is_file():
                raise InputError(str(f), "no such dictionary file")
        self._files = (tuple(str(f) for f in actor_files), tuple(str(f) for f in verb_files))
        self._coder: EventCoder | None = None
        if actor_files or verb_files:  # a bad dictionary file fails here, before anything is stored
            self._coder = build_coder(*self._files)

    @property
    def coder(self) -> EventCoder:
        """Built on first use: a run of structured files only never codes text, and building our own
        dictionaries takes seconds (issue 17)."""
        if self._coder is None:
            self._coder = build_coder(*self._files)
        return self._coder

    def on_documents(self, store: Store, docs: Sequence[NewDocument]) -> StageResult:
        guard = SentenceGuard(self.name)
        rows: list[tuple[str, str, str, CodedEvent]] = []
        for nd in docs:
            if nd.spacy_doc is None:
                continue
            texts = {s.index: s.text for s in nd.sentences}
            coded: list[CodedEvent] = []
            with guard.document(nd.doc_id):
                self.coder.code_doc(nd.spacy_doc, nd.raw.date, guard=guard, into=coded)
            rows.extend((nd.doc_id, nd.story_id, texts.get(e.sentence_index, ""), e) for e in coded)
        failed = guard.store(store)
        return StageResult(events=insert_events(store, rows), failed_sentences=failed)

    def after_run(self, store: Store) -> None:
        """Events need nothing once all files are in."""

    def clear(self, store: Store) -> None:
        store.con.execute("DELETE FROM events WHERE origin = 'text'")
        store.con.execute("DELETE FROM stage_errors WHERE stage = ?", [self.name])


@functools.cache
def build_coder(actor_files: tuple[str, ...] = (), verb_files: tuple[str, ...] = ()) -> EventCoder:
    """The event coder for these dictionaries on top of ours (built once per set of files: the
    dictionaries are indexed when it is built)."""
    from trustledger.coding.actors import ActorResolver
    from trustledger.coding.coder import EventCoder
    from trustledger.coding.verbs import VerbLexicon

    resolver = ActorResolver.default()
    if actor_files:
        resolver = resolver.with_dictionaries(actor_files)
    lexicon = VerbLexicon.default().with_files(verb_files) if verb_files else VerbLexicon.default()
    return EventCoder(resolver, lexicon, require_target=False)


def event_id(doc_id: str, sentence_index: int, source: str, cameo: str, target: str | None, char_start: int,
             item: int | None = None) -> str:
    """A stable id for an event. `item` (the end of its span) tells apart the events of one deed on several
    listed targets of one code ("seized Bunia, Beni and Kamituga"): only the second and later carry it, so
    every other event keeps the id it always had."""
    parts = [doc_id, str(sentence_index), source, cameo, target or "", str(char_start)]
    key = "|".join(parts + ([str(item)] if item is not None else []))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def events_table(rows: Iterable[tuple[str, str, str, CodedEvent]]) -> pa.Table:
    """(doc_id, story_id, sentence text, event) → an Arrow table in the `events` layout."""
    cols: dict[str, list] = {k: [] for k in (
        "event_id", "origin", "doc_id", "sentence_index", "story_id", "text", "date", "date_precision",
        "source_text", "source_code", "source_country", "source_role", "target_text", "target_code",
        "target_country", "target_role", "cameo", "root", "quad_class", "goldstein", "mode", "quote", "speaker",
        "negated", "char_start", "char_end", "why", "verb_source", "confidence")}
    ids: set[str] = set()
    for doc_id, story_id, text, e in rows:
        t = e.target
        eid = event_id(doc_id, e.sentence_index, e.source.code, e.cameo, t.code if t else None, e.char_start)
        if eid in ids:  # another listed target of the same code: its own event
            eid = event_id(doc_id, e.sentence_index, e.source.code, e.cameo, t.code if t else None, e.char_start,
                           e.char_end)
        ids.add(eid)
        cols["event_id"].append(eid)
        cols["origin"].append("text")
        cols["doc_id"].append(doc_id)
        cols["sentence_index"].append(e.sentence_index)
        cols["story_id"].append(story_id)
        cols["text"].append(text)
        cols["date"].append(e.date)
        cols["date_precision"].append(e.date_precision)
        cols["source_text"].append(e.source.text)
        cols["source_code"].append(e.source.code)
        cols["source_country"].append(e.source.country)
        cols["source_role"].append(e.source.role)
        cols["target_text"].append(t.text if t else None)
        cols["target_code"].append(t.code if t else None)
        cols["target_country"].append(t.country if t else None)
        cols["target_role"].append(t.role if t else None)
        cols["cameo"].append(e.cameo)
        cols["root"].append(e.root)
        cols["quad_class"].append(e.quad_class)
        cols["goldstein"].append(e.goldstein)
        cols["mode"].append(e.mode)
        cols["quote"].append(e.quote)
        cols["speaker"].append(e.speaker)
        cols["negated"].append(e.negated)
        cols["char_start"].append(e.char_start)
        cols["char_end"].append(e.char_end)
        cols["why"].append(e.why)
        cols["verb_source"].append(e.verb_source)
        cols["confidence"].append(e.confidence)
    types = {"sentence_index": pa.int32(), "date": pa.date32(), "quad_class": pa.int8(), "goldstein": pa.float64(),
             "quote": pa.bool_(), "negated": pa.bool_(), "char_start": pa.int32(), "char_end": pa.int32(),
             "confidence": pa.float64()}
    return pa.table({k: pa.array(v, types.get(k, pa.string())) for k, v in cols.items()})


def insert_events(store: Store, rows: list[tuple[str, str, str, CodedEvent]]) -> int:
    """Store coded events (an event already stored is skipped); returns how many were added."""
    if not rows:
        return 0
    table = events_table(rows)
    before = store.con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    store.con.register("_coded_events", table)
    try:
        cols = ", ".join(f'"{c}"' for c in table.column_names)
        store.con.execute(f"INSERT OR IGNORE INTO events ({cols}) SELECT {cols} FROM _coded_events")
    finally:
        store.con.unregister("_coded_events")
    return store.con.execute("SELECT count(*) FROM events").fetchall()[0][0] - before
