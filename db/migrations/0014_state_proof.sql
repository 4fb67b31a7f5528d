-- The order the audit entries were written in, across every workstation's chain: one entity's
-- changes from two windows are ordered by it (their clocks, and times to the second, cannot),
-- so replaying the log ends on each row's latest state. Entries written before it are ordered
-- by time.
ALTER TABLE audit_log ADD COLUMN logged BIGINT;
CREATE INDEX audit_log_by_logged ON audit_log (logged);

-- Wrong passwords are counted per window and, in the row of workstation '', for the account at
-- every window together since counting_since (a ceiling a stranger cannot walk around by naming
-- a new window on every try).
ALTER TABLE login_failures ADD COLUMN counting_since VARCHAR(32);
