"""The JSON API under /api/: the CLI's read verbs over HTTP, in the CLI's JSON shapes.

Every parameter is validated by FastAPI before a handler runs (country codes ^[A-Z]{3}$,
dates, bounded limits and search text); a bad one gets a 422 JSON error naming it.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import JSONResponse

from trustledger import country_names, queries
from trustledger.analysis.votes import BODIES
from trustledger.commitments.queries import STATUSES
from trustledger.errors import UserError
from trustledger.output import to_json
from trustledger.report import data
from trustledger.store import queries as store_queries
from trustledger.store.db import Store
from trustledger.store.events_query import MODES
from trustledger.web import deps
from trustledger.web.deps import (
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


Status = StrEnum("Status", {s: s for s in STATUSES})
Mode = StrEnum("Mode", {m: m for m in MODES})
Body = StrEnum("Body", {b: b for b in (*BODIES, "all")})

StoreDep = Annotated[Store, Depends(deps.store)]
router = APIRouter(prefix="/api", default_response_class=DataResponse, tags=["api"])
Root = Annotated[str | None, Query(pattern=r"^[0-9]{1,2}$", description="CAMEO root code, 01–20.")]
Origin = Annotated[str | None, Query(pattern=deps.ID_PATTERN, description="text, gdelt1, gdelt2, icews, table...")]
Issue = Annotated[str | None, Query(max_length=100, description="A roll-call issue (name or short name).")]


def _value(e: StrEnum | None) -> str | None:
    return None if e is None else e.value


@router.get("/stats", summary="Row count of every table (like `trustledger stats`)")
def stats(store: StoreDep) -> DataResponse:
    return DataResponse(store.counts())


@router.get("/pairs", summary="Directed pairs (truster, trustee) that have events or commitments")
def pairs(store: StoreDep, limit: Limit = 200) -> DataResponse:
    return DataResponse(data.pairs(store, limit))


@router.get("/documents", summary="Stored documents (like `trustledger documents`)")
def documents(store: StoreDep, story: Annotated[str | None, Query(pattern=deps.ID_PATTERN)] = None,
              limit: Limit = 100) -> DataResponse:
    return DataResponse(queries.documents(store, story, limit))


@router.get("/documents/{doc_id}/sentences", summary="One document's sentences (like `trustledger sentences`)")
def sentences(store: StoreDep, doc_id: DocId) -> DataResponse:
    rows = store_queries.sentences(store, doc_id)
    if not rows:
        raise HTTPException(404, f"no document {doc_id}")
    return DataResponse(rows)


@router.get("/events", summary="Coded events (like `trustledger events`)")
def events(store: StoreDep, source: CountryQuery = None, target: CountryQuery = None, root: Root = None,
           since: Since = None, until: Until = None, origin: Origin = None, mode: Mode | None = None,
           quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
           both: Annotated[bool, Query(description="Also the target→source direction.")] = False,
           dyads: Annotated[bool, Query(description="Only acts between two different states.")] = False,
           limit: Limit = 1000) -> DataResponse:
    queries.check_period(since, until)
    return DataResponse(queries.events(store, source, target, root, since, until, origin, _value(mode),
                                       quad_class=quad_class, both=both, dyads=dyads, limit=limit))


@router.get("/ledger", summary="Commitments with outcomes and status (like `trustledger ledger`)")
def ledger(store: StoreDep, promisor: CountryQuery = None, promisee: CountryQuery = None,
           status: Status | None = None, since: Since = None, until: Until = None, origin: Origin = None,
           show_merged: Annotated[bool, Query(description="Also SIPRI deals merged into a promise.")] = False,
           limit: Limit = 1000) -> DataResponse:
    queries.check_period(since, until)
    return DataResponse(queries.ledger(store, promisor, promisee, _value(status), since, until, origin,
                                       show_merged, limit))


@router.get("/ledger/{commitment_id}", summary="One ledger entry with its evidence and their documents")
def ledger_entry(store: StoreDep, commitment_id: CommitmentId) -> DataResponse:
    entry = data.ledger_entry(store, commitment_id)
    if entry is None:
        raise HTTPException(404, f"no commitment {commitment_id}")
    return DataResponse(entry)


@router.get("/assess/{truster}/{trustee}", summary="Can TRUSTER trust TRUSTEE? (like `trustledger assess`)")
def assess(store: StoreDep, truster: CountryPath, trustee: CountryPath, since: Since = None,
           until: Until = None) -> DataResponse:
    queries.check_period(since, until)
    return DataResponse(deps.memo(store, ("assess", truster, trustee, since, until),
                                  lambda: queries.assess(store, truster, trustee, since, until)))


@router.get("/compare/{truster}", summary="Several trustees side by side (like `trustledger compare`)")
def compare(store: StoreDep, truster: CountryPath,
            trustee: Annotated[list[str], Query(min_length=1, max_length=12,
                                                description="Trustees to compare (names or codes); repeat the "
                                                            "parameter.")],
            since: Since = None, until: Until = None) -> DataResponse:
    queries.check_period(since, until)
    try:
        trustee = [country_names.resolve(t, "trustee") for t in trustee]
    except UserError as e:
        raise HTTPException(422, str(e)) from None
    return DataResponse(deps.memo(store, ("compare", truster, tuple(trustee), since, until),
                                  lambda: queries.compare(store, truster, trustee, since, until)))


@router.get("/series/{truster}/{trustee}", summary="By-year value of every component (like `trustledger series`)")
def series(store: StoreDep, truster: CountryPath, trustee: CountryPath, since: Since = None,
           until: Until = None) -> DataResponse:
    queries.check_period(since, until)
    return DataResponse(queries.series(store, truster, trustee, since, until))


@router.get("/agreement/{a}/{b}", summary="UN vote agreement by year (like `trustledger agreement`)")
def agreement(store: StoreDep, a: CountryPath, b: CountryPath, issue: Issue = None, body: Body = Body.UNGA,
              since: Since = None, until: Until = None) -> DataResponse:
    queries.check_period(since, until)
    return DataResponse(queries.agreement(store, a, b, issue, body.value, since, until))


@router.get("/votes", summary="UN roll-call votes (like `trustledger votes`)")
def votes(store: StoreDep, country: CountryQuery = None, about: CountryQuery = None, body: Body | None = None,
          issue: Issue = None, rcid: Annotated[str | None, Query(pattern=deps.ID_PATTERN)] = None,
          since: Since = None, until: Until = None, limit: Limit = 1000) -> DataResponse:
    queries.check_period(since, until)
    return DataResponse(queries.votes(store, country, about, _value(body), issue, rcid, since, until, limit))


@router.get("/evidence", summary="Sentences matching a search, optionally only those about a pair")
def evidence(store: StoreDep, q: SearchText = None, truster: CountryQuery = None, trustee: CountryQuery = None,
             limit: Annotated[int, Query(ge=1, le=500)] = 50) -> DataResponse:
    return DataResponse(data.search_evidence(store, q, truster, trustee, limit))


