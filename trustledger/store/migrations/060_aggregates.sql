-- Spark engine (issue 8): small aggregate tables computed over the whole store by either engine
-- (trustledger/analysis/aggregates.py holds the one SQL text both run), with the run that made them.
CREATE TABLE IF NOT EXISTS agg_dyad_year (
    source_country  VARCHAR,
    target_country  VARCHAR,
    year            INTEGER,
    quad_class      TINYINT,
    events          BIGINT,             -- acts: copies of one story with one CAMEO code count once
    goldstein_sum   DECIMAL(38, 6),     -- exact, so that both engines give the same mean
    goldstein       DOUBLE              -- mean Goldstein weight of the acts
);

CREATE TABLE IF NOT EXISTS agg_dyad_quad (
    source_country  VARCHAR,
    target_country  VARCHAR,
    quad_class      TINYINT,
    events          BIGINT,
    goldstein_sum   DECIMAL(38, 6),
    goldstein       DOUBLE
);

CREATE TABLE IF NOT EXISTS agg_agreement (
    body            VARCHAR,            -- UNGA, UNSC
    country_a       VARCHAR,
    country_b       VARCHAR,
    year            INTEGER,
    votes           BIGINT,             -- roll calls both voted on (absences left out)
    agree           DECIMAL(38, 1),     -- Σ agreement: same vote 1, one abstaining 0.5, yes vs no 0
    agreement       DOUBLE              -- agree / votes
);

CREATE TABLE IF NOT EXISTS agg_runs (
    aggregate       VARCHAR PRIMARY KEY,  -- the table
    engine          VARCHAR NOT NULL,     -- local, spark
    computed_at     TIMESTAMP NOT NULL,
    seconds         DOUBLE,
    scope           VARCHAR[],            -- countries (country_a) it covers; NULL = all
    inputs          VARCHAR,              -- fingerprint of the input tables when computed
    rows            BIGINT
);
