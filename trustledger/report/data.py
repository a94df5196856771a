"""What only the report and the web app show, read from the store: directed pairs, timelines,
evidence search, and documents for citations.

The report and the web app are the last stage: they never parse text and never write. The
answers of the commands (assessment, comparison, ledger, votes, agreement, events, documents)
come from `trustledger.queries`, the functions the CLI and the Python API call too, so all of them
show the same numbers. Every function takes an open `Store` and plain, already-validated
arguments; all filtering happens in SQL with bound parameters (never string-built from user input).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from trustledger.predecessors import SUCCESSORS
from trustledger.predecessors import with_predecessors as codes
from trustledger.report import readable
from trustledger.store.db import Store


def _period(since: dt.date | None, until: dt.date | None, column: str, params: list[Any]) -> str:
    sql = ""
    if since:
        sql += f" AND {column} >= ?"
        params.append(since)
    if until:
        sql += f" AND {column} <= ?"
        params.append(until)
    return sql


def _like(q: str) -> str:
    """A user's search words as an ILIKE pattern, with LIKE's wildcards taken literally."""
    escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# -- overview ---------------------------------------------------------------------------
def pairs(store: Store, limit: int = 200) -> list[dict[str, Any]]:
    """Directed pairs with data: truster = who is acted upon / promised to, trustee = who acts.

    Predecessor states count for their successor (USR events for RUS), as in every dyad query.
    """
    olds, news = list(SUCCESSORS), list(SUCCESSORS.values())

    def state(col: str) -> str:
        return f"CASE WHEN list_contains($olds, {col}) THEN $news[list_position($olds, {col})] ELSE {col} END"

    return store.query(
        f"""
        WITH e AS (
            SELECT {state('target_country')} AS truster, {state('source_country')} AS trustee, count(*) AS events
            FROM events
            WHERE source_country IS NOT NULL AND target_country IS NOT NULL
              AND {state('source_country')} <> {state('target_country')}
            GROUP BY ALL),
        c AS (
            SELECT {state('promisee')} AS truster, {state('promisor')} AS trustee, count(*) AS commitments
            FROM commitments
            WHERE promisor IS NOT NULL AND promisee IS NOT NULL AND {state('promisor')} <> {state('promisee')}
            GROUP BY ALL)
        SELECT truster, trustee, coalesce(e.events, 0) AS events, coalesce(c.commitments, 0) AS commitments
        FROM e FULL OUTER JOIN c USING (truster, trustee)
        ORDER BY commitments DESC, events DESC, truster, trustee
        LIMIT $limit""",
        {"olds": olds, "news": news, "limit": limit},
    )


def countries(store: Store) -> list[str]:
    rows = store.query(
        "SELECT DISTINCT c FROM (SELECT source_country AS c FROM events UNION SELECT target_country FROM events "
        "UNION SELECT promisor FROM commitments UNION SELECT promisee FROM commitments) "
        "WHERE c IS NOT NULL AND length(c) = 3 AND c <> 'IGO' ORDER BY c")
    return [r["c"] for r in rows]


# -- events -------------------------------------------------------------------------------
def timeline(store: Store, truster: str, trustee: str, since: dt.date | None = None,
             until: dt.date | None = None) -> dict[str, Any]:
    """Event counts per period, direction and quad class for the dyad's timeline chart.

    Periods are years, or months when the events span under three years, so that a short
    period still shows a shape.
    """
    params: list[Any] = [codes(trustee), codes(truster), codes(truster), codes(trustee)]
    where = ("((source_country IN (SELECT unnest(?)) AND target_country IN (SELECT unnest(?))) "
             "OR (source_country IN (SELECT unnest(?)) AND target_country IN (SELECT unnest(?)))) "
             "AND date IS NOT NULL AND quad_class BETWEEN 1 AND 4")
    where += _period(since, until, "date", params)
    span = store.query(f"SELECT min(date) AS lo, max(date) AS hi FROM events WHERE {where}", list(params))[0]
    unit = "year"
    if span["lo"] is not None and (span["hi"] - span["lo"]).days < 3 * 365:
        unit = "month"
    rows = store.query(
        f"""SELECT strftime(date_trunc('{unit}', date), '{"%Y" if unit == "year" else "%Y-%m"}') AS period,
                   CASE WHEN list_contains(?, source_country) THEN ? ELSE ? END AS direction,
                   quad_class, count(*) AS n
            FROM events WHERE {where} GROUP BY ALL ORDER BY period, direction, quad_class""",
        [codes(trustee), f"{trustee}→{truster}", f"{truster}→{trustee}", *params],
    )
    return {"unit": unit, "rows": rows}


# -- ledger -------------------------------------------------------------------------------
def with_documents(store: Store, items: list[dict[str, Any]]) -> None:
    """Add each item's document title, date, path, url and story (in place), in one query."""
    ids = sorted({i["doc_id"] for i in items if i.get("doc_id")})
    if not ids:
        return
    docs = {r["doc_id"]: r for r in store.query(
        "SELECT doc_id, story_id, title, date, path, url, source FROM documents WHERE list_contains(?, doc_id)",
        [ids])}
    for item in items:
        d = docs.get(item.get("doc_id"))
        if d is None:
            continue
        for key in ("title", "path", "url", "source"):
            if not item.get(key):
                item[key] = d[key]
        item.setdefault("doc_date", d["date"])
        item.setdefault("story_id", d["story_id"])
        if not item.get("date"):
            item["date"] = d["date"]


