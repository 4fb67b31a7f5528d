#!/usr/bin/env bash
# The kill -9 drill (issue 15): a roster import and a settlement import killed at random moments,
# over and over, on SQLite and on PostgreSQL. After each kill the database holds the whole file or
# none of it, never a part, and its audit chains verify; a run left to finish then completes.
# Usage: kill_during_imports.sh BUILD   (PostgreSQL from GONGJI_TEST_PG, as ./test.sh starts it)
set -euo pipefail
build=$(cd "$1" && pwd)
gongji=$build/src/cli/gongji
bench=$build/tests/gongji_bench
d=$(mktemp -d /tmp/gongji-kill.XXXXXX)
trap 'rm -rf "$d"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }
rounds=${GONGJI_KILL_ROUNDS:-8}
people=60000

"$bench" generate $people "$d/roster.csv" >/dev/null
# One clinic visit for each person in the roster (their IDs are its first column).
awk -F, 'NR > 1 { printf "K%07d,%s,2026-11-20T09:30:00+08:00,H1,人民医院,clinic,1.00\n", NR, $1 }
         BEGIN { print "setl_id,user_id_number,time,institution_code,institution_name,use,amount" }' \
  "$d/roster.csv" > "$d/settle.csv"

count() {  # URL TABLE
  if [[ $1 == sqlite:* ]]; then sqlite3 "${1#sqlite:}" "SELECT count(*) FROM $2"
  else psql -X -At "$1" -c "SELECT count(*) FROM $2"; fi
}

drill() {  # URL NAME
  local url=$1 name=$2 kills=0 whole=0
  GONGJI_DB=$url "$gongji" init --demo >/dev/null 2>&1 || fail "$name: init"
  local base; base=$(count "$url" persons)
  export GONGJI_DB=$url GONGJI_PASSWORD=demo
  for what in roster settle; do
    local table=persons expected=$((base + people)) empty=$base
    [ $what = settle ] && { table=settlements; expected=$people; empty=0; }
    for round in $(seq 1 "$rounds"); do
      if [ $what = roster ]; then "$gongji" --as admin roster import "$d/roster.csv" >/dev/null 2>&1 &
      else "$gongji" --as admin settle "$d/settle.csv" >/dev/null 2>&1 & fi
      local pid=$!
      sleep "0.$(( RANDOM % 25 ))$(( RANDOM % 10 ))"  # 0.00–2.49 s: before, during and after the commit
      if kill -9 $pid 2>/dev/null; then kills=$((kills + 1)); fi
      wait $pid 2>/dev/null || true
      local n; n=$(count "$url" $table)
      [ "$n" = "$empty" ] || [ "$n" = "$expected" ] || fail "$name $what round $round: $n rows, a part of the file"
      [ "$n" = "$expected" ] && whole=$((whole + 1))
      "$gongji" audit verify >/dev/null 2>&1 || fail "$name $what round $round: the audit chain broke"
    done
    "$gongji" --as admin $( [ $what = roster ] && echo roster import || echo settle ) \
      "$d/$( [ $what = roster ] && echo roster || echo settle ).csv" >/dev/null 2>&1 || fail "$name: $what after the kills"
    [ "$(count "$url" $table)" = "$expected" ] || fail "$name: $what not whole after the kills"
  done
  unset GONGJI_DB
  echo "$name: $kills imports killed at random moments, $whole found whole, the rest found untouched; chains intact"
}

drill "sqlite:$d/drill.db" sqlite
if [ -n "${GONGJI_TEST_PG:-}" ]; then
  psql -X -q "$GONGJI_TEST_PG" -c "DROP DATABASE IF EXISTS kill_drill" -c "CREATE DATABASE kill_drill"
  drill "${GONGJI_TEST_PG%/*}/kill_drill" postgresql
  psql -X -q "$GONGJI_TEST_PG" -c "DROP DATABASE kill_drill WITH (FORCE)"
fi
