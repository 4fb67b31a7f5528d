-- The role the agency's administrators connect as (docs/postgresql.md): what the windows' role
-- may do (app_role.sql), and besides it the administrators' tables — users and their roles and
-- duties, the agency's settings, policy profiles. Run by the schema's owner after app_role.sql:
--   psql "OWNER_URL" -v app=gongji_app -v admin=gongji_admin -f admin_role.sql
GRANT :"app" TO :"admin";
GRANT INSERT, UPDATE, DELETE ON users, settings, policy_profiles TO :"admin";
