#!/usr/bin/env bash
# The shared-file drill (issue 30): one window's embedded database used by every program an agency
# runs on it at once. Two real gongji-desk processes, each under its own Xvfb screen and driven
# with real key presses, run their background tasks round after round (the supervisor: the fund-
# supervision check, Ctrl+4 Alt+C, and the monthly figures, Ctrl+5 Alt+S; the administrator: a
# roster import through the file dialog, Alt+I), while `gongji` processes on the same file bind and
# approve cases, unbind, add users, settle, import rosters, back up and show the settings.
#
# Afterwards every commit a process reported as done is there, PRAGMA integrity_check is ok, the
# chains verify against anchors taken before and against the heads every program kept as it
# committed, and no live desk process ever held a deleted -wal or -shm (/proc/PID/fd, sampled).
# Prints `rounds=N commits=N lost=0 deleted_wal_seen=0`; exits 1 on any loss.
# Usage: shared_embedded_file.sh BUILD [ROUNDS]
set -euo pipefail
build=$(cd "$1" && pwd)
rounds=${2:-${GONGJI_DRILL_ROUNDS:-10}}
gongji=$build/src/cli/gongji
desk=$build/src/ui/gongji-desk
bench=$build/tests/gongji_bench
d=$(mktemp -d /tmp/gongji-shared.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}" $(cat "$d"/xvfb-*.pid 2>/dev/null); do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$d"
}
trap cleanup EXIT
[ -n "${GONGJI_DRILL_KEEP:-}" ] && trap - EXIT
fail() {  # with what the desks said: a desk that did not come up says why
  echo "FAILED: $*" >&2
  for log in "$d"/desk-*.log; do [ -s "$log" ] && { echo "--- $log" >&2; tail -20 "$log" >&2; }; done
  exit 1
}

db=$d/agency.db
export GONGJI_DB=sqlite:$db GONGJI_PASSWORD=demo GONGJI_NEW_PASSWORD=Drill-2026a
export XDG_DATA_HOME=$d/data  # every program's kept anchors in one place, for verify to read
export GDK_BACKEND=x11 NO_AT_BRIDGE=1 LANG=C.UTF-8 GONGJI_LANG=zh_CN
"$gongji" init --demo >/dev/null 2>&1
anchors_before=$("$gongji" audit anchor | grep -o '"[^"]*:[0-9]*:[0-9a-f]*"' | tr -d '"' | sed 's/^/--anchor /' | tr '\n' ' ' || true)

# People for the roster imports: a slice for the command line and one for the desk, every round.
"$bench" generate $((rounds * 2 * 5)) "$d/people.csv" >/dev/null
header=$(head -1 "$d/people.csv")
# The desk's files, each named by a letter of its own, typed as a whole path into the file
# chooser's path field (Ctrl+L goes to it).
mkdir "$d/import"
desk_file() { printf "\\$(printf %o $((97 + ($1 - 1) % 26))).csv"; }
for r in $(seq 1 "$rounds"); do
  n=$(( (r - 1) * 10 ))
  { echo "$header"; tail -n +2 "$d/people.csv" | sed -n "$((n + 1)),$((n + 5))p"; } > "$d/roster-cli-$r.csv"
  { echo "$header"; tail -n +2 "$d/people.csv" | sed -n "$((n + 6)),$((n + 10))p"; } > "$d/roster-desk-$r.csv"
  cp "$d/roster-desk-$r.csv" "$d/import/$(desk_file "$r")"
done
scan=$d/scan.png  # a plain white page, as a scanner gives
python3 - "$scan" <<'EOF'
import struct, sys, zlib
def chunk(t, b): return struct.pack(">I", len(b)) + t + b + struct.pack(">I", zlib.crc32(t + b) & 0xffffffff)
raw = b"".join(b"\x00" + b"\xff\xff\xff" * 64 for _ in range(64))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
EOF

