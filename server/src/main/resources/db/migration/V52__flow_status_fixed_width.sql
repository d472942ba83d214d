-- A flow's status changes when it ends (OPEN -> USED, REVOKED or LOCKED). As VARCHAR the row grew
-- with it, in pages that time-ordered inserts leave full, so InnoDB split or reorganised the page:
-- revoking an account's open flow (most reset requests under load) wrote about 2.9 KB of redo log
-- per flow. With a fixed width and the revoke setting no column that was NULL, it writes about 0.5 KB.
ALTER TABLE reset_flow MODIFY COLUMN status CHAR(8) NOT NULL;
