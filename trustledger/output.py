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


def _cell(v: Any, width: int = 80) -> str:
    if v is None:
        return ""
    if isinstance(v, dict):
        v = v.get("code") or v.get("text") or to_json(v, indent=None)
    if isinstance(v, list):
        v = f"[{len(v)}]"
    if isinstance(v, float):
        v = f"{v:.3g}"
    s = str(v) if not isinstance(v, dt.date) else v.isoformat()
    return s if len(s) <= width else s[: width - 1] + "…"


def emit_rows(rows: list[dict[str, Any]], fmt: Format, columns: list[str] | None = None,
              title: str | None = None, out=None) -> None:
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
        table = Table(title=title, show_lines=False)
        for c in cols:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*(_cell(r.get(c)) for c in cols))
        Console(file=out, width=max(160, Console().width)).print(table)
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
        Console(file=out).print(table)
