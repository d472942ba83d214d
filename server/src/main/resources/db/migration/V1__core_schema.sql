-- Runs unchanged on H2 (MODE=MySQL) and on MySQL/MariaDB. Times are UTC, DATETIME(6).
-- Secondary keys lead with tenant_id so the data can later be split by tenant.

CREATE TABLE tenant (
    id                    VARCHAR(64)  NOT NULL,
    name                  VARCHAR(200) NOT NULL,
    allowed_redirect_urls TEXT         NOT NULL,
    token_ttl_seconds     INT          NOT NULL,
    min_password_length   INT          NOT NULL,
    mail_from             VARCHAR(320),
    created_at            DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE tenant_api_key (
    key_digest  CHAR(64)    NOT NULL,
    tenant_id   VARCHAR(64) NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (key_digest)
);
CREATE INDEX ix_api_key_tenant ON tenant_api_key (tenant_id);

CREATE TABLE account (
    id                  CHAR(36)     NOT NULL,
    tenant_id           VARCHAR(64)  NOT NULL,
    email               VARCHAR(320) NOT NULL,
    username            VARCHAR(100),
    external_id         VARCHAR(200),
    password_hash       VARCHAR(200),
    locale              VARCHAR(35),
    created_at          DATETIME(6)  NOT NULL,
    password_changed_at DATETIME(6),
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ux_account_email ON account (tenant_id, email);
CREATE UNIQUE INDEX ux_account_username ON account (tenant_id, username);
CREATE UNIQUE INDEX ux_account_external_id ON account (tenant_id, external_id);

CREATE TABLE reset_flow (
    id              CHAR(36)    NOT NULL,
    tenant_id       VARCHAR(64) NOT NULL,
    account_id      CHAR(36)    NOT NULL,
    token_digest    CHAR(64)    NOT NULL,
    code_digest     CHAR(64)    NOT NULL,
    status          VARCHAR(16) NOT NULL,
    failed_attempts INT         NOT NULL,
    channel         VARCHAR(32) NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    expires_at      DATETIME(6) NOT NULL,
    finished_at     DATETIME(6),
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ux_flow_token ON reset_flow (token_digest);
CREATE INDEX ix_flow_account ON reset_flow (tenant_id, account_id, status);
CREATE INDEX ix_flow_expiry ON reset_flow (expires_at);

CREATE TABLE outbox_message (
    id              CHAR(36)     NOT NULL,
    tenant_id       VARCHAR(64)  NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    flow_id         CHAR(36),
    recipient       VARCHAR(320) NOT NULL,
    sender          VARCHAR(320) NOT NULL,
    subject         VARCHAR(300) NOT NULL,
    sealed_body     TEXT         NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL,
    next_attempt_at DATETIME(6)  NOT NULL,
    claimed_by      VARCHAR(64),
    claimed_until   DATETIME(6),
    last_error      VARCHAR(500),
    created_at      DATETIME(6)  NOT NULL,
    sent_at         DATETIME(6),
    PRIMARY KEY (id)
);
CREATE INDEX ix_outbox_due ON outbox_message (status, next_attempt_at);
CREATE INDEX ix_outbox_tenant ON outbox_message (tenant_id, status, created_at);

CREATE TABLE audit_event (
    id          CHAR(36)    NOT NULL,
    tenant_id   VARCHAR(64) NOT NULL,
    type        VARCHAR(64) NOT NULL,
    flow_id     CHAR(36),
    account_id  CHAR(36),
    detail      VARCHAR(500),
    created_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_event_tenant ON audit_event (tenant_id, created_at);
