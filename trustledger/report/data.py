"""What the report and the web app show, read from the store in the documented JSON shapes.

The report and the web app are the last stage: they never parse text and never write. The
assessment, comparison, vote agreement and ledger come from their own stages' functions, so the
report, the web app and the CLI show the same numbers; this module adds what only the report
and the web app need (timelines, evidence search, documents for citations). Every function
takes an open `Store` and plain, already-validated arguments; all filtering happens in SQL
with bound parameters (never string-built from user input).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from trustledger.predecessors import SUCCESSORS
from trustledger.predecessors import with_predecessors as codes
from trustledger.store.db import Store

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
COMPONENTS = ("commitments", "say_do", "alignment", "reciprocity")


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
def stats(store: Store) -> dict[str, int]:
    return store.counts()


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


# -- documents and votes ------------------------------------------------------------------
def documents(store: Store, story: str | None = None, limit: int | None = 100) -> list[dict[str, Any]]:
    from trustledger.store import queries

    return queries.documents(store, story, limit)


def votes(store: Store, country: str | None = None, rcid: str | None = None, since: dt.date | None = None,
          until: dt.date | None = None, limit: int = 1000) -> list[dict[str, Any]]:
    params: list[Any] = []
    sql = ("SELECT v.rcid, r.body, r.date, r.resolution, r.short, r.target, v.country, v.vote "
           "FROM votes v LEFT JOIN roll_calls r USING (rcid) WHERE true")
    if country:
        sql += " AND v.country = ?"
        params.append(country)
    if rcid:
        sql += " AND v.rcid = ?"
        params.append(rcid)
    sql += _period(since, until, "r.date", params)
    sql += " ORDER BY r.date NULLS LAST, v.rcid, v.country LIMIT ?"
    params.append(limit)
    return store.query(sql, params)


def agreement(store: Store, a: str, b: str, since: dt.date | None = None,
              until: dt.date | None = None) -> list[dict[str, Any]]:
    """UN vote agreement by year: `[{year, agreement, votes}]`, as `trustledger agreement` gives it."""
    from trustledger.analysis.votes import agreement as by_year

    rows = list(by_year(store, a, b))
    return [r for r in rows
            if (since is None or r["year"] >= since.year) and (until is None or r["year"] <= until.year)]


# -- events -------------------------------------------------------------------------------
def _actor(prefix: str) -> str:
    """The actor as a struct; a target the sentence does not name is NULL (DESIGN.md "event")."""
    return (f"CASE WHEN {prefix}_code IS NULL THEN NULL ELSE {{'text': {prefix}_text, 'code': {prefix}_code, "
            f"'country': {prefix}_country, 'role': {prefix}_role}} END AS {prefix}")


EVENT_COLUMNS = (
    "event_id, doc_id, sentence_index, text, date, date_precision, "
    + _actor("source") + ", " + _actor("target")
    + ", cameo, root, quad_class, goldstein, mode, quote, speaker, negated"
)


def events(store: Store, source: str | None = None, target: str | None = None, since: dt.date | None = None,
           until: dt.date | None = None, quad_class: int | None = None, both: bool = False,
           limit: int | None = 1000) -> list[dict[str, Any]]:
    """Events in the documented JSON shape; `both` also takes target→source (a dyad's two directions)."""
    params: list[Any] = []
    sql = f"SELECT {EVENT_COLUMNS} FROM events WHERE true"
    if both and source and target:
        sql += (" AND ((source_country IN (SELECT unnest(?)) AND target_country IN (SELECT unnest(?))) "
                "OR (source_country IN (SELECT unnest(?)) AND target_country IN (SELECT unnest(?))))")
        params += [codes(source), codes(target), codes(target), codes(source)]
    else:
        if source:
            sql += " AND source_country IN (SELECT unnest(?))"
            params.append(codes(source))
        if target:
            sql += " AND target_country IN (SELECT unnest(?))"
            params.append(codes(target))
    if quad_class:
        sql += " AND quad_class = ?"
        params.append(quad_class)
    sql += _period(since, until, "date", params)
    sql += " ORDER BY date NULLS LAST, event_id"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return store.query(sql, params)


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
    """Add each item's document title, date, path and url (in place), in one query."""
    ids = sorted({i["doc_id"] for i in items if i.get("doc_id")})
    if not ids:
        return
    docs = {r["doc_id"]: r for r in store.query(
        "SELECT doc_id, title, date, path, url, source FROM documents WHERE list_contains(?, doc_id)", [ids])}
    for item in items:
        d = docs.get(item.get("doc_id"))
        if d is None:
            continue
        for key in ("title", "path", "url", "source"):
            if not item.get(key):
                item[key] = d[key]
        item.setdefault("doc_date", d["date"])
        if not item.get("date"):
            item["date"] = d["date"]


#: One ledger entry with its evidence and outcomes joined, for the web app's unfolding rows.
LEDGER_SQL = """
SELECT c.commitment_id, c.promisor, c.promisee, c.what, c.kind, c.origin, c.made, c.made_precision,
       c.due, c.due_precision, coalesce(l.status, 'unknown') AS status, l.fulfilled, l.delay_days, l.reason,
       coalesce((SELECT list({'doc_id': e.doc_id, 'sentence_index': e.sentence_index, 'text': e.text}
                             ORDER BY e.doc_id, e.sentence_index)
                 FROM commitment_evidence e WHERE e.commitment_id = c.commitment_id),
                CASE WHEN c.text IS NOT NULL THEN
                     [{'doc_id': c.doc_id, 'sentence_index': c.sentence_index, 'text': c.text}] END,
                []) AS evidence,
       coalesce((SELECT list({'outcome_id': o.outcome_id, 'kind': o.kind, 'date': o.date, 'what': o.what,
                              'doc_id': o.doc_id, 'sentence_index': o.sentence_index, 'text': o.text}
                             ORDER BY o.date NULLS LAST, o.outcome_id)
                 FROM outcomes o WHERE o.commitment_id = c.commitment_id
                    OR o.commitment_id IN (SELECT m.commitment_id FROM commitments m
                                           WHERE m.same_as = c.commitment_id)), []) AS outcomes,
       coalesce((SELECT list(m.commitment_id ORDER BY m.commitment_id) FROM commitments m
                 WHERE m.same_as = c.commitment_id), []) AS corroborated_by, c.same_as
FROM commitments c LEFT JOIN ledger l USING (commitment_id)
WHERE true"""


def ledger(store: Store, promisor: str | None = None, promisee: str | None = None, status: str | None = None,
           since: dt.date | None = None, until: dt.date | None = None,
           limit: int | None = 1000) -> list[dict[str, Any]]:
    """Ledger entries (commitments with outcomes and status) in the documented JSON shape."""
    from trustledger.commitments.queries import ledger as entries

    rows = entries(store, promisor=promisor, promisee=promisee, status=status, since=since, until=until)
    return rows[:limit] if limit else rows


def ledger_entry(store: Store, commitment_id: str) -> dict[str, Any] | None:
    """One ledger entry with its evidence and outcomes, each joined to its document."""
    rows = store.query(LEDGER_SQL + " AND c.commitment_id = ?", [commitment_id])
    if not rows:
        return None
    entry = rows[0]
    entry["evidence"] = [dict(e) for e in entry["evidence"] or []]
    entry["outcomes"] = [dict(o) for o in entry["outcomes"] or []]
    with_documents(store, entry["evidence"])
    with_documents(store, entry["outcomes"])
    return entry


# -- assessment ---------------------------------------------------------------------------
def assessment(store: Store, truster: str, trustee: str, since: dt.date | None = None,
               until: dt.date | None = None) -> dict[str, Any]:
    from trustledger.analysis.assess import assess

    result = assess(store, truster, trustee, since, until)
    result = dict(result)
    # The report cites each evidence item's document (title, date, path, url).
    result["evidence"] = [dict(e) for e in result.get("evidence") or []]
    with_documents(store, result["evidence"])
    return result


def compare(store: Store, truster: str, trustees: list[str], since: dt.date | None = None,
            until: dt.date | None = None) -> list[dict[str, Any]]:
    from trustledger.analysis.compare import compare as side_by_side

    return list(side_by_side(store, truster, trustees, since, until))


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
