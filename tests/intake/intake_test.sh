#!/usr/bin/env bash
# The intake service as a channel's back end uses it (issue 26): the real gongji-intake over
# HTTPS with a certificate made for this run, called by Python's standard HTTP client
# (channel_client.py), on SQLite or on PostgreSQL through the intake service's own role.
# Usage: intake_test.sh BUILD SOURCE sqlite|postgresql
set -euo pipefail
build=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
backend=$3
export GONGJI=$build/src/cli/gongji GONGJI_INTAKE=$build/src/intake/gongji-intake
d=$(mktemp -d /tmp/gongji-intake.XXXXXX)
export XDG_DATA_HOME=$d/data XDG_CONFIG_HOME=$d/config GONGJI_WORK_DIR=$d
cleanup() {
  [ -n "${drop_db:-}" ] && psql -X -q "$GONGJI_TEST_PG" -c "DROP DATABASE IF EXISTS $drop_db WITH (FORCE)" >/dev/null 2>&1
  rm -rf "$d"
}
trap cleanup EXIT

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$d/key.pem" -out "$d/cert.pem" -days 2 \
  -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2>/dev/null
export INTAKE_CERT=$d/cert.pem INTAKE_KEY=$d/key.pem

if [ "$backend" = postgresql ]; then
  : "${GONGJI_TEST_PG:?GONGJI_TEST_PG: source tests/pg-server.sh first}"
  drop_db=intake_$$_$RANDOM
  psql -X -q -v ON_ERROR_STOP=1 "$GONGJI_TEST_PG" -c "CREATE DATABASE $drop_db" \
    -c "DO \$\$BEGIN CREATE ROLE gongji_intake LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END\$\$"
  export GONGJI_DB=${GONGJI_TEST_PG%/*}/$drop_db
  "$GONGJI" init --demo >/dev/null 2>&1
  psql -X -q -v ON_ERROR_STOP=1 "$GONGJI_DB" -v intake=gongji_intake -f "$source_dir/db/postgresql/intake_role.sql" >/dev/null
  # The service connects as its own role; the staff's commands as the owner.
  export INTAKE_DB=$(echo "$GONGJI_DB" | sed 's#//[^@]*@#//gongji_intake@#')
else
  export GONGJI_DB=sqlite:$d/agency.db
  "$GONGJI" init --demo >/dev/null 2>&1
  export INTAKE_DB=$GONGJI_DB
fi
export INTAKE_BACKEND=$backend
cd "$source_dir/tests/intake"
exec python3 -m unittest -v intake_test
