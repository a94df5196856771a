"""The combined score, its interval, the verdict word and the plain-language explanation.

Combined score: the weighted mean of the components that have a score, with WEIGHTS (each
component module's `WEIGHT`) renormalised over them (commitments weigh most: a promise kept or
broken is the most direct evidence of trustworthiness). Interval: the same weighted mean of the components' interval
bounds — the interval the score would have if the components' errors moved together, which is
wider (more cautious) than assuming them independent.

Insufficient evidence: no combined score (`score` null, verdict "insufficient evidence") when
the scored components rest on fewer than MIN_ITEMS items in all (rated commitments + the
trustee's acts + joint and targeted votes + the truster's cooperative openings), or when no scored
component suffices alone (`SUFFICES_ALONE`): UN voting alone says little about keeping one's word
(voting with a state in the General Assembly is not a promise to it).

Verdict thresholds on the combined score: ≥ 0.70 "high trust", ≥ 0.55 "moderate trust",
≥ 0.40 "mixed record", below that "low trust".
"""

from __future__ import annotations

from typing import Any

from trustledger.analysis.components import BY_NAME, COMPONENTS
from trustledger.analysis.components.base import f2
from trustledger.country_prose import in_prose, tidy

#: Each component's share of the combined score (`WEIGHT` of its module).
WEIGHTS: dict[str, float] = {c.NAME: c.WEIGHT for c in COMPONENTS}
THRESHOLDS: tuple[tuple[float, str], ...] = ((0.70, "high trust"), (0.55, "moderate trust"), (0.40, "mixed record"))
LOWEST = "low trust"
INSUFFICIENT = "insufficient evidence"
MIN_ITEMS = 5


def verdict(score: float | None) -> str:
    if score is None:
        return INSUFFICIENT
    for bound, word in THRESHOLDS:
        if score >= bound:
            return word
    return LOWEST


def combine(components: dict[str, dict[str, Any]]) -> tuple[float | None, list[float] | None, str]:
    """(score, interval, verdict) from component dicts that carry `score`, `interval` and `n`."""
    scored = {k: c for k, c in components.items() if c.get("score") is not None}
    items = sum(c.get("rated", c["n"]) for c in scored.values())     # pending promises are no evidence yet
    if not scored or items < MIN_ITEMS or not any(BY_NAME[k].SUFFICES_ALONE for k in scored):
        return None, None, INSUFFICIENT
    w = sum(WEIGHTS[k] for k in scored)
    score = sum(WEIGHTS[k] * c["score"] for k, c in scored.items()) / w
    interval = [sum(WEIGHTS[k] * c["interval"][i] for k, c in scored.items()) / w for i in (0, 1)]
    return round(score, 4), [round(x, 4) for x in interval], verdict(score)


def component_sentence(name: str, c: dict[str, Any], truster: str, trustee: str) -> str:
    """One sentence stating the numbers behind a component (its module's `sentence`)."""
    return BY_NAME[name].sentence(c, truster, trustee)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def explain(truster: str, trustee: str, score: float | None, interval: list[float] | None, word: str,
            components: dict[str, dict[str, Any]]) -> str:
    """Two or three sentences: the verdict with its score, then the weakest and the strongest part.
    `truster`/`trustee` are CAMEO codes; the sentences name the states ("Russia", "the United
    States"): the explanation is read by people, the codes are in the assessment's own fields."""
    truster, trustee = in_prose(truster), in_prose(trustee)
    scored = sorted(((c["score"], k) for k, c in components.items() if c.get("score") is not None))
    if score is None:
        counted = {k: c.get("rated", c["n"]) for k, c in components.items()}
        have = [f"{n} {BY_NAME[k].UNIT}" for k, n in counted.items() if n]
        alone = [BY_NAME[k] for k, n in counted.items() if n]
        if alone and not any(c.SUFFICES_ALONE for c in alone):
            notes = " and ".join(getattr(c, "ALONE_NOTE", f"{c.UNIT} alone say too little") for c in alone)
            first = (f"There is too little evidence to say whether {truster} can trust {trustee}: the store has "
                     f"{', '.join(have)} but no promises or acts between them, and {notes}.")
        else:
            first = (f"There is too little evidence to say whether {truster} can trust {trustee}: "
                     f"{', '.join(have) if have else 'nothing'} in the store, where a score needs at least "
                     f"{MIN_ITEMS} items beyond UN voting alone.")
        if scored:
            first += " " + _cap(component_sentence(scored[0][1], components[scored[0][1]], truster, trustee)) + "."
        return tidy(first)
    lo, hi = interval or [None, None]
    head = {
        "high trust": f"On this record {truster} has grounds for high trust in {trustee}",
        "moderate trust": f"On this record {truster} has grounds for moderate trust in {trustee}",
        "mixed record": f"{trustee}'s record toward {truster} is mixed",
        "low trust": f"On this record {truster} has grounds for only low trust in {trustee}",
    }[word]
    sentences = [f"{tidy(head)}: combined score {f2(score)} (90% interval {f2(lo)}–{f2(hi)})."]
    weakest = scored[0][1]
    sentences.append(f"Weakest part: {component_sentence(weakest, components[weakest], truster, trustee)}.")
    if len(scored) > 1:
        strongest = scored[-1][1]
        sentences.append(f"Strongest part: {component_sentence(strongest, components[strongest], truster, trustee)}.")
    return tidy(" ".join(sentences))


def top_evidence(components: dict[str, dict[str, Any]], limit: int = 10) -> list[dict[str, Any]]:
    """Round robin over the components, heaviest weight first, so each component is represented."""
    queues = [list(components[k].get("evidence", [])) for k in sorted(components, key=lambda k: -WEIGHTS[k])]
    out: list[dict[str, Any]] = []
    while len(out) < limit and any(queues):
        for q in queues:
            if q and len(out) < limit:
                out.append(q.pop(0))
    return out
