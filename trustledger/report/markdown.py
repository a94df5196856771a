"""`trustledger report --md`: the same report as Markdown, for notes, wikis and diffs.

Markdown renderers pass raw HTML through, so every piece of text from the store is escaped
both for HTML (`<`, `>`, `&`) and for Markdown's own syntax (table pipes, emphasis, links).
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

from trustledger.country_names import name as country_name
from trustledger.report import explain, readable
from trustledger.report import templating as fmt
from trustledger.report.charts import COMPONENT_LABELS
from trustledger.report.content import ReportData

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def md(text: Any) -> str:
    """Text from the store made inert in Markdown: HTML-escaped, syntax characters backslashed."""
    if text is None:
        return ""
    s = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    return " ".join(s.split())  # no line breaks inside a table cell or list item


def _cite(e: dict[str, Any]) -> str:
    """A source as a reader can follow it: its title (a link when it has an http(s) URL), date and
    publisher; never the local file it was loaded from."""
    url = fmt.safe_url(e.get("url"))
    title = md(e.get("title") or "untitled document")
    head = f"[{title}](<{url}>)" if url and ">" not in url and " " not in url else title
    parts = [head, readable.when(e.get("doc_date") or e.get("date")), md(e.get("source"))]
    return " · ".join(x for x in parts if x and x != "–")


def _direction(direction: str, r: ReportData) -> str:
    """A timeline row's direction ("RUS→IRN", the key the chart matches on) as names: "Russia → Iran"."""
    names = {f"{r.trustee}→{r.truster}": (r.trustee, r.truster), f"{r.truster}→{r.trustee}": (r.truster, r.trustee)}
    pair = names.get(direction)
    return f"{country_name(pair[0])} → {country_name(pair[1])}" if pair else direction


def render_markdown(r: ReportData) -> str:
    """The report as Markdown: the HTML report's sections in the same order, tables for the numbers."""
    a = r.assessment
    period = a.get("period") or {}
    out = [
        f"# Can {md(r.truster_name)} trust {md(r.trustee_name)}?",
        "",
        f"The record of {md(r.trustee_prose)} toward {md(r.truster_prose)}, evidence from "
        f"{readable.when(period.get('since') or r.since)} to {readable.when(period.get('until') or r.until)}.",
        "",
        f"**Verdict: {md(a.get('verdict'))}** — score {fmt.score(a.get('score'))} "
        f"(likely {fmt.interval(a.get('interval'))})",
        "",
    ]
    for line in r.summary:
        out += [md(line), ""]
    out += ["## How this is measured", "",
            f"Trust is directional: this reads what {md(r.trustee_prose)} said and did toward {md(r.truster_prose)}. "
            "Four parts, each scored from 0 (no trust) to 1 (full trust), are combined by weight.", "",
            "| part | weight | what it measures | data it comes from |", "|---|---|---|---|"]
    out += [f"| {md(m['label'])} | {fmt.percent(m['weight'])} | {md(m['measures'])} | {md(m['data'])} |"
            for m in r.methods]
    out += ["", md(explain.INTERVAL_NOTE), "",
            "## Components", "",
            "| part | score | likely range | weight | the evidence in words |",
            "|---|---|---|---|---|"]
    words = {d["name"]: d["words"] for d in r.drivers}
    for name, comp in (a.get("components") or {}).items():
        comp = comp or {}
        out.append(f"| {COMPONENT_LABELS.get(name, md(name))} | {fmt.score(comp.get('score'))} | "
                   f"{fmt.interval(comp.get('interval'))} | {fmt.percent(comp.get('weight'))} | "
                   f"{md(words.get(name) or 'not enough evidence')} |")
    out += ["", "## Events by quad class", "",
            f"{r.event_total} coded events between {md(r.truster_prose)} and {md(r.trustee_prose)} "
            f"({r.timeline['unit']}ly counts).", "",
            "| period | direction | verbal coop. | material coop. | verbal conflict | material conflict |",
            "|---|---|---|---|---|---|"]
    cells: dict[tuple[str, str], dict[int, int]] = {}
    for row in r.timeline["rows"]:
        cells.setdefault((row["period"], row["direction"]), {})[row["quad_class"]] = row["n"]
    for (period_, direction), counts in cells.items():
        quads = " | ".join(str(counts.get(q, 0)) for q in (1, 2, 3, 4))
        out.append(f"| {period_} | {md(_direction(direction, r))} | {quads} |")
    out += ["", f"## Ledger: commitments of {md(r.trustee_prose)} to {md(r.truster_prose)}", "",
            "Dates are as precise as the sources give them.", "",
            "| promise | made | due | what happened | status | delay |", "|---|---|---|---|---|---|"]
    for c in r.ledger:
        happened = "; ".join(md(readable.outcome_line(g)) for g in c.get("outcome_groups") or []) or "–"
        status = fmt.STATUS_LABELS.get(c.get("status"), md(c.get("status")))
        what = md(c.get("what")) + (" (SIPRI arms deal)" if c.get("origin") == "sipri" else "")
        made, due = c.get("made_when", fmt.day(c.get("made"))), c.get("due_when", fmt.day(c.get("due")))
        out.append(f"| {what} | {made} | {due} | {happened} | {status} | {fmt.delay(c.get('delay_days'))} |")
    stated = [(c, e) for c in r.ledger for e in (c.get("promise_evidence") or [])[:1]]
    if stated:
        out += ["", "### Evidence of the promises", ""]
        out += [f"- {md(c.get('what'))}: “{md(e.get('text'))}” — {_cite(e)}" for c, e in stated]
    out += ["", "## UN vote agreement", ""]
    if r.agreement:
        out += ["| year | agreement | votes |", "|---|---|---|"]
        out += [f"| {row['year']} | {fmt.percent(row['agreement'])} | {row['votes']} |" for row in r.agreement]
    else:
        out.append(f"No General Assembly roll calls in the store with votes of both {md(r.truster_prose)} and "
                   f"{md(r.trustee_prose)}.")
    out += ["", "## Evidence", ""]
    for e in r.evidence:
        label = COMPONENT_LABELS.get(e.get("component"), md(e.get("component")))
        cameo = f" ({md(e['cameo_label'])})" if e.get("cameo_label") else ""
        out.append(f"- [{label}{cameo}] “{md(e.get('text'))}” — {_cite(e)}")
    out += ["", "## The arithmetic behind the score", "", md(a.get("explanation")), "",
            "| part | score | 90% interval | weight | n | how it is computed |", "|---|---|---|---|---|---|"]
    for name, comp in (a.get("components") or {}).items():
        comp = comp or {}
        out.append(f"| {COMPONENT_LABELS.get(name, md(name))} | {fmt.score(comp.get('score'))} | "
                   f"{fmt.interval(comp.get('interval'))} | {fmt.score(comp.get('weight'))} | {comp.get('n', '–')} | "
                   f"{md(comp.get('detail'))} |")
    store = PurePath(str(r.store_path)).name
    out += ["", f"_Generated by trustledger on {r.generated} from the store {md(store)}._", ""]
    return "\n".join(out)
