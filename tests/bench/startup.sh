#!/usr/bin/env bash
# Start-up of the desktop app against a bare wx frame with Chinese text: milliseconds from the
# start of the process to its first visible window, RUNS times each, alternating (figures in
# docs/performance.md). Usage: tests/bench/startup.sh [RUNS]   (starts its own Xvfb)
set -euo pipefail
cd "$(dirname "$0")/../.."
# -noreset: without it the server resets whenever its last client goes, and a program started
# during the reset cannot connect.
if [ -z "${DISPLAY:-}" ]; then exec xvfb-run -a -s "-screen 0 1366x768x24 -noreset" "$0" "$@"; fi
runs=${1:-10}
cmake --build build -j "$(nproc)" --target gongji-desk minimal_frame gongji >/dev/null
work=$(mktemp -d /tmp/gongji-startup.XXXXXX)
trap 'cat "$work/stderr" >&2; rm -rf "$work"' EXIT
GONGJI_DB="sqlite:$work/demo.db" build/src/cli/gongji init --demo >/dev/null 2>&1
export GDK_BACKEND=x11 NO_AT_BRIDGE=1 GONGJI_WORKSTATION=bench GONGJI_LANG=zh_CN

# Milliseconds until a visible window of X class $1 appears for the command after it.
first_window_ms() {
  local class="$1"; shift
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>>"$work/stderr" &
  local pid=$!
  # Polled every 10 ms: a tighter loop of X clients can crowd out the program's own connection.
  until xdotool search --onlyvisible --class "$class" >/dev/null 2>&1; do sleep 0.01; done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

desk=(); floor=()
for _ in $(seq "$runs"); do
  floor+=("$(first_window_ms minimal_frame build/tests/minimal_frame)")
  desk+=("$(first_window_ms gongji-desk build/src/ui/gongji-desk --db "sqlite:$work/demo.db")")
done
summary() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "min %d, median %d, max %d ms", a[1], a[int((NR+1)/2)], a[NR]}'; }
echo "minimal wx frame with Chinese text: $(summary "${floor[@]}")"
echo "gongji-desk to its login window:    $(summary "${desk[@]}")"
