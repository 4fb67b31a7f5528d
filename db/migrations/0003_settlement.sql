-- Migration 3: settlements, the ledger of every account movement, deduction-order history and
-- cross-province quotas. Money is BIGINT fen; no balance may go below zero.

CREATE TABLE settlements (
    setl_id          VARCHAR(64) PRIMARY KEY,
    user_id          VARCHAR(18) NOT NULL REFERENCES persons (id_number),
    settled_at       VARCHAR(32) NOT NULL,
    institution_code VARCHAR(32) NOT NULL,
    institution_name TEXT        NOT NULL,
    use_code         VARCHAR(24) NOT NULL,
    amount_fen       BIGINT      NOT NULL CHECK (amount_fen >= 0),
    own_fen          BIGINT      NOT NULL CHECK (own_fen >= 0),
    mutual_aid_fen   BIGINT      NOT NULL CHECK (mutual_aid_fen >= 0),
    cash_fen         BIGINT      NOT NULL CHECK (cash_fen >= 0),
    imported_at      VARCHAR(32) NOT NULL,
    CHECK (own_fen + mutual_aid_fen + cash_fen = amount_fen)
);
CREATE INDEX settlements_by_user ON settlements (user_id, settled_at);

-- kind: own (the user's account paid), mutual_aid (an authorizer's account paid),
-- quota_draw (a reserved quota paid; balance_after is the quota's), quota_reserve (money moved
-- from the authorizer's account into a quota), quota_return (unused quota back at the end).
CREATE TABLE ledger (
    id                {{identity}},
    setl_id           VARCHAR(64) REFERENCES settlements (setl_id),
    account           VARCHAR(18) NOT NULL REFERENCES persons (id_number),
    binding_id        BIGINT      REFERENCES bindings (id),
    kind              VARCHAR(16) NOT NULL,
    amount_fen        BIGINT      NOT NULL,
    balance_after_fen BIGINT      NOT NULL CHECK (balance_after_fen >= 0),
    at                VARCHAR(32) NOT NULL
);
CREATE INDEX ledger_by_settlement ON ledger (setl_id);
CREATE INDEX ledger_by_account ON ledger (account, at);

-- The deduction order of a binding from a moment on, so a settlement follows the order that was
-- in force at its own time even when it is imported later.
CREATE TABLE binding_orders (
    binding_id      BIGINT      NOT NULL REFERENCES bindings (id),
    deduction_order INTEGER     NOT NULL,
    valid_from      VARCHAR(32) NOT NULL
);
CREATE INDEX binding_orders_by_binding ON binding_orders (binding_id, valid_from);

CREATE TABLE quotas (
    binding_id  BIGINT PRIMARY KEY REFERENCES bindings (id),
    balance_fen BIGINT NOT NULL CHECK (balance_fen >= 0)
);

CREATE TABLE quota_transfers (
    id          {{identity}},
    binding_id  BIGINT      NOT NULL REFERENCES bindings (id),
    amount_fen  BIGINT      NOT NULL CHECK (amount_fen > 0),
    at          VARCHAR(32) NOT NULL,
    china_day   VARCHAR(10) NOT NULL,
    by_user     VARCHAR(64) NOT NULL
);
CREATE INDEX quota_transfers_by_day ON quota_transfers (binding_id, china_day);
