"""`ingest --engine spark` and `code --engine spark` for articles.

The driver reads and parses the files (cheap) and assigns near-duplicate stories; Spark runs
the expensive part — spaCy parsing, sentence splitting, the coder and the commitment finder —
per partition with one spaCy pipeline per executor process (`mapInPandas`). Each partition
calls `store_documents`, the very function the local engine calls, on an in-memory store,
and writes that store's tables as Parquet; the driver then loads the Parquet into the DuckDB
store in one transaction. On a cluster, `--spark-dir` must be a folder every node can reach.
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa

from trustledger.ingest.pipeline import FileResult, IngestOptions, Ingestor, IngestReport, _Pending
from trustledger.store.db import Store


def work_dir_default() -> str | None:
    """Where the Parquet hand-off lives: $TRUSTLEDGER_SPARK_DIR (shared storage on a cluster), else /tmp."""
    import os

    return os.environ.get("TRUSTLEDGER_SPARK_DIR") or None


#: Bookkeeping tables that partitions never hand back to the driver.
NOT_TEXT_TABLES = {"meta", "migrations", "source_files", "rejects"}
PARTITION_DOCS = 200
#: Fewer documents than this per partition are not worth a second spaCy pipeline.
MIN_PARTITION_DOCS = 20


def partitions_for(n_docs: int, parallelism: int) -> int:
    """About PARTITION_DOCS documents a partition, at least one partition per core when there are
    enough documents to share out, and at most four partitions per core."""
    by_size = max(n_docs // PARTITION_DOCS + 1, parallelism)
    return max(1, min(by_size, -(-n_docs // MIN_PARTITION_DOCS), parallelism * 4))


def _input_table(pending: list[_Pending]) -> pa.Table:
    docs = [(p.file_id, nd) for p in pending for nd in p.new]
    return pa.table({
        "file_id": [f for f, _ in docs],
        "doc_id": [nd.doc_id for _, nd in docs],
        "story_id": [nd.story_id for _, nd in docs],
        "minhash": pa.array([nd.minhash for _, nd in docs], pa.list_(pa.uint64())),
        "text": [nd.raw.text for _, nd in docs],
        "title": [nd.raw.title for _, nd in docs],
        "date": pa.array([nd.raw.date for _, nd in docs], pa.date32()),
        "url": [nd.raw.url for _, nd in docs],
        "source": [nd.raw.source for _, nd in docs],
        "path": [nd.raw.path for _, nd in docs],
        "line": pa.array([nd.raw.line for _, nd in docs], pa.int64()),
    })


def _value(v: object) -> object:
    """pandas' missing markers (NA, NaN, NaT) as None."""
    try:
        return None if pd.isna(v) else v
    except (TypeError, ValueError):
        return v


def code_partition(frames: Iterator[pd.DataFrame], out_dir: str, code: bool,
                   options: IngestOptions | None = None) -> Iterator[pd.DataFrame]:
    """Executor side: the local engine's own storing code, on an in-memory store per partition.

    `options` builds the text stages here as on the driver, so the coder uses the run's
    --actors/--verbs dictionaries in every executor (their paths must be readable there).
    """
    import os

    os.environ["TRUSTLEDGER_SINGLE_PROCESS"] = "1"  # Spark owns the parallelism
    from trustledger.ingest.articles import RawDocument
    from trustledger.ingest.pipeline import store_documents
    from trustledger.nlp.sentences import parse_documents, sentences_of
    from trustledger.stages import NewDocument, text_stages

    stages = text_stages(options or IngestOptions()) if code else ()
    store = Store(":memory:")
    for frame in frames:
        if frame.empty:
            continue
        docs = []
        for row in frame.itertuples(index=False):  # one object per document for spaCy: not a bulk-data loop
            date = _value(row.date)
            date = date.date() if hasattr(date, "date") else date
            line = _value(row.line)
            raw = RawDocument(text=row.text, path=row.path, title=_value(row.title), date=date, url=_value(row.url),
                              source=_value(row.source), line=None if line is None else int(line))
            minhash = [] if row.minhash is None else [int(v) for v in row.minhash]
            docs.append((row.file_id, NewDocument(row.doc_id, row.story_id, raw, minhash)))
        for (_, nd), sdoc in zip(docs, parse_documents([nd.raw.text for _, nd in docs]), strict=True):
            nd.spacy_doc = sdoc
            nd.sentences = sentences_of(sdoc)
        by_file: dict[str, list] = {}
        for file_id, nd in docs:
            by_file.setdefault(file_id, []).append(nd)
        with store.transaction():
            for file_id, group in by_file.items():
                store_documents(store, group, file_id, stages)
    part = uuid.uuid4().hex
    tables, rows = [], []
    for table in _tables(store):
        n = store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        if n:
            folder = Path(out_dir) / table
            folder.mkdir(parents=True, exist_ok=True)
            store.con.execute(f"COPY {table} TO '{(folder / f'{part}.parquet').as_posix()}' (FORMAT parquet)")
        tables.append(table)
        rows.append(n)
    store.close()
    yield pd.DataFrame({"table": tables, "rows": rows})


