-- Migration 2: cases (办件), case numbers, the audit log with its hash chain.

CREATE TABLE cases (
    id               {{identity}},
    number           VARCHAR(32) NOT NULL UNIQUE,
    kind             VARCHAR(8)  NOT NULL CHECK (kind = 'bind' OR kind = 'unbind' OR kind = 'reorder' OR kind = 'rebind'),
    status           VARCHAR(10) NOT NULL CHECK (status = 'draft' OR status = 'submitted' OR status = 'approved'
                                                 OR status = 'rejected' OR status = 'withdrawn'),
    policy           VARCHAR(64) REFERENCES policy_profiles (name),
    authorizer_id    VARCHAR(18) REFERENCES persons (id_number),
    user_id          VARCHAR(18) NOT NULL REFERENCES persons (id_number),
    relation         VARCHAR(2)  REFERENCES relation_codes (code),
    application_date VARCHAR(10) NOT NULL,
    documents        TEXT        NOT NULL DEFAULT '',
    binding_id       BIGINT      REFERENCES bindings (id),
    detail           TEXT        NOT NULL DEFAULT '',
    cites_case       VARCHAR(32),
    reason           VARCHAR(24),
    note             TEXT,
    created_by       VARCHAR(64) NOT NULL REFERENCES users (username),
    workstation      VARCHAR(64) NOT NULL,
    created_at       VARCHAR(32) NOT NULL,
    submitted_at     VARCHAR(32),
    decided_by       VARCHAR(64) REFERENCES users (username),
    decided_at       VARCHAR(32)
);
CREATE INDEX cases_by_status ON cases (status, submitted_at);
CREATE INDEX cases_by_user ON cases (user_id);
CREATE INDEX cases_by_authorizer ON cases (authorizer_id);

-- One row per China-time day: the last case number handed out that day. The row lock taken by
-- the increment makes numbers unique across every workstation sharing the database.
CREATE TABLE case_counters (
    day  VARCHAR(8) PRIMARY KEY,
    last INTEGER    NOT NULL
);

CREATE TABLE audit_log (
    seq         BIGINT      PRIMARY KEY,
    at          VARCHAR(32) NOT NULL,
    actor       VARCHAR(64) NOT NULL,
    workstation VARCHAR(64) NOT NULL,
    action      VARCHAR(32) NOT NULL,
    entity      VARCHAR(16) NOT NULL,
    entity_key  VARCHAR(64) NOT NULL,
    before_state TEXT       NOT NULL,
    after_state  TEXT       NOT NULL,
    prev_hash   VARCHAR(64) NOT NULL,
    hash        VARCHAR(64) NOT NULL
);

-- The end of the chain. Appending locks this one row, so entries from many workstations form
-- one chain; verification compares it with the last entry, so a deleted tail is noticed too.
CREATE TABLE audit_head (
    id   INTEGER     PRIMARY KEY CHECK (id = 1),
    seq  BIGINT      NOT NULL,
    hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
