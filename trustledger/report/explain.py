"""What drives a verdict, said in plain words: the report's opening summary, the methods box and
the country names it uses.

Why: the assessment's own `explanation` and `detail` strings are exact but written for someone who
knows the model ("Beta(1+2.75, 1+2.25)", `say_do`). A reader first needs to know which evidence
moved the score and how much of it there is — in particular when one source dominates (arms deals
from the SIPRI register can outnumber every promise found in text, and then the commitments part
measures arms deliveries). Every number here is read from the assessment or counted in the store
with the assessment's own filters; the arithmetic itself stays in the report's details section.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from trustledger.analysis.components import BY_NAME, COMPONENTS
from trustledger.analysis.components.combine import THRESHOLDS
from trustledger.country_names import label as country_label
from trustledger.country_prose import possessives, tidy
from trustledger.predecessors import with_predecessors
from trustledger.store.db import Store

__all__ = ["country_label", "drivers", "methods", "origin_counts", "score_colour", "summary"]

#: How far from the midpoint 0.5 a part's score must be to count as pulling the verdict down or up.
NEUTRAL = 0.05
#: Colours by score band, the verdict's own bands (`combine.THRESHOLDS`): high, moderate, mixed, low.
BAND_COLOURS = ("#2e7d32", "#7cb342", "#d08c00", "#a50f15")


def score_colour(score: float | None) -> str:
    """The colour of a score's verdict band (grey when there is no score)."""
    if score is None:
        return "#999999"
    for (bound, _word), colour in zip(THRESHOLDS, BAND_COLOURS, strict=False):
        if score >= bound:
            return colour
    return BAND_COLOURS[-1]


def _n(k: int, word: str, plural: str | None = None) -> str:
    return f"{k} {word if k == 1 else (plural or word + 's')}"


def origin_counts(store: Store, truster: str, trustee: str, since: dt.date | None = None,
                  until: dt.date | None = None) -> dict[str, dict[str, int]]:
    """Rated and all commitments of the trustee to the truster by origin (`text`, `sipri`, ...),
    counted as the commitments component counts them: predecessor states included, dated by made
    else due, a SIPRI deal merged into a promise found in text (`same_as`) counted once."""
    sql = ("SELECT c.origin, count(*) AS n, count(*) FILTER (WHERE l.status IN ('kept', 'kept_late', 'broken')) "
           "AS rated FROM commitments c LEFT JOIN ledger l USING (commitment_id) "
           "WHERE list_contains(?, c.promisor) AND list_contains(?, c.promisee) AND c.same_as IS NULL")
    params: list[Any] = [with_predecessors(trustee), with_predecessors(truster)]
    if since:
        sql += " AND coalesce(c.made, c.due) >= ?"
        params.append(since)
    if until:
        sql += " AND coalesce(c.made, c.due) <= ?"
        params.append(until)
    rows = store.query(sql + " GROUP BY c.origin ORDER BY c.origin", params)
    return {r["origin"]: {"n": r["n"], "rated": r["rated"]} for r in rows}


def _component_sentence(name: str, c: dict[str, Any], truster: str, trustee: str) -> str:
    """One component's evidence in plain words: the component module's own `plain` sentence."""
    comp = BY_NAME.get(name)
    return comp.plain(c, truster, trustee) if comp is not None else str(c.get("detail") or "")


def drivers(assessment: dict[str, Any], truster: str, trustee: str) -> list[dict[str, Any]]:
    """The scored components ordered by how far they move the combined score from the midpoint 0.5:
    each with its share of the weight (renormalised over the scored components, as the combined score
    does), its pull (share × (score − 0.5), in score points), its label and its evidence in words."""
    comps = assessment.get("components") or {}
    scored = {k: v for k, v in comps.items() if v and v.get("score") is not None}
    total = sum((v.get("weight") or BY_NAME[k].WEIGHT if k in BY_NAME else v.get("weight") or 0)
                for k, v in scored.items()) or 1.0
    out = []
    for name, c in scored.items():
        share = (c.get("weight") or (BY_NAME[name].WEIGHT if name in BY_NAME else 0)) / total
        out.append({"name": name, "label": BY_NAME[name].LABEL if name in BY_NAME else name, "score": c["score"],
                    "share": share, "pull": share * (c["score"] - 0.5), "colour": score_colour(c["score"]),
                    "words": possessives(_component_sentence(name, c, truster, trustee))})
    return sorted(out, key=lambda d: -abs(d["pull"]))


