"""`trustledger report --html`: one self-contained HTML file about a dyad.

Self-contained means no network at all when it is opened: plotly.js is inlined from the
installed plotly package, styles are inline, and a Content-Security-Policy in the page allows
only the page's own nonce-tagged scripts — so even text that somehow escaped escaping could
not run. Article text and titles are always inserted through Jinja2's autoescape.
"""

from __future__ import annotations

import functools
import secrets
from pathlib import Path

from plotly.offline import get_plotlyjs

from trustledger.report import charts, explain
from trustledger.report.content import ReportData
from trustledger.report.templating import environment


@functools.cache
def plotly_js() -> str:
    """The installed plotly.js bundle, made safe to sit inside a <script> element."""
    return get_plotlyjs().replace("</script", "<\\/script")


@functools.cache
def _env():
    return environment("trustledger.report")


def render_html(report: ReportData, nonce: str | None = None) -> str:
    """The report page; `nonce` ties its scripts to the page's Content-Security-Policy."""
    nonce = nonce or secrets.token_urlsafe(16)
    figures = {
        "components": charts.script_json(charts.components(report.assessment)),
        "timeline": charts.script_json(charts.timeline(report.timeline, report.truster, report.trustee)),
        "agreement": charts.script_json(charts.agreement(report.agreement, report.truster, report.trustee)),
    }
    return _env().get_template("report.html").render(
        r=report, a=report.assessment, figures=figures, plotly_js=plotly_js(), nonce=nonce,
        components=charts.COMPONENT_LABELS, words={d["name"]: d["words"] for d in report.drivers},
        interval_note=explain.INTERVAL_NOTE,
    )


def write_html(report: ReportData, out: Path) -> Path:
    out.write_text(render_html(report), encoding="utf-8")
    return out
