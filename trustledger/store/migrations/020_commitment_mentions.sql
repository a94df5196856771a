-- Commitments stage (issue 4): every sentence that states a commitment is kept as a mention;
-- linking merges mentions into the `commitments` table (one row per promise) after each ingest,
-- so that the result does not depend on the order in which documents arrive.
CREATE TABLE IF NOT EXISTS commitment_mentions (
    mention_id      VARCHAR PRIMARY KEY,
    doc_id          VARCHAR NOT NULL,
    sentence_index  INTEGER NOT NULL,
    story_id        VARCHAR,
    char_start      INTEGER,
    char_end        INTEGER,
    text            VARCHAR,
    promisor        VARCHAR,
    promisee        VARCHAR,
    kind            VARCHAR,            -- deliver, refrain
    object          VARCHAR,            -- canonical object key (trustledger/data/object_aliases.csv)
    what            VARCHAR,
    terms           VARCHAR[],
    amount          VARCHAR,
    quantity        INTEGER,
    made            DATE,
    made_precision  VARCHAR,
    made_explicit   BOOLEAN,            -- the sentence dates the promise ("signed in 2007")
    due             DATE,
    due_precision   VARCHAR,
    grace_days      INTEGER,
    is_new          BOOLEAN,            -- "a new contract"
    implied         BOOLEAN,            -- a party came from the context, not the sentence
    trigger         VARCHAR,
    doc_date        DATE
);

ALTER TABLE commitments ADD COLUMN IF NOT EXISTS object VARCHAR;
ALTER TABLE commitment_evidence ADD COLUMN IF NOT EXISTS mention_id VARCHAR;
ALTER TABLE commitment_evidence ADD COLUMN IF NOT EXISTS story_id VARCHAR;
ALTER TABLE outcomes ADD COLUMN IF NOT EXISTS object VARCHAR;
ALTER TABLE outcomes ADD COLUMN IF NOT EXISTS date_explicit BOOLEAN;
ALTER TABLE outcomes ADD COLUMN IF NOT EXISTS duplicate_of VARCHAR;   -- a near-duplicate copy of this outcome
ALTER TABLE ledger ADD COLUMN IF NOT EXISTS due_end DATE;             -- last day of the due period
