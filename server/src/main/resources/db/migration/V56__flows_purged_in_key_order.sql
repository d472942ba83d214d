-- The retention purge walks flows in primary-key order too (version 7 UUIDs: creation order; a
-- flow expires, or is revoked, after it is made), as V55 made it walk outbox rows and audit
-- events. The index on expires_at served that purge alone, and every reset request wrote it
-- twice over: the new flow's entry, and the move of the revoked flow's entry to its revoke time.
DROP INDEX ix_flow_expiry ON reset_flow;
