"""Shared helpers for the commitment tests: the text ledger of a few invented dated reports, run through the
real ingest pipeline with the commitment stage only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from trustledger.commitments import queries
from trustledger.store.db import Store


def folder_ledger(folder: Path, db: Path) -> list[dict]:
    """The text ledger of every report in `folder`, ingested into a new store at `db`."""
    import trustledger.ingest.pipeline as pipeline
    from trustledger.commitments.stage import CommitmentStage

    with Store(db) as st:
        pipeline.Ingestor(st, pipeline.IngestOptions(), stages=(CommitmentStage(),)).run([str(folder)])
        return queries.ledger(st, origin="text")


def text_ledger(tmp: Path, docs: dict[str, tuple[str, str]]) -> list[dict]:
    """The text ledger of the invented reports `docs` (file name -> (date, body)), written under `tmp`."""
    folder = tmp / "docs"
    folder.mkdir()
    for name, (date, body) in docs.items():
        (folder / name).write_text(f"---\ntitle: {name}\ndate: {date}\n---\n{body}\n", encoding="utf-8")
    return folder_ledger(folder, tmp / "store.duckdb")


def sentence_mentions(text: str, date: dt.date) -> list:
    """The commitment mentions the detector finds in `text`, read as an article of `date` (no store, no linking)."""
    from trustledger.commitments.stage import find_in_document
    from trustledger.nlp.model import load_model
    from trustledger.nlp.sentences import sentences_of

    doc = load_model()(text)
    return find_in_document(doc, sentences_of(doc), "d", date)[0]


def mention_rows(text: str, date: dt.date) -> list[tuple]:
    """(promisor, promisee, kind, object) of each mention in `text`: what most detection tests compare."""
    return [(c.promisor, c.promisee, c.kind, c.object) for c in sentence_mentions(text, date)]