def _tables(store: Store) -> list[str]:
    """Every table the text stages may write (whatever later migrations add), documents first."""
    names = [r[0] for r in store.con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name"
    ).fetchall() if r[0] not in NOT_TEXT_TABLES]
    return sorted(names, key=lambda t: (t != "documents", t != "sentences", t))


def run_partitions(input_table: pa.Table | Path, out_dir: Path, code: bool, master: str | None,
                   options: IngestOptions | None = None) -> dict[str, int]:
    """Drive Spark over the input documents (an Arrow table, or a Parquet file in the `_input_table`
    layout); returns rows produced per table."""
    from trustledger.spark.session import get_spark

    spark = get_spark(master)
    if isinstance(input_table, Path):
        in_path = input_table
        n_docs = spark.read.parquet(in_path.as_posix()).count()
    else:
        import pyarrow.parquet as pq

        in_path = out_dir / "input.parquet"
        pq.write_table(input_table, in_path)
        n_docs = input_table.num_rows
    n_parts = partitions_for(n_docs, spark.sparkContext.defaultParallelism)
    df = spark.read.parquet(in_path.as_posix()).repartition(n_parts)
    target = str(out_dir / "tables")
    result = df.mapInPandas(lambda frames: code_partition(frames, target, code, options), "table string, rows long")
    totals: dict[str, int] = {}
    for r in result.collect():
        totals[r["table"]] = totals.get(r["table"], 0) + int(r["rows"])
    return totals


def load_tables(store: Store, out_dir: Path, skip_existing_docs: bool = True) -> dict[str, int]:
    """Driver side: Parquet written by the partitions → the store (caller holds the transaction)."""
    loaded = {}
    for table in _tables(store):
        folder = out_dir / "tables" / table
        files = sorted(folder.glob("*.parquet")) if folder.exists() else []
        if not files:
            loaded[table] = 0
            continue
        glob = (folder / "*.parquet").as_posix()
        before = store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        if table == "documents" and skip_existing_docs:
            store.con.execute(
                f"INSERT INTO documents BY NAME SELECT * FROM read_parquet('{glob}') "
                "WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
            )
        else:
            store.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet('{glob}')")
        loaded[table] = store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] - before
    return loaded


class SparkIngestor(Ingestor):
    """The local ingestor with the parse-and-code step handed to Spark."""

    chunk_files = 1_000_000  # one Spark job for all article files of a run

    def __init__(self, *args, master: str | None = None, work_dir: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.master = master
        self.work_dir = work_dir or work_dir_default()

    def _structured(self, kind: str, path: Path) -> FileResult:
        """Event tables are read by Spark (in parallel) and then loaded by the local importer's own SQL."""
        from trustledger.spark.events import spark_staging

        with spark_staging(self.master, self.work_dir):
            return super()._structured(kind, path)

    def _articles(self, paths: list[Path], report: IngestReport, progress, t_files, t_sents) -> None:
        from trustledger.ingest.pipeline import record_file

        pending = self._collect(paths, report, progress, t_files)
        for p in pending:
            for nd in p.new:
                nd.story_id, nd.minhash = self.dups.assign(nd.doc_id, nd.raw.text)
        with tempfile.TemporaryDirectory(dir=self.work_dir, prefix="trustledger-spark-") as tmp:
            out = Path(tmp)
            table = _input_table(pending)
            if table.num_rows:
                run_partitions(table, out, self.options.code, self.master, self.options)
            try:
                with self.store.transaction():
                    load_tables(self.store, out)
                    per_doc = self._per_doc_counts([nd.doc_id for p in pending for nd in p.new])
                    for p in pending:
                        record_file(self.store, p, len(p.new))
            except Exception as e:  # noqa: BLE001 - the whole Spark batch is one transaction
                for p in pending:
                    for nd in p.new:
                        self.dups.forget(nd.doc_id)
                    report.add(FileResult(str(p.path), "article", "failed", message=f"not stored ({e})"))
                return
        for p in pending:
            ids = {nd.doc_id for nd in p.new}
            docs = len(ids)
            sents = sum(per_doc.get(i, (0, 0))[0] for i in ids)
            events = sum(per_doc.get(i, (0, 0))[1] for i in ids)
            status = "loaded" if p.new or p.parsed.rejects else "unchanged"
            result = FileResult(str(p.path), "article", status, documents=docs, sentences=sents, events=events,
                                rejected=len(p.parsed.rejects))
            if p.parsed.rejects:
                first = p.parsed.rejects[0]
                result.message = f"{len(p.parsed.rejects)} record(s) rejected, first at line {first[0]}: {first[1]}"
            report.add(result)
            progress.advance(t_files)

    def _per_doc_counts(self, doc_ids: list[str]) -> dict[str, tuple[int, int]]:
        rows = self.store.con.execute(
            "SELECT d.doc_id, d.n_sentences, (SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id) "
            "FROM documents d WHERE d.doc_id IN (SELECT unnest(?))", [doc_ids]
        ).fetchall()
        return {r[0]: (r[1], r[2]) for r in rows}


def spark_ingest(store: Store, paths: list[str], options, console=None, on_file=None, master: str | None = None,
                 work_dir: str | None = None) -> IngestReport:
    return SparkIngestor(store, options, console, on_file=on_file, master=master, work_dir=work_dir).run(paths)

