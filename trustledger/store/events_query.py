"""The events list: filters by actor country, CAMEO root and date, in the DESIGN.md JSON shape.

Shared by `trustledger events`, the web app and the Python API, so every consumer sees the same
rows and keys. Filters take CAMEO/ISO3 codes; a country filter also matches its predecessor
states (RUS matches USR events) and full actor codes starting with it (RUS matches RUSGOV).
"""

from __future__ import annotations

import datetime as dt

from trustledger.predecessors import with_predecessors
from trustledger.store.db import Store
from trustledger.store.filters import Where

#: Keys of one event, in order (DESIGN.md "event").
EVENT_KEYS = ("event_id", "doc_id", "sentence_index", "text", "date", "date_precision", "source", "target",
              "cameo", "root", "quad_class", "goldstein", "mode", "quote", "speaker", "negated")


def list_events(store: Store, source: str | None = None, target: str | None = None, root: str | None = None,
                since: dt.date | None = None, until: dt.date | None = None, origin: str | None = None,
                mode: str | None = None, limit: int | None = None, doc_id: str | None = None,
                dyads: bool = False) -> list[dict]:
    """Events matching every given filter, oldest first, as DESIGN.md event objects. With `dyads`,
    only acts between two different states (what the assessment reads)."""
    codes = {side: with_predecessors(code.upper()) if code else None for side, code in (("source", source),
                                                                                   ("target", target))}
    where = Where()
    for side in ("source", "target"):
        if codes[side]:
            where.add(f"({side}_country IN (SELECT unnest(?)) OR {side}_code IN (SELECT unnest(?)) "
                      f"OR starts_with({side}_code, ?))", codes[side], codes[side], codes[side][0])
    (where.add("root = ?", root).add("date >= ?", since).add("date <= ?", until).add("origin = ?", origin)
     .add("mode = ?", mode).add("doc_id = ?", doc_id))
    if dyads:
        where.add("source_country NOT IN ('---', 'IGO') AND target_country NOT IN ('---', 'IGO') "
                  "AND source_country <> target_country")
    sql = ("SELECT event_id, doc_id, sentence_index, text, date, date_precision, source_text, source_code, "
           "source_country, source_role, target_text, target_code, target_country, target_role, cameo, root, "
           "quad_class, goldstein, mode, quote, speaker, negated, origin, why FROM events")
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
    }
