"""Date resolver and PETRARCH dictionary reader speed.

Prints: resolve_date expressions/s (cold, every expression new, and warm, from the cache);
dates_in + event_date sentences/s on the demo corpus (spaCy parsing excluded, since the coder
parses anyway), with the share of the parse time this adds; and the time to read each
PETRARCH/Phoenix dictionary in ../shared/data/petrarch with its record counts.
"""

from __future__ import annotations

import re
import time
from datetime import date, timedelta
from pathlib import Path

from trustledger.nlp import dates
from trustledger.nlp.model import load_model

ROOT = Path(__file__).resolve().parents[1]
PETRARCH = ROOT.parent / "shared" / "data" / "petrarch"

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def expressions(n: int) -> list[tuple[str, date]]:
    """n distinct (expression, document date) pairs in the forms news text uses."""
    out = []
    base = date(1990, 1, 1)
    forms = ["in {M} {Y}", "{D} {M} {Y}", "{M} {D}, {Y}", "in {Y}", "in {M}", "last year", "on Monday",
             "a decade ago", "by the end of {Y}", "mid-{Y}", "within four years", "yesterday", "{Y}-{MM}-{DD}",
             "the {Y0}s", "early {Y}", "last {M}", "next month", "earlier this month"]
    i = 0
    while len(out) < n:
        d = base + timedelta(days=(i * 37) % 12000)
        form = forms[i % len(forms)]
        text = form.format(M=MONTHS[d.month - 1], Y=d.year, D=d.day, MM=f"{d.month:02d}", DD=f"{d.day:02d}",
                           Y0=d.year // 10 * 10)
        out.append((text, d + timedelta(days=i % 400)))
        i += 1
    return out


def bench_resolve() -> None:
    exprs = expressions(20000)
    dates.clear_cache()
    t = time.perf_counter()
    resolved = sum(dates.resolve_date(e, d) is not None for e, d in exprs)
    cold = time.perf_counter() - t
    t = time.perf_counter()
    for e, d in exprs:
        dates.resolve_date(e, d)
    warm = time.perf_counter() - t
    print(f"resolve_date: {len(exprs)} expressions, {resolved} resolved; "
          f"cold {len(exprs) / cold:,.0f} expressions/s, cached {len(exprs) / warm:,.0f} expressions/s")


def corpus() -> list[tuple[str, date]]:
    docs = []
    for p in sorted((ROOT / "examples" / "corpus").glob("*.md")):
        text = p.read_text(encoding="utf-8")
        m = re.search(r"^date:\s*(\d{4}-\d{2}-\d{2})", text, re.M)
        body = text.split("---", 2)[-1] if text.startswith("---") else text
        docs.append((body, date.fromisoformat(m[1]) if m else date(2010, 1, 1)))
    return docs


def bench_sentences() -> None:
    nlp = load_model()
    docs = corpus()
    t = time.perf_counter()
    parsed = list(nlp.pipe([text for text, _ in docs], batch_size=32))
    parse = time.perf_counter() - t
    sents = [(s, d) for doc, (_, d) in zip(parsed, docs, strict=True) for s in doc.sents if s.text.strip()]
    dates.clear_cache()
    t = time.perf_counter()
    found = fallback = 0
    for sent, d in sents:
        found += len(dates.dates_in(sent, d))
        fallback += dates.event_date(sent, d)[1]
    took = time.perf_counter() - t
    print(f"dates_in + event_date: {len(sents)} demo sentences in {took:.3f} s = {len(sents) / took:,.0f} sentences/s "
          f"({found} date expressions, {len(sents) - fallback} sentences dated from their text); "
          f"adds {100 * took / parse:.1f}% to the {parse:.2f} s spaCy parse")


def bench_dictionaries() -> None:
    if not PETRARCH.exists():
        print(f"PETRARCH dictionaries: {PETRARCH} not found, skipped")
        return
    from trustledger.coding import petrarch_dicts as pd

    for name in ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "PETR.Validate.actors.txt",
                 "Phoenix.agents.txt", "PETR.Validate.agents.txt", "CAMEO.2.0.txt", "PETR.Validate.verbs.txt"]:
        path = PETRARCH / name
        t = time.perf_counter()
        kind = pd.dictionary_kind(path)
        if kind == "actors":
            r = pd.read_actors(path)
            what = f"{len(r.entries):,} actor entries ({len({e.root for e in r.entries}):,} records)"
        elif kind == "agents":
            r = pd.read_agents(path)
            what = f"{len(r.entries):,} agent phrases"
        else:
            r = pd.read_verbs(path)
            what = f"{len(r.verbs):,} verbs, {len(r.patterns):,} patterns, {len(r.synsets)} synonym sets"
        took = time.perf_counter() - t
        size = path.stat().st_size / 1e6
        print(f"{name} ({size:.2f} MB, {kind}): {what}, {len(r.warnings)} warnings, read in {took:.2f} s")


def main() -> None:
    bench_resolve()
    bench_sentences()
    bench_dictionaries()


if __name__ == "__main__":
    main()
