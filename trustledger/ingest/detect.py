"""Which loader a file needs: articles by suffix, structured data by name and header."""

from __future__ import annotations

from pathlib import Path

from trustledger.ingest.articles import ARTICLE_SUFFIXES, article_suffix

STRUCTURED_SUFFIXES = {".csv", ".tsv", ".tab", ".zip", ".parquet", ".txt"}


def detect(path: Path) -> str:
    """'article' or the name of a structured layout; 'unknown' if nothing claims the file."""
    from trustledger.ingest.structured.sniff import sniff

    kind = sniff(path)
    if kind:
        return kind
    if article_suffix(path) in ARTICLE_SUFFIXES:
        return "article"
    return "unknown"
