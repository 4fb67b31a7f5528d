#!/usr/bin/env bash
# Runs a command on an X server with two monitors side by side, as a window has them: the clerk's
# (1368x768) and the one turned to the citizen (1024x768). Xorg's dummy driver, because Xvfb has a
# single RandR output and GTK counts monitors by RandR.   Usage: two_monitors.sh COMMAND [ARGS…]
set -euo pipefail
conf=$(mktemp -d)
cat > "$conf/xorg.conf" <<'CONF'
Section "ServerFlags"
    Option "AutoAddDevices" "false"
    Option "DontVTSwitch" "true"
EndSection
Section "Device"
    Identifier "dummy"
    Driver "dummy"
    VideoRam 256000
EndSection
Section "Monitor"
    Identifier "monitor"
    HorizSync 5.0-1000.0
    VertRefresh 5.0-200.0
EndSection
Section "Screen"
    Identifier "screen"
    Device "dummy"
    Monitor "monitor"
    DefaultDepth 24
    SubSection "Display"
        Depth 24
        Virtual 2400 1024
    EndSubSection
EndSection
CONF
display=90
while [ -e "/tmp/.X$display-lock" ] || [ -e "/tmp/.X11-unix/X$display" ]; do display=$((display + 1)); done
Xorg ":$display" -config "$conf/xorg.conf" -noreset -nolisten tcp -logfile "$conf/xorg.log" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$conf"' EXIT
export DISPLAY=":$display"
for _ in $(seq 100); do xrandr >/dev/null 2>&1 && break; sleep 0.1; done
if ! xrandr >/dev/null 2>&1; then
  echo "two_monitors.sh: Xorg (dummy driver) did not start on :$display" >&2
  cat "$conf/xorg.log" >&2 || true
  exit 1
fi
xrandr --addmode DUMMY1 1024x768
xrandr --output DUMMY0 --mode 1368x768 --pos 0x0 --output DUMMY1 --mode 1024x768 --pos 1368x0
# The dummy driver says an output is connected when it is probed; GTK reads without probing.
xrandr --query >/dev/null
"$@"
