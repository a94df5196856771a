"""Article formats: plain text, Markdown (with front matter), HTML and JSON Lines.

Each reader turns one file's text into `RawDocument`s; HTML goes through trafilatura,
the maintained main-text extractor, so scripts, menus and footers never reach the store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from trustledger.errors import InputError
from trustledger.ingest.files import TextLines, decode, read_bytes

ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".jsonl", ".ndjson"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
EARLIEST_DATE = dt.date(1900, 1, 1)

#: A one-article file (text, Markdown, HTML) with more bytes than this many per allowed character
#: is refused before it is read: its text cannot fit (text and Markdown lose only front matter,
#: link targets and white space; HTML loses its markup, scripts and styles).
TEXT_BYTES_PER_CHAR = 4
HTML_BYTES_PER_CHAR = 16
#: A JSON Lines record may spend this many bytes per allowed character (`\uXXXX` escapes take 6),
#: plus RECORD_SLACK for its other fields; a longer line is rejected without being parsed.
RECORD_BYTES_PER_CHAR = 6
RECORD_SLACK = 1024 * 1024
#: HTML with more elements than this skips trafilatura (whose time grows faster than the page)
#: for the plain-text extraction.
HTML_MAX_ELEMENTS = 100_000


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


class _PlainText(HTMLParser):
    """Text outside scripts, styles and navigation, one line per block element, the <title> apart.

    A streaming parser: it keeps no tree, so nesting depth costs nothing (lxml, and with it
    trafilatura, stops at 256 levels)."""

    SKIP = {"script", "style", "noscript", "template", "title", "svg", "math", "nav", "aside", "footer",
            "button", "select", "textarea", "iframe", "object"}
    BLOCK = {"p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
             "td", "th", "table", "section", "article", "main", "header", "blockquote", "pre", "figure",
             "figcaption", "hr", "body", "form", "fieldset", "address", "caption"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.skipping: list[str] = []  # open elements whose text is left out, innermost last
        self.open_skips: dict[str, int] = {}
        self.chars = 0
        self.elements = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        self.elements += 1
        if tag in self.SKIP:
            self.skipping.append(tag)
            self.open_skips[tag] = self.open_skips.get(tag, 0) + 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.elements += 1
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            if self.open_skips.get(tag):  # close it and anything left open inside it
                while True:
                    inner = self.skipping.pop()
                    self.open_skips[inner] -= 1
                    if inner == tag:
                        break
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)
            self.chars += len(data)
        elif self.skipping == ["title"]:  # the page's title, not an SVG's
            self.title_parts.append(data)

    def result(self) -> tuple[str | None, str]:
        lines = (" ".join(line.split()) for line in "".join(self.parts).split("\n"))
        title = " ".join("".join(self.title_parts).split())
        return title or None, "\n".join(line for line in lines if line)


def _scan_html(html: str) -> _PlainText:
    parser = _PlainText()
    parser.feed(html)
    parser.close()
    return parser


def plain_text(html: str) -> tuple[str | None, str]:
    """(title, text) of an HTML page without trafilatura: every text outside scripts, styles and
    navigation, whatever the nesting depth. The fallback when trafilatura finds nothing or fails."""
    return _scan_html(html).result()


def parse_html(path: Path, html: str, max_chars: int | None = None) -> Parsed:
    import trafilatura

    doc = None
    text = ""
    scan = None
    if max_chars is not None and len(html) > max_chars:
        # A big page: measure its text in one streaming pass before building any tree.
        scan = _scan_html(html)
        if scan.chars > max_chars and len(plain := scan.result()[1]) > max_chars:
            raise InputError(str(path), f"document too long (about {len(plain):,} characters of text > "
                                        f"{max_chars:,}); split it into articles")
    if scan is None or scan.elements <= HTML_MAX_ELEMENTS:
        try:
            doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                              include_tables=False, favor_recall=True)
        except Exception:  # noqa: BLE001 - trafilatura failing on odd markup falls back to plain text
            doc = None
        text = doc.text if doc is not None and doc.text else ""
        if not text.strip():
            try:
                text = trafilatura.html2txt(html) or ""
            except Exception:  # noqa: BLE001 - as above
                text = ""
    title = doc.title if doc is not None else None
    if not text.strip():
        # lxml stops at 256 levels of nesting and trafilatura then finds nothing: read the text plainly
        plain_title, text = (scan or _scan_html(html)).result()
        title = title or plain_title
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


def record_limit(max_chars: int) -> int:
    """The longest JSON Lines record (bytes on one line) read for an article of `max_chars` characters."""
    return RECORD_BYTES_PER_CHAR * max_chars + RECORD_SLACK


def parse_jsonl(path: Path, source: str | Iterable[tuple[int, str, bool]], max_chars: int | None = None) -> Parsed:
    """One document per JSON Lines record; bad records (broken JSON, no text, a bad date, too long)
    are rejected with their line numbers and the rest load. `source` is the file's text or, for a
    file read as a stream, its lines as `files.TextLines` gives them (a line cut short is too long)."""
    lines: Iterable[tuple[int, str, bool]] = (
        ((n, line, True) for n, line in enumerate(source.splitlines(), start=1)) if isinstance(source, str)
        else source)
    out = Parsed()
    for n, line, complete in lines:
        if not complete:
            limit = f"; an article has at most {max_chars:,} characters" if max_chars else ""
            out.rejects.append((n, f"record too long (more than {record_limit(max_chars or 0) // 2**20} MB on one "
                                   f"line{limit})", line[:500]))
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            out.rejects.append((n, f"not valid JSON ({e.msg} at column {e.colno})", line[:500]))
            continue
        except RecursionError:
            out.rejects.append((n, "not valid JSON (nested too deeply)", line[:500]))
            continue
        if not isinstance(record, dict):
            out.rejects.append((n, "not a JSON object", line[:500]))
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            out.rejects.append((n, "no `text` field", line[:500]))
            continue
        body = body.strip()
        if max_chars is not None and len(body) > max_chars:
            out.rejects.append((n, f"document too long ({len(body):,} characters > {max_chars:,})", line[:500]))
            continue
        try:
            date = parse_date(record.get("date"), f"{path}:{n}")
        except InputError as e:
            out.rejects.append((n, e.reason, line[:500]))
            continue
        out.documents.append(RawDocument(
            text=body, path=str(path), title=record.get("title") or _first_line_title(body),
            date=date, url=record.get("url"), source=record.get("source"), line=n,
        ))
    if not out.documents and out.rejects:
        raise InputError(str(path), f"no valid JSON Lines record ({len(out.rejects)} broken, first at line "
                                    f"{out.rejects[0][0]}: {out.rejects[0][1]})")
    return out


def parse_article(path: Path, text: str, max_chars: int | None = None) -> Parsed:
    suffix = article_suffix(path)
    if suffix in HTML_SUFFIXES:
        return parse_html(path, text, max_chars)
    if suffix in JSONL_SUFFIXES:
        return parse_jsonl(path, text, max_chars)
    if suffix in (".md", ".markdown"):
        return parse_text_file(path, text, markdown=True)
    if suffix in (".txt", ".text", ""):
        if text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
            return parse_html(path, text, max_chars)
        return parse_text_file(path, text, markdown=False)
    raise InputError(str(path), f"unknown file type {suffix!r} (expected {', '.join(sorted(ARTICLE_SUFFIXES))})")


def read_article(path: Path, encoding: str | None, max_chars: int) -> tuple[Parsed, str, int]:
    """Read, decode and parse one article file within the limits: (parsed, file id, content size).

    JSON Lines are streamed a record at a time (a record too long is rejected, the rest load); a
    one-article file whose size leaves no room for a text of at most `max_chars` characters is
    refused before it is read or, gzipped, as soon as it unpacks past that size. The file id is the
    first 16 hex digits of the SHA-256 of the (gunzipped) content, as `pipeline.file_id_for` gives."""
    suffix = article_suffix(path)
    if suffix in JSONL_SUFFIXES:
        lines = TextLines(path, encoding, record_limit(max_chars))
        parsed = parse_jsonl(path, lines, max_chars)
        return parsed, lines.file_id, lines.size
    per_char = HTML_BYTES_PER_CHAR if suffix in HTML_SUFFIXES else TEXT_BYTES_PER_CHAR
    data = read_bytes(path, per_char * max_chars,
                      too_long=f"document too long ({{size}}; an article has at most {max_chars:,} characters); "
                               "split it into articles")
    text = decode(path, data, encoding)
    return parse_article(path, text, max_chars), hashlib.sha256(data).hexdigest()[:16], len(data)

