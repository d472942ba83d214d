-- The schema that migrations 1 to 56 build on MySQL and MariaDB, in one script: Flyway runs it
-- instead of them on an empty database only (a database that has a schema history goes on with
-- the versioned migrations), so a new deployment creates each table once instead of creating and
-- then altering and rebuilding it. Versioned migrations after 56 apply on top of it as usual; this
-- file never changes. SchemaBaselineTest checks that it builds exactly what the migrations build.
-- Ids, digests and claims are byte strings (migration 53, resetkit.schema.BinaryKeyColumns).

CREATE TABLE tenant (
    id                    VARCHAR(64)  NOT NULL,
    name                  VARCHAR(200) NOT NULL,
    allowed_redirect_urls TEXT         NOT NULL,
    token_ttl_seconds     INT          NOT NULL,
    min_password_length   INT          NOT NULL,
    mail_from             VARCHAR(320),
    created_at            DATETIME(6)  NOT NULL,
    limit_per_identifier  INT,
    limit_per_ip          INT,
    limit_per_tenant      INT,
    PRIMARY KEY (id)
);

CREATE TABLE tenant_api_key (
    key_digest  VARBINARY(64) NOT NULL,
    tenant_id   VARCHAR(64)   NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (key_digest),
    INDEX ix_api_key_tenant (tenant_id)
);

CREATE TABLE account (
    id                  VARBINARY(36) NOT NULL,
    tenant_id           VARCHAR(64)   NOT NULL,
    email               VARCHAR(320)  NOT NULL,
    username            VARCHAR(100),
    external_id         VARCHAR(200),
    password_hash       VARCHAR(200),
    locale              VARCHAR(35),
    created_at          DATETIME(6)   NOT NULL,
    password_changed_at DATETIME(6),
    PRIMARY KEY (id),
    UNIQUE INDEX ux_account_email (tenant_id, email),
    UNIQUE INDEX ux_account_username (tenant_id, username),
    UNIQUE INDEX ux_account_external_id (tenant_id, external_id)
);

CREATE TABLE reset_flow (
    id               VARBINARY(36) NOT NULL,
    tenant_id        VARCHAR(64)   NOT NULL,
    account_id       VARBINARY(36) NOT NULL,
    token_digest     VARBINARY(64) NOT NULL,
    code_digest      VARBINARY(64) NOT NULL,
    status           CHAR(8)       NOT NULL,
    failed_attempts  INT           NOT NULL,
    channel          VARCHAR(32)   NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    expires_at       DATETIME(6)   NOT NULL,
    finished_at      DATETIME(6),
    code_verified_at DATETIME(6),
    PRIMARY KEY (id),
    INDEX ix_flow_account (tenant_id, account_id, status)
);

CREATE TABLE legacy_link_token (
    token_digest CHAR(64) NOT NULL,
    flow_id      CHAR(36) NOT NULL,
    PRIMARY KEY (token_digest)
);

CREATE TABLE outbox_message (
    id              VARBINARY(36) NOT NULL,
    tenant_id       VARCHAR(64)   NOT NULL,
    kind            VARCHAR(32)   NOT NULL,
    flow_id         VARBINARY(36),
    recipient       VARCHAR(320)  NOT NULL,
    sender          VARCHAR(320)  NOT NULL,
    subject         VARCHAR(300)  NOT NULL,
    sealed_body     TEXT          NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at DATETIME(6)   NOT NULL,
    claimed_by      VARBINARY(64),
    claimed_until   DATETIME(6),
    last_error      VARCHAR(500),
    created_at      DATETIME(6)   NOT NULL,
    sent_at         DATETIME(6),
    seq             BIGINT        NOT NULL AUTO_INCREMENT,
    PRIMARY KEY (id),
    UNIQUE INDEX seq (seq),
    INDEX ix_outbox_due (status, next_attempt_at),
    INDEX ix_outbox_tenant_seq (tenant_id, seq)
);

CREATE TABLE audit_event (
    id          VARBINARY(36) NOT NULL,
    tenant_id   VARCHAR(64)   NOT NULL,
    type        VARCHAR(64)   NOT NULL,
    flow_id     VARBINARY(36),
    account_id  VARBINARY(36),
    detail      VARCHAR(500),
    created_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_event_tenant (tenant_id, created_at)
);

CREATE TABLE rate_limit_counter (
    counter_key  VARBINARY(64) NOT NULL,
    tenant_id    VARCHAR(64)   NOT NULL,
    window_start DATETIME(6)   NOT NULL,
    hits         INT           NOT NULL,
    PRIMARY KEY (counter_key),
    INDEX ix_rate_limit_window (window_start)
);
