"""The Spark engine against the local engine (issue 8 benchmarks), side by side.

1. Event import: a 2-million-row GDELT 2.0 export generated with DuckDB SQL
   (`trustledger.spark.synthetic.write_gdelt`: a few states and government/military roles
   dominate, CAMEO codes with their quad classes and Goldstein weights, 2000–2020), loaded by
   `ingest` with the local engine and with `--engine spark` (Spark local[2]); events per second.
2. Coding: 20,000 sentences (the examples/corpus sentences, repeated with varied years, numbers
   and sentence order so that no two documents are alike) re-coded by `code` with each engine —
   spaCy parse, event coder and commitment finder; sentences per second.
3. Aggregation for assess/compare (dyad-year acts, quad totals, UN agreement) over the events of 1.

The Spark start-up (JVM, SparkSession) is timed once, separately, and is not in the Spark
figures. Sizes can be lowered for a quick look: BENCH_SPARK_ROWS, BENCH_SPARK_SENTENCES.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

N_ROWS = int(os.environ.get("BENCH_SPARK_ROWS", 2_000_000))
N_SENTENCES = int(os.environ.get("BENCH_SPARK_SENTENCES", 20_000))
MASTER = "local[2]"


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    return time.perf_counter() - t0, out


def import_events(path: Path, db: Path, spark: bool) -> tuple[float, int]:
    from rich.console import Console

    from trustledger.ingest.pipeline import IngestOptions, Ingestor
    from trustledger.spark.documents import spark_ingest
    from trustledger.store.db import Store

    with Store(db) as store:
        console = Console(stderr=True, quiet=True)
        if spark:
            seconds, report = timed(spark_ingest, store, [str(path)], IngestOptions(), console, master=MASTER)
        else:
            seconds, report = timed(Ingestor(store, IngestOptions(), console).run, [str(path)])
        assert not report.failed, report.failed
        return seconds, report.total("events")


def sentences_corpus(tmp: Path) -> list[str]:
    """The corpus's sentences, split by spaCy once (not timed)."""
    from trustledger.ingest.pipeline import IngestOptions, Ingestor
    from trustledger.store.db import Store

    with Store(tmp / "corpus.duckdb") as store:
        Ingestor(store, IngestOptions(code=False)).run([str(ROOT / "examples" / "corpus")])
        return [r[0] for r in store.con.execute("SELECT text FROM sentences ORDER BY doc_id, sentence_index").fetchall()
                if len(r[0].split()) >= 5]


def varied_documents(sentences: list[str], total: int, per_doc: int = 10) -> list[str]:
    """Documents of `per_doc` corpus sentences with shifted years and numbers, `total` sentences in all."""
    rng = random.Random(8)
    docs, n = [], 0
    while n < total:
        shift = rng.randint(-8, 8)
        picked = rng.sample(sentences, min(per_doc, len(sentences)))
        def moved(m: re.Match, shift: int = shift) -> str:
            return str(int(m.group(1)) + shift)

        text = " ".join(re.sub(r"\b(19[5-9]\d|20[0-2]\d)\b", moved, s) for s in picked)
        docs.append(f"MOSCOW, May {rng.randint(1, 28)} — " + text)
        n += len(picked)
    return docs


def coding_store(db: Path, docs: list[str]) -> None:
    """A store holding the documents only (no sentences, no events): `code` parses and codes them all."""
    import datetime as dt

    import pyarrow as pa

    from trustledger.ingest.pipeline import doc_id_for
    from trustledger.store.db import Store

    ids = [doc_id_for(t) for t in docs]
    with Store(db) as store:
        store.insert_arrow("documents", pa.table({
            "doc_id": ids, "story_id": ids, "text": docs, "title": [None] * len(docs),
            "date": pa.array([dt.date(2015, 5, 1)] * len(docs), pa.date32()),
            "n_sentences": pa.array([0] * len(docs), pa.int32()), "path": ["bench"] * len(docs),
        }))


def recode(db: Path, spark: bool) -> tuple[float, int]:
    from trustledger.coding.recode import recode as local_recode
    from trustledger.spark.recode import spark_recode
    from trustledger.store.db import Store

    with Store(db) as store:
        if spark:
            seconds, result = timed(spark_recode, store, master=MASTER)
        else:
            seconds, result = timed(local_recode, store)
        return seconds, result.sentences


def aggregate(db: Path, spark: bool) -> float:
    from trustledger.analysis.aggregates import compute_local
    from trustledger.spark.aggregate import compute_spark
    from trustledger.store.db import Store

    with Store(db) as store:
        if spark:
            t = compute_spark(store, master=MASTER)
            return t["export"] + t["aggregate"] + t["load"]
        return timed(compute_local, store)[0]


def step(name: str, local_s: float, spark_s: float) -> None:
    print(f"  {name}: local {local_s:.1f} s, Spark {spark_s:.1f} s", flush=True)


def main() -> None:
    from trustledger.spark.session import get_spark
    from trustledger.spark.synthetic import write_gdelt

    with tempfile.TemporaryDirectory(prefix="bench-spark-") as tmp_name:
        tmp = Path(tmp_name)
        t_gen, path = timed(write_gdelt, tmp / "20150101.export.CSV", N_ROWS, 2)
        print(f"generated {N_ROWS:,} GDELT 2.0 rows ({path.stat().st_size / 1e6:.0f} MB) in {t_gen:.1f} s", flush=True)
        t_start, _ = timed(get_spark, MASTER)
        print(f"Spark start-up ({MASTER}, JVM + SparkSession): {t_start:.1f} s (not in the Spark figures below)\n",
              flush=True)

        rows = []
        t_local, n_local = import_events(path, tmp / "local.duckdb", spark=False)
        t_spark, n_spark = import_events(path, tmp / "spark.duckdb", spark=True)
        assert n_local == n_spark, (n_local, n_spark)
        step("GDELT import", t_local, t_spark)
        rows.append((f"GDELT import ({N_ROWS:,} rows)", "events/s", n_local / t_local, n_spark / t_spark,
                     t_local, t_spark))

        a_local = aggregate(tmp / "local.duckdb", spark=False)
        a_spark = aggregate(tmp / "spark.duckdb", spark=True)
        step("aggregates", a_local, a_spark)
        rows.append((f"aggregates over {n_local:,} events", "events/s", n_local / a_local, n_local / a_spark,
                     a_local, a_spark))

        docs = varied_documents(sentences_corpus(tmp), N_SENTENCES)
        coding_store(tmp / "code-local.duckdb", docs)
        shutil.copy(tmp / "code-local.duckdb", tmp / "code-spark.duckdb")
        c_local, s_local = recode(tmp / "code-local.duckdb", spark=False)
        c_spark, s_spark = recode(tmp / "code-spark.duckdb", spark=True)
        assert s_local == s_spark, (s_local, s_spark)
        step("coding", c_local, c_spark)
        rows.append((f"coding ({s_local:,} sentences)", "sentences/s", s_local / c_local, s_spark / c_spark,
                     c_local, c_spark))

        print()
        print(f"{'':36} {'unit':>12} {'local':>10} {'Spark ' + MASTER:>15} {'local s':>9} {'Spark s':>9}")
        for name, unit, a, b, ta, tb in rows:
            print(f"{name:36} {unit:>12} {a:>10,.0f} {b:>15,.0f} {ta:>9.1f} {tb:>9.1f}")
        print(f"\nSpark start-up, paid once per process: {t_start:.1f} s. Machine: {os.cpu_count()} cores.")


if __name__ == "__main__":
    main()
