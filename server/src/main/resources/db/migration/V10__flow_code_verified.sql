-- A flow whose emailed code has been confirmed (by a dialect that verifies the code first and
-- completes with the flow handle afterwards). NULL: the code was not confirmed.
ALTER TABLE reset_flow ADD COLUMN code_verified_at DATETIME(6);
