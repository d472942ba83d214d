-- Insertion order of outbox rows. Times alone cannot order them: MySQL Connector/J sees MariaDB's
-- handshake version as 5.5.5 and sends whole seconds, so two mails queued within one second tie,
-- and one account's mails could go out in the wrong order.
ALTER TABLE outbox_message ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT UNIQUE;
