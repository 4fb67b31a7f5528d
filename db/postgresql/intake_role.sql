-- The role the intake service connects as (gongji-intake, docs/intake.md), on an agency's shared
-- PostgreSQL. Run by the schema's owner after every `gongji init`, as app_role.sql is:
--   psql "OWNER_URL" -v intake=gongji_intake -f intake_role.sql
-- It may add online applications with their papers and audit entries, number its channels'
-- events, and move an application as its applicant may (a correction answered, a withdrawal, a
-- decision delivered); it reads the roster, the rules and the states. It can never accept or
-- decide a case, change a decided one, touch a window's case, change or delete an audit entry,
-- a paper or the ledger, nor read who the agency's staff are.
SET client_min_messages = warning;
GRANT CONNECT ON DATABASE :"DBNAME" TO :"intake";
GRANT USAGE ON SCHEMA public TO :"intake";
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM :"intake";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"intake";
GRANT SELECT ON schema_migrations, schema_releases, settings, policy_profiles, regions, relation_codes, calendar_days,
    persons, bindings, intake_keys, case_events, case_event_counters TO :"intake";
GRANT SELECT, INSERT, UPDATE ON cases, case_counters, audit_heads TO :"intake";
GRANT SELECT, INSERT ON documents TO :"intake";
GRANT INSERT ON audit_log, case_events TO :"intake";
-- 好差评 coming back through the service: ratings and the follow-ups a 差评 opens, added only.
GRANT SELECT, INSERT ON ratings, rating_follow_ups TO :"intake";
-- An entry's place in the log's order is the last one's plus one, and the heads it kept (outside the
-- database, docs/security.md) are compared with the chains' hashes; the entries themselves stay unread.
GRANT SELECT (logged, chain, seq, hash) ON audit_log TO :"intake";
GRANT SELECT, INSERT, DELETE ON intake_nonces TO :"intake";
GRANT UPDATE (last, acked) ON case_event_counters TO :"intake";
-- PostgreSQL lets a role lock rows (SELECT … FOR UPDATE, as every change of a case locks its
-- people first) only where it may update a column: this one, a time of no consequence.
GRANT UPDATE (updated_at) ON persons TO :"intake";
-- A withdrawal gives up the pending binding an accepted application held: pending ones only.
GRANT DELETE ON bindings TO :"intake";

CREATE OR REPLACE FUNCTION intake_keeps_to_applications() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    kept cases;
BEGIN
    IF NEW.channel <> 'online' OR (TG_OP = 'UPDATE' AND OLD.channel <> 'online') THEN
        RAISE EXCEPTION 'the intake service changes online applications only (case %)', NEW.number;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'applied' THEN
            RAISE EXCEPTION 'an application arrives applied (case %)', NEW.number;
        END IF;
        RETURN NEW;
    END IF;
    IF OLD.status IN ('approved', 'rejected', 'not_accepted', 'withdrawn') THEN
        kept := NEW;
        kept.delivered_at := OLD.delivered_at;
        kept.delivered_how := OLD.delivered_how;
        IF kept IS DISTINCT FROM OLD THEN
            RAISE EXCEPTION 'case % is decided: the intake service records its delivery only', OLD.number;
        END IF;
    ELSIF NEW.status IN ('approved', 'rejected', 'not_accepted') OR (OLD.status = 'applied' AND NEW.status = 'submitted') THEN
        RAISE EXCEPTION 'the intake service neither accepts nor decides a case (case %)', OLD.number;
    END IF;
    RETURN NEW;
END $$;
CREATE OR REPLACE FUNCTION intake_removes_pending_bindings_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status <> 'pending' THEN
        RAISE EXCEPTION 'binding % is %: the intake service gives up pending ones only', OLD.id, OLD.status;
    END IF;
    RETURN OLD;
END $$;
-- The triggers fire for this role alone (its name is the WHEN's), so the windows pay nothing.
DROP TRIGGER IF EXISTS intake_keeps_to_applications ON cases;
DROP TRIGGER IF EXISTS intake_removes_pending_bindings_only ON bindings;
SELECT format('CREATE TRIGGER intake_keeps_to_applications BEFORE INSERT OR UPDATE ON cases FOR EACH ROW '
              'WHEN (current_user = %L) EXECUTE FUNCTION intake_keeps_to_applications()', :'intake')
\gexec
SELECT format('CREATE TRIGGER intake_removes_pending_bindings_only BEFORE DELETE ON bindings FOR EACH ROW '
              'WHEN (current_user = %L) EXECUTE FUNCTION intake_removes_pending_bindings_only()', :'intake')
\gexec
