#!/usr/bin/env bash
# Runs inside an X display: starts the installed gongji-desk on DB, logs in as the demo clerk
# with real key presses, chooses her own password in place of the demo's one-time one, and waits
# for the main window. Exit 0 when it opened, else 1. With GONGJI_EXPECT_UPGRADE=1 the database
# is an older version's: the app first says it upgraded it, and Enter closes that notice.
# Usage: installer/desk-login-smoke.sh DB_URL
set -uo pipefail
GONGJI_WORKSTATION=smoke /usr/bin/gongji-desk --db "$1" >/dev/null 2>&1 &
desk=$!
trap 'kill $desk 2>/dev/null' EXIT

# Waits up to ten seconds for a visible window of the program with exactly this title ($found).
wait_for_window() {
  for _ in $(seq 1 100); do
    for w in $(xdotool search --onlyvisible --class gongji 2>/dev/null); do
      [ "$(xdotool getwindowname "$w")" = "$1" ] && found=$w && return 0
    done
    sleep 0.1
  done
  echo "gongji-desk: no window \"$1\"" >&2
  return 1
}

if [ "${GONGJI_EXPECT_UPGRADE:-}" = 1 ]; then
  wait_for_window "数据库已升级" || exit 1
  xdotool windowfocus --sync "$found"        # a message box is not given the focus without a window manager
  xdotool key Return
fi
wait_for_window "共济窗口 — 登录" || exit 1   # the login dialog, its user-name field focused
sleep 0.5
xdotool type --delay 20 clerk
xdotool key Tab
xdotool type --delay 20 demo
xdotool key Return
sleep 0.8                                     # the new password's two fields
xdotool type --delay 20 Window-2026a
xdotool key Return
xdotool type --delay 20 Window-2026a
xdotool key Return
wait_for_window "共济窗口"                    # the main window, in Chinese
