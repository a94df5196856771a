"""Finding input files and turning their bytes into text, with one clear reason on failure."""

from __future__ import annotations

import codecs
import contextlib
import gzip
import hashlib
import io
import os
import stat
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from trustledger.errors import InputError

#: Largest file we read for article ingest; for a .gz file, the largest content it may unpack to.
MAX_ARTICLE_BYTES = 200 * 1024 * 1024
#: Bytes read (or unpacked) at a time.
READ_CHUNK = 1024 * 1024


def walk(paths: list[str]) -> Iterator[tuple[Path, str | None]]:
    """Every file under the given paths (folders recursively, sorted, hidden files and folder
    READMEs skipped),
    each with the reason it cannot be read, if any, so that one bad entry fails alone."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            errors: list[OSError] = []
            for root, dirs, files in os.walk(path, onerror=errors.append, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and not _is_folder_note(name):
                        f = Path(root) / name
                        yield f, _unreadable(f)
            for e in errors:
                yield Path(e.filename or str(path)), f"cannot list folder ({e.strerror})"
        else:
            yield path, _unreadable(path)


def _is_folder_note(name: str) -> bool:
    """README and LICENSE files describe a folder of articles; they are not articles themselves
    (named explicitly on the command line, they still load)."""
    return name.split(".")[0].upper() in {"README", "LICENSE", "LICENCE"}


def _unreadable(path: Path) -> str | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return "broken link" if path.is_symlink() else "no such file or folder"
    except OSError as e:
        return f"cannot read ({e.strerror})"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file"
    if not os.access(path, os.R_OK):
        return "permission denied"
    return None


def _mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB" if n >= 10 * 2**20 else f"{n / 2**20:.1f} MB"


def _size(path: Path) -> int:
    """The file's size on disk, refused when empty or beyond MAX_ARTICLE_BYTES."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except OSError as e:
        raise InputError(str(path), f"cannot read ({e.strerror})") from None
    if size == 0:
        raise InputError(str(path), "empty file")
    if size > MAX_ARTICLE_BYTES:
        raise InputError(str(path), f"too large for article ingest ({size // 2**20} MB > "
                                    f"{MAX_ARTICLE_BYTES // 2**20} MB)")
    return size


def _open(path: Path) -> BinaryIO:
    """The file's bytes as a stream, gunzipped (lazily, as they are read) when it ends in .gz."""
    try:
        f = open(path, "rb")  # noqa: SIM115 - handed to the caller, who closes it
    except PermissionError:
        raise InputError(str(path), "permission denied") from None
    except OSError as e:
        raise InputError(str(path), f"cannot read ({e.strerror})") from None
    if path.suffix.lower() == ".gz":
        return gzip.GzipFile(fileobj=f, mode="rb")  # closing it does not close f: see _Stream
    return f


@contextlib.contextmanager
def _reading(path: Path) -> Iterator[None]:
    """Read and gunzip errors as one clear reason naming the file."""
    try:
        yield
    except EOFError:
        raise InputError(str(path), "truncated gzip file (compressed stream ends early)") from None
    except (gzip.BadGzipFile, zlib.error) as e:
        raise InputError(str(path), f"not a valid gzip file ({e})") from None
    except PermissionError:
        raise InputError(str(path), "permission denied") from None
    except OSError as e:
        raise InputError(str(path), f"cannot read ({e.strerror or e})") from None


