-- The role the windows connect as, on an agency's shared PostgreSQL (docs/postgresql.md).
-- Run by the schema's owner, the role that ran `gongji init`, after every `gongji init` (an
-- upgrade may add tables):  psql "OWNER_URL" -v app=gongji_app -f app_role.sql
-- The windows may read and change cases, bindings, users and the roster, and append to the audit
-- log and the ledger; they may never change or delete what those record, nor touch the schema.
GRANT CONNECT, TEMPORARY ON DATABASE :"DBNAME" TO :"app";
GRANT USAGE ON SCHEMA public TO :"app";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app";
-- Append-only: who did what, and where money went.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, ledger, settlements, recorded_settlements, recorded_payers, quota_transfers,
    card_reads, password_history FROM :"app";
-- The schema's own record is the owner's.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations, schema_releases FROM :"app";
