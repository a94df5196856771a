"""A synthetic but complete dyad store: documents, sentences, events, commitments, outcomes,
ledger and UN votes for two countries, generated in SQL.

Why it exists: the report and the web app read every table; their tests, the web load
benchmark and anyone trying `trustledger serve` without a corpus need a store whose rows are
known in advance (and can be scaled up) without running the NLP stages. Rows are generated
by DuckDB from `range()` with deterministic arithmetic, so a store of any size builds in well
under a second and the same arguments always give the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from trustledger.store.db import Store

STATUSES = ("kept", "kept_late", "broken", "pending", "unknown")


@dataclass(frozen=True)
class SampleSpec:
    truster: str = "IRN"
    trustee: str = "RUS"
    documents: int = 12           # each with 3 sentences
    events: int = 60              # spread over both directions and four quad classes
    commitments: int = 5          # trustee → truster, statuses cycle through STATUSES
    roll_calls: int = 40          # UNGA votes over 1995–2014
    first_year: int = 1995
    years: int = 20
    hostile: str | None = None    # text put into the first document's title, text, and the first commitment


def build(path: str | Path, spec: SampleSpec = SampleSpec()) -> Path:
    """Create (or add to an empty) store at `path` holding the rows described by `spec`."""
    path = Path(path)
    from trustledger.stages import derived_tables
    from trustledger.store.derived import mark_fresh

    with Store(path) as store, store.transaction() as con:
        _insert(con, spec)
        mark_fresh(store, derived_tables())  # its ledger rows are written as a rebuild would leave them
    return path


def _insert(con, spec: SampleSpec) -> None:  # noqa: ANN001 - a duckdb connection
    a, b, h, y0, ny = spec.truster, spec.trustee, spec.hostile or "", spec.first_year, spec.years
    con.execute(
        """
        INSERT INTO documents (doc_id, story_id, title, date, source, url, path, file_id, text, n_sentences)
        SELECT printf('%016x', i + 4096), printf('%016x', i + 4096),
               CASE WHEN i = 0 AND $3 <> '' THEN 'Report ' || $3
                    ELSE 'Report ' || i || ' on ' || $2 || ' and ' || $1 END,
               make_date(CAST($4 + i % $5 AS BIGINT), CAST(1 + i % 12 AS BIGINT), CAST(1 + i % 28 AS BIGINT)),
               'sample wire', 'https://example.org/story/' || i, 'sample/doc-' || i || '.md', 'sample',
               'Sentence zero of document ' || i || '. ' || $2 || ' agreed to deliver reactor fuel to ' || $1
                   || ' (item ' || i || '). '
                   || CASE WHEN i = 0 AND $3 <> '' THEN $3 ELSE 'Officials praised the partnership.' END,
               3
        FROM range($6) t(i)""",
        [a, b, h, y0, ny, spec.documents],
    )
    con.execute(
        """
        INSERT INTO sentences (doc_id, sentence_index, start_char, end_char, text)
        SELECT doc_id, k, 0, 0,
               CASE k WHEN 0 THEN 'Sentence zero of document ' || CAST(i AS VARCHAR) || '.'
                      WHEN 1 THEN $2 || ' agreed to deliver reactor fuel to ' || $1 || ' (item ' || i || ').'
                      ELSE CASE WHEN i = 0 AND $3 <> '' THEN $3 ELSE 'Officials praised the partnership.' END END
        FROM (SELECT printf('%016x', i + 4096) AS doc_id, i FROM range($4) t(i)), range(3) s(k)""",
        [a, b, h, spec.documents],
    )
    # Events: even rows trustee→truster, odd rows truster→trustee; quad class cycles 1..4.
    con.execute(
        """
        INSERT INTO events (event_id, origin, doc_id, sentence_index, story_id, text, date, date_precision,
                            source_text, source_code, source_country, target_text, target_code, target_country,
                            cameo, root, quad_class, goldstein, mode)
        SELECT printf('%016x', i + 65536), 'text', printf('%016x', i % $5 + 4096), 1, printf('%016x', i % $5 + 4096),
               CASE WHEN i % 2 = 0 THEN $2 ELSE $1 END || ' acted toward ' || CASE WHEN i % 2 = 0 THEN $1 ELSE $2 END,
               make_date(CAST($3 + ((i // 8) * 3) % $4 AS BIGINT), CAST(1 + i % 12 AS BIGINT), 15), 'day',
               CASE WHEN i % 2 = 0 THEN $2 ELSE $1 END, CASE WHEN i % 2 = 0 THEN $2 ELSE $1 END || 'GOV',
               CASE WHEN i % 2 = 0 THEN $2 ELSE $1 END,
               CASE WHEN i % 2 = 0 THEN $1 ELSE $2 END, CASE WHEN i % 2 = 0 THEN $1 ELSE $2 END || 'GOV',
               CASE WHEN i % 2 = 0 THEN $1 ELSE $2 END,
               ['051', '061', '112', '173'][1 + (i // 2) % 4], ['05', '06', '11', '17'][1 + (i // 2) % 4],
               1 + (i // 2) % 4, [3.4, 6.4, -2.0, -5.0][1 + (i // 2) % 4],
               CASE WHEN (i // 2) % 2 = 0 THEN 'said' ELSE 'did' END
        FROM range($6) t(i)""",
        [a, b, y0, ny, max(spec.documents, 1), spec.events],
    )
    # Commitments: trustee promises the truster; evidence is sentence 1 of a document.
    con.execute(
        """
        INSERT INTO commitments (commitment_id, origin, promisor, promisee, kind, what, terms, made, made_precision,
                                 due, due_precision, doc_id, sentence_index, story_id, text)
        SELECT printf('c%015x', i), 'text', $2, $1, 'deliver',
               CASE WHEN i = 0 AND $3 <> '' THEN 'fuel ' || $3 ELSE 'deliver reactor fuel lot ' || i END,
               ['reactor', 'fuel'],
               make_date(CAST($4 + i % $5 AS BIGINT), 3, 1), 'day',
               make_date(CAST($4 + i % $5 + 2 AS BIGINT), 3, 1), 'year',
               printf('%016x', i % $7 + 4096), 1, printf('%016x', i % $7 + 4096),
               $2 || ' agreed to deliver reactor fuel to ' || $1 || ' (item ' || (i % $7) || ').'
        FROM range($6) t(i)""",
        [a, b, h, y0, ny, spec.commitments, max(spec.documents, 1)],
    )
    con.execute(
        """
        INSERT INTO commitment_evidence (commitment_id, doc_id, sentence_index, text)
        SELECT commitment_id, doc_id, sentence_index, text FROM commitments WHERE origin = 'text'
        UNION ALL
        SELECT commitment_id, printf('%016x', (CAST(('0x' || substr(commitment_id, 2)) AS BIGINT) + 1) % ? + 4096),
               2, 'A second copy reported the same promise.'
        FROM commitments WHERE origin = 'text'""",
        [max(spec.documents, 1)],
    )
    statuses = list(STATUSES)
    con.execute(
        """
        INSERT INTO ledger (commitment_id, status, fulfilled, delay_days, reason)
        SELECT commitment_id, s.status,
               CASE WHEN s.status IN ('kept', 'kept_late')
                    THEN due + CASE s.status WHEN 'kept' THEN -30 ELSE 400 END END,
               CASE s.status WHEN 'kept' THEN 0 WHEN 'kept_late' THEN 400 END,
               'status ' || s.status || ' from the sample outcomes'
        FROM (SELECT commitment_id, due, row_number() OVER (ORDER BY commitment_id) - 1 AS k FROM commitments) c
        JOIN (SELECT unnest(?) AS status, generate_subscripts(?, 1) - 1 AS k) s ON c.k % ? = s.k""",
        [statuses, statuses, len(statuses)],
    )
    con.execute(
        """
        INSERT INTO outcomes (outcome_id, commitment_id, origin, actor, counterpart, kind, what, terms, date,
                              date_precision, doc_id, sentence_index, story_id, text)
        SELECT 'o' || substr(c.commitment_id, 2), c.commitment_id, 'text', c.promisor, c.promisee,
               CASE l.status WHEN 'kept' THEN 'delivered' WHEN 'kept_late' THEN 'delivered' ELSE 'refused' END,
               c.what, c.terms, l.fulfilled, 'day', c.doc_id, 0, c.story_id,
               'The outcome of ' || c.what || ' was reported.'
        FROM commitments c JOIN ledger l USING (commitment_id) WHERE l.status IN ('kept', 'kept_late', 'broken')""",
    )
    # UN votes: the two countries agree on two roll calls in three.
    con.execute(
        """
        INSERT INTO roll_calls (rcid, body, session, date, resolution, short, descr, target)
        SELECT 'S' || i, 'UNGA', 50 + i % ?, make_date(CAST(? + i % ? AS BIGINT), 12, 1), 'A/RES/' || i,
               'Sample resolution ' || i, 'A sample roll call', CASE WHEN i % 10 = 0 THEN ? END
        FROM range(?) t(i)""",
        [ny, y0, ny, a, spec.roll_calls],
    )
    con.execute(
        """
        INSERT INTO votes (rcid, country, vote)
        SELECT 'S' || i, ?, 'yes' FROM range(?) t(i)
        UNION ALL
        SELECT 'S' || i, ?, CASE WHEN i % 3 = 2 THEN 'no' ELSE 'yes' END FROM range(?) t(i)""",
        [a, spec.roll_calls, b, spec.roll_calls],
    )
