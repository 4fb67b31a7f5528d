#!/usr/bin/env bash
# Builds the Debian package, installs it with apt (dependencies resolved), checks that the
# installed programs start and use the installed files, then removes it again.
# Usage: installer/check-package.sh BUILD_DIR   (as root)
set -euo pipefail
build="$1"
(cd "$build" && cpack >/dev/null)
deb=$(ls -t "$build"/gongji-desk_*.deb | head -n 1)
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq "$deb" >/dev/null
trap 'apt-get remove -y -qq gongji-desk >/dev/null 2>&1 || true' EXIT
work=$(mktemp -d)
test -x /usr/bin/gongji && test -x /usr/bin/gongji-desk
test -f /usr/share/gongji/db/migrations/0001_init.sql
test -f /usr/share/gongji/reports/receipt.tpl
test -f /usr/share/gongji/forms/login.xrc
test -f /usr/share/locale/zh_CN/LC_MESSAGES/gongji.mo
test -f /usr/share/applications/gongji-desk.desktop
/usr/bin/gongji --help >/dev/null
# From a folder that is not the source tree, so only the installed files can be found.
cd "$work"
GONGJI_DB="sqlite:$work/demo.db" /usr/bin/gongji init --demo >/dev/null
GONGJI_DB="sqlite:$work/demo.db" /usr/bin/gongji policy list | grep -q guangxi
# A report for an unknown case gets as far as the case look-up only if the template was found.
said=$(GONGJI_DB="sqlite:$work/demo.db" GONGJI_PASSWORD=demo /usr/bin/gongji --as clerk report receipt \
  --case none --pdf "$work/x.pdf" 2>&1 || true)
case "$said" in
  *"no case"*) ;;
  *) echo "installed gongji cannot find its report templates: $said" >&2; exit 1 ;;
esac
# The desktop app starts and waits at its login dialog until the timeout ends it (status 124).
set +e
GDK_BACKEND=x11 NO_AT_BRIDGE=1 timeout 8 xvfb-run -a /usr/bin/gongji-desk --db "sqlite:$work/demo.db" >/dev/null 2>&1
status=$?
set -e
if [ "$status" -ne 124 ]; then
  rm -rf "$work"
  echo "gongji-desk did not stay up (exit $status)" >&2
  exit 1
fi
# And a clerk logs in to it with real key presses: installed forms, catalogue and database agree.
GDK_BACKEND=x11 NO_AT_BRIDGE=1 LANG=C.UTF-8 timeout 60 xvfb-run -a \
  "$(dirname "$(readlink -f "$0")")/desk-login-smoke.sh" "sqlite:$work/demo.db" || { rm -rf "$work"; exit 1; }
rm -rf "$work"
echo "package installs and its programs start: $(basename "$deb")"
