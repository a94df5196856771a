"""Article ingest throughput on the demo corpus: documents and sentences per second."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from trustledger.ingest.pipeline import IngestOptions, Ingestor
from trustledger.nlp.model import load_model
from trustledger.store.db import Store

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    load_model()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.duckdb")
        t = time.perf_counter()
        report = Ingestor(store, IngestOptions(code=False)).run([str(ROOT / "examples")])
        dt = time.perf_counter() - t
        docs, sents = report.total("documents"), report.total("sentences")
        print(f"article ingest (no coding): {docs} documents, {sents} sentences in {dt:.2f} s "
              f"= {docs / dt:.1f} docs/s, {sents / dt:.0f} sentences/s")
        store.close()


if __name__ == "__main__":
    main()
