-- The role the windows connect as, on an agency's shared PostgreSQL (docs/postgresql.md).
-- Run by the schema's owner, the role that ran `gongji init`, after every `gongji init` (an
-- upgrade may add tables):  psql "OWNER_URL" -v app=gongji_app -f app_role.sql
-- The windows may read and change cases, bindings and the roster, and append to the audit log and
-- the ledger; they may never change or delete what those record, nor touch the schema. Users,
-- settings, policy profiles and the code tables are the administrators' (admin_role.sql): a
-- window changes only its holder's own password.
GRANT CONNECT, TEMPORARY ON DATABASE :"DBNAME" TO :"app";
GRANT USAGE ON SCHEMA public TO :"app";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app";
-- Append-only: who did what, and where money went.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, ledger, settlements, recorded_settlements, recorded_payers, quota_transfers,
    card_reads, password_history FROM :"app";
-- A citizen's rating (好差评) is never entered or changed at the agency: added as it came, only;
-- its follow-up is recorded, never removed.
REVOKE UPDATE, DELETE, TRUNCATE ON ratings FROM :"app";
REVOKE DELETE, TRUNCATE ON rating_follow_ups FROM :"app";
-- A paper is kept as captured: a window marks one removed, never changes or deletes it. The chains'
-- heads move on, never back or away.
REVOKE UPDATE, DELETE, TRUNCATE ON documents FROM :"app";
GRANT UPDATE (removed_by, removed_at) ON documents TO :"app";
REVOKE DELETE, TRUNCATE ON audit_heads FROM :"app";
CREATE OR REPLACE FUNCTION audit_head_moves_on() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.chain <> OLD.chain OR NEW.seq <= OLD.seq THEN
        RAISE EXCEPTION 'the head of audit chain % only moves on (% to %)', OLD.chain, OLD.seq, NEW.seq;
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS audit_head_moves_on ON audit_heads;
CREATE TRIGGER audit_head_moves_on BEFORE UPDATE ON audit_heads FOR EACH ROW EXECUTE FUNCTION audit_head_moves_on();
-- The schema's own record is the owner's.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations, schema_releases FROM :"app";
-- The administrators' tables: read only, but for a holder changing their own password.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON users, settings, policy_profiles, regions, relation_codes, calendar_days FROM :"app";
GRANT UPDATE (password_salt, password_hash, iterations, password_set_at, must_change_password) ON users TO :"app";
-- … and never an administrator's: row security keeps those rows to the administrators' role
-- (admin_role.sql), so a window's credentials cannot take over an administrator's account.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS windows_read_users ON users;
CREATE POLICY windows_read_users ON users FOR SELECT TO :"app" USING (true);
DROP POLICY IF EXISTS windows_change_passwords ON users;
CREATE POLICY windows_change_passwords ON users FOR UPDATE TO :"app" USING (role <> 'admin') WITH CHECK (role <> 'admin');
