-- Password rules and separate duties (issue 15, 等保 level 3). Passwords: when each was set,
-- whether its holder must choose a new one at the next login (set by an administrator: the
-- demo's, a new account's, a reset one), and the earlier hashes, so that the last few are not
-- chosen again.
ALTER TABLE users ADD COLUMN password_set_at VARCHAR(32);
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;

CREATE TABLE password_history (
    username      VARCHAR(64)  NOT NULL REFERENCES users (username),
    password_salt VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(128) NOT NULL,
    iterations    INTEGER      NOT NULL,
    replaced_at   VARCHAR(32)  NOT NULL
);
CREATE INDEX password_history_by_user ON password_history (username, replaced_at);

-- Three separate duties where the agency wants them (等保 level 3, 三权分立): an administrator
-- account is the system's (users, imports, profiles, backups), security's (password rules,
-- resets, document limits) or audit's (who looked at whose data). '' before the agency chose.
ALTER TABLE users ADD COLUMN duty VARCHAR(16) NOT NULL DEFAULT ''
    CHECK (duty = '' OR duty = 'system' OR duty = 'security' OR duty = 'audit');

-- Wrong passwords are counted, and an account locked, per window (issue 15): a stranger at one
-- window who types five wrong passwords locks the account there, not at its owner's window.
-- The users table's own failed_logins and locked_until are no longer written.
CREATE TABLE login_failures (
    username     VARCHAR(64) NOT NULL REFERENCES users (username),
    workstation  TEXT        NOT NULL,
    failed       INTEGER     NOT NULL,
    locked_until VARCHAR(32),
    PRIMARY KEY (username, workstation)
);
