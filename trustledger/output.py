"""Printing results as a table, JSON, JSON Lines or CSV, the same way for every command."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import enum
import io
import json
import math
import sys
from typing import Any

from rich.console import Console
from rich.table import Table


class Format(enum.StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def _default(o: Any) -> Any:
    if isinstance(o, dt.datetime | dt.date):
        return o.isoformat()
    if isinstance(o, decimal.Decimal):
        return float(o)
    if isinstance(o, set | tuple):
        return list(o)
    if hasattr(o, "tolist"):
        return o.tolist()
    raise TypeError(f"cannot serialise {type(o).__name__}")


def clean(o: Any) -> Any:
    """JSON-safe values: NaN and infinities become null."""
    if isinstance(o, float) and (math.isnan(o) or math.isinf(o)):
        return None
    if isinstance(o, dict):
        return {k: clean(v) for k, v in o.items()}
    if isinstance(o, list | tuple):
        return [clean(v) for v in o]
    return o


def to_json(o: Any, indent: int | None = 2) -> str:
    return json.dumps(clean(o), default=_default, ensure_ascii=False, indent=indent)


def flatten(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested objects become dotted columns (source.code); lists become JSON text."""
    out: dict[str, Any] = {}
    for k, v in row.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(flatten(v, key + "."))
        elif isinstance(v, list):
            out[key] = to_json(v, indent=None)
        else:
            out[key] = v
    return out


#: Width of prose (the assess panel, key/value tables) when stdout is not a terminal and COLUMNS is
#: unset: a file or a pager reads comfortably at 100 columns.
PIPE_WIDTH = 100
#: Width of list tables when stdout is not a terminal and COLUMNS is unset: wide enough that no row
#: wraps, so `trustledger events > out.txt`, `| grep`, `| sort` see one row per line, as `ps` and
#: `docker ps` print when piped (set COLUMNS to get a fixed width instead).
PIPE_TABLE_WIDTH = 4000
#: Columns a narrow terminal drops first, least important first (column names of every list
#: command); columns not listed are kept.
DROP_ORDER = ("corroborated_by", "negated", "quote", "story_id", "path", "sentences", "evidence", "mode",
              "outcomes", "fulfilled", "body", "resolution", "delay_days", "made", "warm_words", "praise",
              "interval", "iso2", "iso3", "until", "successor", "also", "contested_votes", "cameo", "short",
              "title")
#: A column whose longest value is at most this wide needs all of it (dates, codes, names); a wider
#: one (sentences, descriptions) can wrap, down to `WRAP_MIN` columns.
SHORT_COLUMN = 16
WRAP_MIN = 20

#: Columns holding a country code, shown with the country's name in tables ("Russia (RUS)").
COUNTRY_COLUMNS = frozenset({"promisor", "promisee", "truster", "trustee", "country", "target"})