# --- two desks, each on a screen of its own (no window manager: the focus stays where it is) ---
start_screen() {  # NAME: starts Xvfb, prints its display
  Xvfb -displayfd 3 -screen 0 1366x1024x24 -nolisten tcp 3>"$d/display-$1" >/dev/null 2>&1 &
  echo $! > "$d/xvfb-$1.pid"  # called as $(start_screen …), a subshell: pids+=() would not reach the cleanup
  for _ in $(seq 100); do [ -s "$d/display-$1" ] && break; sleep 0.1; done
  echo ":$(cat "$d/display-$1")"
}
wait_window() {  # DISPLAY TITLE: up to a minute, for a machine busy with other tests
  for _ in $(seq 600); do
    for w in $(DISPLAY=$1 xdotool search --onlyvisible --name '' 2>/dev/null); do
      [ "$(DISPLAY=$1 xdotool getwindowname "$w" 2>/dev/null)" = "$2" ] && { sleep 0.5; return 0; }
    done
    sleep 0.1
  done
  fail "no window \"$2\" on $1"
}
keys() { DISPLAY=$1 xdotool key --delay 80 "${@:2}"; }
type_text() { DISPLAY=$1 xdotool type --delay 30 "$2"; }
start_desk() {  # NAME USER WORKSTATION: prints the pid
  local screen; screen=$(start_screen "$1")
  mkdir -p "$d/home-$1"
  (cd "$d/import" && DISPLAY=$screen HOME=$d/home-$1 GONGJI_WORKSTATION=$3 exec "$desk" --db "$GONGJI_DB") >"$d/desk-$1.log" 2>&1 &
  local pid=$!
  pids+=($pid)
  echo "$1 $pid $screen" >> "$d/desks"
  wait_window "$screen" "共济窗口 — 登录"
  type_text "$screen" "$2"; keys "$screen" Tab; type_text "$screen" demo; keys "$screen" Return
  sleep 0.8  # the new password's fields: the demo's password is for one login
  type_text "$screen" Desk-2026a; keys "$screen" Return; type_text "$screen" Desk-2026a; keys "$screen" Return
  wait_window "$screen" "共济窗口"
}
start_desk super super 窗口-A
start_desk admin admin 窗口-B
read -r _ super_pid super_screen < <(grep '^super ' "$d/desks")
read -r _ admin_pid admin_screen < <(grep '^admin ' "$d/desks")

# --- the watch: a live desk holding a deleted write-ahead log or shared memory ---
touch "$d/deleted"
( while [ ! -e "$d/stop" ]; do
    for p in $super_pid $admin_pid; do
      ls -l "/proc/$p/fd" 2>/dev/null | grep -E 'agency\.db-(wal|shm) \(deleted\)' >> "$d/deleted" || true
    done
    sleep 0.2
  done ) &
watch_pid=$!

# --- the command line, round after round, beside the desks ---
# (the supervisor and the administrator chose their own passwords on the desks, the clerk has not)
staff() { local who=$1; shift; GONGJI_PASSWORD=Desk-2026a "$gongji" --as "$who" "$@"; }
father=450802196503120117 wife=450802196708200129 son=450802199205060113
expect() { echo "$*" >> "$d/expected"; }
json_field() { sed -n "s/.*\"$1\": *\"\\([^\"]*\\)\".*/\\1/p" | head -1; }
cli_round() {  # ROUND
  local r=$1 out
  export GONGJI_WORKSTATION=窗口-C
  if out=$("$gongji" --as clerk case bind --policy guangxi --authorizer $father --user $wife --relation 12 \
             --doc id_card="$scan" --doc marriage_certificate="$scan" 2>>"$d/cli.err"); then
    local case_no; case_no=$(echo "$out" | json_field case)
    expect "case $case_no"
    if staff super case approve "$case_no" >/dev/null 2>>"$d/cli.err"; then
      expect "approved $case_no"
      out=$("$gongji" --as clerk case unbind --authorizer $father --user $wife --reason request 2>>"$d/cli.err") &&
        expect "case $(echo "$out" | json_field case)"
    fi
  fi
  GONGJI_NEW_PASSWORD=Drill-2026a-$r staff admin user add "drill$r" --role clerk >/dev/null 2>>"$d/cli.err" &&
    expect "user drill$r"
  printf 'setl_id,user_id_number,time,institution_code,institution_name,use,amount\nD%04d,%s,2026-11-20T%02d:%02d:00+08:00,H1,贵港市人民医院,clinic,1.00\n' \
    "$r" $son $((8 + r / 60)) $((r % 60)) > "$d/settle-$r.csv"
  staff admin settle "$d/settle-$r.csv" >/dev/null 2>>"$d/cli.err" && expect "settlement D$(printf %04d "$r")"
  staff admin roster import "$d/roster-cli-$r.csv" >/dev/null 2>>"$d/cli.err" && expect "roster cli-$r"
  staff admin backup "$d/backup-$r.db" >/dev/null 2>>"$d/cli.err" && expect "backup $r"
  "$gongji" settings show >/dev/null 2>>"$d/cli.err" || echo "settings show failed in round $r" >> "$d/cli.err"
}

