#!/usr/bin/env bash
# Upgrade without loss: installs the previous release's package (tests/data/packages), makes an
# agency's data with it — users, a profile it corrected, a case with its scans and decision,
# settlements, the machine's settings and audit key, a template of its own — installs this
# build's package over it, starts the new desktop app on that database (it upgrades the schema
# at its first start and says so), and shows that everything is still there and the audit chain
# verifies against the anchor printed before. Then a downgrade is refused by the package, and,
# forced, the old program refuses the upgraded database. Runs alone (ctest RUN_SERIAL): it
# installs packages and uses the machine's /etc/gongji, which it puts back as it was.
# Usage: installer/check-upgrade.sh BUILD_DIR   (as root, in an X display for the desktop app)
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
build=$(readlink -f "$1")
old_deb=$(ls "$here"/../tests/data/packages/gongji-desk_*_amd64.deb | sort -V | tail -n 1)
(cd "$build" && cpack >/dev/null)
new_deb=$(ls -t "$build"/gongji-desk_*_amd64.deb | head -n 1)
new_version=$(dpkg-deb -f "$new_deb" Version)
old_version=$(dpkg-deb -f "$old_deb" Version)
export DEBIAN_FRONTEND=noninteractive

work=$(mktemp -d)
etc_kept=""
if [ -e /etc/gongji ]; then etc_kept="$work/etc-gongji"; mv /etc/gongji "$etc_kept"; fi
finish() {
  dpkg --purge gongji-desk >/dev/null 2>&1 || true
  rm -rf /etc/gongji
  [ -n "$etc_kept" ] && mv "$etc_kept" /etc/gongji
  rm -rf "$work"
}
trap finish EXIT
fail() { echo "upgrade $old_version → $new_version: $*" >&2; exit 1; }

# The window's own database, where a clerk's is: in the data folder of the account.
export HOME="$work/home"
mkdir -p "$HOME"
unset GONGJI_DB XDG_DATA_HOME GONGJI_DATA_DIR GONGJI_REPORTS_DIR GONGJI_AGENCY_REPORTS_DIR GONGJI_AUDIT_KEY_FILE \
      GONGJI_WORKSTATION GONGJI_WORKSTATION_FILE GONGJI_DEVICES_FILE
db="$HOME/.local/share/gongji/gongji.db"
g() { /usr/bin/gongji "$@"; }
as() { local who=$1; shift; GONGJI_PASSWORD=demo /usr/bin/gongji --as "$who" "$@" 2>>"$work/stderr"; }
husband=450802196503120117 wife=450802196708200129

# --- The previous release, and an agency's work with it.
dpkg --purge gongji-desk >/dev/null 2>&1 || true
apt-get install -y -qq "$old_deb" >/dev/null
[ "$(dpkg-query -W -f='${Version}' gongji-desk)" = "$old_version" ] || fail "the old package did not install"
g settings set workstation 窗口-07 >/dev/null
g settings set scanner test:0 >/dev/null
g audit key new >/dev/null
g init --demo >/dev/null 2>&1
GONGJI_NEW_PASSWORD=Start-2026x as admin user add wangfang --role clerk --full-name 王芳 >/dev/null
g policy show guangxi | sed 's/"title": *"[^"]*"/"title":"广西（本中心修订）"/' > "$work/guangxi.json"
grep -q '本中心修订' "$work/guangxi.json" || fail "could not edit the profile"
as admin policy import "$work/guangxi.json" >/dev/null
pdftoppm -png -r 40 -f 1 -l 1 "$here/../docs/samples/receipt.pdf" "$work/scan" && scan="$work/scan-1.png"
case_number=$(as clerk case bind --policy guangxi --authorizer $husband --user $wife --relation 12 \
              --doc "id_card=$scan" --doc "marriage_certificate=$scan" | sed -n 's/.*"case": *"\([^"]*\)".*/\1/p')
[ -n "$case_number" ] || fail "no case was submitted: $(cat "$work/stderr")"
as super case approve "$case_number" >/dev/null
printf '%s\n' "setl_id,user_id_number,time,institution_code,institution_name,use,amount" \
  "U1,$wife,2026-11-22T09:30:00+08:00,H1,贵港市人民医院,clinic,86.50" > "$work/settle.csv"
as admin settle "$work/settle.csv" >/dev/null
mkdir -p /etc/gongji/reports
printf '%s\n' "title 受理凭证（本中心格式）" "field 办件编号 | {case}" > /etc/gongji/reports/receipt.tpl
# 0.1.0's only way to change a paper: the shipped template edited in place.
echo "text 本中心在旧版中修改的通知书。" >> /usr/share/gongji/reports/decision.tpl
anchors=$(g audit anchor | grep -oE '"[^"]+:[0-9]+:[0-9a-f]+"' | tr -d '"')
[ -n "$anchors" ] || fail "no audit anchor"
old_schema=$(sqlite3 "$db" "SELECT max(version) FROM schema_migrations")
old_scan=$(as clerk document list --case "$case_number" | grep -oE '"id": *[0-9]+' | head -n 1 | grep -oE '[0-9]+$')
as clerk document get "$old_scan" --out "$work/scan-before.png" >/dev/null
machine_before=$(cd /etc/gongji && sha256sum workstation devices.conf audit.key reports/receipt.tpl)

