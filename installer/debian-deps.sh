#!/usr/bin/env bash
# Installs the Debian packages Gongji Desk builds and runs with, if any is missing.
# Usage: installer/debian-deps.sh [build|test]   (test adds the PostgreSQL server, Python (the intake tests' channel), sqlite3, poppler-utils, unzip, lintian, and
# what drives the real desktop app: Xvfb, xdotool, the X11 headers the end-to-end test reads the screen with, and
# Xorg's dummy driver for the two monitors of the citizen's display)
set -euo pipefail

packages=(g++ cmake make pkg-config libsoci-dev libsqlite3-dev libpq-dev libpoco-dev libboost-test-dev libxlsxwriter-dev
          libcairo2-dev libpango1.0-dev libqrencode-dev fonts-noto-cjk libpoppler-cpp-dev libpng-dev libjpeg-dev
          libsane-dev libsane1 libtesseract-dev tesseract-ocr-eng tesseract-ocr-chi-sim
          libwxgtk3.2-dev wx3.2-i18n gettext
          libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev gstreamer1.0-plugins-base gstreamer1.0-plugins-good)
if [ "${1:-build}" = test ]; then
  packages+=(postgresql openssl python3 sqlite3 poppler-utils unzip lintian libtiff-dev libx11-dev xvfb xauth dpkg-dev xdotool
    xserver-xorg-core xserver-xorg-video-dummy x11-xserver-utils)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
