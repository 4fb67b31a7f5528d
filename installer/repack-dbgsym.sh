#!/bin/sh
# Mends the debugging-symbols package CMake 3.25's CPack writes (lintian: md5sums naming build
# paths, no copyright, no changelog): its md5sums made again from its files, and its doc folder
# a link to gongji-desk's, as Debian's own dbgsym packages have (it depends on that exact version).
# Usage: installer/repack-dbgsym.sh PACKAGE.ddeb
set -eu
ddeb=$1
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
dpkg-deb -R "$ddeb" "$tree"
chmod 0755 "$tree"
find "$tree/usr" -type f -exec chmod 0644 {} +
name=$(dpkg-deb -f "$ddeb" Package)
mkdir -p "$tree/usr/share/doc"
rm -rf "$tree/usr/share/doc/$name"
ln -s "${name%-dbgsym}" "$tree/usr/share/doc/$name"
(cd "$tree" && find usr -type f | LC_ALL=C sort | xargs md5sum > DEBIAN/md5sums)
dpkg-deb --root-owner-group -Zxz -b "$tree" "$ddeb" >/dev/null
