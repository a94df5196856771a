-- Coder (issue 3): every text event keeps the rule that produced it, so a coding can be explained
-- ("sign → 057 (trustledger rule sign)", "promise (intent) + deliver → 072 ...").
ALTER TABLE events ADD COLUMN IF NOT EXISTS why VARCHAR;
CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id, sentence_index);
