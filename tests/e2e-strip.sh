#!/usr/bin/env bash
# End to end, as a user would: start bulwark on a project, press on a cell of the coverage strip
# at the bottom of the canvas with the real pointer (xdotool), drag across the diagram, release,
# save with Ctrl+S, and check that the file on disk is byte for byte what it was: the strip
# takes its own events, none reach the diagram under it. Needs a display (run under xvfb-run).
set -euo pipefail

if [ -z "${DISPLAY:-}" ] || ! command -v xdotool >/dev/null; then
  echo "SKIP: needs a display and xdotool"
  exit 77
fi

work=$(mktemp -d)
# The app is gone before the next test starts: a window still closing would be found by its name.
trap 'if kill "$app" 2>/dev/null; then wait "$app" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
file="$work/strip-estate.bulwark"
cp "$BW_SOURCE_DIR/tests/fixtures/good/small.bulwark" "$file"
cp "$file" "$work/before.bulwark"

HOME="$work" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" \
  "$BW_BULWARK" "$file" >"$work/app.log" 2>&1 &
app=$!

window=$(timeout 20 xdotool search --sync --onlyvisible --name "strip-estate.bulwark" | head -1)
eval "$(xdotool getwindowgeometry --shell "$window")"   # X, Y, WIDTH, HEIGHT
sleep 2

# The diagram fits above the strip: pan it down with the middle button (the Azure zone spans
# about (278, 147)–(1015, 699)) so that the zone lies under the strip, as it did when the bug
# moved it.
px=$((X + 600)); py=$((Y + 400))
xdotool mousemove "$px" "$py"
sleep 0.3
xdotool mousedown 2
for i in $(seq 1 12); do
  xdotool mousemove "$px" $((py + 25 * i))
  sleep 0.04
done
xdotool mouseup 2
sleep 0.5

# The strip's tactic row, in the middle of the canvas, some 60 px above the window's bottom;
# the drag goes up and left across the diagram, as one would move a zone.
sx=$((X + WIDTH / 2 - 40)); sy=$((Y + HEIGHT - 62))
tx=$((X + WIDTH / 2 - 240)); ty=$((Y + HEIGHT / 2 - 120))
for attempt in 1 2; do
  xdotool mousemove "$sx" "$sy"
  sleep 0.3
  xdotool mousedown 1
  for i in $(seq 1 24); do
    xdotool mousemove $((sx + (tx - sx) * i / 24)) $((sy + (ty - sy) * i / 24))
    sleep 0.04
  done
  sleep 0.3
  xdotool mouseup 1
  sleep 0.5
done

xdotool key ctrl+s
sleep 2
kill -0 "$app"

if ! cmp -s "$work/before.bulwark" "$file"; then
  echo "FAIL: a drag from the coverage strip changed the diagram"
  diff "$work/before.bulwark" "$file" || true
  cat "$work/app.log"
  exit 1
fi
"$BW_BULWARK" validate "$file"
echo "ok: dragged from the strip, saved, the file is unchanged"
