-- Commitments (same deal): a SIPRI deal that is the same deal as a promise found in text is merged
-- into it. The text commitment survives; the SIPRI row points to it (`same_as`) and is hidden from
-- the ledger and counted once by the assessment. `same_deal` says why it was merged, or why a
-- candidate was left alone (e.g. two SIPRI deals fit). Recomputed after every ingest.
ALTER TABLE commitments ADD COLUMN IF NOT EXISTS same_as VARCHAR;
ALTER TABLE commitments ADD COLUMN IF NOT EXISTS same_deal VARCHAR;
