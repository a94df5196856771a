"""Alignment: does the trustee vote with the truster at the UN, and how does it vote on
resolutions aimed at the truster?

Two parts:
  general agreement g: over roll calls where both voted (absent left out), identical votes
      score 1, one abstaining 0.5, yes against no 0 (the usual UN-voting agreement index);
      g = Σ agreement / joint votes, interval from Beta(1 + Σ agreement, 1 + Σ disagreement).
      g counts only the CONTESTED roll calls (at least 10% of the members present voted no,
      `analysis.votes.CONTESTED_SQL`): most General Assembly resolutions pass near-unanimously,
      so raw agreement is high for allies and adversaries alike (chance agreement, Häge 2011);
      on contested roll calls allies and adversaries part (bench/eval_assessment.py). With fewer
      than MIN_JOINT_VOTES contested joint votes g falls back to all joint votes, and `detail`
      says so. `agreement` and `joint_votes` stay the raw figures over all roll calls.
      The by-year figures are `analysis.votes.yearly_agreement`, so the report, the web app,
      `trustledger agreement` and the assessment show one number.
  targeted support t: on roll calls whose `target` is the truster (e.g. UNSC 1737, 1747, 1803,
      1929 on IRN), the trustee voting no supports the truster (1), abstaining half (0.5),
      yes opposes it (0); t = mean of Beta(1 + Σ support, 1 + Σ opposition).
Score = g and t averaged with equal weight when both exist (else whichever exists); the
interval is the same average of the two intervals' bounds. A resolution aimed at a state is
nearly always a sanction or a condemnation, which is why a yes counts against; resolutions whose
title or description says they endorse, welcome, commend, lift or terminate something (UNSC 2231
endorsing the nuclear deal Iran signed) are not hostile and are left out of the targeted part.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from trustledger.analysis.components.base import Dyad, Summable, beta_summary, f2, in_list, item, pct, plural, r4
from trustledger.analysis.votes import CONTESTED_NO_SHARE, yearly_agreement
from trustledger.country_prose import in_prose, tidy
from trustledger.store.db import Store

NAME = "alignment"
WEIGHT = 0.20
LABEL = "UN vote alignment"
UNIT = "UN votes"
#: Voting with a state in the General Assembly says little about keeping one's word to it: with no
#: other component scored, there is no combined score.
SUFFICES_ALONE = False
ALONE_NOTE = "voting alone does not show whether a state keeps its word"
TARGETED_WEIGHT = 0.5
#: A component score needs at least this many joint roll-call votes, or one targeted vote.
MIN_JOINT_VOTES = 5

SUPPORT_SQL = "CASE v.vote WHEN 'no' THEN 1.0 WHEN 'abstain' THEN 0.5 WHEN 'yes' THEN 0.0 END"
#: Words in a resolution's title that mark it as not hostile to the state it is about.
NOT_HOSTILE = r"\b(endorses?|endorsing|welcomes?|welcoming|commends?|lifts?|lifting|terminates?|terminating)\b"


@dataclass
class Counts(Summable):
    votes: int = 0               # joint votes (both present)
    agree: float = 0.0           # Σ agreement over them
    targeted: int = 0            # trustee's votes on resolutions aimed at the truster
    support: float = 0.0         # Σ support over them
    contested: int = 0           # joint votes on contested roll calls (a part of `votes`)
    contested_agree: float = 0.0  # Σ agreement over them

    @property
    def n(self) -> int:
        return self.votes + self.targeted


def agreement_by_year(store: Store, dyad: Dyad) -> list[dict[str, Any]]:
    """UN vote agreement of the two by year within the period (`analysis.votes.yearly_agreement`, the
    answer `trustledger agreement` gives), with the sums of agreement the scores add up: `year,
    agreement, votes, agree, contested_agreement, contested_votes, contested_agree`."""
    return [{**r, "agree": r["agreement"] * r["votes"],
             "contested_agree": (r["contested_agreement"] or 0.0) * r["contested_votes"]}
            for r in yearly_agreement(store, dyad.truster, dyad.trustee, since=dyad.since, until=dyad.until)]


def agreement_row(r: dict[str, Any]) -> dict[str, Any]:
    """One year of agreement as the assessment JSON shows it (`by_year`)."""
    ca = r.get("contested_agreement")
    return {"year": r["year"], "agreement": round(r["agreement"], 4), "votes": r["votes"],
            "contested_agreement": None if ca is None else round(ca, 4),
            "contested_votes": r.get("contested_votes") or 0}


def _targeted_sql(dyad: Dyad) -> tuple[str, list[Any]]:
    tgt, p1 = in_list("r.target", dyad.truster_codes)
    who, p2 = in_list("v.country", dyad.trustee_codes)
    period, p3 = dyad.period_sql("r.date")
    return (f"""FROM roll_calls r JOIN votes v ON v.rcid = r.rcid
                WHERE {tgt} AND {who} AND v.vote <> 'absent' AND {period}
                  AND NOT regexp_matches(lower(coalesce(r.short, '') || ' ' || coalesce(r.descr, '')), ?)""",
            p1 + p2 + p3 + [NOT_HOSTILE])


def targeted_votes(store: Store, dyad: Dyad) -> list[dict[str, Any]]:
    base, params = _targeted_sql(dyad)
    rows = store.query(f"""SELECT r.rcid, r.resolution, r.date, v.vote, r.body, r.descr, r.short
                           {base} ORDER BY r.date, r.rcid""", params)
    return rows


def yearly(store: Store, dyad: Dyad) -> dict[int | None, Counts]:
    out: dict[int | None, Counts] = {}
    for r in agreement_by_year(store, dyad):
        out[r["year"]] = Counts(votes=r["votes"], agree=float(r["agree"]), contested=int(r["contested_votes"]),
                                contested_agree=float(r["contested_agree"]))
    base, params = _targeted_sql(dyad)
    for r in store.query(f"SELECT year(r.date) AS year, count(*) AS n, sum({SUPPORT_SQL}) AS s {base} GROUP BY 1",
                         params):
        out[r["year"]] = out.get(r["year"], Counts()) + Counts(targeted=r["n"], support=float(r["s"]))
    return dict(sorted(out.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)))


def general_basis(c: Counts) -> tuple[bool, int, float]:
    """(over contested roll calls?, joint votes, Σ agreement) that the general part g rests on."""
    if c.contested >= MIN_JOINT_VOTES:
        return True, c.contested, c.contested_agree
    return False, c.votes, c.agree


def score(c: Counts, minimum: bool = True) -> dict[str, Any]:
    """The component from counts; `minimum=False` scores below the evidence minimum (by-year series)."""
    parts: list[tuple[float, float, list[float]]] = []        # (weight, mean, interval)
    g = t = None
    contested, g_votes, g_agree = general_basis(c)
    if g_votes:
        g, gi = beta_summary(1 + g_agree, 1 + g_votes - g_agree)
        parts.append((1 - TARGETED_WEIGHT, g, gi))
    if c.targeted:
        t, ti = beta_summary(1 + c.support, 1 + c.targeted - c.support)
        parts.append((TARGETED_WEIGHT, t, ti))
    enough = (c.votes >= MIN_JOINT_VOTES or c.targeted >= 1) or (not minimum and c.n > 0)
    mean = interval = None
    if parts and enough:
        w = sum(p[0] for p in parts)
        mean = sum(p[0] * p[1] for p in parts) / w
        interval = [r4(sum(p[0] * p[2][k] for p in parts) / w) for k in (0, 1)]
    raw = c.agree / c.votes if c.votes else 0
    if not c.votes:
        general = "no joint roll-call votes"
    elif contested:
        general = (f"{c.votes} joint roll-call votes, raw agreement {raw:.2f}; general part over the "
                   f"{c.contested} contested ones (at least {CONTESTED_NO_SHARE:.0%} of members present voted no), "
                   f"agreement {c.contested_agree / c.contested:.2f}")
    else:
        general = (f"{c.votes} joint roll-call votes, raw agreement {raw:.2f}; only {c.contested} contested "
                   f"(fewer than {MIN_JOINT_VOTES}), so the general part falls back to all roll calls")
    return {
        "score": r4(mean), "interval": interval, "n": c.n,
        "joint_votes": c.votes, "agreement": r4(c.agree / c.votes) if c.votes else None,
        "contested_votes": c.contested,
        "contested_agreement": r4(c.contested_agree / c.contested) if c.contested else None,
        "general_score": r4(g), "targeted": c.targeted, "targeted_support": r4(c.support),
        "targeted_score": r4(t),
        "detail": (f"{general}; {c.targeted} votes on resolutions aimed at "
                   f"the truster, support {c.support:g} (no 1, abstain 0.5, yes 0); both parts Beta(1,1)-smoothed "
                   f"and averaged {1 - TARGETED_WEIGHT:g}/{TARGETED_WEIGHT:g}"),
    }


def evidence(store: Store, dyad: Dyad, limit: int = 6) -> list[dict[str, Any]]:
    """The trustee's votes on resolutions aimed at the truster, latest first."""
    out = []
    for r in reversed(targeted_votes(store, dyad)):
        name = r["resolution"] or r["rcid"]
        about = r["descr"] or r["short"] or ""
        text = tidy(f"{in_prose(dyad.trustee)} voted {r['vote']} on {name}, aimed at {in_prose(dyad.truster)}"
                    + (f": {about}" if about else ""))
        out.append(item(NAME, {"date": r["date"], "text": text, "title": name, "source": r["body"],
                               "kind": "vote", "ref": r["rcid"]},
                        "vote against the truster" if r["vote"] == "yes" else "vote for the truster"
                        if r["vote"] == "no" else "abstention"))
        if len(out) >= limit:
            break
    return out


