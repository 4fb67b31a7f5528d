-- ID cards read on the window's reader for a case (issue 14, hardware.md §1): whose card, what
-- it said, whether it had expired that day, and who read it on which reader, where and when.
-- The portrait stays as the card holds it: only a reader vendor's closed decoder shows it.
CREATE TABLE card_reads (
    id           {{identity}},
    case_id      BIGINT       NOT NULL REFERENCES cases (id),
    id_number    VARCHAR(18)  NOT NULL,
    name_on_card VARCHAR(64)  NOT NULL,
    valid_to     VARCHAR(10),
    expired      SMALLINT     NOT NULL,
    device       TEXT         NOT NULL,
    read_by      VARCHAR(64)  NOT NULL REFERENCES users (username),
    workstation  VARCHAR(64)  NOT NULL,
    read_at      VARCHAR(32)  NOT NULL,
    photo        TEXT         NOT NULL  -- the card's encrypted portrait in base64, as the reader gave it
);
CREATE INDEX card_reads_by_case ON card_reads (case_id);
