-- Contested roll calls (analysis/votes.py CONTESTED_SQL: at least 10% of the members present voted
-- no): agg_agreement also counts the joint votes on them and their Σ agreement. Tables computed
-- before this have no such figures, so their runs are dropped: they count as stale until recomputed.
ALTER TABLE agg_agreement ADD COLUMN IF NOT EXISTS contested_votes BIGINT;
ALTER TABLE agg_agreement ADD COLUMN IF NOT EXISTS contested_agree DECIMAL(38, 1);
ALTER TABLE agg_agreement ADD COLUMN IF NOT EXISTS contested_agreement DOUBLE;
DELETE FROM agg_agreement;
DELETE FROM agg_runs WHERE aggregate = 'agg_agreement';
