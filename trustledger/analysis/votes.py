"""UN roll-call votes: listing them, and the agreement index between two states by year.

The agreement index of the UN voting literature (Lijphart 1963; the "S" score's simpler cousin
used in Voeten's work): over the roll calls where both states voted yes, no or abstain, a pair
of identical votes scores 1, a pair where exactly one abstained scores 0.5, and yes against no
scores 0; absences do not count. Everything is one SQL query over the `votes` table.

Contested roll calls: most General Assembly resolutions pass near-unanimously, so two states
agree on most roll calls whatever their relations, and raw agreement is inflated for every pair
(the chance-agreement problem of UN-voting similarity, Häge 2011). A roll call is *contested*
when at least `CONTESTED_NO_SHARE` (10%) of the members present (yes, no or abstain) voted no;
agreement over contested roll calls only is what separates allies from adversaries
(`bench/eval_assessment.py`). `CONTESTED_SQL` is that one definition, for any body (in the
Security Council, 2 no votes of 15), in SQL that DuckDB and Spark SQL read alike.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from trustledger.country_names import resolve
from trustledger.errors import UserError
from trustledger.predecessors import with_predecessors
from trustledger.store.db import Store
from trustledger.store.filters import Where

#: Predecessor states whose UN votes are their own, not their successor's: East and West Germany
#: were both members (1973–1990), so the GDR's votes never count for Germany.
OWN_VOTES = ("DDR",)

#: A roll call is contested when at least this share of the members present (yes/no/abstain) voted no.
CONTESTED_NO_SHARE = 0.10
#: The rcids of the contested roll calls (any body), from the `votes` table alone.
CONTESTED_SQL = f"""
    SELECT rcid FROM votes WHERE vote IN ('yes', 'no', 'abstain')
    GROUP BY rcid
    HAVING sum(CASE WHEN vote = 'no' THEN 1 ELSE 0 END) >= {CONTESTED_NO_SHARE} * count(*)"""

AGREEMENT_COLUMNS = ["year", "agreement", "votes", "contested_agreement", "contested_votes"]
VOTE_COLUMNS = ["rcid", "body", "date", "resolution", "short", "target", "country", "vote"]

#: The agreement of two votes `a.vote` and `b.vote` (yes, no or abstain): 1 alike, 0.5 when one abstains.
AGREE_SQL = """CASE WHEN a.vote = b.vote THEN 1.0
    WHEN a.vote = 'abstain' OR b.vote = 'abstain' THEN 0.5 ELSE 0.0 END"""
BODIES = ("UNGA", "UNSC")


def codes_for(country: str) -> list[str]:
    """The code itself and the codes its votes were cast under before (RUS ← USR): its predecessors
    (`trustledger.predecessors`) but those that voted beside it (`OWN_VOTES`)."""
    first, *older = with_predecessors(country)
    return [first, *(c for c in older if c not in OWN_VOTES)]


def body_code(body: str | None) -> str | None:
    """A body option: UNGA or UNSC (any case), or None / "all" for both."""
    if body is None or body.lower() == "all":
        return None
    if body.upper() not in BODIES:
        raise UserError(f"--body {body!r}: expected UNGA, UNSC or all")
    return body.upper()


def in_years(rows: list[dict], since: dt.date | None, until: dt.date | None) -> list[dict]:
    """The by-year rows whose year overlaps the period [since, until] (open-ended when None)."""
    return [r for r in rows
            if (since is None or r["year"] >= since.year) and (until is None or r["year"] <= until.year)]


def issue_filter(store: Store, issue: str | None) -> tuple[str, list[Any]]:
    """SQL condition on `rcid` for an issue given by name or short name (case-insensitive, or a part of it)."""
    if not issue:
        return "", []
    known = store.query("SELECT DISTINCT short_name, issue FROM roll_call_issues ORDER BY issue")
    cond = ("rcid IN (SELECT rcid FROM roll_call_issues WHERE lower(issue) = lower(?) OR lower(short_name) = lower(?)"
            " OR issue ILIKE '%' || ? || '%')")
    matched = [k for k in known if issue.lower() in ((k["issue"] or "").lower(), (k["short_name"] or "").lower())
               or issue.lower() in (k["issue"] or "").lower()]
    if not matched:
        names = ", ".join(f"{k['issue']} ({k['short_name']})" for k in known) or "none loaded"
        raise UserError(f"--issue {issue!r}: no such issue (issues: {names})")
    return cond, [issue, issue, issue]


def agreement(store: Store, a: str, b: str, issue: str | None = None, body: str | None = "UNGA") -> list[dict]:
    """By year: `{"year", "agreement", "votes", "contested_agreement", "contested_votes"}` for the roll
    calls both states voted on, and for the contested ones among them (`CONTESTED_SQL`;
    `contested_agreement` is None in a year without any). The definition, in one SQL query over
    `votes`; `yearly_agreement` is the answer the commands and the assessment give.

    General Assembly roll calls by default, as in the literature; `body="UNSC"` for the Security
    Council, None (or "all") for both.
    """
    cond, params = issue_filter(store, issue)
    where = ["r.date IS NOT NULL"]
    if cond:
        where.append("a." + cond)
    body = body_code(body)
    if body:
        where.append("r.body = ?")
        params.append(body)
    a_codes, b_codes = codes_for(a), codes_for(b)
    sql = f"""
        WITH a AS (SELECT rcid, vote FROM votes WHERE country IN (SELECT unnest(?)) AND vote <> 'absent'),
             b AS (SELECT rcid, vote FROM votes WHERE country IN (SELECT unnest(?)) AND vote <> 'absent'),
             c AS ({CONTESTED_SQL})
        SELECT CAST(year(r.date) AS INTEGER) AS year, avg({AGREE_SQL}) AS agreement, count(*) AS votes,
               CAST(sum(CASE WHEN c.rcid IS NOT NULL THEN {AGREE_SQL} END) AS DOUBLE) / nullif(count(c.rcid), 0)
                   AS contested_agreement,
               count(c.rcid) AS contested_votes
        FROM a JOIN b ON a.rcid = b.rcid JOIN roll_calls r ON r.rcid = a.rcid LEFT JOIN c ON c.rcid = a.rcid
        WHERE {' AND '.join(where)}
        GROUP BY ALL ORDER BY year"""
    return store.query(sql, [a_codes, b_codes, *params])


def yearly_agreement(store: Store, a: str, b: str, issue: str | None = None, body: str | None = "UNGA",
                     since: dt.date | None = None, until: dt.date | None = None) -> list[dict]:
    """`agreement` over the years of the period: the answer of `trustledger agreement`, the web app,
    the Python API and the assessment's alignment. While `agg_agreement` is fresh (computed by
    `assess --engine spark`, see `analysis.aggregates`) the same figures are read from it."""
    from trustledger.analysis.aggregates import stored_agreement

    rows = None if issue else stored_agreement(store, a, b, body_code(body))
    return in_years(agreement(store, a, b, issue, body) if rows is None else rows, since, until)


@functools.cache
def country_names(code: str) -> tuple[str, ...]:
    """Upper-case names under which roll-call titles mention a state ('IRAN', 'RUSSIAN FEDERATION', ...):
    the name we show (`trustledger.country_names`) and ISO's names for it. Not every alias: "America"
    would match "Latin America" and "US" any shouted "us"."""
    import pycountry

    from trustledger.country_names import country

    c = country(code)
    out: set[str] = {c.name.upper()} if c else set()
    rec = pycountry.countries.get(alpha_3=(c.iso3 if c and c.iso3 else code))
    if rec is not None:
        for attr in ("name", "official_name", "common_name"):
            v = getattr(rec, attr, None)
            if v:
                out.add(v.upper())
                out.add(v.split(",")[0].upper())
    return tuple(sorted(out))


def votes(store: Store, country: str | None = None, about: str | None = None, body: str | None = None,
          issue: str | None = None, limit: int | None = None, rcid: str | None = None,
          since: dt.date | None = None, until: dt.date | None = None) -> list[dict]:
    """Votes with their roll calls, newest first; `about` = roll calls aimed at or naming that state;
    `since`/`until` bound the roll call's date. The one query behind `trustledger votes`, the web
    app's /api/votes and the Python API's `votes`."""
    if since and until and since > until:
        raise UserError(f"since {since} is after until {until}")
    country = resolve(country, "--country") if country else None
    about = resolve(about, "--about") if about else None
    where = Where().add("v.rcid = ?", rcid).add("r.date >= ?", since).add("r.date <= ?", until)
    if country:
        where.add("v.country IN (SELECT unnest(?))", codes_for(country))
    names = country_names(about) if about else ()
    if names:
        pattern = "\\b(" + "|".join(n.replace("(", "\\(").replace(")", "\\)") for n in names) + ")\\b"
        where.add("(r.target = ? OR regexp_matches(upper(coalesce(r.short, '') || ' ' || coalesce(r.descr, '')), ?))",
                  about, pattern)
    else:
        where.add("r.target = ?", about)
    where.add("r.body = ?", body_code(body))
    cond, iparams = issue_filter(store, issue)
    if cond:
        where.add("v." + cond, *iparams)
    sql = f"""SELECT v.rcid, r.body, r.date, r.resolution, r.short, r.target, v.country, v.vote
              FROM votes v LEFT JOIN roll_calls r ON r.rcid = v.rcid{where.sql()}
              ORDER BY r.date DESC NULLS LAST, v.rcid, v.country"""
    if limit:
        sql += f" LIMIT {int(limit)}"
    return store.query(sql, where.params)


_BODY_NAMES = {"UNGA": "General Assembly", "UNSC": "Security Council"}


def why_no_votes(store: Store, country: str | None, about: str | None) -> str | None:
    """A sentence saying why a votes query came back empty, so "(no rows)" is never the whole
    answer: a state that never voted in the roll calls held (Iran sits on no Security Council), or
    a store with no roll calls at all. None when the filters themselves explain it."""
    from trustledger.country_prose import in_prose

    held = store.query("SELECT body, count(*) AS n FROM roll_calls GROUP BY body ORDER BY body")
    if not held:
        return "The store holds no UN roll calls: ingest a roll-call file first (see the README's data section)."
    bodies = " and ".join(f"{r['n']:,} of the {_BODY_NAMES.get(r['body'], r['body'])}" for r in held)
    code = resolve(country, "--country") if country else None
    if code and not store.query("SELECT 1 FROM votes WHERE country IN (SELECT unnest(?)) LIMIT 1",
                                [codes_for(code)]):
        tip = f"; try --about {country} for the roll calls about it" if not about else ""
        return f"{in_prose(code)} cast no vote in the roll calls this store holds ({bodies}){tip}."
    return None
