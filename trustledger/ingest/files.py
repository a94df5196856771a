"""Finding input files and turning their bytes into text, with one clear reason on failure."""

from __future__ import annotations

import gzip
import os
import stat
import zlib
from collections.abc import Iterator
from pathlib import Path

from trustledger.errors import InputError

#: Largest single file we read into memory for article ingest.
MAX_ARTICLE_BYTES = 200 * 1024 * 1024


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


def read_bytes(path: Path) -> bytes:
    """The file's content, gunzipped when it ends in .gz."""
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
    try:
        data = path.read_bytes()
    except PermissionError:
        raise InputError(str(path), "permission denied") from None
    except OSError as e:
        raise InputError(str(path), f"cannot read ({e.strerror})") from None
    if path.suffix == ".gz":
        try:
            data = gzip.decompress(data)
        except EOFError:
            raise InputError(str(path), "truncated gzip file (compressed stream ends early)") from None
        except (OSError, zlib.error) as e:
            raise InputError(str(path), f"not a valid gzip file ({e})") from None
        if not data:
            raise InputError(str(path), "empty file (after gunzip)")
    return data


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
