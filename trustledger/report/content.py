"""Everything a report about one dyad shows, gathered from the store in one place.

The HTML and Markdown renderers (and the web app's report page) take a `ReportData` and only
format it, so the three always show the same numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from trustledger import queries
from trustledger.report import data
from trustledger.store.db import Store


@dataclass
class ReportData:
    truster: str
    trustee: str
    since: dt.date | None
    until: dt.date | None
    assessment: dict[str, Any]
    timeline: dict[str, Any]
    ledger: list[dict[str, Any]]
    agreement: list[dict[str, Any]]
    evidence: list[dict[str, Any]]
    counts: dict[str, int]
    store_path: str
    generated: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"))

    @property
    def event_total(self) -> int:
        return sum(r["n"] for r in self.timeline["rows"])

    def status_counts(self) -> dict[str, int]:
        counts = {s: 0 for s in ("kept", "kept_late", "broken", "pending", "unknown")}
        for entry in self.ledger:
            counts[entry["status"]] = counts.get(entry["status"], 0) + 1
        return counts


def collect(store: Store, truster: str, trustee: str, since: dt.date | None = None,
            until: dt.date | None = None, max_evidence: int = 40,
            assessment: dict[str, Any] | None = None) -> ReportData:
    """Read the dyad's assessment (unless given), events, ledger (the trustee's promises to the
    truster) and votes, through the commands' own queries (`trustledger.queries`); the evidence
    cited gets its documents' titles, dates and links."""
    if assessment is None:
        assessment = queries.assess(store, truster, trustee, since, until)
    ledger = queries.ledger(store, promisor=trustee, promisee=truster, since=since, until=until)
    evidence = [dict(e) for e in (assessment.get("evidence") or [])[:max_evidence]]
    if not evidence:
        # No assessment evidence (e.g. too little data): cite the ledger's own sentences instead.
        evidence = [dict(e, component="commitments", kind="commitment", ref=entry["commitment_id"])
                    for entry in ledger for e in entry.get("evidence") or []][:max_evidence]
    data.with_documents(store, evidence)
    return ReportData(
        truster=truster, trustee=trustee, since=since, until=until, assessment=assessment,
        timeline=data.timeline(store, truster, trustee, since, until), ledger=ledger,
        agreement=queries.agreement(store, truster, trustee, since=since, until=until), evidence=evidence,
        counts=store.counts(), store_path=store.path,
    )
