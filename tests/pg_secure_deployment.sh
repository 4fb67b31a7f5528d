#!/usr/bin/env bash
# PostgreSQL as an agency runs it (issue 13, docs/postgresql.md): only encrypted connections,
# the server's certificate checked against the agency's CA (sslmode=verify-full), the schema
# migrated by its owner, and the windows connected as a role that appends to the audit log and
# the ledger but can neither change nor delete them. Usage: pg_secure_deployment.sh BUILD SOURCE
set -euo pipefail
build=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
gongji=$build/src/cli/gongji

source "$source_dir/tests/pg-cluster.sh"
d=$(mktemp -d /tmp/gongji-secure.XXXXXX)
stop() {
  pg_cluster_stop "$d/data"
  rm -rf "$d"
}
trap stop EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }

# The agency's CA, a server certificate for "localhost" signed by it, and a CA nobody trusts.
cd "$d"
openssl req -x509 -new -nodes -newkey rsa:2048 -keyout ca.key -out ca.crt -days 2 -subj "/CN=Agency test CA" 2>/dev/null
openssl req -x509 -new -nodes -newkey rsa:2048 -keyout other.key -out other.crt -days 2 -subj "/CN=Other CA" 2>/dev/null
openssl req -new -nodes -newkey rsa:2048 -keyout server.key -out server.csr -subj "/CN=localhost" 2>/dev/null
printf 'subjectAltName=DNS:localhost\n' > san.ext
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 2 -extfile san.ext 2>/dev/null
chmod 600 server.key
[ "$(id -u)" -eq 0 ] && chown -R postgres "$d"

pg_cluster_init "$d/data" dba
# Over the network only TLS; the unix socket is for this script's set-up as the DBA.
cat > "$d/data/pg_hba.conf" <<EOF
local   all all            trust
hostssl all all 127.0.0.1/32 trust
host    all all 127.0.0.1/32 reject
EOF
pg_cluster_start "$d/data" "$d" -c ssl=on -c ssl_cert_file="$d/server.crt" -c ssl_key_file="$d/server.key" \
  || fail "could not start PostgreSQL with TLS"
port=$pg_port
dba() { psql -X -q -v ON_ERROR_STOP=1 -h "$d" -p "$port" -U dba "$@"; }
dba -d postgres -c "CREATE ROLE gongji_owner LOGIN" -c "CREATE ROLE gongji_app LOGIN" -c "CREATE ROLE gongji_admin LOGIN IN ROLE gongji_app" \
    -c "CREATE DATABASE gongji OWNER gongji_owner"

tls="sslmode=verify-full&sslrootcert=$d/ca.crt"
owner_url="postgresql://gongji_owner@localhost:$port/gongji?$tls"
app_url="postgresql://gongji_app@localhost:$port/gongji?$tls"
admin_url="postgresql://gongji_admin@localhost:$port/gongji?$tls"

# The owner migrates and grants; the windows work as the application role, over verified TLS.
"$gongji" --db "$owner_url" init --demo >/dev/null 2>&1 || fail "init as the owner over verify-full TLS"
psql -X -q -v ON_ERROR_STOP=1 "$owner_url" -v app=gongji_app -f "$source_dir/db/postgresql/app_role.sql" \
  || fail "the grants of db/postgresql/app_role.sql"
psql -X -q -v ON_ERROR_STOP=1 "$owner_url" -v admin=gongji_admin -f "$source_dir/db/postgresql/admin_role.sql" \
  || fail "the grants of db/postgresql/admin_role.sql"
psql -X -At "$app_url" -c "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()" | grep -qx t \
  || fail "the application role's connection is not encrypted"

export GONGJI_PASSWORD=demo
pair=(--policy guangxi --authorizer 450802196503120117 --user 450802196708200129 --relation 12)
# A real PDF to attach as the scans: the program's own 承诺书.
"$gongji" --db "$app_url" --as clerk report commitment "${pair[@]}" --pdf paper.pdf >/dev/null \
  || fail "a printout as the application role"
"$gongji" --db "$app_url" --as clerk case bind "${pair[@]}" --doc id_card=paper.pdf \
  --doc marriage_certificate=paper.pdf > bind.json || fail "a binding submitted as the application role"
number=$(sed -n 's/.*"case" *: *"\([^"]*\)".*/\1/p' bind.json)
"$gongji" --db "$app_url" --as super case approve "$number" >/dev/null || fail "an approval as the application role"
"$gongji" --db "$app_url" audit verify >/dev/null || fail "the audit chain as the application role"

# What an insider with the windows' credentials tries: each refused by the server.
for attempt in "UPDATE audit_log SET actor = 'nobody'" "DELETE FROM audit_log" "TRUNCATE audit_log" \
               "UPDATE ledger SET amount_fen = 0" "DELETE FROM settlements" "DELETE FROM quota_transfers" \
               "DROP TABLE cases" "DELETE FROM schema_migrations" "UPDATE ratings SET grade = 5" "DELETE FROM ratings" \
               "DELETE FROM rating_follow_ups"; do
  if out=$(psql -X -q -v ON_ERROR_STOP=1 "$app_url" -c "$attempt" 2>&1); then
    fail "the application role could: $attempt"
  fi
  echo "$out" | grep -Eq "permission denied|must be owner" || fail "$attempt: unexpected answer: $out"
done
"$gongji" --db "$app_url" audit verify >/dev/null || fail "the audit chain after the attempts"

