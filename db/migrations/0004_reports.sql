-- Migration 4: settings configured once per agency (its name on every printout), and the log of
-- every document printed: what, for which case or person, by whom, when, from where.

CREATE TABLE settings (
    name  VARCHAR(64) PRIMARY KEY,
    value TEXT        NOT NULL
);
INSERT INTO settings (name, value) VALUES ('agency_name', '医疗保障经办窗口');

CREATE TABLE prints (
    id          {{identity}},
    document    VARCHAR(24) NOT NULL,
    subject     VARCHAR(64) NOT NULL,
    pages       INTEGER     NOT NULL,
    printed_by  VARCHAR(64) NOT NULL REFERENCES users (username),
    workstation VARCHAR(64) NOT NULL,
    printed_at  VARCHAR(32) NOT NULL
);
CREATE INDEX prints_by_subject ON prints (subject);
