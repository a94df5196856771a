"""Article formats: plain text, Markdown (with front matter), HTML and JSON Lines.

Each reader turns one file's text into `RawDocument`s; HTML goes through trafilatura,
the maintained main-text extractor, so scripts, menus and footers never reach the store.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from trustledger.errors import InputError

ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".jsonl", ".ndjson"}
EARLIEST_DATE = dt.date(1900, 1, 1)


@dataclass
class RawDocument:
    text: str
    path: str
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    source: str | None = None
    line: int | None = None


@dataclass
class Parsed:
    """What one file yielded: documents, and rejected records with their line numbers."""

    documents: list[RawDocument] = field(default_factory=list)
    rejects: list[tuple[int, str, str]] = field(default_factory=list)  # (line, reason, raw)


def article_suffix(path: Path) -> str:
    """The format-bearing suffix (`a.html.gz` → `.html`)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def parse_date(value: object, where: str) -> dt.date | None:
    """A calendar date from metadata; out-of-range or unparseable dates are input errors."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        d = value.date()
    elif isinstance(value, dt.date):
        d = value
    else:
        s = str(value).strip()
        try:
            d = dt.date.fromisoformat(s[:10])
        except ValueError:
            import dateparser

            parsed = dateparser.parse(s, settings={"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False,
                                                   "REQUIRE_PARTS": ["year"]})
            if parsed is None:
                raise InputError(where, f"unreadable date {s!r} (expected YYYY-MM-DD)") from None
            d = parsed.date()
    latest = dt.date.today() + dt.timedelta(days=366)
    if not EARLIEST_DATE <= d <= latest:
        raise InputError(where, f"date {d.isoformat()} out of range ({EARLIEST_DATE.year}–{latest.year})")
    return d


_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.S)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    m = _FRONT.match(text)
    if not m:
        return {}, text
    meta = {}
    for line in m.group(1).splitlines():
        if ":" in line:
            key, _, value = line.partition(":")
            meta[key.strip().lower()] = value.strip().strip('"').strip("'")
    return meta, text[m.end():]


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPH = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def markdown_to_text(body: str) -> tuple[str | None, str]:
    """Plain text from Markdown, and the first heading as a title candidate."""
    title = None
    lines = []
    for line in body.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            heading = stripped.lstrip("#").strip()
            if title is None:
                title = heading
                continue
            line = heading
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPH.sub(r"\2", line)
        lines.append(line)
    return title, "\n".join(lines).strip()


def _first_line_title(text: str) -> str:
    first = text.strip().splitlines()[0].strip()
    return first if len(first) <= 120 else first[:117].rstrip() + "..."


def parse_text_file(path: Path, text: str, markdown: bool) -> Parsed:
    meta, body = split_front_matter(text)
    title = meta.get("title")
    if markdown:
        heading, body = markdown_to_text(body)
        title = title or heading
    body = body.strip()
    if not body:
        raise InputError(str(path), "no text after the front matter")
    return Parsed([RawDocument(
        text=body, path=str(path), title=title or _first_line_title(body),
        date=parse_date(meta.get("date"), str(path)), url=meta.get("url"), source=meta.get("source"),
    )])


def parse_html(path: Path, html: str) -> Parsed:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_recall=True)
    text = (doc.text if doc is not None else None) or trafilatura.html2txt(html) or ""
    title = doc.title if doc is not None else None
    if title and text.startswith(title):
        text = text[len(title):]
    text = text.strip()
    if not text:
        raise InputError(str(path), "no article text found in the HTML")
    date = None
    if doc is not None and doc.date:
        try:
            date = parse_date(doc.date, str(path))
        except InputError:
            date = None
    return Parsed([RawDocument(
        text=text, path=str(path), title=title or _first_line_title(text), date=date,
        url=doc.url if doc is not None else None,
        source=(doc.sitename or doc.hostname) if doc is not None else None,
    )])


def parse_jsonl(path: Path, text: str) -> Parsed:
    out = Parsed()
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            out.rejects.append((n, f"not valid JSON ({e.msg} at column {e.colno})", line[:500]))
            continue
        if not isinstance(record, dict):
            out.rejects.append((n, "not a JSON object", line[:500]))
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            out.rejects.append((n, "no `text` field", line[:500]))
            continue
        try:
            date = parse_date(record.get("date"), f"{path}:{n}")
        except InputError as e:
            out.rejects.append((n, e.reason, line[:500]))
            continue
        out.documents.append(RawDocument(
            text=body.strip(), path=str(path), title=record.get("title") or _first_line_title(body),
            date=date, url=record.get("url"), source=record.get("source"), line=n,
        ))
    if not out.documents and out.rejects:
        raise InputError(str(path), f"no valid JSON Lines record ({len(out.rejects)} broken, first at line "
                                    f"{out.rejects[0][0]}: {out.rejects[0][1]})")
    return out


def parse_article(path: Path, text: str) -> Parsed:
    suffix = article_suffix(path)
    if suffix in (".html", ".htm"):
        return parse_html(path, text)
    if suffix in (".jsonl", ".ndjson"):
        return parse_jsonl(path, text)
    if suffix in (".md", ".markdown"):
        return parse_text_file(path, text, markdown=True)
    if suffix in (".txt", ".text", ""):
        if text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
            return parse_html(path, text)
        return parse_text_file(path, text, markdown=False)
    raise InputError(str(path), f"unknown file type {suffix!r} (expected {', '.join(sorted(ARTICLE_SUFFIXES))})")