def ledger_entry(store: Store, commitment_id: str) -> dict[str, Any] | None:
    """One ledger entry (`trustledger.queries.ledger_entry`: the entry `trustledger ledger` lists)
    with each evidence sentence and outcome joined to its document, for the web app's entry view, plus
    `promise_evidence` (only the sentences that state the promise) and `outcome_groups` (one per date as
    written, with `line`: "December 2007: delivered (3 stories)")."""
    from trustledger.queries import ledger_entry as entry_of

    entry = entry_of(store, commitment_id)
    if entry is None:
        return None
    entry = {**entry, "evidence": cited(store, entry["evidence"]), "outcomes": cited(store, entry["outcomes"])}
    # What a reader needs on top of the ledger's own keys (issue 16.6): the sentences that state the
    # promise (not those reporting its outcome), whole; the outcomes one group per date, each story once.
    readable.whole_sentences(store, entry["evidence"])
    readable.whole_sentences(store, entry["outcomes"])
    entry["promise_evidence"] = readable.promise_sentences(entry)
    groups = readable.outcome_groups(entry["outcomes"])
    entry["outcome_groups"] = [{**g, "line": readable.outcome_line(g)} for g in groups]
    return entry


def cited(store: Store, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copies of `items` with their documents' title, date, path and url (`with_documents`)."""
    out = [dict(i) for i in items]
    with_documents(store, out)
    return out


# -- evidence search ----------------------------------------------------------------------
def search_evidence(store: Store, q: str | None = None, truster: str | None = None, trustee: str | None = None,
                    limit: int = 50) -> list[dict[str, Any]]:
    """Sentences matching `q` (case-insensitive substring), optionally only those that carry an
    event or commitment between the two countries (either direction), with their documents."""
    params: list[Any] = []
    sql = ("SELECT s.doc_id, s.sentence_index, s.text, d.title, d.date, d.path, d.url, d.source "
           "FROM sentences s JOIN documents d USING (doc_id) WHERE true")
    if q:
        sql += " AND s.text ILIKE ? ESCAPE '\\'"
        params.append(_like(q))
    countries_given = [c for c in (truster, trustee) if c]
    if countries_given:
        a, b = (truster, trustee) if truster and trustee else (countries_given[0], None)
        if b:
            pair = ("((list_contains(?, x.a) AND list_contains(?, x.b)) OR (list_contains(?, x.a) "
                    "AND list_contains(?, x.b)))", [codes(a), codes(b), codes(b), codes(a)])
        else:
            pair = ("(list_contains(?, x.a) OR list_contains(?, x.b))", [codes(a), codes(a)])
        sql += (" AND EXISTS (SELECT 1 FROM ("
                "SELECT doc_id, sentence_index, source_country AS a, target_country AS b FROM events "
                "UNION ALL SELECT e.doc_id, e.sentence_index, c.promisor, c.promisee "
                "FROM commitment_evidence e JOIN commitments c USING (commitment_id) "
                "UNION ALL SELECT doc_id, sentence_index, promisor, promisee FROM commitments) x "
                f"WHERE x.doc_id = s.doc_id AND x.sentence_index = s.sentence_index AND {pair[0]})")
        params += pair[1]
    sql += " ORDER BY d.date NULLS LAST, s.doc_id, s.sentence_index LIMIT ?"
    params.append(limit)
    return store.query(sql, params)
