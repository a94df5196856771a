"""Everything a report about one dyad shows, gathered from the store in one place.

The HTML and Markdown renderers (and the web app's report page) take a `ReportData` and only
format it, so the three always show the same numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from trustledger import queries
from trustledger.country_prose import in_prose
from trustledger.report import data, explain, readable
from trustledger.store.db import Store


def _titled(code: str) -> str:
    label = explain.country_label(code)
    return f"{in_prose(code)} ({code})" if label != code else code


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
    #: Rated and all commitments by origin (`text`, `sipri`), as the commitments component counts them.
    origins: dict[str, dict[str, int]] = field(default_factory=dict)
    generated: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"))

    @property
    def truster_name(self) -> str:
        """"Iran (IRN)", "the United States (USA)": the name a reader knows, with the code the store
        uses, for titles; sentences use `truster_prose`."""
        return _titled(self.truster)

    @property
    def trustee_name(self) -> str:
        return _titled(self.trustee)

    @property
    def truster_prose(self) -> str:
        """"Iran", "the United States": the name as sentences use it (the code is in the title)."""
        return in_prose(self.truster)

    @property
    def trustee_prose(self) -> str:
        return in_prose(self.trustee)

    @property
    def summary(self) -> list[str]:
        """The plain-language opening: verdict and range, what pulls the score down and up most."""
        return explain.summary(self.assessment, self.truster_prose, self.trustee_prose, self.origins)

    @property
    def drivers(self) -> list[dict[str, Any]]:
        return explain.drivers(self.assessment, self.truster_prose, self.trustee_prose)

    @property
    def methods(self) -> list[dict[str, Any]]:
        return explain.methods()

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
    _with_cameo(store, evidence)
    readable.whole_sentences(store, evidence)
    ledger = [_readable_entry(store, entry) for entry in ledger]
    return ReportData(
        truster=truster, trustee=trustee, since=since, until=until, assessment=assessment,
        timeline=data.timeline(store, truster, trustee, since, until), ledger=ledger,
        agreement=queries.agreement(store, truster, trustee, since=since, until=until), evidence=evidence,
        counts=store.counts(), store_path=store.path,
        origins=explain.origin_counts(store, truster, trustee, since, until),
    )


def _with_cameo(store: Store, evidence: list[dict[str, Any]]) -> None:
    """Give event evidence its CAMEO code with the codebook's name ("0311 Express intent to ...")."""
    refs = sorted({e["ref"] for e in evidence if e.get("kind") == "event" and e.get("ref")})
    if not refs:
        return
    codes = {r["event_id"]: r["cameo"] for r in store.query(
        "SELECT event_id, cameo FROM events WHERE list_contains(?, event_id)", [refs])}
    for e in evidence:
        if e.get("kind") == "event" and codes.get(e.get("ref")):
            e["cameo"] = codes[e["ref"]]
            e["cameo_label"] = readable.cameo_label(codes[e["ref"]])


def _readable_entry(store: Store, entry: dict[str, Any]) -> dict[str, Any]:
    """A ledger entry as the report shows it: its dates as written, the sentences that state the
    promise (whole, with their documents), and its outcomes grouped by what happened, each story
    once. The entry's own keys are kept unchanged."""
    entry = dict(entry)
    evidence = data.cited(store, entry.get("evidence") or [])
    outcomes = data.cited(store, entry.get("outcomes") or [])
    readable.whole_sentences(store, evidence)
    readable.whole_sentences(store, outcomes)
    entry["promise_evidence"] = readable.promise_sentences({**entry, "evidence": evidence, "outcomes": outcomes})
    entry["outcome_groups"] = readable.outcome_groups(outcomes)
    for key in ("made", "due", "fulfilled"):  # one style for every date, as precise as it is known
        entry[f"{key}_when"] = readable.when(entry.get(key), entry.get(f"{key}_precision"))
    return entry
