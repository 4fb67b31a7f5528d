#!/usr/bin/env bash
# Makes a program's manual page from its own `--help`, so the two cannot drift:
#   installer/make-manpage.sh PROGRAM SUMMARY SEE_ALSO OUT.1.gz
# The help is kept as written (one command a line), under NAME, SYNOPSIS, FILES (man-files.txt,
# the same for both programs) and SEE ALSO.
set -euo pipefail
program=$1 summary=$2 see_also=$3 out=$4
name=$(basename "$program")
version=$("$program" --version | awk '{print $2}')
help=$("$program" --help)
{
  echo ".TH ${name^^} 1 \"\" \"$name $version\" \"User Commands\""
  echo ".SH NAME"
  echo "$name \\- $summary"
  echo ".SH SYNOPSIS"
  echo ".nf"
  # Backslashes doubled; a line starting with . or ' would be a request.
  printf '%s\n' "$help" | sed -e 's/\\/\\\\/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"
  echo ".fi"
  echo ".SH FILES"
  echo ".nf"
  sed -e 's/\\/\\\\/g' "$(dirname "$0")/man-files.txt"
  echo ".fi"
  echo ".SH SEE ALSO"
  echo "$see_also"
} | gzip -9n > "$out"
