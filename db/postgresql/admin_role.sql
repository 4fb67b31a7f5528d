-- The role the agency's administrators connect as (docs/postgresql.md): a member of the windows'
-- role (the DBA creates it so: CREATE ROLE gongji_admin LOGIN IN ROLE gongji_app), with the
-- administrators' tables besides — users and their roles and duties, the agency's settings,
-- policy profiles, the working-day calendar. Run by the schema's owner after app_role.sql:
--   psql "OWNER_URL" -v admin=gongji_admin -f admin_role.sql
GRANT INSERT, UPDATE, DELETE ON users, settings, policy_profiles, calendar_days TO :"admin";
