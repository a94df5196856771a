-- Commitments (issue 4): a deadline that applies to the first delivery only
-- ("the first aircraft due in 2019", "deliveries due to start by 2019").
ALTER TABLE commitment_mentions ADD COLUMN IF NOT EXISTS due_first BOOLEAN;
ALTER TABLE commitments ADD COLUMN IF NOT EXISTS due_first BOOLEAN;
