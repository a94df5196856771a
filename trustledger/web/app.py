"""`create_app(db_path)`: the read-only FastAPI web app over one store.

Security posture (issue 7): served on loopback by default and it refuses requests whose Host
header is not a loopback name (so a web page elsewhere cannot reach it through DNS
rebinding); every page sends a strict Content-Security-Policy (scripts only from the app
itself); text from the store is escaped by the templates; no request parameter is ever used
as a file path — the store path is fixed when the app is created and the only static file
is a fixed resource; every parameter is validated and a bad one gets a clear 4xx.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from trustledger import __version__
from trustledger.errors import StoreBusy, StoreError, UserError
from trustledger.web import api, pages
from trustledger.web.deps import StorePool

log = logging.getLogger("trustledger.web")

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


def _host_name(header: str) -> str:
    """The host of a Host header without its port; IPv6 literals keep no brackets."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else ""
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class GuardMiddleware:
    """Pure ASGI middleware: reject foreign Host headers; add security headers to every response."""

    def __init__(self, app: Any, allowed_hosts: list[str] | None) -> None:
        self.app = app
        self.allowed = None if allowed_hosts is None or "*" in allowed_hosts else {h.lower() for h in allowed_hosts}

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.allowed is not None:
            host = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), "")
            if _host_name(host) not in self.allowed:
                response = JSONResponse({"error": "invalid Host header", "status": 400}, status_code=400)
                await response(scope, receive, send)
                return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", PAGE_CSP.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


#: Error bodies repeat at most this many characters of what the client sent (a message, an input).
ECHO_LIMIT = 100


def clip(text: str, limit: int = ECHO_LIMIT) -> str:
    """`text` cut to `limit` characters, marked with an ellipsis when cut."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def error_response(request: Request, status: int, message: str, detail: Any = None,
                   headers: dict[str, str] | None = None) -> Response:
    message = clip(message, 4 * ECHO_LIMIT)   # no message carries a request's input back at length
    if _wants_json(request):
        body: dict[str, Any] = {"error": message, "status": status}
        if detail is not None:
            body["detail"] = detail
        return JSONResponse(body, status_code=status, headers=headers)
    page = pages.env().get_template("error.html").render(status=status, message=message, detail=detail or [])
    return HTMLResponse(page, status_code=status, headers=headers)


def _validation_message(errors: list[dict]) -> tuple[str, list[dict]]:
    """The first error as one line and every error as {parameter, in, message[, input]}.

    Inputs are echoed cut to `ECHO_LIMIT` characters, never at length (a 100 KB parameter gets
    a short answer).
    """
    detail = []
    wheres = []
    for e in errors:
        loc = [str(p) for p in e.get("loc", ())]
        where = f"{loc[0]} parameter {'.'.join(loc[1:])}" if len(loc) > 1 else ".".join(loc)
        msg = clip(str(e.get("msg") or "bad value").removeprefix("Value error, "), 2 * ECHO_LIMIT)
        item = {"parameter": clip(".".join(loc[1:]) or where), "in": loc[0] if loc else None, "message": msg}
        if "input" in e and isinstance(e["input"], str | int | float):
            item["input"] = clip(str(e["input"])) if isinstance(e["input"], str) else e["input"]
        detail.append(item)
        wheres.append(clip(where))
    first = detail[0] if detail else {"message": "bad value"}
    message = f"invalid {wheres[0] if wheres else 'request'}: {first['message']}"
    if isinstance(first.get("input"), str) and first["input"][:20] not in first["message"]:
        message += f" (got {first['input'][:60]!r})"
    return message, detail


def create_app(db_path: str | Path, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The web app over the store at `db_path` (opened read-only per request).

    `allowed_hosts`: Host header names accepted (default: loopback names only; ["*"] for any).
    """
    app = FastAPI(
        title="trustledger",
        version=__version__,
        description="Read-only JSON API over a trustledger store: the CLI's verbs with the CLI's JSON shapes. "
                    "Country codes are three upper-case letters (IRN, RUS, USA); dates are YYYY-MM-DD, "
                    "or YYYY-MM / YYYY for a whole month or year.",
        docs_url=None,      # FastAPI's Swagger page loads its JS from a CDN; /docs is served locally instead
        redoc_url=None,
    )
    app.state.db_path = Path(db_path)
    app.state.store_pool = StorePool(app.state.db_path)
    app.router.add_event_handler("shutdown", app.state.store_pool.close)
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        message, detail = _validation_message(list(exc.errors()))
        return error_response(request, 422, message, detail)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page {request.url.path}"
        return error_response(request, exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(StoreBusy)
    async def _busy(request: Request, exc: StoreBusy) -> Response:
        return error_response(request, 503, exc.reason, headers={"Retry-After": "1"})

    @app.exception_handler(StoreError)
    async def _unavailable(request: Request, exc: StoreError) -> Response:
        # StoreMissing / NotAStore: the file the server was started on is gone or was replaced.
        return error_response(request, 503, f"store unavailable: {exc.reason}")

    @app.exception_handler(UserError)
    async def _user(request: Request, exc: UserError) -> Response:
        return error_response(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s", request.url.path)
        return error_response(request, 500, f"internal error ({type(exc).__name__}); see the server log")

    hosts = list(LOOPBACK_HOSTS) if allowed_hosts is None else allowed_hosts
    app.add_middleware(GuardMiddleware, allowed_hosts=hosts)
    return app
