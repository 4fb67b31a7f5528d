#!/usr/bin/env bash
# Builds the Debian package, installs it with apt (dependencies resolved), checks that the
# installed programs start and use the installed files, then removes it again.
# Usage: installer/check-package.sh BUILD_DIR   (as root)
set -euo pipefail
build="$1"
(cd "$build" && cpack >/dev/null)
deb=$(ls -t "$build"/gongji-desk_*.deb | head -n 1)
ddeb=$(ls -t "$build"/gongji-desk-dbgsym_*.ddeb | head -n 1)
# Debian's own judge of a package: no error and no warning (informational tags are allowed).
for package in "$deb" "$ddeb"; do
  said=$(lintian --tag-display-limit 0 "$package" 2>&1 | grep -E '^[EW]: ' || true)
  if [ -n "$said" ]; then
    echo "lintian finds fault with $(basename "$package"):" >&2
    echo "$said" >&2
    exit 1
  fi
done
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq "$deb" >/dev/null
trap 'apt-get remove -y -qq gongji-desk >/dev/null 2>&1 || true' EXIT
work=$(mktemp -d)
# Nothing under /usr is written at run time (the Filesystem Hierarchy: /usr is the package's).
touch "$work/installed"
sleep 1
test -x /usr/bin/gongji && test -x /usr/bin/gongji-desk
test -f /usr/share/gongji/db/migrations/0001_init.sql
test -f /usr/share/gongji/reports/receipt.tpl
test -f /usr/share/gongji/forms/login.xrc
test -f /usr/share/locale/zh_CN/LC_MESSAGES/gongji.mo
test -f /usr/share/applications/gongji-desk.desktop
# Manual pages made from the programs' own help, and Debian's copyright and changelog.
zcat /usr/share/man/man1/gongji.1.gz | grep -q 'supervise --from DATE'
zcat /usr/share/man/man1/gongji-desk.1.gz | grep -q -- '--db URL'
test -f /usr/share/doc/gongji-desk/copyright && test -f /usr/share/doc/gongji-desk/changelog.gz
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
# The platform's settlement records need the installed med_type table; the check, a template and
# the spreadsheet library: one record paid by someone not bound is a finding (exit 1).
printf '%s\n' "setl_id,setl_time,certno,psn_name,fixmedins_code,fixmedins_name,med_type,medfee_sumamt,psn_part_amt,acct_pay,acct_mulaid_pay,mulaid_certno,psn_cash_pay,balc" \
  "P1,2026-11-22 09:30:00,450802199205060113,张磊,H1,贵港市人民医院,41,50.00,40.00,0.00,40.00,450803199309150128,0.00,0.00" \
  > "$work/platform.csv"
GONGJI_DB="sqlite:$work/demo.db" GONGJI_PASSWORD=demo /usr/bin/gongji --as admin settle "$work/platform.csv" 2>/dev/null |
  grep -q '"findings": 1' || { echo "installed gongji cannot import the platform's records" >&2; exit 1; }
set +e
GONGJI_DB="sqlite:$work/demo.db" GONGJI_PASSWORD=demo /usr/bin/gongji --as super supervise --from 2026-11-01 \
  --to 2026-11-30 --pdf "$work/f.pdf" --xlsx "$work/f.xlsx" >/dev/null 2>&1
status=$?
set -e
if [ "$status" -ne 1 ] || [ ! -s "$work/f.pdf" ] || [ ! -s "$work/f.xlsx" ]; then
  echo "installed gongji supervise did not write its findings (exit $status)" >&2
  exit 1
fi
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
# The intake service: its unit, its user and its manual page are installed; started as its unit
# starts it (no systemd here: the unit's own command line, as its user), it takes one application
# signed as a channel signs it, and stops cleanly on SIGTERM.
unit=/lib/systemd/system/gongji-intake.service
test -f "$unit" && getent passwd gongji-intake >/dev/null
zcat /usr/share/man/man1/gongji-intake.1.gz | grep -q -- '--listen ADDR:PORT'
intake_dir=$work/intake
install -d -o gongji-intake -m 0700 "$intake_dir" /var/lib/gongji-intake
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$intake_dir/key.pem" \
  -out "$intake_dir/cert.pem" -days 2 -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost" 2>/dev/null
GONGJI_DB="sqlite:$intake_dir/agency.db" /usr/bin/gongji init --demo >/dev/null 2>&1
key=$(GONGJI_DB="sqlite:$intake_dir/agency.db" GONGJI_PASSWORD=demo /usr/bin/gongji --as admin intake key new web 2>/dev/null)
chown -R gongji-intake "$intake_dir"
chmod 711 "$work"
[ -e /etc/gongji/intake.conf ] && { echo "/etc/gongji/intake.conf exists: not overwritten by a test" >&2; exit 1; }
mkdir -p /etc/gongji
printf 'listen = 127.0.0.1:0\ncert = %s\nkey = %s\ndb = sqlite:%s\n' "$intake_dir/cert.pem" "$intake_dir/key.pem" \
  "$intake_dir/agency.db" > /etc/gongji/intake.conf
chgrp gongji-intake /etc/gongji/intake.conf && chmod 0640 /etc/gongji/intake.conf
trap 'rm -f /etc/gongji/intake.conf; apt-get remove -y -qq gongji-desk >/dev/null 2>&1 || true' EXIT
read -r -a exec_start <<< "$(sed -n 's/^ExecStart=//p' "$unit")"
setpriv --reuid gongji-intake --regid gongji-intake --init-groups env HOME=/var/lib/gongji-intake "${exec_start[@]}" 2> "$work/intake.log" &
intake_pid=$!
for _ in $(seq 50); do grep -q listening "$work/intake.log" && break; sleep 0.1; done
port=$(sed -n 's/.*listening on https:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/intake.log")
[ -n "$port" ] || { echo "the installed gongji-intake did not start: $(cat "$work/intake.log")" >&2; exit 1; }
PYTHONPATH="$(dirname "$(readlink -f "$0")")/../tests/intake" python3 - "$port" "$intake_dir/cert.pem" "$key" <<'PY' || exit 1
import json, sys
from channel_client import Channel, material
port, cafile, key = int(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
channel = Channel("localhost", port, key["key_id"], key["secret"], cafile=cafile)
pdf = open("/usr/share/doc/gongji-desk/copyright", "rb").read()  # not a paper: refused as one
status, answer, _ = channel.apply({"apply_no": "WEB-PACKAGE-1", "submitted_at": "2026-12-07T09:30:00+08:00",
    "authorizer": {"id_number": "450802196503120117"}, "user": {"id_number": "450802196708200129"},
    "relation": "12", "materials": [material("hukou", "hk.pdf", pdf)]})
assert status == 422, (status, answer)
status, answer, _ = channel.apply({"apply_no": "WEB-PACKAGE-1", "submitted_at": "2026-12-07T09:30:00+08:00",
    "authorizer": {"id_number": "450802196503120117"}, "user": {"id_number": "450802196708200129"},
    "relation": "12", "materials": []})
assert (status, answer["state"]) == (201, "applied"), (status, answer)
PY
kill -TERM "$intake_pid"
wait "$intake_pid" || { echo "the installed gongji-intake did not stop cleanly on SIGTERM" >&2; exit 1; }
written=$(find /usr -newer "$work/installed" -not -type d 2>/dev/null | head -n 5)
if [ -n "$written" ]; then
  rm -rf "$work"
  echo "the installed programs wrote under /usr: $written" >&2
  exit 1
fi
rm -rf "$work"
echo "package installs and its programs start: $(basename "$deb")"
