"""Sentences with character offsets into the stored document text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from trustledger.nlp.model import pipe, worker_count


@dataclass(frozen=True)
class Sentence:
    index: int
    start_char: int
    end_char: int
    text: str


def sentences_of(doc: Doc) -> list[Sentence]:
    out: list[Sentence] = []
    for sent in doc.sents:
        raw = sent.text
        stripped = raw.strip()
        if not stripped:
            continue
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        out.append(Sentence(len(out), start, start + len(stripped), stripped))
    return out


def parse_documents(texts: list[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parsed spaCy docs, in order, batched (and on two processes for large batches)."""
    n_process = worker_count(len(texts), sum(map(len, texts)))
    yield from pipe(texts, batch_size=batch_size, n_process=n_process)


def split(texts: Iterable[str]) -> list[list[Sentence]]:
    return [sentences_of(d) for d in parse_documents(list(texts))]
