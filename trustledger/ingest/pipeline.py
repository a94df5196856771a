"""`trustledger ingest`: files in, documents, sentences (and coded events) out.

Files are read and parsed in chunks so that spaCy sees large batches, then each file is
written in its own transaction: a file that fails leaves the store exactly as before, and
a document already stored (same normalized text) is never added twice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from trustledger.debug import pause_point
from trustledger.errors import InputError
from trustledger.ingest import detect as detect_mod
from trustledger.ingest.articles import Parsed, read_article
from trustledger.ingest.dedupe import DEFAULT_THRESHOLD, NearDuplicateIndex
from trustledger.ingest.files import walk
from trustledger.stages import NewDocument, TextStage, text_stages
from trustledger.store.db import Store

#: Longest document we parse; longer texts are refused with a clear reason.
MAX_DOC_CHARS = 2_000_000
CHUNK_FILES = 64
#: Characters of new text parsed and held at once (the parses of a group of files, or of one part
#: of a large file); about 400 MB of parses on the small English pipeline.
PARSE_BUDGET = 1_000_000


@dataclass
class IngestOptions:
    date: dt.date | None = None
    encoding: str | None = None
    dup_threshold: float = DEFAULT_THRESHOLD
    code: bool = True
    dedupe_events: bool = False
    column_map: dict[str, str] = field(default_factory=dict)
    progress: bool = False
    actor_files: list[str] = field(default_factory=list)  # PETRARCH/Phoenix actor/agent dictionaries
    verb_files: list[str] = field(default_factory=list)  # PETRARCH verb dictionaries (CAMEO.2.0.txt)


@dataclass
class FileResult:
    path: str
    kind: str
    status: str  # loaded, unchanged, failed
    documents: int = 0
    sentences: int = 0
    rows: int = 0
    rejected: int = 0
    events: int = 0
    failed_sentences: int = 0  # sentences a text stage could not analyse (see `trustledger rejects`)
    message: str = ""


@dataclass
class IngestReport:
    files: list[FileResult] = field(default_factory=list)
    listener: Callable[[FileResult], None] | None = None

    def add(self, result: FileResult) -> None:
        """Record a settled file and tell the listener at once (for --verbose and crash tests)."""
        self.files.append(result)
        if self.listener:
            self.listener(result)

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.status == "failed"]

    @property
    def rejected_rows(self) -> int:
        return sum(f.rejected for f in self.files)

    def total(self, attr: str) -> int:
        return sum(getattr(f, attr) for f in self.files)


#: Structured importers by kind: (store, path, options) -> FileResult (see trustledger/stages.py).
Importer = Callable[[Store, Path, IngestOptions], FileResult]


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().lower()


def doc_id_for(text: str) -> str:
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()[:16]


def file_id_for(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


@dataclass
class _Pending:
    path: Path
    file_id: str
    size: int
    parsed: Parsed
    new: list[NewDocument]


class Ingestor:
    #: Article files read and parsed together (spaCy batches across files), then stored one by one.
    chunk_files = CHUNK_FILES

    def __init__(self, store: Store, options: IngestOptions | None = None, console: Console | None = None,
                 on_file: Callable[[FileResult], None] | None = None,
                 stages: tuple[TextStage, ...] | None = None, importers: dict[str, Importer] | None = None):
        from trustledger import stages as declared

        self.store = store
        self.options = options or IngestOptions()
        #: the text stages, in order (trustledger/stages.py); a bad --actors/--verbs file fails here
        self.stages = text_stages(self.options) if stages is None else stages
        self.importers = declared.importers() if importers is None else importers
        self.console = console or Console(stderr=True)
        self.on_file = on_file
        self._dups: NearDuplicateIndex | None = None

    @property
    def dups(self) -> NearDuplicateIndex:
        if self._dups is None:
            self._dups = NearDuplicateIndex(self.store, self.options.dup_threshold)
        return self._dups

    def run(self, paths: list[str]) -> IngestReport:
        report = IngestReport(listener=self.on_file)
        own = {Path(self.store.path).resolve(), Path(self.store.path + ".wal").resolve()}
        files = []
        for f, problem in walk(paths):
            if problem:
                report.add(FileResult(str(f), "?", "failed", message=problem))
            elif f.resolve() not in own:  # never ingest the store itself
                files.append(f)
        progress = Progress(
            TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=self.console, transient=True, disable=not self.options.progress,
        )
        from trustledger.ingest.structured.progress import byte_bar  # (structured imports this module)

        bytes_bar = byte_bar(progress, files, self.importers, self.options.progress)  # structured files' bytes
        with progress, bytes_bar:
            t_files = progress.add_task("files", total=len(files))
            t_sents = progress.add_task("sentences", total=None)
            articles: list[Path] = []
            for path in files:
                kind = self._kind(path, report)
                if kind == "article":
                    articles.append(path)
                    if len(articles) >= self.chunk_files:
                        self._articles(articles, report, progress, t_files, t_sents)
                        articles = []
                elif kind is not None:
                    report.add(self._structured(kind, path))
                    progress.advance(t_files)
                else:
                    progress.advance(t_files)
            if articles:
                self._articles(articles, report, progress, t_files, t_sents)
        pause_point("after-files")
        for stage in self.stages:  # each checks its derived tables and rebuilds what is stale
            stage.after_run(self.store)
        return report

    # -- dispatch -----------------------------------------------------------------------
    def _kind(self, path: Path, report: IngestReport) -> str | None:
        kind = detect_mod.detect(path)
        if kind == "unknown":
            report.add(FileResult(
                str(path), "?", "failed",
                message="unknown file type (articles: .txt .md .html .jsonl, optionally .gz; data: GDELT, "
                        "ICEWS, UN votes, SIPRI, or a CAMEO table with --map)",
            ))
            return None
        return kind

    def _structured(self, kind: str, path: Path) -> FileResult:
        importer = self.importers.get(kind)
        if importer is None:
            return FileResult(str(path), kind, "failed", message=f"no importer for {kind} files")
        try:
            return importer(self.store, path, self.options)
        except InputError as e:
            return FileResult(str(path), kind, "failed", message=e.reason)

    # -- articles -------------------------------------------------------------------------
    def _read(self, path: Path) -> _Pending:
        # Within the limits: JSON Lines stream a record at a time (one too long is rejected alone), and
        # a one-article file too big for MAX_DOC_CHARS is refused before it is read (gzipped: unpacked).
        parsed, file_id, size = read_article(path, self.options.encoding, MAX_DOC_CHARS)
        return _Pending(path, file_id, size, parsed, [])

    def _articles(self, paths: list[Path], report: IngestReport, progress: Progress, t_files, t_sents) -> None:
        """Parse files together (spaCy batches across them) in groups of at most PARSE_BUDGET characters,
        store each, and let go of the parses before the next group, so memory stays bounded. A file
        with more new text than that (a large JSON Lines file) is parsed and stored in parts inside
        its own transaction."""
        pending = self._collect(paths, report, progress, t_files)
        group: list[_Pending] = []
        size = 0
        for p in [*pending, None]:
            chars = sum(len(d.raw.text) for d in p.new) if p else 0
            if group and (p is None or size + chars > PARSE_BUDGET):
                self._parse(group, progress, t_sents)
                for g in group:
                    report.add(self._store_articles(g, progress, t_sents))
                    progress.advance(t_files)
                group, size = [], 0
            if p is None:
                break
            if chars > PARSE_BUDGET:
                report.add(self._store_articles(p, progress, t_sents))  # parsed in parts as it is stored
                progress.advance(t_files)
                continue
            group.append(p)
            size += chars

    def _collect(self, paths: list[Path], report: IngestReport, progress: Progress, t_files) -> list[_Pending]:
        """Read and parse files; keep only documents the store does not hold yet."""
        pending: list[_Pending] = []
        seen: set[str] = set()
        for path in paths:
            try:
                p = self._read(path)
            except InputError as e:
                report.add(FileResult(str(path), "article", "failed", message=e.reason))
                progress.advance(t_files)
                continue
            too_long = [d for d in p.parsed.documents if len(d.text) > MAX_DOC_CHARS]
            if too_long:
                report.add(FileResult(
                    str(path), "article", "failed",
                    message=f"document too long ({len(too_long[0].text):,} characters > {MAX_DOC_CHARS:,}); "
                            "split it into articles",
                ))
                progress.advance(t_files)
                continue
            ids = [doc_id_for(d.text) for d in p.parsed.documents]
            stored = self._stored_ids(ids)
            for raw, doc_id in zip(p.parsed.documents, ids, strict=True):
                if doc_id in stored or doc_id in seen:
                    continue
                seen.add(doc_id)
                if raw.date is None:
                    raw.date = self.options.date
                p.new.append(NewDocument(doc_id, "", raw, []))
            pending.append(p)
        return pending

    def _parse(self, pending: list[_Pending], progress: Progress, t_sents) -> None:
        self._parse_docs([d for p in pending for d in p.new], progress, t_sents)

    def _parse_docs(self, new_docs: list[NewDocument], progress: Progress | None, t_sents) -> None:
        if new_docs:
            from trustledger.nlp.sentences import parse_documents, sentences_of

            for nd, sdoc in zip(new_docs, parse_documents([d.raw.text for d in new_docs]), strict=True):
                nd.spacy_doc = sdoc
                nd.sentences = sentences_of(sdoc)
                if progress is not None:
                    progress.advance(t_sents, len(nd.sentences))

    def _stored_ids(self, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        rows = self.store.con.execute(
            "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [ids]
        ).fetchall()
        return {r[0] for r in rows}

    def _store_articles(self, p: _Pending, progress: Progress | None = None, t_sents=None) -> FileResult:
        result = FileResult(str(p.path), "article", "loaded", rejected=len(p.parsed.rejects))
        for nd in p.new:
            nd.story_id, nd.minhash = self.dups.assign(nd.doc_id, nd.raw.text)
        stages = self.stages if self.options.code else ()
        try:
            with self.store.transaction():
                for part in _parts(p.new, PARSE_BUDGET):
                    if any(nd.spacy_doc is None for nd in part):
                        self._parse_docs(part, progress, t_sents)
                    added = store_documents(self.store, part, p.file_id, stages)
                    result.documents += added[0]
                    result.sentences += added[1]
                    result.events += added[2]
                    result.failed_sentences += added[3]
                    for nd in part:  # the parses are not needed any more: let them go
                        nd.spacy_doc = None
                record_file(self.store, p, result.documents)
                pause_point("file-stored")
        except Exception as e:  # noqa: BLE001 - any storage failure rolls back this one file
            for nd in p.new:
                self.dups.forget(nd.doc_id)
            return FileResult(str(p.path), "article", "failed", message=f"not stored ({e})")
        if not p.new and not p.parsed.rejects:
            result.status = "unchanged"
        if p.parsed.rejects:
            first = p.parsed.rejects[0]
            result.message = f"{len(p.parsed.rejects)} record(s) rejected, first at line {first[0]}: {first[1]}"
        return result


def _parts(docs: list[NewDocument], budget: int) -> list[list[NewDocument]]:
    """Consecutive runs of documents of at most `budget` characters (a longer document alone)."""
    out: list[list[NewDocument]] = []
    size = 0
    for d in docs:
        if not out or size + len(d.raw.text) > budget:
            out.append([])
            size = 0
        out[-1].append(d)
        size += len(d.raw.text)
    return out


def store_documents(store: Store, docs: list[NewDocument], file_id: str,
                    stages: tuple[TextStage, ...] = ()) -> tuple[int, int, int, int]:
    """Write parsed documents and their sentences, then run the text stages (coder, commitments).

    The one code path for storing text, whatever the engine: the local engine calls it inside
    each file's transaction; the Spark engine calls it in every partition on an in-memory store.
    A stage that fails on a sentence records it and goes on, so the documents are always stored.
    Returns (documents, sentences, events, sentences that a stage could not analyse) added.
    """
    n_docs = store.insert_arrow("documents", _documents_table(docs, file_id))
    n_sents = store.insert_arrow("sentences", _sentences_table(docs))
    n_events = n_failed = 0
    for stage in stages:
        result = stage.on_documents(store, docs)
        n_events += result.events
        n_failed += result.failed_sentences
    return n_docs, n_sents, n_events, n_failed


def record_file(store: Store, p: _Pending, documents: int) -> None:
    """The file's row in source_files and its rejected records (replacing those of an earlier load)."""
    if p.parsed.rejects:
        store.con.execute("DELETE FROM rejects WHERE file_id = ?", [p.file_id])
        store.insert_arrow("rejects", pa.table({
            "file_id": [p.file_id] * len(p.parsed.rejects),
            "path": [str(p.path)] * len(p.parsed.rejects),
            "line": [r[0] for r in p.parsed.rejects],
            "reason": [r[1] for r in p.parsed.rejects],
            "raw": [r[2] for r in p.parsed.rejects],
        }))
    if p.new or p.parsed.rejects:
        record_source_file(store, p.file_id, p.path, "article", p.size, documents, len(p.parsed.rejects))


