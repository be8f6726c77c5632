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
for c in analyze export recommend tiers paths validate normalize import-stix import-mappings import-drawio catalog; do
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

# An unknown threat group id is the file's own text: it reaches the terminal escaped.
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
python3 - "$BW_SOURCE_DIR/data/samples/reference-architecture.bulwark" "$work/t.bulwark" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d.setdefault("settings", {})["threat_groups"] = ["G9\u001b]0;owned\u0007\u001b[31m"]
json.dump(d, open(sys.argv[2], "w"))
PY
err=$("$bulwark" validate "$work/t.bulwark" 2>&1 >/dev/null); rc=$?
[ $rc -eq 0 ] || check "validate with an unknown group exited $rc"
grep -qF 'G9\x1B]0;owned\x07\x1B[31m' <<<"$err" || check "group id not escaped: $(cat -v <<<"$err")"
if printf '%s' "$err" | grep -q $'\x1b'; then check "an escape character reached the terminal"; fi

[ $fail -eq 0 ] && echo "ok: bulwark front door"
exit $fail
