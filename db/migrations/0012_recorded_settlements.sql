-- Settlements in time order, and settlements as the national platform recorded them (issue 16,
-- domain.md §8).

-- The time of the latest settlement applied to the account's balance: one older than it arrives
-- late (applied to the balance as it now is, and reported so).
ALTER TABLE persons ADD COLUMN settled_through VARCHAR(32);
ALTER TABLE settlements ADD COLUMN late INTEGER NOT NULL DEFAULT 0;
-- The order settlements were applied in, of both kinds (each import in time order, imports one
-- after another): a statement lists the ledger as it happened. 0 before this migration.
ALTER TABLE settlements ADD COLUMN applied_seq BIGINT NOT NULL DEFAULT 0;
CREATE TABLE settlement_counter (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    last_applied BIGINT  NOT NULL
);
INSERT INTO settlement_counter (id, last_applied) VALUES (1, 0);

-- A settlement as the platform split it: the truth statements print, never re-split. The parts
-- are kept as recorded even when they do not add up (a finding of the supervision check).
-- `balc_fen`: the user's own account after it, as the platform reports it.
CREATE TABLE recorded_settlements (
    setl_id          VARCHAR(64) PRIMARY KEY,
    user_id          VARCHAR(18) NOT NULL REFERENCES persons (id_number),
    settled_at       VARCHAR(32) NOT NULL,
    institution_code VARCHAR(32) NOT NULL,
    institution_name TEXT        NOT NULL,
    med_type         VARCHAR(8)  NOT NULL,
    use_code         VARCHAR(24) NOT NULL,
    medfee_fen       BIGINT      NOT NULL,
    amount_fen       BIGINT      NOT NULL,
    own_fen          BIGINT      NOT NULL,
    mutual_aid_fen   BIGINT      NOT NULL,
    cash_fen         BIGINT      NOT NULL,
    balc_fen         BIGINT      NOT NULL,
    late             INTEGER     NOT NULL DEFAULT 0,
    imported_at      VARCHAR(32) NOT NULL,
    applied_seq      BIGINT      NOT NULL,
    -- The authorizers' accounts: each that paid (as recorded), and each the register had in the
    -- user's deduction order then that paid nothing (0), as "ID:AMOUNT_FEN:BALANCE_BEFORE_FEN"
    -- joined by ";". BALANCE_BEFORE is what the register held on that account (or quota) before.
    -- Kept in the row so that the supervision check reads ten million in one ordered pass.
    payers           TEXT        NOT NULL
);
CREATE INDEX recorded_settlements_by_time ON recorded_settlements (settled_at, setl_id);
CREATE INDEX recorded_settlements_by_user ON recorded_settlements (user_id, settled_at);

-- Which recorded settlements drew on an authorizer's account, for that person's statement. A
-- payer need not be in the roster (a payment the register cannot explain is a finding, not a
-- refused line).
CREATE TABLE recorded_payers (
    authorizer_id VARCHAR(18) NOT NULL,
    setl_id       VARCHAR(64) NOT NULL REFERENCES recorded_settlements (setl_id),
    PRIMARY KEY (authorizer_id, setl_id)
);

-- The agency's monthly figures (gongji stats) read a month of settlements and the bindings made
-- or ended in it by time.
CREATE INDEX settlements_by_time ON settlements (settled_at);
CREATE INDEX bindings_by_since ON bindings (since);
CREATE INDEX bindings_by_until ON bindings (until);
