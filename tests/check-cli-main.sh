#!/usr/bin/env bash
# The binary's front door: --help lists the commands, a mistyped command or a missing file is
# refused with exit 2 and one line, and no window is tried for either (no display is set here).
set -u
bulwark="${BW_BULWARK:?}"
unset DISPLAY WAYLAND_DISPLAY
fail=0
check () { echo "not ok: $*"; fail=1; }

out=$("$bulwark" --help 2>&1); rc=$?
[ $rc -eq 0 ] || check "--help exited $rc"
for c in analyze export recommend tiers paths validate normalize import-stix import-mappings catalog; do
  grep -q "^  $c " <<<"$out" || check "--help does not list $c"
done
[ "$("$bulwark" -h 2>&1)" = "$out" ] || check "-h differs from --help"

err=$("$bulwark" frobnicate 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] || check "unknown command exited $rc"
grep -q 'unknown command “frobnicate”' <<<"$err" || check "unknown command message: $err"
[ "$(wc -l <<<"$err")" -eq 1 ] || check "unknown command printed more than one line: $err"

err=$("$bulwark" missing/estate.bulwark 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] || check "missing file exited $rc"
grep -q 'missing/estate.bulwark: no such file' <<<"$err" || check "missing file message: $err"

[ $fail -eq 0 ] && echo "ok: bulwark front door"
exit $fail
