-- Link tokens now carry their flow's id (resetkit.reset.LinkTokens): a flow is found by its
-- primary key and the token's digest compared after. The unique index over token digests put
-- every new flow on a random page of an index as large as the table; with a million flows it made
-- each reset request slower. Tokens issued before this migration are still in mails: the digests
-- of the flows still open move to a table of their own, which nothing adds to, and are found there.
-- A later migration may drop it once the longest token lifetime has passed.
CREATE TABLE legacy_link_token (
    token_digest CHAR(64) NOT NULL,
    flow_id      CHAR(36) NOT NULL,
    PRIMARY KEY (token_digest)
);
INSERT INTO legacy_link_token (token_digest, flow_id) SELECT token_digest, id FROM reset_flow WHERE status = 'OPEN';
DROP INDEX ux_flow_token ON reset_flow;
