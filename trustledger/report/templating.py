"""One Jinja2 set-up for the report and the web pages: autoescape always on, shared filters.

Article text, titles and paths are data from the outside world; they are only ever inserted
escaped. The filters here format numbers and dates, and `safe_url` keeps a document's URL as a
link only when it is http(s) — a `javascript:` URL would survive HTML escaping.
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

from jinja2 import ChainableUndefined, Environment, PackageLoader

from trustledger.report import readable

STATUS_LABELS = {"kept": "kept", "kept_late": "kept late", "broken": "broken", "pending": "pending",
                 "unknown": "unknown"}


def score(value: Any, digits: int = 2) -> str:
    if value is None:
        return "–"
    try:
        return f"{float(value):.{digits}f}"
    except (TypeError, ValueError):
        return str(value)


def interval(value: Any) -> str:
    if not value or len(value) != 2 or value[0] is None or value[1] is None:
        return "–"
    return f"{score(value[0])}–{score(value[1])}"


def day(value: Any) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def percent(value: Any) -> str:
    return "–" if value is None else f"{float(value):.0%}"


def safe_url(value: Any) -> str | None:
    """The URL when it is http(s), else None (never a script or file URL as a link)."""
    if not value or not isinstance(value, str):
        return None
    try:
        scheme = urlsplit(value.strip()).scheme.lower()
    except ValueError:
        return None
    return value.strip() if scheme in ("http", "https") else None


def delay(value: Any) -> str:
    if value is None:
        return "–"
    days = int(value)
    if abs(days) >= 365:
        return f"{days} days ({days / 365.25:.1f} years)"
    return f"{days} days"


def score_colour(value: Any) -> str:
    """The colour of a score's verdict band (`explain.score_colour`), for bars and swatches."""
    from trustledger.report.explain import score_colour as colour

    try:
        return colour(None if value is None else float(value))
    except (TypeError, ValueError):
        return colour(None)


def verdict_class(verdict: Any) -> str:
    v = str(verdict or "").lower()
    if "insufficient" in v:
        return "none"
    if "low" in v or "no trust" in v or "distrust" in v:
        return "low"
    if "high" in v:
        return "high"
    return "mid"


def environment(package: str) -> Environment:
    env = Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=True,               # every {{ }} is HTML-escaped unless marked safe in code
        undefined=ChainableUndefined,    # analysis shapes may grow or lack optional keys
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(score=score, interval=interval, day=day, percent=percent, safe_url=safe_url,
                       delay=delay, verdict_class=verdict_class, status=lambda s: STATUS_LABELS.get(s, s),
                       when=readable.when, cameo=readable.cameo_label, outcome_line=readable.outcome_line,
                       outcome=lambda k: readable.OUTCOME_WORDS.get(k, k), colour=score_colour,
                       basename=lambda p: PurePath(str(p)).name if p else "")
    return env
