"""`trustledger code`: re-code every stored document after the dictionaries or rules changed.

Stored texts are parsed again (nlp.pipe in batches, on two processes for large stores), then
every text stage (trustledger/stages.py) runs again inside one transaction that first removes
what those stages derived from text. A failure leaves the store exactly as it was (a sentence a
stage cannot analyse is recorded in `stage_errors`, as at ingest). Events and rows from structured
data sets are never touched.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from trustledger.store.db import Store

BATCH_DOCS = 2000  # large batches: two worker processes pay their start-up once per batch


@dataclass
class RecodeResult:
    documents: int = 0
    sentences: int = 0
    removed: int = 0
    events: int = 0
    failed_sentences: int = 0


def recode(store: Store, actor_files: list[str] | None = None, verb_files: list[str] | None = None,
           progress: bool = False, console: Console | None = None) -> RecodeResult:
    from trustledger.ingest.articles import RawDocument
    from trustledger.ingest.pipeline import IngestOptions, _sentences_table
    from trustledger.nlp.model import pipe, worker_count
    from trustledger.nlp.sentences import sentences_of
    from trustledger.stages import NewDocument, text_stages

    # bad dictionary files fail here, before any change
    stages = text_stages(IngestOptions(actor_files=list(actor_files or []), verb_files=list(verb_files or [])))
    result = RecodeResult()
    total_docs, total_chars = store.con.execute("SELECT count(*), coalesce(sum(length(text)), 0) FROM documents"
                                                ).fetchone()
    n_process = worker_count(total_docs, total_chars)
    bar = Progress(TextColumn("[bold]re-coding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=console or Console(stderr=True), transient=True, disable=not progress)
    with bar, store.transaction():
        task = bar.add_task("documents", total=total_docs)
        result.removed = store.con.execute("SELECT count(*) FROM events WHERE origin = 'text'").fetchone()[0]
        for stage in stages:
            stage.clear(store)
        last = ""
        while True:
            rows = store.con.execute("SELECT doc_id, story_id, text, title, date, source, url, path, line "
                                     "FROM documents WHERE doc_id > ? ORDER BY doc_id LIMIT ?",
                                     [last, BATCH_DOCS]).fetchall()
            if not rows:
                break
            last = rows[-1][0]
            docs = [NewDocument(r[0], r[1], RawDocument(text=r[2], path=r[7] or "", title=r[3], date=r[4],
                                                        url=r[6], source=r[5], line=r[8]), [])
                    for r in rows]
            parsed = pipe([d.raw.text for d in docs], batch_size=32, n_process=n_process if len(docs) > 64 else 1)
            for d, sdoc in zip(docs, parsed, strict=True):
                d.spacy_doc = sdoc
                d.sentences = sentences_of(sdoc)
            ids = [d.doc_id for d in docs]
            store.con.execute("DELETE FROM sentences WHERE doc_id IN (SELECT unnest(?))", [ids])
            store.insert_arrow("sentences", _sentences_table(docs))
            for stage in stages:
                added = stage.on_documents(store, docs)
                result.events += added.events
                result.failed_sentences += added.failed_sentences
            result.documents += len(docs)
            result.sentences += sum(len(d.sentences) for d in docs)
            bar.advance(task, len(docs))
    for stage in stages:
        stage.after_run(store)
    return result
