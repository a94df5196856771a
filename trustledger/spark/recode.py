"""`trustledger code --engine spark`: re-code every stored document on Spark.

The documents leave the store as one Parquet file (DuckDB's COPY); each Spark partition runs
`documents.code_partition` — the same per-partition function `ingest --engine spark` uses, hence
`store_documents` and every text stage of the local engine — and writes its rows as Parquet. The
driver then swaps the text-derived rows in one transaction, exactly the rows the local `recode`
replaces (each stage's `clear`, plus the sentences), and runs each stage's `after_run` (ledger
linking) as the local engine does. A failure anywhere leaves the store as it was.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from trustledger.coding.recode import RecodeResult
from trustledger.ingest import pipeline
from trustledger.spark.documents import load_tables, run_partitions, work_dir_default
from trustledger.stages import text_stages
from trustledger.store.db import Store

#: Columns of `documents._input_table`, read straight from the store.
INPUT_SQL = ("SELECT file_id, doc_id, story_id, minhash, text, title, date, url, source, coalesce(path, '') AS path, "
             "line FROM documents ORDER BY doc_id")


def spark_recode(store: Store, actor_files: list[str] | None = None, verb_files: list[str] | None = None,
                 master: str | None = None, work_dir: str | None = None) -> RecodeResult:
    """Re-code the whole store with the coder and commitment stages running on Spark."""
    options = pipeline.IngestOptions(actor_files=list(actor_files or []), verb_files=list(verb_files or []))
    stages = text_stages(options)  # bad dictionary files fail here, before any change
    result = RecodeResult()
    with tempfile.TemporaryDirectory(dir=work_dir or work_dir_default(), prefix="trustledger-spark-") as tmp:
        out = Path(tmp)
        in_path = out / "input.parquet"
        store.con.execute(f"COPY ({INPUT_SQL}) TO '{in_path.as_posix()}' (FORMAT parquet)")
        result.documents = store.con.execute("SELECT count(*) FROM documents").fetchone()[0]
        if result.documents:
            run_partitions(in_path, out, True, master, options)
        with store.transaction():
            result.removed = store.con.execute("SELECT count(*) FROM events WHERE origin = 'text'").fetchone()[0]
            for stage in stages:
                stage.clear(store)
            store.con.execute("DELETE FROM sentences")  # every document is re-parsed
            loaded = load_tables(store, out)  # documents are all there already: none is added
        result.sentences = loaded.get("sentences", 0)
        result.events = loaded.get("events", 0)
        result.failed_sentences = store.con.execute(
            "SELECT count(*) FROM stage_errors WHERE kind = 'error'").fetchone()[0]
    for stage in stages:
        stage.after_run(store)
    return result
