#!/usr/bin/env bash
# Reproduces the figures in docs/performance.md: ./tests/bench/run.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" --target gongji_bench >/dev/null
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
$bench lookup "sqlite:$work/gongji.db" 200000
$bench eligibility 2000000
