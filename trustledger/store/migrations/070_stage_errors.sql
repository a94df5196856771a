-- Sentences (or whole documents, sentence_index NULL) that a text stage could not analyse, or
-- analysed slowly (kind 'slow'); the document and its other sentences are stored as usual.
CREATE TABLE IF NOT EXISTS stage_errors (
    doc_id          VARCHAR NOT NULL,
    sentence_index  INTEGER,
    stage           VARCHAR NOT NULL,   -- coder, commitments
    kind            VARCHAR NOT NULL,   -- error, slow
    message         VARCHAR,
    seconds         DOUBLE,
    recorded_at     TIMESTAMP DEFAULT current_timestamp
);