def terminal_width(out: Any = None) -> int | None:
    """The width output to `out` should follow: COLUMNS when set, else the terminal's width when
    `out` is a terminal, else None (a file or a pipe)."""
    import os

    env = os.environ.get("COLUMNS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    out = out or sys.stdout
    try:
        if out.isatty():
            return os.get_terminal_size(out.fileno()).columns
    except (AttributeError, OSError, ValueError):
        pass
    return None


def console(out: Any = None, table: bool = False) -> Console:
    """A rich Console for `out` at the width it should follow (`terminal_width`); not a terminal:
    `PIPE_TABLE_WIDTH` for list tables, `PIPE_WIDTH` for prose."""
    out = out or sys.stdout
    width = terminal_width(out) or (PIPE_TABLE_WIDTH if table else PIPE_WIDTH)
    return Console(file=out, width=width, highlight=False, soft_wrap=False)


def _country_cell(v: Any) -> str:
    from trustledger.country_names import country

    if isinstance(v, dict):
        code, c = v.get("code") or "", country(v.get("country") or "")
        if c is None or not code:
            return str(code or v.get("text") or "")
        return f"{c.name} ({code})"
    c = country(v) if isinstance(v, str) else None
    return f"{c.name} ({c.code})" if c else str(v)


def _cell(v: Any, width: int = 80, column: str | None = None) -> str:
    if v is None:
        return ""
    if column in COUNTRY_COLUMNS and isinstance(v, str):
        v = _country_cell(v)
    if isinstance(v, dict):
        v = _country_cell(v) if "country" in v else (v.get("code") or v.get("text") or to_json(v, indent=None))
    if isinstance(v, list):
        v = f"[{len(v)}]"
    if isinstance(v, float):
        v = f"{v:.3g}"
    s = str(v) if not isinstance(v, dt.date) else v.isoformat()
    return s if len(s) <= width else s[: width - 1] + "…"


def _table(cells: list[list[str]], cols: list[str], title: str | None, caption: str | None,
           widths: list[int] | None = None) -> Table:
    table = Table(title=title, caption=caption, caption_justify="left", show_lines=False)
    for i, c in enumerate(cols):
        table.add_column(c, overflow="fold", width=widths[i] if widths else None)
    for r in cells:
        table.add_row(*r)
    return table


def _widths(cells: list[list[str]], heads: list[str], width: int) -> list[int] | None:
    """Column widths that fit `width` without cutting a word or a header, when the columns' natural
    widths do not fit: each column gets its longest word (at most `WRAP_MIN`: a URL may fold) and
    its header, and the room left goes to the columns in proportion to what they lack of their
    longest line. None when the natural widths fit, or when even the words do not (rich's own
    squeeze then decides). Rich alone shrinks the widest columns first, which cuts words such as
    "insufficient" in a narrow verdict column while a name column keeps room to spare."""
    from rich.cells import cell_len

    n = len(heads)
    avail = width - 3 * n - 1
    want, least = [], []
    for i, h in enumerate(heads):
        lines = [line for r in cells for line in r[i].splitlines()] or [""]
        words = [w for line in lines for w in line.split()] or [""]
        want.append(max([cell_len(h)] + [cell_len(line) for line in lines]))
        least.append(min(want[-1], max(cell_len(h), min(WRAP_MIN, max(cell_len(w) for w in words)))))
    if sum(want) <= avail or sum(least) > avail:
        return None
    out, spare = list(least), avail - sum(least)
    # Short columns (names, verdicts, dates) whole first, the nearest to whole first: a name on three
    # lines reads worse than a sentence on one more.
    for i in sorted(range(n), key=lambda i: want[i] - least[i]):
        if want[i] <= SHORT_COLUMN and want[i] - out[i] <= spare:
            spare -= want[i] - out[i]
            out[i] = want[i]
    # The rest to the long columns, in proportion to what they lack; the remainder one by one.
    lack = [w - o for w, o in zip(want, out, strict=True)]
    total = sum(lack)
    if total:
        out = [o + spare * k // total for o, k in zip(out, lack, strict=True)]
        for i in sorted(range(n), key=lambda i: out[i] - want[i]):
            if sum(out) >= avail:
                break
            if out[i] < want[i]:
                out[i] += 1
    return out


def _needed(cells: list[list[str]], cols: list[str], keep: list[int]) -> int:
    """The width a table of the `keep` columns needs to stay readable: short columns whole, long ones
    at least `WRAP_MIN` (or their longest line, when shorter), plus rich's borders and padding (3 a
    column, 1 at the edge). A header is never wrapped: it counts whole."""
    from rich.cells import cell_len

    total = 1
    for i in keep:
        longest = max([cell_len(cols[i])] + [cell_len(line) for r in cells for line in r[i].splitlines() or [""]])
        total += (longest if longest <= SHORT_COLUMN else max(min(WRAP_MIN, longest), cell_len(cols[i]))) + 3
    return total


def fit_table(con: Console, cells: list[list[str]], cols: list[str], title: str | None = None,
              short: dict[str, str] | None = None) -> Table:
    """A table that fits the console. When it cannot be read at this width (`_needed`), the headers
    with a short form in `short` ({"reciprocity": "recip."}) use it first (a header cut in two
    reads as two words), then the least important column (`DROP_ORDER`) goes, one at a time; a
    caption says what was shortened or hidden and how to see it all. What remains wraps inside its
    cells; no line is wider than the console."""
    keep = list(range(len(cols)))
    heads = list(cols)
    notes: list[str] = []
    if short and _needed(cells, heads, keep) > con.width:
        heads = [short.get(c, c) for c in cols]
    dropped: list[str] = []
    order = [c for c in DROP_ORDER if c in cols]
    while order and _needed(cells, heads, keep) > con.width:
        name = order.pop(0)
        keep.remove(cols.index(name))
        dropped.append(name)
    shortened = [cols[i] for i in keep if heads[i] != cols[i]]
    if shortened:
        notes.append(", ".join(f"{heads[cols.index(c)]} = {c}" for c in shortened))
    if dropped:
        notes.append(f"hidden at {con.width} columns: {', '.join(dropped)} (--format json shows all)")
    kept_cells, kept_heads = [[r[i] for i in keep] for r in cells], [heads[i] for i in keep]
    return _table(kept_cells, kept_heads, title, "; ".join(notes) or None, _widths(kept_cells, kept_heads, con.width))


def emit_rows(rows: list[dict[str, Any]], fmt: Format, columns: list[str] | None = None,
              title: str | None = None, out=None, short: dict[str, str] | None = None,
              notes: list[str] | None = None) -> None:
    """Print rows as a table (fitted to the terminal, `fit_table`, with the `short` header forms),
    JSON, JSON Lines or CSV. `notes` are sentences printed under the table (wrapped to its width),
    for what reads badly inside a cell."""
    out = out or sys.stdout
    if fmt == Format.json:
        out.write(to_json(rows) + "\n")
    elif fmt == Format.jsonl:
        for r in rows:
            out.write(to_json(r, indent=None) + "\n")
    elif fmt == Format.csv:
        flat = [flatten(r) for r in rows]
        names: list[str] = []
        for r in flat:
            names.extend(k for k in r if k not in names)
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=names, extrasaction="ignore")
        w.writeheader()
        for r in flat:
            w.writerow({k: ("" if v is None else v) for k, v in r.items()})
        out.write(buf.getvalue())
    else:
        cols = columns or (list(rows[0].keys()) if rows else [])
        con = console(out, table=True)
        cells = [[_cell(r.get(c), column=c) for c in cols] for r in rows]
        con.print(fit_table(con, cells, cols, title, short))
        for note in notes or []:
            con.print(note, markup=False)
        if not rows:
            out.write("(no rows)\n")


def emit_object(obj: dict[str, Any], fmt: Format, out=None) -> None:
    out = out or sys.stdout
    if fmt in (Format.json, Format.jsonl):
        out.write(to_json(obj, indent=2 if fmt == Format.json else None) + "\n")
    elif fmt == Format.csv:
        emit_rows([flatten(obj)], fmt, out=out)
    else:
        table = Table(show_header=False)
        table.add_column("key", style="bold")
        table.add_column("value", overflow="fold")
        for k, v in flatten(obj).items():
            table.add_row(k, _cell(v, 200))
        console(out).print(table)
