#!/usr/bin/env bash
# Every source file with translatable strings is listed in po/POTFILES.in, and every listed
# file exists; `meson compile bulwark-pot` then extracts them all.
set -euo pipefail
cd "$BW_SOURCE_DIR"
status=0
for f in $(grep -l '_("\|_ ("\|N_("\|ngettext (' src/*/*.c) ui/*.ui ui/gtk/*.ui; do
  grep -qx "$f" po/POTFILES.in || { echo "missing from po/POTFILES.in: $f"; status=1; }
done
while read -r f; do
  case "$f" in ''|'#'*) continue;; esac
  [ -f "$f" ] || { echo "po/POTFILES.in lists a missing file: $f"; status=1; }
done < po/POTFILES.in
exit $status
