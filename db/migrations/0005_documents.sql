-- Migration 5: documents attached to cases, kept whole and unchanged with their SHA-256.
-- content is the file's bytes in base64 (one TEXT column works alike on SQLite and PostgreSQL;
-- the hash is over the original bytes and checked on every read).
CREATE TABLE documents (
    id          {{identity}},
    case_id     BIGINT       NOT NULL REFERENCES cases (id),
    type        VARCHAR(24)  NOT NULL,
    file_name   TEXT         NOT NULL,
    mime        VARCHAR(32)  NOT NULL,
    pages       INTEGER      NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    sha256      VARCHAR(64)  NOT NULL,
    content     TEXT         NOT NULL,
    captured_by VARCHAR(64)  NOT NULL REFERENCES users (username),
    workstation VARCHAR(64)  NOT NULL,
    captured_at VARCHAR(32)  NOT NULL,
    removed_by  VARCHAR(64)  REFERENCES users (username),
    removed_at  VARCHAR(32)
);
CREATE INDEX documents_by_case ON documents (case_id);
