-- One audit chain per workstation (issue 13). A single head row, locked by every change until
-- it commits, made every window of an agency wait for every other; each workstation now appends
-- to its own chain, and verification checks every chain. The entries written before this
-- migration stay one chain, named '' (their hashes are unchanged: the chain's name is not hashed,
-- the workstation, which names the chain, is).
CREATE TABLE audit_chain_log (
    chain       VARCHAR(64) NOT NULL,
    seq         BIGINT      NOT NULL,
    at          VARCHAR(32) NOT NULL,
    actor       VARCHAR(64) NOT NULL,
    workstation VARCHAR(64) NOT NULL,
    action      VARCHAR(32) NOT NULL,
    entity      VARCHAR(16) NOT NULL,
    entity_key  VARCHAR(64) NOT NULL,
    before_state TEXT       NOT NULL,
    after_state  TEXT       NOT NULL,
    prev_hash   VARCHAR(64) NOT NULL,
    hash        VARCHAR(64) NOT NULL,
    PRIMARY KEY (chain, seq)
);
INSERT INTO audit_chain_log (chain, seq, at, actor, workstation, action, entity, entity_key, before_state,
                             after_state, prev_hash, hash)
    SELECT '', seq, at, actor, workstation, action, entity, entity_key, before_state, after_state, prev_hash, hash
    FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_chain_log RENAME TO audit_log;

-- The end of each chain; verification compares it with the chain's last entry, so a deleted
-- tail is noticed.
CREATE TABLE audit_heads (
    chain VARCHAR(64) PRIMARY KEY,
    seq   BIGINT      NOT NULL,
    hash  VARCHAR(64) NOT NULL
);
INSERT INTO audit_heads (chain, seq, hash) SELECT '', seq, hash FROM audit_head;
DROP TABLE audit_head;
