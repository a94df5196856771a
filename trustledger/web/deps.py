"""Request-scoped store access and the validated parameter types every route shares.

The web app never holds the store open between requests: each request opens it read-only and
closes it when the response is built. So `trustledger ingest` can write between requests, a
request that arrives while a writer holds the file gets a clear 503 "store busy" (DuckDB's
file lock refuses it; nothing is read half-written), and the app can never modify the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from fastapi import Path as PathParam
from fastapi import Query, Request

from trustledger.errors import UserError
from trustledger.store.db import Store

COUNTRY_PATTERN = r"^[A-Z]{3}$"
ID_PATTERN = r"^[A-Za-z0-9_.:-]{1,64}$"
DOC_ID_PATTERN = r"^[0-9a-f]{16}$"
#: How long a request waits for a writer to release the store before answering 503.
BUSY_WAIT_SECONDS = 1.0


class StoreUnavailable(Exception):
    """The store cannot be opened for reading right now (a writer holds it, or it is gone)."""

    def __init__(self, message: str, busy: bool) -> None:
        super().__init__(message)
        self.busy = busy


def open_store(db_path: Path) -> Store:
    try:
        return Store(db_path, read_only=True, busy_timeout=BUSY_WAIT_SECONDS)
    except UserError as e:
        busy = "busy" in str(e)
        raise StoreUnavailable(
            "store busy: trustledger is writing to the store; try again in a moment" if busy
            else f"store unavailable: {e}", busy) from e


def store(request: Request) -> Iterator[Store]:
    """FastAPI dependency: a read-only store for this request only."""
    s = open_store(request.app.state.db_path)
    try:
        yield s
    finally:
        s.close()


CountryPath = Annotated[str, PathParam(pattern=COUNTRY_PATTERN, description="Three-letter CAMEO/ISO3 code, e.g. IRN.",
                                       examples=["IRN"])]
CountryQuery = Annotated[str | None, Query(pattern=COUNTRY_PATTERN, description="Three-letter CAMEO/ISO3 code.")]
Since = Annotated[dt.date | None, Query(description="Start of the period (YYYY-MM-DD).")]
Until = Annotated[dt.date | None, Query(description="End of the period (YYYY-MM-DD).")]
Limit = Annotated[int, Query(ge=1, le=5000, description="Most rows to return (1–5000).")]
SearchText = Annotated[str | None, Query(max_length=200, description="Words to find (case-insensitive).")]
CommitmentId = Annotated[str, PathParam(pattern=ID_PATTERN, description="A commitment_id from the ledger.")]
DocId = Annotated[str, PathParam(pattern=DOC_ID_PATTERN, description="A doc_id (16 hex digits).")]


def check_period(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise UserError(f"since {since} is after until {until}")
