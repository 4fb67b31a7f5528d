#!/usr/bin/env bash
# Installs what is missing, builds, creates the embedded demo database on first run and starts
# the application: the desktop app `gongji-desk` when there is a display (log in as clerk,
# super or admin, password demo). With arguments they go to the `gongji` tool instead
# (./run.sh check --policy guangxi …); without a display it shows the tool's help and the demo.
set -euo pipefail
cd "$(dirname "$0")"

installer/debian-deps.sh build
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" >/dev/null

gongji=build/src/cli/gongji
export OMP_THREAD_LIMIT="${OMP_THREAD_LIMIT:-1}"  # Tesseract (OCR) is several times faster so
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
export GONGJI_DB="${GONGJI_DB:-sqlite:$data_home/gongji/gongji.db}"
if [ "${GONGJI_DB#sqlite:}" != "$GONGJI_DB" ] && [ ! -f "${GONGJI_DB#sqlite:}" ]; then
  mkdir -p "$(dirname "${GONGJI_DB#sqlite:}")"
  echo "Creating the demo database ${GONGJI_DB#sqlite:} (users admin, clerk, super; password demo)" >&2
  "$gongji" init --demo >/dev/null
fi

if [ $# -gt 0 ]; then
  exec "$gongji" "$@"
fi
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec build/src/ui/gongji-desk --db "$GONGJI_DB"
fi
echo "(No display: the desktop app gongji-desk needs one. The command-line tool:)"
"$gongji" --help
echo
echo "Database: $GONGJI_DB"
echo "Policy profiles:"
"$gongji" policy list
echo "Try:"
echo "  ./run.sh check --policy guangxi --authorizer 450802196503120117 --user 450802196708200129 --relation 12"