def record_source_file(store: Store, file_id: str, path: Path, kind: str, size: int, rows: int,
                       rejected: int) -> None:
    store.con.execute(
        "INSERT INTO source_files (file_id, path, kind, bytes, rows_loaded, rows_rejected) VALUES (?,?,?,?,?,?) "
        "ON CONFLICT (file_id) DO UPDATE SET rows_loaded = source_files.rows_loaded + excluded.rows_loaded, "
        "rows_rejected = excluded.rows_rejected",
        [file_id, str(path), kind, size, rows, rejected],
    )


def _documents_table(docs: list[NewDocument], file_id: str) -> pa.Table:
    return pa.table({
        "doc_id": [d.doc_id for d in docs],
        "story_id": [d.story_id for d in docs],
        "title": [d.raw.title for d in docs],
        "date": pa.array([d.raw.date for d in docs], pa.date32()),
        "source": [d.raw.source for d in docs],
        "url": [d.raw.url for d in docs],
        "path": [d.raw.path for d in docs],
        "file_id": [file_id] * len(docs),
        "line": pa.array([d.raw.line for d in docs], pa.int64()),
        "text": [d.raw.text for d in docs],
        "n_sentences": pa.array([len(d.sentences) for d in docs], pa.int32()),
        "minhash": pa.array([d.minhash for d in docs], pa.list_(pa.uint64())),
    })


def _sentences_table(docs: list[NewDocument]) -> pa.Table:
    rows = [(d.doc_id, s) for d in docs for s in d.sentences]
    return pa.table({
        "doc_id": [r[0] for r in rows],
        "sentence_index": pa.array([r[1].index for r in rows], pa.int32()),
        "start_char": pa.array([r[1].start_char for r in rows], pa.int32()),
        "end_char": pa.array([r[1].end_char for r in rows], pa.int32()),
        "text": [r[1].text for r in rows],
    })
