#!/usr/bin/env bash
# Fails when a user-visible string of the desktop app (a _("…") in src/ui or a label in
# forms/*.xrc) has no Simplified Chinese translation in po/zh_CN.po, or when a mnemonic on a page
# of the main window (Alt+letter) is one of the menu bar's, in English or in Chinese: the menu
# would take the key, and the button would never be reached by it (issue 30).
set -euo pipefail
top="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wxrc --gettext "$top"/forms/*.xrc > "$work/forms.cpp"
xgettext --from-code=UTF-8 -C -k_ -kwxPLURAL:1,2 -kwxTRANSLATE --omit-header -o "$work/strings.pot" \
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
# The menu bar's letters (bar->Append(menu, _("&File"))), and every labelled control on the pages.
menu_letters=$(grep -o 'bar->Append([a-z]*, _("[^"]*")' "$top/src/ui/main_frame.cpp" | grep -o '&[A-Za-z]' | tr -d '&' | tr a-z A-Z | sort -u | tr -d '\n')
[ -n "$menu_letters" ] || { echo "no menu letters found in main_frame.cpp" >&2; exit 1; }
clashes=0
for form in clerk_panel review_panel case_search admin_panel users_panel policy_panel supervision statistics access_log; do
  while IFS= read -r label; do
    english=${label//&amp;/\&}
    chinese=$(grep -A1 -F -x "msgid \"$english\"" "$top/po/zh_CN.po" | sed -n '2s/^msgstr "\(.*\)"$/\1/p' || true)
    for text in "$english" "$chinese"; do
      letter=$(echo "$text" | grep -o '&[A-Za-z]' | head -1 | tr -d '&' | tr a-z A-Z || true)
      if [ -n "$letter" ] && [[ $menu_letters == *"$letter"* ]]; then
        echo "forms/$form.xrc: \"$text\" takes Alt+$letter, which opens a menu" >&2
        clashes=$((clashes + 1))
      fi
    done
  done < <(grep -o '<label>[^<]*&amp;[^<]*</label>' "$top/forms/$form.xrc" | sed 's/<label>//; s/<\/label>//')
done
[ "$clashes" -eq 0 ] || exit 1
echo "translations complete: $stats; no page mnemonic shadows the menus ($menu_letters)"
