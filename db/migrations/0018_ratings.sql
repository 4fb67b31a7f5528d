-- 好差评 (domain.md §9): the ratings citizens gave a finished service, as the province's rating
-- system sends them back (`gongji rating import`, the intake service's POST /v1/ratings). Nobody
-- at the agency enters or changes one: rows are only added (app_role.sql takes UPDATE and DELETE
-- from the windows). `round` 1 is the service's rating, 2 the one after a 差评's follow-up.
-- The window and clerk who served are kept as they were when the rating came, for the figures.
CREATE TABLE ratings (
    id          {{identity}},
    apply_no    VARCHAR(64) NOT NULL,
    case_no     VARCHAR(32) NOT NULL REFERENCES cases (number),
    round       SMALLINT    NOT NULL CHECK (round IN (1, 2)),
    grade       SMALLINT    NOT NULL CHECK (grade BETWEEN 1 AND 5),
    comment     TEXT        NOT NULL,
    rated_at    VARCHAR(32) NOT NULL,
    clerk       VARCHAR(64) NOT NULL,
    workstation VARCHAR(64) NOT NULL,
    source      TEXT        NOT NULL,
    received_at VARCHAR(32) NOT NULL,
    UNIQUE (case_no, round)
);
CREATE INDEX ratings_by_time ON ratings (rated_at);
-- A 差评 (grade 1–2) of the first round opens a follow-up: the citizen contacted within one working
-- day, the matter settled within fifteen (the days counted from the rating's arrival).
CREATE TABLE rating_follow_ups (
    rating_id    BIGINT      PRIMARY KEY REFERENCES ratings (id),
    opened_at    VARCHAR(32) NOT NULL,
    contact_due  VARCHAR(10) NOT NULL,
    settle_due   VARCHAR(10) NOT NULL,
    contacted_at VARCHAR(32),
    contacted_by VARCHAR(64),
    settled_at   VARCHAR(32),
    settled_by   VARCHAR(64),
    contact_note TEXT,
    settle_note  TEXT
);
-- The working days promised when a case was accepted (processing_days then): its due day, on
-- the receipt and in the queue, does not move when the agency changes the setting later. NULL for
-- a case accepted before this version, or when no days were promised.
ALTER TABLE cases ADD COLUMN promised_days SMALLINT;
-- A rating names its service by the 办件号: the channel's apply_no, or the window's case number.
CREATE INDEX cases_by_apply_no ON cases (apply_no);
