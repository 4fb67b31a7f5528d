#!/usr/bin/env bash
# The intake service killed with kill -9 again and again while channels post applications and
# retry every request left unanswered (issue 26): every application answered 201 or 200 is stored
# exactly once, with both its papers; none twice; the audit chains verify.
# Usage: intake_kill.sh BUILD SOURCE sqlite|postgresql [KILLS]   (PostgreSQL from GONGJI_TEST_PG)
set -euo pipefail
build=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
backend=$3
kills=${4:-30}
gongji=$build/src/cli/gongji intake=$build/src/intake/gongji-intake bench=$build/tests/gongji_bench
d=$(mktemp -d /tmp/gongji-intake-kill.XXXXXX)
export XDG_DATA_HOME=$d/data XDG_CONFIG_HOME=$d/config
service=
cleanup() {
  [ -n "$service" ] && { kill "$service" 2>/dev/null; wait "$service" 2>/dev/null; }
  [ -n "${drop_db:-}" ] && psql -X -q "$GONGJI_TEST_PG" -c "DROP DATABASE IF EXISTS $drop_db WITH (FORCE)" >/dev/null 2>&1
  rm -rf "$d"
}
trap cleanup EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }

if [ "$backend" = postgresql ]; then
  drop_db=intake_kill_$$
  psql -X -q -v ON_ERROR_STOP=1 "$GONGJI_TEST_PG" -c "CREATE DATABASE $drop_db" \
    -c "DO \$\$BEGIN CREATE ROLE gongji_intake LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END\$\$"
  export GONGJI_DB=${GONGJI_TEST_PG%/*}/$drop_db
  "$gongji" init --demo >/dev/null 2>&1 || fail init
  psql -X -q -v ON_ERROR_STOP=1 "$GONGJI_DB" -v intake=gongji_intake -f "$source_dir/db/postgresql/intake_role.sql" >/dev/null
  intake_db=$(echo "$GONGJI_DB" | sed 's#//[^@]*@#//gongji_intake@#')
  query() { psql -X -At "$GONGJI_DB" -c "$1"; }
else
  export GONGJI_DB=sqlite:$d/agency.db
  "$gongji" init --demo >/dev/null 2>&1 || fail init
  intake_db=$GONGJI_DB
  query() { sqlite3 "$d/agency.db" "$1"; }
fi
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$d/key.pem" -out "$d/cert.pem" -days 2 \
  -subj "/CN=localhost" 2>/dev/null
key=$(GONGJI_PASSWORD=demo "$gongji" --as admin intake key new wechat 2>/dev/null | python3 -c \
  'import json, sys; k = json.load(sys.stdin); print(k["key_id"] + ":" + k["secret"])')
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

start_service() {
  : > "$d/service.log"
  "$intake" --listen "127.0.0.1:$port" --cert "$d/cert.pem" --key "$d/key.pem" --db "$intake_db" --config /dev/null \
    2>> "$d/service.log" &
  service=$!
  for _ in $(seq 100); do grep -q listening "$d/service.log" && return 0; sleep 0.05; done
  fail "gongji-intake did not start again: $(cat "$d/service.log")"
}

start_service
GONGJI_BENCH_KEY=$key GONGJI_BENCH_PREFIX=KILL- "$bench" intake "https://127.0.0.1:$port" $((kills * 12)) 4 > "$d/bench.txt" &
client=$!
for _ in $(seq "$kills"); do
  sleep "0.$(( RANDOM % 6 + 2 ))$(( RANDOM % 10 ))"  # 0.20–0.79 s: before, during and after commits
  kill -9 "$service"
  wait "$service" 2>/dev/null || true
  start_service
done
wait "$client" || fail "the channel's client: $(cat "$d/bench.txt")"
result=$(cat "$d/bench.txt")
echo "$backend, $kills kills: $result"
[[ $result == *" refused=0 lost=0 duplicated=0" ]] || fail "$result"
cases=$(query "SELECT count(*) FROM cases WHERE apply_no LIKE 'KILL-%'")
answered=$(sed 's/^applications=\([0-9]*\).*/\1/' <<< "$result")
[ "$cases" = "$answered" ] || fail "$answered applications answered, $cases stored"
short=$(query "SELECT count(*) FROM cases c WHERE c.apply_no LIKE 'KILL-%' AND
               (SELECT count(*) FROM documents p WHERE p.case_id = c.id) <> 2")
[ "$short" = 0 ] || fail "$short applications stored without both their papers"
GONGJI_PASSWORD=demo "$gongji" audit verify > "$d/verify.json" 2>&1 || fail "the audit log: $(cat "$d/verify.json")"
echo "every application answered is stored once with both its papers, the audit log verifies"
