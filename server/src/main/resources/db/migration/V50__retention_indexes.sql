-- Indexes for the retention purge (resetkit.retention.Purger): each batched DELETE finds its
-- oldest rows through an index on its time column instead of scanning the table.
CREATE INDEX ix_outbox_sent ON outbox_message (status, sent_at);
CREATE INDEX ix_event_created ON audit_event (created_at);
