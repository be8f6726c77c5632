#!/usr/bin/env bash
# End to end, through the real keyboard: three Right presses nudge the selected VM three grid
# steps, and one Ctrl+Z takes all three back — the nudges of one selection are one undo step —
# so the title shows no unsaved mark and the file saved with Ctrl+S is what it was. Needs a
# display (run under xvfb-run).
set -euo pipefail

if [ -z "${DISPLAY:-}" ] || ! command -v xdotool >/dev/null; then
  echo "SKIP: needs a display and xdotool"
  exit 77
fi

work=$(mktemp -d)
# The app is gone before the next test starts: a window still closing would be found by its name.
trap 'if kill "$app" 2>/dev/null; then wait "$app" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
file="$work/nudge-estate.bulwark"
cp "$BW_SOURCE_DIR/tests/fixtures/good/small.bulwark" "$file"
cp "$file" "$work/baseline"

HOME="$work" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" \
  "$BW_BULWARK" "$file" >"$work/app.log" 2>&1 &
app=$!

window=$(timeout 20 xdotool search --sync --onlyvisible --name "nudge-estate.bulwark" | head -1)
eval "$(xdotool getwindowgeometry --shell "$window")"   # X, Y, WIDTH, HEIGHT
sleep 2

fail () {
  echo "FAIL: $*"
  cat "$work/app.log"
  exit 1
}

# The VM, n1, as the view is fitted on opening at the default size (as in e2e-keys.sh).
node_x=$((X + 330)); node_y=$((Y + 217))

modified () { xdotool getwindowname "$window" | grep -q '•'; }
unmodified () { ! modified; }
inode () { stat -c %i "$file"; }

# Waits (a busy machine is slow) until the command succeeds; false after about fifteen seconds.
wait_for () {
  for _ in $(seq 1 60); do
    if "$@"; then return 0; fi
    sleep 0.25
  done
  return 1
}

xdotool mousemove "$node_x" "$node_y" click 1
sleep 0.4
for _ in 1 2 3; do
  xdotool key Right
  sleep 0.2
done
wait_for modified || fail "Right on the selected node did not nudge it"

xdotool key ctrl+z
sleep 0.5
wait_for unmodified || fail "one Ctrl+Z did not take back the three nudges"

before=$(inode)
xdotool key ctrl+s
inode_changed () { [ "$(inode)" != "$before" ]; }
wait_for inode_changed || fail "Ctrl+S did not save"
cmp -s "$file" "$work/baseline" || fail "the saved position is not the original: $(diff "$work/baseline" "$file")"
echo "PASS"
