#!/usr/bin/env bash
# End to end, as a user would: start bulwark on a project, find "Storage account" in the
# palette, drag it onto the canvas with the real pointer (xdotool), save with Ctrl+S, and
# check that the file on disk holds the new node. Needs a display (run under xvfb-run).
set -euo pipefail

if [ -z "${DISPLAY:-}" ] || ! command -v xdotool >/dev/null; then
  echo "SKIP: needs a display and xdotool"
  exit 77
fi

work=$(mktemp -d)
trap 'kill "$app" 2>/dev/null || true; rm -rf "$work"' EXIT
cp "$BW_SOURCE_DIR/tests/fixtures/good/small.bulwark" "$work/estate.bulwark"
before=$(grep -c '"azure.storage"' "$work/estate.bulwark" || true)

HOME="$work" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" \
  "$BW_BULWARK" "$work/estate.bulwark" >"$work/app.log" 2>&1 &
app=$!

window=$(timeout 20 xdotool search --sync --name "estate.bulwark" | head -1)
eval "$(xdotool getwindowgeometry --shell "$window")"   # X, Y, WIDTH, HEIGHT
sleep 2

# UI automation races the toolkit on a busy machine: try the whole gesture up to three times.
after=$before
for attempt in 1 2 3; do
  # The palette's search entry sits under the header bar; filter down to one stencil.
  xdotool mousemove $((X + 120)) $((Y + 66)) click --repeat 3 1
  sleep 0.5
  xdotool type --delay 40 "Storage account"
  sleep 1

  # Drag the one remaining row onto an empty part of the canvas, in small steps as a hand would.
  sx=$((X + 100)); sy=$((Y + 156))
  tx=$((X + WIDTH / 2 + 150)); ty=$((Y + HEIGHT - 220))
  xdotool mousemove "$sx" "$sy"
  sleep 0.2
  xdotool mousedown 1
  for i in $(seq 1 24); do
    xdotool mousemove $((sx + (tx - sx) * i / 24)) $((sy + (ty - sy) * i / 24))
    sleep 0.04
  done
  sleep 0.3
  xdotool mouseup 1
  sleep 0.8

  xdotool key ctrl+s
  for _ in $(seq 1 20); do
    after=$(grep -c '"azure.storage"' "$work/estate.bulwark" || true)
    [ "$after" -gt "$before" ] && break 2
    sleep 0.25
  done
  echo "attempt $attempt did not land; trying again"
done

if [ "$after" -le "$before" ]; then
  echo "FAIL: the saved file has no new storage account node"
  cat "$work/app.log"
  exit 1
fi
# The saved file is still a valid project.
"$BW_BULWARK" validate "$work/estate.bulwark"
echo "ok: dragged, dropped and saved"