class _Stream(io.RawIOBase):
    """The (gunzipped) bytes of a file, counted and hashed as they pass, refused past `limit`.

    A gzip bomb is stopped after `limit` bytes of output, never unpacked whole: `too_long` words
    the refusal ("{size}" becomes "expands to more than N MB")."""

    def __init__(self, path: Path, limit: int, too_long: str | None):
        super().__init__()
        self.path, self.limit, self.too_long = path, limit, too_long
        self.gzipped = path.suffix.lower() == ".gz"
        self._file = _open(path)
        self._raw = self._file.fileobj if isinstance(self._file, gzip.GzipFile) else None
        self.size = 0
        self.sha = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        with _reading(self.path):
            n = self._file.readinto(buffer)
        if n:
            self.size += n
            if self.size > self.limit:
                raise InputError(str(self.path), self._refusal())
            self.sha.update(memoryview(buffer)[:n])
        return n

    def _refusal(self) -> str:
        if self.gzipped:
            size = f"expands to more than {_mb(self.limit)}"
            if self.too_long:
                return self.too_long.format(size=size)
            return f"{size} (the limit for article ingest)"
        if self.too_long:
            return self.too_long.format(size=f"more than {_mb(self.limit)} file")
        return f"too large for article ingest (more than {self.limit // 2**20} MB)"

    @property
    def file_id(self) -> str:
        """The first 16 hex digits of the SHA-256 of the bytes read (as pipeline.file_id_for)."""
        return self.sha.hexdigest()[:16]

    def close(self) -> None:
        try:
            self._file.close()
            if self._raw is not None:
                self._raw.close()
        finally:
            super().close()


def read_bytes(path: Path, limit: int = MAX_ARTICLE_BYTES, too_long: str | None = None) -> bytes:
    """The file's content, gunzipped when it ends in .gz, refused beyond `limit` bytes.

    The limit holds for the file on disk and, while unpacking, for a .gz file's content, so a small
    file that expands to gigabytes is refused after `limit` bytes without ever filling memory.
    `too_long` words the refusal for a caller's own limit, with `{size}` for the size found."""
    size = _size(path)
    limit = min(limit, MAX_ARTICLE_BYTES)
    gzipped = path.suffix.lower() == ".gz"
    if not gzipped and size > limit:
        raise InputError(str(path), too_long.format(size=f"{_mb(size)} file") if too_long
                         else f"too large for article ingest ({_mb(size)} > {limit // 2**20} MB)")
    stream = _Stream(path, limit, too_long)
    chunks = []
    try:
        while True:
            chunk = stream.read(READ_CHUNK)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        stream.close()
    data = b"".join(chunks)
    if gzipped and not data:
        raise InputError(str(path), "empty file (after gunzip)")
    return data


def read_head(path: Path, n: int = 8192) -> bytes:
    """The first `n` bytes of the file's content (gunzipped); what is there if the file is shorter."""
    stream = _Stream(path, MAX_ARTICLE_BYTES, None)
    try:
        return stream.read(n) or b""
    finally:
        stream.close()