def details(store: Store, dyad: Dyad) -> dict[str, Any]:
    """The agreement by year (`trustledger agreement`'s figures, rounded) and every targeted vote."""
    return {
        "by_year": [agreement_row(r) for r in agreement_by_year(store, dyad)],
        "targeted_votes": [{"rcid": r["rcid"], "resolution": r["resolution"], "date": r["date"], "vote": r["vote"],
                            "body": r["body"]} for r in targeted_votes(store, dyad)],
    }


def sentence(c: dict[str, Any], truster: str, trustee: str) -> str:
    """The numbers behind the score, in one sentence (each number as it is in `c`)."""
    parts = []
    if c.get("contested_votes", 0) >= MIN_JOINT_VOTES:
        parts.append(f"{trustee} voted with {truster} {pct(c['contested_agreement'])} of the time on "
                     f"{plural(c['contested_votes'], 'contested UN roll call')} ({pct(c['agreement'])} on all "
                     f"{c['joint_votes']})")
    elif c["joint_votes"]:
        parts.append(f"{trustee} voted with {truster} {pct(c['agreement'])} of the time in "
                     f"{plural(c['joint_votes'], 'UN roll call')}")
    if c["targeted"]:
        opposed = sum(1 for v in c.get("targeted_votes", []) if v["vote"] == "yes")
        subject = "" if parts else f"{trustee} "      # alone, the sentence names who voted
        parts.append(f"{subject}voted for {opposed} of {plural(c['targeted'], 'resolution')} aimed at {truster}")
    return " and ".join(parts) + f" (alignment score {f2(c['score'])})"


def plain(c: dict[str, Any], truster: str, trustee: str) -> str:
    """The component's evidence in words a reader without the model follows (the report's summary)."""
    parts = []
    if c.get("contested_votes"):
        parts.append(f"the two voted alike on {pct(c.get('contested_agreement'))} of "
                     f"{plural(c['contested_votes'], 'contested UN roll call')}")
    elif c.get("joint_votes"):
        parts.append(f"the two voted alike on {pct(c.get('agreement'))} of {plural(c['joint_votes'], 'UN roll call')}")
    votes = c.get("targeted_votes") or []
    if votes:
        yes = sum(1 for v in votes if v.get("vote") == "yes")
        parts.append(f"{trustee} voted for {yes} of {plural(len(votes), 'UN resolution')} aimed at {truster}")
    elif c.get("targeted"):
        parts.append(f"{trustee} voted on {plural(c['targeted'], 'UN resolution')} aimed at {truster}")
    return "; ".join(parts) or "no UN votes of both"
