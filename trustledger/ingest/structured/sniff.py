"""Which published layout a structured data file is in, from its name and first lines.

Sniffing reads only the first few kilobytes (through gzip or the first member of a zip), so
it is cheap enough to run on every file that `ingest` walks. A layout is recognised by its
header (or, for headerless GDELT files, by the number of tab-separated fields and a numeric
event id and date); a CSV/TSV/Parquet file that matches nothing is claimed as a CAMEO table,
whose importer refuses it with one line naming the layouts it expected unless `--map` says
which columns hold what.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

#: Suffixes (after removing .gz) a data file may have.
TABLE_SUFFIXES = {".csv", ".tsv", ".tab", ".txt", ".parquet"}
HEAD_BYTES = 64 * 1024

ICEWS_COLUMNS = {"Event ID", "Event Date", "Source Country", "CAMEO Code", "Intensity", "Target Country"}
UNVOTES_VOTES = ["rcid", "country", "country_code", "vote"]
UNVOTES_ROLL_CALLS = {"rcid", "session", "importantvote", "date", "unres"}
UNVOTES_ISSUES = ["rcid", "short_name", "issue"]
UNSC_VOTES = {"resolution", "date", "country", "vote"}
VETO_COLUMNS = {"draft", "agenda_item", "member_veto1"}
SIPRI_HEADER = "SIPRI AT Database ID"

#: What `ingest` expects, said once when a file matches no layout.
EXPECTED = (
    "expected GDELT 1.0 (57/58 tab-separated columns) or 2.0 (61), ICEWS (tab-separated: Event ID, "
    "Event Date, Source Country, CAMEO Code, Intensity, ...), unvotes (rcid,country,country_code,vote / "
    "rcid,session,importantvote,date,unres,... / rcid,short_name,issue), Voeten (rcid,ccode,member,vote), "
    "UN Security Council votes (resolution,date,country,vote), the SIPRI trade register, UNSC vetoes, "
    "or a CAMEO event table with --map source=COL,target=COL,cameo=COL,date=COL"
)


@dataclass(frozen=True)
class Head:
    """The first lines of a file (decompressed), and what kind of container it came in."""

    lines: list[str]
    container: str  # plain, gzip, zip
    suffix: str  # the data suffix: .csv, .tsv, ...


def data_suffix(path: Path) -> str:
    """'.csv' for x.csv, x.csv.gz and x.export.CSV.zip; '' when the name says nothing."""
    suffixes = [s.lower() for s in path.suffixes]
    while suffixes and suffixes[-1] in (".gz", ".zip"):
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def read_head(path: Path, nbytes: int = HEAD_BYTES) -> Head | None:
    """The first lines of the file's data, or None when it cannot be read as text."""
    name = path.name.lower()
    try:
        if name.endswith(".zip"):
            with zipfile.ZipFile(path) as zf:
                members = [m for m in zf.infolist() if not m.is_dir()]
                if not members:
                    return None
                with zf.open(members[0]) as f:
                    raw = f.read(nbytes)
                container, suffix = "zip", data_suffix(Path(members[0].filename))
        elif name.endswith(".gz"):
            # zlib on the first compressed bytes: works on truncated files too (the load then says so)
            with open(path, "rb") as f:
                raw = zlib.decompressobj(wbits=31).decompress(f.read(nbytes), nbytes)
            container, suffix = "gzip", data_suffix(path)
        else:
            with open(path, "rb") as f:
                raw = f.read(nbytes)
            container, suffix = "plain", data_suffix(path)
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error):
        return None
    if b"\x00" in raw[:4096]:
        return None
    text = raw.decode("utf-8", errors="replace").lstrip("\ufeff")
    lines = text.splitlines()
    if len(raw) == nbytes and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut short
    return Head(lines, container, suffix)


def _fields(line: str, delim: str) -> list[str]:
    return [f.strip().strip('"') for f in line.split(delim)]


def _gdelt_kind(line: str) -> str | None:
    """gdelt1/gdelt2 for a headerless GDELT event row: numeric id and YYYYMMDD date."""
    f = line.split("\t")
    if not (f[0].isdigit() and len(f) > 1 and re.fullmatch(r"\d{8}", f[1])):
        return None
    if len(f) in (57, 58):
        return "gdelt1"
    if len(f) == 61:
        return "gdelt2"
    return None


def sniff_head(head: Head) -> str | None:
    """The layout name for these first lines, or None."""
    lines = [ln for ln in head.lines if ln.strip()]
    if not lines:
        return None
    first = lines[0]
    # SIPRI trade register: a preamble, then the header line.
    if any(ln.startswith(SIPRI_HEADER) for ln in lines[:20]):
        return "sipri"
    if "\t" in first:
        cols = _fields(first, "\t")
        if cols[0].upper() == "GLOBALEVENTID":
            return {57: "gdelt1", 58: "gdelt1", 61: "gdelt2"}.get(len(cols))
        if ICEWS_COLUMNS <= set(cols):
            return "icews"
        kind = _gdelt_kind(first)
        if kind:  # the first row decides; most later rows need a GDELT field count (bad rows are rejected)
            counts = (57, 58) if kind == "gdelt1" else (61,)
            rest = lines[1:50]
            if sum(ln.count("\t") + 1 in counts for ln in rest) >= 0.8 * len(rest):
                return kind
    if head.suffix == ".txt":
        return None  # plain text is an article unless it is one of the tab layouts above
    delim = "\t" if first.count("\t") > first.count(",") else ","
    cols = [c.lower() for c in _fields(first, delim)]
    colset = set(cols)
    if cols == UNVOTES_VOTES:
        return "unvotes_votes"
    # Voeten's full UNVotes file has the roll-call columns too (date, unres, short, ...): its votes
    # and country codes make it Voeten's layout, which stores the roll calls as well.
    if "rcid" in colset and "vote" in colset and colset & {"ccode", "countryname"}:
        return "voeten"
    if UNVOTES_ROLL_CALLS <= colset:
        return "unvotes_roll_calls"
    if cols == UNVOTES_ISSUES:
        return "unvotes_issues"
    if UNSC_VOTES <= colset:
        return "unsc_votes"
    if VETO_COLUMNS <= colset:
        return "unsc_vetoes"
    return None


def sniff(path: Path) -> str | None:
    """Asked first by trustledger.ingest.detect: a layout name, or None to pass."""
    suffix = data_suffix(path)
    if suffix not in TABLE_SUFFIXES:
        return None
    if suffix == ".parquet":
        return "cameo_table"
    head = read_head(path)
    if head is None:
        return None if suffix == ".txt" else "cameo_table"
    kind = sniff_head(head)
    if kind:
        return kind
    # Unrecognised CSV/TSV: the CAMEO-table importer decides (with --map) or refuses it.
    return None if suffix == ".txt" else "cameo_table"
