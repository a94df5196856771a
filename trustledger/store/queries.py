"""Read queries shared by the CLI, the Python API and the web app."""

from __future__ import annotations

from typing import Any

from trustledger.store.db import Store


def documents(store: Store, story_id: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    sql = ("SELECT doc_id, story_id, title, date, source, path, n_sentences AS sentences, url, line "
           "FROM documents")
    params: list[Any] = []
    if story_id:
        sql += " WHERE story_id = ?"
        params.append(story_id)
    sql += " ORDER BY date NULLS LAST, path, line NULLS FIRST, doc_id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return store.query(sql, params)


def sentences(store: Store, doc_id: str) -> list[dict[str, Any]]:
    return store.query(
        "SELECT doc_id, sentence_index, start_char, end_char, text FROM sentences "
        "WHERE doc_id = ? ORDER BY sentence_index", [doc_id])


def rejects(store: Store, limit: int | None = None) -> list[dict[str, Any]]:
    """Records that could not be loaded (`kind` record), then sentences a text stage failed on
    (`kind` error) or took long over (`kind` slow), each with its document, sentence and stage."""
    sql = """
        SELECT 'record' AS kind, path, line, NULL AS doc_id, NULL AS sentence_index, NULL AS stage,
               reason, raw, 0 AS _order
        FROM rejects
        UNION ALL
        SELECT e.kind, d.path, d.line, e.doc_id, e.sentence_index, e.stage,
               CASE WHEN e.sentence_index IS NULL THEN 'document could not be analysed by the ' || e.stage
                    || ' stage (' || e.message || ')'
                    ELSE 'sentence ' || e.sentence_index || ': ' || e.stage || ' ' || e.message END AS reason,
               s.text AS raw, 1 AS _order
        FROM stage_errors e
        LEFT JOIN documents d USING (doc_id)
        LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.sentence_index = e.sentence_index"""
    sql = f"SELECT * EXCLUDE (_order) FROM ({sql}) ORDER BY _order, path, line, doc_id, sentence_index"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return store.query(sql)
