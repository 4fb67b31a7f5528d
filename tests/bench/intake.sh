#!/usr/bin/env bash
# The intake service's figures in docs/performance.md, on a throwaway PostgreSQL (as ./test.sh
# starts one): tests/bench/intake.sh [APPLICATIONS] [CLIENTS] [WINDOWS]
#  1. one channel posting one application at a time: the cost of one application;
#  2. the database's floor: psql running the same rows' INSERTs, one transaction each (intake_floor.py);
#  3. CLIENTS channels posting at once while WINDOWS windows work the same server (gongji_bench windows).
set -euo pipefail
cd "$(dirname "$0")/../.."
applications=${1:-300} clients=${2:-4} windows=${3:-10}
source tests/pg-server.sh
bench=build/tests/gongji_bench gongji=build/src/cli/gongji
work=$(mktemp -d /tmp/gongji-intake-bench.XXXXXX)
export XDG_DATA_HOME=$work/data
server=${GONGJI_TEST_PG%/*}
psql -X -q "$GONGJI_TEST_PG" -c "CREATE DATABASE intake" -c "CREATE DATABASE floor" -c "CREATE DATABASE windows" -c "CREATE ROLE gongji_intake LOGIN"
for db in intake floor; do
  GONGJI_DB=$server/$db "$gongji" init --demo >/dev/null 2>&1
  psql -X -q "$server/$db" -v intake=gongji_intake -f db/postgresql/intake_role.sql
done
key_of() { GONGJI_PASSWORD=demo GONGJI_DB=$1 "$gongji" --as admin intake key new wechat 2>/dev/null |
  python3 -c 'import json, sys; k = json.load(sys.stdin); print(k["key_id"] + ":" + k["secret"])'; }
key=$(key_of "$server/intake")
floor_key=$(key_of "$server/floor")
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" \
  -days 2 -subj "/CN=localhost" 2>/dev/null
echo "requests_per_minute = 1000000" > "$work/intake.conf"
: > "$work/intake.log"
build/src/intake/gongji-intake --listen 127.0.0.1:0 --cert "$work/cert.pem" --key "$work/key.pem" \
  --db "$(sed 's#//[^@]*@#//gongji_intake@#' <<< "$server/intake")" --config "$work/intake.conf" 2> "$work/intake.log" &
service=$!
trap 'kill $service 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q listening "$work/intake.log" && break; sleep 0.05; done
url=https://127.0.0.1:$(sed -n 's/.*https:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/intake.log")

echo "== one channel, one application at a time"
GONGJI_BENCH_KEY=$key GONGJI_BENCH_PREFIX=ONE- $bench intake "$url" "$applications" 1 | tee "$work/one.txt"
python3 tests/bench/intake_floor.py "$server/intake" ONE- "${floor_key%%:*}" > "$work/floor.sql"
start=$(date +%s%N)
psql -X -q -v ON_ERROR_STOP=1 -o /dev/null "$server/floor" -f "$work/floor.sql"
end=$(date +%s%N)
floor_ms=$(( (end - start) / 1000 / applications ))
ours_ms=$(python3 -c "import re; print(int(1e6 / float(re.search(r'per_s=([0-9.]+)', open('$work/one.txt').read()).group(1))))")
printf "per application: ours %d.%03d ms, psql's floor %d.%03d ms, ratio %s\n" $((ours_ms / 1000)) $((ours_ms % 1000)) \
  $((floor_ms / 1000)) $((floor_ms % 1000)) "$(python3 -c "print(round($ours_ms / $floor_ms, 2))")"

echo "== $clients channels at once, $windows windows working beside them"
$bench windows "$server/windows" "$windows" 60 > "$work/windows.txt" &
windows_pid=$!
sleep 8  # the windows' set-up (roster, accounts) before the channels start
GONGJI_BENCH_KEY=$key GONGJI_BENCH_PREFIX=MANY- $bench intake "$url" "$applications" "$clients"
wait $windows_pid
cat "$work/windows.txt"
