"""Near-duplicate grouping: copies of one story share a `story_id`.

MinHash LSH (datasketch) over word shingles finds candidates quickly; a candidate joins a
story when the share of the smaller text's shingles found in the larger one (containment)
reaches the threshold. Containment, not Jaccard, because wire copies are often truncated or
padded with boilerplate: a copy cut to half its length is still the same story.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

from trustledger.store.db import Store

if TYPE_CHECKING:  # datasketch costs 0.6 s to import: a run of data sets alone never needs it
    from datasketch import MinHash

NUM_PERM = 128
SHINGLE = 3
#: The hashing scheme is fixed so that signatures stored by one version stay comparable.
SCHEME = "affine32"
DEFAULT_THRESHOLD = 0.7
#: Jaccard level at which LSH proposes candidates; containment then decides.
LSH_JACCARD = 0.2
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def signature(sh: set[str]) -> MinHash:
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    m.update_batch([s.encode("utf-8") for s in sh])
    return m


def from_hashvalues(values: list[int]) -> MinHash:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, hashvalues=np.array(values, dtype=np.uint64), scheme=SCHEME)


def containment(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


class NearDuplicateIndex:
    """The LSH index of every stored document, extended as new documents are added."""

    def __init__(self, store: Store, threshold: float = DEFAULT_THRESHOLD) -> None:
        if not 0 < threshold <= 1:
            raise ValueError("near-duplicate threshold must be in (0, 1]")
        self.store = store
        self.threshold = threshold
        from datasketch import MinHashLSH

        self.lsh = MinHashLSH(threshold=LSH_JACCARD, num_perm=NUM_PERM)
        self.story_of: dict[str, str] = {}
        self._shingles: dict[str, set[str]] = {}
        table = store.arrow("SELECT doc_id, story_id, minhash FROM documents WHERE minhash IS NOT NULL")
        ids = table.column("doc_id").to_pylist()
        stories = table.column("story_id").to_pylist()
        hashes = table.column("minhash").to_pylist()
        with self.lsh.insertion_session() as session:
            for doc_id, story_id, hv in zip(ids, stories, hashes, strict=True):
                session.insert(doc_id, from_hashvalues(hv))
                self.story_of[doc_id] = story_id

    def _shingles_of(self, doc_id: str) -> set[str]:
        if doc_id not in self._shingles:
            row = self.store.con.execute("SELECT text FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
            self._shingles[doc_id] = shingles(row[0]) if row else set()
        return self._shingles[doc_id]

    def assign(self, doc_id: str, text: str) -> tuple[str, list[int]]:
        """The story this document belongs to (its own id if new) and its signature.

        The document is indexed at once so that a copy later in the same batch finds it;
        `forget` takes it out again if its file is rolled back.
        """
        if doc_id in self.story_of:
            row = self.store.con.execute("SELECT minhash FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
            return self.story_of[doc_id], list(row[0]) if row else []
        sh = shingles(text)
        sig = signature(sh)
        best, best_score = None, 0.0
        for cand in self.lsh.query(sig):
            score = containment(sh, self._shingles_of(cand))
            if score >= self.threshold and (score > best_score or (score == best_score and cand < best)):
                best, best_score = cand, score
        story = self.story_of[best] if best else doc_id
        self._shingles[doc_id] = sh
        self.lsh.insert(doc_id, sig)
        self.story_of[doc_id] = story
        return story, sig.hashvalues.tolist()

    def forget(self, doc_id: str) -> None:
        """Undo `assign` for a document whose file was not stored."""
        if doc_id in self.story_of:
            self.lsh.remove(doc_id)
            del self.story_of[doc_id]
        self._shingles.pop(doc_id, None)
