"""The HTML pages: pairs index, a dyad's assessment and ledger, one promise, the ledger and events
tables (filtered on the server, CSV download), a comparison of several trustees, one source
document with what was found in it, evidence search, the full report, and a local API reference
(FastAPI's own /docs would load JS from a CDN).

Pages take countries as a reader types them ("iran", "Iran", "IR", "IRN": `trustledger.web.names`)
and send a reader who typed a name to the page's canonical address (/dyad/IRN/RUS). An empty form
field is no filter; a word that names no state is an error page with the resolver's message (400).
Pages are rendered server-side with autoescaped templates; the only script is /static/app.js
(a fixed file in the package): it expands a ledger row, sorts tables and draws charts.
"""

from __future__ import annotations

import functools
import re
import secrets
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup, escape

from trustledger import queries
from trustledger.commitments.queries import STATUSES
from trustledger.errors import UserError
from trustledger.report import charts, data
from trustledger.report.templating import environment
from trustledger.store.db import Store
from trustledger.store.events_query import MODES
from trustledger.web import deps, names, views
from trustledger.web.deps import CommitmentId, CountryWords, DocId, SearchText, Since, Until

StoreDep = Annotated[Store, Depends(deps.store)]
router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)
#: A country as typed in a form or an address: a name, ISO2, ISO3 or CAMEO code.
CountryText = Annotated[str | None, Query(max_length=60, description="A country name or code.")]
#: Rows a table page shows at most (its CSV gives the same rows).
TableLimit = Annotated[int, Query(ge=1, le=5000)]


def highlight(text: Any, q: str | None) -> Markup:
    """Text with each case-insensitive occurrence of `q` in <mark>; every piece escaped first."""
    s = "" if text is None else str(text)
    if not q:
        return escape(s)
    parts = re.split(f"({re.escape(q)})", s, flags=re.IGNORECASE)
    return Markup("").join(Markup("<mark>{}</mark>").format(p) if i % 2 else escape(p) for i, p in enumerate(parts))


def score_colour(value: Any) -> str:
    """A component bar's colour by its score: red below 0.4, amber to 0.6, green above (as the verdict)."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return "none"
    return "low" if v < 0.4 else "mid" if v < 0.6 else "high"


@functools.cache
def env():
    e = environment("trustledger.web")
    e.filters.update(highlight=highlight, country=names.label, country_name=names.name, cameo_name=views.cameo_name,
                     quad_name=views.quad_name, written=views.written, score_colour=score_colour)
    return e


def render(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(env().get_template(name).render(**context), status_code=status_code)


@functools.cache
def static_file(name: str) -> str:
    return (resources.files("trustledger.web") / "templates" / name).read_text(encoding="utf-8")


def app_js() -> str:
    return static_file("app.js")


@router.get("/static/app.js")
def static_app_js() -> Response:
    return Response(app_js(), media_type="text/javascript; charset=utf-8",
                    headers={"Cache-Control": "max-age=300"})


@router.get("/favicon.svg")
@router.get("/favicon.ico")
def favicon() -> Response:
    """The app's icon (an SVG; browsers ask for /favicon.ico on their own)."""
    return Response(static_file("favicon.svg"), media_type="image/svg+xml",
                    headers={"Cache-Control": "max-age=86400"})


@router.get("/static/plotly.js")
def static_plotly_js() -> Response:
    """plotly.js from the installed plotly package (a fixed resource: nothing from the request)."""
    from trustledger.report.html import plotly_js

    return Response(plotly_js(), media_type="text/javascript; charset=utf-8",
                    headers={"Cache-Control": "max-age=86400"})


def _country_options(store: Store) -> list[dict[str, str]]:
    return deps.memo(store, ("country-options",), lambda: names.options(data.countries(store)))


def _query(**params: Any) -> str:
    """A query string of the given non-empty parameters (lists repeat their key)."""
    pairs = [(k, x) for k, v in params.items() if v not in (None, "", False)
             for x in (v if isinstance(v, list | tuple) else [v])]
    return urlencode([(k, str(v)) for k, v in pairs])


