"""The records the finders produce: one per sentence that states a commitment or an outcome."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field


def short_id(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


@dataclass
class CommitmentMention:
    """One sentence saying that promisor committed to promisee to do (or not do) something."""

    doc_id: str
    sentence_index: int
    char_start: int
    char_end: int
    text: str
    promisor: str | None
    promisee: str | None
    kind: str                      # deliver | refrain
    object: str | None             # canonical object key ("bushehr", "s-300") or None
    what: str                      # short normalized description ("complete bushehr")
    terms: list[str] = field(default_factory=list)
    amount: str | None = None
    quantity: int | None = None
    made: dt.date | None = None
    made_precision: str | None = None
    made_explicit: bool = False    # the sentence dates the promise ("signed in 2007")
    due: dt.date | None = None
    due_precision: str | None = None
    grace_days: int | None = None
    due_first: bool = False        # the deadline is for the first delivery ("the first due in 2019")
    is_new: bool = False           # "a new contract": a fresh promise, not a retelling
    implied: bool = False          # a party was taken from the context, not the sentence
    trigger: str = ""
    doc_date: dt.date | None = None
    story_id: str | None = None

    @property
    def mention_id(self) -> str:
        return short_id(self.doc_id, self.sentence_index, self.kind, self.object, self.trigger)


@dataclass
class OutcomeMention:
    """One sentence reporting what became of a promise: delivered, delayed, refused..."""

    doc_id: str
    sentence_index: int
    text: str
    kind: str                      # delivered, delivered_partial, delayed, suspended, refused, cancelled,
                                   # not_delivered, violated, resumed, observed (a refrain kept so far)
    actor: str | None
    counterpart: str | None
    object: str | None
    what: str
    terms: list[str] = field(default_factory=list)
    quantity: int | None = None
    date: dt.date | None = None
    date_precision: str | None = None
    date_explicit: bool = False
    trigger: str = ""
    story_id: str | None = None
    char_start: int = 0
    context: list[str] = field(default_factory=list)  # the article's states, most mentioned first

    @property
    def outcome_id(self) -> str:
        return short_id(self.doc_id, self.sentence_index, self.kind, self.object, self.trigger)
