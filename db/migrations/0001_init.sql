-- Gongji Desk schema, migration 1: roster, code tables, policy profiles, users, bindings.
-- The same SQL runs on SQLite and PostgreSQL; {{identity}} is the one dialect difference
-- (an auto-numbered BIGINT primary key). Times are UTC ISO 8601 text; money is BIGINT fen.
-- CHECKs on hot tables use OR, not IN (…): SQLite builds a temporary b-tree for every IN list
-- it evaluates, which made each roster row cost twice what it should.

CREATE TABLE persons (
    id_number      VARCHAR(18) PRIMARY KEY,
    name           TEXT        NOT NULL,
    gender         INTEGER     NOT NULL CHECK (gender = 1 OR gender = 2),
    birth_date     VARCHAR(10) NOT NULL,
    insurance_type VARCHAR(3)  NOT NULL,
    status         INTEGER     NOT NULL CHECK (status = 0 OR status = 1 OR status = 2 OR status = 4),
    pooling_region VARCHAR(6)  NOT NULL,
    balance_fen    BIGINT      NOT NULL CHECK (balance_fen >= 0),
    updated_at     VARCHAR(32) NOT NULL
);

CREATE TABLE regions (
    code  VARCHAR(6)  PRIMARY KEY,
    name  TEXT        NOT NULL,
    level VARCHAR(12) NOT NULL CHECK (level IN ('province', 'prefecture', 'county'))
);

CREATE TABLE relation_codes (
    code     VARCHAR(2)  PRIMARY KEY,
    name     TEXT        NOT NULL,
    category VARCHAR(16) NOT NULL
);

CREATE TABLE policy_profiles (
    name       VARCHAR(64) PRIMARY KEY,
    title      TEXT        NOT NULL,
    document   TEXT        NOT NULL,
    updated_at VARCHAR(32) NOT NULL
);

CREATE TABLE users (
    username        VARCHAR(64)  PRIMARY KEY,
    role            VARCHAR(16)  NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
    password_salt   VARCHAR(64)  NOT NULL,
    password_hash   VARCHAR(128) NOT NULL,
    iterations      INTEGER      NOT NULL,
    disabled        INTEGER      NOT NULL DEFAULT 0,
    failed_logins   INTEGER      NOT NULL DEFAULT 0,
    locked_until    VARCHAR(32),
    created_at      VARCHAR(32)  NOT NULL
);

CREATE TABLE bindings (
    id              {{identity}},
    authorizer_id   VARCHAR(18) NOT NULL REFERENCES persons (id_number),
    user_id         VARCHAR(18) NOT NULL REFERENCES persons (id_number),
    relation        VARCHAR(2)  NOT NULL REFERENCES relation_codes (code),
    policy          VARCHAR(64) NOT NULL REFERENCES policy_profiles (name),
    status          VARCHAR(8)  NOT NULL CHECK (status = 'pending' OR status = 'active' OR status = 'ended'),
    legacy          INTEGER     NOT NULL DEFAULT 0,
    deduction_order INTEGER     NOT NULL,
    created_at      VARCHAR(32) NOT NULL,
    since           VARCHAR(32),
    until           VARCHAR(32),
    end_reason      VARCHAR(16),
    CHECK (authorizer_id <> user_id)
);

CREATE INDEX bindings_by_authorizer ON bindings (authorizer_id, status);
CREATE INDEX bindings_by_user ON bindings (user_id, status);
-- At most one open (pending or active) binding per authorizer → user pair, even when two
-- workstations submit the same application at the same moment.
CREATE UNIQUE INDEX bindings_one_open_pair ON bindings (authorizer_id, user_id)
    WHERE status = 'pending' OR status = 'active';
