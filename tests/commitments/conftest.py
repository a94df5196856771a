"""Shared helpers for the commitment tests: the text ledger of a few invented dated reports, run through the
real ingest pipeline with the commitment stage only."""

from __future__ import annotations

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