# Issue 31: the administrators' tables are not the windows'. The red team's statements as the
# windows' role, each refused; the same work done properly, as the administrators' role.
for attempt in "UPDATE users SET role = 'admin' WHERE username = 'clerk'" "UPDATE users SET disabled = 1 WHERE role = 'admin'" \
               "INSERT INTO users (username, role, password_salt, password_hash, iterations, created_at) VALUES ('mole', 'admin', '00', '00', 1, 'x')" \
               "DELETE FROM users WHERE username = 'super'" "UPDATE users SET duty = 'security'" \
               "UPDATE settings SET value = 'x' WHERE name = 'agency_name'" "INSERT INTO settings (name, value) VALUES ('login_account_limit', '1000')" \
               "UPDATE policy_profiles SET document = document" "DELETE FROM relation_codes"; do
  if out=$(psql -X -q -v ON_ERROR_STOP=1 "$app_url" -c "$attempt" 2>&1); then
    fail "the application role could: $attempt"
  fi
  echo "$out" | grep -Eq "permission denied" || fail "$attempt: unexpected answer: $out"
done
GONGJI_NEW_PASSWORD=Chosen-2026 "$gongji" --db "$app_url" --as clerk user passwd >/dev/null \
  || fail "a clerk changing their own password at a window"
GONGJI_NEW_PASSWORD=One-time-1 "$gongji" --db "$admin_url" --as admin user add newclerk --role clerk >/dev/null \
  || fail "an administrator adding a user as the administrators' role"
"$gongji" --db "$admin_url" --as admin settings set agency_name 港北区医保窗口 >/dev/null \
  || fail "an administrator changing a setting as the administrators' role"
out=$("$gongji" --db "$app_url" --as admin settings set agency_name 别处 2>&1) && fail "a setting changed through the windows' role"
echo "$out" | grep -q "administrators' connection" || fail "the refusal through the windows' role does not say what to do: $out"
# What the windows must write stays writable, and a change behind the log is found.
psql -X -q -v ON_ERROR_STOP=1 "$app_url" -c "UPDATE cases SET status = 'approved' WHERE status = 'submitted'" \
  -c "UPDATE persons SET balance_fen = balance_fen + 99999900 WHERE id_number = '450802196503120117'" >/dev/null
rc=0; out=$("$gongji" --db "$app_url" audit verify) || rc=$?
[ "$rc" -eq 1 ] || fail "audit verify after a change behind the log: exit $rc"
echo "$out" | grep -q '"table": "persons"' || fail "the balance changed behind the log is not named: $out"

# From a red-team trial: a window's credentials copied the clerk's password onto the administrator
# and logged in as him. Row security leaves an administrator's row to the administrators' role;
# a paper is only ever marked removed; a chain's head never deleted.
takeover=$(psql -X -q -v ON_ERROR_STOP=1 "$app_url" -c "UPDATE users u SET password_salt = c.password_salt,
  password_hash = c.password_hash, iterations = c.iterations FROM users c WHERE c.username = 'clerk' AND u.username = 'admin'
  RETURNING u.username" -At 2>&1) || fail "the takeover statement failed otherwise: $takeover"
[ -z "$takeover" ] || fail "the application role changed an administrator's password: $takeover"
for attempt in "DELETE FROM documents" "UPDATE documents SET sha256 = 'x'" "UPDATE documents SET content = ''" \
               "DELETE FROM audit_heads" "TRUNCATE audit_heads"; do
  if out=$(psql -X -q -v ON_ERROR_STOP=1 "$app_url" -c "$attempt" 2>&1); then
    fail "the application role could: $attempt"
  fi
  echo "$out" | grep -Eq "permission denied" || fail "$attempt: unexpected answer: $out"
done
out=$(psql -X -q -v ON_ERROR_STOP=1 "$app_url" -c "UPDATE audit_heads SET seq = seq - 1" 2>&1) \
  && fail "the application role moved a chain's head back"
echo "$out" | grep -q "only moves on" || fail "a head moved back: unexpected answer: $out"
out=$(GONGJI_NEW_PASSWORD=Seal-Chosen-2026 "$gongji" --db "$app_url" --as admin user passwd 2>&1) \
  && fail "an administrator's password changed through the windows' role"
echo "$out" | grep -q "gongji_admin" || fail "the refused password change does not say where it is done: $out"
GONGJI_NEW_PASSWORD=Seal-Chosen-2026 "$gongji" --db "$admin_url" --as admin user passwd >/dev/null \
  || fail "an administrator changing their own password as the administrators' role"
GONGJI_PASSWORD=Seal-Chosen-2026 "$gongji" --db "$app_url" --as admin user list >/dev/null \
  || fail "the administrator's new password at a window"

# A server whose certificate does not check out is not talked to, and the window says why.
expect_refused() {  # URL what
  local out rc=0
  out=$("$gongji" --db "$1" audit verify 2>&1) || rc=$?
  [ "$rc" -eq 3 ] || fail "$2: exit $rc, expected 3 (database unreachable): $out"
  echo "$out" | grep -Eiq "$3" || fail "$2: the message does not say why: $out"
}
expect_refused "postgresql://gongji_app@localhost:$port/gongji?sslmode=verify-full&sslrootcert=$d/other.crt" \
  "a certificate signed by another CA" "certificate verify failed"
expect_refused "postgresql://gongji_app@127.0.0.1:$port/gongji?$tls" \
  "a host name the certificate does not name" "does not match host name"
expect_refused "postgresql://gongji_app@localhost:$port/gongji?sslmode=disable" \
  "an unencrypted connection" "no encryption|pg_hba.conf"
echo "secure deployment: TLS verify-full, owner migrates, application role cannot rewrite the audit log or the ledger nor the administrators' tables"
