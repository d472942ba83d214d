-- Per-tenant rate limit overrides (NULL: the configured default) and the shared counters.
ALTER TABLE tenant ADD COLUMN limit_per_identifier INT;
ALTER TABLE tenant ADD COLUMN limit_per_ip INT;
ALTER TABLE tenant ADD COLUMN limit_per_tenant INT;

-- One fixed-window counter per key. The key is a SHA-256 digest, so identifiers (often emails)
-- and client addresses are not stored in clear.
CREATE TABLE rate_limit_counter (
    counter_key  CHAR(64)    NOT NULL,
    tenant_id    VARCHAR(64) NOT NULL,
    window_start DATETIME(6) NOT NULL,
    hits         INT         NOT NULL,
    PRIMARY KEY (counter_key)
);
CREATE INDEX ix_rate_limit_window ON rate_limit_counter (window_start);