def _canonical(request: Request, path: str, **params: Any) -> RedirectResponse | None:
    """A redirect to `path` with `params` when the request asked for the same page another way."""
    query = _query(**params)
    target = path + ("?" + query if query else "")
    here = request.url.path + ("?" + request.url.query if request.url.query else "")
    return None if target == here else RedirectResponse(target, status_code=303)


@router.get("/")
def index(store: StoreDep) -> HTMLResponse:
    pairs = [p for p in data.pairs(store, 200) if names.is_state(p["truster"]) and names.is_state(p["trustee"])]
    return render("index.html", counts=store.counts(), pairs=pairs[:100], countries=_country_options(store))


@router.get("/dyad")
def dyad_form(request: Request, truster: CountryText = None, trustee: CountryText = None,
              since: Annotated[str | None, Query(max_length=10)] = None,
              until: Annotated[str | None, Query(max_length=10)] = None) -> Response:
    """The index form: resolve the two countries (names or codes) and go to the dyad's page."""
    if not (truster or "").strip() or not (trustee or "").strip():
        raise UserError("give two countries: who would trust (e.g. Iran) and whom (e.g. Russia)")
    a, b = names.resolve(truster, "truster"), names.resolve(trustee, "trustee")
    query = _query(since=(since or "").strip(), until=(until or "").strip())
    return RedirectResponse(f"/dyad/{a}/{b}" + ("?" + query if query else ""), status_code=303)


def _pair(truster: str, trustee: str) -> tuple[str, str]:
    a, b = names.resolve(truster, "truster"), names.resolve(trustee, "trustee")
    if a == b:
        raise UserError(f"truster and trustee are both {names.label(a)}: trust is between two states")
    return a, b


@router.get("/dyad/{truster}/{trustee}")
def dyad(request: Request, store: StoreDep, truster: CountryWords, trustee: CountryWords, since: Since = None,
         until: Until = None) -> Response:
    a, b = _pair(truster, trustee)
    if (a, b) != (truster, trustee):
        return RedirectResponse(f"/dyad/{a}/{b}" + ("?" + request.url.query if request.url.query else ""), 303)
    queries.check_period(since, until)
    assessment = deps.memo(store, ("assess", a, b, since, until), lambda: queries.assess(store, a, b, since, until))
    assessment = {**assessment, "evidence": data.cited(store, assessment["evidence"])}
    ledger = queries.ledger(store, promisor=b, promisee=a, since=since, until=until)
    figures = deps.memo(store, ("dyad-figures", a, b, since, until), lambda: _dyad_figures(store, a, b, since, until))
    period = _query(since=request.query_params.get("since"), until=request.query_params.get("until"))
    return render("dyad.html", a=assessment, truster=a, trustee=b, ledger=ledger, since=since, until=until,
                  since_text=request.query_params.get("since", ""), until_text=request.query_params.get("until", ""),
                  period=period, components=charts.COMPONENT_LABELS, figures=figures,
                  summaries=views.outcome_summaries(store, ledger))


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
def ledger_entry(store: StoreDep, commitment_id: CommitmentId,
                 fragment: Annotated[bool, Query(description="Only the entry, for the ledger row.")] = False,
                 ) -> HTMLResponse:
    """One promise: a full page, or (`fragment=1`, as the dyad page's script asks) only its entry."""
    entry = data.ledger_entry(store, commitment_id)
    if entry is None:
        raise HTTPException(404, f"no commitment {commitment_id}")
    entry = views.entry_view(store, entry)
    return render("ledger_entry.html" if fragment else "ledger_page.html", c=entry)


Status = Annotated[str | None, Query(max_length=20, description="kept, kept_late, broken, pending or unknown.")]
Mode = Annotated[str | None, Query(max_length=10, description="said or did.")]
Root = Annotated[str | None, Query(max_length=2, description="CAMEO root code, 01–20.")]


