#!/usr/bin/env bash
# Reproduces the figures in docs/performance.md: ./tests/bench/run.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" --target gongji_bench gongji >/dev/null
bench=build/tests/gongji_bench
work=$(mktemp -d /tmp/gongji-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

$bench generate "$rows" "$work/roster.csv"

# Baseline: the sqlite3 shell's .import of the same file into an equivalent table.
sqlite3 "$work/shell.db" <<SQL >/dev/null
PRAGMA journal_mode = WAL;
CREATE TABLE persons (id_number VARCHAR(18) PRIMARY KEY, name TEXT NOT NULL, gender INTEGER NOT NULL,
  birth_date VARCHAR(10) NOT NULL, insurance_type VARCHAR(3) NOT NULL, status INTEGER NOT NULL,
  pooling_region VARCHAR(6) NOT NULL, account_balance TEXT NOT NULL);
SQL
start=$(date +%s%N)
sqlite3 "$work/shell.db" ".mode csv" ".import --skip 1 $work/roster.csv persons"
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
printf "sqlite3 shell .import: %s rows in %d.%03d s\n" "$rows" $((ms / 1000)) $((ms % 1000))

$bench import "$work/roster.csv" "sqlite:$work/gongji.db"

# The same import as an administrator runs it: the whole `gongji roster import` command, from
# start to exit (login, reading and converting the file, commit, closing the database).
export GONGJI_DB="sqlite:$work/cli.db"
GONGJI_NEW_PASSWORD=bench build/src/cli/gongji init >/dev/null 2>&1
start=$(date +%s%N)
GONGJI_PASSWORD=bench build/src/cli/gongji --as admin roster import "$work/roster.csv" >/dev/null 2>&1
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
printf "gongji roster import (whole command): %s rows in %d.%03d s\n" "$rows" $((ms / 1000)) $((ms % 1000))
$bench lookup "sqlite:$work/gongji.db" 200000
$bench eligibility 2000000
$bench queue "sqlite:$work/queue.db" 100000
