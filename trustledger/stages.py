"""The ingest pipeline, declared in one place.

Ingest stores each file's documents and sentences, then hands the new documents, with the spaCy
parse it already made, to the text stages below **in this order**; after the last file of a run it
calls each stage's `after_run` (re-linking the ledger needs every document). Structured data sets
go to the importer of their layout instead. Nothing registers itself on import: `text_stages` and
`importers` are the whole list, and tests pin them.

A text stage analyses documents sentence by sentence through a `SentenceGuard`: a sentence whose
analysis fails (or takes longer than `SLOW_SECONDS`) is recorded in the store's `stage_errors`
table and the rest of the document is still analysed and stored. A bug in a stage is then visible
(`trustledger rejects`) and fixable without losing the document.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import pyarrow as pa

if TYPE_CHECKING:
    from pathlib import Path

    from trustledger.ingest.articles import RawDocument
    from trustledger.ingest.pipeline import IngestOptions
    from trustledger.store.db import Store
    from trustledger.store.derived import Derived

T = TypeVar("T")

#: A sentence whose analysis by one stage takes longer than this is logged as slow.
SLOW_SECONDS = 1.0
#: Longest error message kept in `stage_errors`.
MAX_MESSAGE = 500


@dataclass
class NewDocument:
    """A document about to be stored, with its parse for the text stages."""

    doc_id: str
    story_id: str
    raw: RawDocument
    minhash: list[int]
    spacy_doc: object = None
    sentences: list = field(default_factory=list)


@dataclass(frozen=True)
class StageError:
    """One sentence (or, with `sentence_index` None, one whole document) a stage could not analyse,
    or analysed slowly (`kind` "slow": its results were kept)."""

    doc_id: str
    sentence_index: int | None
    stage: str
    kind: str  # "error" | "slow"
    message: str
    seconds: float


class SentenceGuard:
    """Runs one stage's per-sentence work so that a failure costs one sentence, not the document."""

    def __init__(self, stage: str, slow_seconds: float = SLOW_SECONDS):
        self.stage = stage
        self.slow_seconds = slow_seconds
        self.errors: list[StageError] = []
        self._doc_id = ""

    @contextlib.contextmanager
    def document(self, doc_id: str) -> Iterator[None]:
        """Analyse one document: a failure outside any sentence is recorded for the document as a
        whole, and what its sentences gave before it is kept by the caller."""
        self._doc_id = doc_id
        t0 = time.perf_counter()
        try:
            yield
        except Exception as e:  # noqa: BLE001 - any failure of our analysis is recorded, never fatal
            self._record(None, "error", _describe(e), time.perf_counter() - t0)

    def run(self, index: int, fn: Callable[..., T], *args: Any, default: Callable[[], T]) -> T:
        """`fn(*args)` for sentence `index`; on failure `default()`, and the failure recorded."""
        t0 = time.perf_counter()
        try:
            result = fn(*args)
        except Exception as e:  # noqa: BLE001 - see class docstring
            self._record(index, "error", _describe(e), time.perf_counter() - t0)
            return default()
        seconds = time.perf_counter() - t0
        if seconds > self.slow_seconds:
            self._record(index, "slow", f"took {seconds:.1f} s (over {self.slow_seconds:g} s)", seconds)
        return result

    def _record(self, index: int | None, kind: str, message: str, seconds: float) -> None:
        self.errors.append(StageError(self._doc_id, index, self.stage, kind, message[:MAX_MESSAGE], seconds))

    def failed_sentences(self) -> int:
        return sum(1 for e in self.errors if e.kind == "error")

    def store(self, store: Store) -> int:
        """Write the recorded errors to `stage_errors`; returns how many sentences failed."""
        if self.errors:
            store.insert_arrow("stage_errors", pa.table({
                "doc_id": [e.doc_id for e in self.errors],
                "sentence_index": pa.array([e.sentence_index for e in self.errors], pa.int32()),
                "stage": [e.stage for e in self.errors],
                "kind": [e.kind for e in self.errors],
                "message": [e.message for e in self.errors],
                "seconds": pa.array([e.seconds for e in self.errors], pa.float64()),
            }))
        return self.failed_sentences()


def _describe(e: BaseException) -> str:
    text = str(e).splitlines()[0] if str(e) else ""
    return f"{type(e).__name__}: {text}" if text else type(e).__name__


@dataclass
class StageResult:
    """What one stage added for a batch of documents."""

    events: int = 0
    failed_sentences: int = 0


class TextStage(Protocol):
    """A stage that analyses new documents inside their file's transaction."""

    #: Short name, recorded with each error ("coder", "commitments").
    name: str

    def on_documents(self, store: Store, docs: Sequence[NewDocument]) -> StageResult:
        """Analyse the new documents and write the stage's rows (and its stage_errors)."""
        ...

    def after_run(self, store: Store) -> None:
        """Once after every file of a run is stored (or after re-coding)."""
        ...

    def clear(self, store: Store) -> None:
        """Remove what this stage derived from text (before `trustledger code` runs it again)."""
        ...


def text_stages(options: IngestOptions | None = None) -> tuple[TextStage, ...]:
    """The text stages of a run, in order: the event coder, then the commitment finder.

    `options` carries the coder's dictionaries (--actors/--verbs); a bad dictionary file is an
    error here, before anything is stored."""
    from trustledger.coding.stage import CodingStage
    from trustledger.commitments.stage import CommitmentStage

    actor_files = list(getattr(options, "actor_files", None) or [])
    verb_files = list(getattr(options, "verb_files", None) or [])
    return (CodingStage(actor_files, verb_files), CommitmentStage())


def derived_tables() -> tuple[Derived, ...]:
    """Tables computed over the whole store, kept fresh by fingerprint (trustledger/store/derived.py):
    whoever opens the store through `open_store` finds them up to date, whatever killed a run."""
    from trustledger.commitments.derived import LEDGER

    return (LEDGER,)


def open_store(path: str | Path, write: bool = False, **kwargs: Any) -> Store:
    """The store with its schema and derived tables up to date: the way every command, the Python
    API and the web app open it."""
    from trustledger.store.derived import open_healed

    return open_healed(str(path), read_only=not write, derived=derived_tables(), **kwargs)


def importers() -> dict[str, Callable]:
    """Structured-data importers by layout (see trustledger/ingest/structured)."""
    from trustledger.ingest.structured import IMPORTERS

    return IMPORTERS