def summary(assessment: dict[str, Any], truster: str, trustee: str,
            origins: dict[str, dict[str, int]] | None = None) -> list[str]:
    """The report's opening, a few plain sentences: the verdict with its range, what pulls the score
    down and up most, and when SIPRI arms deals make up most of the rated commitments, that they do.
    `truster`/`trustee` are the names to use in a sentence ("Iran", "the United States": `in_prose`)."""
    out: list[str] = []
    score, interval, verdict = assessment.get("score"), assessment.get("interval"), assessment.get("verdict")
    if score is None:
        out.append(str(assessment.get("explanation") or "")
                   or tidy(f"There is not enough evidence to judge whether {truster} can trust {trustee}."))
    else:
        lo, hi = (interval or [None, None])[:2]
        out.append(f"Judged by its record toward {truster}, {trustee} earns the verdict “{verdict}”. On a scale "
                   f"from 0 (no trust) to 1 (full trust) it scores {score:.2f}; with the evidence at hand the score is "
                   f"likely between "
                   f"{'–' if lo is None else f'{lo:.2f}'} and {'–' if hi is None else f'{hi:.2f}'}.")
    # A part pulls only when it says something: no verdict, no pull; a score within 0.05 of the
    # midpoint (as much cooperation after an opening as anyway) holds nothing up and pulls nothing down.
    ds = drivers(assessment, truster, trustee) if score is not None else []
    down = [d for d in ds if d["score"] <= 0.5 - NEUTRAL]
    up = [d for d in ds if d["score"] >= 0.5 + NEUTRAL]
    if down:
        d = down[0]
        out.append(f"What pulls it down most — {d['label']} ({d['score']:.2f}, {d['share']:.0%} of the weight): "
                   f"{d['words']}.")
    if up:
        d = up[0]
        out.append(f"What holds it up most — {d['label']} ({d['score']:.2f}, {d['share']:.0%} of the weight): "
                   f"{d['words']}.")
    origins = origins or {}
    rated = sum(v["rated"] for v in origins.values())
    sipri = (origins.get("sipri") or {}).get("rated", 0)
    if rated and sipri:
        what = ("so the commitments score mostly measures arms deliveries" if sipri * 2 > rated
                else "the rest are promises found in the articles")
        out.append(f"{sipri} of {_n(rated, 'rated commitment')} are arms deals from the SIPRI register; {what}.")
    return out


#: What each component measures and where its data comes from, in the report's methods box.
MEASURES = {
    "commitments": ("Of the promises the trustee made to the truster whose outcome is known, how many were kept on "
                    "time, kept late (partial credit that shrinks with the delay) or broken.",
                    "the commitment ledger: promises and outcomes found in the ingested articles, and arms deals of "
                    "the SIPRI arms-transfer register when it is loaded"),
    "say_do": ("Whether the trustee's cooperative deeds toward the truster keep up with its cooperative words, and "
               "whether hostile deeds follow its praise.",
               "events coded from the articles, and GDELT or ICEWS event files when loaded"),
    "alignment": ("How often the two vote alike on contested UN roll calls, and how the trustee voted on resolutions "
                  "aimed at the truster.",
                  "UN General Assembly roll calls (Voeten's data or the unvotes layout) and Security Council votes"),
    "reciprocity": ("Whether the trustee answers the truster's cooperative acts with cooperation within 30 days more "
                    "often than it cooperates anyway.",
                    "events coded from the articles and event files"),
}


def methods() -> list[dict[str, Any]]:
    """One row per component for the methods box: label, weight, what it measures, data sources."""
    return [{"name": c.NAME, "label": c.LABEL, "weight": c.WEIGHT,
             "measures": MEASURES.get(c.NAME, ("", ""))[0], "data": MEASURES.get(c.NAME, ("", ""))[1]}
            for c in COMPONENTS]


#: How the score and its interval are computed, for the methods box (the model of the README).
INTERVAL_NOTE = ("Each part counts its evidence as a Beta distribution (a flat prior plus one observation per "
                 "promise, act or vote); its score is the mean and its range the 90% interval (5th to 95th "
                 "percentile), so little evidence gives a wide range. The overall score is the weighted mean of the "
                 "parts that have enough evidence, and its range the same mean of their bounds.")
