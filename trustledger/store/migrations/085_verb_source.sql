-- Coder (issue 13): events coded through the word-vector fallback for verbs no lexicon lists
-- (trustledger/coding/verb_vectors.py) say so, with the similarity of the nearest lexicon verb as
-- their confidence; lexicon events are 'lexicon' with no confidence, structured imports NULL.
ALTER TABLE events ADD COLUMN IF NOT EXISTS verb_source VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS confidence DOUBLE;
