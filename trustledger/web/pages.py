"""The HTML pages: pairs index, a dyad's assessment and ledger, ledger evidence, evidence search,
the full report, and a local API reference (FastAPI's own /docs would load JS from a CDN).

Pages are rendered server-side with autoescaped templates; the only script is /static/app.js
(a fixed file in the package), which expands a ledger row by fetching its evidence fragment.
"""

from __future__ import annotations

import functools
import re
import secrets
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup, escape

from trustledger import queries
from trustledger.errors import UserError
from trustledger.report import charts, data
from trustledger.report.templating import environment
from trustledger.store.db import Store
from trustledger.web import deps
from trustledger.web.deps import CommitmentId, CountryPath, CountryQuery, SearchText, Since, Until

StoreDep = Annotated[Store, Depends(deps.store)]
router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)


def highlight(text: Any, q: str | None) -> Markup:
    """Text with each case-insensitive occurrence of `q` in <mark>; every piece escaped first."""
    s = "" if text is None else str(text)
    if not q:
        return escape(s)
    parts = re.split(f"({re.escape(q)})", s, flags=re.IGNORECASE)
    return Markup("").join(Markup("<mark>{}</mark>").format(p) if i % 2 else escape(p) for i, p in enumerate(parts))


@functools.cache
def env():
    e = environment("trustledger.web")
    e.filters["highlight"] = highlight
    return e


def render(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(env().get_template(name).render(**context), status_code=status_code)


@functools.cache
def app_js() -> str:
    return (resources.files("trustledger.web") / "templates" / "app.js").read_text(encoding="utf-8")


@router.get("/static/app.js")
def static_app_js() -> Response:
    return Response(app_js(), media_type="text/javascript; charset=utf-8",
                    headers={"Cache-Control": "max-age=300"})


@router.get("/static/plotly.js")
def static_plotly_js() -> Response:
    """plotly.js from the installed plotly package (a fixed resource: nothing from the request)."""
    from trustledger.report.html import plotly_js

    return Response(plotly_js(), media_type="text/javascript; charset=utf-8",
                    headers={"Cache-Control": "max-age=86400"})


@router.get("/")
def index(store: StoreDep) -> HTMLResponse:
    return render("index.html", counts=store.counts(), pairs=data.pairs(store, 100), countries=data.countries(store))


@router.get("/dyad")
def dyad_form(truster: Annotated[str, Query(max_length=8)], trustee: Annotated[str, Query(max_length=8)]) -> Response:
    """The index form: normalise the two codes and go to the dyad's page."""
    a, b = truster.strip().upper(), trustee.strip().upper()
    for what, code in (("truster", a), ("trustee", b)):
        if not re.fullmatch(deps.COUNTRY_PATTERN, code):
            raise HTTPException(422, f"{what} {code!r} is not a three-letter country code (e.g. IRN, RUS, USA)")
    return RedirectResponse(f"/dyad/{a}/{b}", status_code=303)


@router.get("/dyad/{truster}/{trustee}")
def dyad(store: StoreDep, truster: CountryPath, trustee: CountryPath, since: Since = None,
         until: Until = None) -> HTMLResponse:
    queries.check_period(since, until)
    assessment = deps.memo(store, ("assess", truster, trustee, since, until),
                           lambda: queries.assess(store, truster, trustee, since, until))
    assessment = {**assessment, "evidence": data.cited(store, assessment["evidence"])}
    ledger = queries.ledger(store, promisor=trustee, promisee=truster, since=since, until=until)
    figures = deps.memo(store, ("dyad-figures", truster, trustee, since, until),
                        lambda: _dyad_figures(store, truster, trustee, since, until))
    return render("dyad.html", a=assessment, truster=truster, trustee=trustee, ledger=ledger,
                  since=since, until=until, components=charts.COMPONENT_LABELS, figures=figures)


def _dyad_figures(store: Store, truster: str, trustee: str, since, until) -> dict[str, str]:  # noqa: ANN001
    """The dyad page's charts as script-safe JSON (building plotly figures costs ~100 ms, so remembered)."""
    timeline = data.timeline(store, truster, trustee, since, until)
    agreement = queries.agreement(store, truster, trustee, since=since, until=until)
    figures = {}
    if timeline["rows"]:
        figures["timeline"] = charts.script_json(charts.timeline(timeline, truster, trustee))
    if agreement:
        figures["agreement"] = charts.script_json(charts.agreement(agreement, truster, trustee))
    return figures


@router.get("/ledger/{commitment_id}")
def ledger_fragment(store: StoreDep, commitment_id: CommitmentId) -> HTMLResponse:
    entry = data.ledger_entry(store, commitment_id)
    if entry is None:
        raise HTTPException(404, f"no commitment {commitment_id}")
    return render("ledger_entry.html", c=entry)


@router.get("/evidence")
def evidence(store: StoreDep, q: SearchText = None, truster: CountryQuery = None, trustee: CountryQuery = None,
             limit: Annotated[int, Query(ge=1, le=500)] = 50) -> HTMLResponse:
    q = (q or "").strip() or None
    rows = data.search_evidence(store, q, truster, trustee, limit) if (q or truster or trustee) else []
    return render("evidence.html", q=q, truster=truster, trustee=trustee, rows=rows, limit=limit,
                  countries=data.countries(store))


@router.get("/report/{truster}/{trustee}")
def report(store: StoreDep, truster: CountryPath, trustee: CountryPath, since: Since = None,
           until: Until = None) -> HTMLResponse:
    """The same self-contained report that `trustledger report --html` writes."""
    from trustledger.report.content import collect
    from trustledger.report.html import render_html

    queries.check_period(since, until)
    nonce = secrets.token_urlsafe(16)
    assessment = deps.memo(store, ("assess", truster, trustee, since, until),
                           lambda: queries.assess(store, truster, trustee, since, until))
    page = render_html(collect(store, truster, trustee, since, until, assessment=assessment), nonce=nonce)
    return HTMLResponse(page, headers={"Content-Security-Policy": report_csp(nonce)})


@router.get("/docs")
def api_docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    return render("docs.html", spec=spec)


def report_csp(nonce: str) -> str:
    return (f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'unsafe-inline'; img-src data:; "
            "font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


__all__ = ["router", "render", "UserError"]
