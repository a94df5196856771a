-- GDELT scale (issue 17): structured events counted per (source, target, day, quad class, praise),
-- kept up to date by every structured import (trustledger/store/dyad_days.py says what it covers).
-- quad_class 0 counts events of the pair that are not acts (negated, non-state party, no quad class).
CREATE TABLE IF NOT EXISTS agg_dyad_day (
    source_country  VARCHAR NOT NULL,
    target_country  VARCHAR NOT NULL,
    date            DATE NOT NULL,
    quad_class      TINYINT NOT NULL,
    praise          BOOLEAN NOT NULL,   -- CAMEO 051-053
    events          BIGINT NOT NULL
);
-- A store without structured events is summarised already; any other is summarised on its next
-- structured import (or `trustledger aggregate`), and read directly until then.
INSERT OR REPLACE INTO meta
SELECT 'dyad_day:covered', '0' WHERE NOT EXISTS (SELECT 1 FROM events WHERE origin <> 'text' AND story_id IS NULL);
