-- Sending a mail changes its status, and InnoDB rewrites every secondary index that holds the
-- status: ix_outbox_due, ix_outbox_tenant (tenant, status, time) and ix_outbox_sent (status, sent
-- time). The last two go: a tenant's mails are listed in queue order through (tenant_id, seq),
-- which sending leaves alone, and the retention purge walks outbox rows and audit events in
-- primary-key order (version 7 UUIDs: their order is their creation time) instead of through an
-- index on their time column, so an audit event costs one index fewer too.
DROP INDEX ix_outbox_sent ON outbox_message;
DROP INDEX ix_outbox_tenant ON outbox_message;
CREATE INDEX ix_outbox_tenant_seq ON outbox_message (tenant_id, seq);
DROP INDEX ix_event_created ON audit_event;
