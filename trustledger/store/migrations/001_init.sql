-- Schema version 1: every table of the pipeline, so that each stage writes its own table
-- and downstream stages never need to re-read text. Every row names the file it came from.

CREATE TABLE IF NOT EXISTS source_files (
    file_id      VARCHAR PRIMARY KEY,   -- sha256 of the file's bytes (first 16 hex)
    path         VARCHAR NOT NULL,
    kind         VARCHAR NOT NULL,      -- article, gdelt1, gdelt2, icews, cameo_table, unvotes_*, sipri, ...
    bytes        BIGINT,
    rows_loaded  BIGINT,
    rows_rejected BIGINT,
    loaded_at    TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id       VARCHAR PRIMARY KEY,   -- hash of the normalized text
    story_id     VARCHAR NOT NULL,      -- shared by near-duplicate copies
    title        VARCHAR,
    date         DATE,
    source       VARCHAR,
    url          VARCHAR,
    path         VARCHAR,
    file_id      VARCHAR,
    line         BIGINT,                -- line within a JSON Lines file
    text         VARCHAR NOT NULL,
    n_sentences  INTEGER NOT NULL,
    minhash      UBIGINT[],             -- near-duplicate signature
    ingested_at  TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS sentences (
    doc_id         VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    start_char     INTEGER NOT NULL,
    end_char       INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, sentence_index)
);

CREATE TABLE IF NOT EXISTS events (
    event_id        VARCHAR PRIMARY KEY,
    origin          VARCHAR NOT NULL,   -- text, gdelt1, gdelt2, icews, table
    file_id         VARCHAR,
    source_row      BIGINT,
    doc_id          VARCHAR,
    sentence_index  INTEGER,
    story_id        VARCHAR,
    text            VARCHAR,
    date            DATE,
    date_precision  VARCHAR,            -- day, month, year
    source_text     VARCHAR,
    source_code     VARCHAR,
    source_country  VARCHAR,
    source_role     VARCHAR,
    target_text     VARCHAR,
    target_code     VARCHAR,
    target_country  VARCHAR,
    target_role     VARCHAR,
    cameo           VARCHAR,
    root            VARCHAR,
    quad_class      TINYINT,
    goldstein       DOUBLE,
    mode            VARCHAR,            -- said, did
    quote           BOOLEAN DEFAULT false,
    speaker         VARCHAR,
    negated         BOOLEAN DEFAULT false,
    char_start      INTEGER,
    char_end        INTEGER,
    n_copies        INTEGER DEFAULT 1   -- rows collapsed into this one by --dedupe
);

CREATE TABLE IF NOT EXISTS commitments (
    commitment_id   VARCHAR PRIMARY KEY,
    origin          VARCHAR NOT NULL,   -- text, sipri
    file_id         VARCHAR,
    source_row      BIGINT,
    promisor        VARCHAR,
    promisee        VARCHAR,
    kind            VARCHAR,            -- deliver, refrain
    what            VARCHAR,
    terms           VARCHAR[],
    amount          VARCHAR,
    quantity        INTEGER,
    made            DATE,
    made_precision  VARCHAR,
    due             DATE,
    due_precision   VARCHAR,
    grace_days      INTEGER,
    doc_id          VARCHAR,
    sentence_index  INTEGER,
    story_id        VARCHAR,
    text            VARCHAR
);

CREATE TABLE IF NOT EXISTS commitment_evidence (
    commitment_id   VARCHAR NOT NULL,
    doc_id          VARCHAR,
    sentence_index  INTEGER,
    text            VARCHAR
);

CREATE TABLE IF NOT EXISTS outcomes (
    outcome_id      VARCHAR PRIMARY KEY,
    commitment_id   VARCHAR,            -- set when linked
    origin          VARCHAR NOT NULL,
    file_id         VARCHAR,
    source_row      BIGINT,
    actor           VARCHAR,
    counterpart     VARCHAR,
    kind            VARCHAR,            -- delivered, delivered_partial, delayed, suspended, refused, cancelled, not_delivered, violated
    what            VARCHAR,
    terms           VARCHAR[],
    quantity        INTEGER,
    date            DATE,
    date_precision  VARCHAR,
    doc_id          VARCHAR,
    sentence_index  INTEGER,
    story_id        VARCHAR,
    text            VARCHAR
);

CREATE TABLE IF NOT EXISTS ledger (
    commitment_id   VARCHAR PRIMARY KEY,
    status          VARCHAR NOT NULL,   -- kept, kept_late, broken, pending, unknown
    fulfilled       DATE,
    delay_days      INTEGER,
    reason          VARCHAR
);

CREATE TABLE IF NOT EXISTS roll_calls (
    rcid            VARCHAR PRIMARY KEY,
    body            VARCHAR NOT NULL,   -- UNGA, UNSC
    session         INTEGER,
    date            DATE,
    resolution      VARCHAR,
    importantvote   BOOLEAN,
    amend           BOOLEAN,
    para            BOOLEAN,
    short           VARCHAR,
    descr           VARCHAR,
    target          VARCHAR,            -- country a resolution is aimed at, when known
    file_id         VARCHAR
);

CREATE TABLE IF NOT EXISTS roll_call_issues (
    rcid            VARCHAR NOT NULL,
    short_name      VARCHAR,
    issue           VARCHAR
);

CREATE TABLE IF NOT EXISTS votes (
    rcid            VARCHAR NOT NULL,
    country         VARCHAR NOT NULL,   -- ISO3 / CAMEO
    vote            VARCHAR NOT NULL,   -- yes, no, abstain, absent
    file_id         VARCHAR,
    PRIMARY KEY (rcid, country)
);

CREATE TABLE IF NOT EXISTS vetoes (
    date            DATE,
    draft           VARCHAR,
    agenda          VARCHAR,
    topic           VARCHAR,
    country         VARCHAR,
    file_id         VARCHAR
);

CREATE TABLE IF NOT EXISTS rejects (
    file_id         VARCHAR,
    path            VARCHAR,
    line            BIGINT,
    reason          VARCHAR,
    raw             VARCHAR
);
