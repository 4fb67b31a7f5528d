-- Every channel and the service states (domain.md §9): where a case came from (a clerk at the
-- window, or an online channel and which one), its 办件号 and 事项编码, the states applied,
-- not_accepted and correction, the one request for papers a case may get, and delivery (送达).
-- SQLite cannot widen a CHECK in place: the table is rebuilt by sqlite.org's procedure (new
-- table, copy, drop, rename; the migration runs with foreign keys off and checks them before
-- it commits). PostgreSQL alters it. Lines tagged {{sqlite}} or {{postgresql}} run on that
-- database only.
{{sqlite}} CREATE TABLE cases_rebuilt (
{{sqlite}}     id               INTEGER PRIMARY KEY,
{{sqlite}}     number           VARCHAR(32) NOT NULL UNIQUE,
{{sqlite}}     kind             VARCHAR(8)  NOT NULL CHECK (kind = 'bind' OR kind = 'unbind' OR kind = 'reorder' OR kind = 'rebind'),
{{sqlite}}     status           VARCHAR(16) NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'withdrawn',
{{sqlite}}                                                        'applied', 'not_accepted', 'correction')),
{{sqlite}}     policy           VARCHAR(64) REFERENCES policy_profiles (name),
{{sqlite}}     authorizer_id    VARCHAR(18) REFERENCES persons (id_number),
{{sqlite}}     user_id          VARCHAR(18) NOT NULL REFERENCES persons (id_number),
{{sqlite}}     relation         VARCHAR(2)  REFERENCES relation_codes (code),
{{sqlite}}     application_date VARCHAR(10) NOT NULL,
{{sqlite}}     documents        TEXT        NOT NULL DEFAULT '',
{{sqlite}}     binding_id       BIGINT      REFERENCES bindings (id),
{{sqlite}}     detail           TEXT        NOT NULL DEFAULT '',
{{sqlite}}     cites_case       VARCHAR(32),
{{sqlite}}     reason           VARCHAR(24),
{{sqlite}}     note             TEXT,
{{sqlite}}     created_by       VARCHAR(64) NOT NULL REFERENCES users (username),
{{sqlite}}     workstation      VARCHAR(64) NOT NULL,
{{sqlite}}     created_at       VARCHAR(32) NOT NULL,
{{sqlite}}     submitted_at     VARCHAR(32),
{{sqlite}}     decided_by       VARCHAR(64) REFERENCES users (username),
{{sqlite}}     decided_at       VARCHAR(32),
{{sqlite}}     request_key      VARCHAR(64)
{{sqlite}} );
{{sqlite}} INSERT INTO cases_rebuilt SELECT id, number, kind, status, policy, authorizer_id, user_id, relation,
{{sqlite}}     application_date, documents, binding_id, detail, cites_case, reason, note, created_by, workstation,
{{sqlite}}     created_at, submitted_at, decided_by, decided_at, request_key FROM cases;
{{sqlite}} DROP TABLE cases;
{{sqlite}} ALTER TABLE cases_rebuilt RENAME TO cases;
{{sqlite}} CREATE INDEX cases_by_status ON cases (status, submitted_at);
{{sqlite}} CREATE INDEX cases_by_user ON cases (user_id);
{{sqlite}} CREATE INDEX cases_by_authorizer ON cases (authorizer_id);
{{sqlite}} CREATE UNIQUE INDEX cases_request_key ON cases (request_key);
{{postgresql}} ALTER TABLE cases ALTER COLUMN status TYPE VARCHAR(16);
{{postgresql}} ALTER TABLE cases DROP CONSTRAINT cases_status_check;
{{postgresql}} ALTER TABLE cases ADD CONSTRAINT cases_status_check CHECK (status IN ('draft', 'submitted', 'approved',
{{postgresql}}     'rejected', 'withdrawn', 'applied', 'not_accepted', 'correction'));

ALTER TABLE cases ADD COLUMN channel VARCHAR(8) NOT NULL DEFAULT 'window' CHECK (channel IN ('window', 'online'));
ALTER TABLE cases ADD COLUMN via VARCHAR(8) CHECK (via IN ('wechat', 'alipay', 'web', 'app', 'kiosk'));
ALTER TABLE cases ADD COLUMN apply_no VARCHAR(64);
ALTER TABLE cases ADD COLUMN item_code VARCHAR(64);
-- The one correction (一次性告知): the papers asked for, the note, the due day, when it was
-- asked and answered, and the state the case goes back to.
ALTER TABLE cases ADD COLUMN correction_missing TEXT;
ALTER TABLE cases ADD COLUMN correction_note TEXT;
ALTER TABLE cases ADD COLUMN correction_due VARCHAR(10);
ALTER TABLE cases ADD COLUMN correction_asked_at VARCHAR(32);
ALTER TABLE cases ADD COLUMN correction_from VARCHAR(16);
ALTER TABLE cases ADD COLUMN correction_answered_at VARCHAR(32);
ALTER TABLE cases ADD COLUMN delivered_at VARCHAR(32);
ALTER TABLE cases ADD COLUMN delivered_how VARCHAR(16);
-- An online channel's 办件号 names one application of that channel.
CREATE UNIQUE INDEX cases_apply_no ON cases (via, apply_no);
CREATE INDEX cases_by_correction_due ON cases (status, correction_due);
