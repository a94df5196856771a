"""The events list: filters by actor country, CAMEO root, quad class, mode, origin and date, in the
DESIGN.md JSON shape (`../shared/DESIGN.md`, "event").

The one query behind `trustledger events`, the web app's /api/events and the Python API's
`events` (see `trustledger.queries`), so every consumer sees the same rows and keys. Filters take
CAMEO/ISO3 codes; a country filter also matches its predecessor states (RUS matches USR events)
and full actor codes starting with it (RUS matches RUSGOV).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from trustledger.errors import UserError
from trustledger.predecessors import with_predecessors
from trustledger.store.db import Store
from trustledger.store.filters import Where

#: Keys of one event, in order (DESIGN.md "event").
EVENT_KEYS = ("event_id", "doc_id", "sentence_index", "text", "date", "date_precision", "source", "target",
              "cameo", "root", "quad_class", "goldstein", "mode", "quote", "speaker", "negated")
MODES = ("said", "did")


def root_code(value: str | None) -> str | None:
    """A CAMEO root code as two digits ('3' → '03'); a UserError for anything but 01–20."""
    if value is None:
        return None
    v = value.strip()
    if not v.isdigit() or not 1 <= int(v) <= 20:
        raise UserError(f"--root {value!r}: expected a CAMEO root code 01–20")
    return f"{int(v):02d}"


def _side(side: str, code: str) -> tuple[str, list[Any]]:
    """`side` (source or target) is the state `code`, a predecessor of it, or one of its actors."""
    codes = with_predecessors(code.upper())
    return (f"({side}_country IN (SELECT unnest(?)) OR {side}_code IN (SELECT unnest(?)) "
            f"OR starts_with({side}_code, ?))", [codes, codes, codes[0]])


def list_events(store: Store, source: str | None = None, target: str | None = None, root: str | None = None,
                since: dt.date | None = None, until: dt.date | None = None, origin: str | None = None,
                mode: str | None = None, limit: int | None = None, doc_id: str | None = None,
                dyads: bool = False, quad_class: int | None = None, both: bool = False) -> list[dict]:
    """Events matching every given filter, oldest first, as DESIGN.md event objects. With `dyads`,
    only acts between two different states (what the assessment reads); with `both` (and a source
    and a target), the target→source direction too."""
    if mode is not None and mode not in MODES:
        raise UserError(f"--mode {mode!r}: expected said or did")
    if quad_class is not None and quad_class not in (1, 2, 3, 4):
        raise UserError(f"--quad-class {quad_class!r}: expected 1, 2, 3 or 4")
    if since and until and since > until:
        raise UserError(f"since {since} is after until {until}")
    where = Where()
    if both and source and target:
        (s1, p1), (t1, p2) = _side("source", source), _side("target", target)
        (s2, p3), (t2, p4) = _side("source", target), _side("target", source)
        where.add(f"(({s1} AND {t1}) OR ({s2} AND {t2}))", *p1, *p2, *p3, *p4)
    else:
        for side, code in (("source", source), ("target", target)):
            if code:
                condition, params = _side(side, code)
                where.add(condition, *params)
    (where.add("root = ?", root_code(root)).add("quad_class = ?", quad_class).add("date >= ?", since)
     .add("date <= ?", until).add("origin = ?", origin).add("mode = ?", mode).add("doc_id = ?", doc_id))
    if dyads:
        where.add("source_country NOT IN ('---', 'IGO') AND target_country NOT IN ('---', 'IGO') "
                  "AND source_country <> target_country")
    sql = ("SELECT event_id, doc_id, sentence_index, text, date, date_precision, source_text, source_code, "
           "source_country, source_role, target_text, target_code, target_country, target_role, cameo, root, "
           "quad_class, goldstein, mode, quote, speaker, negated, origin, why, verb_source, confidence FROM events")
    sql += where.sql() + " ORDER BY date NULLS LAST, doc_id, sentence_index, event_id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [_shape(r) for r in store.query(sql, where.params)]


def _actor(r: dict, side: str) -> dict | None:
    """The actor object; null for a target the sentence does not name (DESIGN.md "event")."""
    if r[f"{side}_code"] is None and side == "target":
        return None
    return {"text": r[f"{side}_text"], "code": r[f"{side}_code"], "country": r[f"{side}_country"],
            "role": r[f"{side}_role"]}


def _shape(r: dict) -> dict:
    return {
        "event_id": r["event_id"], "doc_id": r["doc_id"], "sentence_index": r["sentence_index"], "text": r["text"],
        "date": r["date"], "date_precision": r["date_precision"], "source": _actor(r, "source"),
        "target": _actor(r, "target"), "cameo": r["cameo"], "root": r["root"], "quad_class": r["quad_class"],
        "goldstein": r["goldstein"], "mode": r["mode"], "quote": bool(r["quote"]), "speaker": r["speaker"],
        "negated": bool(r["negated"]), "origin": r["origin"], "why": r["why"],
        # where a text event's code came from: "lexicon", or "vectors" (the word-vector fallback for a
        # verb no lexicon lists, coding/verb_vectors.py) with its similarity as `confidence`
        "verb_source": r["verb_source"], "confidence": r["confidence"],
    }
