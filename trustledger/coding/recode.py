"""`trustledger code`: re-code every stored document after the dictionaries or rules changed.

Stored texts are parsed again (nlp.pipe in batches, on two processes for large stores), then
every TEXT_STAGE runs again — the event coder and the stages registered after it — inside one
transaction that first removes what those stages derived from text. A failure leaves the store
exactly as it was. Events and rows from structured data sets are never touched.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from trustledger.store.db import Store

#: Rows derived from document text, removed before re-coding: (table, condition).
TEXT_DERIVED = (
    ("events", "origin = 'text'"),
    ("commitment_mentions", "true"),
    ("outcomes", "origin = 'text'"),
)
BATCH_DOCS = 2000  # large batches: two worker processes pay their start-up once per batch


@dataclass
class RecodeResult:
    documents: int = 0
    sentences: int = 0
    removed: int = 0
    events: int = 0


def _tables(store: Store) -> set[str]:
    return {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def recode(store: Store, actor_files: list[str] | None = None, verb_files: list[str] | None = None,
           progress: bool = False, console: Console | None = None) -> RecodeResult:
    from trustledger.coding import stage
    from trustledger.ingest import pipeline
    from trustledger.ingest.articles import RawDocument
    from trustledger.ingest.pipeline import NewDocument, _sentences_table
    from trustledger.nlp.model import pipe, worker_count
    from trustledger.nlp.sentences import sentences_of

    pipeline.load_stages()
    stage.configure(actor_files or [], verb_files or [])  # bad dictionary files fail here, before any change
    result = RecodeResult()
    total_docs, total_chars = store.con.execute("SELECT count(*), coalesce(sum(length(text)), 0) FROM documents"
                                                ).fetchone()
    n_process = worker_count(total_docs, total_chars)
    bar = Progress(TextColumn("[bold]re-coding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=console or Console(stderr=True), transient=True, disable=not progress)
    existing = _tables(store)
    with bar, store.transaction():
        task = bar.add_task("documents", total=total_docs)
        for table, cond in TEXT_DERIVED:
            if table in existing:
                n = store.con.execute(f"SELECT count(*) FROM {table} WHERE {cond}").fetchone()[0]
                store.con.execute(f"DELETE FROM {table} WHERE {cond}")
                if table == "events":
                    result.removed = n
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
            for fn in pipeline.TEXT_STAGES:
                n = fn(store, docs)
                if fn is stage.code_documents:
                    result.events += n
            result.documents += len(docs)
            result.sentences += sum(len(d.sentences) for d in docs)
            bar.advance(task, len(docs))
    for hook in pipeline.AFTER_INGEST:
        hook(store)
    return result
