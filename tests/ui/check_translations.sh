#!/usr/bin/env bash
# Fails when a user-visible string of the desktop app (a _("…") in src/ui or a label in
# forms/*.xrc) has no Simplified Chinese translation in po/zh_CN.po.
set -euo pipefail
top="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wxrc --gettext "$top"/forms/*.xrc > "$work/forms.cpp"
xgettext --from-code=UTF-8 -C -k_ -kwxPLURAL:1,2 --omit-header -o "$work/strings.pot" \
  "$top"/src/ui/*.cpp "$work/forms.cpp"
if ! msgcmp "$top/po/zh_CN.po" "$work/strings.pot" 2> "$work/missing.txt"; then
  echo "Strings without a Chinese translation:" >&2
  grep -o 'msgid "[^"]*"\|this message is used but not defined.*' "$work/missing.txt" >&2 || cat "$work/missing.txt" >&2
  exit 1
fi
stats=$(msgfmt --statistics -o /dev/null "$top/po/zh_CN.po" 2>&1)
case "$stats" in
  *untranslated*|*fuzzy*) echo "po/zh_CN.po: $stats" >&2; exit 1 ;;
esac
echo "translations complete: $stats"
