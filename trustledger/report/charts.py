"""Plotly figures for the report and the web app, as JSON for `Plotly.newPlot`.

Figures carry numbers, dates, country codes and component names only — never article text —
so nothing a document says can reach Plotly's label renderer. The JSON is also made safe to
embed in a <script> element (`<`, `>`, `&` escaped), whatever strings it holds.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from trustledger.analysis.components import COMPONENTS
from trustledger.coding.cameo import QUAD_NAMES
from trustledger.country_names import name as country_name
from trustledger.report.explain import score_colour

QUAD_COLORS = {1: "#6baed6", 2: "#08519c", 3: "#fc9272", 4: "#a50f15"}
#: Component name → what reports call it (each component module's `LABEL`).
COMPONENT_LABELS = {c.NAME: c.LABEL for c in COMPONENTS}
LAYOUT = {"margin": {"l": 60, "r": 20, "t": 40, "b": 40}, "font": {"family": "system-ui, sans-serif", "size": 12},
          "paper_bgcolor": "white", "plot_bgcolor": "#fafafa"}


def script_json(fig: go.Figure) -> str:
    """The figure as JSON that cannot close or break out of a <script> element."""
    return fig.to_json().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def timeline(tl: dict[str, Any], truster: str, trustee: str, names: tuple[str, str] | None = None) -> go.Figure:
    """Stacked bars of events per period and quad class, one panel per direction. `names` are the
    (truster, trustee) names for the panel titles; the countries' names when not given ("Iran")
    (a reader knows states by name; the web app and the report both call this).

    The legend sits above the plot area, outside it, so it never covers a bar."""
    directions = [f"{trustee}→{truster}", f"{truster}→{trustee}"]
    a_name, b_name = names or (country_name(truster), country_name(trustee))
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.14,
                        subplot_titles=[f"{b_name} toward {a_name}", f"{a_name} toward {b_name}"])
    rows = tl["rows"]
    periods = sorted({r["period"] for r in rows})
    # A real time axis (gaps between years stay visible): years as numbers, months as dates.
    xs = [int(p) for p in periods] if tl["unit"] == "year" else [f"{p}-01" for p in periods]
    for panel, direction in enumerate(directions, start=1):
        for quad, name in QUAD_NAMES.items():
            counts = {r["period"]: r["n"] for r in rows if r["direction"] == direction and r["quad_class"] == quad}
            fig.add_trace(go.Bar(x=xs, y=[counts.get(p, 0) for p in periods], name=f"{quad} {name}",
                                 marker_color=QUAD_COLORS[quad], legendgroup=str(quad), showlegend=panel == 1),
                          row=panel, col=1)
    fig.update_layout(barmode="stack", height=500, title={"text": f"Events by kind per {tl['unit']}", "y": 0.98},
                      legend={"orientation": "h", "x": 0, "y": 1.06, "yanchor": "bottom"},
                      **{**LAYOUT, "margin": {**LAYOUT["margin"], "t": 100}})
    if tl["unit"] == "year":
        fig.update_xaxes(type="linear", tickformat="d")
    else:
        fig.update_xaxes(type="date", tickformat="%Y-%m")
    fig.update_yaxes(title_text="events")
    return fig


def agreement(rows: list[dict[str, Any]], a: str, b: str) -> go.Figure:
    """UN roll-call agreement per year (share of votes alike) on all roll calls and on the contested
    ones (at least 10% of the members present voted no), with the number of votes on hover."""
    fig = go.Figure(go.Scatter(
        x=[r["year"] for r in rows], y=[r["agreement"] for r in rows], mode="lines+markers",
        customdata=[r["votes"] for r in rows], line={"color": "#31688e"},
        hovertemplate="%{x}: %{y:.0%} alike over %{customdata} votes<extra>all roll calls</extra>",
        name="all roll calls"))
    contested = [r for r in rows if r.get("contested_votes")]
    if contested:
        fig.add_trace(go.Scatter(
            x=[r["year"] for r in contested], y=[r["contested_agreement"] for r in contested],
            mode="lines+markers", customdata=[r["contested_votes"] for r in contested],
            line={"color": "#b5367a", "dash": "dash"},
            hovertemplate="%{x}: %{y:.0%} alike over %{customdata} contested votes<extra>contested</extra>",
            name="contested roll calls (≥10% no)"))
    # The legend goes above the plot area: inside it, it covered the low points (years of disagreement).
    title = f"UN vote agreement, {country_name(a)} and {country_name(b)}"
    fig.update_layout(height=340, title={"text": title, "y": 0.97},
                      legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
                      **{**LAYOUT, "margin": {**LAYOUT["margin"], "t": 80}})
    fig.update_yaxes(range=[0, 1.02], tickformat=".0%", title_text="votes alike")
    fig.update_xaxes(title_text="year")
    return fig


def components(assessment: dict[str, Any]) -> go.Figure:
    """Each component's score with its interval (when it has one) on a 0–1 scale, each bar coloured
    by its score's verdict band (red low … green high), so a weak part stands out at a glance."""
    names, scores, lo, hi = [], [], [], []
    for name, comp in (assessment.get("components") or {}).items():
        comp = comp or {}
        score = comp.get("score")
        names.append(COMPONENT_LABELS.get(name, name))
        scores.append(score)
        interval = comp.get("interval") or [score, score]
        lo.append(None if score is None or interval[0] is None else score - interval[0])
        hi.append(None if score is None or interval[1] is None else interval[1] - score)
    fig = go.Figure(go.Bar(
        x=scores, y=names, orientation="h", marker_color=[score_colour(x) for x in scores],
        error_x={"type": "data", "symmetric": False, "array": hi, "arrayminus": lo, "color": "#444"},
        hovertemplate="%{y}: %{x:.2f}<extra></extra>", name="score"))
    if assessment.get("score") is not None:
        fig.add_vline(x=assessment["score"], line_dash="dash", line_color="#440154",
                      annotation_text=f"overall {assessment['score']:.2f}")
    fig.update_layout(height=260, title="Component scores (0 = no trust, 1 = full trust)", showlegend=False,
                      **{**LAYOUT, "margin": {**LAYOUT["margin"], "l": 150}})
    fig.update_xaxes(range=[0, 1])
    fig.update_yaxes(autorange="reversed")
    return fig