# GONGJI_DRILL_DEBUG=1: the administrator's screen as /tmp/drill-NAME.png (x11-apps and imagemagick).
debug_shot() {
  [ -n "${GONGJI_DRILL_DEBUG:-}" ] || return 0
  sleep 0.5
  DISPLAY=$admin_screen xwd -root -silent | convert xwd:- "/tmp/drill-$1.png"
}

desk_round() {  # ROUND: the desks' background tasks, one after another on each desk
  local r=$1
  keys "$super_screen" ctrl+4 alt+c; sleep 0.6
  keys "$super_screen" ctrl+5 alt+s; sleep 0.6
  keys "$admin_screen" ctrl+1 alt+i
  sleep 1.2  # the file chooser: its path field takes a typed path
  keys "$admin_screen" ctrl+l
  type_text "$admin_screen" "$d/import/$(desk_file "$r")"
  debug_shot "typed-$r"
  keys "$admin_screen" Return
  sleep 0.8
  debug_shot "after-$r"
}

for r in $(seq 1 "$rounds"); do
  cli_round "$r" &
  cli=$!
  desk_round "$r"
  wait $cli
done
touch "$d/stop"; wait $watch_pid

# --- the desks quit as a clerk quits them, and what the drill saw is checked ---
keys "$super_screen" ctrl+q; keys "$admin_screen" ctrl+q
for p in $super_pid $admin_pid; do
  for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  kill "$p" 2>/dev/null || true
done
unset GONGJI_WORKSTATION

q() { sqlite3 "$db" "$1"; }
[ "$(q 'PRAGMA integrity_check')" = ok ] || fail "integrity_check: $(q 'PRAGMA integrity_check' | head -3)"
lost=0 commits=0
while read -r kind what; do
  commits=$((commits + 1))
  case $kind in
    case) n=$(q "SELECT count(*) FROM cases WHERE number = '$what'") ;;
    approved) n=$(q "SELECT count(*) FROM cases WHERE number = '$what' AND status = 'approved'") ;;
    user) n=$(q "SELECT count(*) FROM users WHERE username = '$what'") ;;
    settlement) n=$(q "SELECT count(*) FROM settlements WHERE setl_id = '$what'") ;;
    roster) n=$(tail -n +2 "$d/roster-$what.csv" | cut -d, -f1 | while read -r id; do q "SELECT count(*) FROM persons WHERE id_number = '$id'"; done | grep -c '^1$' || true)
            [ "$n" = 5 ] && n=1 || n=0 ;;
    backup) n=$(q "SELECT count(*) FROM audit_log WHERE action = 'backup' AND entity_key = 'backup-$what.db'") ;;
  esac
  if [ "${n:-0}" -lt 1 ]; then lost=$((lost + 1)); echo "lost: $kind $what" >&2; fi
done < <(cat "$d/expected" 2>/dev/null)

# The desks' own commits: their background tasks, each recorded in the audit log.
desk_commits=$(q "SELECT count(*) FROM audit_log WHERE workstation IN ('窗口-A', '窗口-B') AND action IN ('supervision.check', 'stats.view', 'roster.import')")
checks=$(q "SELECT count(*) FROM audit_log WHERE workstation = '窗口-A' AND action = 'supervision.check'")
imports=$(q "SELECT count(*) FROM audit_log WHERE workstation = '窗口-B' AND action = 'roster.import'")
[ "$checks" -ge 1 ] || fail "the supervisor's desk never ran its check (desk log: $(tail -3 "$d/desk-super.log"))"
[ "$imports" -ge 1 ] || fail "the administrator's desk never imported a roster (desk log: $(tail -3 "$d/desk-admin.log"))"
commits=$((commits + desk_commits))

# shellcheck disable=SC2086
verify=$("$gongji" audit verify $anchors_before 2>&1) || { echo "$verify" >&2; lost=$((lost + 1)); }
echo "$verify" | grep -q '"kept_anchors": [1-9]' || fail "no anchors were kept as the programs committed: $verify"
deleted=$(grep -c . "$d/deleted" || true)
for b in "$d"/backup-*.db; do
  [ -e "$b" ] || continue
  [ "$(sqlite3 "$b" 'PRAGMA integrity_check')" = ok ] || fail "backup $b is damaged"
done
[ -s "$d/cli.err" ] && { echo "what the command line said on stderr during the drill:" >&2; sort "$d/cli.err" | uniq -c | sort -rn | head -5 >&2; }

echo "rounds=$rounds commits=$commits lost=$lost deleted_wal_seen=$deleted (desk checks $checks, desk imports $imports)"
[ "$lost" -eq 0 ] && [ "$deleted" -eq 0 ] || fail "commits lost or a write-ahead log deleted under a live desk"