# --- This build's package over it: no question asked, nothing in /etc/gongji touched.
apt-get install -y -qq "$new_deb" >/dev/null || fail "the new package did not install over the old one"
[ "$(dpkg-query -W -f='${Version}' gongji-desk)" = "$new_version" ] || fail "the new package is not the one installed"
[ "$(cd /etc/gongji && sha256sum workstation devices.conf audit.key reports/receipt.tpl)" = "$machine_before" ] ||
  fail "the machine's settings, key or the agency's template changed"

# The first start is the desktop app's: it upgrades the schema, keeps the copy, says so, and the
# clerk logs in.
GDK_BACKEND=x11 NO_AT_BRIDGE=1 LANG=C.UTF-8 GONGJI_EXPECT_UPGRADE=1 "$here/desk-login-smoke.sh" "sqlite:$db" ||
  fail "the desktop app's first start on the old database"
new_schema=$(sqlite3 "$db" "SELECT max(version) FROM schema_migrations")
latest=$(ls /usr/share/gongji/db/migrations/*.sql | wc -l)
[ "$new_schema" = "$latest" ] || fail "schema at $new_schema after the first start, not $latest"
[ "$old_schema" -lt "$new_schema" ] || fail "this release has no migration to show"
[ "$(sqlite3 "$db.schema-$old_schema" "SELECT max(version) FROM schema_migrations")" = "$old_schema" ] ||
  fail "no copy of the database as it was"
[ "$(sqlite3 "$db" "SELECT program_release || ' ' || from_version || ' ' || to_version FROM schema_releases")" = \
  "$new_version $old_schema $new_schema" ] || fail "the upgrade's release was not recorded"

# Everything is there.
for anchor in $anchors; do
  g audit verify --anchor "$anchor" >/dev/null || fail "the audit chain does not verify against $anchor"
done
[ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE action = 'schema_upgrade'")" = 1 ] ||
  fail "the upgrade is not in the audit log"
as admin user list | grep -q wangfang || fail "a user was lost"
g policy show guangxi | grep -q '广西（本中心修订）' || fail "the agency's profile correction was lost"
as super case show "$case_number" | grep -q '"approved"' || fail "the case or its decision was lost"
as super document get "$old_scan" --out "$work/scan-after.png" >/dev/null
cmp -s "$work/scan-before.png" "$work/scan-after.png" || fail "a scan changed"
as super statement --user $wife --from 2026-11-01 --to 2026-11-30 | grep -q '"U1"' || fail "a settlement was lost"
as super report receipt --case "$case_number" --pdf "$work/receipt.pdf" >/dev/null
pdftotext "$work/receipt.pdf" - | grep -q '受理凭证（本中心格式）' || fail "the agency's own template is not used"
as super report decision --case "$case_number" --pdf "$work/decision.pdf" >/dev/null
pdftotext "$work/decision.pdf" - | grep -q '本中心在旧版中修改的通知书' || fail "the template edited under /usr/share was lost"
grep -q '本中心在旧版中修改的通知书' /etc/gongji/reports/decision.tpl || fail "the edited template was not kept in /etc/gongji"

# --- Back to the old release: refused by the package, with the way back said.
if dpkg -i "$old_deb" > "$work/downgrade.log" 2>&1; then fail "a downgrade was let through"; fi
grep -q "refusing to go back from $new_version to $old_version" "$work/downgrade.log" || fail "$(cat "$work/downgrade.log")"
[ "$(dpkg-query -W -f='${Version}' gongji-desk)" = "$new_version" ] || fail "the refused downgrade left $old_version"
# Forced, the old program refuses the database and changes nothing.
GONGJI_ALLOW_DOWNGRADE=yes dpkg -i "$old_deb" >/dev/null 2>&1 || fail "the forced downgrade did not install"
if as super case show "$case_number" >/dev/null; then fail "the old program opened the upgraded database"; fi
grep -q "newer than this program knows" "$work/stderr" || fail "the old program's refusal: $(tail -n 2 "$work/stderr")"
[ "$(sqlite3 "$db" "SELECT max(version) FROM schema_migrations")" = "$new_schema" ] || fail "the old program changed the database"

# The way back the refusal describes: the new version restores the copy it kept, then the old
# package is forced; the old program works on it, and the chain is the one anchored before.
apt-get install -y -qq "$new_deb" >/dev/null || fail "reinstalling the new package"
as admin restore "$db.schema-$old_schema" >/dev/null || fail "the new version does not restore its upgrade copy: $(tail -n 1 "$work/stderr")"
[ "$(sqlite3 "$db" "SELECT max(version) FROM schema_migrations")" = "$old_schema" ] || fail "the restore upgraded the copy it put back"
[ ! -e "$db.schema-$old_schema.2" ] || fail "the restore made another copy"
GONGJI_ALLOW_DOWNGRADE=yes dpkg -i "$old_deb" >/dev/null 2>&1 || fail "the forced downgrade did not install"
as super case show "$case_number" | grep -q '"approved"' || fail "the old program cannot use the restored database"
for anchor in $anchors; do
  g audit verify --anchor "$anchor" >/dev/null || fail "after going back, the chain does not verify against $anchor"
done
echo "upgrade keeps the data: $old_version → $new_version (schema $old_schema → $new_schema); downgrade refused, the way back works"
