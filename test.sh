#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test through ctest: against SQLite and
# against a throwaway PostgreSQL server started on loopback for this run.
set -euo pipefail
cd "$(dirname "$0")"

installer/debian-deps.sh test
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr -DGONGJI_WERROR=ON >/dev/null
cmake --build build -j "$(nproc)"

source tests/pg-server.sh
cd build
# A test that hangs past its time is run once more (a rare hang of devices_tests, see tests/CMakeLists.txt).
ctest --output-on-failure -j "$(nproc)" --timeout 600 --repeat after-timeout:2 "$@"
