#!/usr/bin/env bash
# End to end, as a user would: start bulwark on a project, drag the first stencil of the palette
# (the Azure zone) onto the canvas with the real pointer (xdotool), save with Ctrl+S, and check
# that the file on disk holds the new zone. Needs a display (run under xvfb-run).
set -euo pipefail

if [ -z "${DISPLAY:-}" ] || ! command -v xdotool >/dev/null; then
  echo "SKIP: needs a display and xdotool"
  exit 77
fi

work=$(mktemp -d)
# The app is gone before the next test starts: a window still closing would be found by its name.
trap 'if kill "$app" 2>/dev/null; then wait "$app" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
cp "$BW_SOURCE_DIR/tests/fixtures/good/small.bulwark" "$work/drag-estate.bulwark"
count () { grep -c '"zone.azure"' "$work/drag-estate.bulwark" || true; }
before=$(count)

HOME="$work" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" \
  "$BW_BULWARK" "$work/drag-estate.bulwark" >"$work/app.log" 2>&1 &
app=$!

window=$(timeout 20 xdotool search --sync --onlyvisible --name "drag-estate.bulwark" | head -1)
eval "$(xdotool getwindowgeometry --shell "$window")"   # X, Y, WIDTH, HEIGHT
sleep 2

# UI automation races the toolkit on a busy machine: try the whole gesture up to three times.
after=$before
for attempt in 1 2 3; do
  # Focus the window by clicking its palette's search entry, then take the palette's first row,
  # under the entry and the "Zones" heading.
  xdotool mousemove $((X + 120)) $((Y + 66)) click 1
  sleep 0.3
  sx=$((X + 70)); sy=$((Y + 156))
  tx=$((X + WIDTH / 2)); ty=$((Y + HEIGHT - 280))
  xdotool mousemove "$sx" "$sy"
  sleep 0.3
  xdotool mousedown 1
  for i in $(seq 1 24); do
    xdotool mousemove $((sx + (tx - sx) * i / 24)) $((sy + (ty - sy) * i / 24))
    sleep 0.04
  done
  sleep 0.3
  xdotool mouseup 1
  sleep 1

  xdotool key ctrl+s
  for _ in $(seq 1 20); do
    after=$(count)
    [ "$after" -gt "$before" ] && break 2
    sleep 0.25
  done
  echo "attempt $attempt did not land; trying again"
done

if [ "$after" -le "$before" ]; then
  echo "FAIL: the saved file has no new zone"
  cat "$work/app.log"
  exit 1
fi
# The saved file is still a valid project.
"$BW_BULWARK" validate "$work/drag-estate.bulwark"
echo "ok: dragged, dropped and saved"
