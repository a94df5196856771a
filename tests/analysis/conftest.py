"""Small hand-built stores for the assessment tests: rows are inserted directly, the way the
coder, the ledger and the importers would write them, so every expected number can be worked
out by hand."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from trustledger.coding.cameo import lookup
from trustledger.store.db import Store

_ids = itertools.count(1)


def d(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


class Builder:
    """Insert rows into a fresh store with defaults for every column a test does not care about."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.store = Store(path)

    def doc(self, doc_id: str, title: str = "A story", date: str = "2010-01-01", story: str | None = None,
            source: str = "wire") -> str:
        self.store.con.execute(
            "INSERT INTO documents (doc_id, story_id, title, date, source, text, n_sentences) VALUES (?,?,?,?,?,?,1)",
            [doc_id, story or doc_id, title, d(date), source, title])
        return doc_id

    def event(self, src: str, tgt: str, cameo: str, date: str, story: str | None = None, doc: str | None = None,
              text: str = "", negated: bool = False, src_role: str | None = None, origin: str | None = None) -> str:
        eid = f"ev{next(_ids):05d}"
        code = lookup(cameo)
        self.store.con.execute(
            """INSERT INTO events (event_id, origin, doc_id, sentence_index, story_id, text, date, date_precision,
               source_code, source_country, source_role, target_code, target_country, cameo, root, quad_class,
               goldstein, mode, negated) VALUES (?,?,?,?,?,?,?,'day',?,?,?,?,?,?,?,?,?,?,?)""",
            [eid, origin or ("text" if story else "table"), doc, 0 if doc else None, story,
             text or f"{src} {cameo} {tgt}",
             d(date), src + (src_role or ""), src, src_role, tgt, tgt, cameo, code.root, code.quad_class,
             code.goldstein, "did" if code.quad_class in (2, 4) else "said", negated])
        return eid

    def commitment(self, promisor: str, promisee: str, made: str | None, status: str | None,
                   delay_days: int | None = None, what: str = "deliver", doc: str | None = None) -> str:
        cid = f"c{next(_ids):05d}"
        self.store.con.execute(
            """INSERT INTO commitments (commitment_id, origin, promisor, promisee, kind, what, made, doc_id,
               sentence_index, text) VALUES (?, 'text', ?, ?, 'deliver', ?, ?, ?, ?, ?)""",
            [cid, promisor, promisee, what, d(made) if made else None, doc, 0 if doc else None,
             f"{promisor} promised {promisee} to {what}"])
        if status:
            self.store.con.execute("INSERT INTO ledger (commitment_id, status, delay_days) VALUES (?,?,?)",
                                   [cid, status, delay_days])
        return cid

    def outcome(self, commitment_id: str, kind: str, date: str, text: str = "delivered") -> str:
        oid = f"o{next(_ids):05d}"
        self.store.con.execute(
            "INSERT INTO outcomes (outcome_id, commitment_id, origin, kind, date, text) VALUES (?,?,'text',?,?,?)",
            [oid, commitment_id, kind, d(date), text])
        return oid

    def roll_call(self, rcid: str, date: str, votes: dict[str, str], target: str | None = None,
                  body: str = "UNGA", resolution: str | None = None) -> None:
        self.store.con.execute(
            "INSERT INTO roll_calls (rcid, body, date, resolution, target, descr) VALUES (?,?,?,?,?,?)",
            [rcid, body, d(date), resolution, target, f"resolution {rcid}"])
        for country, vote in votes.items():
            self.store.con.execute("INSERT INTO votes (rcid, country, vote) VALUES (?,?,?)", [rcid, country, vote])

    def close(self) -> Path:
        from trustledger.stages import derived_tables
        from trustledger.store.derived import mark_fresh

        mark_fresh(self.store, derived_tables())  # the ledger rows above are the ledger, as a rebuild leaves it
        self.store.close()
        return self.path


@pytest.fixture
def build(db: Path):
    b = Builder(db)
    yield b
    try:
        b.store.close()
    except Exception:  # noqa: BLE001 - already closed by the test
        pass


@pytest.fixture
def iran_store(build):
    """A small Iran–Russia record: late and broken promises, praise then suspension, UN votes."""
    build.doc("d1", title="Russia to finish Bushehr", date="1995-01-08")
    c1 = build.commitment("RUS", "IRN", "1995-01-08", "kept_late", delay_days=4018, doc="d1", what="Bushehr")
    build.outcome(c1, "delivered", "2011-09-12", "Bushehr was connected to the grid.")
    build.commitment("RUS", "IRN", "2007-12-26", "broken", what="S-300")
    build.commitment("RUS", "IRN", "2001-03-12", "kept", what="fuel")
    build.event("RUS", "IRN", "051", "2010-01-10")
    build.event("RUS", "IRN", "036", "2010-02-01")
    build.event("RUS", "IRN", "061", "2010-04-01")
    build.event("RUS", "IRN", "162", "2010-04-20")
    build.event("IRN", "RUS", "042", "2010-03-25")
    build.event("IRN", "RUS", "051", "2010-05-25")
    build.event("IRN", "RUS", "051", "2011-05-25")
    build.roll_call("UNSC-1929", "2010-06-09", {"RUS": "yes"}, target="IRN", body="UNSC", resolution="S/RES/1929")
    for i in range(6):
        build.roll_call(f"A{i}", f"2009-0{i + 1}-01", {"IRN": "yes", "RUS": "yes" if i < 5 else "no"})
    return build
