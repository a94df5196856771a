"""Commitment stage speed: finding commitments and outcomes in parsed sentences, and relinking
plus rebuilding the ledger over a store (the demo corpus and the gold set)."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    import trustledger.ingest.pipeline as pipeline
    from trustledger.commitments import ledger, link
    from trustledger.commitments.stage import CommitmentStage, find_in_document
    from trustledger.ingest.articles import parse_article
    from trustledger.nlp.model import load_model
    from trustledger.nlp.sentences import sentences_of
    from trustledger.store.db import Store

    paths = sorted((ROOT / "examples" / "corpus").glob("*.md")) + sorted(
        (ROOT / "bench" / "gold" / "commitments").rglob("*.md"))
    raws = [d for p in paths for d in parse_article(p, p.read_text(encoding="utf-8")).documents]
    nlp = load_model()
    docs = list(nlp.pipe([r.text for r in raws], batch_size=32))
    find_in_document(docs[0], sentences_of(docs[0]), "warm", raws[0].date)
    t0 = time.perf_counter()
    n_sent = n_c = n_o = 0
    for raw, d in zip(raws, docs, strict=True):
        sents = sentences_of(d)
        c, o = find_in_document(d, sents, "x", raw.date)
        n_sent += len(sents)
        n_c += len(c)
        n_o += len(o)
    dt_find = time.perf_counter() - t0
    print(f"finding: {len(docs)} documents, {n_sent} sentences in {dt_find:.2f} s "
          f"({n_sent / dt_find:,.0f} sentences/s); {n_c} commitment and {n_o} outcome mentions")

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.duckdb")
        pipeline.Ingestor(store, pipeline.IngestOptions(), stages=(CommitmentStage(),)).run([str(p) for p in paths])
        t0 = time.perf_counter()
        with store.transaction():
            link.relink(store)
            rows = ledger.rebuild(store)
        print(f"relink + ledger rebuild: {rows} commitments in {time.perf_counter() - t0:.2f} s")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
