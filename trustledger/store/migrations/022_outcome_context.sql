-- Commitments (issue 4): the states an outcome's article is about, most mentioned first, so that
-- "the systems were delivered by Russia" in an article on Turkey links to Turkey's order.
ALTER TABLE outcomes ADD COLUMN IF NOT EXISTS context VARCHAR[];
