"""The coder as an ingest stage: new documents' parses → rows of the `events` table.

Registered in `TEXT_STAGES`, it runs inside each article file's transaction on the spaCy
parse ingest already made (nothing is parsed twice) and inserts the events through Arrow.
`configure` picks the dictionaries (ours, plus --actors/--verbs files); it is called before
each ingest run from `BEFORE_INGEST` with the run's IngestOptions, and by `trustledger code`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path

import pyarrow as pa

from trustledger.coding.coder import CodedEvent, EventCoder
from trustledger.errors import InputError
from trustledger.ingest import pipeline
from trustledger.store.db import Store

_config: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
_coders: dict[tuple[tuple[str, ...], tuple[str, ...]], EventCoder] = {}


def configure(actor_files: Sequence[str | Path] = (), verb_files: Sequence[str | Path] = ()) -> EventCoder:
    """Use these PETRARCH/Phoenix or trustledger dictionaries on top of ours from now on.
    Files are read here, so a bad file is reported before anything is stored."""
    global _config
    for f in [*actor_files, *verb_files]:
        if not Path(f).is_file():
            raise InputError(str(f), "no such dictionary file")
    _config = (tuple(str(f) for f in actor_files), tuple(str(f) for f in verb_files))
    return coder()


def coder() -> EventCoder:
    """The event coder for the current configuration (built once, then reused)."""
    if _config not in _coders:
        from trustledger.coding.actors import ActorResolver
        from trustledger.coding.verbs import VerbLexicon

        actors, verbs = _config
        resolver = ActorResolver.default()
        if actors:
            resolver = resolver.with_dictionaries(actors)
        lexicon = VerbLexicon.default().with_files(verbs) if verbs else VerbLexicon.default()
        _coders[_config] = EventCoder(resolver, lexicon)
    return _coders[_config]


def event_id(doc_id: str, sentence_index: int, source: str, cameo: str, target: str | None, char_start: int) -> str:
    key = "|".join([doc_id, str(sentence_index), source, cameo, target or "", str(char_start)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def events_table(rows: Iterable[tuple[str, str, str, CodedEvent]]) -> pa.Table:
    """(doc_id, story_id, sentence text, event) → an Arrow table in the `events` layout."""
    cols: dict[str, list] = {k: [] for k in (
        "event_id", "origin", "doc_id", "sentence_index", "story_id", "text", "date", "date_precision",
        "source_text", "source_code", "source_country", "source_role", "target_text", "target_code",
        "target_country", "target_role", "cameo", "root", "quad_class", "goldstein", "mode", "quote", "speaker",
        "negated", "char_start", "char_end", "why")}
    for doc_id, story_id, text, e in rows:
        t = e.target
        cols["event_id"].append(event_id(doc_id, e.sentence_index, e.source.code, e.cameo,
                                         t.code if t else None, e.char_start))
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
    types = {"sentence_index": pa.int32(), "date": pa.date32(), "quad_class": pa.int8(), "goldstein": pa.float64(),
             "quote": pa.bool_(), "negated": pa.bool_(), "char_start": pa.int32(), "char_end": pa.int32()}
    return pa.table({k: pa.array(v, types.get(k, pa.string())) for k, v in cols.items()})


def code_documents(store: Store, docs: list) -> int:
    """TEXT_STAGE: code the new documents of one file and store their events; returns the count."""
    c = coder()
    rows: list[tuple[str, str, str, CodedEvent]] = []
    for nd in docs:
        if nd.spacy_doc is None:
            continue
        texts = {s.index: s.text for s in nd.sentences}
        for e in c.code_doc(nd.spacy_doc, nd.raw.date):
            rows.append((nd.doc_id, nd.story_id, texts.get(e.sentence_index, ""), e))
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


def configure_from_options(options) -> None:
    """BEFORE_INGEST hook: the run's --actors/--verbs files."""
    configure(getattr(options, "actor_files", ()) or (), getattr(options, "verb_files", ()) or ())


if code_documents not in pipeline.TEXT_STAGES:
    pipeline.TEXT_STAGES.insert(0, code_documents)
_before = getattr(pipeline, "BEFORE_INGEST", None)
if _before is not None and configure_from_options not in _before:
    _before.append(configure_from_options)
