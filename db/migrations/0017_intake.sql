-- The online intake service (interfaces.md third set): each channel's keys, the nonces its
-- requests used, and the feed of what happened to its applications (domain.md §9).
-- A key's secret is kept as it was issued: the service needs it to check a request's HMAC. Only
-- the administrators and the intake service's role may read the table (docs/postgresql.md).
CREATE TABLE intake_keys (
    key_id     VARCHAR(32) PRIMARY KEY,
    via        VARCHAR(8)  NOT NULL CHECK (via IN ('wechat', 'alipay', 'web', 'app', 'kiosk')),
    secret     VARCHAR(64) NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    created_at VARCHAR(32) NOT NULL,
    revoked_at VARCHAR(32)
);
-- A nonce is used once per key: a replayed request finds its row. Rows older than the accepted
-- clock skew are of no more use and are cleared as new ones come.
CREATE TABLE intake_nonces (
    key_id  VARCHAR(32) NOT NULL REFERENCES intake_keys (key_id),
    nonce   VARCHAR(64) NOT NULL,
    seen_at BIGINT      NOT NULL,
    PRIMARY KEY (key_id, nonce)
);
CREATE INDEX intake_nonces_by_age ON intake_nonces (seen_at);
-- Every change of an online case, numbered per channel in commit order: the number is taken from
-- the channel's row here just before the change commits, so a channel reading its feed after a
-- cursor never skips an event that commits later. `acked`: the channel has shown its applicants
-- every event up to there (送达 of the decisions among them).
CREATE TABLE case_event_counters (
    via   VARCHAR(8) PRIMARY KEY,
    last  BIGINT     NOT NULL,
    acked BIGINT     NOT NULL
);
INSERT INTO case_event_counters (via, last, acked) VALUES ('wechat', 0, 0), ('alipay', 0, 0), ('web', 0, 0), ('app', 0, 0), ('kiosk', 0, 0);
CREATE TABLE case_events (
    via      VARCHAR(8)  NOT NULL,
    seq      BIGINT      NOT NULL,
    case_no  VARCHAR(32) NOT NULL REFERENCES cases (number),
    apply_no VARCHAR(64) NOT NULL,
    action   VARCHAR(16) NOT NULL,
    state    VARCHAR(16) NOT NULL,
    at       VARCHAR(32) NOT NULL,
    detail   TEXT        NOT NULL,
    PRIMARY KEY (via, seq)
);
CREATE INDEX case_events_by_case ON case_events (case_no);
-- A paper is a scan, a photograph or a PDF, compressed already: PostgreSQL's attempt to compress
-- its text again cost a third of an application's time in the database and saved nothing.
{{postgresql}} ALTER TABLE documents ALTER COLUMN content SET STORAGE EXTERNAL;
