#!/usr/bin/env bash
# The restore drill of an agency's PostgreSQL (issue 15, docs/postgresql.md): a day's work on one
# server, `pg_dump -Fc` while it stands, `pg_restore` into a fresh server of its own, and the
# restored audit log verified there with its agency key and against the anchors printed before
# the dump. A restore that lost the last entries is caught by the anchors. Usage:
# pg_restore_drill.sh BUILD
set -euo pipefail
build=$(cd "$1" && pwd)
gongji=$build/src/cli/gongji
source "$(dirname "$(readlink -f "$0")")/pg-cluster.sh"
d=$(mktemp -d /tmp/gongji-drill.XXXXXX)
export XDG_DATA_HOME=$d/data  # the heads this run commits are kept here, not in the tester's own folder
stop() {
  for s in source target; do pg_cluster_stop "$d/$s"; done
  rm -rf "$d"
}
trap stop EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] && chown postgres "$d"

pg_cluster_init "$d/source" gongji
pg_cluster_start "$d/source" "$d" || fail "could not start the source server"
port_source=$pg_port
pg_cluster_init "$d/target" gongji
pg_cluster_start "$d/target" "$d" || fail "could not start the target server"
port_target=$pg_port
psql -X -q -h 127.0.0.1 -p "$port_source" -U gongji -d postgres -c "CREATE DATABASE agency"
psql -X -q -h 127.0.0.1 -p "$port_target" -U gongji -d postgres -c "CREATE DATABASE agency"
source_url="postgresql://gongji@127.0.0.1:$port_source/agency"
target_url="postgresql://gongji@127.0.0.1:$port_target/agency"

# The agency's key (kept outside both servers) seals the log; a day's work at a window.
export GONGJI_AUDIT_KEY_FILE=$d/audit.key GONGJI_WORKSTATION=窗口-01
"$gongji" audit key new --sm3 >/dev/null || fail "a new agency key"
"$gongji" --db "$source_url" init --demo >/dev/null 2>&1 || fail "init"
export GONGJI_PASSWORD=demo
pair=(--policy guangxi --authorizer 450802196503120117 --user 450802196708200129 --relation 12)
"$gongji" --db "$source_url" --as clerk report commitment "${pair[@]}" --pdf "$d/paper.pdf" >/dev/null 2>&1 \
  || fail "a printout"
"$gongji" --db "$source_url" --as clerk case bind "${pair[@]}" --doc id_card="$d/paper.pdf" \
  --doc marriage_certificate="$d/paper.pdf" > "$d/bind.json" 2>/dev/null || fail "a binding"
number=$(sed -n 's/.*"case" *: *"\([^"]*\)".*/\1/p' "$d/bind.json")
GONGJI_WORKSTATION=窗口-09 "$gongji" --db "$source_url" --as super case approve "$number" >/dev/null 2>&1 \
  || fail "an approval"
"$gongji" --db "$source_url" --as clerk person show 450802196503120117 >/dev/null 2>&1 || fail "a look-up"

# The anchors as the day's report prints them, then the dump while the server stands.
mapfile -t anchors < <("$gongji" --db "$source_url" audit anchor | sed -n 's/^ *"\(.*\)",\{0,1\}$/\1/p')
[ "${#anchors[@]}" -ge 2 ] || fail "expected a chain per window, got: ${anchors[*]}"
anchor_args=()
for a in "${anchors[@]}"; do anchor_args+=(--anchor "$a"); done
before=$("$gongji" --db "$source_url" audit verify "${anchor_args[@]}") || fail "the source's log: $before"
pg_dump -Fc -h 127.0.0.1 -p "$port_source" -U gongji -d agency -f "$d/agency.dump" || fail "pg_dump"

# Into the fresh server, and verified there: the same entries, sealed, at the anchors.
pg_restore --no-owner -h 127.0.0.1 -p "$port_target" -U gongji -d agency "$d/agency.dump" || fail "pg_restore"
after=$("$gongji" --db "$target_url" audit verify "${anchor_args[@]}") || fail "the restored log: $after"
entries() { echo "$1" | sed -n 's/.*"entries" *: *\([0-9]*\).*/\1/p'; }
[ "$(entries "$before")" = "$(entries "$after")" ] || fail "entries $(entries "$before") before, $(entries "$after") restored"
echo "$after" | grep -q '"unkeyed": *0' || fail "entries restored without their seals: $after"
"$gongji" --db "$target_url" --as clerk person show 450802196708200129 >/dev/null 2>&1 \
  || fail "the restored database does not serve a window"

# A restore that lost the end of a chain (from its anchored entry on): caught by the heads this
# machine kept as it committed; from another account, which kept none, it verifies on its own but
# not against the printed anchors.
chain=${anchors[0]%%:*}
anchored=${anchors[0]#*:}
anchored=${anchored%%:*}
psql -X -q -h 127.0.0.1 -p "$port_target" -U gongji -d agency -v ON_ERROR_STOP=1 \
  -c "DELETE FROM audit_log WHERE chain = '$chain' AND seq >= $anchored" \
  -c "UPDATE audit_heads SET seq = $anchored - 1, hash = (SELECT hash FROM audit_log l WHERE l.chain = '$chain' AND l.seq = $anchored - 1) WHERE chain = '$chain'"
rc=0
kept=$("$gongji" --db "$target_url" audit verify) || rc=$?
[ "$rc" -eq 1 ] || fail "the heads kept as they were committed did not catch the cut-back log (exit $rc): $kept"
XDG_DATA_HOME=$d/elsewhere "$gongji" --db "$target_url" audit verify >/dev/null \
  || fail "the cut-back log should still look whole alone, to an account that kept no heads"
rc=0
cut=$(XDG_DATA_HOME=$d/elsewhere "$gongji" --db "$target_url" audit verify "${anchor_args[@]}") || rc=$?
[ "$rc" -eq 1 ] || fail "a restore missing an anchored entry was not caught (exit $rc): $cut"
echo "restore drill: pg_dump of $(entries "$before") sealed entries restored into a fresh server and verified at ${#anchors[@]} anchors; a cut-back restore caught by the kept heads and by the anchors"