class TextLines:
    """The lines of a text file, streamed (gunzipped for .gz): memory holds one line, and never more
    than `max_line` bytes of it, whatever the file's size.

    Iterating yields (line number, text, complete): a line longer than `max_line` comes back cut to
    its first `max_line` characters with `complete` False (the rest is skipped unread into memory).
    Encodings follow `decode`: UTF-8 (BOM allowed), UTF-16 with a BOM, or `encoding`; the file's
    content is refused past MAX_ARTICLE_BYTES (a .gz while it is unpacked). After iterating,
    `file_id` and `size` are those of the whole (gunzipped) content, as `read_bytes` would give.
    """

    def __init__(self, path: Path, encoding: str | None = None, max_line: int = 16 * 2**20):
        self.path = path
        self.encoding = encoding
        self.max_line = max_line
        self.file_id = ""
        self.size = 0

    def _encoding(self, head: bytes) -> str:
        path = self.path
        if self.encoding:
            try:
                codecs.lookup(self.encoding)
            except LookupError as e:
                raise InputError(str(path), f"cannot decode as {self.encoding} ({e})") from None
            return self.encoding
        if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
            return "utf-16"
        if looks_utf16(head):
            raise InputError(str(path), "looks like UTF-16 without a byte-order mark; pass --encoding utf-16-le "
                                        "(or utf-16-be)")
        if looks_binary(head):
            raise InputError(str(path), "binary file, not text")
        return "utf-8-sig"

    def __iter__(self) -> Iterator[tuple[int, str, bool]]:
        _size(self.path)
        head = read_head(self.path)
        if not head:
            raise InputError(str(self.path), "empty file (after gunzip)")
        encoding = self._encoding(head)
        if self.path.suffix.lower() == ".gz":
            # Unpack once without keeping anything, so that a gzip bomb is refused before a single
            # record is parsed (records of a file are held until it is stored).
            with contextlib.closing(_Stream(self.path, MAX_ARTICLE_BYTES, None)) as probe:
                while probe.read(READ_CHUNK):
                    pass
        # Line breaks are found in the bytes when the encoding keeps ASCII's (UTF-8, Latin-1, ...);
        # UTF-16 and the like go through a text stream instead.
        try:
            ascii_breaks = "a\n\r".encode(encoding).endswith(b"a\n\r")
        except (UnicodeError, LookupError):
            ascii_breaks = False
        stream = _Stream(self.path, MAX_ARTICLE_BYTES, None)
        nonblank = False
        try:
            lines = self._byte_lines(stream, encoding) if ascii_breaks else self._text_lines(stream, encoding)
            for n, text, complete in lines:
                nonblank = nonblank or not complete or bool(text.strip())
                yield n, text, complete
        finally:
            stream.close()
        self.file_id, self.size = stream.file_id, stream.size
        if not nonblank:
            raise InputError(str(self.path), "no text (only white space)")

    def _byte_lines(self, stream: _Stream, encoding: str) -> Iterator[tuple[int, str, bool]]:
        buf = io.BufferedReader(stream, READ_CHUNK)
        n = 0
        while True:
            line = buf.readline(self.max_line + 1)
            if not line:
                return
            n += 1
            complete = line.endswith(b"\n") or len(line) <= self.max_line
            if not complete:
                rest = line
                while rest and not rest.endswith(b"\n"):
                    rest = buf.readline(READ_CHUNK)
                line = line[:self.max_line]
            line = line.rstrip(b"\r\n")
            try:
                text = line.decode(encoding)
            except UnicodeDecodeError as e:
                if not complete:  # cut inside a character: the record is refused anyway
                    text = line.decode(encoding, errors="ignore")
                elif self.encoding:
                    raise InputError(str(self.path), f"cannot decode line {n} as {encoding} ({e})") from None
                else:
                    raise InputError(
                        str(self.path),
                        f"not valid UTF-8 (byte 0x{line[e.start]:02x} on line {n}, column {e.start + 1}); "
                        "re-encode it or pass --encoding latin-1",
                    ) from None
            yield n, text, complete

    def _text_lines(self, stream: _Stream, encoding: str) -> Iterator[tuple[int, str, bool]]:
        text = io.TextIOWrapper(io.BufferedReader(stream, READ_CHUNK), encoding=encoding, newline=None)
        n = 0
        try:
            while True:
                line = text.readline(self.max_line + 1)
                if not line:
                    return
                n += 1
                complete = line.endswith("\n") or len(line) <= self.max_line
                if not complete:
                    rest = line
                    while rest and not rest.endswith("\n"):
                        rest = text.readline(READ_CHUNK)
                    line = line[:self.max_line]
                yield n, line.rstrip("\n"), complete
        except UnicodeDecodeError as e:
            what = f"as {encoding}" if self.encoding else "UTF-16 text"
            raise InputError(str(self.path), f"cannot decode {what} near line {n + 1} ({e.reason})") from None
        finally:
            text.detach()


def decode(path: Path, data: bytes, encoding: str | None = None) -> str:
    """Text from bytes: UTF-8 (BOM allowed) or UTF-16 with a BOM; anything else needs --encoding."""
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as e:
            raise InputError(str(path), f"cannot decode as {encoding} ({e})") from None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(str(path), "invalid UTF-16 text") from None
    if looks_utf16(data):
        raise InputError(str(path), "looks like UTF-16 without a byte-order mark; pass --encoding utf-16-le "
                                    "(or utf-16-be)")
    if looks_binary(data):
        raise InputError(str(path), "binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            str(path),
            f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); "
            "re-encode it or pass --encoding latin-1",
        ) from None
    if not text.strip():
        raise InputError(str(path), "no text (only white space)")
    return text


def looks_utf16(data: bytes) -> bool:
    """ASCII-range text in UTF-16 has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 8:
        return False
    even, odd = sample[0::2], sample[1::2]
    return (odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even)) or \
        (even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd))


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control > len(sample) * 0.05
