-- The role the agency's administrators connect as (docs/postgresql.md): a member of the windows'
-- role (the DBA creates it so: CREATE ROLE gongji_admin LOGIN IN ROLE gongji_app), with the
-- administrators' tables besides — users and their roles and duties, the agency's settings,
-- policy profiles, the working-day calendar. Run by the schema's owner after app_role.sql:
--   psql "OWNER_URL" -v admin=gongji_admin -f admin_role.sql
GRANT INSERT, UPDATE, DELETE ON users, settings, policy_profiles, calendar_days TO :"admin";
-- Every account's row, administrators' included (app_role.sql keeps those from the windows).
DROP POLICY IF EXISTS administrators_change_users ON users;
CREATE POLICY administrators_change_users ON users FOR ALL TO :"admin" USING (true) WITH CHECK (true);
