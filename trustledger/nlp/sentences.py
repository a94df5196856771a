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


#: Texts longer than this are parsed a piece at a time (the parser's working memory grows with the
#: length of what it is given: a 1.9 M-character text took 5.8 GB in one piece).
LONG_TEXT = 50_000


def parse_documents(texts: list[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parsed spaCy docs, in order, batched (and on two processes for large batches). A long text is
    parsed in pieces cut at paragraph (else line, else sentence-like) boundaries, one piece at a time,
    and the pieces joined into one Doc with the text unchanged, so memory stays bounded."""
    short = [t for t in texts if len(t) <= LONG_TEXT]
    n_process = worker_count(len(short), sum(map(len, short)))
    parsed = pipe(short, batch_size=batch_size, n_process=n_process)
    for t in texts:
        yield next(parsed) if len(t) <= LONG_TEXT else _parse_long(t)


def _parse_long(text: str) -> Doc:
    pieces = _pieces(text, LONG_TEXT)
    docs = [next(pipe([p], batch_size=1)) for p in pieces]
    doc = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])
    assert doc.text == text, "pieces must join back into the text"
    return doc


def _pieces(text: str, size: int) -> list[str]:
    """Consecutive pieces of at most about `size` characters that join back into `text`, each cut
    after a paragraph break, else a line break, else a sentence end, else a space."""
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            k = window.rfind(sep)
            if k > size // 4:
                cut = k + len(sep)
                break
        if cut <= 0:
            cut = size
        out.append(text[start:start + cut])
        start += cut
    out.append(text[start:])
    return out


def split(texts: Iterable[str]) -> list[list[Sentence]]:
    return [sentences_of(d) for d in parse_documents(list(texts))]
