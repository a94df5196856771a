"""Speed of event coding versus plain spaCy parsing, on the same sentences in the same run.

Prints sentences per second for: nlp.pipe alone (1 and 2 processes), the coder alone on the
parsed docs, and end to end (parse on 2 processes while the main process codes the stream).
Goals (issue 3): coding adds at most 25% to the parse time; end to end >= 450 sentences/s on
2 cores. The coder needs tagger, parser, lemmatizer and NER (dates come from NER), so the
pipeline runs whole; `trustledger.nlp.model.pipe` runs it with one BLAS thread per process.
Texts: the demo corpus (examples/corpus), repeated to a few thousand sentences.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
REPEAT = int(os.environ.get("BENCH_REPEAT", "4"))


def main() -> int:
    from trustledger.coding.coder import EventCoder
    from trustledger.ingest.articles import parse_article
    from trustledger.nlp.model import load_model, pipe

    texts = []
    for p in sorted((ROOT / "examples" / "corpus").glob("*.md")):
        texts.extend(d.text for d in parse_article(p, p.read_text(encoding="utf-8")).documents)
    texts = texts * REPEAT
    nlp = load_model()
    coder = EventCoder()
    coder.code_text("Russia delivered S-300 missiles to Iran.")  # warm up dictionaries and caches
    if coder.fallback is not None and coder.fallback.available:  # the verb fallback's vectors load once
        print("verb fallback: word vectors loaded")

    t0 = time.perf_counter()
    n_default = sum(1 for _ in nlp.pipe(texts, batch_size=32))
    parse0 = time.perf_counter() - t0

    t0 = time.perf_counter()
    docs = list(pipe(texts, batch_size=32))
    parse1 = time.perf_counter() - t0
    n_sent = sum(1 for d in docs for s in d.sents if s.text.strip())

    t0 = time.perf_counter()
    n_events = sum(len(coder.code_doc(d, None)) for d in docs)
    coding = time.perf_counter() - t0
    del docs

    t0 = time.perf_counter()
    for _ in pipe(texts, batch_size=32, n_process=2):
        pass
    parse2 = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_events2 = sum(len(coder.code_doc(d, None)) for d in pipe(texts, batch_size=32, n_process=2))
    end2end = time.perf_counter() - t0
    assert n_events2 == n_events

    print(f"{len(texts)} documents, {n_sent} sentences, {n_events} events; pipeline {nlp.pipe_names}")
    assert n_default == len(texts)
    load = os.getloadavg()
    print(f"  load average at the end (other jobs on the machine): {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} "
          f"on {os.cpu_count()} cores")
    print(f"  nlp.pipe, 1 process, default BLAS threads: {n_sent / parse0:8.0f} sentences/s")
    print(f"  nlp.pipe, 1 process, 1 BLAS thread:        {n_sent / parse1:8.0f} sentences/s")
    print(f"  nlp.pipe, 2 processes, 1 BLAS thread:      {n_sent / parse2:8.0f} sentences/s")
    print(f"  coding only (parsed docs):                 {n_sent / coding:8.0f} sentences/s "
          f"= {coding / parse1:.0%} of the 1-process parse time (goal <= 25%)")
    print(f"  end to end, parse on 2 + code:             {n_sent / end2end:8.0f} sentences/s (goal >= 450)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
