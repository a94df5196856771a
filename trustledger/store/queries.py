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
    sql = "SELECT path, line, reason, raw FROM rejects ORDER BY path, line"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return store.query(sql)
