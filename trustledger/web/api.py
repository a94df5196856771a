"""The JSON API under /api/: the CLI's read verbs over HTTP, in the CLI's JSON shapes.

Every parameter is validated by FastAPI before a handler runs (country codes ^[A-Z]{3}$,
dates, bounded limits and search text); a bad one gets a 422 JSON error naming it.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import JSONResponse

from trustledger.dates_arg import shown
from trustledger.output import to_json
from trustledger.report import data
from trustledger.store import queries
from trustledger.store.db import Store
from trustledger.web import deps
from trustledger.web.deps import (
    COUNTRY_PATTERN,
    CommitmentId,
    CountryPath,
    CountryQuery,
    DocId,
    Limit,
    SearchText,
    Since,
    Until,
)


class DataResponse(JSONResponse):
    """JSON as the CLI prints it (dates as ISO strings, NaN as null)."""

    def render(self, content: Any) -> bytes:
        return to_json(content, indent=None).encode("utf-8")


class Status(StrEnum):
    kept = "kept"
    kept_late = "kept_late"
    broken = "broken"
    pending = "pending"
    unknown = "unknown"


StoreDep = Annotated[Store, Depends(deps.store)]
router = APIRouter(prefix="/api", default_response_class=DataResponse, tags=["api"])


@router.get("/stats", summary="Row count of every table (like `trustledger stats`)")
def stats(store: StoreDep) -> DataResponse:
    return DataResponse(data.stats(store))


@router.get("/pairs", summary="Directed pairs (truster, trustee) that have events or commitments")
def pairs(store: StoreDep, limit: Limit = 200) -> DataResponse:
    return DataResponse(data.pairs(store, limit))


@router.get("/documents", summary="Stored documents (like `trustledger documents`)")
def documents(store: StoreDep, story: Annotated[str | None, Query(pattern=deps.ID_PATTERN)] = None,
              limit: Limit = 100) -> DataResponse:
    return DataResponse(data.documents(store, story, limit))


@router.get("/documents/{doc_id}/sentences", summary="One document's sentences (like `trustledger sentences`)")
def sentences(store: StoreDep, doc_id: DocId) -> DataResponse:
    rows = queries.sentences(store, doc_id)
    if not rows:
        raise HTTPException(404, f"no document {doc_id}")
    return DataResponse(rows)


@router.get("/events", summary="Coded events (like `trustledger events`)")
def events(store: StoreDep, source: CountryQuery = None, target: CountryQuery = None, since: Since = None,
           until: Until = None, quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
           both: Annotated[bool, Query(description="Also the target→source direction.")] = False,
           limit: Limit = 1000) -> DataResponse:
    deps.check_period(since, until)
    return DataResponse(data.events(store, source, target, since, until, quad_class, both, limit))


@router.get("/ledger", summary="Commitments with outcomes and status (like `trustledger ledger`)")
def ledger(store: StoreDep, promisor: CountryQuery = None, promisee: CountryQuery = None,
           status: Status | None = None, since: Since = None, until: Until = None,
           limit: Limit = 1000) -> DataResponse:
    deps.check_period(since, until)
    return DataResponse(data.ledger(store, promisor, promisee, status.value if status else None, since, until,
                                    limit))


@router.get("/ledger/{commitment_id}", summary="One ledger entry with its evidence and their documents")
def ledger_entry(store: StoreDep, commitment_id: CommitmentId) -> DataResponse:
    entry = data.ledger_entry(store, commitment_id)
    if entry is None:
        raise HTTPException(404, f"no commitment {commitment_id}")
    return DataResponse(entry)


@router.get("/assess/{truster}/{trustee}", summary="Can TRUSTER trust TRUSTEE? (like `trustledger assess`)")
def assess(store: StoreDep, truster: CountryPath, trustee: CountryPath, since: Since = None,
           until: Until = None) -> DataResponse:
    deps.check_period(since, until)
    return DataResponse(deps.memo(store, ("assess", truster, trustee, since, until),
                                  lambda: data.assessment(store, truster, trustee, since, until)))


@router.get("/compare/{truster}", summary="Several trustees side by side (like `trustledger compare`)")
def compare(store: StoreDep, truster: CountryPath,
            trustee: Annotated[list[str], Query(min_length=1, max_length=12,
                                                description="Trustees to compare; repeat the parameter.")],
            since: Since = None, until: Until = None) -> DataResponse:
    deps.check_period(since, until)
    bad = [t for t in trustee if not _is_country(t)]
    if bad:
        raise HTTPException(422, f"trustee {shown(bad[0])} is not a three-letter country code (e.g. RUS)")
    return DataResponse(deps.memo(store, ("compare", truster, tuple(trustee), since, until),
                                  lambda: data.compare(store, truster, trustee, since, until)))


@router.get("/agreement/{a}/{b}", summary="UN vote agreement by year (like `trustledger agreement`)")
def agreement(store: StoreDep, a: CountryPath, b: CountryPath, since: Since = None,
              until: Until = None) -> DataResponse:
    deps.check_period(since, until)
    return DataResponse(data.agreement(store, a, b, since, until))


@router.get("/votes", summary="UN roll-call votes (like `trustledger votes`)")
def votes(store: StoreDep, country: CountryQuery = None,
          rcid: Annotated[str | None, Query(pattern=deps.ID_PATTERN)] = None, since: Since = None,
          until: Until = None, limit: Limit = 1000) -> DataResponse:
    deps.check_period(since, until)
    return DataResponse(data.votes(store, country, rcid, since, until, limit))


@router.get("/evidence", summary="Sentences matching a search, optionally only those about a pair")
def evidence(store: StoreDep, q: SearchText = None, truster: CountryQuery = None, trustee: CountryQuery = None,
             limit: Annotated[int, Query(ge=1, le=500)] = 50) -> DataResponse:
    return DataResponse(data.search_evidence(store, q, truster, trustee, limit))


def _is_country(value: str) -> bool:
    import re

    return re.fullmatch(COUNTRY_PATTERN, value) is not None