def _choice(value: str | None, allowed: tuple[str, ...] | list[str], what: str) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    if value not in allowed:
        raise UserError(f"{what} {value[:20]!r}: expected one of {', '.join(allowed)}")
    return value


def _ledger_rows(store: Store, promisor: str | None, promisee: str | None, status: str | None, since, until,  # noqa: ANN001
                 limit: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    filters = {"promisor": names.optional(promisor, "promisor"), "promisee": names.optional(promisee, "promisee"),
               "status": _choice(status, STATUSES, "status")}
    queries.check_period(since, until)
    rows = deps.memo(store, ("ledger", *filters.values(), since, until, limit),
                     lambda: queries.ledger(store, filters["promisor"], filters["promisee"], filters["status"],
                                            since, until, limit=limit))
    return filters, rows


@router.get("/ledger")
def ledger_table(request: Request, store: StoreDep, promisor: CountryText = None, promisee: CountryText = None,
                 status: Status = None, since: Since = None, until: Until = None, limit: TableLimit = 500,
                 ) -> HTMLResponse:
    """Every commitment, filtered by query parameters (as `trustledger ledger`), sortable, with CSV."""
    filters, rows = _ledger_rows(store, promisor, promisee, status, since, until, limit)
    query = _query(**filters, since=request.query_params.get("since"), until=request.query_params.get("until"),
                   limit=limit if limit != 500 else None)
    return render("ledger_table.html", rows=rows, filters=filters, limit=limit, query=query,
                  since_text=request.query_params.get("since", ""), until_text=request.query_params.get("until", ""),
                  statuses=STATUSES, countries=_country_options(store),
                  summaries=views.outcome_summaries(store, rows))


@router.get("/ledger.csv")
def ledger_csv(store: StoreDep, promisor: CountryText = None, promisee: CountryText = None, status: Status = None,
               since: Since = None, until: Until = None, limit: TableLimit = 5000) -> Response:
    """The ledger table's rows as `trustledger ledger --format csv` writes them."""
    _, rows = _ledger_rows(store, promisor, promisee, status, since, until, limit)
    return _csv(views.csv_text(rows), "ledger.csv")


def _event_rows(store: Store, source: str | None, target: str | None, root: str | None, mode: str | None, since,  # noqa: ANN001
                until, limit: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    root = (root or "").strip() or None
    if root is not None and not (root.isdigit() and 1 <= int(root) <= 20):
        raise UserError(f"root {root[:5]!r}: expected a CAMEO root code, 01–20")
    filters = {"source": names.optional_actor(source, "source"), "target": names.optional_actor(target, "target"),
               "root": f"{int(root):02d}" if root else None, "mode": _choice(mode, list(MODES), "mode")}
    queries.check_period(since, until)
    rows = queries.events(store, filters["source"], filters["target"], filters["root"], since, until,
                          mode=filters["mode"], limit=limit)
    return filters, rows


@router.get("/events")
def events_table(request: Request, store: StoreDep, source: CountryText = None, target: CountryText = None,
                 root: Root = None, mode: Mode = None, since: Since = None, until: Until = None,
                 limit: TableLimit = 500) -> HTMLResponse:
    """Coded events, filtered by query parameters (as `trustledger events`), sortable, with CSV."""
    filters, rows = _event_rows(store, source, target, root, mode, since, until, limit)
    query = _query(**filters, since=request.query_params.get("since"), until=request.query_params.get("until"),
                   limit=limit if limit != 500 else None)
    return render("events_table.html", rows=rows, filters=filters, limit=limit, query=query, modes=list(MODES),
                  since_text=request.query_params.get("since", ""), until_text=request.query_params.get("until", ""),
                  countries=_country_options(store), roots=[f"{r:02d}" for r in range(1, 21)])


@router.get("/events.csv")
def events_csv(store: StoreDep, source: CountryText = None, target: CountryText = None, root: Root = None,
               mode: Mode = None, since: Since = None, until: Until = None, limit: TableLimit = 5000) -> Response:
    """The events table's rows as `trustledger events --format csv` writes them."""
    _, rows = _event_rows(store, source, target, root, mode, since, until, limit)
    return _csv(views.csv_text(rows), "events.csv")


def _csv(text: str, filename: str) -> Response:
    return Response(text, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@router.get("/compare")
def compare(request: Request, store: StoreDep, truster: CountryText = None,
            trustee: Annotated[list[str] | None, Query(max_length=12)] = None, since: Since = None,
            until: Until = None) -> Response:
    """Several trustees side by side for one truster (as `trustledger compare`)."""
    wanted = [t for t in (trustee or []) if t and t.strip()]
    if not (truster or "").strip() and not wanted:
        return render("compare.html", rows=None, truster=None, trustees=[], countries=_country_options(store),
                      since_text="", until_text="")
    a = names.resolve(truster or "", "truster")
    if not wanted:
        raise UserError("compare needs at least one trustee (e.g. Russia, United States)")
    bs = [names.resolve(t, "trustee") for t in wanted]
    if len(set(bs)) != len(bs):
        raise UserError("compare: a trustee is named twice")
    if a in bs:
        raise UserError(f"compare: {names.label(a)} is both the truster and a trustee")
    since_text, until_text = request.query_params.get("since", ""), request.query_params.get("until", "")
    redirect = _canonical(request, "/compare", truster=a, trustee=bs, since=since_text, until=until_text)
    if redirect is not None:
        return redirect
    queries.check_period(since, until)
    rows = deps.memo(store, ("compare", a, tuple(bs), since, until),
                     lambda: queries.compare(store, a, bs, since, until))
    period = _query(since=since_text, until=until_text)
    return render("compare.html", rows=rows, truster=a, trustees=bs, countries=_country_options(store),
                  components=charts.COMPONENT_LABELS, since_text=since_text, until_text=until_text, period=period)


@router.get("/doc/{doc_id}")
def document(store: StoreDep, doc_id: DocId) -> HTMLResponse:
    """One source document: its sentences (anchored #s0, #s1, ...) and what was found in each."""
    doc = views.document(store, doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id}")
    return render("document.html", d=doc)


@router.get("/evidence")
def evidence(store: StoreDep, q: SearchText = None, truster: CountryText = None, trustee: CountryText = None,
             limit: Annotated[int, Query(ge=1, le=500)] = 50) -> HTMLResponse:
    q = (q or "").strip() or None
    a, b = names.optional(truster, "truster"), names.optional(trustee, "trustee")
    rows = data.search_evidence(store, q, a, b, limit) if (q or a or b) else []
    return render("evidence.html", q=q, truster=a, trustee=b, rows=rows, limit=limit,
                  countries=_country_options(store))


@router.get("/report/{truster}/{trustee}")
def report(request: Request, store: StoreDep, truster: CountryWords, trustee: CountryWords, since: Since = None,
           until: Until = None) -> Response:
    """The same self-contained report that `trustledger report --html` writes."""
    from trustledger.report.content import collect
    from trustledger.report.html import render_html

    a, b = _pair(truster, trustee)
    if (a, b) != (truster, trustee):
        return RedirectResponse(f"/report/{a}/{b}" + ("?" + request.url.query if request.url.query else ""), 303)
    queries.check_period(since, until)
    nonce = secrets.token_urlsafe(16)
    assessment = deps.memo(store, ("assess", a, b, since, until), lambda: queries.assess(store, a, b, since, until))
    page = render_html(collect(store, a, b, since, until, assessment=assessment), nonce=nonce)
    return HTMLResponse(page, headers={"Content-Security-Policy": report_csp(nonce)})


@router.get("/docs")
def api_docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    return render("docs.html", spec=spec)


def report_csp(nonce: str) -> str:
    return (f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'unsafe-inline'; img-src data:; "
            "font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


__all__ = ["router", "render", "UserError"]
